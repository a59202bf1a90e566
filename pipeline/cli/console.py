"""What the ``tiltak`` commands print: the summary table, warnings, one-line errors, progress; exit codes.

Exit codes: 0 all went well; 1 a document (or check) failed, the rest completed (a command in which every
document failed writes nothing); 2 bad usage or input that stopped the command before any work (nothing
written). Expected conditions (offline, a refused download, bad input) are one line each, never a
traceback; each message is printed once. ``--quiet`` prints failures only.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

err = Console(stderr=True)
out = Console()

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def fail(exc: Exception, code: int = EXIT_USAGE) -> None:
    err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def say(message: str, *, quiet: bool = False) -> None:
    """A progress line on standard error (not with ``--quiet`` or ``--json``)."""
    if not quiet:
        err.print(message, highlight=False, soft_wrap=True)


def warn_nlp_fallback(*, quiet: bool = False) -> str | None:
    """Say once, before any work, that the shipped named-entity model is missing or corrupt (one line naming
    the file and ``make model``) and the registry's rules run instead; the same warning of every document
    is then left out of the summary. Returns the warning (None: the model runs, or was not chosen)."""
    from pipeline.nlp.mode import model_problem

    problem = model_problem()
    if problem and not quiet:
        err.print(f"[yellow]warning:[/] {problem}", highlight=False, soft_wrap=True)
    return problem


def progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    )


def _unique(lines) -> list[str]:
    return list(dict.fromkeys(lines))


def print_summary(summary: dict, *, as_json: bool, quiet: bool, out_dir: Path | None, log_file: Path | None = None) -> None:
    if as_json:
        out.print_json(json.dumps(summary, ensure_ascii=False, default=str))
        return
    failures = summary.get("failures", [])
    if quiet:
        for f in failures:
            err.print(f"failed: {f['document_id']} ({f['stage']}): {f['message']}", highlight=False, soft_wrap=True)
        return
    stale = {d["document_id"] for d in summary.get("documents", []) if d.get("status") == "stale"}
    table = Table(title="tiltak", show_lines=False)
    for col in ("document", "kind", "status", "measures", "ministers"):
        table.add_column(col)
    for d in summary.get("documents", []):
        status = "ok" if d.get("status", "ok") == "ok" else f"[yellow]stale[/] (rows of {d.get('extracted_at', '?')})"
        table.add_row(d["document_id"], d["kind"], status, str(d.get("measures", "")), str(d.get("ministers", "")))
    for f in failures:
        if f["document_id"] not in stale:
            table.add_row(f["document_id"], "", f"[red]failed ({f['stage']})[/]", "", "")
    out.print(table)
    for line in _unique(f"[red]failed:[/] {f['message']}" for f in failures):
        err.print(line, highlight=False, soft_wrap=True)
    from pipeline.nlp.mode import MODEL_NOT_USED

    for d in summary.get("documents", []):
        for w in _unique(w for w in d.get("warnings", []) if not w.startswith(MODEL_NOT_USED)):  # said once before
            err.print(f"[yellow]warning:[/] {d['document_id']}: {w}", highlight=False, soft_wrap=True)
    for n in _unique(summary.get("notes", [])):
        out.print(f"note: {n}", highlight=False, soft_wrap=True)
    if stale:
        out.print(
            "kept from the last good extraction (documents.status = stale): " + ", ".join(sorted(stale))
            + "; `tiltak run --drop-failed` leaves them out", highlight=False, soft_wrap=True,
        )
    if out_dir is not None:
        if summary.get("written", True):
            out.print(f"outputs written to {out_dir}", highlight=False)
        else:
            out.print(f"nothing written: every document failed, {out_dir} is as it was", highlight=False)
    if log_file is not None:
        out.print(f"Prefect's log: {log_file}", highlight=False)
