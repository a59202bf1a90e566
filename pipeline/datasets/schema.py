"""The one definition of every published table.

Everything else is derived from :data:`TABLES`: the pandera schemas used to
validate a table before it is written (:func:`pandera_schema`), pandas and
pyarrow dtypes (:func:`pandas_dtype`, :func:`arrow_schema`), the Frictionless
``datapackage.json`` (:func:`datapackage`) and the column documentation in
``outputs/README.md`` (see :mod:`pipeline.datasets.docs`).

Changing a column's name or type breaks consumers: bump :data:`SCHEMA_VERSION`
(major part) and regenerate ``tests/data/schema_snapshot.json`` with
``python -m pipeline.datasets snapshot tests/data/schema_snapshot.json``.

Conventions: list-valued fields are published as long tables
(``measure_ministries``, ``measure_agencies``, ``key_points``); a few
``;``-joined convenience columns are kept where documented.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import pandas as pd
import pyarrow as pa

SCHEMA_VERSION = "1.4.0"
LIST_SEPARATOR = ";"

ColumnType = Literal["string", "integer", "number", "boolean", "date"]

_ROLES = ("lead", "co", "all")
_RESPONSIBILITY_SOURCES = ("responsibility_line", "table", "text")
_KINDS = ("press_release", "landing_page", "plan")
_SOURCE_FORMATS = ("pdf", "html", "text")
_LOCATOR = ("Where it is printed: for a web document the chapter page's URL with the anchor of the {what} (or of "
            "the nearest heading before it), e.g. '.../id3103576/?ch=4#tiltak-2'; for a PDF the physical pages, "
            "'p. 12' or 'pp. 12-13'.")
_CHAPTER = ("Web documents: the chapter page it is on (N of '?ch=N' or '/secN'; the chapter's printed number may "
            "differ). Empty for PDFs.")
_PART_KINDS = ("measures", "chapter")
_STATUSES = ("ok", "stale")
_CHANGE_TYPES = ("unchanged", "reworded", "modified", "added", "removed", "split", "merged")
# NorNE's entity types (MISC only from a third-party NorNE pipeline; tiltak's own model does not predict it)
_NER_LABELS = ("PER", "ORG", "GPE_ORG", "GPE_LOC", "LOC", "PROD", "EVT", "DRV", "MISC")
_NER_LABEL = ("Entity type in NorNE's scheme: PER person, ORG organisation, GPE_ORG / GPE_LOC a geo-political entity "
              "as an actor / as a place, LOC place, PROD product (laws, conventions, programmes ...), EVT event, DRV "
              "derived from a name. Ministries, agencies and organisations the registry knows are ORG; the person after a "
              "minister title is PER.")
_ENTITY_SOURCES = ("registry", "model")
_ENTITY_SOURCE = ("Who found it: 'registry' (tiltak's reference data: ministries, minister titles, agencies, "
                  "organisations; these carry ids and win over the model where both find the text) or 'model' (tiltak's "
                  "named-entity recogniser trained on NorNE; about 0.8 F1 on NorNE dev, see benchmarks/results_ner.md).")
_ORGANISATION_ID = ("Non-state organisation or international body referred to, when the registry knows it "
                    "(pipeline/reference/data/organisations.csv).")


@dataclass(frozen=True)
class Column:
    """One column of a published table."""

    name: str
    type: ColumnType
    description: str
    nullable: bool = True
    enum: tuple[str, ...] | None = None
    pattern: str | None = None  # regular expression the whole value must match
    minimum: int | None = None
    list_of: str | None = None  # set when the value is a LIST_SEPARATOR-joined list: what the items are


@dataclass(frozen=True)
class ForeignKey:
    """``fields`` of this table refer to ``reference_fields`` of ``table`` (null values are not checked)."""

    fields: tuple[str, ...]
    table: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class TableSchema:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    # Unit of replacement in merge mode: rows of the existing table whose values in these columns
    # occur in the new data are replaced. ``()`` means the whole table is replaced when new rows exist.
    merge_scope: tuple[str, ...] = ("document_id",)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


def _c(name: str, type_: ColumnType, description: str, **kw: Any) -> Column:
    return Column(name, type_, description, **kw)


def _doc_fk(*cols: str) -> tuple[ForeignKey, ...]:
    return tuple(ForeignKey((c,), "documents", ("document_id",)) for c in cols)


def _min_fk(*cols: str) -> tuple[ForeignKey, ...]:
    return tuple(ForeignKey((c,), "ministries", ("ministry_id",)) for c in cols)


_DOCUMENT_ID = _c("document_id", "string", "Stable identifier of the document (from the corpus manifest).", nullable=False)
_MINISTRY_ID = "Stable identifier of the ministry lineage in the reference registry (see `ministries`)."

TABLES: tuple[TableSchema, ...] = (
    TableSchema(
        "documents",
        "Documents",
        "One row per source document: press releases, landing pages and plans (PDFs or web documents).",
        (
            _DOCUMENT_ID,
            _c("kind", "string", "Type of document.", nullable=False, enum=_KINDS),
            _c("title", "string", "Title as published.", nullable=False),
            _c("publisher_ministry_id", "string", "Publishing ministry. " + _MINISTRY_ID),
            _c("publisher_name", "string", "Publishing ministry's official name on the publication date."),
            _c("government", "string", "Government in office, as stated (e.g. 'Regjeringen Solberg')."),
            _c("published", "date", "Publication date."),
            _c("source_url", "string", "Where the document was published."),
            _c("sha256", "string", "SHA-256 of the local source file.", pattern=r"[0-9a-f]{64}"),
            _c("stated_measure_count", "integer", "Number of measures the document says the plan has.", minimum=0),
            _c("stated_part_count", "integer", "Number of parts the document says the plan has.", minimum=0),
            _c("plan_url", "string", "Link to the plan PDF given in the document."),
            _c("page_count", "integer", "Number of pages (PDFs).", minimum=0),
            _c("local_path", "string", "Path of the source file, relative to the corpus directory."),
            _c("extracted_measure_count", "integer", "Number of measures extracted (plans only).", minimum=0),
            _c("source_format", "string", "Format of the file(s) read: 'pdf'; 'html' (a saved page, or for a plan "
               "a regjeringen.no web document: front page and chapter pages, local_path their folder); 'text' "
               "(text copied from a page).", enum=_SOURCE_FORMATS),
            _c("naming_date", "date", "Date as of which this document's ministries are named (in its rows and change "
               "reports): the publication date, else the date extraction inferred (a plan's foreword or date line, a "
               "page's archive address). Empty: names as of the day of extraction."),
            _c("status", "string", "ok: extracted in this run; stale: extraction failed in this run and the "
               "document's rows are those of its last good extraction (kept from the cache; see the run report; "
               "`tiltak run --drop-failed` leaves them out).", nullable=False, enum=_STATUSES),
            _c("extracted_at", "string", "For stale rows: when their extraction was made (UTC, ISO 8601, e.g. "
               "2026-12-03T09:31:50Z), stored with the cached result. Empty for rows extracted in this run, so "
               "identical inputs give identical files.", pattern=r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"),
        ),
        ("document_id",),
        _min_fk("publisher_ministry_id"),
    ),
    TableSchema(
        "ministers",
        "Ministers",
        "Ministers named in a document (press release signatories, plan foreword).",
        (
            _DOCUMENT_ID,
            _c("ordinal", "integer", "Position in the document's list (1 = first).", nullable=False, minimum=1),
            _c("name", "string", "The minister's name as written.", nullable=False),
            _c("title", "string", "The minister's title as written (e.g. 'Justis- og beredskapsminister').", nullable=False),
            _c("ministry_id", "string", "Ministry the title belongs to. " + _MINISTRY_ID),
            _c("ministry_name", "string", "The ministry's official name on the document date."),
            _c("abbreviation", "string", "The ministry's abbreviation on the document date."),
        ),
        ("document_id", "ordinal"),
        _doc_fk("document_id") + _min_fk("ministry_id"),
    ),
    TableSchema(
        "parts",
        "Parts",
        "The parts (main sections) of a plan, as stated in a press release or found in the plan, and the numbered "
        "chapters of a plan that hold no measures (kind 'chapter').",
        (
            _DOCUMENT_ID,
            _c("ordinal", "integer", "Position of the part in the document (1 = first).", nullable=False, minimum=1),
            _c(
                "part_number",
                "integer",
                "Number of the part as printed ('Innsatsområde 2' -> 2, 'Del III' -> 3, chapter '4 Forebygging' -> 4; "
                "a press release's list: 1 = first); empty when the plan does not number it (a part row of a table).",
                minimum=0,
            ),
            _c(
                "kind",
                "string",
                "measures: a part that holds measures; chapter: a numbered chapter without measures (introduction, "
                "follow-up).",
                nullable=False,
                enum=_PART_KINDS,
            ),
            _c("title", "string", "Title of the part as written (empty if the part is only numbered)."),
            _c("page_start", "integer", "Physical page where the part starts (PDF plans only).", minimum=1),
            _c("key_point_count", "integer", "Number of key points listed for the part (see `key_points`).", nullable=False, minimum=0),
            _c("chapter", "integer", _CHAPTER, minimum=1),
            _c("locator", "string", _LOCATOR.format(what="part's heading")),
        ),
        ("document_id", "ordinal"),
        _doc_fk("document_id"),
    ),
    TableSchema(
        "key_points",
        "Key points",
        "Key points ('Hovedpunkter', FAKTA box) listed per part, one row per point.",
        (
            _DOCUMENT_ID,
            _c("part_number", "integer", "Number of the part the point belongs to.", nullable=False, minimum=0),
            _c("ordinal", "integer", "Position of the point within the part (1 = first).", nullable=False, minimum=1),
            _c("text", "string", "The point as written.", nullable=False),
        ),
        ("document_id", "part_number", "ordinal"),
        (ForeignKey(("document_id", "part_number"), "parts", ("document_id", "part_number")),),
    ),
    TableSchema(
        "measures",
        "Measures",
        "One row per measure (tiltak) of a plan.",
        (
            _DOCUMENT_ID,
            _c("measure_id", "string", "Stable identifier: '<document_id>-<number>' ('<document_id>-u<k>' for the k-th "
               "unnumbered measure).", nullable=False),
            _c("number", "string", "Number as printed ('7', '12a'); empty for an unnumbered measure (e.g. an item of a "
               "'Regjeringen vil:' list; its measure_id ends in 'u' and its position among the unnumbered ones)."),
            _c("title", "string", "Title (first sentence or heading) of the measure.", nullable=False),
            _c("text", "string", "Full text of the measure (empty when the plan gives only a title, e.g. in a summary table)."),
            _c("part_number", "integer", "Number of the part the measure belongs to, as printed (empty when the part is "
               "not numbered: see `part_title`).", minimum=0),
            _c("part_title", "string", "Title of that part."),
            _c("page_start", "integer", "Physical page where the measure starts (PDFs).", minimum=1),
            _c("page_end", "integer", "Physical page where the measure ends (PDFs).", minimum=1),
            _c("lead_ministry_id", "string", "Ministry with lead responsibility. " + _MINISTRY_ID),
            _c(
                "ministry_ids",
                "string",
                "Convenience column: all responsible ministries, lead first, joined by ';' (long form: `measure_ministries`).",
                list_of="ministry_id",
            ),
            _c(
                "agencies",
                "string",
                "Convenience column: canonical names of agencies involved, joined by ';' (long form: `measure_agencies`).",
                list_of="agency name",
            ),
            _c("mentions_children", "boolean", "True if the measure concerns children or minors.", nullable=False),
            _c("target_groups", "string", "Target groups named, joined by ';'.", list_of="target group"),
            _c("cross_references", "string", "Numbers of other measures referred to, joined by ';'.", list_of="measure number"),
            _c("timeframe", "string", "Period as given in a summary table (e.g. '2016-2018')."),
            _c("responsibility_text", "string", "The responsibility line or cell as written (e.g. 'Ansvar: JD, BLD')."),
            _c("sources", "string", "Where the measure was found ('body': a heading and its text; 'list': an item "
               "after 'Regjeringen vil:'; 'table'), joined by ';'.", list_of="source"),
            _c("chapter", "integer", _CHAPTER, minimum=1),
            _c("locator", "string", _LOCATOR.format(what="measure")),
        ),
        ("measure_id",),
        _doc_fk("document_id") + _min_fk("lead_ministry_id"),
    ),
    TableSchema(
        "measure_ministries",
        "Measure responsibilities",
        "Long table: one row per ministry responsible for a measure.",
        (
            _DOCUMENT_ID,
            _c("measure_id", "string", "The measure (see `measures`).", nullable=False),
            _c("ministry_id", "string", _MINISTRY_ID, nullable=False),
            _c("ministry_name", "string", "The ministry's official name on the document date.", nullable=False),
            _c("abbreviation", "string", "The ministry's abbreviation on the document date."),
            _c("role", "string", "lead: lead responsibility; co: shared; all: every ministry (e.g. 'Alle').", nullable=False, enum=_ROLES),
            _c(
                "source",
                "string",
                "Where the responsibility was read: responsibility line, summary table or running text.",
                nullable=False,
                enum=_RESPONSIBILITY_SOURCES,
            ),
            _c("as_written", "string", "The text that named the ministry (e.g. 'JD')."),
            _c("ordinal", "integer", "Position in the measure's responsibility list (1 = first, the lead).", nullable=False, minimum=1),
        ),
        ("measure_id", "ministry_id", "role", "source"),
        _doc_fk("document_id")
        + (ForeignKey(("measure_id",), "measures", ("measure_id",)),)
        + _min_fk("ministry_id"),
    ),
    TableSchema(
        "measure_agencies",
        "Measure agencies",
        "Long table: one row per agency involved in a measure.",
        (
            _DOCUMENT_ID,
            _c("measure_id", "string", "The measure (see `measures`).", nullable=False),
            _c("agency", "string", "Canonical name of the agency.", nullable=False),
            _c("agency_id", "string", "Identifier of the agency in the reference registry, when known."),
        ),
        ("measure_id", "agency"),
        _doc_fk("document_id") + (ForeignKey(("measure_id",), "measures", ("measure_id",)),),
    ),
    TableSchema(
        "measure_entities",
        "Measure entities",
        "Long table: the organisations, persons, places and other named entities each measure names (title and "
        "text), one row per entity as written and type, with the number of mentions.",
        (
            _DOCUMENT_ID,
            _c("measure_id", "string", "The measure (see `measures`).", nullable=False),
            _c("text", "string", "The entity as written (e.g. 'Kirkens Bymisjons', 'UDI', 'Oslo').", nullable=False),
            _c("ner_label", "string", _NER_LABEL, nullable=False, enum=_NER_LABELS),
            _c("name", "string", "The registry's canonical name when it knows the entity (a ministry's official name "
               "on the document date, an agency's or organisation's name); else the text as written.", nullable=False),
            _c("source", "string", _ENTITY_SOURCE, nullable=False, enum=_ENTITY_SOURCES),
            _c("ministry_id", "string", "Ministry referred to. " + _MINISTRY_ID),
            _c("agency_id", "string", "Agency referred to, when the registry knows it."),
            _c("organisation_id", "string", _ORGANISATION_ID),
            _c("mentions", "integer", "How often the measure names it (title and text).", nullable=False, minimum=1),
        ),
        ("measure_id", "text", "ner_label"),
        _doc_fk("document_id") + (ForeignKey(("measure_id",), "measures", ("measure_id",)),) + _min_fk("ministry_id"),
    ),
    TableSchema(
        "mentions",
        "Entity mentions",
        "Every entity found (ministries, ministers, agencies, organisations, persons, places ...) with its location; "
        "one row per span and label.",
        (
            _DOCUMENT_ID,
            _c("page", "integer", "Physical page (PDFs).", minimum=1),
            _c(
                "context",
                "string",
                "The text unit the offsets refer to: 'press_release', 'body', 'measure:<measure_id>' ...",
                nullable=False,
            ),
            _c("start", "integer", "Character offset where the mention starts in that unit.", nullable=False, minimum=0),
            _c("end", "integer", "Character offset just after the mention.", nullable=False, minimum=0),
            _c("text", "string", "The mention as written.", nullable=False),
            _c("label", "string", "Entity type: the registry's MINISTRY, MINISTER (a title, with the person after it), "
               "AGENCY, ORGANISATION; or the model's NorNE type (PER, ORG, GPE_LOC ...), or PER for the person after a "
               "minister title.", nullable=False),
            _c("ministry_id", "string", "Ministry referred to. " + _MINISTRY_ID),
            _c("ministry_name", "string", "That ministry's official name on the document date."),
            _c("agency_id", "string", "Agency referred to, when known."),
            _c("ner_label", "string", _NER_LABEL + " Empty for a minister title.", enum=_NER_LABELS),
            _c("source", "string", _ENTITY_SOURCE, enum=_ENTITY_SOURCES),
            _c("organisation_id", "string", _ORGANISATION_ID),
        ),
        ("document_id", "context", "start", "end", "label"),
        _doc_fk("document_id") + _min_fk("ministry_id"),
    ),
    TableSchema(
        "ministries",
        "Ministries",
        "The ministry registry: one row per name period of each ministry lineage.",
        (
            _c("ministry_id", "string", _MINISTRY_ID, nullable=False),
            _c("period", "integer", "Name period of the lineage (1 = oldest).", nullable=False, minimum=1),
            _c("name", "string", "Official Bokmål name in this period.", nullable=False),
            _c("name_en", "string", "English name in this period."),
            _c("abbreviation", "string", "Abbreviation in this period."),
            _c("valid_from", "date", "First day of the period (empty: before the registry's coverage)."),
            _c("valid_to", "date", "Last day of the period (empty: still in force)."),
            _c("successor_ids", "string", "Lineages that took over its tasks, joined by ';'.", list_of="ministry_id"),
            _c("predecessor_ids", "string", "Lineages it took over tasks from, joined by ';'.", list_of="ministry_id"),
        ),
        ("ministry_id", "period"),
        (),
        merge_scope=(),
    ),
    TableSchema(
        "changes",
        "Changes between versions",
        "What happened to each measure between two versions of a plan.",
        (
            _c("old_document_id", "string", "The older version.", nullable=False),
            _c("new_document_id", "string", "The newer version.", nullable=False),
            _c("change_number", "integer", "Row number within the comparison (1 = first).", nullable=False, minimum=1),
            _c("change_type", "string", "What happened to the measure.", nullable=False, enum=_CHANGE_TYPES),
            _c("old_measure_id", "string", "The measure in the older version (empty if added)."),
            _c("new_measure_id", "string", "The measure in the newer version (empty if removed)."),
            _c("old_number", "string", "Number in the older version."),
            _c("new_number", "string", "Number in the newer version."),
            _c("old_title", "string", "Title in the older version."),
            _c("new_title", "string", "Title in the newer version."),
            _c("similarity", "number", "Text similarity of the pair, 0 to 1."),
            _c("renumbered", "boolean", "True if the number changed.", nullable=False),
            _c("part_changed", "boolean", "True if the measure moved to another part.", nullable=False),
            _c("old_part", "string", "Part in the older version."),
            _c("new_part", "string", "Part in the newer version."),
            _c("responsibility_changed", "boolean", "True if the responsible ministries changed.", nullable=False),
            _c("ministries_added", "string", "Ministries responsible only in the newer version, joined by ';'.", list_of="ministry_id"),
            _c("ministries_removed", "string", "Ministries responsible only in the older version, joined by ';'.", list_of="ministry_id"),
            _c("group", "integer", "Rows of one split or merge share a group number."),
        ),
        ("old_document_id", "new_document_id", "change_number"),
        _doc_fk("old_document_id", "new_document_id")
        + (
            ForeignKey(("old_measure_id",), "measures", ("measure_id",)),
            ForeignKey(("new_measure_id",), "measures", ("measure_id",)),
        ),
        merge_scope=("old_document_id", "new_document_id"),
    ),
    TableSchema(
        "consistency",
        "Consistency checks",
        "Facts a press release states about its plan, compared with what was extracted from the plan.",
        (
            _c("press_release_id", "string", "The press release (a document_id).", nullable=False),
            _c("plan_id", "string", "The plan (a document_id).", nullable=False),
            _c(
                "check",
                "string",
                "What is compared: 'measure_count', 'part_count', 'part_title:2', 'ministry:justice' ... "
                "(a repeated check gets '#2', '#3').",
                nullable=False,
            ),
            _c("stated", "string", "What the press release states."),
            _c("extracted", "string", "What was extracted from the plan."),
            _c("agrees", "boolean", "True if the two agree.", nullable=False),
            _c("detail", "string", "Explanation of a disagreement."),
        ),
        ("press_release_id", "plan_id", "check"),
        _doc_fk("press_release_id", "plan_id"),
        merge_scope=("press_release_id", "plan_id"),
    ),
)

TABLE_NAMES: tuple[str, ...] = tuple(t.name for t in TABLES)
_BY_NAME = {t.name: t for t in TABLES}


def table(name: str) -> TableSchema:
    """The schema of table ``name`` (KeyError naming the known tables otherwise)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown table {name!r}; known: {', '.join(TABLE_NAMES)}") from None


