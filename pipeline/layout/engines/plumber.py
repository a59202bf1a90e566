"""Reference engine: pdfplumber (pdfminer.six)."""

from __future__ import annotations

import logging
import re
from typing import Any

from pipeline.model import Char
from pipeline.layout.engines.base import Bookmark, EngineError, RawTable, Ruling, glyphs_of, table_settings_for

_SUBSET = re.compile(r"^[A-Z]{6}\+")
# pdfminer logs every recoverable oddity of a damaged file; the reader reports damage itself
logging.getLogger("pdfminer").setLevel(logging.ERROR)
_CID = re.compile(r"^\(cid:\d+\)$")  # pdfminer's spelling of a glyph without a Unicode mapping


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
        rows: list[list[str | None]] = []  # cell text is spelt by the layout from the glyphs in ``cells``
        bboxes = [tuple(r.bbox) for r in t.rows]
        cells = [[tuple(c) if c is not None else None for c in r.cells] for r in t.rows]
        out.append(RawTable(bbox=tuple(t.bbox), rows=rows, page=page_no, row_bboxes=bboxes, cells=cells))
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
        self._sizes: dict[int, tuple[float, float]] = {}  # pages read turned (sideways text)

    def _page(self, page: int):
        return self._pdf.pages[page - 1]

    def page_size(self, page: int) -> tuple[float, float]:
        if page in self._sizes:
            return self._sizes[page]
        p = self._page(page)
        return float(p.width), float(p.height)

    def chars(self, page: int) -> list[Char]:
        p = self._page(page)
        upright: list[Char] = []
        other: list[Char] = []
        for c in p.chars:
            text = c["text"]
            if _CID.match(text):
                text = "\ufffd"
            ch = Char(
                text=text,
                x0=float(c["x0"]),
                top=float(c["top"]),
                x1=float(c["x1"]),
                bottom=float(c["bottom"]),
                size=round(float(c["size"]), 2),
                fontname=_SUBSET.sub("", str(c.get("fontname", ""))),
                page=page,
            )
            if c.get("upright", True):
                upright.append(ch)
            else:
                other.append((ch, c.get("matrix") or (1, 0, 0, 1, 0, 0)))
        if not upright and other:
            # a page set sideways: turn the coordinates so that its text runs left to right
            return self._unrotate(page, other)
        return upright

    def _unrotate(self, page: int, chars: list[tuple[Char, tuple]]) -> list[Char]:
        w, h = float(self._page(page).width), float(self._page(page).height)
        a, b = chars[0][1][0], chars[0][1][1]
        out = []
        for c, _m in chars:
            if abs(a) < 1e-6 and b < 0:  # text runs down the displayed page
                box = (c.top, w - c.x1, c.bottom, w - c.x0)
            elif abs(a) < 1e-6 and b > 0:  # text runs up
                box = (h - c.bottom, c.x0, h - c.top, c.x1)
            else:  # upside down
                box = (w - c.x1, h - c.bottom, w - c.x0, h - c.top)
            x0, top, x1, bottom = box
            # pdfminer gives sideways glyphs the advance as "size"; the em is the box across the line
            size = round(bottom - top, 2)
            out.append(Char(c.text, x0, top, x1, bottom, size, c.fontname, page))
        if abs(a) < 1e-6:
            self._sizes[page] = (h, w)
        self.warnings.append(f"page {page}: text is set sideways; read it turned upright")
        return out

    def glyphs(self, page: int) -> list[tuple]:
        return glyphs_of(self.chars(page))

    def rulings(self, page: int) -> list[Ruling]:
        p = self._page(page)
        out = []
        for obj in list(p.rects) + list(p.lines):
            out.append(Ruling(float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]), page))
        return out

    def rects(self, page: int) -> list[Ruling]:
        """Filled or stroked boxes (both sides longer than 2 pt)."""
        return [r for r in self.rulings(page) if r.orientation == "rect"]

    def lines(self, page: int) -> list[Ruling]:
        """Horizontal and vertical rules."""
        return [r for r in self.rulings(page) if r.orientation in ("h", "v")]

    def find_tables(self, page: int) -> list[RawTable]:
        return _extract_raw_tables(self._page(page), page, self.rulings(page))

    def release(self, page: int) -> None:
        """Free parsed objects of a page (large documents)."""
        try:
            self._page(page).close()
        except Exception:
            pass

    def outline(self, max_entries: int = 2000) -> list[Bookmark]:
        """The document's bookmarks in order (empty if none or unreadable)."""
        out: list[Bookmark] = []
        try:
            from pdfminer.pdftypes import resolve1

            ids = {pg.page_obj.pageid: k + 1 for k, pg in enumerate(self._pdf.pages)}
            doc = self._pdf.doc
            for level, title, dest, action, _se in doc.get_outlines():
                if len(out) >= max_entries:
                    break
                page = None
                try:
                    d = resolve1(dest)
                    if d is None and action is not None:
                        a = resolve1(action)
                        d = resolve1(a.get("D")) if isinstance(a, dict) else None
                    if isinstance(d, (bytes, str)):
                        d = resolve1(doc.get_dest(d))
                    if isinstance(d, dict):
                        d = resolve1(d.get("D"))
                    if isinstance(d, list) and d:
                        page = ids.get(getattr(d[0], "objid", None))
                except Exception:
                    page = None
                if isinstance(title, bytes):
                    title = title.decode("utf-8", "replace")
                title = " ".join(str(title or "").split())
                if title:
                    out.append(Bookmark(title, int(level), page))
        except Exception:
            return out
        return out

    def close(self) -> None:
        try:
            self._pdf.close()
        except Exception:
            pass


class PlumberEngine:
    name = "pdfplumber"

    def open(self, path: str, password: str | None = None) -> PlumberDocument:
        return PlumberDocument(path, password)
