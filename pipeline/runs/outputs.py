"""A run written to an output directory: the dataset tables (``pipeline.datasets``), one change report
per compared pair under ``reports/<old>__<new>/``, ``run_report.md`` and ``run_summary.json``, all in
one transaction. Both ``tiltak extract`` and the Prefect flows end here, so their outputs have the
same shape.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.compare import Comparison, consistency_markdown, render_html, render_markdown
from pipeline.datasets import DatasetError, build_tables, validate_tables, write_tables
from pipeline.documents.extract import ExtractionResult
from pipeline.model import ConsistencyCheck
from pipeline.runs.report import run_report_markdown
from pipeline.runs.result import Failure, RunResult
from pipeline.storage.files import sha256_bytes


def _tables_for(results: list[ExtractionResult], comparisons: list[Comparison] = (), checks: list[ConsistencyCheck] = ()):
    return build_tables(
        press_releases=[r.press for r in results if r.press is not None],
        plans=[r.plan for r in results if r.plan is not None],
        changes=[ch for c in comparisons for ch in c.changes],
        consistency=checks,
        documents=[r.landing for r in results if r.landing is not None],
        document_ministers={r.document_id: r.landing_ministers for r in results if r.landing is not None},
        mentions=[m for r in results for m in r.mentions],
    )


def isolate_invalid_documents(run: RunResult) -> None:
    """Move documents whose rows break the dataset schema from results to failures.

    One document with, say, a measure without a title must not keep the others' data
    from being published; it is reported as failed at the ``dataset`` stage instead,
    along with the comparisons and checks that involve it.
    """
    try:  # the common case: everything is valid, one validation of the combined set
        validate_tables(_tables_for(run.results))
        return
    except DatasetError:
        pass  # find out which documents break it
    bad: set[str] = set()
    for r in run.results:
        try:
            validate_tables(_tables_for([r]))
        except DatasetError as exc:
            bad.add(r.document_id)
            run.failures.append(Failure(r.document_id, r.path, "dataset", f"{r.path}: extracted rows break the schema: {exc.message}"))
    if bad:
        run.results = [r for r in run.results if r.document_id not in bad]
        run.comparisons = [c for c in run.comparisons if c.old_document_id not in bad and c.new_document_id not in bad]
        run.checks = [c for c in run.checks if c.press_release_id not in bad and c.plan_id not in bad]


def write_run_outputs(run: RunResult, out_dir: str | Path) -> list[Path]:
    """Write every dataset table, the change reports, ``run_summary.json`` and ``run_report.md``
    in one transaction (``write_tables(extra_files=...)``): a run killed at any point leaves the
    previous complete set or the new complete set. Returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(out)
    isolate_invalid_documents(run)
    tables = _tables_for(run.results, run.comparisons, run.checks)

    def run_files(table_files: dict[str, bytes]) -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        for comparison in run.comparisons:
            report_dir = f"reports/{comparison.old_document_id}__{comparison.new_document_id}"
            files[f"{report_dir}/change_report.md"] = render_markdown(comparison).encode("utf-8")
            files[f"{report_dir}/change_report.html"] = render_html(comparison).encode("utf-8")
        summary = run.summary()
        # ties the summary to the table set it describes (readers can check it against datapackage.json)
        summary["datapackage_sha256"] = sha256_bytes(table_files["datapackage.json"])
        files["run_summary.json"] = (json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        report = run_report_markdown(run, consistency_markdown(run.checks) if run.checks else "")
        files["run_report.md"] = report.encode("utf-8")
        return files

    return list(write_tables(tables, out, extra_files=run_files).files)


def remove_stale_temp_files(out: Path) -> list[Path]:
    """Delete temporary files that a killed run left behind (``fileio.atomic_open``'s
    ``.<name>.<random>.tmp``). Call only while holding the output lock."""
    removed = []
    for p in [*out.glob(".*.tmp"), *out.glob("reports/**/.*.tmp")]:
        if p.is_file():
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed
