"""Tables: ruled tables from the engines' table finder, tables without rulings from text alignment, cell
text from the glyphs, merging across pages.

**Ruled tables.** Only pages with ruling lines that could form a table are searched (pdfplumber's table
finder is the slow part). The finder gives cell boxes; the text of each cell is spelt from the glyphs whose
centre lies in the box, with the one word model of the layout (:mod:`pipeline.layout.words`) and the
line-joining rules (:mod:`pipeline.layout.hyphenation`), so both engines give the same cells.

**Tables without rulings** (:func:`find_aligned_tables`) are found from the printed lines of a page: a run
of rows cut into three or more pieces whose left edges line up in the same columns. Rows of one piece that
start in a later column continue the cell above (a wrapped title); a bold row that starts in the first
column and runs across the next column's edge is a section row.

**Section rows** (both kinds): one bold cell spanning the table ("Flere fullfører videregående opplæring").
They are kept as rows and listed in :attr:`pipeline.model.Table.section_rows`; what they mean is for the
structure layers to say.

A table continued on the next page (same column count, and either the header row repeated or the table
running off the bottom of one page and starting the next) is merged into one :class:`pipeline.model.Table`;
a row split across the page break (continuation row whose first cell is empty) is merged into the previous
row.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from pipeline.model import Table
from pipeline.layout.engines import RawTable, Ruling
from pipeline.layout.hyphenation import IsWord, join_lines
from pipeline.layout.lines import TextLine, glyph_rows
from pipeline.layout.text import normalize
from pipeline.layout.words import BOLD, SpaceModel, X0, X1, TOP, BOTTOM, glyph_text


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
    section_rows: set[int] = field(default_factory=set)  # indices into rows: one bold cell spanning the table

    @property
    def ncols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def cell_text(glyphs: list[tuple], spaces: SpaceModel, is_word: IsWord | None = None) -> str:
    """The text of a cell from its glyphs: printed rows spelt by the word model, joined as lines of a paragraph."""
    rows = [normalize(glyph_text(r, spaces)) for r in glyph_rows(glyphs)]
    return join_lines([r for r in rows if r], is_word)


def _inside(g: tuple, box: tuple[float, float, float, float]) -> bool:
    cx = (g[X0] + g[X1]) / 2
    cy = (g[TOP] + g[BOTTOM]) / 2
    return box[0] <= cx < box[2] and box[1] <= cy < box[3]


def _cells_from_glyphs(raw: RawTable, glyphs: list[tuple], spaces: SpaceModel,
                       is_word: IsWord | None) -> tuple[list[list[str]], set[int]]:
    """Cell texts of a ruled table from the glyphs in its cell boxes, and its section rows."""
    in_table = sorted((g for g in glyphs if not g[8] and _inside(g, raw.bbox)), key=lambda g: g[TOP] + g[BOTTOM])
    mids = [(g[TOP] + g[BOTTOM]) / 2 for g in in_table]
    width = raw.bbox[2] - raw.bbox[0]
    rows: list[list[str]] = []
    sections: set[int] = set()
    for cells in raw.cells:
        boxes = [c for c in cells if c is not None]
        if not boxes:
            rows.append([""] * len(cells))
            continue
        top, bottom = min(c[1] for c in boxes), max(c[3] for c in boxes)
        row_glyphs = in_table[bisect_left(mids, top):bisect_left(mids, bottom)]
        texts: list[str] = []
        bold = total = 0
        for c in cells:
            if c is None:
                texts.append("")
                continue
            mine = [g for g in row_glyphs if _inside(g, c)]
            texts.append(cell_text(mine, spaces, is_word))
            bold += sum(1 for g in mine if g[BOLD])
            total += len(mine)
        if len(cells) > 1 and len(boxes) == 1 and boxes[0][2] - boxes[0][0] >= 0.6 * width and total and bold * 2 > total:
            sections.add(len(rows))
        rows.append(texts)
    return rows, sections


def clean_table(raw: RawTable, is_word: IsWord | None = None, glyphs: list[tuple] | None = None,
                spaces: SpaceModel | None = None) -> TablePiece | None:
    """Normalise a raw table; None if it is not a real table (fewer than 2 rows or columns).

    With the page's ``glyphs`` and the table's cell boxes, cell text is spelt from the glyphs (the layout's
    word model); otherwise the finder's own text is used."""
    sections: set[int] = set()
    if glyphs is not None and raw.cells:
        rows, sections = _cells_from_glyphs(raw, glyphs, spaces or SpaceModel.learn(glyphs), is_word)
    else:
        rows = [[clean_cell(c, is_word) for c in r] for r in raw.rows]
    return _piece(raw.page, tuple(raw.bbox), rows, sections)


