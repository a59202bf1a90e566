"""The specification of a synthetic regjeringen.no web document, independent of how its pages are saved.

A :class:`WebDoc` is a :class:`tests.plangen.spec.PlanSpec` (so that measures, parts, numbering and the
version-pair change truth work the same way for PDF plans and web documents) plus what a web document has
beyond a PDF plan: a document id and slug, chapters (one page each, ``?ch=N`` or ``/secN``) holding content
blocks, and per part the way its measures are printed (:class:`PartLook`).

Measures live in ``parts`` (document order). A chapter shows the measures of a part where its block list
has a :class:`MeasuresHere` marker; a "themed" chapter holds several parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from tests.plangen.spec import SYNTHETIC_NOTICE, MeasureSpec, PartSpec, PlanSpec

__all__ = [
    "SYNTHETIC_NOTICE", "SITE", "WebMeasure", "PartLook", "WebPart", "Chapter", "WebDoc",
    "Para", "Sub", "Figure", "FactBox", "StatsTable", "ProseList", "MeasuresHere", "SummaryTable", "Signatures",
]

SITE = "https://www.regjeringen.no"


@dataclass
class WebMeasure(MeasureSpec):
    style: str = "body"  # "body" (heading + paragraphs + responsibility line) | "list" | "table"
    footnote: str | None = None  # footnote text; its marker is printed right after the title
    in_summary: bool = False  # also a row of the summary table ("both" in the truth)


@dataclass(frozen=True)
class PartLook:
    """How a part prints its measures."""

    style: str = "body"  # body | list | table
    heading_tag: str = "h3"  # h2 | h3 | h4 | p-strong (a bold paragraph with a named anchor, older pages)
    heading_form: str = "tiltak_colon"  # "Tiltak 3: T" | tiltak_space "Tiltak 3 T" | tiltak_dash "Tiltak 3 – T"
    resp: str = "ansvarlig_full"  # see tests.webgen.formats.responsibility
    resp_strong: bool = True  # the label in <strong>
    list_intro: str = "Regjeringen vil:"
    list_resp: str = "ansvar_paren"  # "(Ansvar: HOD og BFD)" | "ansvar_paren_full"
    list_period: bool = False  # items end with a period
    table_resp: str = "mixed"  # abbr | full | mixed
    table_timeframe: bool = False
    paragraphs: int = 2  # body text split into this many paragraphs (at most)


@dataclass
class WebPart(PartSpec):
    heading: str = ""  # as printed: "Innsatsområde 1 – T", "3 T", or a theme's own title
    number_printed: bool = True  # False: themes without numbers (part number = position)
    look: PartLook = field(default_factory=PartLook)
    goal: str = ""
    goals: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- content blocks


@dataclass(frozen=True)
class Para:
    text: str
    footnote: str | None = None  # footnote marker after the paragraph's last word


@dataclass(frozen=True)
class Sub:
    level: int  # 3 or 4 (h3/h4 inside the chapter, whose title is h2)
    text: str
    anchor: str


@dataclass(frozen=True)
class Figure:
    alt: str
    caption: str
    file: str


@dataclass(frozen=True)
class FactBox:
    title: str
    items: tuple[str, ...]
    as_list: bool = False


@dataclass(frozen=True)
class StatsTable:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str


@dataclass(frozen=True)
class ProseList:
    intro: str
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class MeasuresHere:
    part: int  # WebPart.number
    heading: Sub | None = None  # "Regjeringens tiltak" / theme heading above the measures


@dataclass(frozen=True)
class SummaryTable:
    caption: str
    anchor: str


@dataclass(frozen=True)
class Signatures:
    place_date: str


Block = Para | Sub | Figure | FactBox | StatsTable | ProseList | MeasuresHere | SummaryTable | Signatures


@dataclass
class Chapter:
    index: int  # ?ch=index (or /sec<index>): the page's position in the document
    title: str  # heading as printed
    kind: str  # "measures" | "other"
    blocks: list[Block] = field(default_factory=list)
    anchor: str = ""  # id of the chapter heading

    @property
    def parts(self) -> list[int]:
        return [b.part for b in self.blocks if isinstance(b, MeasuresHere)]


@dataclass
class WebDoc(PlanSpec):
    doc_id: int = 9900000
    slug: str = ""
    doc_type: str = "Strategi"  # "Strategi" | "Handlingsplan"
    ingress: str = ""
    chapters: list[Chapter] = field(default_factory=list)
    variant: str = "current"  # "current": chapters at ?ch=N | "sec": chapters at /secN (older documents)
    saved_at: datetime = datetime(2026, 7, 14, 9, 30)
    toc_depth: int = 1  # 2: the front page's contents list also shows the sections of each chapter
    part_label: str = "Innsatsområde"  # what a part is called in headings ("" when chapters are numbered)
    pdf_file: str | None = None  # the PDF offered on the front page ("Last ned PDF")
    period: str = ""  # "2025–2030"
    front_shows_first: bool = False  # the front page shows the contents list followed by chapter 1
    section: str = "dokumenter"  # /no/<section>/<slug>/id<N>/ ("aktuelt" for news pages)
    seed: int = 0
    recipe: str = ""

    # ------------------------------------------------------------------ numbering
    def numbered(self) -> list[WebMeasure]:
        return [m for m in self.measures() if m.style != "list"]

    def numbers(self) -> dict[str, str | None]:
        """key -> printed number; list items ("Regjeringen vil:") print none."""
        out: dict[str, str | None] = {}
        k = 0
        for p in self.parts:
            i = 0
            for m in p.measures:
                if m.style == "list":
                    out[m.key] = None
                    continue
                k += 1
                i += 1
                out[m.key] = f"{p.number}.{i}" if self.numbering == "by_part" else str(k)
        return out

    # ------------------------------------------------------------------ addresses
    @property
    def id_str(self) -> str:
        return f"id{self.doc_id}"

    @property
    def path(self) -> str:
        return f"/no/{self.section}/{self.slug}/{self.id_str}/"

    @property
    def url(self) -> str:
        return SITE + self.path

    def chapter_path(self, index: int) -> str:
        return f"{self.path}sec{index}" if self.variant == "sec" else f"{self.path}?ch={index}"

    def chapter_url(self, index: int) -> str:
        return SITE + self.chapter_path(index)

    def chapter(self, index: int) -> Chapter:
        for c in self.chapters:
            if c.index == index:
                return c
        raise KeyError(index)

    def chapter_of_part(self, number: int) -> Chapter:
        for c in self.chapters:
            if number in c.parts:
                return c
        raise KeyError(number)

    def part(self, number: int) -> WebPart:
        for p in self.parts:
            if p.number == number:
                return p
        raise KeyError(number)

    def copy(self) -> "WebDoc":
        new = super().copy()
        return replace(new, chapters=[replace(c, blocks=list(c.blocks)) for c in self.chapters])


def printed_title(m: WebMeasure) -> str:
    """The title as printed: list items start in lower case ("styrke ...") after "Regjeringen vil:"."""
    if m.style == "list" and m.title and not m.title[:2].isupper():
        return m.title[0].lower() + m.title[1:]
    return m.title
