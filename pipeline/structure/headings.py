"""The outline of a plan: its parts ("Del 1 ...", "Kapittel 2", "1 Title") from heading blocks, confirmed by the TOC.

A part runs from its heading to the next part heading, or to an unnumbered heading of the same or a higher
level (e.g. "Vedlegg", "Oversikt over tiltak" at part level), whichever comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from pipeline.model import Block, LaidOutDocument, Part, TocEntry
from pipeline.structure.labels import LABEL_RE
from pipeline.structure.text import NUMBER_WORDS, ORDINAL_WORDS, normalize, parse_number_token

_NUMTOK = r"(?:\d{1,2}|[IVXL]{1,6}|" + "|".join(sorted(set(NUMBER_WORDS) | set(ORDINAL_WORDS), key=len, reverse=True)) + ")"
PART_KEYWORDS = (
    "del", "hoveddel", "kapittel", "kap.", "innsatsområde", "satsingsområde", "satsningsområde", "hovedområde",
    "område", "tema", "mål", "delmål", "part",
)
_KW = "|".join(re.escape(k) for k in sorted(PART_KEYWORDS, key=len, reverse=True))
KEYWORD_PART_RE = re.compile(rf"^(?P<kw>{_KW})\s+(?P<num>{_NUMTOK})\b\.?\s*(?:[:.\u2013\u2014–-]\s*)?(?P<title>.*)$", re.IGNORECASE)
# "Første del: ..." style
ORDINAL_PART_RE = re.compile(rf"^(?P<num>{'|'.join(ORDINAL_WORDS)})\s+(?P<kw>del|kapittel)\s*[:.\u2013–-]?\s*(?P<title>.*)$", re.IGNORECASE)
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,2})\.?\s+(?P<title>[A-ZÆØÅ«\"].*)$")
MEASURE_HEAD_RE = re.compile(r"^tiltak\s+\d", re.IGNORECASE)
# what a TOC title's tail must not hold to complete a heading: leader dots, a page number (the next entry ran on)
_TOC_NOISE = re.compile(r"(?:\.\s?){2,}|\d")


def is_headingish(b: Block, body_size: float) -> bool:
    """A heading block, or a short bold / larger line standing alone."""
    if b.role == "heading":
        return True
    if b.role not in ("body", "other", "list_item"):
        return False
    words = len(b.text.split())
    if words > 25 or b.text.rstrip().endswith((".", ",", ";")) and words > 6:
        return False
    return b.bold or b.size >= body_size * 1.12


@dataclass
class PartSpan:
    number: int
    title: str
    block_index: int  # the heading block
    end_index: int  # exclusive
    page_start: int
    level: int | None
    label: str  # "del", "kapittel", "numbered", ...
    title_block_index: int | None = None  # a separate block holding the title ("Del 1" / "Title")


@dataclass
class Outline:
    parts: list[PartSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def part_at(self, index: int) -> PartSpan | None:
        for p in self.parts:
            if p.block_index <= index < p.end_index:
                return p
        return None

    def heading_indices(self) -> set[int]:
        out: set[int] = set()
        for p in self.parts:
            out.add(p.block_index)
            if p.title_block_index is not None:
                out.add(p.title_block_index)
        return out

    def to_parts(self) -> list[Part]:
        return [Part(number=p.number, title=p.title, page_start=p.page_start) for p in self.parts]


@dataclass
class _Cand:
    index: int
    number: int
    title: str
    label: str
    level: int | None
    title_index: int | None = None


def _clean_title(t: str) -> str:
    return normalize(t).strip(" :.\u2013–-").strip()


def _keyword_candidates(blocks: list[Block], body_size: float) -> list[_Cand]:
    out: list[_Cand] = []
    for i, b in enumerate(blocks):
        if b.role in ("toc", "table") or not is_headingish(b, body_size):
            continue
        text = normalize(b.text)
        m = KEYWORD_PART_RE.match(text) or ORDINAL_PART_RE.match(text)
        if not m or not text[:1].isupper():
            continue
        num = parse_number_token(m.group("num"))
        if num is None:
            continue
        title = _clean_title(m.group("title"))
        title_index = None
        if not title and i + 1 < len(blocks):
            nb = blocks[i + 1]
            if nb.role != "toc" and is_headingish(nb, body_size) and not MEASURE_HEAD_RE.match(nb.text):
                title, title_index = _clean_title(nb.text), i + 1
        title, cont = _continued_title(blocks, i if title_index is None else title_index, title)
        out.append(_Cand(i, num, title, m.group("kw").lower().rstrip("."), b.heading_level,
                         title_index if cont is None else cont))
    return out


def _continued_title(blocks: list[Block], i: int, title: str) -> tuple[str, int | None]:
    """A heading wrapped onto a second heading block of the same style that starts in lower case."""
    if not title or title.rstrip().endswith((".", ":", "!", "?")):
        return title, None
    b = blocks[i]
    for j in range(i + 1, min(len(blocks), i + 4)):
        nb = blocks[j]
        t = normalize(nb.text)
        if nb.role == "heading" and nb.heading_level == b.heading_level:
            if t[:1].islower() and len(t.split()) <= 8:
                return f"{title} {t}", j
            return title, None
    return title, None


def _numbered_candidates(blocks: list[Block]) -> list[_Cand]:
    out: list[_Cand] = []
    for i, b in enumerate(blocks):
        if b.role != "heading":
            continue
        text = normalize(b.text)
        if MEASURE_HEAD_RE.match(text):
            continue
        m = NUMBERED_RE.match(text)
        if m:
            out.append(_Cand(i, int(m.group("num")), _clean_title(m.group("title")), "numbered", b.heading_level))
    return out


def _prefer_content(cands: list[_Cand], blocks: list[Block]) -> list[_Cand]:
    """A number found twice (an unmarked table of contents, then the real heading): keep the one followed by text."""
    if len({c.number for c in cands}) == len(cands):
        return cands
    starts = sorted(c.index for c in cands)

    def content(c: _Cand) -> int:
        nxt = next((s for s in starts if s > c.index), len(blocks))
        return sum(len(b.text) for b in blocks[c.index + 1 : nxt] if b.role != "toc")

    best: dict[int, _Cand] = {}
    for c in cands:
        if c.number not in best or content(c) > content(best[c.number]):
            best[c.number] = c
    return sorted(best.values(), key=lambda c: c.index)


def _increasing_run(cands: list[_Cand]) -> list[_Cand]:
    """Keep candidates forming a strictly increasing numbering (drop repeats such as running headings)."""
    out: list[_Cand] = []
    for c in cands:
        if not out or c.number > out[-1].number:
            out.append(c)
        elif c.number == out[-1].number and not out[-1].title and c.title:
            out[-1] = c
    return out


def _looks_like_sequence(cands: list[_Cand]) -> bool:
    if not cands:
        return False
    nums = [c.number for c in cands]
    if nums[0] > 2 and len(nums) < 3:
        return False
    gaps = sum(1 for a, b in zip(nums, nums[1:]) if b != a + 1)
    return gaps <= max(1, len(nums) // 4)


def _has_measure_like(blocks: list[Block], start: int, end: int, level: int | None) -> bool:
    for b in blocks[start + 1 : end]:
        t = normalize(b.text)
        if MEASURE_HEAD_RE.match(t):
            return True
        if b.role == "heading" and re.match(r"^\d{1,3}[a-z]?[.)]\s", t):
            if level is None or b.heading_level is None or b.heading_level > level:
                return True
        if b.role == "table":
            return True
    return False


def _has_own_responsibility(blocks: list[Block], start: int, end: int) -> bool:
    """A responsibility line before any other heading: the heading is a measure, not a part."""
    for b in blocks[start + 1 : min(end, start + 30)]:
        if LABEL_RE.match(normalize(b.text)):
            return True
        if b.role == "heading":
            return False
    return False


def _ends(blocks: list[Block], starts: list[_Cand], level_of: dict[int, int | None], body_size: float) -> list[int]:
    """End index of each part: next part start, or an unnumbered heading at the same or higher level."""
    ends: list[int] = []
    start_idx = {c.index for c in starts} | {c.title_index for c in starts if c.title_index is not None}
    for k, c in enumerate(starts):
        limit = starts[k + 1].index if k + 1 < len(starts) else len(blocks)
        end = limit
        lvl = level_of.get(c.index)
        if lvl is not None:
            for j in range(c.index + 1, limit):
                b = blocks[j]
                if j in start_idx or b.role != "heading" or b.heading_level is None:
                    continue
                t = normalize(b.text)
                if (b.heading_level <= lvl and not MEASURE_HEAD_RE.match(t) and not re.match(r"^\d", t)
                        and not t[:1].islower()):
                    end = j
                    break
        ends.append(end)
    return ends


def toc_of(doc: LaidOutDocument) -> list[TocEntry]:
    """The printed table of contents, or else the PDF's own bookmarks (same shape: title, printed page, level)."""
    return doc.toc or list(getattr(doc, "outline", None) or [])


