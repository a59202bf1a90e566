"""Expected conditions through the command line: offline, a 403 bot wall, bad input. Each is said in
one line, once; never a Python traceback; ``-q`` prints failures only; an unreachable host is tried
once per run, without retries. HTTP is recorded with respx (no network)."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
import respx
from typer.testing import CliRunner

from flows.cli import app

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
HOST = "www.regjeringen.no"
LP1 = f"https://{HOST}/no/dokumenter/eksempelplan-en/id1/"
LP2 = f"https://{HOST}/no/dokumenter/eksempelplan-to/id2/"
runner = CliRunner()


def _write_corpus(root: Path) -> Path:
    """The seed press release (on disk) and two landing pages on one host, each with a plan found
    through its landing page (to be fetched)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, root / "pm.txt")
    sources = ['[[source]]\nid = "pm"\nkind = "press_release"\ntitle = "Pressemelding"\nfile = "pm.txt"\npublished = 2016-10-20\n']
    for n, url in ((1, LP1), (2, LP2)):
        sources.append(f'[[source]]\nid = "lp-{n}"\nkind = "landing_page"\ntitle = "Eksempelplan {n}"\nurl = "{url}"\n')
        sources.append(f'[[source]]\nid = "plan-{n}"\nkind = "plan"\ntitle = "Eksempelplan {n}"\nlanding_page = "lp-{n}"\n')
    (root / "manifest.toml").write_text("\n".join(sources), encoding="utf-8")
    return root


@pytest.fixture()
def corpus(tmp_path):
    """A corpus whose one local document is already extracted and cached (so `tiltak run` needs no flow engine)."""
    from pipeline.runs.corpus import corpus_work, run_in_process
    from pipeline.sources import load_manifest

    root = _write_corpus(tmp_path / "corpus")
    run_in_process(corpus_work(load_manifest(root / "manifest.toml")), tmp_path / "warm-up")
    return root


@pytest.fixture()
def no_sleep(monkeypatch):
    """Records every retry delay instead of sleeping."""
    import time

    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", lambda s: slept.append(s))
    return slept


def _printed(result, capfd) -> str:
    cap = capfd.readouterr()
    return result.output + cap.out + cap.err


