"""Table-of-contents detection.

A TOC row is a printed row ending in a page label (arabic or roman) that is either separated
from its title by dot leaders or set apart as a right-aligned segment. Three or more such
rows on one early page form a TOC; rows sandwiched between them (wrapped titles) belong to
the next entry, also when the entry wraps across a page break (the last lines of one TOC page and
a first entry in lower case on the next, or the first lines of a TOC page above its first row with a
page label, when that row goes on in lower case). Levels come from the indentation of the titles (distinct x positions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.model import TocEntry
from pipeline.layout.hyphenation import IsWord, join_lines
from pipeline.layout.lines import TextLine

_LEADER = re.compile(
    r"^(?P<title>.*?\S)\s*(?:[.·…•_‥]\s*){3,}\s*(?P<label>\d{1,4}|[ivxlcdm]{1,7})$", re.IGNORECASE
)
_LABEL = re.compile(r"^(?:\d{1,4}|[ivxlcdm]{1,7})$", re.IGNORECASE)


@dataclass
class TocRow:
    title: str
    label: str | None
    x0: float
    lines: list[TextLine] = field(default_factory=list)


def _rows(lines: list[TextLine]) -> list[list[TextLine]]:
    rows: dict[int, list[TextLine]] = {}
    for ln in lines:
        rows.setdefault(ln.row, []).append(ln)
    return [sorted(rows[k], key=lambda ln: ln.x0) for k in sorted(rows)]


def _parse_row(segs: list[TextLine], right_edge: float) -> TocRow | None:
    text = " ".join(s.text for s in segs)
    m = _LEADER.match(text)
    if m:
        return TocRow(m.group("title").strip(), m.group("label"), segs[0].x0, list(segs))
    # a page number set apart (separate segment, or a fragment after a wide gap) at the right edge
    pieces: list[tuple[str, float, float]] = []
    for s in segs:
        pieces.extend(s.extra.get("frags") or [(s.text, s.x0, s.x1)])
    if len(pieces) >= 2:
        label, lx0, lx1 = pieces[-1]
        size = segs[-1].size or 10.0
        gap = lx0 - pieces[-2][2]
        if _LABEL.match(label) and lx1 >= right_edge - 3 * size and gap > 2 * size:
            title = " ".join(p[0] for p in pieces[:-1]).strip()
            if title and not _LABEL.match(title):
                return TocRow(title, label, segs[0].x0, list(segs))
    return None


def _continues(text: str) -> bool:
    """A TOC title that goes on from the line before it: it starts in lower case."""
    t = text.strip()
    return bool(t) and t[0].islower()


def find_toc(
    pages: dict[int, list[TextLine]],
    *,
    max_page: int | None = None,
    min_rows: int = 3,
    is_word: IsWord | None = None,
) -> list[TocEntry]:
    """Detect TOC rows on early pages; mark their lines ``role="toc"``; return the entries."""
    n = len(pages)
    limit = max_page if max_page is not None else max(6, n // 3)
    found: list[TocRow] = []
    carry: tuple[int, list[TextLine]] | None = None  # a wrapped entry's first line(s) at the foot of a TOC page
    for p in sorted(pages)[: limit]:
        lines = [ln for ln in pages[p] if ln.role is None]
        if not lines:
            continue
        right_edge = max(ln.x1 for ln in lines)
        rows = _rows(lines)
        parsed = [_parse_row(r, right_edge) for r in rows]
        hits = [i for i, r in enumerate(parsed) if r is not None]
        if len(hits) < min_rows:
            continue
        pending: list[TextLine] = []
        if carry is not None and carry[0] == p - 1 and parsed[hits[0]] is not None and (
                _continues(parsed[hits[0]].title) or hits[0] > 0 and _continues(rows[0][0].text)):
            pending = list(carry[1])  # "Tiltak 13: Tilrettelagt opplæring for sent ankomne" / "ungdommer .... 9"
        elif 0 < hits[0] <= 2 and parsed[hits[0]] is not None and _continues(parsed[hits[0]].title) and all(
                ln.size <= rows[hits[0]][0].size + 0.6 for r in rows[:hits[0]] for ln in r):
            # an entry that begins at the top of a TOC page, above the first row with a page label:
            # "4 Samarbeid, kunnskap" / "og internasjonal innsats .... 10"
            pending = [ln for r in rows[:hits[0]] for ln in r]
        carry = None
        tail = [ln for r in rows[hits[-1] + 1:] for ln in r]
        if 0 < len(rows) - hits[-1] - 1 <= 2 and all(ln.size <= rows[hits[-1]][0].size + 0.6 for ln in tail):
            carry = (p, tail)
        page_rows: list[TocRow] = []
        for i in range(hits[0], hits[-1] + 1):
            r = parsed[i]
            if r is None:
                # a wrapped title line between entries (not a heading-sized line)
                pending.extend(rows[i])
                continue
            if pending:
                r = TocRow(join_lines([s.text for s in pending] + [r.title], is_word), r.label,
                           min(s.x0 for s in pending), pending + r.lines)
                pending = []
            page_rows.append(r)
        for r in page_rows:
            for s in r.lines:
                s.role = "toc"
        found.extend(page_rows)
    if not found:
        return []
    # levels from indentation clusters
    xs = sorted({round(r.x0, 0) for r in found})
    clusters: list[float] = []
    for x in xs:
        if not clusters or x - clusters[-1] > 4.0:
            clusters.append(x)
    def level(x0: float) -> int:
        best = min(range(len(clusters)), key=lambda k: abs(clusters[k] - x0))
        return best + 1
    out = []
    for r in found:
        out.append(TocEntry(title=r.title, page_label=(r.label or "").lower() if r.label and not r.label.isdigit() else (r.label or ""), level=level(r.x0)))
        for s in r.lines:
            s.extra["toc_entry"] = len(out) - 1
    return out
