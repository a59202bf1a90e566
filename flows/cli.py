"""The ``tiltak`` console script: the library commands of ``pipeline.cli.commands`` plus the
Prefect-backed ones (``run``, ``watch``, ``flow extract``, ``flow diff``), with the options of
``pipeline.cli.options``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import flows  # noqa: F401  (Prefect defaults first)
import typer

from pipeline.cli.commands import app
from pipeline.cli.console import EXIT_FAILED, EXIT_OK, fail, print_summary
from pipeline.cli import options as opt
from pipeline.errors import TiltakError

flow_app = typer.Typer(help="Run single-document flows through Prefect (recorded like `tiltak run`).", no_args_is_help=True)
app.add_typer(flow_app, name="flow")


@app.command()
def run(
    corpus_dir: opt.CorpusOpt = Path("corpus"),
    out_dir: opt.OutOpt = Path("outputs"),
    fetch: bool = typer.Option(True, "--fetch/--no-fetch", help="Try to download missing sources first."),
    engine: opt.EngineOpt = "auto",
    runner: str = typer.Option("threads", "--runner", help="Task runner: threads or dask."),
    workers: int = typer.Option(2, "--workers", help="Parallel extraction workers."),
    dask_address: Optional[str] = typer.Option(None, "--dask-address", help="Scheduler address of an existing Dask cluster."),
    timeout_s: opt.TimeoutOpt = None,
    memory_mb: opt.MemoryOpt = None,
    wait_s: opt.WaitOpt = 0.0,
    as_json: opt.JsonOpt = False,
    quiet: opt.QuietOpt = False,
    nlp: opt.NlpOpt = None,
) -> None:
    """The main job: every document in the manifest -> datasets and reports (a Prefect flow)."""
    import logging

    from pipeline.sources import load_manifest

    try:  # a bad manifest is the user's to fix: say so in one line, before Prefect is even imported
        load_manifest(corpus_dir / "manifest.toml")
    except TiltakError as exc:
        fail(exc)
    from flows.run_corpus import make_task_runner, run_corpus

    if quiet or as_json:
        logging.getLogger("prefect").setLevel(logging.WARNING)
    try:
        task_runner = make_task_runner("dask" if dask_address else runner, workers=workers, dask_address=dask_address)
    except ValueError as exc:
        fail(exc)
    try:
        summary = run_corpus.with_options(task_runner=task_runner)(
            corpus_dir=str(corpus_dir),
            out_dir=str(out_dir),
            fetch=fetch,
            engine=engine,
            timeout_s=timeout_s,
            memory_mb=memory_mb,
            wait_s=wait_s,
        )
    except TiltakError as exc:
        fail(exc)
    print_summary(summary, as_json=as_json, quiet=quiet, out_dir=out_dir)
    raise typer.Exit(EXIT_OK if summary.get("ok") else EXIT_FAILED)


@flow_app.command("extract")
def flow_extract(
    file: Path = typer.Argument(..., help="One document."),
    out_dir: opt.OutOpt = Path("outputs"),
    on: opt.DateOpt = None,
    kind: opt.KindOpt = None,
    as_json: opt.JsonOpt = False,
    nlp: opt.NlpOpt = None,
) -> None:
    """Extract one document through the extract_document flow (cached by content)."""
    opt.check_kind(kind)
    from flows.extract_and_diff import extract_document

    try:
        summary = extract_document(str(file), out_dir=str(out_dir), kind=kind, on=opt.parse_date(on))
    except TiltakError as exc:
        fail(exc, EXIT_FAILED)
    print_summary(summary, as_json=as_json, quiet=False, out_dir=out_dir)


@flow_app.command("diff")
def flow_diff(
    old: Path = typer.Argument(...),
    new: Path = typer.Argument(...),
    out_dir: opt.OutOpt = Path("outputs/diff"),
    as_json: opt.JsonOpt = False,
    nlp: opt.NlpOpt = None,
) -> None:
    """Compare two versions through the compare_versions flow."""
    from flows.extract_and_diff import compare_versions

    try:
        summary = compare_versions(str(old), str(new), out_dir=str(out_dir))
    except TiltakError as exc:
        fail(exc, EXIT_FAILED)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, default=str))
    else:
        for c in summary["comparisons"]:
            typer.echo(f"{c['old']} → {c['new']}: " + ", ".join(f"{k} {v}" for k, v in c["counts"].items()))


@app.command()
def watch(
    corpus_dir: opt.CorpusOpt = Path("corpus"),
    out_dir: opt.OutOpt = Path("outputs"),
    serve: bool = typer.Option(False, "--serve", help="Serve as a scheduled deployment instead of checking once."),
    interval_h: float = typer.Option(24.0, "--every-hours", help="With --serve: how often to check."),
    as_json: opt.JsonOpt = False,
    nlp: opt.NlpOpt = None,
) -> None:
    """Check the manifest's landing pages for a new or changed plan PDF; extract and diff it."""
    from flows.watch import serve_watch, watch_plans

    if serve:
        serve_watch(corpus_dir=str(corpus_dir), out_dir=str(out_dir), interval_hours=interval_h)
        return
    try:
        summary = watch_plans(corpus_dir=str(corpus_dir), out_dir=str(out_dir))
    except TiltakError as exc:
        fail(exc, EXIT_FAILED)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, default=str))
    else:
        for line in summary.get("lines", []):
            typer.echo(line)
    raise typer.Exit(EXIT_OK if summary.get("ok", True) else EXIT_FAILED)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