def test_run_offline_is_quiet_honest_and_tries_the_host_once(corpus, tmp_path, capfd, no_sleep):
    with respx.mock() as router:
        route = router.route(host=HOST).mock(side_effect=httpx.ConnectError("no route to host"))
        result = runner.invoke(app, ["run", "--corpus", str(corpus), "--out", str(tmp_path / "out")])
    printed = _printed(result, capfd)
    assert result.exit_code == 0, printed
    assert "Traceback" not in printed and " | WARNING " not in printed and " | INFO " not in printed
    assert route.call_count == 1 and no_sleep == []  # detected once, no retries
    assert printed.count("could not connect") == 1 and printed.count("in a browser") == 1  # each hint once
    assert f"{HOST} could not be reached (see lp-1)" in printed
    assert "without the flow engine" in printed and (tmp_path / "out" / "documents.csv").is_file()

    with respx.mock() as router:
        router.route(host=HOST).mock(side_effect=httpx.ConnectError("no route to host"))
        quiet = runner.invoke(app, ["run", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    assert quiet.exit_code == 0 and _printed(quiet, capfd) == ""  # -q: failures only, and nothing failed


def test_run_behind_the_bot_wall_says_what_to_do_once(corpus, tmp_path, capfd, no_sleep):
    with respx.mock() as router:
        router.route(host=HOST).mock(return_value=httpx.Response(403, text="<html>Forbidden</html>"))
        result = runner.invoke(app, ["run", "--corpus", str(corpus), "--out", str(tmp_path / "out")])
    printed = _printed(result, capfd)
    assert result.exit_code == 0 and "Traceback" not in printed
    for url in (LP1, LP2):
        assert printed.count(f"open {url} in a browser") == 1
    assert no_sleep == []  # a refusal is not retried


def test_fetch_offline_and_403(corpus, capfd, no_sleep):
    with respx.mock() as router:
        router.route(host=HOST).mock(side_effect=httpx.ConnectError("no route to host"))
        offline = runner.invoke(app, ["fetch", "--corpus", str(corpus)])
    printed = _printed(offline, capfd)
    assert offline.exit_code == 1 and "Traceback" not in printed
    assert len([ln for ln in printed.splitlines() if ln.startswith("not fetched")]) == 4  # one line per source
    with respx.mock() as router:
        router.route(host=HOST).mock(return_value=httpx.Response(403))
        refused = runner.invoke(app, ["fetch", "--corpus", str(corpus), "-q"])
    printed = _printed(refused, capfd)
    assert refused.exit_code == 1 and "Traceback" not in printed and "HTTP 403" in printed


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "{tmp}/missing.pdf", "--out", "{tmp}/o"], "file not found"),
        (["extract", "{seed}", "--out", "{tmp}/o", "--date", "20.10.2016"], "is not a date"),
        (["extract", "{seed}", "--out", "{tmp}/o", "--kind", "brosjyre"], "--kind must be"),
        (["diff", "{tmp}/missing.pdf", "{tmp}/missing.pdf", "--out", "{tmp}/o"], "file not found"),
        (["entities", "{tmp}/missing.txt"], "file not found"),
        (["flow", "extract", "{tmp}/missing.pdf", "--out", "{tmp}/o"], "file not found"),
        (["flow", "diff", "{tmp}/missing.pdf", "{seed}", "--out", "{tmp}/o"], "file not found"),
        (["run", "--corpus", "{tmp}/no-corpus", "--out", "{tmp}/o"], "manifest"),
        (["fetch", "--corpus", "{tmp}/no-corpus"], "manifest"),
        (["watch", "--corpus", "{tmp}/no-corpus", "--out", "{tmp}/o"], "manifest"),
        (["run", "--corpus", "{repo}/corpus", "--out", "{tmp}/o", "--runner", "processes"], "unknown task runner"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, capfd, args, message):
    args = [a.format(tmp=tmp_path, seed=SEED, repo=REPO) for a in args]
    result = runner.invoke(app, args)
    printed = _printed(result, capfd)
    assert result.exit_code == 2, printed
    errors = [ln for ln in printed.splitlines() if ln.strip()]
    assert len(errors) == 1 and errors[0].startswith("error:") and message in errors[0], printed
    assert not (tmp_path / "o").exists()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    from pipeline import PIPELINE_VERSION, __version__
    from pipeline.datasets.schema import SCHEMA_VERSION

    assert result.stdout.strip() == f"tiltak {__version__} (pipeline {PIPELINE_VERSION}, dataset schema {SCHEMA_VERSION})"


def test_unreachable_host_is_tried_once_without_retries(tmp_path):
    from pipeline.sources import load_manifest
    from pipeline.sources.downloads import fetch_missing_sources

    manifest = load_manifest(_write_corpus(tmp_path / "corpus") / "manifest.toml")
    slept: list[float] = []
    with respx.mock() as router:
        route = router.route(host=HOST).mock(side_effect=httpx.ConnectTimeout("connect timed out"))
        outcomes = fetch_missing_sources(manifest, sleep=slept.append)
    assert route.call_count == 1 and slept == []
    assert [o.ok for o in outcomes] == [False] * 4
    assert outcomes[0].unreachable and "could not be reached" in outcomes[1].message
    # a transient failure after connecting is retried
    with respx.mock() as router:
        route = router.route(host=HOST).mock(side_effect=httpx.ReadTimeout("read timed out"))
        fetch_missing_sources(manifest, sleep=slept.append)
    assert slept == [1.0, 5.0, 1.0, 5.0] and route.call_count == 6
