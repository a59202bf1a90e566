"""The character-engine interface: the only place PDF libraries are touched.

An engine opens a PDF and yields, per page, positioned glyphs (:class:`pipeline.model.Char`),
ruling lines/rectangles (:class:`Ruling`) and, on request, raw tables found by
pdfplumber's table finder (:class:`RawTable`). Everything above ``pipeline.layout.engines``
works only with these plain records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from pipeline.model import Char


GLYPH_FIELDS = ("x0", "x1", "top", "bottom", "size", "text", "fontname", "bold", "is_space")
"""Engines may offer ``glyphs(page)``: plain tuples in this field order (faster than ``Char``)."""


def font_is_bold(fontname: str) -> bool:
    """The rule of :attr:`pipeline.model.Char.bold`, for a font name."""
    f = fontname.lower()
    return any(k in f for k in ("bold", "black", "heavy", "semibold", "demi"))


def glyphs_of(chars: list[Char]) -> list[tuple]:
    """``Char`` records as glyph tuples (see :data:`GLYPH_FIELDS`)."""
    bold_of: dict[str, bool] = {}
    out = []
    for c in chars:
        b = bold_of.get(c.fontname)
        if b is None:
            b = bold_of[c.fontname] = font_is_bold(c.fontname)
        out.append((c.x0, c.x1, c.top, c.bottom, c.size, c.text, c.fontname, b, c.text.isspace()))
    return out


@dataclass(frozen=True)
class Ruling:
    """A stroked line or rectangle edge/fill; top-left origin, PDF points."""

    x0: float
    top: float
    x1: float
    bottom: float
    page: int

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def orientation(self) -> str:
        """"h" (horizontal rule), "v" (vertical rule) or "rect"."""
        if self.height <= 2.0 and self.width > 2.0:
            return "h"
        if self.width <= 2.0 and self.height > 2.0:
            return "v"
        return "rect"


@dataclass
class Bookmark:
    """One entry of the PDF's own outline (bookmarks): title, depth (1 = top) and 1-based physical page (None if the
    destination cannot be resolved)."""

    title: str
    level: int
    page: int | None


@dataclass
class RawTable:
    """A table as pdfplumber's table finder returns it (cells may be None).

    ``cells`` holds each row's cell boxes (x0, top, x1, bottom; None where a merged cell covers it): the
    layout spells cell text from the glyphs inside them with its own word model, so both engines agree.
    ``rows`` is a table's text when it comes without cell boxes (the engines give boxes, and no text).
    """

    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[str | None]]
    page: int
    row_bboxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    cells: list[list[tuple[float, float, float, float] | None]] = field(default_factory=list)


class EngineError(Exception):
    """Raised by an engine when a file cannot be opened.

    ``kind`` is one of "encrypted", "corrupt", "not_pdf", "empty".
    The reader turns it into a :class:`pipeline.errors.PdfError`.
    """

    def __init__(self, kind: str, detail: str = ""):
        self.kind = kind
        self.detail = detail
        super().__init__(f"{kind}: {detail}" if detail else kind)


@runtime_checkable
class EngineDocument(Protocol):
    """An open PDF. Pages are 1-based physical indices."""

    page_count: int
    metadata: dict[str, str]
    warnings: list[str]

    def page_size(self, page: int) -> tuple[float, float]: ...

    def chars(self, page: int) -> list[Char]: ...

    def glyphs(self, page: int) -> list[tuple]: ...

    def rulings(self, page: int) -> list[Ruling]: ...

    def rects(self, page: int) -> list[Ruling]: ...

    def lines(self, page: int) -> list[Ruling]: ...

    def find_tables(self, page: int) -> list[RawTable]: ...

    def close(self) -> None: ...


@runtime_checkable
class CharEngine(Protocol):
    name: str

    def open(self, path: str, password: str | None = None) -> EngineDocument: ...


TABLE_SETTINGS: dict = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}


def table_settings_for(rulings: list[Ruling]) -> dict:
    """pdfplumber table-finder settings suited to a page's rulings.

    Full grids use ruling lines both ways; tables drawn with horizontal rules only
    (common "booktabs" style) find their columns from the text alignment.
    """
    settings = dict(TABLE_SETTINGS)
    has_v = any(r.orientation in ("v", "rect") for r in rulings)  # a box has vertical sides too
    if not has_v:
        settings["vertical_strategy"] = "text"
    return settings
