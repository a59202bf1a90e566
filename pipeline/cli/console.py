"""What the ``tiltak`` commands print: the summary table, warnings, one-line errors, progress; exit codes.

Exit codes: 0 all went well; 1 a document (or check) failed, the rest completed;
2 bad usage or input that stopped the command before any work.
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


def print_summary(summary: dict, *, as_json: bool, quiet: bool, out_dir: Path | None) -> None:
    if as_json:
        out.print_json(json.dumps(summary, ensure_ascii=False, default=str))
        return
    if quiet:
        for f in summary.get("failures", []):
            err.print(f"failed: {f['document_id']} ({f['stage']}): {f['message']}", highlight=False, soft_wrap=True)
        return
    table = Table(title="tiltak", show_lines=False)
    for col in ("document", "kind", "status", "measures", "ministers"):
        table.add_column(col)
    for d in summary.get("documents", []):
        table.add_row(d["document_id"], d["kind"], "ok", str(d.get("measures", "")), str(d.get("ministers", "")))
    for f in summary.get("failures", []):
        table.add_row(f["document_id"], "", f"[red]failed ({f['stage']})[/]", "", "")
    out.print(table)
    for f in summary.get("failures", []):
        err.print(f"[red]failed:[/] {f['message']}", highlight=False, soft_wrap=True)
    for d in summary.get("documents", []):
        for w in d.get("warnings", []):
            err.print(f"[yellow]warning:[/] {d['document_id']}: {w}", highlight=False, soft_wrap=True)
    for n in summary.get("notes", []):
        out.print(f"note: {n}", highlight=False, soft_wrap=True)
    if out_dir is not None:
        out.print(f"outputs written to {out_dir}", highlight=False)
