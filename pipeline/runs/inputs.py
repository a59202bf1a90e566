"""Documents named on the command line: a plan for comparison from a PDF (extract it) or from a
directory written by ``tiltak extract`` (read its tables back, ``pipeline.datasets.readback``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.datasets.readback import plan_from_outputs
from pipeline.documents.extract import ExtractionResult, SourceJob, document_id_for, extract_job


def load_plan(path: str | Path, *, on: date | None = None, engine: str = "auto", document_id: str | None = None) -> ExtractionResult:
    path = Path(path)
    if path.is_dir():
        return plan_from_outputs(path, document_id=document_id)
    result = extract_job(SourceJob(path=path, document_id=document_id or document_id_for(path), kind="plan", on=on), engine=engine)
    return result
