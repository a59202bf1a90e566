"""Block roles from typography: headings (with levels), body, list items, captions, other.

The body size is the dominant font size by character count. Headings are short blocks set
larger than the body, or bold/numbered blocks at body size that stand alone. Levels: distinct
heading sizes, biggest = 1; same-size bold or numbered headings take the next level.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.layout.lines import TextLine

NUMBERED = re.compile(
    r"^(?:(?:del|kapittel|kap\.|tiltak|vedlegg|innsatsområde|part|chapter)\s+\d+[a-z]?\b"
    r"|\d+(?:\.\d+)*\.?\s+\S"
    r"|[IVX]+\.\s+\S)",
    re.IGNORECASE,
)
CAPTION = re.compile(r"^(?:tabell|figur|kilde|boks|table|figure|source)\s*\d*[.:]?\s", re.IGNORECASE)


def body_size(lines: list[TextLine]) -> float:
    """Dominant font size by character count (0.5 pt bins)."""
    cnt: Counter = Counter()
    for ln in lines:
        cnt[round(ln.size * 2) / 2] += ln.n_chars
    if not cnt:
        return 10.0
    return float(cnt.most_common(1)[0][0])


def classify(text: str, size: float, bold: bool, n_lines: int, is_list: bool, body: float) -> str:
    """Role of one text block: heading, body, list_item, caption or other."""
    t = text.strip()
    if is_list:
        return "list_item"
    short_end = not t.endswith((".", ",", ";"))
    if size >= body + 0.9 and len(t) <= 300 and n_lines <= 5:
        return "heading"
    if CAPTION.match(t) and len(t) <= 200 and n_lines <= 3:
        return "caption"
    if abs(size - body) < 0.9:
        if bold and len(t) <= 160 and n_lines <= 3 and short_end:
            return "heading"
        if NUMBERED.match(t) and len(t) <= 120 and n_lines <= 2 and short_end:
            return "heading"
    if size <= body * 0.85:
        return "other"
    return "body"


def heading_levels(sizes_bold: list[tuple[float, bool]], body: float) -> dict[tuple[float, bool], int]:
    """Map (size, bold) of heading blocks to levels 1..n (bigger = lower number)."""
    big = sorted({round(s * 2) / 2 for s, _ in sizes_bold if s >= body + 0.9}, reverse=True)
    clusters: list[float] = []
    for s in big:
        if not clusters or clusters[-1] - s > 0.6:
            clusters.append(s)
    out: dict[tuple[float, bool], int] = {}
    for s, b in sizes_bold:
        r = round(s * 2) / 2
        if r >= body + 0.9:
            lvl = 1 + min(range(len(clusters)), key=lambda k: abs(clusters[k] - r))
            out[(s, b)] = lvl
        else:
            out[(s, b)] = len(clusters) + 1
    return out
