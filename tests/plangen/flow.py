"""A small layout engine: places lines into column regions of pages and records drawing operations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .layouts import Layout
from .linebreak import break_lines, dehyphenate



@dataclass
class Flow:
    """Places lines into column regions of pages; records drawing operations per page."""

    L: Layout
    pages: list[list[tuple]] = field(default_factory=list)
    cols: int = 1
    regions: list[tuple[float, float]] = field(default_factory=list)  # (x, width)
    ri: int = 0
    y: float = 0.0
    region_top: float = 0.0

    @property
    def W(self) -> float:
        return self.L.pagesize[0]

    @property
    def H(self) -> float:
        return self.L.pagesize[1]

    @property
    def left(self) -> float:
        return self.L.margins[0]

    @property
    def right(self) -> float:
        return self.W - self.L.margins[1]

    @property
    def top(self) -> float:
        return self.H - self.L.margins[2]

    @property
    def bottom(self) -> float:
        return self.L.margins[3]

    @property
    def page(self) -> int:  # 1-based physical page
        return len(self.pages)

    @property
    def x(self) -> float:
        return self.regions[self.ri][0]

    @property
    def width(self) -> float:
        return self.regions[self.ri][1]

    def new_page(self, cols: int | None = None) -> None:
        self.pages.append([])
        self.set_columns(cols if cols is not None else self.cols, self.top)

    def set_columns(self, cols: int, top: float | None = None) -> None:
        self.cols = cols
        fw = self.right - self.left
        if cols == 1:
            self.regions = [(self.left, fw)]
        else:
            cw = (fw - self.L.gutter) / 2
            self.regions = [(self.left, cw), (self.left + cw + self.L.gutter, cw)]
        self.ri = 0
        self.region_top = self.y if top is None else top
        self.y = self.region_top

    def at_region_top(self) -> bool:
        return abs(self.y - self.region_top) < 0.01

    def is_last_region(self) -> bool:
        return self.ri == len(self.regions) - 1

    def advance(self) -> None:
        if self.ri + 1 < len(self.regions):
            self.ri += 1
            self.y = self.region_top
        else:
            self.new_page(self.L.columns if not self.L.mixed else 2)

    def room(self) -> float:
        return self.y - self.bottom

    def ensure(self, h: float) -> None:
        if self.room() < h - 0.01 and not self.at_region_top():
            self.advance()

    def space(self, h: float) -> None:
        if self.at_region_top():
            return
        if self.room() < h:
            self.advance()
        else:
            self.y -= h

    def op(self, *args: Any) -> None:
        self.pages[-1].append(args)

    # ---------------------------------------------------------------- text
    def paragraph(self, text: str, font: str, size: float, leading: float, *, justify: bool = False,
                  hyphenate: bool = True, keep_lines: int = 1, indent: float = 0.0, bullet: str | None = None) -> list[int]:
        """Place a paragraph (optionally a bullet item with hanging ``indent``); returns the page of every line."""
        pages: list[int] = []
        rest = text
        self.ensure(leading * min(keep_lines, 2))
        while rest:
            width = self.width - indent
            lines = break_lines(rest, width, font, size, hyphenate=hyphenate)
            for i, ln in enumerate(lines):
                self.ensure(leading)
                if self.width - indent != width:  # moved to a region of another width: re-break the rest
                    rest = dehyphenate(lines[i:])
                    break
                base = self.y - size
                if bullet and not pages:
                    self.op("text", font, size, self.x + indent - size * 0.9, base, bullet)
                if justify and not ln.last and " " in ln.text:
                    self.op("just", font, size, self.x + indent, base, ln.text, width)
                else:
                    self.op("text", font, size, self.x + indent, base, ln.text)
                self.y -= leading
                pages.append(self.page)
            else:
                rest = ""
        return pages

    def heading(self, text: str, font: str, size: float, *, keep: float, before: float, after: float) -> list[int]:
        """A heading kept together with ``keep`` points of what follows."""
        segments = text.split("\n")  # an explicit line break, e.g. "Tiltak 7\nTitle"
        n_lines = sum(len(break_lines(t, self.width, font, size, hyphenate=False, suspended_break=0)) for t in segments)
        leading = size * 1.25
        self.space(before)
        self.ensure(n_lines * leading + keep)
        pages: list[int] = []
        for seg in segments:
            pages += self.paragraph(seg, font, size, leading, hyphenate=False)
        self.y -= after
        return pages
