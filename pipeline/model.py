"""Typed records passed between the layers of the pipeline.

These dataclasses are the contract between ``sources``, ``pdf``, ``structure``,
``nlp``, ``compare`` and ``datasets``. Field names match the dataset column
names documented in ``pipeline/datasets/schema.py`` wherever a record becomes a row.
Dates are ``datetime.date``; optional values are ``None``, never "".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

DocumentKind = Literal["press_release", "landing_page", "plan"]
Role = Literal["lead", "co", "all"]
ResponsibilitySource = Literal["responsibility_line", "table", "text"]
BlockRole = Literal["heading", "body", "list_item", "toc", "table", "caption", "other"]


# --------------------------------------------------------------------------- reference


@dataclass(frozen=True)
class MinistryOnDate:
    """A ministry lineage as it was named on a given date (see ``pipeline.reference``)."""

    ministry_id: str  # stable id of the lineage, e.g. "JD"
    name: str  # official Bokmål name valid on the date
    abbreviation: str | None  # abbreviation valid on the date
    name_en: str | None = None
    on: date | None = None  # the date the name was resolved for (None: current)
    matched: str | None = None  # the registry form that matched the query


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True)
class Entity:
    """An entity found by the NLP layer in a text.

    label: the registry's MINISTRY, MINISTER (a title, with the person if given), AGENCY, ORGANISATION;
    or the trained recogniser's NorNE type (PER, ORG, GPE_ORG, GPE_LOC, LOC, PROD, EVT, DRV).
    ner_label: the type in NorNE's scheme (ministries, agencies, organisations: ORG; the person after a
    minister title: PER; None for a minister title, which NorNE does not annotate).
    source: "registry" (the rules, which carry ids) or "model" (the trained recogniser).
    start/end are character offsets into the analysed text.
    """

    text: str
    label: str
    start: int
    end: int
    ministry_id: str | None = None
    ministry_name: str | None = None  # name valid on the document date
    agency_id: str | None = None
    person: str | None = None  # for MINISTER: the person's name if it follows the title
    ner_label: str | None = None
    organisation_id: str | None = None
    source: str = "registry"


@dataclass(frozen=True)
class Mention:
    """An entity located in a document (a row of the ``mentions`` table)."""

    document_id: str
    page: int | None
    start: int  # offset in the text of the unit named by ``context``
    end: int
    text: str
    label: str
    context: str  # e.g. "body", "measure:<measure_id>", "press_release"
    ministry_id: str | None = None
    ministry_name: str | None = None
    agency_id: str | None = None
    ner_label: str | None = None  # NorNE type (see ``Entity``)
    source: str | None = None  # "registry" or "model"
    organisation_id: str | None = None


@dataclass
class MeasureEntity:
    """An entity a measure names (title and text), counted per text as written and NorNE type
    (a row of ``measure_entities``)."""

    text: str  # as written
    ner_label: str  # NorNE type
    source: str  # "registry" if the registry found it (anywhere in the measure), else "model"
    name: str  # the registry's canonical name when it knows the entity, else the text
    mentions: int
    ministry_id: str | None = None
    agency_id: str | None = None
    organisation_id: str | None = None


# --------------------------------------------------------------------------- press releases


@dataclass
class Minister:
    name: str
    title: str  # as written, e.g. "Justis- og beredskapsminister"
    ministry_id: str | None
    ministry_name: str | None  # official name on the publication date
    abbreviation: str | None  # abbreviation on the publication date


PartKind = Literal["measures", "chapter"]


@dataclass
class Part:
    number: int | None  # as printed ("Del III" -> 3); None for a part the plan does not number (a table's part row)
    title: str
    key_points: list[str] = field(default_factory=list)  # press release FAKTA points
    page_start: int | None = None  # plans only
    chapter: int | None = None  # web documents: the chapter page (N of ?ch=N or /secN) the part is on
    locator: str | None = None  # web documents: the chapter page's URL with the part heading's anchor
    kind: PartKind = "measures"  # "chapter": a numbered chapter that holds no measures (Innledning, Oppfølging)


@dataclass
class Attachment:
    url: str  # absolute URL
    text: str  # link text as written, e.g. "Regjeringens handlingsplan ... (PDF, 1 mb)"
    is_pdf: bool


@dataclass
class Article:
    """A regjeringen.no article (press release, landing page) read from HTML or text."""

    title: str
    body: str  # plain text, paragraphs separated by blank lines, list items as lines
    ingress: str | None = None
    doc_type: str | None = None  # "Pressemelding", "Høring", ...
    publisher_name: str | None = None  # "Utgiver" / owner as written
    government: str | None = None  # "Regjeringen Solberg"
    published: date | None = None
    attachments: list[Attachment] = field(default_factory=list)
    source_url: str | None = None
    historical: bool = False  # "Historisk arkiv"


@dataclass
class DocumentInfo:
    """One row of ``documents``."""

    document_id: str
    kind: DocumentKind
    title: str
    publisher_ministry_id: str | None = None
    publisher_name: str | None = None  # official name on the publication date
    government: str | None = None
    published: date | None = None
    source_url: str | None = None
    sha256: str | None = None
    stated_measure_count: int | None = None
    stated_part_count: int | None = None
    plan_url: str | None = None
    local_path: str | None = None
    page_count: int | None = None
    source_format: str | None = None  # "pdf" | "html" | "text": the format of the file(s) read
    # the date ministries are named as of: the publication date, or what extraction inferred (foreword,
    # date line, archive address); None when nothing was known (names as of today)
    naming_date: date | None = None
    status: str = "ok"  # "stale": extraction failed in this run; the rows are from an earlier, cached one
    extracted_at: str | None = None  # for stale rows: when that extraction was made (ISO 8601, UTC)


@dataclass
class PressReleaseFacts:
    """What a press release states about its plan."""

    document: DocumentInfo
    ministers: list[Minister] = field(default_factory=list)
    stated_minister_count: int | None = None  # "Seks statsråder ..."
    stated_ministry_count: int | None = None  # "... i fem departementer"
    parts: list[Part] = field(default_factory=list)
    emphasises_minors: bool = False
    emphasis_text: str | None = None
    plan_link_text: str | None = None
    body: str = ""


# --------------------------------------------------------------------------- PDF layout


@dataclass(frozen=True)
class Char:
    """One glyph from a character engine (pdfplumber or pypdfium2).

    Coordinates in PDF points, origin top-left of the page (``top`` grows downward).
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    fontname: str
    page: int  # 1-based physical page index

    @property
    def bold(self) -> bool:
        f = self.fontname.lower()
        return any(k in f for k in ("bold", "black", "heavy", "semibold", "demi"))


