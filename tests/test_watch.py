"""The watch logic offline: recorded HTTP responses (respx) for a landing page and its PDF."""

from __future__ import annotations

import httpx
import pytest
import respx

from pipeline.sources import load_manifest
from pipeline.sources.updates import check_plan_update, watched_plans

LANDING = "https://www.regjeringen.no/no/dokumenter/eksempelplan/id1/"
PDF = "https://www.regjeringen.no/contentassets/abc123/eksempelplan.pdf"
PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><title>Eksempelplan</title></head><body>
<main><article><header class="article-header"><h1>Eksempelplan mot menneskehandel</h1></header>
<div class="article-info"><span class="type">Handlingsplan</span><span class="date">Dato: 01.02.2016</span></div>
<div class="article-body"><p>Syntetisk testside.</p>
<p><a href="/contentassets/abc123/eksempelplan.pdf">Eksempelplan mot menneskehandel (PDF, 1 mb)</a></p></div>
</article></main></body></html>"""


def _corpus(tmp_path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "manifest.toml").write_text(
        f'''[[source]]
id = "lp"
kind = "landing_page"
title = "Eksempelplan"
url = "{LANDING}"

[[source]]
id = "plan"
kind = "plan"
title = "Eksempelplan"
landing_page = "lp"
''',
        encoding="utf-8",
    )
    return load_manifest(tmp_path / "manifest.toml")


@pytest.fixture
def versions(plangen_pairs):
    pair = plangen_pairs[0]
    return pair["old_pdf"].read_bytes(), pair["new_pdf"].read_bytes()


def _serve(router, pdf_bytes, etag):
    router.route(host="127.0.0.1").pass_through()  # the Prefect test API
    router.get(LANDING).mock(return_value=httpx.Response(200, text=PAGE, headers={"content-type": "text/html; charset=utf-8"}))

    def pdf_route(request):
        if request.headers.get("if-none-match") == etag:
            return httpx.Response(304, headers={"etag": etag})
        return httpx.Response(200, content=pdf_bytes, headers={"content-type": "application/pdf", "etag": etag})

    router.get(PDF).mock(side_effect=pdf_route)


def test_new_unchanged_changed(tmp_path, versions):
    manifest = _corpus(tmp_path / "corpus")
    (plan,) = watched_plans(manifest)
    store = tmp_path / "store"
    old, new = versions
    with respx.mock(assert_all_called=False) as router:
        _serve(router, old, '"v1"')
        first = check_plan_update(manifest, plan, store=store)
        assert first.status == "new" and first.url == PDF
        second = check_plan_update(manifest, plan, store=store)
        assert second.status == "unchanged" and second.message == "not-modified"
    with respx.mock(assert_all_called=False) as router:
        _serve(router, new, '"v2"')
        third = check_plan_update(manifest, plan, store=store)
    assert third.status == "changed"
    assert third.old_sha256 == first.new_sha256 != third.new_sha256
    assert third.old_path.read_bytes() == old and third.new_path.read_bytes() == new


def test_failed_check_says_why(tmp_path):
    manifest = _corpus(tmp_path / "corpus")
    (plan,) = watched_plans(manifest)
    with respx.mock() as router:
        router.get(LANDING).mock(return_value=httpx.Response(403))
        result = check_plan_update(manifest, plan, store=tmp_path / "store")
    assert result.status == "failed" and "403" in result.message and LANDING in result.message


@pytest.mark.slow
def test_watch_flow_writes_change_report(tmp_path, versions, capfd):
    from prefect.testing.utilities import prefect_test_harness
    from typer.testing import CliRunner

    from flows.cli import app

    from flows.watch import watch_plans

    corpus = tmp_path / "corpus"
    _corpus(corpus)
    out = tmp_path / "out"
    old, new = versions
    with prefect_test_harness(server_startup_timeout=180):
        with respx.mock(assert_all_called=False) as router:
            _serve(router, old, '"v1"')
            first = watch_plans(corpus_dir=str(corpus), out_dir=str(out))
        with respx.mock(assert_all_called=False) as router:
            _serve(router, new, '"v2"')
            second = watch_plans(corpus_dir=str(corpus), out_dir=str(out))
        # offline, through the command line: one line saying why, exit 1, no traceback
        with respx.mock(assert_all_called=False) as router:
            router.route(host="127.0.0.1").pass_through()
            router.route(host="www.regjeringen.no").mock(side_effect=httpx.ConnectError("no route to host"))
            offline = CliRunner().invoke(app, ["watch", "--corpus", str(corpus), "--out", str(out)])
        printed = offline.output + "".join(capfd.readouterr())
        assert offline.exit_code == 1 and "Traceback" not in printed, printed
        assert "plan: check failed" in printed and "could not connect" in printed
    assert "first version" in first["lines"][0]
    assert "NEW VERSION" in second["lines"][0] and "change report" in second["lines"][0], second["lines"]
    assert second["ok"] is True
    reports = list((out / "watch" / "plan" / "reports").glob("*/change_report.html"))
    assert len(reports) == 1
    assert (out / "watch" / "plan" / "changes.csv").read_text(encoding="utf-8").count("\n") > 5
