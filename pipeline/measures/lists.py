"""Measures given as a list after a lead-in: "Regjeringen vil:" followed by items, each item one measure.

    Regjeringen vil:
    • sikre trygge botilbud for voksne ofre i hele landet (Ansvar: BFD og JD)
    • styrke tilgangen til helsehjelp og traumebehandling (Ansvar: HOD)

The lead-in is a short line "<who> vil:" / "<who> skal:" (regjeringen, departementet, vi, a ministry), possibly
with a few words more ("Regjeringen vil blant annet:"). Lists after other lead-ins — "Regjeringen har:" (what
was done before), "Innsatsen skal særlig bidra til:" (goals), "Strategien har tre hovedmål:" — are prose, never
measures. Items are unnumbered; the title is the item as printed without its closing responsibility
("(Ansvar: HOD og BFD)", "– Ansvarlig: JD"), which becomes the measure's responsibility text.

Items come as list-item blocks (web pages, PDFs with bullet glyphs), or — when a PDF's bullets are drawn
rather than printed as text — as the printed lines of one paragraph; then an item ends at a line closing with
its responsibility parenthesis.
"""

from __future__ import annotations

import re

from pipeline.measures.raw import RawMeasure
from pipeline.model import Block, LaidOutDocument
from pipeline.structure.labels import LABEL_RE
from pipeline.structure.text import normalize

LEAD_IN_RE = re.compile(
    r"^(?:regjeringen|departementet|departementene|vi|[a-zæøå-]*departementet)\s+(?:vil|skal)"
    r"(?:\s+(?:blant\s+annet|bl\.\s*a\.|derfor|også|i\s+\w+|videre|nå)){0,2}\s*:\s*$",
    re.IGNORECASE,
)
# "… (Ansvar: HOD og BFD)" / "… (Ansvarlig departement: JD)" / "… – Ansvarlig: JD" closing an item
_CLOSING_PAREN = re.compile(r"\s*\((?P<resp>[^()]{2,160})\)\s*[.;,]?\s*$")
_CLOSING_DASH = re.compile(r"\s+[–—-]\s+(?P<resp>[^–—]{2,160})$")


def split_closing_responsibility(text: str) -> tuple[str, str | None]:
    """"styrke tilbudet (Ansvar: HOD og BFD)" -> ("styrke tilbudet", "Ansvar: HOD og BFD"); else (text, None).

    Only a closing parenthesis or dash clause that starts with a responsibility label counts.
    """
    t = normalize(text)
    for rx in (_CLOSING_PAREN, _CLOSING_DASH):
        m = rx.search(t)
        if m and LABEL_RE.match(m.group("resp")):
            return t[: m.start()].rstrip(" .;,"), m.group("resp").strip()
    return t, None


def is_lead_in(b: Block) -> bool:
    return b.role in ("heading", "body", "other") and bool(LEAD_IN_RE.match(normalize(b.text)))


def _paragraph_items(b: Block) -> list[str]:
    """Items printed as the lines of one paragraph (a PDF whose bullets are not text)."""
    lines = [normalize(x) for x in (b.lines or [b.text]) if x.strip()]
    items: list[str] = []
    cur: list[str] = []
    for line in lines:
        cur.append(line)
        if split_closing_responsibility(" ".join(cur))[1] is not None:
            items.append(" ".join(cur))
            cur = []
    if cur:
        if items:
            return []  # lines left over without a responsibility: not a list of measures
        if len(lines) >= 2 and all(x[:1].islower() for x in lines):
            return lines  # one short item per line, no responsibility printed
        return []
    return items


def find_list_measures(doc: LaidOutDocument) -> list[RawMeasure]:
    """Measures listed after "Regjeringen vil:" lead-ins, in reading order (``source`` "list")."""
    blocks = doc.blocks
    out: list[RawMeasure] = []
    i = 0
    while i < len(blocks):
        if not is_lead_in(blocks[i]):
            i += 1
            continue
        j = i + 1
        found: list[tuple[int, str]] = []
        while j < len(blocks) and blocks[j].role == "list_item":
            found.append((j, normalize(blocks[j].text)))
            j += 1
        if not found and j < len(blocks) and blocks[j].role == "body":
            found = [(j, item) for item in _paragraph_items(blocks[j])]
            j += 1 if found else 0
        for k, text in found:
            title, resp = split_closing_responsibility(text)
            title = title.lstrip("•·▪–-* ").strip()
            if not title:
                continue
            b = blocks[k]
            out.append(RawMeasure(number=None, title=title, text="", page_start=b.page, page_end=b.page_end,
                                  block_index=k, source="list", responsibility_text=resp))
        i = max(j, i + 1)
    return out
