"""A run: extraction results, failures, comparisons and checks -> files in an output directory.

Both ``tiltak extract`` and the Prefect ``run_corpus`` flow end here, so a run written by
the CLI and one written by the flow have the same shape: the dataset tables (via
``pipeline.datasets``), one change report per compared pair under
``reports/<old>__<new>/``, ``run_report.md`` (summary, consistency of each press release
with its plan, failures) and ``run_summary.json`` for scripts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import PIPELINE_VERSION
from pipeline.extract import ExtractionResult
from pipeline.fileio import sha256_bytes
from pipeline.model import ConsistencyCheck


@dataclass
class Failure:
    document_id: str
    path: str | None
    stage: str  # "fetch", "extract", "compare", "consistency"
    message: str  # one line, actionable


@dataclass
class RunResult:
    results: list[ExtractionResult] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    comparisons: list[Any] = field(default_factory=list)  # pipeline.compare.Comparison
    checks: list[ConsistencyCheck] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. sources not fetched (offline)
    cached: set[str] = field(default_factory=set)  # document ids whose extraction came from the cache

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> dict[str, Any]:
        docs = []
        for r in sorted(self.results, key=lambda r: r.document_id):
            row: dict[str, Any] = {
                "document_id": r.document_id,
                "kind": r.kind,
                "path": r.path,
                "status": "ok",
                "cached": r.document_id in self.cached,
            }
            if r.plan is not None:
                row["measures"] = len(r.plan.measures)
                row["pages"] = r.plan.document.page_count
            if r.press is not None:
                row["ministers"] = len(r.press.ministers)
                row["stated_measures"] = r.press.document.stated_measure_count
            if r.warnings:
                row["warnings"] = list(r.warnings)
            docs.append(row)
        return {
            "pipeline_version": PIPELINE_VERSION,
            "documents": docs,
            "failures": [f.__dict__ for f in sorted(self.failures, key=lambda f: (f.document_id, f.stage))],
            "comparisons": [
                {"old": c.old_document_id, "new": c.new_document_id, "counts": _change_counts(c)} for c in self.comparisons
            ],
            "consistency": {
                "checks": len(self.checks),
                "disagreements": sum(1 for c in self.checks if not c.agrees),
            },
            "notes": list(self.notes),
            "ok": self.ok,
        }


def _change_counts(comparison) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in comparison.changes:
        counts[ch.change_type] = counts.get(ch.change_type, 0) + 1
    return dict(sorted(counts.items()))


def consistency_for(results: list[ExtractionResult], announces: dict[str, str] | None = None) -> tuple[list[ConsistencyCheck], list[Failure]]:
    """Check each press release against the plan it announces.

    ``announces`` maps press-release id -> plan id (from the manifest). Without it, a run
    with exactly one press release and one plan pairs those two.
    """
    from pipeline.compare import check_consistency

    presses = {r.document_id: r for r in results if r.press is not None}
    plans = {r.document_id: r for r in results if r.plan is not None}
    pairs: list[tuple[str, str]] = []
    if announces:
        pairs = [(p, q) for p, q in sorted(announces.items()) if p in presses and q in plans]
    elif len(presses) == 1 and len(plans) == 1:
        pairs = [(next(iter(presses)), next(iter(plans)))]
    checks: list[ConsistencyCheck] = []
    failures: list[Failure] = []
    for press_id, plan_id in pairs:
        try:
            checks.extend(check_consistency(presses[press_id].press, plans[plan_id].plan))
        except Exception as exc:  # a bug in one check must not lose the run's outputs
            failures.append(Failure(press_id, presses[press_id].path, "consistency", f"{type(exc).__name__}: {exc}"))
    return checks, failures


def _tables_for(results: list[ExtractionResult], comparisons: list[Any] = (), checks: list[ConsistencyCheck] = ()):
    from pipeline.datasets import build_tables

    return build_tables(
        press_releases=[r.press for r in results if r.press is not None],
        plans=[r.plan for r in results if r.plan is not None],
        changes=[ch for c in comparisons for ch in c.changes],
        consistency=checks,
        documents=[r.landing for r in results if r.landing is not None],
        mentions=[m for r in results for m in r.mentions],
    )


def isolate_invalid_documents(run: RunResult) -> None:
    """Move documents whose rows break the dataset schema from results to failures.

    One document with, say, a measure without a title must not keep the others' data
    from being published; it is reported as failed at the ``dataset`` stage instead,
    along with the comparisons and checks that involve it.
    """
    from pipeline.datasets import DatasetError, validate_tables

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
    from pipeline.compare import consistency_markdown, render_html, render_markdown
    from pipeline.datasets import write_tables

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


def run_report_markdown(run: RunResult, consistency_md: str = "") -> str:
    s = run.summary()
    lines = ["# tiltak run report", "", f"Pipeline version {s['pipeline_version']}.", ""]
    lines += ["## Documents", "", "| document | kind | status | measures | pages | ministers |", "|---|---|---|---|---|---|"]
    for d in s["documents"]:
        lines.append(
            f"| {d['document_id']} | {d['kind']} | ok | {d.get('measures', '')} | {d.get('pages', '') or ''} | {d.get('ministers', '')} |"
        )
    for f in s["failures"]:
        lines.append(f"| {f['document_id']} | | **failed** ({f['stage']}) | | | |")
    lines.append("")
    if s["failures"]:
        lines += ["## Failures", ""]
        lines += [f"- **{f['document_id']}** ({f['stage']}): {f['message']}" for f in s["failures"]]
        lines.append("")
    if s["notes"]:
        lines += ["## Notes", ""] + [f"- {n}" for n in s["notes"]] + [""]
    warn_docs = [d for d in s["documents"] if d.get("warnings")]
    if warn_docs:
        lines += ["## Warnings", ""]
        for d in warn_docs:
            lines += [f"- {d['document_id']}: {w}" for w in d["warnings"]]
        lines.append("")
    if s["comparisons"]:
        lines += ["## Version comparisons", ""]
        for c in s["comparisons"]:
            counts = ", ".join(f"{k} {v}" for k, v in c["counts"].items()) or "no measures"
            lines.append(f"- {c['old']} → {c['new']}: {counts} (reports/{c['old']}__{c['new']}/change_report.html)")
        lines.append("")
    if consistency_md:
        lines += ["## Press release vs plan", "", consistency_md.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"
