"""Prefect tasks: thin wrappers over ``pipeline`` functions.

Caching: extraction results are cached under a key made of the task's name, the
document's sha256, ``PIPELINE_VERSION`` and the options that change the output
(document id, kind, date, engine, and the NLP pipeline: ``rules`` or the trained model's fingerprint). Prefect's ``INPUTS`` policy alone is not enough:
two different tasks with the same inputs would share an entry. Results are stored in
``.tiltak-cache/results`` (``pipeline.storage.cache``), cleared by ``tiltak cache clear``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

import flows  # noqa: F401  (Prefect defaults before Prefect is imported)
from prefect import task
from prefect.context import TaskRunContext

from pipeline import PIPELINE_VERSION
from pipeline.compare import compare_plans
from pipeline.runs.budget import Budget, run_with_budget
from pipeline.storage.cache import results_dir
from pipeline.documents.extract import ExtractionResult, SourceJob, extract_job
from pipeline.nlp.mode import nlp_fingerprint
from pipeline.sources.webdoc import web_page_files
from pipeline.storage.files import sha256_file, sha256_files


def _options_digest(payload: dict) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]


EXTRACT_TASK = "extract-document"
COMPARE_TASK = "compare-versions"


def extract_key(job: SourceJob, engine: str = "auto") -> str | None:
    """The cache key of one extraction: task, content hash, pipeline version, output-changing options."""
    path = Path(job.path)
    if job.is_web_document:  # a web document: its saved pages
        pages = list(job.pages) or (web_page_files(path) if path.is_dir() else [])
        if not pages or not all(Path(p).is_file() for p in pages):
            return None
        digest = sha256_files(pages)
    elif not path.is_file():
        return None  # nothing to cache: the task will fail with a clear message
    else:
        digest = sha256_file(path)
    options = {
        "document_id": job.document_id,
        "kind": job.kind,
        "on": job.on,
        "source_url": job.source_url,
        "title": job.title,
        "plan_url": job.plan_url,
        "local_name": job.local_name,
        "engine": engine,
        "nlp": nlp_fingerprint(),
    }
    return f"{EXTRACT_TASK}-{digest}-{PIPELINE_VERSION}-{_options_digest(options)}"


def extract_cache_key(context: TaskRunContext, parameters: dict) -> str | None:
    return extract_key(parameters["job"], parameters.get("engine", "auto"))


def is_cached(key: str | None) -> bool:
    """Whether a result for ``key`` is in the project-local result store."""
    return key is not None and (results_dir() / key).is_file()


def compare_cache_key(context: TaskRunContext, parameters: dict) -> str | None:
    old, new = parameters["old_result"], parameters["new_result"]
    if not (old.sha256 and new.sha256):
        return None
    ids = _options_digest({"old": parameters["old_id"], "new": parameters["new_id"]})
    return f"{COMPARE_TASK}-{old.sha256}-{new.sha256}-{PIPELINE_VERSION}-{ids}"


@task(
    name=EXTRACT_TASK,
    cache_key_fn=extract_cache_key,
    persist_result=True,
    cache_expiration=timedelta(days=365),
    task_run_name="extract-{job.document_id}",
)
def extract_task(job: SourceJob, engine: str = "auto", budget: Budget | None = None) -> ExtractionResult:
    """Extract one document within its time/memory budget."""
    return run_with_budget(extract_job, job, engine=engine, budget=budget or Budget.from_env(), label=str(job.path))


def with_result_storage(t):
    """The task with result storage in the project-local cache (resolved at run time)."""
    storage = results_dir()
    storage.mkdir(parents=True, exist_ok=True)
    return t.with_options(result_storage=storage)


@task(
    name=COMPARE_TASK,
    task_run_name="compare-{old_id}-{new_id}",
    cache_key_fn=compare_cache_key,
    persist_result=True,
    cache_expiration=timedelta(days=365),
)
def compare_task(old_result: ExtractionResult, new_result: ExtractionResult, old_id: str, new_id: str):
    return compare_plans(old_result.plan, new_result.plan)
