"""Characters -> printed line segments.

Characters are clustered into *rows* by baseline (tolerance from the font size); small
raised/lowered glyphs (footnote marks) join the row they overlap. A row is cut into
*segments* wherever the horizontal gap not bridged by a space glyph exceeds ``gap_factor``
times the font size: a column gutter or a tabular gap. Each segment is a :class:`TextLine`
with its dominant size and weight. Nothing here depends on page geometry constants.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np


from pipeline.model import Char, Line
from pipeline.pdf.text import normalize


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

    def to_line(self) -> Line:
        return Line(self.text, self.page, self.x0, self.top, self.x1, self.bottom, self.size, self.bold, self.column)


def _rows(chars: list[Char]) -> list[list[Char]]:
    """Cluster glyphs into rows by baseline; returns rows top to bottom."""
    if not chars:
        return []
    order = sorted(range(len(chars)), key=lambda i: (chars[i].bottom, i))
    rows: list[list[int]] = []
    ref_bottom = None
    ref_size = 0.0
    for i in order:
        c = chars[i]
        if ref_bottom is not None and c.bottom - ref_bottom <= 0.3 * max(min(c.size, ref_size), 1.0):
            rows[-1].append(i)
        else:
            rows.append([i])
            ref_bottom = c.bottom
            ref_size = c.size
    out = [[chars[i] for i in sorted(r)] for r in rows]
    return _merge_small_rows(out)


def _merge_small_rows(rows: list[list[Char]]) -> list[list[Char]]:
    """Attach rows of a few small glyphs (super/subscripts) to an overlapping row."""
    if len(rows) < 2:
        return rows
    spans = [(min(c.top for c in r), max(c.bottom for c in r), max(c.size for c in r)) for r in rows]
    merged_into: dict[int, int] = {}
    for k, r in enumerate(rows):
        visible = [c for c in r if not c.text.isspace()]
        if len(visible) > 4:
            continue
        top, bot, size = spans[k]
        best = None
        for j in (k - 1, k + 1):
            if 0 <= j < len(rows) and j not in merged_into:
                t2, b2, s2 = spans[j]
                if size < 0.85 * s2 and top < b2 and bot > t2:
                    best = j
                    break
        if best is not None:
            merged_into[k] = best
    if not merged_into:
        return rows
    out: dict[int, list[Char]] = {}
    for k, r in enumerate(rows):
        tgt = merged_into.get(k, k)
        out.setdefault(tgt, []).extend(r)
    return [out[k] for k in sorted(out)]


def _dominant(values: list, weights: list[int]):
    cnt: Counter = Counter()
    for v, w in zip(values, weights):
        cnt[v] += w
    return cnt.most_common(1)[0][0]


def _segment(row: list[Char], gap_factor: float) -> list[list[Char]]:
    ordered = sorted(row, key=lambda c: c.x0)  # stable: ligature parts keep content order
    segs: list[list[Char]] = []
    cur: list[Char] = []
    last_ink: Char | None = None
    bridged = 0.0
    for c in ordered:
        if c.text.isspace():
            if cur:
                cur.append(c)
                bridged += max(0.0, c.x1 - c.x0)
            continue
        if last_ink is not None:
            gap = c.x0 - last_ink.x1 - bridged
            if gap > gap_factor * max(c.size, last_ink.size, 1.0):
                while cur and cur[-1].text.isspace():
                    cur.pop()
                segs.append(cur)
                cur = []
        cur.append(c)
        last_ink = c
        bridged = 0.0
    while cur and cur[-1].text.isspace():
        cur.pop()
    if cur:
        segs.append(cur)
    return segs


def _text(seg: list[Char]) -> str:
    parts: list[str] = []
    prev: Char | None = None
    for c in seg:
        if c.text.isspace():
            if parts and parts[-1] != " ":
                parts.append(" ")
            prev = None
            continue
        if prev is not None and parts and parts[-1] != " ":
            gap = c.x0 - prev.x1
            if gap > 0.15 * max(c.size, prev.size, 1.0):
                parts.append(" ")
        parts.append(c.text)
        prev = c
    return "".join(parts)


def _cut_points(frag_boxes: list[list[tuple[float, float]]], mids: list[float], sizes: list[float],
                min_side: float = 2.0, min_gutter: float = 0.8, min_rows: int = 4) -> list[set[int]]:
    """For each row, the indices ``k`` of gaps (between fragment k and k+1) that are gutters.

    A gutter is an empty vertical strip at least ``min_gutter`` ems wide that stays empty over
    ``min_rows`` or more consecutive rows (a row counts as empty where it has no ink, including
    beyond its own ends, so columns on offset baselines still leave their gutter empty). Word
    gaps of justified text wander from row to row and do not line up over several rows; a
    full-width heading interrupts the strip, so bands above and below are judged separately.
    The row must also hold ``min_side`` ems of text on each side of the gap (bullets and
    right-aligned page numbers are not columns). Isolated rows (running headers) are cut at
    gaps of two ems or more.
    """
    R = len(frag_boxes)
    cuts: list[set[int]] = [set() for _ in range(R)]
    if R == 0:
        return cuts
    order = sorted(range(R), key=lambda r: mids[r])
    xs = [x for boxes in frag_boxes for bx in boxes for x in bx]
    if not xs:
        return cuts
    X0 = int(np.floor(min(xs)))
    W = int(np.ceil(max(xs))) - X0 + 1
    ink = np.zeros((R, W + 1), dtype=np.int16)
    for i, r in enumerate(order):
        for x0, x1 in frag_boxes[r]:
            ink[i, max(0, int(x0) - X0)] += 1
            ink[i, min(W, int(np.ceil(x1)) - X0)] -= 1
    ink = np.cumsum(ink, axis=1)[:, :W] > 0
    free = ~ink
    body = float(np.median([sizes[r] for r in order])) or 10.0
    w = max(2, int(round(min_gutter * body)))
    if W <= w:
        return cuts
    # strip[i, x]: row i is free on [x, x + w)
    c = np.concatenate([np.zeros((R, 1), dtype=np.int32), np.cumsum(free, axis=1, dtype=np.int32)], axis=1)
    strip = (c[:, w:] - c[:, :-w]) == w
    # run length of consecutive rows through each cell
    up = np.zeros(strip.shape, dtype=np.int32)
    down = np.zeros(strip.shape, dtype=np.int32)
    for i in range(R):
        up[i] = np.where(strip[i], (up[i - 1] if i else 0) + 1, 0)
    for i in range(R - 1, -1, -1):
        down[i] = np.where(strip[i], (down[i + 1] if i < R - 1 else 0) + 1, 0)
    run = up + down - 1
    for i, r in enumerate(order):
        boxes = frag_boxes[r]
        if len(boxes) < 2:
            continue
        size = max(sizes[r], 1.0)
        near = [abs(mids[order[j]] - mids[r]) for j in (i - 1, i + 1) if 0 <= j < R]
        isolated = not near or min(near) > 2.0 * size
        start = boxes[0][0]
        row_end = boxes[-1][1]
        for k in range(len(boxes) - 1):
            a, b = boxes[k][1], boxes[k + 1][0]
            if isolated:
                if b - a >= 2.0 * size:
                    cuts[r].add(k)
                continue
            if a - start < min_side * size or row_end - b < min_side * size:
                continue
            lo = int(np.ceil(a)) - X0
            hi = int(b) - X0 - w
            if hi < lo:
                continue
            seg = run[i, lo:hi + 1]
            x = lo + int(np.argmax(seg))
            if seg[x - lo] < min_rows:
                continue
            span_rows = range(i - up[i, x] + 1, i + down[i, x])
            gx = x + X0
            # the strip must separate text: rows with ink left of it, and rows whose ink right of
            # it starts where this row's does (a column's left edge is aligned)
            tol = max(2.0, 0.3 * size)
            b_text = _text_start(boxes, b, size)
            left_n = 0
            starts: list[float] = []
            for j in span_rows:
                if j == i:
                    continue
                fb = frag_boxes[order[j]]
                if fb and fb[0][0] < gx:
                    left_n += 1
                nxt = _text_start(fb, gx + w, size)
                if nxt is not None:
                    starts.append(nxt)
            if left_n < 1 or len(starts) < 2:
                continue
            # the column's left edge: the most common text start right of the strip; this row's
            # text must start there or a little to the right (indent, bullet text)
            starts.sort()
            best_n, edge = 0, starts[0]
            lo_k = 0
            for hi_k, xs in enumerate(starts):
                while xs - starts[lo_k] > tol:
                    lo_k += 1
                if hi_k - lo_k + 1 > best_n:
                    best_n, edge = hi_k - lo_k + 1, starts[lo_k]
            if best_n >= max(3, 0.3 * len(starts)) and edge - tol <= b_text <= edge + tol + 3.0 * size:
                cuts[r].add(k)
                start = boxes[k + 1][0]
    return cuts


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


def build_lines(chars: list[Char], page: int, gap_factor: float = 0.8) -> list[TextLine]:
    """Group one page's glyphs into :class:`TextLine` segments, top to bottom, left to right.

    Rows are split into fragments at gaps wider than ``gap_factor`` ems; fragments are joined
    again unless the gap is a gutter (see :func:`_cut_points`), so word gaps of justified text,
    however wide, stay inside a line. A line joined from several fragments keeps them in
    ``extra["frags"]`` as ``(text, x0, x1)`` (tab stops, right-aligned TOC page numbers).
    """
    rows = _rows(chars)
    row_frags: list[list[list[Char]]] = []
    frag_boxes: list[list[tuple[float, float]]] = []
    mids: list[float] = []
    sizes: list[float] = []
    for row in rows:
        frags = []
        boxes = []
        for f in _segment(row, gap_factor):
            ink = [c for c in f if not c.text.isspace()]
            if ink:
                frags.append(f)
                boxes.append((min(c.x0 for c in ink), max(c.x1 for c in ink)))
        row_frags.append(frags)
        frag_boxes.append(boxes)
        ink_all = [c for c in row if not c.text.isspace()] or row
        mids.append(sum((c.top + c.bottom) / 2 for c in ink_all) / len(ink_all))
        sizes.append(_dominant([round(c.size) for c in ink_all], [1] * len(ink_all)))
    cuts = _cut_points(frag_boxes, mids, sizes)
    out: list[TextLine] = []
    for row_id, frags in enumerate(row_frags):
        groups: list[list[list[Char]]] = []
        for k, f in enumerate(frags):
            if k == 0 or (k - 1) in cuts[row_id]:
                groups.append([f])
            else:
                groups[-1].append(f)
        for parts in groups:
            seg: list[Char] = []
            for k, f in enumerate(parts):
                if k:
                    seg.append(Char(" ", seg[-1].x1, f[0].top, f[0].x0, f[0].bottom, f[0].size, f[0].fontname, page))
                seg.extend(f)
            line = _make_line(seg, page, row_id)
            if line is None:
                continue
            if len(parts) > 1:
                line.extra["frags"] = [
                    (normalize(_text(f)), min(c.x0 for c in f if not c.text.isspace()),
                     max(c.x1 for c in f if not c.text.isspace()))
                    for f in parts
                ]
            out.append(line)
    out.sort(key=lambda ln: (ln.row, ln.x0))
    return out


def _make_line(seg: list[Char], page: int, row_id: int) -> TextLine | None:
    ink = [c for c in seg if not c.text.isspace()]
    if not ink:
        return None
    text = normalize(_text(seg))
    if not text:
        return None
    weights = [max(1, len(c.text)) for c in ink]
    size = _dominant([round(c.size * 2) / 2 for c in ink], weights)
    bold_count = sum(w for c, w in zip(ink, weights) if c.bold)
    font = _dominant([c.fontname for c in ink], weights)
    same = [c for c in ink if abs(c.size - size) <= 0.6] or ink
    return TextLine(
        text=text,
        page=page,
        x0=min(c.x0 for c in ink),
        top=min(c.top for c in same),
        x1=max(c.x1 for c in ink),
        bottom=max(c.bottom for c in same),
        size=float(size),
        bold=bold_count * 2 > sum(weights),
        row=row_id,
        n_chars=len(ink),
        font=font,
    )
