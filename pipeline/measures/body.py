"""Heading-style measures: "Tiltak 7: Title", "Tiltak 7 Title", "Tiltak 7. Title", "7. Title" followed by prose.

A measure starts at its heading and ends at the next measure, at a heading that is not deeper than its own,
at a part boundary, at a table, or right after its responsibility line. Numbered lines ("7. Title") are
measures only with evidence from context: a measures section (nearest heading mentions "tiltak"), a
responsibility line, a ministry in brackets at the end of the title, heading style, and numbering
consecutive with the other accepted measures. A numbered list in ordinary prose gets no such evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Block, LaidOutDocument
from pipeline.measures.merge import complete_title
from pipeline.measures.raw import RawMeasure
from pipeline.measures.responsibility import split_trailing_responsibility
from pipeline.structure.headings import Outline, is_headingish, toc_of
from pipeline.structure.labels import CO_LABEL_RE, INLINE_LABEL_RE, LABEL_RE, TIMEFRAME_RE
from pipeline.structure.text import clean_number, normalize, number_key

TILTAK_RE = re.compile(
    r"^tiltak\s+(?:nr\.?\s*)?(?P<num>(?-i:\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?))(?![\d.]\d)\b\s*(?P<sep>[:.\u2013\u2014–-])?\s*(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "7. Title", "7) Title", and numbered within a part: "1.3. Title", "2.1) Title"
NUM_RE = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)(?P<sep>[.)])\s+(?P<title>\S.*)$", re.DOTALL)
NUM_NODOT_RE = re.compile(r"^(?P<num>\d{1,3})\s+(?P<title>[A-ZÆØÅ«\"].*)$", re.DOTALL)
NUM_ONLY_RE = re.compile(r"^(?P<num>\d{1,3}[a-z]?)[.)]?$")
TOC_LINE_RE = re.compile(r"(?:\.\s?){3,}\s*\d{1,3}\s*$|\s{3,}\d{1,3}\s*$")
SECTION_RE = re.compile(r"\btiltak", re.IGNORECASE)
FOOTNOTE_RE = re.compile(r"^(?:\d{1,3}|\*{1,3})\s+\S")


@dataclass
class _Cand:
    index: int
    number: str
    title: str
    kind: str  # "tiltak" | "numbered"
    heading: bool
    level: int | None
    rest_text: str = ""  # prose in the same block after the title (layout merged them)
    score: int = 0
    title_index: int | None = None


def is_responsibility_line(text: str) -> bool:
    return bool(LABEL_RE.match(normalize(text)))


# A line ending open: a hyphen, a comma, "og", a slash, or a label whose value is on the next line ("Ansvar:")
_OPEN_END = re.compile(r"(?:-|,|:|\bog|\beller|\bsamt|\bmed|\bi\s+samarbeid\s+med|\bsammen\s+med|/)\s*$", re.IGNORECASE)


def resp_continues(prev_text: str, b: Block) -> bool:
    """The block continues a responsibility line that the layout cut off ("... Helse- og" + "omsorgsdepartementet")."""
    if b.role not in ("body", "other", "list_item"):
        return False
    t = normalize(b.text)
    if not t or len(t.split()) > 15 or LABEL_RE.match(t):
        return False
    if _OPEN_END.search(prev_text):
        return True
    return t[:1].islower() and len(t.split()) <= 4 and not t.rstrip().endswith((".", "!", "?"))


def _split_inline_label(text: str) -> tuple[str, str | None]:
    """"Prose. Ansvarlig: JD" -> ("Prose.", "Ansvarlig: JD"); "Prose. (Ansvar: JD)" -> ("Prose.", "Ansvar: JD")."""
    body, resp = split_trailing_responsibility(text)
    if resp is not None:
        return body, resp
    m = INLINE_LABEL_RE.search(text)
    if not m:
        return text, None
    return text[: m.start()].rstrip(), text[m.end():].strip()


def _candidate(i: int, b: Block, body_size: float) -> _Cand | None:
    if b.role in ("toc", "table", "caption"):
        return None
    text = normalize(b.text)
    if not text or TOC_LINE_RE.search(text):
        return None
    if b.run_in and b.role in ("body", "list_item") and (c := _run_in_candidate(i, b, text)) is not None:
        return c
    heading = is_headingish(b, body_size)
    m = TILTAK_RE.match(text)
    if m:
        title = m.group("title").strip()
        sep = m.group("sep")
        if title and title[:1].islower() and not sep:
            return None  # prose: "Tiltak 7 skal gjennomføres ..."
        rest = ""
        if not heading:
            lines = [normalize(line) for line in b.lines if line.strip()]
            if len(lines) >= 2 and TILTAK_RE.match(lines[0]):
                # Heading line merged with its prose: the first printed line is the title.
                mt = TILTAK_RE.match(lines[0])
                assert mt is not None
                title = mt.group("title").strip()
                rest = text[len(normalize(lines[0])):].strip()
            elif len(text.split()) > 30:
                return None
        return _Cand(i, clean_number(m.group("num")), title, "tiltak", heading, b.heading_level, rest)
    if heading and (mo := NUM_ONLY_RE.match(text)):
        # the number stands alone (in the margin or on its own line); the title is the next heading block
        return _Cand(i, clean_number(mo.group("num")), "", "numbered", True, b.heading_level)
    m = NUM_RE.match(text) or (NUM_NODOT_RE.match(text) if b.role == "heading" else None)
    if m:
        title = m.group("title").strip()
        if not title[:1].isupper() and not title[:1] in "«\"":
            return None
        if len(title.split()) > 40:
            return None
        n = clean_number(m.group("num"))
        if any(len(piece) > 3 for piece in n.split(".")) or (n.isdigit() and int(n) == 0):
            return None
        return _Cand(i, n, title, "numbered", heading or b.role == "list_item", b.heading_level)
    return None


def _run_in_candidate(i: int, b: Block, text: str) -> _Cand | None:
    """"7. Title." in bold opening a paragraph that goes on in regular type: the bold run is the heading."""
    lead = normalize(b.run_in or "")
    m = TILTAK_RE.match(lead) or NUM_RE.match(lead)
    if not m or not text.startswith(lead):
        return None
    title = m.group("title").strip().rstrip(".:").strip()
    if not title or not (title[:1].isupper() or title[:1] in "«\"") or len(title.split()) > 25:
        return None
    kind = "tiltak" if TILTAK_RE.match(lead) else "numbered"
    return _Cand(i, clean_number(m.group("num")), title, kind, True, b.heading_level, text[len(lead):].strip())


def _section_is_measures(blocks: list[Block], i: int, body_size: float, cand_idx: set[int], outline: Outline) -> bool:
    """Nearest preceding (non-measure) heading mentions "tiltak"."""
    for j in range(i - 1, -1, -1):
        b = blocks[j]
        if j in cand_idx:
            continue
        if b.role == "heading" or (is_headingish(b, body_size) and len(b.text.split()) <= 12):
            return bool(SECTION_RE.search(b.text))
        p = outline.part_at(i)
        if p is not None and j < p.block_index:
            return bool(SECTION_RE.search(p.title))
    return False


def _span_end(blocks: list[Block], c: _Cand, next_start: int, outline: Outline) -> int:
    """Exclusive end index of the measure starting at candidate ``c``."""
    part = outline.part_at(c.index)
    limit = next_start
    if part is not None:
        limit = min(limit, part.end_index)
    part_starts = outline.heading_indices()
    seen_prose = bool(c.rest_text)
    j = (c.title_index if c.title_index is not None else c.index) + 1
    while j < limit:
        b = blocks[j]
        t = normalize(b.text)
        if j in part_starts or b.role in ("table", "toc"):
            return j
        if LABEL_RE.match(t) or CO_LABEL_RE.match(t) or TIMEFRAME_RE.match(t):
            # responsibility (and directly following co/timeframe lines) closes a measure after its prose
            k = j + 1
            prev = t
            while k < limit and (CO_LABEL_RE.match(normalize(blocks[k].text)) or TIMEFRAME_RE.match(normalize(blocks[k].text))
                                 or (LABEL_RE.match(normalize(blocks[k].text)) and not seen_prose)
                                 or (k not in part_starts and resp_continues(prev, blocks[k]))):
                prev = normalize(blocks[k].text)
                k += 1
            if seen_prose:
                return k
            j = k
            continue
        if b.role == "heading":
            if c.level is None or b.heading_level is None or b.heading_level <= c.level or not c.heading:
                return j
        if b.role in ("body", "list_item", "other") and (lab := _split_inline_label(t)[1]) is not None:
            # the label ends the paragraph; its value may wrap into the next block(s) ("... Ansvarlige departementer:")
            k, prev = j + 1, lab
            while k < limit and k not in part_starts and resp_continues(prev, blocks[k]):
                prev = normalize(blocks[k].text)
                k += 1
            return k
        seen_prose = True
        j += 1
    return limit


def find_body_measures(doc: LaidOutDocument, outline: Outline) -> list[RawMeasure]:
    """Heading-style measures in reading order."""
    blocks = doc.blocks
    skip = outline.heading_indices()
    cands = [c for i, b in enumerate(blocks) if i not in skip and (c := _candidate(i, b, doc.body_size)) is not None]
    if not cands:
        return []
    cand_idx = {c.index for c in cands}

    # "Tiltak 7" alone on a heading line, the title in the next heading block.
    for c in cands:
        if not c.title and c.index + 1 < len(blocks):
            nb = blocks[c.index + 1]
            if nb.role != "toc" and is_headingish(nb, doc.body_size) and c.index + 1 not in cand_idx:
                c.title, c.title_index = normalize(nb.text), c.index + 1

    # A title wrapped onto a second heading block: "Tiltak 7: Styrke samarbeidet mellom" + "politi og barnevern".
    for c in cands:
        j = (c.title_index if c.title_index is not None else c.index) + 1
        if c.title and j < len(blocks) and j not in cand_idx and j not in skip:
            nb = blocks[j]
            t = normalize(nb.text)
            same_style = nb.role == blocks[c.index].role and nb.bold == blocks[c.index].bold and (
                nb.heading_level == blocks[c.index].heading_level)
            if (same_style and nb.role == "heading" and t[:1].islower() and len(t.split()) <= 12
                    and not c.title.rstrip().endswith((".", "!", "?", ":"))):
                c.title = f"{c.title} {t}"
                c.title_index = j

    # Evidence
    starts = sorted(cand_idx)
    for k, c in enumerate(cands):
        nxt = cands[k + 1].index if k + 1 < len(cands) else len(blocks)
        c.score = 0
        if c.heading:
            c.score += 1
        if _section_is_measures(blocks, c.index, doc.body_size, cand_idx, outline):
            c.score += 1
        for j in range(c.index + 1, min(nxt, c.index + 40)):
            t = normalize(blocks[j].text)
            if LABEL_RE.match(t) or _split_inline_label(t)[1] is not None:
                c.score += 2
                break
            if blocks[j].role == "heading":
                break
        if re.search(r"\([A-ZÆØÅ]{2,5}(?:\s*(?:,|/|og)\s*[A-ZÆØÅ]{2,5})*\)\s*$", c.title):
            c.score += 2
    del starts

    tiltak = [c for c in cands if c.kind == "tiltak"]
    numbered = [c for c in cands if c.kind == "numbered"]
    accepted: list[_Cand] = list(tiltak)
    if len(tiltak) >= 2:
        # Numbered lines only join a "Tiltak N" plan with strong evidence.
        accepted += [c for c in numbered if c.score >= 3]
    else:
        strong = [c for c in numbered if c.score >= 2 and (c.heading or c.score >= 3)]
        accepted += strong
        weak = [c for c in numbered if c not in strong and c.score >= 1]
        if strong:
            accepted += _fit_sequence(weak, strong, blocks)
        else:
            accepted += _weak_runs(weak, blocks, doc.body_size, cand_idx, outline)
    accepted.sort(key=lambda c: c.index)
    accepted = _dedupe(accepted, blocks)

    toc_titles = _toc_measure_titles(doc)
    for c in accepted:
        if c.number in toc_titles:
            c.title = complete_title(c.title, toc_titles[c.number])

    out: list[RawMeasure] = []
    for k, c in enumerate(accepted):
        next_start = accepted[k + 1].index if k + 1 < len(accepted) else len(blocks)
        end = _span_end(blocks, c, next_start, outline)
        out.append(_build(blocks, c, end))
    return out


def _toc_measure_titles(doc: LaidOutDocument) -> dict[str, str]:
    """Measure number -> title from TOC entries such as "Tiltak 7: Title"."""
    out: dict[str, str] = {}
    for e in toc_of(doc):
        m = TILTAK_RE.match(normalize(e.title))
        if m and m.group("title"):
            out.setdefault(clean_number(m.group("num")), m.group("title").strip())
    return out


def _style(b: Block) -> tuple:
    return (b.role, b.heading_level, b.bold, round(b.size))


def _fit_sequence(weak: list[_Cand], strong: list[_Cand], blocks: list[Block]) -> list[_Cand]:
    """Weak heading candidates that fill a gap in the strong numbering: at the right place, or styled exactly like
    the accepted measure headings (their siblings) with a number not yet taken."""
    out: list[_Cand] = []
    seq = sorted(strong, key=lambda c: c.index)
    styles = {_style(blocks[c.index]) for c in strong}
    taken = {c.number for c in strong}
    keys = [k for c in strong if (k := number_key(c.number)) is not None]
    lo = min(k[0] for k in keys) if keys else 0
    hi = max(k[0] for k in keys) if keys else 0
    for w in weak:
        if not w.heading:
            continue
        kw = number_key(w.number)
        if (kw is not None and w.number not in taken and _style(blocks[w.index]) in styles
                and lo - 1 <= kw[0] <= hi + 2 and blocks[w.index].role == "heading"):
            out.append(w)
            taken.add(w.number)
            continue
        before = [s for s in seq if s.index < w.index]
        after = [s for s in seq if s.index > w.index]
        kw = number_key(w.number)
        kb = number_key(before[-1].number) if before else (0, "")
        ka = number_key(after[0].number) if after else None
        if kw is None or kb is None:
            continue
        if kb[0] < kw[0] and (ka is None or kw[0] < ka[0]) and kw[0] - kb[0] <= 2:
            out.append(w)
    return out


def _weak_runs(weak: list[_Cand], blocks: list[Block], body_size: float, cand_idx: set[int], outline: Outline) -> list[_Cand]:
    """Without strong evidence: runs of >= 3 consecutive numbers in a measures section."""
    out: list[_Cand] = []
    run: list[_Cand] = []

    def flush() -> None:
        if len(run) >= 3 and all(_section_is_measures(blocks, c.index, body_size, cand_idx, outline) for c in run):
            out.extend(run)

    for c in weak:
        k = number_key(c.number)
        if run and k is not None and (pk := number_key(run[-1].number)) is not None and k[0] == pk[0] + 1:
            run.append(c)
        else:
            flush()
            run = [c]
    flush()
    return out


def _dedupe(cands: list[_Cand], blocks: list[Block]) -> list[_Cand]:
    """Same number twice (a TOC the layout missed, a running reference): keep the one with more prose after it."""
    by_num: dict[str, list[_Cand]] = {}
    for c in cands:
        by_num.setdefault(c.number, []).append(c)
    keep: set[int] = set()
    starts = {x.index for x in cands}

    def prose(c: _Cand) -> int:
        j, n = c.index + 1, 0
        while j < len(blocks) and j not in starts:
            n += len(blocks[j].text)
            j += 1
        return n + c.score * 1000

    for num, group in by_num.items():
        if len(group) == 1:
            keep.add(group[0].index)
            continue
        keep.add(max(group, key=prose).index)
    return [c for c in cands if c.index in keep]


def _is_label_block(blocks: list[Block], j: int, first: int) -> bool:
    """Block ``j`` is a responsibility line or a continuation of one."""
    while j >= first:
        t = normalize(blocks[j].text)
        if LABEL_RE.match(t) or CO_LABEL_RE.match(t):
            return True
        if j - 1 >= first and resp_continues(normalize(blocks[j - 1].text), blocks[j]):
            j -= 1
            continue
        return False
    return False


def _join_wrapped(a: str, b: str) -> str:
    if a.endswith("-") and not re.match(r"(og|eller)\b", b) and b[:1].islower():
        return a[:-1] + b
    return f"{a} {b}"


def _build(blocks: list[Block], c: _Cand, end: int) -> RawMeasure:
    paras: list[str] = []
    resp: list[str] = []
    timeframe: str | None = None
    if c.rest_text:
        rest, label = _split_inline_label(c.rest_text)
        if rest:
            paras.append(rest)
        if label:
            resp.append(label)
    first = (c.title_index if c.title_index is not None else c.index) + 1
    page_end = blocks[c.index].page_end
    last_resp = -2  # block index of the latest responsibility text
    for j in range(first, end):
        b = blocks[j]
        t = normalize(b.text)
        if b.role == "other" and FOOTNOTE_RE.match(t):
            continue  # a footnote in small type at the foot of the page is not the measure's text
        page_end = max(page_end, b.page_end)
        if LABEL_RE.match(t) or CO_LABEL_RE.match(t):
            resp.append(t)
            last_resp = j
            continue
        if resp and j > first and resp_continues(resp[-1], b) and (
                last_resp == j - 1 or _is_label_block(blocks, j - 1, first)):
            resp[-1] = _join_wrapped(resp[-1], t)
            last_resp = j
            continue
        if (tm := TIMEFRAME_RE.match(t)) is not None:
            timeframe = tm.group("value").strip().rstrip(".")
            continue
        body, label = _split_inline_label(t)
        if body:
            paras.append(body)
        if label:
            resp.append(label)
            last_resp = j
    if c.title_index is not None:
        page_end = max(page_end, blocks[c.title_index].page_end)
    return RawMeasure(
        number=c.number,
        title=normalize(c.title).rstrip(" :"),
        text="\n\n".join(paras),
        page_start=blocks[c.index].page,
        page_end=page_end,
        block_index=c.index,
        source="body",
        responsibility_text="; ".join(resp) if resp else None,
        timeframe=timeframe,
        end_index=end,
    )
