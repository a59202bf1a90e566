"""Published tables read back into records: a plan extracted earlier, for comparison."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.datasets.loaders import load_outputs
from pipeline.documents.extract import ExtractionResult
from pipeline.errors import InputFileError
from pipeline.model import DocumentInfo, Measure, Part, PlanExtraction, Responsibility


def _none(value):
    try:
        if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _int(value):
    value = _none(value)
    return int(value) if value is not None else None


def _date(value) -> date | None:
    value = _none(value)
    if isinstance(value, str):
        return date.fromisoformat(value)
    if value is not None and hasattr(value, "date"):
        return value.date()
    return value


def plan_from_outputs(out_dir: str | Path, *, document_id: str | None = None) -> ExtractionResult:
    """Rebuild a ``PlanExtraction`` from the tables a ``tiltak extract`` run wrote."""
    out_dir = Path(out_dir)
    tables = load_outputs(out_dir)
    docs = tables.documents
    plans = docs[docs["kind"] == "plan"] if len(docs) else docs
    if document_id is not None:
        plans = plans[plans["document_id"] == document_id]
    if len(plans) == 0:
        raise InputFileError(
            "holds no extracted plan" + (f" with id {document_id!r}" if document_id else ""),
            path=out_dir,
            hint="run `tiltak extract PLAN.pdf --out DIR` first, or pass the PDF itself",
        )
    if len(plans) > 1:
        ids = ", ".join(sorted(plans["document_id"]))
        raise InputFileError(f"holds several plans ({ids})", path=out_dir, hint="extract each version into its own directory")
    row = plans.iloc[0]
    doc_id = row["document_id"]
    info = DocumentInfo(
        document_id=doc_id,
        kind="plan",
        title=row["title"],
        publisher_ministry_id=_none(row.get("publisher_ministry_id")),
        publisher_name=_none(row.get("publisher_name")),
        published=_none(row.get("published")),
        source_url=_none(row.get("source_url")),
        sha256=_none(row.get("sha256")),
        page_count=_int(row.get("page_count")),
        source_format=_none(row.get("source_format")),
        naming_date=_date(row.get("naming_date")),
    )
    info.published = _date(info.published)
    resp_rows = tables.measure_ministries
    resp_rows = resp_rows[resp_rows["document_id"] == doc_id] if len(resp_rows) else resp_rows
    by_measure: dict[str, list[Responsibility]] = {}
    for r in resp_rows.itertuples(index=False):
        by_measure.setdefault(r.measure_id, []).append(
            Responsibility(
                ministry_id=r.ministry_id,
                ministry_name=r.ministry_name,
                abbreviation=_none(r.abbreviation),
                role=r.role,
                source=r.source,
                as_written=_none(getattr(r, "as_written", None)) or r.ministry_name,
            )
        )
    agency_rows = tables.measure_agencies
    agencies: dict[str, list[str]] = {}
    if len(agency_rows):
        for r in agency_rows[agency_rows["document_id"] == doc_id].itertuples(index=False):
            agencies.setdefault(r.measure_id, []).append(r.agency)
    measures = []
    mrows = tables.measures
    mrows = mrows[mrows["document_id"] == doc_id] if len(mrows) else mrows
    for r in mrows.itertuples(index=False):
        resp = sorted(by_measure.get(r.measure_id, []), key=lambda x: {"lead": 0, "co": 1, "all": 2}.get(x.role, 3))
        measures.append(
            Measure(
                document_id=doc_id,
                measure_id=r.measure_id,
                number=str(_none(r.number) or ""),
                title=r.title,
                text=_none(r.text) or "",
                part_number=_int(r.part_number),
                part_title=_none(r.part_title),
                page_start=_int(r.page_start),
                page_end=_int(r.page_end),
                responsibilities=resp,
                agencies=agencies.get(r.measure_id, []),
                mentions_children=bool(r.mentions_children),
                chapter=_int(getattr(r, "chapter", None)),
                locator=_none(getattr(r, "locator", None)),
            )
        )
    parts = []
    prows = tables.parts
    if len(prows):
        for r in prows[prows["document_id"] == doc_id].itertuples(index=False):
            parts.append(Part(number=_int(r.part_number), title=r.title, page_start=_int(getattr(r, "page_start", None)),
                              kind=getattr(r, "kind", None) or "measures", chapter=_int(getattr(r, "chapter", None)),
                              locator=_none(getattr(r, "locator", None))))
    plan = PlanExtraction(document=info, parts=parts, measures=measures)
    return ExtractionResult(doc_id, "plan", str(out_dir), info.sha256 or "", plan=plan)
