"""Parts of a document made of chapter pages (a regjeringen.no web document).

A web document says where its chapters are (each page is one, ``Block.page`` is its number and its first
heading the chapter title as printed), so its outline is not guessed from typography. Measures are found with
every chapter as a span (:func:`chapter_outline`; a measure never runs over a chapter boundary); then the parts
are the chapters in which measures were found (:func:`parts_of_chapters`):

* several measure chapters: each is a part, numbered as printed ("Innsatsområde 1 – Samordning og styring" is
  part 1 "Samordning og styring" even when it is chapter 4; "2. Forebygging" is part 2), by position among the
  measure chapters when the titles carry no (or no distinct) numbers;
* one measure chapter whose measures all stand under two or more of its sections (a "Tiltak" chapter with
  themes): each section with measures is a part, numbered by position, titled as printed.

Chapters without measures (foreword, introduction, a summary table whose rows repeat the body's measures,
follow-up) are not parts. A summary-table row that stayed on its own (no body measure to merge with) takes the
part its group row names, when that matches a part's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.measures.raw import RawMeasure
from pipeline.model import LaidOutDocument, Part
from pipeline.structure.headings import KEYWORD_PART_RE, Outline, PartSpan
from pipeline.structure.text import normalize, parse_number_token

_NUMBERED_TITLE = re.compile(r"^(?P<num>\d{1,2})\s*(?:[.:)]|\s[–—-])?\s+(?P<title>[^\W\d_].*)$")
_MEASURE_HEADING = re.compile(r"^tiltak\s+\d", re.IGNORECASE)
PART_TITLE_MATCH = 90.0


def is_chaptered(doc: LaidOutDocument) -> bool:
    """Blocks carry chapter pages (a web document), not PDF pages."""
    return getattr(doc, "source_format", "pdf") == "html"


@dataclass
class _Chapter:
    number: int  # the chapter page (N of ?ch=N / secN)
    start: int
    end: int  # exclusive
    heading: int | None  # block index of the chapter title
    title: str  # as printed


def _chapters(doc: LaidOutDocument) -> list[_Chapter]:
    out: list[_Chapter] = []
    for i, b in enumerate(doc.blocks):
        if not out or out[-1].number != b.page:
            if out:
                out[-1].end = i
            out.append(_Chapter(b.page, i, len(doc.blocks), None, ""))
        c = out[-1]
        if c.heading is None and b.role == "heading" and i - c.start <= 2:
            c.heading, c.title = i, normalize(b.text)
    return out


def chapter_outline(doc: LaidOutDocument) -> Outline:
    """Every chapter as a span, numbered by its page (for measure boundaries only, not the parts)."""
    outline = Outline()
    for c in _chapters(doc):
        outline.parts.append(PartSpan(number=c.number, title=c.title, block_index=c.heading if c.heading is not None
                                      else c.start, end_index=c.end, page_start=c.number, level=1, label="chapter"))
    return outline


def printed_number(title: str) -> tuple[int | None, str]:
    """("Innsatsområde 1 – Samordning og styring") -> (1, "Samordning og styring"); ("Forord") -> (None, "Forord")."""
    t = normalize(title)
    m = KEYWORD_PART_RE.match(t)
    if m and (n := parse_number_token(m.group("num"))) is not None and m.group("title").strip(" :.–—-"):
        return n, m.group("title").strip(" :.–—-")
    m = _NUMBERED_TITLE.match(t)
    if m:
        return int(m.group("num")), m.group("title").strip(" :.–—-")
    return None, t


def _sections(doc: LaidOutDocument, c: _Chapter, measure_starts: set[int]) -> list[tuple[int, int]]:
    """(heading index, end) of the chapter's sections: headings one level below the chapter title that do not
    start a measure; a section runs to the next such heading."""
    level = doc.blocks[c.heading].heading_level if c.heading is not None else 1
    heads = [i for i in range(c.start, c.end) if i != c.heading and doc.blocks[i].role == "heading"
             and doc.blocks[i].heading_level == (level or 1) + 1 and i not in measure_starts
             and not _MEASURE_HEADING.match(normalize(doc.blocks[i].text))]
    return [(h, heads[k + 1] if k + 1 < len(heads) else c.end) for k, h in enumerate(heads)]


def parts_of_chapters(doc: LaidOutDocument, raws: list[RawMeasure]) -> Outline:
    """The parts (see the module docstring); sets ``part_number``/``part_title`` of every measure."""
    chapters = _chapters(doc)
    starts = {r.block_index for r in raws if r.source in ("body", "both")}

    def chapter_of(r: RawMeasure) -> _Chapter | None:
        return next((c for c in chapters if c.start <= r.block_index < c.end), None)

    located = [(r, chapter_of(r)) for r in raws if r.block_index >= 0]
    with_measures = [c for c in chapters if any(ch is c for _r, ch in located)]
    outline = Outline()
    if len(with_measures) == 1:
        c = with_measures[0]
        sections = [(h, e) for h, e in _sections(doc, c, starts)
                    if any(h < r.block_index < e for r, ch in located if ch is c)]
        inside = all(any(h < r.block_index < e for h, e in sections) for r, ch in located if ch is c)
        if len(sections) >= 2 and inside:
            for k, (h, e) in enumerate(sections, start=1):
                outline.parts.append(PartSpan(k, normalize(doc.blocks[h].text), h, e, doc.blocks[h].page,
                                              doc.blocks[h].heading_level, "section"))
    if not outline.parts:
        numbered = [printed_number(c.title) for c in with_measures]
        nums = [n for n, _ in numbered]
        distinct = all(n is not None for n in nums) and len(set(nums)) == len(nums)
        for k, (c, (n, title)) in enumerate(zip(with_measures, numbered), start=1):
            outline.parts.append(PartSpan(n if distinct else k, title if distinct else c.title,
                                          c.heading if c.heading is not None else c.start, c.end, c.number, 1, "chapter"))
    for r in raws:
        r.part_number, r.part_title = None, (r.part_title if r.source == "table" else None)
        p = outline.part_at(r.block_index) if r.block_index >= 0 else None
        if p is None and r.source == "table" and r.part_title:
            p = _by_title(outline, r.part_title)
        if p is None and r.source == "table":
            r.part_title = None
        if p is not None:
            r.part_number, r.part_title = p.number, p.title
    return outline


def _by_title(outline: Outline, title: str):
    best = max(outline.parts, key=lambda p: fuzz.ratio(p.title.lower(), title.lower()), default=None)
    if best is not None and fuzz.ratio(best.title.lower(), title.lower()) >= PART_TITLE_MATCH:
        return best
    return None


def parts_with_locators(doc: LaidOutDocument, outline: Outline) -> list[Part]:
    """The outline's parts with the chapter page and the heading's URL (no PDF page numbers)."""
    out = []
    for p in outline.parts:
        b = doc.blocks[p.block_index]
        out.append(Part(number=p.number, title=p.title, chapter=b.page, locator=b.locator))
    return out