@dataclass
class Table:
    """A table found on one or more consecutive pages (header repeated on each page is merged)."""

    header: list[str]
    rows: list[list[str]]
    row_pages: list[int]  # page of each row
    page_start: int
    page_end: int
    title: str | None = None  # caption/heading right above it, e.g. "Oversikt over tiltak"
    # rows (indices into ``rows``) that are one bold cell spanning the table: a section heading inside it
    section_rows: list[int] = field(default_factory=list)


@dataclass
class Block:
    """A paragraph-like unit of text in reading order."""

    text: str  # lines joined, hyphenation resolved, whitespace normalised
    page: int  # page where the block starts (1-based physical)
    page_end: int  # page where it ends (a paragraph may continue across a page break)
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    role: BlockRole
    column: int = 0  # 0 single column / left, 1 right ...
    heading_level: int | None = None  # 1 = highest, for role == "heading"
    lines: list[str] = field(default_factory=list)  # the printed lines (before joining)
    table: Table | None = None  # for role == "table"
    locator: str | None = None  # web documents: the page URL with the nearest anchor ("…/?ch=4#tiltak-2")
    run_in: str | None = None  # bold text opening a paragraph that goes on in regular type ("7. Title.")


@dataclass
class TocEntry:
    title: str
    page_label: str  # printed page number
    level: int = 1


