"""Extraction and comparison results cached by content, readable with or without the flow engine.

One store serves every way of running: the Prefect tasks (``flows/tasks.py``), ``tiltak run`` when
every input is unchanged and cached (no flow engine is started at all), and a corpus run whose
document fails (its last good extraction is published again, marked stale).

Keys: the task name, the file's sha256, ``PIPELINE_VERSION`` and the options that change the output
(document id, kind, date, URLs, title, engine, and the NLP pipeline: ``rules`` or the trained model's
fingerprint), so an unchanged document is not extracted again and a
changed one only invalidates itself. Entries are pickles under ``<cache>/results/<key>.pickle``
(``pipeline.storage.cache``), written atomically, each with the time the result was made
(``created_at``, UTC, whole seconds): that time is what ``documents.extracted_at`` shows for a stale
document, so it stays the same however often the run is repeated. An entry that cannot be read (a
half-written file, a result pickled by an incompatible version) is a miss.

``last_good(job)`` finds the latest successful extraction of a document (by id and file path), even
when the file has since changed or disappeared: ``<cache>/results/last-good/<digest>.json`` points
at its entry.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from pipeline import PIPELINE_VERSION
from pipeline.compare import Comparison, compare_plans
from pipeline.documents.extract import ExtractionResult, SourceJob, extract_job
from pipeline.nlp.mode import nlp_fingerprint
from pipeline.runs.budget import Budget, run_with_budget
from pipeline.storage.cache import results_dir
from pipeline.sources.webdoc import web_page_files
from pipeline.storage.files import atomic_write_bytes, atomic_write_text, sha256_file, sha256_files

EXTRACT_TASK = "extract-document"
COMPARE_TASK = "compare-versions"
SUFFIX = ".pickle"
LAST_GOOD = "last-good"


@dataclass
class CacheEntry:
    key: str
    value: Any
    created_at: str  # ISO 8601, UTC, e.g. "2026-12-03T09:31:50Z"


def _digest(payload: dict) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]


def extract_key(job: SourceJob, engine: str = "auto") -> str | None:
    """The cache key of one extraction: task, content hash (of a web document: of all its saved pages),
    pipeline version, output-changing options. None when the file does not exist (nothing to cache:
    extraction fails with a clear message)."""
    path = Path(job.path)
    if job.is_web_document:
        pages = list(job.pages) or (web_page_files(path) if path.is_dir() else [])
        if not pages or not all(Path(p).is_file() for p in pages):
            return None
        digest = sha256_files(pages)
    elif not path.is_file():
        return None
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
    return f"{EXTRACT_TASK}-{digest}-{PIPELINE_VERSION}-{_digest(options)}"


def compare_key(old_sha256: str | None, new_sha256: str | None, old_id: str, new_id: str) -> str | None:
    """The cache key of one comparison: both files' sha256, pipeline version, the two document ids."""
    if not (old_sha256 and new_sha256):
        return None
    return f"{COMPARE_TASK}-{old_sha256}-{new_sha256}-{PIPELINE_VERSION}-{_digest({'old': old_id, 'new': new_id})}"


def _path(key: str) -> Path:
    return results_dir() / f"{key}{SUFFIX}"


def is_cached(key: str | None) -> bool:
    return key is not None and _path(key).is_file()


def load(key: str | None) -> CacheEntry | None:
    """The entry for ``key``, or None (missing or unreadable: treated as not cached)."""
    if key is None:
        return None
    try:
        with open(_path(key), "rb") as fh:
            record = pickle.load(fh)
        return CacheEntry(key, record["value"], record["created_at"])
    except Exception:  # noqa: BLE001 - missing, truncated, or pickled by incompatible code: a miss
        return None


def store(key: str | None, value: Any) -> CacheEntry:
    """Store ``value`` under ``key`` (atomically); returns the entry with its creation time."""
    created = datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    entry = CacheEntry(key or "", value, created)
    if key is not None:
        record = {"created_at": created, "pipeline_version": PIPELINE_VERSION, "value": value}
        atomic_write_bytes(_path(key), pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    return entry


def _last_good_path(job: SourceJob) -> Path:
    ident = _digest({"document_id": job.document_id, "path": str(Path(job.path).resolve())})
    return results_dir() / LAST_GOOD / f"{ident}.json"


def remember_good(job: SourceJob, key: str | None) -> None:
    """Record ``key`` as the latest successful extraction of ``job``'s document."""
    if key is not None:
        atomic_write_text(_last_good_path(job), json.dumps({"document_id": job.document_id, "key": key}) + "\n")


def last_good(job: SourceJob) -> CacheEntry | None:
    """The latest successful extraction of ``job``'s document (same id and file path), if still cached."""
    try:
        pointer = json.loads(_last_good_path(job).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    entry = load(pointer.get("key"))
    if entry is None or not isinstance(entry.value, ExtractionResult) or entry.value.document_id != job.document_id:
        return None
    return entry


def extract_cached(job: SourceJob, *, engine: str = "auto", budget: Budget | None = None) -> tuple[ExtractionResult, bool]:
    """``(result, came_from_cache)``: the cached extraction of ``job``, else a fresh one (within
    ``budget``), stored for next time. Raises the extraction's ``TiltakError`` on failure."""
    key = extract_key(job, engine)
    entry = load(key)
    if entry is not None:
        remember_good(job, key)
        return entry.value, True
    result = run_with_budget(extract_job, job, engine=engine, budget=budget or Budget.from_env(), label=str(job.path))
    store(key, result)
    remember_good(job, key)
    return result, False


def compare_cached(
    old: ExtractionResult, new: ExtractionResult, old_id: str, new_id: str,
    compare: Callable[..., Comparison] = compare_plans,
) -> Comparison:
    """The cached comparison of two extracted plans, else a fresh one, stored for next time."""
    key = compare_key(old.sha256, new.sha256, old_id, new_id)
    entry = load(key)
    if entry is not None and isinstance(entry.value, Comparison):
        return entry.value
    comparison = compare(old.plan, new.plan)
    store(key, comparison)
    return comparison
