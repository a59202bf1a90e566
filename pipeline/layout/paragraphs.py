"""Lines in reading order -> paragraph-like groups.

A new group starts at a change of column/band/role, a list marker, a change of font size or
weight (not after a run-in bold title that turns regular within its line), a vertical gap clearly
larger than the document's usual line gap, a line that does not overlap the previous one
horizontally, a first-line indent / short last line after a sentence end, or a numbered line
("2. Title") after a short line. Groups remember whether they open/close their column so paragraphs broken
across a column or page can be rejoined later.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from pipeline.layout.lines import TextLine
from pipeline.layout.text import ends_sentence, strip_bullet

# a line opening with a number label and a capital: "2. Foreldrestøtte ...", "14) Veileder ..."
NUMBERED_LINE = re.compile(r"^\d{1,3}[.)]\s+[A-ZÆØÅ«\"]")


@dataclass
class Group:
    lines: list[TextLine]
    texts: list[str]  # printed lines, bullet stripped from the first if a list item
    marker: str | None = None
    first_in_col: bool = False
    last_in_col: bool = False
    kind: str | None = None  # "toc", "table" or None (text)
    extra: dict = field(default_factory=dict)

    @property
    def page(self) -> int:
        return self.lines[0].page


def typical_gap(pages: dict[int, list[TextLine]], body_size: float) -> float:
    """Median vertical gap between consecutive body-size lines of the same column."""
    gaps: list[float] = []
    for lines in pages.values():
        prev = None
        for ln in lines:
            if ln.role is None and abs(ln.size - body_size) < 0.6:
                if (
                    prev is not None
                    and prev.column == ln.column
                    and prev.band == ln.band
                    and ln.x0 < prev.x1
                    and prev.x0 < ln.x1
                ):
                    g = ln.top - prev.bottom
                    if -body_size < g < 1.5 * body_size:
                        gaps.append(g)
                prev = ln
            else:
                prev = None
    if len(gaps) < 3:
        return 0.2 * body_size
    return float(statistics.median(gaps))


def group_lines(ordered: list[TextLine], gap0: float, body_size: float = 10.0) -> list[Group]:
    """Group one page's ordered lines (furniture removed) into paragraphs."""
    groups: list[Group] = []
    col_right: dict[tuple[int, int], float] = {}
    col_left: dict[tuple[int, int], float] = {}
    for ln in ordered:
        key = (ln.band, ln.column)
        col_right[key] = max(col_right.get(key, ln.x1), ln.x1)
        col_left[key] = min(col_left.get(key, ln.x0), ln.x0)
    cur: Group | None = None
    prev: TextLine | None = None
    for ln in ordered:
        kind = ln.role if ln.role in ("toc", "table") else None
        text, marker = (ln.text, None) if kind else strip_bullet(ln.text)
        new = True
        if cur is not None and prev is not None and kind is None and cur.kind is None and marker is None:
            same_col = prev.band == ln.band and prev.column == ln.column
            gap = ln.top - prev.bottom
            size = max(ln.size, prev.size)
            overlap = ln.x0 < prev.x1 and prev.x0 < ln.x1
            run_in = "bold_lead" in prev.extra and not ln.bold  # "7. Title." then the text, on the same line
            new = (
                not same_col
                or not overlap
                or abs(ln.size - prev.size) > 0.6
                or (ln.bold != prev.bold and not run_in)
                or gap > gap0 + 0.45 * size
                or gap < -0.5 * size
            )
            if not new:
                right = col_right[(ln.band, ln.column)]
                left_edge = cur.extra.get("text_x0", cur.lines[0].x0)
                plain = not ln.bold and ln.size < body_size + 0.9  # headings wrap freely
                if plain and ends_sentence(prev.text) and (
                    ln.x0 > prev.x0 + 0.8 * ln.size  # first-line indent
                    or prev.x1 < right - 3.0 * ln.size  # short last line
                ):
                    new = True
                elif cur.marker is not None and ln.x0 < left_edge - 0.5 * ln.size:
                    new = True  # back at the margin: the list item ended
                elif NUMBERED_LINE.match(ln.text) and not prev.text.endswith("-") and (
                        ends_sentence(prev.text) or prev.x1 < right - 3.0 * ln.size):
                    new = True  # "2. Title" under a short line ("Ansvarlig: HOD, KDD"): the next numbered item
        elif cur is not None and kind == "toc" and cur.kind == "toc":
            new = ln.extra.get("toc_entry") != cur.lines[-1].extra.get("toc_entry")
        if new:
            cur = Group(lines=[ln], texts=[text], marker=marker, kind=kind)
            if marker is not None:
                # x where the item's text starts (continuation lines align with it)
                cur.extra["text_x0"] = ln.x0 + (ln.x1 - ln.x0) * (len(ln.text) - len(text)) / max(len(ln.text), 1)
            groups.append(cur)
        else:
            cur.lines.append(ln)
            cur.texts.append(text)
        prev = ln
    # column boundaries
    for i, g in enumerate(groups):
        a = g.lines[0]
        z = g.lines[-1]
        g.first_in_col = i == 0 or (groups[i - 1].lines[-1].band, groups[i - 1].lines[-1].column) != (a.band, a.column)
        g.last_in_col = i == len(groups) - 1 or (groups[i + 1].lines[0].band, groups[i + 1].lines[0].column) != (z.band, z.column)
    return groups