@dataclass
class LaidOutDocument:
    path: str
    page_count: int
    blocks: list[Block]  # reading order, headers/footers/page numbers removed
    page_labels: dict[int, str] = field(default_factory=dict)  # physical page -> printed number
    toc: list[TocEntry] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    body_size: float = 10.0  # dominant body font size
    pages_without_text: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)  # PDF info dict (Title, Author ...)
    # the PDF's own outline (bookmarks); page_label = printed label of the target page ("" if unresolved)
    outline: list[TocEntry] = field(default_factory=list)
    # "pdf", or "html" for a regjeringen.no web document: then ``Block.page`` is the chapter (N of ?ch=N / secN),
    # ``page_count`` the number of chapters read, and every block carries a ``locator`` (URL with anchor)
    source_format: str = "pdf"


# --------------------------------------------------------------------------- measures


@dataclass
class Responsibility:
    ministry_id: str
    ministry_name: str  # official name on the document date
    abbreviation: str | None
    role: Role
    source: ResponsibilitySource
    as_written: str  # the text that named it, e.g. "JD" or "Justis- og politidepartementet"


@dataclass
class Measure:
    document_id: str
    measure_id: str  # stable: f"{document_id}-{number}" (ordinal if unnumbered)
    number: str  # as printed, "7", "12a"
    title: str
    text: str
    part_number: int | None
    part_title: str | None
    page_start: int | None
    page_end: int | None
    responsibilities: list[Responsibility] = field(default_factory=list)  # lead first
    responsibility_text: str | None = None  # the raw responsibility line/cell
    agencies: list[str] = field(default_factory=list)  # canonical agency names
    target_groups: list[str] = field(default_factory=list)
    mentions_children: bool = False
    cross_references: list[str] = field(default_factory=list)  # numbers of measures referred to
    timeframe: str | None = None  # "2016-2018" from a summary table, when given
    sources: list[str] = field(default_factory=list)  # "body", "table", "list"
    chapter: int | None = None  # web documents: the chapter page (N of ?ch=N or /secN)
    locator: str | None = None  # where it is printed: URL with anchor (web), "p. 12" / "pp. 12-13" (PDF)
    entities: list[MeasureEntity] = field(default_factory=list)  # named in title and text (enrichment)

    @property
    def lead_ministry_id(self) -> str | None:
        for r in self.responsibilities:
            if r.role == "lead":
                return r.ministry_id
        return None

    @property
    def ministry_ids(self) -> list[str]:
        seen: list[str] = []
        for r in self.responsibilities:
            if r.ministry_id not in seen:
                seen.append(r.ministry_id)
        return seen


@dataclass
class PlanExtraction:
    """Everything extracted from one plan PDF."""

    document: DocumentInfo
    parts: list[Part]
    measures: list[Measure]
    mentions: list[Mention] = field(default_factory=list)
    ministers: list[Minister] = field(default_factory=list)  # signatories of the foreword
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- comparison


ChangeType = Literal["unchanged", "reworded", "modified", "added", "removed", "split", "merged"]


@dataclass
class MeasureChange:
    """One row of ``changes``: a measure of either version and what happened to it."""

    old_document_id: str
    new_document_id: str
    change_type: ChangeType
    old_measure_id: str | None
    new_measure_id: str | None
    old_number: str | None
    new_number: str | None
    old_title: str | None
    new_title: str | None
    similarity: float | None
    renumbered: bool
    part_changed: bool
    old_part: str | None
    new_part: str | None
    responsibility_changed: bool
    ministries_added: list[str] = field(default_factory=list)  # ministry_ids
    ministries_removed: list[str] = field(default_factory=list)
    group: int | None = None  # rows of one split/merge share a group number


@dataclass
class ConsistencyCheck:
    """One row of ``consistency``: a fact the press release states vs the extracted plan."""

    press_release_id: str
    plan_id: str
    check: str  # "measure_count", "part_count", "part_title:2", "ministry:HOD", ...
    stated: str | None
    extracted: str | None
    agrees: bool
    detail: str = ""
