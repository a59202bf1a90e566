"""A corpus run without a flow engine, and the steps every corpus run shares with the Prefect flow.

``corpus_work`` turns a manifest into extraction jobs, comparison pairs and notes; the flow
(``flows/run_corpus.py``) extracts and compares them as Prefect tasks, ``run_in_process`` does the
same here, one document after the other, from the result cache (``pipeline.runs.cache``). ``tiltak
run`` uses the latter when every document is unchanged and cached, so a warm rerun starts no flow
engine at all. Both end in ``finish_run``:

* a document that failed keeps its last good rows (from the cache), marked ``documents.status =
  stale`` with the time of that extraction in ``documents.extracted_at``, and is named in the run
  report; ``drop_failed`` leaves them out instead;
* when every document failed, nothing is written: the output directory stays exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline import nlp
from pipeline.compare import Comparison
from pipeline.documents.extract import ExtractionResult, SourceJob
from pipeline.errors import TiltakError
from pipeline.runs.budget import Budget
from pipeline.runs.cache import compare_cached, extract_cached, extract_key, is_cached, last_good
from pipeline.runs.jobs import comparison_pairs, jobs_from_manifest
from pipeline.runs.lock import output_lock
from pipeline.runs.outputs import write_run_outputs
from pipeline.runs.result import Failure, RunResult, consistency_for

Compare = Callable[[ExtractionResult, ExtractionResult, str, str], Comparison]


@dataclass
class CorpusWork:
    """What a corpus run has to do: one job per document with a file, the declared comparisons,
    which press release announces which plan, and notes on sources without a file."""

    jobs: list[SourceJob]
    pairs: list[tuple[str, str]]
    announces: dict[str, str]
    notes: list[str] = field(default_factory=list)


def corpus_work(manifest, fetch_notes: dict[str, str] | None = None) -> CorpusWork:
    jobs, notes = jobs_from_manifest(manifest, notes=fetch_notes)
    announces = {s.id: s.announces for s in manifest.sources if s.kind == "press_release" and s.announces}
    return CorpusWork(jobs, comparison_pairs(manifest), announces, notes)


def all_cached(work: CorpusWork, engine: str = "auto") -> bool:
    """Every document's extraction is in the cache (an unchanged corpus run before)."""
    return all(is_cached(extract_key(job, engine)) for job in work.jobs)


def warm_up_nlp() -> None:
    """Load the NLP pipeline once in this process, so forked extraction workers share it."""
    try:
        nlp.load_nlp()
    except Exception:  # noqa: BLE001 - extraction reports its own errors; warm-up is only an optimisation
        pass


def extraction_failure(job: SourceJob, exc: BaseException) -> Failure:
    """A failed extraction as the run reports it: the error's own line, or an internal error named."""
    if isinstance(exc, TiltakError):
        return Failure(job.document_id, str(job.path), "extract", str(exc))
    return Failure(job.document_id, str(job.path), "extract", f"{job.path}: internal error {type(exc).__name__}: {exc}")


def compare_all(run: RunResult, work: CorpusWork, compare: Compare) -> None:
    """Every declared comparison whose two plans are in ``run.results`` (stale ones included)."""
    by_id = {r.document_id: r for r in run.results}
    for old_id, new_id in work.pairs:
        old, new = by_id.get(old_id), by_id.get(new_id)
        if old is None or new is None or old.plan is None or new.plan is None:
            run.notes.append(f"comparison {old_id} → {new_id} skipped: both plans must be extracted first")
            continue
        try:
            run.comparisons.append(compare(old, new, old_id, new_id))
        except Exception as exc:  # noqa: BLE001 - one comparison must not lose the run
            run.failures.append(Failure(new_id, None, "compare", f"{old_id} → {new_id}: {type(exc).__name__}: {exc}"))


def keep_last_good(run: RunResult, work: CorpusWork) -> None:
    """For each document whose extraction failed, publish its last good extraction again, marked stale."""
    failed = {f.document_id for f in run.failures if f.stage == "extract"}
    have = {r.document_id for r in run.results}
    for job in work.jobs:
        if job.document_id not in failed or job.document_id in have:
            continue
        entry = last_good(job)
        if entry is None:
            continue
        result: ExtractionResult = entry.value
        result.document.status = "stale"
        result.document.extracted_at = entry.created_at
        run.results.append(result)
        run.stale[job.document_id] = entry.created_at


def finish_run(run: RunResult, work: CorpusWork, out_dir: str | Path, compare: Compare, *, drop_failed: bool = False) -> None:
    """Stale rows for failed documents (unless ``drop_failed``), comparisons, consistency checks, and the
    outputs written as one transaction; nothing is written when every document failed."""
    if run.failures and not run.results:
        run.written = False  # every document failed: leave the outputs exactly as they were
        return
    if not drop_failed:
        keep_last_good(run, work)
    compare_all(run, work, compare)
    checks, failures = consistency_for(run.results, work.announces)
    run.checks.extend(checks)
    run.failures.extend(failures)
    write_run_outputs(run, out_dir)


def run_in_process(
    work: CorpusWork,
    out_dir: str | Path,
    *,
    engine: str = "auto",
    budget: Budget | None = None,
    drop_failed: bool = False,
    wait_s: float = 0.0,
    on_document: Callable[[SourceJob], None] | None = None,
) -> RunResult:
    """The corpus run in this process, one document after the other, through the result cache."""
    run = RunResult(notes=list(work.notes))
    with output_lock(out_dir, wait_s=wait_s):
        if not all_cached(work, engine):
            warm_up_nlp()  # once here, so that the forked extraction workers share it
        for job in work.jobs:
            if on_document is not None:
                on_document(job)
            try:
                result, cached = extract_cached(job, engine=engine, budget=budget)
            except Exception as exc:  # noqa: BLE001 - reported, the others complete
                run.failures.append(extraction_failure(job, exc))
                continue
            run.results.append(result)
            if cached:
                run.cached.add(job.document_id)
        finish_run(run, work, out_dir, compare_cached, drop_failed=drop_failed)
    return run