# --------------------------------------------------------------------------- dtypes

_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


def pandas_dtype(col: Column) -> Any:
    """The pandas dtype used for ``col`` in memory (nullable extension dtypes; dates as Arrow date32)."""
    return {
        "string": pd.StringDtype(),
        "integer": pd.Int64Dtype(),
        "number": pd.Float64Dtype(),
        "boolean": pd.BooleanDtype(),
        "date": pd.ArrowDtype(pa.date32()),
    }[col.type]


def arrow_type(col: Column) -> pa.DataType:
    return _ARROW_TYPES[col.type]


def arrow_schema(t: TableSchema) -> pa.Schema:
    """The Parquet schema: column descriptions as field metadata, table name and version as schema metadata."""
    fields = [
        pa.field(c.name, arrow_type(c), nullable=c.nullable, metadata={"description": c.description}) for c in t.columns
    ]
    return pa.schema(fields, metadata={"tiltak.table": t.name, "tiltak.schema_version": SCHEMA_VERSION})


def empty_frame(name: str) -> pd.DataFrame:
    """An empty DataFrame with the table's columns and dtypes."""
    t = table(name)
    return pd.DataFrame({c.name: pd.Series([], dtype=pandas_dtype(c)) for c in t.columns})


# --------------------------------------------------------------------------- pandera


