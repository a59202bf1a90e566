"""Helpers for the structure tests: hand-built blocks and a small stand-in registry.

The stand-in registry knows a handful of 2016 ministries (real names) so that parser logic can be tested without the
reference package; integration tests use the real ``pipeline.reference.default_registry()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.model import Block, LaidOutDocument, MinistryOnDate, Table


def H(text: str, level: int = 2, page: int = 1, size: float | None = None) -> Block:
    return Block(text=text, page=page, page_end=page, x0=50, top=100, x1=500, bottom=115,
                 size=size or {1: 18.0, 2: 14.0, 3: 12.0}.get(level, 11.0), bold=True, role="heading",
                 heading_level=level, lines=[text])


def P(text: str, page: int = 1, page_end: int | None = None, bold: bool = False, role: str = "body",
      lines: list[str] | None = None) -> Block:
    return Block(text=text, page=page, page_end=page_end or page, x0=50, top=200, x1=500, bottom=260,
                 size=10.0, bold=bold, role=role, lines=lines or [text])  # type: ignore[arg-type]


def L(text: str, page: int = 1) -> Block:
    return P(text, page, role="list_item")


def TB(header: list[str], rows: list[list[str]], row_pages: list[int], title: str | None = "Oversikt over tiltak") -> Block:
    t = Table(header=header, rows=rows, row_pages=row_pages, page_start=min(row_pages), page_end=max(row_pages), title=title)
    return Block(text="", page=t.page_start, page_end=t.page_end, x0=50, top=100, x1=550, bottom=700, size=9.0,
                 bold=False, role="table", table=t)


def doc_of(blocks: list[Block], toc=None) -> LaidOutDocument:
    pages = max((b.page_end for b in blocks), default=1)
    tables = [b.table for b in blocks if b.table is not None]
    return LaidOutDocument(path="eksempel.pdf", page_count=pages, blocks=blocks, toc=toc or [], tables=tables, body_size=10.0)


_M2016 = {
    "justice": ("Justis- og beredskapsdepartementet", "JD"),
    "health": ("Helse- og omsorgsdepartementet", "HOD"),
    "children": ("Barne- og likestillingsdepartementet", "BLD"),
    "labour": ("Arbeids- og sosialdepartementet", "ASD"),
    "foreign": ("Utenriksdepartementet", "UD"),
    "education": ("Kunnskapsdepartementet", "KD"),
}
_TITLES = {
    "justis- og beredskapsminister": "justice",
    "innvandrings- og integreringsminister": "justice",
    "helse- og omsorgsminister": "health",
    "barne- og likestillingsminister": "children",
    "utenriksminister": "foreign",
}


@dataclass
class _Agency:
    agency_id: str
    name: str


class FakeRegistry:
    """Exact-form lookups only (case-insensitive); enough to test the structure parsers."""

    def __init__(self) -> None:
        self.forms: dict[str, str] = {}
        for mid, (name, abbr) in _M2016.items():
            self.forms[name.lower()] = mid
            self.forms[abbr.lower()] = mid

    def _mod(self, mid: str, on: date | None, matched: str) -> MinistryOnDate:
        name, abbr = _M2016[mid]
        return MinistryOnDate(ministry_id=mid, name=name, abbreviation=abbr, on=on, matched=matched)

    def try_resolve(self, text: str, on: date | None = None) -> MinistryOnDate | None:
        key = re.sub(r"\s+", " ", text).strip().lower()
        mid = self.forms.get(key)
        return self._mod(mid, on, key) if mid else None

    def resolve_title(self, title: str, on: date | None = None) -> MinistryOnDate:
        mid = _TITLES.get(title.strip().lower())
        if mid is None:
            raise LookupError(title)
        return self._mod(mid, on, title)

    def resolve_agency(self, text: str):
        t = text.strip().lower()
        if t in ("politidirektoratet", "pod"):
            return _Agency("pod", "Politidirektoratet")
        if t in ("utlendingsdirektoratet", "udi"):
            return _Agency("udi", "Utlendingsdirektoratet")
        return None