def _piece(page: int, bbox: tuple[float, float, float, float], rows: list[list[str]],
           sections: set[int]) -> TablePiece | None:
    kept = [(i, r) for i, r in enumerate(rows) if any(c for c in r)]
    if not kept:
        return None
    sections = {k for k, (i, _r) in enumerate(kept) if i in sections}
    rows = [r for _i, r in kept]
    # drop columns empty in every row (artefacts of merged cells)
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    keep = [j for j in range(ncols) if any(r[j] for r in rows)]
    rows = [[r[j] for j in keep] for r in rows]
    if len(rows) < 2 or len(keep) < 2:
        return None
    return TablePiece(page=page, bbox=bbox, rows=rows, section_rows=sections)


# --------------------------------------------------------------------------- tables without rulings


@dataclass
class _Frag:
    text: str
    x0: float
    x1: float
    bold: bool
    size: float


def _row_frags(lines: list[TextLine]) -> list[tuple[int, list[_Frag], list[TextLine]]]:
    """The page's printed rows (top to bottom): their pieces (text, x0, x1, bold, size) and lines."""
    by_row: dict[int, list[TextLine]] = {}
    for ln in lines:
        if ln.role is None and ln.row >= 0:
            by_row.setdefault(ln.row, []).append(ln)
    out = []
    for r in sorted(by_row, key=lambda k: min(ln.top for ln in by_row[k])):
        frags: list[_Frag] = []
        for ln in sorted(by_row[r], key=lambda x: x.x0):
            for text, x0, x1 in ln.extra.get("frags") or [(ln.text, ln.x0, ln.x1)]:
                frags.append(_Frag(text, x0, x1, ln.bold, ln.size))
        out.append((r, frags, by_row[r]))
    return out


