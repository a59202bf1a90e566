"""A run's results: what was extracted, what failed, what was compared and checked (``RunResult``),
and the consistency checks of each press release against the plan it announces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline import PIPELINE_VERSION
from pipeline.compare import Comparison, check_consistency
from pipeline.documents.extract import ExtractionResult
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
    comparisons: list[Comparison] = field(default_factory=list)
    checks: list[ConsistencyCheck] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. sources not fetched (offline)
    cached: set[str] = field(default_factory=set)  # document ids whose extraction came from the cache
    stale: dict[str, str] = field(default_factory=dict)  # failed documents published from their last good extraction: id -> extracted_at
    written: bool = True  # False when every document failed and the outputs were left as they were

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
                "status": "stale" if r.document_id in self.stale else "ok",
                "cached": r.document_id in self.cached,
            }
            if r.document_id in self.stale:
                row["extracted_at"] = self.stale[r.document_id]
            if r.plan is not None:
                row["measures"] = len(r.plan.measures)
                row["pages"] = r.plan.document.page_count
            if r.press is not None:
                row["stated_measures"] = r.press.document.stated_measure_count
            row["ministers"] = len(r.ministers)
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
            "written": self.written,
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
