"""Reference engine: pdfplumber (pdfminer.six)."""

from __future__ import annotations

import re
from typing import Any

from pipeline.model import Char
from pipeline.pdf.engines.base import EngineError, RawTable, Ruling, table_settings_for

_SUBSET = re.compile(r"^[A-Z]{6}\+")


def _classify_open_error(exc: BaseException) -> EngineError:
    name = type(exc).__name__
    text = f"{name}: {exc}"
    low = text.lower()
    if "password" in low or "encrypt" in low:
        return EngineError("encrypted", text)
    return EngineError("corrupt", text)


def _extract_raw_tables(page: Any, page_no: int, rulings: list[Ruling]) -> list[RawTable]:
    out: list[RawTable] = []
    for t in page.find_tables(table_settings_for(rulings)):
        rows = t.extract()
        bboxes = [tuple(r.bbox) for r in t.rows]
        out.append(RawTable(bbox=tuple(t.bbox), rows=rows, page=page_no, row_bboxes=bboxes))
    return out


class PlumberDocument:
    def __init__(self, path: str, password: str | None = None):
        import pdfplumber

        try:
            self._pdf = pdfplumber.open(path, password=password or "")
            self.page_count = len(self._pdf.pages)
        except Exception as exc:  # pdfminer raises many types
            raise _classify_open_error(exc) from None
        self.warnings: list[str] = []
        self.metadata: dict[str, str] = {}
        try:
            for k, v in (self._pdf.metadata or {}).items():
                if isinstance(v, bytes):
                    v = v.decode("utf-8", "replace")
                if isinstance(v, (str, int, float)):
                    self.metadata[str(k)] = str(v)
        except Exception:  # metadata is optional
            pass
        self._cache: dict[int, Any] = {}

    def _page(self, page: int):
        return self._pdf.pages[page - 1]

    def page_size(self, page: int) -> tuple[float, float]:
        p = self._page(page)
        return float(p.width), float(p.height)

    def chars(self, page: int) -> list[Char]:
        p = self._page(page)
        out: list[Char] = []
        for c in p.chars:
            if not c.get("upright", True):
                continue
            out.append(
                Char(
                    text=c["text"],
                    x0=float(c["x0"]),
                    top=float(c["top"]),
                    x1=float(c["x1"]),
                    bottom=float(c["bottom"]),
                    size=round(float(c["size"]), 2),
                    fontname=_SUBSET.sub("", str(c.get("fontname", ""))),
                    page=page,
                )
            )
        return out

    def rulings(self, page: int) -> list[Ruling]:
        p = self._page(page)
        out = []
        for obj in list(p.rects) + list(p.lines):
            out.append(Ruling(float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]), page))
        return out

    def find_tables(self, page: int) -> list[RawTable]:
        return _extract_raw_tables(self._page(page), page, self.rulings(page))

    def release(self, page: int) -> None:
        """Free parsed objects of a page (large documents)."""
        try:
            self._page(page).close()
        except Exception:
            pass

    def close(self) -> None:
        try:
            self._pdf.close()
        except Exception:
            pass


class PlumberEngine:
    name = "pdfplumber"

    def open(self, path: str, password: str | None = None) -> PlumberDocument:
        return PlumberDocument(path, password)
