"""``run_report.md``: a run's documents, failures, notes, warnings, comparisons and consistency checks."""

from __future__ import annotations

from pipeline.runs.result import RunResult


def run_report_markdown(run: RunResult, consistency_md: str = "") -> str:
    s = run.summary()
    lines = ["# tiltak run report", "", f"Pipeline version {s['pipeline_version']}.", ""]
    lines += ["## Documents", "", "| document | kind | status | measures | pages | ministers |", "|---|---|---|---|---|---|"]
    stale = {d["document_id"]: d.get("extracted_at", "") for d in s["documents"] if d.get("status") == "stale"}
    for d in s["documents"]:
        status = f"**stale** (rows of {stale[d['document_id']]})" if d["document_id"] in stale else "ok"
        lines.append(
            f"| {d['document_id']} | {d['kind']} | {status} | {d.get('measures', '')} | {d.get('pages', '') or ''} | {d.get('ministers', '')} |"
        )
    for f in s["failures"]:
        if f["document_id"] not in stale:
            lines.append(f"| {f['document_id']} | | **failed** ({f['stage']}) | | | |")
    lines.append("")
    if stale:
        lines += ["## Stale documents", ""]
        lines += [
            f"- **{doc}**: its extraction failed in this run (see Failures); the rows published for it are those of "
            f"its last good extraction, made {at}, marked `documents.status = stale` "
            "(`tiltak run --drop-failed` leaves them out)"
            for doc, at in sorted(stale.items())
        ]
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
