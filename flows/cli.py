"""The ``tiltak`` console script: the library commands of ``pipeline.cli.commands`` plus the
Prefect-backed ones (``run``, ``watch``, ``flow extract``, ``flow diff``), with the options of
``pipeline.cli.options``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import flows  # noqa: F401  (Prefect defaults first)
import typer

from flows.logs import send_prefect_logs_to_file
from pipeline.cli.commands import app, check_version_input, extract_jobs, require_out
from pipeline.cli.console import EXIT_FAILED, EXIT_OK, fail, print_summary, say, warn_nlp_fallback
from pipeline.cli import options as opt
from pipeline.errors import TiltakError

flow_app = typer.Typer(help="Run single-document flows through Prefect (recorded like `tiltak run`).", no_args_is_help=True)
app.add_typer(flow_app, name="flow")


def _engine_failed(exc: Exception, log_file: Optional[Path]) -> None:
    """The flow engine itself failed (e.g. its temporary server did not start): one line, exit 1."""
    where = f"see {log_file}" if log_file else "see Prefect's log"
    fail(TiltakError(f"the flow engine failed: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}",
                     hint=f"{where}; run again, or point PREFECT_API_URL at a running Prefect server"), EXIT_FAILED)


def _engine_line(log_file: Optional[Path]) -> str:
    server = f"the Prefect server at {os.environ['PREFECT_API_URL']}" if os.environ.get("PREFECT_API_URL") else "a temporary local Prefect server"
    return f"starting the flow engine ({server})" + (f"; Prefect's log: {log_file}" if log_file else "")


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
    drop_failed: bool = typer.Option(False, "--drop-failed", help="Leave a failed document out instead of keeping its last good rows (marked stale)."),
    flow: bool = typer.Option(False, "--flow", help="Always run through Prefect, also when every document is unchanged and cached."),
    as_json: opt.JsonOpt = False,
    quiet: opt.QuietOpt = False,
    nlp: opt.NlpOpt = None,
) -> None:
    """The main job: every document in the manifest -> datasets and reports.

    Missing sources are fetched first (an unreachable host once, without retries). Documents run through
    the Prefect flow `run-corpus`; when every document is unchanged and cached (and no PREFECT_API_URL
    is set), the outputs are written straight from the cache without starting the flow engine.
    """
    from pipeline.sources import load_manifest

    try:  # a bad manifest is the user's to fix: say so in one line, before any work
        manifest = load_manifest(corpus_dir / "manifest.toml")
    except TiltakError as exc:
        fail(exc)
    if runner not in ("threads", "dask"):
        opt.usage_error(f"unknown task runner {runner!r}: use threads or dask")
    silent = quiet or as_json
    warn_nlp_fallback(quiet=quiet)
    from pipeline.runs.budget import Budget
    from pipeline.runs.corpus import all_cached, corpus_work, run_in_process
    from pipeline.sources.downloads import fetch_missing_sources, fetch_notes, sources_to_fetch

    notes: dict[str, str] = {}
    if fetch and sources_to_fetch(manifest):
        say(f"fetching {len(sources_to_fetch(manifest))} missing source(s)", quiet=silent)
        notes = fetch_notes(fetch_missing_sources(manifest))
    work = corpus_work(manifest, notes)
    use_engine = flow or runner != "threads" or bool(dask_address) or bool(os.environ.get("PREFECT_API_URL"))
    log_file: Optional[Path] = None
    if not use_engine and all_cached(work, engine):
        say(f"all {len(work.jobs)} document(s) unchanged and cached: writing the outputs without the flow engine "
            "(--flow to run it anyway)", quiet=silent)
        try:
            result = run_in_process(work, out_dir, engine=engine, budget=Budget.resolve(timeout_s, memory_mb),
                                    drop_failed=drop_failed, wait_s=wait_s)
        except TiltakError as exc:
            fail(exc)
        summary = result.summary()
    else:
        log_file = send_prefect_logs_to_file()
        say(_engine_line(log_file), quiet=silent)
        from flows.run_corpus import make_task_runner, run_corpus

        try:
            task_runner = make_task_runner("dask" if dask_address else runner, workers=workers, dask_address=dask_address)
            summary = run_corpus.with_options(task_runner=task_runner)(
                corpus_dir=str(corpus_dir), out_dir=str(out_dir), fetch=False, fetch_notes=notes, engine=engine,
                timeout_s=timeout_s, memory_mb=memory_mb, wait_s=wait_s, drop_failed=drop_failed,
            )
        except TiltakError as exc:
            fail(exc)
        except Exception as exc:  # noqa: BLE001 - the engine's own failure, named in one line
            _engine_failed(exc, log_file)
    print_summary(summary, as_json=as_json, quiet=quiet, out_dir=out_dir, log_file=log_file)
    raise typer.Exit(EXIT_OK if summary.get("ok") else EXIT_FAILED)


@flow_app.command("extract")
def flow_extract(
    file: Path = typer.Argument(..., help="One document."),
    out_dir: opt.OutRequiredOpt = None,
    on: opt.DateOpt = None,
    kind: opt.KindOpt = None,
    as_json: opt.JsonOpt = False,
    nlp: opt.NlpOpt = None,
) -> None:
    """Extract one document through the extract_document flow (cached by content)."""
    out_dir = require_out(out_dir, "flow extract")
    (job,) = extract_jobs([file], kind=kind, document_id=None, on=on)
    warn_nlp_fallback()
    log_file = send_prefect_logs_to_file()
    say(_engine_line(log_file), quiet=as_json)
    from flows.extract_and_diff import extract_document

    try:
        summary = extract_document(str(file), out_dir=str(out_dir), kind=kind, on=job.on)
    except TiltakError as exc:
        fail(exc, EXIT_FAILED)
    except Exception as exc:  # noqa: BLE001
        _engine_failed(exc, log_file)
    print_summary(summary, as_json=as_json, quiet=False, out_dir=out_dir, log_file=log_file)


@flow_app.command("diff")
def flow_diff(
    old: Path = typer.Argument(...),
    new: Path = typer.Argument(...),
    out_dir: opt.OutRequiredOpt = None,
    as_json: opt.JsonOpt = False,
    nlp: opt.NlpOpt = None,
) -> None:
    """Compare two versions through the compare_versions flow."""
    out_dir = require_out(out_dir, "flow diff")
    check_version_input(old, "OLD")
    check_version_input(new, "NEW")
    warn_nlp_fallback()
    log_file = send_prefect_logs_to_file()
    say(_engine_line(log_file), quiet=as_json)
    from flows.extract_and_diff import compare_versions

    try:
        summary = compare_versions(str(old), str(new), out_dir=str(out_dir))
    except TiltakError as exc:
        fail(exc, EXIT_FAILED)
    except Exception as exc:  # noqa: BLE001
        _engine_failed(exc, log_file)
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
    """Check the manifest's plans for a new version (a changed PDF, a web document's changed chapters); extract and diff it."""
    from pipeline.sources import load_manifest

    try:
        load_manifest(corpus_dir / "manifest.toml")
    except TiltakError as exc:
        fail(exc)
    warn_nlp_fallback()
    log_file = send_prefect_logs_to_file()
    say(_engine_line(log_file), quiet=as_json)
    from flows.watch import serve_watch, watch_plans

    try:
        if serve:
            serve_watch(corpus_dir=str(corpus_dir), out_dir=str(out_dir), interval_hours=interval_h)
            return
        summary = watch_plans(corpus_dir=str(corpus_dir), out_dir=str(out_dir))
    except TiltakError as exc:
        fail(exc, EXIT_FAILED)
    except Exception as exc:  # noqa: BLE001
        _engine_failed(exc, log_file)
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
