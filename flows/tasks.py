"""Prefect tasks: thin wrappers over ``pipeline`` functions.

Caching is the library's (``pipeline.runs.cache``): results are stored by content under
``.tiltak-cache/results`` (key: task name, the document's sha256, ``PIPELINE_VERSION`` and the options
that change the output), so the flow, ``tiltak run`` without a flow engine (every input unchanged and
cached) and the stale-rows fallback for a failed document all read the same entries. Prefect's own
result persistence is off for these tasks; ``tiltak cache clear`` empties the store.
"""

from __future__ import annotations

import flows  # noqa: F401  (Prefect defaults before Prefect is imported)
from prefect import task

from pipeline.documents.extract import ExtractionResult, SourceJob
from pipeline.runs.budget import Budget
from pipeline.runs.cache import COMPARE_TASK, EXTRACT_TASK, compare_cached, extract_cached, extract_key, is_cached

__all__ = ["EXTRACT_TASK", "COMPARE_TASK", "extract_task", "compare_task", "extract_key", "is_cached"]


@task(name=EXTRACT_TASK, persist_result=False, task_run_name="extract-{job.document_id}")
def extract_task(job: SourceJob, engine: str = "auto", budget: Budget | None = None) -> ExtractionResult:
    """Extract one document within its time/memory budget (from the result cache when unchanged)."""
    result, _cached = extract_cached(job, engine=engine, budget=budget or Budget.from_env())
    return result


@task(name=COMPARE_TASK, persist_result=False, task_run_name="compare-{old_id}-{new_id}")
def compare_task(old_result: ExtractionResult, new_result: ExtractionResult, old_id: str, new_id: str):
    """Compare two extracted plan versions (from the result cache when both are unchanged)."""
    return compare_cached(old_result, new_result, old_id, new_id)
