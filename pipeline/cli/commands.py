"""The ``tiltak`` Typer app and the library commands: extract, diff, entities, train-ner, fetch, cache.

``flows/cli.py`` adds the Prefect-backed commands (``run``, ``watch``, ``flow ...``) to this app and
is the console-script entry point. Exit codes: see ``pipeline.cli.console``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from pipeline.cli.console import EXIT_FAILED, EXIT_OK, err, fail, out, print_summary, progress, warn_nlp_fallback
from pipeline.cli.options import (
    CorpusOpt,
    DateOpt,
    EngineOpt,
    JsonOpt,
    KindOpt,
    MemoryOpt,
    NlpOpt,
    OutRequiredOpt,
    QuietOpt,
    TimeoutOpt,
    WaitOpt,
    check_kind,
    parse_date,
    usage_error,
)
from pipeline.errors import TiltakError

app = typer.Typer(
    name="tiltak",
    help="Turn Norwegian government action plans into research-grade data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
cache_app = typer.Typer(help="Inspect or clear tiltak's cache (.tiltak-cache/).", no_args_is_help=True)
app.add_typer(cache_app, name="cache")

# --------------------------------------------------------------------------- version


def _print_version(value: bool) -> None:
    if value:
        from pipeline import PIPELINE_VERSION, __version__
        from pipeline.datasets.schema import SCHEMA_VERSION

        out.print(f"tiltak {__version__} (pipeline {PIPELINE_VERSION}, dataset schema {SCHEMA_VERSION})", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print tiltak's version (and the dataset schema version) and exit."),
) -> None:
    """Turn Norwegian government action plans into research-grade data."""


# --------------------------------------------------------------------------- extract


def check_inputs(jobs) -> None:
    """Every input is readable and of a type tiltak reads, or exit 2 before any work (nothing written)."""
    from pipeline.documents.extract import check_input
    from pipeline.sources.webdoc import web_page_files

    for job in jobs:
        try:
            if job.is_web_document:  # a folder of saved pages, or pages named one by one
                pages = list(job.pages) or web_page_files(job.path)
                if not pages:
                    raise TiltakError("is a directory without saved regjeringen.no pages (a web document's front page "
                                      "and chapters)", path=job.path,
                                      hint="name a .pdf, .html or .txt file, or a folder of a web document's saved pages")
                for page in pages:
                    check_input(page, None)
            else:
                check_input(job.path, job.kind)
        except TiltakError as exc:
            fail(exc)


def extract_jobs(files: list[Path], *, kind: Optional[str], document_id: Optional[str], on: Optional[str]):
    """One SourceJob per document (a file, or a web document's saved pages; ids unique), or exit 2 for bad
    usage or input, before any work."""
    from pipeline.runs.inputs import jobs_for_paths

    check_kind(kind)
    when = parse_date(on)
    jobs = jobs_for_paths(files, kind=kind, on=when, document_id=document_id)
    if document_id and len(jobs) > 1:
        usage_error("--id names one document: give one file (or one web document), or leave --id out")
    ids = [j.document_id for j in jobs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        usage_error(f"two files give the same document id {dupes[0]!r}: rename one of them (or extract them one by one with --id)")
    check_inputs(jobs)
    return jobs


def require_out(out_dir: Optional[Path], command: str) -> Path:
    """``--out`` must be given: a corpus run (`tiltak run`) owns outputs/, and a single document must not replace it."""
    if out_dir is None:
        fail(TiltakError(f"`tiltak {command}` needs --out DIR (where to write its tables; outputs/ belongs to `tiltak run`)"))
    return out_dir


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="Plan PDFs, press releases or landing pages (.pdf, .html, .txt), and "
                                       "web documents: a folder of saved pages, or the pages themselves."),
    out_dir: OutRequiredOpt = None,
    on: DateOpt = None,
    kind: KindOpt = None,
    document_id: Optional[str] = typer.Option(None, "--id", help="Document id (one file only; default: from the file name)."),
    engine: EngineOpt = "auto",
    ocr: bool = typer.Option(False, "--ocr", help="OCR pages without a text layer (needs tesseract with Norwegian data)."),
    timeout_s: TimeoutOpt = None,
    memory_mb: MemoryOpt = None,
    wait_s: WaitOpt = 0.0,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
    nlp: NlpOpt = None,
) -> None:
    """Extract documents and write datasets (documents, ministers, parts, measures ...) to --out.

    Every input is checked first (exit 2, nothing written); a document that fails is reported and the
    others are written (exit 1); when every document fails, --out is left exactly as it was (exit 1).
    """
    out_dir = require_out(out_dir, "extract")
    jobs = extract_jobs(files, kind=kind, document_id=document_id, on=on)
    warn_nlp_fallback(quiet=quiet)
    if ocr:
        from pipeline.layout.ocr import ocr_status

        status = ocr_status()
        if not status.available:
            fail(TiltakError(f"--ocr is not available here: {status.reason}"))
    from pipeline.runs.budget import Budget, run_with_budget
    from pipeline.documents.extract import extract_job
    from pipeline.runs.corpus import extraction_failure
    from pipeline.runs.lock import output_lock
    from pipeline.runs.outputs import write_run_outputs
    from pipeline.runs.result import RunResult, consistency_for

    budget = Budget.resolve(timeout_s, memory_mb)
    run = RunResult()
    try:
        with output_lock(out_dir, wait_s=wait_s):
            with progress(quiet or as_json) as bar:
                task = bar.add_task("extracting", total=len(jobs))
                for job in jobs:
                    bar.update(task, description=f"extracting {job.path.name}")
                    try:
                        run.results.append(run_with_budget(extract_job, job, engine=engine, ocr=ocr, budget=budget, label=str(job.path)))
                    except Exception as exc:  # noqa: BLE001 - report, finish the others
                        run.failures.append(extraction_failure(job, exc))
                    bar.advance(task)
            if run.results:
                checks, failures = consistency_for(run.results)
                run.checks.extend(checks)
                run.failures.extend(failures)
                write_run_outputs(run, out_dir)
            else:
                run.written = False  # every document failed: leave --out exactly as it was
    except TiltakError as exc:
        fail(exc)
    print_summary(run.summary(), as_json=as_json, quiet=quiet, out_dir=out_dir)
    raise typer.Exit(EXIT_OK if run.ok else EXIT_FAILED)


# --------------------------------------------------------------------------- diff


def check_version_input(path: Path, label: str) -> None:
    """A version to compare: a plan PDF, a folder of a web document's saved pages, or a directory written by
    `tiltak extract`; else exit 2."""
    from pipeline.documents.extract import check_input
    from pipeline.runs.inputs import is_extract_output
    from pipeline.sources.webdoc import web_page_files

    if path.is_dir():
        if not is_extract_output(path) and not web_page_files(path):
            fail(TiltakError(f"holds no extracted plan and no saved web-document pages (given as {label})",
                             path=path, hint="run `tiltak extract PLAN.pdf --out DIR` first, or pass the plan PDF "
                                             "or the folder of a web document's saved pages"))
        return
    try:
        check_input(path, "plan")
    except TiltakError as exc:
        fail(exc)


@app.command()
def diff(
    old: Path = typer.Argument(..., help="Old version: a plan PDF, a folder of a web document's saved pages, or a "
                                         "directory written by `tiltak extract`."),
    new: Path = typer.Argument(..., help="New version: a plan PDF, a folder of a web document's saved pages, or a "
                                         "directory written by `tiltak extract`."),
    out_dir: OutRequiredOpt = None,
    old_date: Optional[str] = typer.Option(None, "--old-date", help="Date of the old version (YYYY-MM-DD), for PDFs."),
    new_date: Optional[str] = typer.Option(None, "--new-date", help="Date of the new version (YYYY-MM-DD), for PDFs."),
    engine: EngineOpt = "auto",
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
    nlp: NlpOpt = None,
) -> None:
    """Compare two versions of a plan measure by measure: changes.csv, change_report.md/.html.

    Both inputs are checked first (exit 2); a version that cannot be extracted or read stops the
    comparison (exit 1); nothing is written unless the comparison completes.
    """
    out_dir = require_out(out_dir, "diff")
    on_old, on_new = parse_date(old_date), parse_date(new_date)
    check_version_input(old, "OLD")
    check_version_input(new, "NEW")
    warn_nlp_fallback(quiet=quiet)
    from pipeline.compare import compare_plans
    from pipeline.runs.lock import output_lock
    from pipeline.runs.inputs import load_plan
    from pipeline.runs.outputs import write_run_outputs
    from pipeline.runs.result import RunResult

    try:
        old_result = load_plan(old, on=on_old, engine=engine)
        new_result = load_plan(new, on=on_new, engine=engine)
    except TiltakError as exc:
        fail(exc, EXIT_FAILED)
    try:
        if old_result.document_id == new_result.document_id:
            new_result.retag(new_result.document_id + "-new")
        comparison = compare_plans(old_result.plan, new_result.plan)
        run = RunResult(results=[old_result, new_result], comparisons=[comparison])
        with output_lock(out_dir):
            write_run_outputs(run, out_dir)
    except TiltakError as exc:
        fail(exc, EXIT_FAILED)
    counts: dict[str, int] = {}
    for ch in comparison.changes:
        counts[ch.change_type] = counts.get(ch.change_type, 0) + 1
    summary = {"old": comparison.old_document_id, "new": comparison.new_document_id, "counts": dict(sorted(counts.items())), "out": str(out_dir)}
    if as_json:
        out.print_json(json.dumps(summary, ensure_ascii=False))
    elif not quiet:
        out.print(f"{summary['old']} → {summary['new']}: " + (", ".join(f"{k} {v}" for k, v in summary["counts"].items()) or "no measures"))
        report = out_dir / "reports" / f"{comparison.old_document_id}__{comparison.new_document_id}" / "change_report.html"
        out.print(f"report: {report}", highlight=False, soft_wrap=True)


# --------------------------------------------------------------------------- entities


@app.command()
def entities(
    file: str = typer.Argument(..., help="A UTF-8 text file, or - for standard input."),
    on: DateOpt = None,
    nlp: NlpOpt = None,
) -> None:
    """Print every entity as JSON lines: text, label, ner_label (NorNE type), exact character offsets into the
    input as given, source (registry or model), and the registry's ministry, agency or organisation ids."""
    from pipeline.nlp import find_entities
    from pipeline.nlp.language import nlp_warning

    when = parse_date(on)
    if file == "-":
        label, data = "standard input", sys.stdin.buffer.read()
    else:
        path = Path(file)
        if not path.is_file():
            fail(TiltakError("file not found", path=path, hint="give a text file, or - to read standard input"))
        label = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            fail(TiltakError(f"cannot be read ({exc.strerror})", path=path, hint="check the file's permissions"))
    text = _decode_text(data, label)
    if not text.strip():
        err.print(f"note: {label} holds no text: no entities", highlight=False, soft_wrap=True)
        return
    try:
        warning = nlp_warning()
        found = find_entities(text, on=when)
    except TiltakError as exc:
        fail(exc)
    if warning:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)
    write = sys.stdout.write
    for ent in found:
        row = {
            "text": ent.text,
            "label": ent.label,
            "ner_label": ent.ner_label,
            "start": ent.start,
            "end": ent.end,
            "source": ent.source,
            "ministry_id": ent.ministry_id,
            "ministry_name": ent.ministry_name,
        }
        for key in ("agency_id", "organisation_id", "person"):
            if getattr(ent, key):
                row[key] = getattr(ent, key)
        write(json.dumps(row, ensure_ascii=False) + "\n")