def find_outline(doc: LaidOutDocument) -> Outline:
    """Parts of the plan, in order. Empty when the plan has no recognisable parts."""
    blocks = doc.blocks
    outline = Outline()
    chosen: list[_Cand] = []

    kw = _keyword_candidates(blocks, doc.body_size)
    if kw:
        groups: dict[str, list[_Cand]] = {}
        for c in kw:
            groups.setdefault(c.label, []).append(c)
        best: list[_Cand] = []
        for label in sorted(groups, key=lambda k: (-len(groups[k]), PART_KEYWORDS.index(k) if k in PART_KEYWORDS else 99)):
            run = _increasing_run(_prefer_content(groups[label], blocks))
            if _looks_like_sequence(run) and len(run) > len(best):
                best = run
        chosen = best

    if not chosen:
        by_level: dict[int | None, list[_Cand]] = {}
        for c in _numbered_candidates(blocks):
            by_level.setdefault(c.level, []).append(c)
        for level in sorted(by_level, key=lambda x: (x is None, x if x is not None else 0)):
            run = _increasing_run(_prefer_content(by_level[level], blocks))
            if len(run) < 2 or not _looks_like_sequence(run):
                continue
            # A part level contains measures (headings, "Tiltak N", tables); a level made of measures does not.
            spans = [
                (c.index, run[k + 1].index if k + 1 < len(run) else len(blocks)) for k, c in enumerate(run)
            ]
            with_measures = sum(1 for s, e in spans if _has_measure_like(blocks, s, e, level))
            if with_measures >= max(1, len(run) // 2):
                chosen = run
                break
            # No measures inside (a table-only plan): still parts if numbered from 1 and not measures themselves
            # (measures are followed by their responsibility line).
            with_resp = sum(1 for s, e in spans if _has_own_responsibility(blocks, s, e))
            if run[0].number == 1 and with_resp <= len(run) // 4:
                chosen = run
                break

    chosen = _confirm_with_toc(chosen, toc_of(doc), blocks, doc.body_size, outline)
    if not chosen:
        return outline
    level_of = {c.index: c.level for c in chosen}
    ends = _ends(blocks, chosen, level_of, doc.body_size)
    for c, end in zip(chosen, ends):
        outline.parts.append(
            PartSpan(
                number=c.number,
                title=c.title,
                block_index=c.index,
                end_index=end,
                page_start=blocks[c.index].page,
                level=c.level,
                label=c.label,
                title_block_index=c.title_index,
            )
        )
    return outline


def _toc_parts(toc: list[TocEntry], numbered: bool = False) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for e in toc:
        t = normalize(e.title)
        m = KEYWORD_PART_RE.match(t) or ORDINAL_PART_RE.match(t) or (NUMBERED_RE.match(t) if numbered else None)
        if m and (n := parse_number_token(m.group("num"))) is not None:
            out.append((n, _clean_title(m.group("title"))))
    return out


def _confirm_with_toc(
    chosen: list[_Cand], toc: list[TocEntry], blocks: list[Block], body_size: float, outline: Outline
) -> list[_Cand]:
    """Use the TOC to fill missing titles and to find part headings the layout did not mark as headings."""
    numbered = bool(chosen) and all(c.label == "numbered" for c in chosen)
    tparts = _toc_parts(toc, numbered)
    if not tparts:
        return chosen
    found = {c.number for c in chosen}
    by_num = {c.number: c for c in chosen}
    for n, title in tparts:
        c = by_num.get(n)
        if c is None or not title:
            continue
        if not c.title:
            c.title = title
        elif (len(title) > len(c.title) and title.lower().startswith(c.title.lower())
              and not _TOC_NOISE.search(title[len(c.title):])):
            c.title = title  # the heading wrapped and the layout kept only its first line
    if numbered:
        return chosen
    missing = [(n, t) for n, t in tparts if n not in found]
    if not missing:
        return chosen
    added = list(chosen)
    for n, title in missing:
        best_i, best_s = None, 0.0
        for i, b in enumerate(blocks):
            if b.role in ("toc", "table") or len(b.text) > 250:
                continue
            t = normalize(b.text)
            m = KEYWORD_PART_RE.match(t)
            if m and parse_number_token(m.group("num")) == n:
                s = 100.0 if not title else fuzz.ratio(_clean_title(m.group("title")).lower(), title.lower())
            elif title:
                s = fuzz.ratio(t.lower(), title.lower())
            else:
                continue
            if s > best_s:
                best_i, best_s = i, s
        if best_i is not None and best_s >= 90:
            added.append(_Cand(best_i, n, title, "toc", blocks[best_i].heading_level))
        else:
            outline.warnings.append(f"part {n} ({title}) is in the table of contents but not found in the text")
    added.sort(key=lambda c: c.index)
    return _increasing_run(added)
