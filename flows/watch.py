"""``watch_plans``: re-check the manifest's plans for a new version (a new or changed PDF on a landing page, a web
document's changed chapters); when one appears, extract it and write the change report against the previous version.

Serve it on a schedule with ``tiltak watch --serve`` (``flow.serve``) or deploy it from
``prefect.yaml`` to a work pool (README: *Watching for new plan versions*).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import flows  # noqa: F401
from prefect import flow, get_run_logger

from flows.tasks import compare_task, extract_task
from pipeline.documents.extract import SourceJob
from pipeline.runs.lock import output_lock
from pipeline.runs.outputs import write_run_outputs
from pipeline.runs.result import RunResult
from pipeline.sources import load_manifest
from pipeline.sources.updates import check_plan_update, watched_plans


@flow(name="watch-plans", log_prints=True)
def watch_plans(corpus_dir: str = "corpus", out_dir: str = "outputs") -> dict[str, Any]:
    logger = get_run_logger()
    manifest = load_manifest(Path(corpus_dir) / "manifest.toml")
    lines: list[str] = []
    checks = []
    ok = True
    for plan in watched_plans(manifest):
        update = check_plan_update(manifest, plan)
        checks.append(update)
        if update.status == "failed":
            ok = False
            lines.append(f"{plan.id}: check failed: {update.message}")
            continue
        if update.status == "unchanged":
            lines.append(f"{plan.id}: unchanged ({update.message})")
            continue
        new_id = f"{plan.id}@{update.new_sha256[:8]}"
        new_result = _extract(SourceJob(path=update.new_path, document_id=new_id, kind="plan", on=plan.published, source_url=update.url, title=plan.title))
        if isinstance(new_result, BaseException):
            ok = False
            lines.append(f"{plan.id}: NEW VERSION {update.new_sha256[:8]} could not be extracted: {new_result}")
            continue
        if update.status == "new" or update.old_path is None:
            lines.append(f"{plan.id}: first version retrieved ({len(new_result.plan.measures)} measures)")
            continue
        old_id = f"{plan.id}@{update.old_sha256[:8]}"
        old_result = _extract(SourceJob(path=update.old_path, document_id=old_id, kind="plan", on=plan.published, title=plan.title))
        comparison = None if isinstance(old_result, BaseException) else compare_task(
            old_result, new_result, old_id, new_id, return_state=True).result(raise_on_failure=False)
        if comparison is None or isinstance(comparison, BaseException):
            ok = False
            lines.append(f"{plan.id}: NEW VERSION {update.old_sha256[:8]} → {update.new_sha256[:8]}; not compared: "
                         f"{old_result if comparison is None else comparison}")
            continue
        target = Path(out_dir) / "watch" / plan.id
        run = RunResult(results=[old_result, new_result], comparisons=[comparison])
        with output_lock(target):
            write_run_outputs(run, target)
        if run.failures:
            ok = False
            reasons = "; ".join(f.message for f in run.failures)
            lines.append(f"{plan.id}: NEW VERSION {update.old_sha256[:8]} → {update.new_sha256[:8]}; not compared: {reasons}")
            continue
        report = target / "reports" / f"{old_id}__{new_id}" / "change_report.html"
        lines.append(f"{plan.id}: NEW VERSION {update.old_sha256[:8]} → {update.new_sha256[:8]}; change report: {report}")
    for line in lines:
        logger.info(line)
    return {"ok": ok, "lines": lines, "checks": [c.__dict__ | {"old_path": str(c.old_path or ""), "new_path": str(c.new_path or "")} for c in checks]}


def _extract(job: SourceJob):
    """The extraction's result, or its exception (reported as a line, never a traceback)."""
    return extract_task(job, return_state=True).result(raise_on_failure=False)


def serve_watch(corpus_dir: str = "corpus", out_dir: str = "outputs", interval_hours: float = 24.0) -> None:
    """Serve the watch flow as a deployment that runs every ``interval_hours`` (blocks)."""
    watch_plans.serve(
        name="watch-plans",
        interval=timedelta(hours=interval_hours),
        parameters={"corpus_dir": corpus_dir, "out_dir": out_dir},
    )