@lru_cache(maxsize=None)
def pandera_schema(name: str):  # -> pandera.pandas.DataFrameSchema
    """The pandera DataFrameSchema validating table ``name`` (columns, dtypes, nulls, enums, primary key)."""
    import pandera.pandas as pa_

    t = table(name)
    cols = {}
    for c in t.columns:
        checks = []
        if c.enum is not None:
            checks.append(pa_.Check.isin(list(c.enum)))
        if c.pattern is not None:
            checks.append(pa_.Check.str_matches(f"^(?:{c.pattern})$"))
        if c.minimum is not None:
            checks.append(pa_.Check.ge(c.minimum))
        cols[c.name] = pa_.Column(pandas_dtype(c), checks=checks, nullable=c.nullable, description=c.description)
    return pa_.DataFrameSchema(
        cols,
        strict=True,
        ordered=True,
        unique=list(t.primary_key),
        name=t.name,
        description=t.description,
    )


# --------------------------------------------------------------------------- frictionless


def field_descriptor(c: Column) -> dict[str, Any]:
    d: dict[str, Any] = {"name": c.name, "type": c.type, "description": c.description}
    if c.type == "boolean":
        d["trueValues"] = ["true"]
        d["falseValues"] = ["false"]
    if c.type == "date":
        d["format"] = "default"  # ISO 8601 YYYY-MM-DD
    constraints: dict[str, Any] = {}
    if not c.nullable:
        constraints["required"] = True
    if c.enum is not None:
        constraints["enum"] = list(c.enum)
    if c.pattern is not None:
        constraints["pattern"] = c.pattern
    if c.minimum is not None:
        constraints["minimum"] = c.minimum
    if constraints:
        d["constraints"] = constraints
    return d


