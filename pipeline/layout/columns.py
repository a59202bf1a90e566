"""Column detection and reading order for one page.

Gutters are found from the horizontal distribution of line extents: an x-interval that no
*narrow* line (narrower than ``wide_frac`` of the text area) crosses, with enough substantial
lines entirely on each side and overlapping vertically. Lines crossing the gutter are
*spanning* (full-width headings, wide tables); they cut the page into horizontal bands.
Reading order: band by band from the top; within a band, column 1 top to bottom, then
column 2, ... Sides are split again recursively (three or four columns).
A few narrow lines may cross a gutter (a part heading over two columns on a "mixed" page); they become spanning
lines. A page with too few lines on one side to show its gutter (a responsibility line carried to the top of the
right column) uses the gutter the document's other pages share (``document_gutter`` -> ``reading_order(hint=)``).
"""

from __future__ import annotations

import numpy as np

from pipeline.layout.lines import TextLine


def _find_gutter(lines: list[TextLine], wide_frac: float, min_lines: int) -> float | None:
    if len(lines) < 2 * min_lines:
        return None
    X0 = min(ln.x0 for ln in lines)
    X1 = max(ln.x1 for ln in lines)
    width = X1 - X0
    if width <= 0:
        return None
    narrow = [ln for ln in lines if ln.width < wide_frac * width]
    if len(narrow) < 2 * min_lines:
        return None
    n = int(np.ceil(width)) + 2
    cover = np.zeros(n + 1, dtype=np.int32)
    for ln in narrow:
        a = int(np.floor(ln.x0 - X0)) + 1
        b = int(np.ceil(ln.x1 - X0))
        if b > a:
            cover[a] += 1
            cover[b] -= 1
    cover = np.cumsum(cover)[:n]
    # A few narrow lines may cross the gutter: a column-wide heading or a short full-width paragraph above or
    # below the columns ("mixed" pages). They become spanning lines that cut the page into bands.
    tol = max(1, len(narrow) // 20)
    free = cover <= tol
    best: tuple[float, float] | None = None
    i = 1
    while i < n - 1:
        if free[i]:
            j = i
            while j < n - 1 and free[j]:
                j += 1
            run = cover[i:j]
            lo_c = int(run.min())
            # the widest stretch of least coverage inside the run
            k, a0, a1 = i, i, i
            while k < j:
                if cover[k] == lo_c:
                    m = k
                    while m < j and cover[m] == lo_c:
                        m += 1
                    if m - k > a1 - a0:
                        a0, a1 = k, m
                    k = m
                else:
                    k += 1
            if j < n - 1 and (a1 - a0) >= 2:  # an inner gap of at least ~2 pt
                g = X0 + (a0 + a1) / 2.0 - 0.5
                left = [ln for ln in narrow if ln.x1 <= g]
                right = [ln for ln in narrow if ln.x0 >= g]
                crossing = len(narrow) - len(left) - len(right)
                need = max(min_lines, 3 * crossing)
                if len(left) >= need and len(right) >= need:
                    lw = sum(ln.width for ln in left) / len(left)
                    rw = sum(ln.width for ln in right) / len(right)
                    ly = (min(ln.top for ln in left), max(ln.bottom for ln in left))
                    ry = (min(ln.top for ln in right), max(ln.bottom for ln in right))
                    overlap = min(ly[1], ry[1]) - max(ly[0], ry[0])
                    if lw >= 0.2 * width and rw >= 0.2 * width and overlap > 0:
                        score = min(len(left), len(right)) - 5 * crossing + (a1 - a0) / 100.0
                        if best is None or score > best[0]:
                            best = (score, g)
            i = j
        i += 1
    return None if best is None else best[1]


def _hinted_gutter(lines: list[TextLine], hint: float, wide_frac: float) -> float | None:
    """``hint`` (the gutter of the document's other pages) if this page's text leaves it free: a column with only a
    line or two (a responsibility line carried over to the top of the right column) still makes a column."""
    if not lines:
        return None
    X0 = min(ln.x0 for ln in lines)
    X1 = max(ln.x1 for ln in lines)
    width = X1 - X0
    if width <= 0 or not (X0 < hint < X1):
        return None
    crossing = [ln for ln in lines if ln.x0 < hint < ln.x1]
    left = [ln for ln in lines if ln.x1 <= hint]
    right = [ln for ln in lines if ln.x0 >= hint]
    if not left or not right or len(crossing) > 0.2 * len(lines):
        return None
    narrow_crossing = [ln for ln in crossing if ln.width < wide_frac * width]
    if len(narrow_crossing) > max(1, len(lines) // 20):
        return None
    ly = (min(ln.top for ln in left), max(ln.bottom for ln in left))
    ry = (min(ln.top for ln in right), max(ln.bottom for ln in right))
    if min(ly[1], ry[1]) - max(ly[0], ry[0]) <= 0:
        return None  # the two sides must share some height (else they are bands, not columns)
    return hint


def page_gutter(lines: list[TextLine], *, wide_frac: float = 0.6, min_lines: int = 3) -> float | None:
    """x of the page's main column gutter, or None (single column)."""
    return _find_gutter(lines, wide_frac, min_lines) if lines else None


def document_gutter(gutters: list[float | None], tol: float = 12.0) -> float | None:
    """The gutter most pages share (found on at least two pages, within ``tol`` points), else None."""
    found = sorted(g for g in gutters if g is not None)
    best: list[float] = []
    for i, g in enumerate(found):
        group = [h for h in found[i:] if h - g <= tol]
        if len(group) > len(best):
            best = group
    if len(best) < 2:
        return None
    return float(np.median(best))


def _order(lines: list[TextLine], wide_frac: float, min_lines: int, depth: int,
           hint: float | None = None) -> list[list[TextLine]]:
    """Return bands; each band is a list of columns (lists of lines, top to bottom)."""
    g = _find_gutter(lines, wide_frac, min_lines) if depth > 0 else None
    if g is None and hint is not None and depth > 0:
        g = _hinted_gutter(lines, hint, wide_frac)
    if g is None:
        return [[sorted(lines, key=lambda ln: (ln.top, ln.x0))]]
    spanning = sorted([ln for ln in lines if ln.x0 < g < ln.x1], key=lambda ln: ln.top)
    rest = [ln for ln in lines if not (ln.x0 < g < ln.x1)]
    # cut into bands at spanning lines
    bands: list[list[list[TextLine]]] = []
    cuts = [ln.top for ln in spanning] + [float("inf")]
    prev = float("-inf")
    for k, cut in enumerate(cuts):
        seg = [ln for ln in rest if prev <= (ln.top + ln.bottom) / 2 < cut]
        if seg:
            left = [ln for ln in seg if ln.x1 <= g]
            right = [ln for ln in seg if ln.x0 >= g]
            cols: list[list[TextLine]] = []
            for side in (left, right):
                if side:
                    sub = _order(side, wide_frac, min_lines, depth - 1)
                    if len(sub) == 1:
                        cols.extend(sub[0])
                    else:  # a side with its own spanning lines: flatten in its order
                        cols.append([ln for band in sub for col in band for ln in col])
            bands.append(cols)
        if k < len(spanning):
            bands.append([[spanning[k]]])
            prev = spanning[k].top
    return bands


def reading_order(lines: list[TextLine], *, wide_frac: float = 0.6, min_lines: int = 3,
                  hint: float | None = None) -> list[TextLine]:
    """Order one page's lines for reading; sets ``column`` (0 = left/single) and ``band``.

    ``hint``: the document's usual gutter x (:func:`document_gutter`); used when the page's own lines are too few on
    one side to show it."""
    if not lines:
        return []
    out: list[TextLine] = []
    for b, band in enumerate(_order(lines, wide_frac, min_lines, depth=2, hint=hint)):
        multi = len(band) > 1
        for c, col in enumerate(band):
            for ln in col:
                ln.column = c if multi else 0
                ln.band = b
                out.append(ln)
    return out
