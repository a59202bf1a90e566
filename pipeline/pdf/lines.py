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


def build_lines(chars: list[Char], page: int, gap_factor: float = 0.8) -> list[TextLine]:
    """Group one page's glyphs into :class:`TextLine` segments, top to bottom, left to right."""
    out: list[TextLine] = []
    for row_id, row in enumerate(_rows(chars)):
        for seg in _segment(row, gap_factor):
            ink = [c for c in seg if not c.text.isspace()]
            if not ink:
                continue
            text = normalize(_text(seg))
            if not text:
                continue
            weights = [max(1, len(c.text)) for c in ink]
            size = _dominant([round(c.size * 2) / 2 for c in ink], weights)
            bold_count = sum(w for c, w in zip(ink, weights) if c.bold)
            font = _dominant([c.fontname for c in ink], weights)
            same = [c for c in ink if abs(c.size - size) <= 0.6] or ink
            out.append(
                TextLine(
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
            )
    out.sort(key=lambda ln: (ln.row, ln.x0))
    return out