def table_schema_descriptor(t: TableSchema) -> dict[str, Any]:
    d: dict[str, Any] = {
        "fields": [field_descriptor(c) for c in t.columns],
        "missingValues": [""],
        "primaryKey": list(t.primary_key),
    }
    if t.foreign_keys:
        d["foreignKeys"] = [
            {"fields": list(fk.fields), "reference": {"resource": fk.table, "fields": list(fk.reference_fields)}}
            for fk in t.foreign_keys
        ]
    return d


def datapackage(file_hashes: dict[str, tuple[str, int]] | None = None) -> dict[str, Any]:
    """The Frictionless Tabular Data Package descriptor for the CSV files.

    ``file_hashes``: optional ``{table: (sha256_hex, size_in_bytes)}`` recorded as each resource's
    ``hash``/``bytes`` so that ``frictionless validate`` also detects a modified file.
    """
    resources = []
    for t in TABLES:
        r: dict[str, Any] = {
            "name": t.name,
            "path": f"{t.name}.csv",
            "profile": "tabular-data-resource",
            "title": t.title,
            "description": t.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "doubleQuote": True, "header": True},
            "schema": table_schema_descriptor(t),
        }
        if file_hashes and t.name in file_hashes:
            digest, size = file_hashes[t.name]
            r["hash"] = f"sha256:{digest}"
            r["bytes"] = size
        resources.append(r)
    return {
        "profile": "tabular-data-package",
        "name": "tiltak",
        "title": "tiltak: measures of Norwegian government action plans",
        "description": "Documents, parts, measures, responsibilities and entity mentions extracted from "
        "Norwegian government action plans (handlingsplaner) and their press releases. Parquet copies "
        "with the same columns are written next to each CSV.",
        "version": SCHEMA_VERSION,
        "resources": resources,
    }


# --------------------------------------------------------------------------- snapshot


def snapshot() -> dict[str, Any]:
    """The frozen shape consumers rely on: ``{"schema_version", "tables": {table: [[column, type], ...]}}``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tables": {t.name: [[c.name, c.type] for c in t.columns] for t in TABLES},
    }


def snapshot_json() -> str:
    """The snapshot as JSON, one ``[column, type]`` pair per line (readable diffs)."""
    snap = snapshot()
    lines = ["{", f' "schema_version": {json.dumps(snap["schema_version"])},', ' "tables": {']
    names = list(snap["tables"])
    for i, name in enumerate(names):
        lines.append(f"  {json.dumps(name)}: [")
        cols = snap["tables"][name]
        for j, pair in enumerate(cols):
            lines.append("   " + json.dumps(pair, ensure_ascii=False) + ("," if j < len(cols) - 1 else ""))
        lines.append("  ]" + ("," if i < len(names) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"
