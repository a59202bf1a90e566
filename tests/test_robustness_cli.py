"""Hostile inputs through the ``tiltak`` command line: a batch with broken files still completes the
good ones, each failure is one line, no traceback, no debris; two runs on one output directory
never interleave; a hostile manifest stops ``tiltak run`` with exit code 2 before any work."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hostile as H
import pdfs_small as P
from flows.cli import app

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
runner = CliRunner()


@pytest.fixture(scope="module", autouse=True)
def warm():
    H.warm_pipeline()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    d = tmp_path_factory.mktemp("batch")
    src = P.two_column(d / "plan-ok.pdf").read_bytes()
    bad = {
        "truncated": H.truncated(d / "truncated.pdf", src),
        "locked": H.encrypted(d / "locked.pdf", "hemmelig"),
        "scan": H.image_only(d / "scan.pdf", pages=2),
        "blogg": H.write_text(d / "blogg.html", H.html_page("Blogg", template=False)),
        "zero": H.zero_pages(d / "zero.pdf"),
    }
    return d, bad


def test_batch_with_hostile_files_completes_the_good_ones(batch, tmp_path):
    d, bad = batch
    out = tmp_path / "out"
    files = [str(SEED), str(d / "plan-ok.pdf"), *map(str, bad.values())]
    result = runner.invoke(app, ["extract", *files, "--out", str(out), "--json", "--timeout", "60", "--memory", "1500"])
    assert result.exit_code == 1, result.output  # some documents failed, the rest completed
    assert "Traceback" not in result.output
    summary = json.loads(result.stdout)
    done = {doc["document_id"] for doc in summary["documents"]}
    assert done == {"pressemelding-2016-styrket-samarbeid-mot-menneskehandel", "plan-ok"}
    failed = {f["document_id"]: f["message"] for f in summary["failures"]}
    assert set(failed) == set(bad)
    for name, msg in failed.items():
        assert "\n" not in msg and msg.startswith(str(bad[name])), msg
        assert "internal error" not in msg, msg
    assert "qpdf --decrypt" in failed["locked"] and "OCR" in failed["scan"] and "truncated" in failed["truncated"]
    state = H.check_outputs(out)
    assert state["tables"] == done and state["summary"] == done and state["summary_current"]
    assert H.leftovers(out) == []
    report = (out / "run_report.md").read_text(encoding="utf-8")
    assert "## Failures" in report and all(f"**{name}** (extract)" in report for name in bad)


def test_missing_and_directory_inputs_stop_the_batch_before_any_work(tmp_path):
    """Input errors (missing, a directory, text named .pdf) are found before any work: exit 2, one line,
    nothing written (not even --out)."""
    out = tmp_path / "out"
    (tmp_path / "mappe.pdf").mkdir()
    notes = H.write_text(tmp_path / "notes.pdf", "Ikke en PDF.\n")
    for bad, message in ((tmp_path / "finnes-ikke.pdf", "file not found"), (tmp_path / "mappe.pdf", "is a directory"),
                         (notes, "not a PDF")):
        result = runner.invoke(app, ["extract", str(SEED), str(bad), "--out", str(out), "--json"])
        assert result.exit_code == 2, result.output
        errors = result.stderr.strip().splitlines()
        assert len(errors) == 1 and message in errors[0] and str(bad) in errors[0], result.stderr
        assert "Traceback" not in result.output and not out.exists()


# --------------------------------------------------------------------------- concurrent runs


def _slow_extract(files, out, started, release):
    """A `tiltak extract` whose extraction waits for ``release``: it holds --out meanwhile."""
    import pipeline.documents.extract as E

    real = E.extract_job

    def held(job, **kw):
        started.set()
        release.wait(60)
        return real(job, **kw)

    E.extract_job = held
    try:
        app(["extract", *files, "--out", str(out), "--timeout", "0", "--quiet"], standalone_mode=False)
    except SystemExit as exc:
        os._exit(exc.code or 0)
    os._exit(0)


def test_concurrent_run_is_refused_and_outputs_never_interleave(tmp_path, batch):
    d, _ = batch
    out = tmp_path / "out"
    ctx = mp.get_context("fork")
    started, release = ctx.Event(), ctx.Event()
    first = ctx.Process(target=_slow_extract, args=([str(d / "plan-ok.pdf")], out, started, release))
    first.start()
    try:
        assert started.wait(60)
        second = runner.invoke(app, ["extract", str(SEED), "--out", str(out)])
        assert second.exit_code == 2, second.output
        line = second.stderr.strip()
        assert "\n" not in line and "another tiltak run is writing here" in line and f"pid {first.pid}" in line
        assert not (out / "documents.csv").exists()  # the refused run wrote nothing
    finally:
        release.set()
        first.join(120)
    assert first.exitcode == 0
    assert H.check_outputs(out)["tables"] == {"plan-ok"}  # only the first run's documents

    # a run that waits (--wait) goes after the holder and replaces the set as a whole
    started2, release2 = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_slow_extract, args=([str(d / "plan-ok.pdf")], out, started2, release2))
    holder.start()
    try:
        assert started2.wait(60)
        waiter = ctx.Process(target=_run_cli, args=(["extract", str(SEED), "--out", str(out), "--wait", "120", "--quiet"],))
        waiter.start()
        waiter.join(1.0)
        assert waiter.is_alive()  # waiting for the lock, not writing
    finally:
        release2.set()
        holder.join(120)
    waiter.join(120)
    assert holder.exitcode == 0 and waiter.exitcode == 0
    state = H.check_outputs(out)
    assert state["tables"] == state["summary"] == {"pressemelding-2016-styrket-samarbeid-mot-menneskehandel"}
    assert state["summary_current"] and H.leftovers(out) == []


def _run_cli(args):
    try:
        app(args, standalone_mode=False)
    except SystemExit as exc:
        os._exit(exc.code or 0)
    os._exit(0)


# --------------------------------------------------------------------------- a hostile manifest via `tiltak run`


def _traversal_corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.toml").write_text(
        '[[source]]\nid = "pm"\nkind = "press_release"\ntitle = "Pressemelding (syntetisk)"\nfile = "../../etc/passwd"\n',
        encoding="utf-8",
    )
    return corpus, tmp_path / "out"


def _run_traversal(tmp_path, capfd):
    """`tiltak run` on a manifest whose file entry climbs out of the corpus (in-process: shares the
    test session's Prefect server). Returns (exit code, everything printed, corpus, out)."""
    corpus, out = _traversal_corpus(tmp_path)
    result = runner.invoke(app, ["run", "--corpus", str(corpus), "--out", str(out), "--no-fetch", "--quiet"])
    cap = capfd.readouterr()
    return result.exit_code, result.output + cap.out + cap.err, corpus, out


@pytest.mark.slow
def test_run_refuses_a_manifest_path_traversal_with_exit_code_2(tmp_path, capfd):
    code, printed, corpus, out = _run_traversal(tmp_path, capfd)
    assert code == 2, printed
    errors = [ln for ln in printed.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1, printed
    assert str(corpus / "manifest.toml") in errors[0] and "leaves the corpus directory" in errors[0]
    assert not out.exists() or not any(out.iterdir())  # stopped before any work


@pytest.mark.slow
def test_run_with_a_bad_manifest_prints_no_traceback(tmp_path, capfd, caplog):
    code, printed, _, _ = _run_traversal(tmp_path, capfd)
    assert code == 2 and "Traceback" not in printed
    # in a terminal Prefect's console handler prints these records; under pytest they land in caplog
    assert not [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]
