"""Tables: which pages to search, cleaning pdfplumber's raw cells, merging across pages.

Only pages with ruling lines that could form a table are searched (pdfplumber's table finder
is the slow part). A table continued on the next page (same column count, and either the
header row repeated or the table running off the bottom of one page and starting the next)
is merged into one :class:`pipeline.model.Table`; a row split across the page break
(continuation row whose first cell is empty) is merged into the previous row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Table
from pipeline.layout.engines import RawTable, Ruling
from pipeline.layout.hyphenation import IsWord, join_lines
from pipeline.layout.text import normalize


def page_needs_tables(rulings: list[Ruling], min_h_edges: int = 3) -> bool:
    """True if the page has enough horizontal rule edges to hold a table (>= 2 rows)."""
    h = 0
    for r in rulings:
        o = r.orientation
        if o == "h":
            h += 1
        elif o == "rect" and r.width > 2 and r.height > 2:
            h += 2
        if h >= min_h_edges:
            return True
    return False


def clean_cell(cell: str | None, is_word: IsWord | None = None) -> str:
    if not cell:
        return ""
    return join_lines([normalize(x) for x in cell.split("\n") if x.strip()], is_word)


@dataclass
class TablePiece:
    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[str]]
    first_on_page: bool = False  # nothing but furniture above it on its page
    last_on_page: bool = False  # nothing but furniture below it

    @property
    def ncols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def clean_table(raw: RawTable, is_word: IsWord | None = None) -> TablePiece | None:
    """Normalise a raw table; None if it is not a real table (fewer than 2 rows or columns)."""
    rows = [[clean_cell(c, is_word) for c in r] for r in raw.rows]
    rows = [r for r in rows if any(c for c in r)]
    if not rows:
        return None
    # drop columns empty in every row (artefacts of merged cells)
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    keep = [j for j in range(ncols) if any(r[j] for r in rows)]
    rows = [[r[j] for j in keep] for r in rows]
    if len(rows) < 2 or len(keep) < 2:
        return None
    return TablePiece(page=raw.page, bbox=tuple(raw.bbox), rows=rows)


def _key(row: list[str]) -> str:
    return re.sub(r"\W+", " ", " ".join(row).lower()).strip()


def merge_pieces(pieces: list[TablePiece], is_word: IsWord | None = None) -> list[tuple[Table, list[TablePiece]]]:
    """Merge continued tables; returns each table with the pieces it was built from."""
    out: list[tuple[Table, list[TablePiece]]] = []
    for pc in pieces:
        if out:
            table, used = out[-1]
            last = used[-1]
            header_repeated = _key(pc.rows[0]) == _key(table.header)
            if (
                pc.page == last.page + 1
                and pc.ncols == last.ncols
                and (header_repeated or (last.last_on_page and pc.first_on_page))
            ):
                rows = pc.rows[1:] if header_repeated else pc.rows
                if rows and table.rows and not rows[0][0] and any(rows[0][1:]):
                    prev = table.rows[-1]
                    table.rows[-1] = [join_lines([a, b], is_word) if b else a for a, b in zip(prev, rows[0])]
                    rows = rows[1:]
                for r in rows:
                    table.rows.append(r)
                    table.row_pages.append(pc.page)
                table.page_end = pc.page
                used.append(pc)
                continue
        table = Table(
            header=list(pc.rows[0]),
            rows=[list(r) for r in pc.rows[1:]],
            row_pages=[pc.page] * (len(pc.rows) - 1),
            page_start=pc.page,
            page_end=pc.page,
        )
        out.append((table, [pc]))
    return out


def glyphs_outside(glyphs: list[tuple], boxes: list[tuple[float, float, float, float]], pad: float = 1.0) -> list[tuple]:
    """Glyph tuples (x0, x1, top, bottom, ...) whose centre lies outside every table box."""
    if not boxes:
        return glyphs
    out = []
    for g in glyphs:
        cx = (g[0] + g[1]) / 2
        cy = (g[2] + g[3]) / 2
        if not any(b[0] - pad <= cx <= b[2] + pad and b[1] - pad <= cy <= b[3] + pad for b in boxes):
            out.append(g)
    return out
