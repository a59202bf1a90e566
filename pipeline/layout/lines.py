"""Characters -> printed line segments.

Characters are clustered into *rows* by baseline (tolerance from the font size); small
raised/lowered glyphs (footnote marks) join the row they overlap. A row is cut into
*segments* wherever the horizontal gap exceeds ``gap_factor`` times the font size: a column
gutter or a tabular gap. Each segment is a :class:`TextLine` with its dominant size and weight;
its words are spelt by the one word-segmentation model (:mod:`pipeline.layout.words`), from the
glyph geometry whether or not the PDF draws space glyphs. Nothing here depends on page geometry
constants.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np


from pipeline.model import Char
from pipeline.layout.engines.base import glyphs_of
from pipeline.layout.text import normalize
from pipeline.layout.words import SpaceModel, glyph_text, ink


@dataclass
class TextLine:
    """A printed line segment on one page (top-left origin, points)."""

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    row: int  # segments of the same printed row share this id (page-local)
    n_chars: int = 0
    font: str = ""
    column: int = 0
    band: int = 0
    role: str | None = None  # set by later stages ("toc", "furniture", ...)
    extra: dict = field(default_factory=dict)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def width(self) -> float:
        return self.x1 - self.x0



# Glyphs are handled as plain tuples inside this module (speed):
# (x0, x1, top, bottom, size, text, fontname, bold, is_space)
X0, X1, TOP, BOTTOM, SIZE, TEXT, FONT, BOLD, SPACE = range(9)


def _rows(glyphs: list[tuple]) -> list[list[tuple]]:
    """Cluster glyphs into rows by baseline; returns rows top to bottom (content order kept)."""
    if not glyphs:
        return []
    order = sorted(range(len(glyphs)), key=[g[BOTTOM] for g in glyphs].__getitem__)
    rows: list[list[int]] = []
    ref_bottom = -1e18
    ref_size = 0.0
    for i in order:
        g = glyphs[i]
        size = g[SIZE]
        tol = 0.15 * (size if size < ref_size else ref_size)  # glyphs of one line share a descent line
        if g[BOTTOM] - ref_bottom <= (tol if tol > 0.3 else 0.3):
            rows[-1].append(i)
        else:
            rows.append([i])
            ref_bottom = g[BOTTOM]
            ref_size = size
    out = [[glyphs[i] for i in sorted(r)] for r in rows]
    return _merge_small_rows(out)


def glyph_rows(glyphs: list[tuple]) -> list[list[tuple]]:
    """The printed rows (top to bottom) of some glyphs, space characters dropped, each in left-to-right order."""
    return [sorted(r, key=lambda g: g[X0]) for r in _rows(ink(glyphs))]


def _merge_small_rows(rows: list[list[tuple]]) -> list[list[tuple]]:
    """Attach rows of a few small glyphs (super/subscripts) to an overlapping row."""
    if len(rows) < 2:
        return rows
    spans = [(min(g[TOP] for g in r), max(g[BOTTOM] for g in r), max(g[SIZE] for g in r)) for r in rows]
    merged_into: dict[int, int] = {}
    for k, r in enumerate(rows):
        if len(r) > 8 or sum(1 for g in r if not g[SPACE]) > 4:
            continue
        top, bot, size = spans[k]
        for j in (k - 1, k + 1):
            if 0 <= j < len(rows) and j not in merged_into:
                t2, b2, s2 = spans[j]
                if size < 0.85 * s2 and top < b2 and bot > t2:
                    merged_into[k] = j
                    break
    if not merged_into:
        return rows
    out: dict[int, list[tuple]] = {}
    for k, r in enumerate(rows):
        out.setdefault(merged_into.get(k, k), []).extend(r)
    return [out[k] for k in sorted(out)]


def _dominant(values: list, weights: list[int]):
    cnt: Counter = Counter()
    for v, w in zip(values, weights):
        cnt[v] += w
    return cnt.most_common(1)[0][0]


def _segment(row: list[tuple], gap_factor: float) -> list[list[tuple]]:
    """Cut a row of ink glyphs at gaps wider than ``gap_factor`` ems."""
    ordered = sorted(row, key=lambda g: g[X0])  # stable: ligature parts keep content order
    segs: list[list[tuple]] = []
    cur: list[tuple] = []
    last_x1 = None
    last_size = 1.0
    for g in ordered:
        if last_x1 is not None:
            size = g[SIZE] if g[SIZE] > last_size else last_size
            if g[X0] - last_x1 > gap_factor * (size if size > 1.0 else 1.0):
                segs.append(cur)
                cur = []
        cur.append(g)
        last_x1 = g[X1]
        last_size = g[SIZE]
    if cur:
        segs.append(cur)
    return segs


def _cut_points(frag_boxes: list[list[tuple[float, float]]], mids: list[float], sizes: list[float],
                min_side: float = 2.0, min_gutter: float = 0.8, min_rows: int = 4) -> list[set[int]]:
    """For each row, the indices ``k`` of gaps (between fragment k and k+1) that are gutters.

    A gutter is an empty vertical strip at least ``min_gutter`` ems wide that stays empty over
    ``min_rows`` or more consecutive rows (a row counts as empty where it has no ink, including
    beyond its own ends, so columns on offset baselines still leave their gutter empty). Word
    gaps of justified text wander from row to row and do not line up over several rows; a
    full-width heading interrupts the strip, so bands above and below are judged separately.
    The row must also hold ``min_side`` ems of text on each side of the gap (bullets and
    right-aligned page numbers are not columns), unless the other rows of the strip hold column-wide text on the
    short side (a paragraph's last word "år." in the right column beside a left-column heading). Isolated rows (running headers) are cut at
    gaps of two ems or more.
    """
    R = len(frag_boxes)
    cuts: list[set[int]] = [set() for _ in range(R)]
    strips = _free_strips(frag_boxes, mids, sizes, min_gutter)
    if strips is None:
        return cuts
    for i, r in enumerate(strips.order):
        if len(frag_boxes[r]) < 2:
            continue
        cuts[r] = _row_cuts(i, r, frag_boxes, mids, sizes, strips, min_side, min_rows)
        _undo_flush_right_cuts(r, cuts[r], frag_boxes, sizes[r], min_side)
    return cuts


@dataclass
class _Strips:
    """Empty vertical strips ``w`` points wide, per row in top-to-bottom order, and how many consecutive
    rows each stays empty over (``up``: this row and those above, ``down``: and below, ``run``: both)."""

    order: list[int]  # row indices sorted by vertical middle
    x0: int  # x of column 0 of the arrays
    w: int
    up: np.ndarray
    down: np.ndarray
    run: np.ndarray


def _free_strips(frag_boxes: list[list[tuple[float, float]]], mids: list[float], sizes: list[float],
                 min_gutter: float) -> _Strips | None:
    R = len(frag_boxes)
    if R == 0:
        return None
    order = sorted(range(R), key=lambda r: mids[r])
    xs = [x for boxes in frag_boxes for bx in boxes for x in bx]
    if not xs:
        return None
    X0 = int(np.floor(min(xs)))
    W = int(np.ceil(max(xs))) - X0 + 1
    ink = np.zeros((R, W + 1), dtype=np.int16)
    for i, r in enumerate(order):
        for x0, x1 in frag_boxes[r]:
            ink[i, max(0, int(x0) - X0)] += 1
            ink[i, min(W, int(np.ceil(x1)) - X0)] -= 1
    free = ~(np.cumsum(ink, axis=1)[:, :W] > 0)
    body = float(np.median([sizes[r] for r in order])) or 10.0
    w = max(2, int(round(min_gutter * body)))
    if W <= w:
        return None
    # strip[i, x]: row i is free on [x, x + w)
    c = np.concatenate([np.zeros((R, 1), dtype=np.int32), np.cumsum(free, axis=1, dtype=np.int32)], axis=1)
    strip = (c[:, w:] - c[:, :-w]) == w
    up = np.zeros(strip.shape, dtype=np.int32)
    down = np.zeros(strip.shape, dtype=np.int32)
    for i in range(R):
        up[i] = np.where(strip[i], (up[i - 1] if i else 0) + 1, 0)
    for i in range(R - 1, -1, -1):
        down[i] = np.where(strip[i], (down[i + 1] if i < R - 1 else 0) + 1, 0)
    return _Strips(order, X0, w, up, down, up + down - 1)


def _row_cuts(i: int, r: int, frag_boxes: list[list[tuple[float, float]]], mids: list[float], sizes: list[float],
              strips: _Strips, min_side: float, min_rows: int) -> set[int]:
    """The gutters of row ``r`` (position ``i`` in top-to-bottom order)."""
    order, R = strips.order, len(strips.order)
    boxes = frag_boxes[r]
    size = max(sizes[r], 1.0)
    near = [abs(mids[order[j]] - mids[r]) for j in (i - 1, i + 1) if 0 <= j < R]
    if not near or min(near) > 2.0 * size:  # an isolated row (running header): cut at wide gaps
        return {k for k in range(len(boxes) - 1) if boxes[k + 1][0] - boxes[k][1] >= 2.0 * size}
    cuts: set[int] = set()
    start = boxes[0][0]
    row_end = boxes[-1][1]
    for k in range(len(boxes) - 1):
        a, b = boxes[k][1], boxes[k + 1][0]
        short_left = a - start < min_side * size
        short_right = row_end - b < min_side * size
        if short_left and short_right:
            continue
        lo = int(np.ceil(a)) - strips.x0
        hi = int(b) - strips.x0 - strips.w
        if hi < lo:
            continue
        seg = strips.run[i, lo:hi + 1]
        x = lo + int(np.argmax(seg))
        if seg[x - lo] < min_rows:
            continue
        span_rows = [j for j in range(i - strips.up[i, x] + 1, i + strips.down[i, x]) if j != i]
        gx = x + strips.x0
        if (short_left or short_right) and not _short_side_is_column(
            [frag_boxes[order[j]] for j in span_rows], short_left, start, row_end, gx, strips.w, size
        ):
            continue
        if _strip_separates_columns([frag_boxes[order[j]] for j in span_rows], boxes, b, gx, strips.w, size):
            cuts.add(k)
            start = boxes[k + 1][0]
    return cuts


def _short_side_is_column(rows: list[list[tuple[float, float]]], short_left: bool, start: float, row_end: float,
                          gx: float, w: int, size: float) -> bool:
    """A short piece of text beside the strip ("år." ending a paragraph in the right column) is a column's
    line only if the other rows hold column-wide text on that side; a bullet or a right-aligned page number
    has narrow neighbours on its side too."""
    widths = []
    for fb in rows:
        # that row's ink on the same side and reaching into this fragment's span (not a column further out)
        side = [bx for bx in fb if ((start < bx[1] <= gx) if short_left else (gx + w <= bx[0] < row_end))]
        if side:
            widths.append(max(bx[1] for bx in side) - min(bx[0] for bx in side))
    return len(widths) >= 2 and float(np.median(widths)) >= 6.0 * size


def _strip_separates_columns(rows: list[list[tuple[float, float]]], boxes: list[tuple[float, float]], b: float,
                             gx: float, w: int, size: float) -> bool:
    """The strip separates text: rows with ink left of it, and rows whose ink right of it starts where
    this row's does (a column's left edge is aligned)."""
    tol = max(2.0, 0.3 * size)
    b_text = _text_start(boxes, b, size)
    left_n = 0
    starts: list[float] = []
    for fb in rows:
        if fb and fb[0][0] < gx:
            left_n += 1
        nxt = _text_start(fb, gx + w, size)
        if nxt is not None:
            starts.append(nxt)
    if left_n < 1 or len(starts) < 2:
        return False
    # the column's left edge: text starts right of the strip line up. Either enough rows start
    # where this row does, or this row starts at (or a little right of: indent, bullet text)
    # the most common start
    starts.sort()
    same = sum(1 for x in starts if abs(x - b_text) <= tol)
    best_n, edge = 0, starts[0]
    lo_k = 0
    for hi_k, xs in enumerate(starts):
        while xs - starts[lo_k] > tol:
            lo_k += 1
        if hi_k - lo_k + 1 > best_n:
            best_n, edge = hi_k - lo_k + 1, starts[lo_k]
    aligned = same >= 2 and same >= 0.2 * len(starts)
    # (a list marker hangs up to about an em and a half left of the column's text edge)
    indented = best_n >= max(3, 0.3 * len(starts)) and edge - tol - 1.5 * size <= b_text <= edge + tol + 3.0 * size
    return aligned or indented


def _undo_flush_right_cuts(r: int, cuts: set[int], frag_boxes: list[list[tuple[float, float]]], size: float,
                           min_side: float) -> None:
    """A short fragment cut off on both sides that ends flush with the right edge of other rows' text but
    does not start where any text starts is the last word of a justified line on the left ("4. Veiledning
    ... til" in a wrapped heading whose word gaps are wide), not a column of its own: undo the cut before it."""
    size = max(size, 1.0)
    boxes = frag_boxes[r]
    for k in sorted(cuts):
        if k + 1 not in cuts:
            continue
        fx0, fx1 = boxes[k + 1]
        if fx1 - fx0 >= min_side * size:
            continue
        tol_e = max(2.0, 0.3 * size)
        ends = sum(1 for j, fb in enumerate(frag_boxes) if j != r and any(abs(bx[1] - fx1) <= tol_e for bx in fb))
        begins = sum(1 for j, fb in enumerate(frag_boxes) if j != r and any(abs(bx[0] - fx0) <= tol_e for bx in fb))
        if ends >= max(2, 3 * begins):
            cuts.discard(k)


def _text_start(boxes: list[tuple[float, float]], x: float, size: float) -> float | None:
    """x where text starts at or right of ``x`` in a row, skipping a list marker (narrow fragment)."""
    for k, (x0, x1) in enumerate(boxes):
        if x0 >= x - 0.01:
            if x1 - x0 < 0.8 * size and k + 1 < len(boxes) and boxes[k + 1][0] - x1 < 2.5 * size:
                return boxes[k + 1][0]
            return x0
    return None


def _longest_run(mask) -> int:
    best = cur = 0
    for v in mask:
        cur = cur + 1 if v else 0
        best = max(best, cur)
    return best


def build_lines(chars: list[Char], page: int, gap_factor: float = 0.8, spaces: SpaceModel | None = None) -> list[TextLine]:
    """:func:`build_lines_from_glyphs` for ``Char`` records."""
    return build_lines_from_glyphs(glyphs_of(chars), page, gap_factor, spaces)


def build_lines_from_glyphs(glyphs: list[tuple], page: int, gap_factor: float = 0.8,
                            spaces: SpaceModel | None = None) -> list[TextLine]:
    """Group one page's glyphs into :class:`TextLine` segments, top to bottom, left to right.

    Word spaces come from the glyph geometry (:mod:`pipeline.layout.words`; ``spaces`` is the page's model,
    learnt from ``glyphs`` when not given), never from space characters. Rows are split into fragments at
    gaps wider than ``gap_factor`` ems; fragments are joined again unless the gap is a gutter (see
    :func:`_cut_points`), so word gaps of justified text, however wide, stay inside a line. A line joined
    from several fragments keeps them in ``extra["frags"]`` as ``(text, x0, x1)`` (tab stops, right-aligned
    TOC page numbers).
    """
    if spaces is None:
        spaces = SpaceModel.learn(glyphs)
    rows = _rows(ink(glyphs))
    row_frags: list[list[list[tuple]]] = []
    frag_boxes: list[list[tuple[float, float]]] = []
    mids: list[float] = []
    sizes: list[float] = []
    for row in rows:
        frags = _segment(row, gap_factor)  # fragments start and end with ink
        row_frags.append(frags)
        frag_boxes.append([(min(g[X0] for g in f), max(g[X1] for g in f)) for f in frags])
        mids.append(sum(g[TOP] + g[BOTTOM] for g in row) / (2 * len(row)))
        sizes.append(Counter(g[SIZE] for g in row).most_common(1)[0][0])
    cuts = _cut_points(frag_boxes, mids, sizes)
    out: list[TextLine] = []
    for row_id, frags in enumerate(row_frags):
        if not frags:
            continue
        groups: list[list[int]] = [[0]]
        for k in range(1, len(frags)):
            if (k - 1) in cuts[row_id]:
                groups.append([k])
            else:
                groups[-1].append(k)
        for ks in groups:
            seg: list[tuple] = []
            for k in ks:
                seg.extend(frags[k])
            line = _make_line(seg, page, row_id, spaces)
            if line is None:
                continue
            if len(ks) > 1:
                line.extra["frags"] = [(normalize(glyph_text(frags[k], spaces)), *frag_boxes[row_id][k]) for k in ks]
            out.append(line)
    out.sort(key=lambda ln: (ln.row, ln.x0))
    return out


def _make_line(seg: list[tuple], page: int, row_id: int, spaces: SpaceModel) -> TextLine | None:
    text = normalize(glyph_text(seg, spaces))
    if not text:
        return None
    size_w: dict[float, int] = {}
    font_w: dict[str, int] = {}
    n = bold_n = ink = 0
    for g in seg:
        if g[SPACE]:
            continue
        ink += 1
        w = len(g[TEXT]) or 1
        n += w
        sz = g[SIZE]
        size_w[sz] = size_w.get(sz, 0) + w
        font_w[g[FONT]] = font_w.get(g[FONT], 0) + w
        if g[BOLD]:
            bold_n += w
    if not n:
        return None
    raw_size = max(size_w, key=size_w.__getitem__)
    x0 = x1 = top = bottom = None
    for g in seg:
        if g[SPACE]:
            continue
        if x0 is None or g[X0] < x0:
            x0 = g[X0]
        if x1 is None or g[X1] > x1:
            x1 = g[X1]
        if -0.6 <= g[SIZE] - raw_size <= 0.6:
            if top is None or g[TOP] < top:
                top = g[TOP]
            if bottom is None or g[BOTTOM] > bottom:
                bottom = g[BOTTOM]
    line = TextLine(
        text=text,
        page=page,
        x0=x0,
        top=top,
        x1=x1,
        bottom=bottom,
        size=round(raw_size * 2) / 2,
        bold=bold_n * 2 > n,
        row=row_id,
        n_chars=ink,
        font=max(font_w, key=font_w.__getitem__),
    )
    if 0 < bold_n < n:
        _mark_weight_change(line, seg, spaces)
    return line


def _mark_weight_change(line: TextLine, seg: list[tuple], spaces: SpaceModel) -> None:
    """A line that starts bold and turns regular (a run-in title: "7. Title. Then the text") keeps its bold
    opening in ``extra["bold_lead"]``; one entirely bold but for its end keeps nothing."""
    cells = sorted((g for g in seg if not g[SPACE]), key=lambda g: g[X0])
    if not cells[0][BOLD]:
        return
    k = next((i for i, g in enumerate(cells) if not g[BOLD]), len(cells))
    if k < len(cells) and any(g[TEXT].isalnum() for g in cells[k:]):
        lead = normalize(glyph_text(cells[:k], spaces))
        if lead:
            line.extra["bold_lead"] = lead
