"""Dates as written on regjeringen.no pages and in Norwegian government texts.

Understood forms (case-insensitive, Bokmål and Nynorsk month names, with or without
a "Dato:" prefix)::

    27.12.2010     27.12.10 (two-digit years are *not* guessed: ignored)
    27. desember 2010    27 des. 2010    2010-12-27

``parse_date`` reads one date from a short string; ``find_dates`` lists every date
in a longer text in order of appearance. Impossible dates (31.02.2016) are skipped,
never "corrected".
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["MONTHS", "parse_date", "find_dates", "find_dates_at", "format_date_no"]

#: month name or abbreviation -> month number (Bokmål and Nynorsk).
MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1,
    "februar": 2, "feb": 2, "febr": 2,
    "mars": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "desember": 12, "des": 12,
}

_MONTH_NAMES_BY_NUMBER = {
    1: "januar", 2: "februar", 3: "mars", 4: "april", 5: "mai", 6: "juni",
    7: "juli", 8: "august", 9: "september", 10: "oktober", 11: "november", 12: "desember",
}

_month_alt = "|".join(sorted(MONTHS, key=len, reverse=True))

# Order matters only for overlapping matches; all three are tried and merged by position.
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WORDS = re.compile(
    rf"(?<![\w.])(\d{{1,2}})\.?\s+({_month_alt})\.?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _iter_dates(text: str):
    for m in _NUMERIC.finditer(text):
        dt = _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if dt:
            yield m.start(), dt
    for m in _ISO.finditer(text):
        dt = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if dt:
            yield m.start(), dt
    for m in _WORDS.finditer(text):
        month = MONTHS[m.group(2).lower()]
        dt = _make(int(m.group(3)), month, int(m.group(1)))
        if dt:
            yield m.start(), dt


def find_dates(text: str) -> list[date]:
    """Every valid date in ``text``, in order of appearance (duplicates kept)."""
    if not text:
        return []
    return [dt for _, dt in sorted(_iter_dates(text), key=lambda t: t[0])]


def find_dates_at(text: str) -> list[tuple[int, date]]:
    """Every valid date in ``text`` with the offset where it is written, in order of appearance."""
    if not text:
        return []
    return sorted(_iter_dates(text), key=lambda t: t[0])


def parse_date(text: str | None) -> date | None:
    """The first date in a short string such as ``"Dato: 27.12.2010"``; None if there is none."""
    if not text:
        return None
    found = find_dates(text)
    return found[0] if found else None


def format_date_no(d: date) -> str:
    """``date(2010, 12, 27)`` -> ``"27. desember 2010"``."""
    return f"{d.day}. {_MONTH_NAMES_BY_NUMBER[d.month]} {d.year}"