def _column_starts(rows: list[list[_Frag]], tol: float) -> list[float]:
    """Left edges shared by the pieces of at least half of the rows (clustered within ``tol``)."""
    xs = sorted(f.x0 for r in rows for f in r)
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][0] <= tol:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    need = max(2, (len(rows) + 1) // 2)
    out = []
    for c in clusters:
        n_rows = sum(1 for r in rows if any(c[0] - 0.01 <= f.x0 <= c[-1] + 0.01 for f in r))
        if n_rows >= need:
            out.append(min(c))
    return out


def _column_of(x: float, starts: list[float], tol: float) -> int | None:
    for k in range(len(starts) - 1, -1, -1):
        if x >= starts[k] - tol:
            return k
    return None


def _fits(frags: list[_Frag], starts: list[float], tol: float) -> bool:
    """Every piece starts at a column edge and ends before the next piece's column."""
    cols = []
    for f in frags:
        k = _column_of(f.x0, starts, tol)
        if k is None or abs(f.x0 - starts[k]) > tol:
            return False
        cols.append(k)
    return cols == sorted(set(cols))


def find_aligned_tables(lines: list[TextLine], page: int, is_word: IsWord | None = None, *,
                        min_cols: int = 3, min_rows: int = 3) -> list[tuple[TablePiece, list[TextLine]]]:
    """Tables printed without ruling lines on one page, each with the lines it consumed.

    A table is a run of at least ``min_rows`` rows cut into at least ``min_cols`` pieces whose left edges line
    up in ``min_cols`` or more columns. Inside the run, a row of one piece starting in a later column continues
    the cell above; a bold row of one piece starting in the first column and crossing into the next column is a
    section row. Two-column text (two pieces per row) and numbered lists never make a table."""
    rows = _row_frags(lines)
    if len(rows) < min_rows:
        return []
    out: list[tuple[TablePiece, list[TextLine]]] = []
    i = 0
    while i < len(rows):
        if len(rows[i][1]) < min_cols:
            i += 1
            continue
        size = max(f.size for f in rows[i][1]) or 10.0
        tol = max(2.0, 0.25 * size)
        # the candidate run: rows of min_cols or more pieces, and the rows of one piece between them
        j = i
        multi = []
        while j < len(rows):
            frags = rows[j][1]
            if j > i and _row_gap(rows[j - 1][2], rows[j][2]) > 2.5 * size:
                break
            if len(frags) >= min_cols:
                multi.append(j)
            elif len(frags) >= 2 and multi:
                multi.append(j)  # a row with empty cells
            elif len(frags) != 1 or not multi:
                break
            j += 1
        starts = _column_starts([rows[k][1] for k in multi if len(rows[k][1]) >= min_cols], tol)
        if len(starts) < min_cols:
            i += 1
            continue
        got = _table_rows(rows[i:j], starts, tol)
        if got is None:
            i += 1
            continue
        texts, sections, used, n_rows = got
        if sum(1 for r in texts if sum(1 for c in r if c) >= min_cols - 1) < min_rows:
            i += 1
            continue
        consumed = [ln for _r, _f, lns in rows[i:i + n_rows] for ln in lns]
        bbox = (min(ln.x0 for ln in consumed), min(ln.top for ln in consumed),
                max(ln.x1 for ln in consumed), max(ln.bottom for ln in consumed))
        rows_text = [[join_lines(c, is_word) for c in r] for r in texts]
        pc = _piece(page, bbox, rows_text, sections)
        if pc is not None:
            out.append((pc, consumed))
        i += max(n_rows, 1)
    return out


def _row_gap(a: list[TextLine], b: list[TextLine]) -> float:
    return min(ln.top for ln in b) - max(ln.bottom for ln in a)


def _table_rows(rows, starts: list[float], tol: float):
    """Cells (lists of printed lines) of the rows that fit the columns; None if fewer than two rows fit."""
    ncols = len(starts)
    texts: list[list[list[str]]] = []
    sections: set[int] = set()
    used = 0
    for _r, frags, _lns in rows:
        if len(frags) >= 2:
            if not _fits(frags, starts, tol):
                break
            cells: list[list[str]] = [[] for _ in range(ncols)]
            for f in frags:
                cells[_column_of(f.x0, starts, tol)].append(f.text)
            if texts and not cells[0]:  # the first cell empty: the row continues the one above
                for k in range(ncols):
                    texts[-1][k].extend(cells[k])
            else:
                texts.append(cells)
            used += 1
            continue
        f = frags[0]
        k = _column_of(f.x0, starts, tol)
        if k is None or abs(f.x0 - starts[k]) > tol:
            break
        if k > 0 and texts and f.x1 <= (starts[k + 1] if k + 1 < ncols else float("inf")) + tol:
            texts[-1][k].append(f.text)  # a wrapped cell
            used += 1
            continue
        if k == 0 and f.bold and ncols > 1 and f.x1 > starts[1] - tol:
            sections.add(len(texts))
            texts.append([[f.text]] + [[] for _ in range(ncols - 1)])
            used += 1
            continue
        break
    while texts and (len(texts) - 1) in sections:  # a section row closing the run heads nothing
        sections.discard(len(texts) - 1)
        texts.pop()
        used -= 1
    if len(texts) < 2:
        return None
    return texts, sections, used, used


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
                skip = 1 if header_repeated else 0
                rows = pc.rows[skip:]
                if rows and table.rows and not rows[0][0] and any(rows[0][1:]):
                    prev = table.rows[-1]
                    table.rows[-1] = [join_lines([a, b], is_word) if b else a for a, b in zip(prev, rows[0])]
                    rows = rows[1:]
                    skip += 1
                offset = len(table.rows) - skip
                table.section_rows.extend(sorted(offset + k for k in pc.section_rows if k >= skip))
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
            section_rows=sorted(k - 1 for k in pc.section_rows if k >= 1),
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
