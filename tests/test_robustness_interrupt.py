"""Runs killed (SIGKILL) while they write: the previous outputs stay intact and consistent, and the
next run completes and leaves no debris.

Two ways of killing: (1) deterministic: a forked writer kills itself just before its k-th
``os.fsync`` or ``os.replace`` (every durable step of the dataset commit, the change reports and the
run report), for k spread over the whole write; (2) a real ``python -m flows.cli extract`` process
killed from outside while it runs, once during extraction and once mid-write of the datasets.
"""

from __future__ import annotations

import filecmp
import multiprocessing as mp
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hostile as H
import pdfs_small as P
from pipeline.documents.extract import SourceJob, extract_job
from pipeline.runs.lock import lock_holder, output_lock
from pipeline.runs.outputs import write_run_outputs
from pipeline.runs.result import RunResult

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
PRESS_ID = "pressemelding-2016-styrket-samarbeid-mot-menneskehandel"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """v1: the seed press release; v2: the press release, two plans and their comparison."""
    from pipeline.compare import compare_plans

    H.warm_pipeline()
    d = tmp_path_factory.mktemp("interrupt-src")
    press = extract_job(SourceJob(SEED, PRESS_ID))
    plan_a = extract_job(SourceJob(P.two_column(d / "plan-a.pdf"), "plan-a"))
    plan_b = extract_job(SourceJob(P.with_toc(d / "plan-b.pdf"), "plan-b"))
    v1 = RunResult(results=[press])
    v2 = RunResult(results=[press, plan_a, plan_b], comparisons=[compare_plans(plan_a.plan, plan_b.plan)])
    pristine = d / "v1"
    with output_lock(pristine):
        write_run_outputs(v1, pristine)
    return v1, v2, pristine


def _write_and_die(run, out, kill_at, conn):
    """Child: write ``run`` to ``out`` under the lock; SIGKILL itself before the kill_at-th fsync/replace."""
    steps: list[str] = []  # one entry per durable step: "fsync" or the name a file is renamed to

    def hooked(real, label):
        def call(*args, **kwargs):
            steps.append(label(args))
            if len(steps) == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return call

    os.fsync = hooked(os.fsync, lambda a: "fsync")
    os.replace = hooked(os.replace, lambda a: Path(a[1]).name)
    with output_lock(out):
        write_run_outputs(run, out)
    conn.send(steps)
    conn.close()
    os._exit(0)


def _child_write(run, out, kill_at=10**9) -> tuple[int, list[str] | None]:
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_write_and_die, args=(run, out, kill_at, child))
    proc.start()
    child.close()
    proc.join(120)
    try:
        steps = parent.recv() if parent.poll(0) else None
    except EOFError:  # killed before it could report
        steps = None
    return proc.exitcode, steps


def _same_files(a: Path, b: Path, names: list[str]) -> bool:
    return all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)


@pytest.mark.slow
def test_killed_at_every_stage_of_a_write(runs, tmp_path):
    v1, v2, pristine = runs
    ids1 = {PRESS_ID}
    ids2 = {PRESS_ID, "plan-a", "plan-b"}
    table_files = sorted(p.name for p in pristine.iterdir() if p.suffix in (".csv", ".parquet") or p.name == "datapackage.json")

    code, steps = _child_write(v2, tmp_path / "probe")  # the durable steps of a full write, in order
    assert code == 0 and steps and len(steps) > 10
    total = len(steps)
    commit = steps.index(".tiltak-datasets-commit.json")  # 0-based: the commit record lands
    summary = steps.index("run_summary.json")
    # before anything, mid-staging, just before and after the commit record, mid-move of the
    # tables, before the summary, between summary and report, the very last step
    points = sorted({1, commit // 2 + 1, commit + 1, commit + 2, commit + 4, summary + 1, summary + 2, total})
    seen_states = set()
    for k in points:
        out = tmp_path / f"kill-{k}"
        shutil.copytree(pristine, out)
        code, _ = _child_write(v2, out, kill_at=k)
        assert code == -signal.SIGKILL, f"kill point {k} of {total} was not reached"
        state = H.check_outputs(out)  # every file parses; tables match datapackage.json
        assert state["tables"] in (ids1, ids2), k
        assert state["summary"] in (ids1, ids2), k
        if state["tables"] == ids1:  # the previous outputs are untouched, byte for byte
            assert _same_files(out, pristine, table_files), k
        # tables, summary and reports are one transaction: never new tables with an old summary
        assert state["summary"] == state["tables"] and state["summary_current"], k
        seen_states.add((len(state["tables"]), len(state["summary"]), state["summary_current"]))
        with output_lock(out, wait_s=2):  # the killed writer left no lock behind
            pass
        if state["tables"] == ids1 and not H.leftovers(out):
            continue  # nothing was touched: the next run is an ordinary run
        code, _ = _child_write(v2, out)  # the next run completes ...
        assert code == 0
        after = H.check_outputs(out)
        assert after["tables"] == after["summary"] == ids2 and after["summary_current"], k
        assert H.leftovers(out) == [], k  # ... and clears what the killed one left
        assert (out / "reports" / "plan-a__plan-b" / "change_report.html").exists()
    # the kill points covered both sides of the commit: the old complete set, the new complete set
    assert seen_states == {(1, 1, True), (3, 3, True)}, seen_states


# --------------------------------------------------------------------------- a real process, killed from outside


def _start(files, out):
    env = dict(os.environ, TILTAK_DOC_TIMEOUT_S="120", TILTAK_DOC_MEMORY_MB="0")
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "extract", *map(str, files), "--out", str(out), "--quiet"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _wait_for(proc, predicate, timeout=180.0, poll=0.002) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if predicate():
                return True
        except OSError:  # a file that is being replaced right now
            pass
        if proc.poll() is not None:
            return False
        time.sleep(poll)
    return False


@pytest.mark.slow
def test_real_process_killed_during_extraction_and_mid_write(runs, tmp_path):
    _, _, pristine = runs
    out = tmp_path / "out"
    shutil.copytree(pristine, out)
    files = [SEED, P.two_column(tmp_path / "plan-a.pdf"), P.long_plan(tmp_path / "plan-lang.pdf", parts=6)[0]]
    before = {n: (out / n).read_bytes() for n in ("documents.csv", "datapackage.json", "run_summary.json")}

    # 1: killed while extracting (the lock names the new process, nothing written yet)
    proc = _start(files, out)
    reached = _wait_for(proc, lambda: lock_holder(out) == f"pid {proc.pid}")
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert reached, proc.stderr.read().decode()[-2000:]
    assert {n: (out / n).read_bytes() for n in before} == before  # previous outputs intact

    # 2: killed mid-write: as soon as the dataset staging directory appears
    proc = _start(files, out)
    reached = _wait_for(proc, lambda: any(p.name.startswith(".staging-") for p in out.iterdir()))
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert reached, proc.stderr.read().decode()[-2000:]
    state = H.check_outputs(out)
    full = {PRESS_ID, "plan-a", "plan-lang"}
    assert state["tables"] in ({PRESS_ID}, full) and state["summary"] in ({PRESS_ID}, full)
    if state["summary"] != state["tables"]:
        assert not state["summary_current"]

    # the next run completes and leaves a clean, consistent set
    from flows.cli import app

    result = CliRunner().invoke(app, ["extract", *map(str, files), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    after = H.check_outputs(out)
    assert after["tables"] == after["summary"] == full and after["summary_current"]
    assert H.leftovers(out) == []
