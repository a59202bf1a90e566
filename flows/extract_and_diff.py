"""``extract_document`` and ``compare_versions``: single-document flows, usable from
Python (``from flows.extract_and_diff import extract_document``) and from the CLI
(``tiltak flow extract``, ``tiltak flow diff``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import flows  # noqa: F401
from prefect import flow

from flows.tasks import compare_task, extract_task
from pipeline.documents.extract import SourceJob, document_id_for
from pipeline.runs.inputs import load_plan
from pipeline.runs.lock import output_lock
from pipeline.runs.outputs import write_run_outputs
from pipeline.runs.result import RunResult, consistency_for


@flow(name="extract-document", log_prints=True)
def extract_document(
    path: str,
    out_dir: str = "outputs",
    document_id: str | None = None,
    kind: str | None = None,
    on: date | None = None,
    engine: str = "auto",
) -> dict[str, Any]:
    """Extract one document (cached by content) and write its tables to ``out_dir``."""
    job = SourceJob(path=Path(path), document_id=document_id or document_id_for(path), kind=kind, on=on)
    result = extract_task(job, engine=engine)
    run = RunResult(results=[result])
    with output_lock(out_dir):
        write_run_outputs(run, out_dir)
    return run.summary()


@flow(name="compare-versions", log_prints=True)
def compare_versions(old: str, new: str, out_dir: str = "outputs/diff", engine: str = "auto") -> dict[str, Any]:
    """Extract (or load) two plan versions and write the change report."""
    old_result = load_plan(old, engine=engine)
    new_result = load_plan(new, engine=engine)
    if old_result.document_id == new_result.document_id:
        new_result.retag(new_result.document_id + "-new")
    comparison = compare_task(old_result, new_result, old_result.document_id, new_result.document_id)
    run = RunResult(results=[old_result, new_result], comparisons=[comparison])
    checks, failures = consistency_for(run.results)
    run.checks, run.failures = checks, failures
    with output_lock(out_dir):
        write_run_outputs(run, out_dir)
    return run.summary()