def _decode_text(data: bytes, label: str) -> str:
    """The input as text, exactly as given (no newline translation, a BOM kept: offsets count every
    character); binary or non-UTF-8 input stops the command with one line naming it."""
    if b"\x00" in data:
        fail(TiltakError("is binary data, not text", path=label, hint="give a UTF-8 text file; read PDFs with `tiltak extract`"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(TiltakError(f"is not UTF-8 text (byte {exc.start})", path=label,
                         hint="convert it to UTF-8, e.g. iconv -f latin1 -t utf-8"))
    raise AssertionError  # fail() exits


# --------------------------------------------------------------------------- train-ner


@app.command("train-ner")
def train_ner(
    shared: Optional[Path] = typer.Option(None, "--shared", help="Shared data directory holding data/norne (default: ../shared)."),
    out_dir: Optional[Path] = typer.Option(None, "--out", "-o", help="Model directory (default: the shipped model, "
                                           "pipeline/nlp/models/nb_tiltak_ner)."),
    work_dir: Optional[Path] = typer.Option(None, "--work", help="Work directory for DocBins and checkpoints (default: build/ner)."),
    seed: int = typer.Option(0, "--seed", help="Random seed (the shipped model: 0)."),
    max_epochs: Optional[int] = typer.Option(None, "--max-epochs", help="Stop after this many epochs (default: the config's)."),
    config: Optional[Path] = typer.Option(None, "--config", help="spaCy training config (default: pipeline/nlp/ner.cfg)."),
) -> None:
    """Train tiltak's Norwegian named-entity recogniser on NorNE (what `make model` runs; about 30 min on 2 cores)."""
    import os

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from pipeline.nlp.ner_training import CONFIG_PATH, TrainingOptions
    from pipeline.nlp.ner_training import train_ner as run_training

    if config is not None and not config.is_file():
        fail(TiltakError("training config not found", path=config, hint="name a spaCy config file, or leave --config out"))
    try:
        model_dir = run_training(shared, out_dir, work_dir=work_dir, options=TrainingOptions(seed=seed, max_epochs=max_epochs),
                                 config_path=config or CONFIG_PATH, log=lambda line: err.print(line, highlight=False))
    except TiltakError as exc:
        fail(exc)
    out.print(f"model written to {model_dir}", highlight=False)


# --------------------------------------------------------------------------- fetch


@app.command()
def fetch(
    corpus_dir: CorpusOpt = Path("corpus"),
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Download the manifest's missing documents (landing pages, then the plan PDFs they link)."""
    from pipeline.sources import load_manifest
    from pipeline.sources.downloads import fetch_missing_sources

    try:
        manifest = load_manifest(corpus_dir / "manifest.toml")
    except TiltakError as exc:
        fail(exc)
    outcomes = fetch_missing_sources(manifest)
    failed = [o for o in outcomes if not o.ok]
    if as_json:
        out.print_json(json.dumps([o.as_dict() for o in outcomes], ensure_ascii=False, default=str))
    else:
        for o in outcomes:
            if o.ok and not quiet:
                out.print(f"fetched {o.source_id}: {o.path}", highlight=False, soft_wrap=True)
            elif not o.ok:
                err.print(f"[red]not fetched[/] {o.source_id}: {o.message}", highlight=False, soft_wrap=True)
        if not outcomes and not quiet:
            out.print("nothing to fetch: every source has its file")
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


# --------------------------------------------------------------------------- cache


@cache_app.command("clear")
def cache_clear(keep_downloads: bool = typer.Option(False, "--keep-downloads", help="Keep fetched files.")) -> None:
    """Remove cached extraction results and NLP tables (next run recomputes them)."""
    from pipeline.storage.cache import cache_dir, clear_cache

    removed = clear_cache(keep_downloads=keep_downloads)
    out.print(f"cleared {cache_dir()}: " + (", ".join(p.name for p in removed) or "already empty"), highlight=False, soft_wrap=True)


@cache_app.command("info")
def cache_info() -> None:
    """Show where the cache is and how large each part is."""
    from pipeline.storage.cache import cache_dir, cache_usage

    usage = cache_usage()
    out.print(f"{cache_dir()}", highlight=False, soft_wrap=True)
    for name, size in usage.items():
        out.print(f"  {name}: {size / 1e6:.1f} MB")
    if not usage:
        out.print("  (empty)")
