"""The watch logic offline: recorded HTTP responses (respx) for a landing page and its PDF, and for the pages of a
web document."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pandas as pd
import pytest
import respx
from bs4 import BeautifulSoup

from pipeline.sources import load_manifest, updates
from pipeline.sources.updates import check_plan_update, watched_plans
from pipeline.sources.webdoc import page_identity

LANDING = "https://www.regjeringen.no/no/dokumenter/eksempelplan/id1/"
PDF = "https://www.regjeringen.no/contentassets/abc123/eksempelplan.pdf"
PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><title>Eksempelplan</title></head><body>
<main><article><header class="article-header"><h1>Eksempelplan mot menneskehandel</h1></header>
<div class="article-info"><span class="type">Handlingsplan</span><span class="date">Dato: 01.02.2016</span></div>
<div class="article-body"><p>Syntetisk testside.</p>
<p><a href="/contentassets/abc123/eksempelplan.pdf">Eksempelplan mot menneskehandel (PDF, 1 mb)</a></p></div>
</article></main></body></html>"""


def _manifest(folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.toml").write_text(text, encoding="utf-8")
    return load_manifest(folder / "manifest.toml")


def _corpus(tmp_path):
    return _manifest(tmp_path,
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
''')


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
def test_watch_flow_writes_change_report(tmp_path, versions, capfd, monkeypatch):
    from prefect.testing.utilities import prefect_test_harness
    from typer.testing import CliRunner

    from flows.cli import app

    from flows.watch import watch_plans

    monkeypatch.setenv("TILTAK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(updates, "DEFAULT_PAUSE", 0.0)
    corpus = tmp_path / "corpus"
    _corpus(corpus)
    web_manifest = (_web_corpus(tmp_path / "web").path).read_text(encoding="utf-8")
    with (corpus / "manifest.toml").open("a", encoding="utf-8") as fh:  # a PDF plan and a web document
        fh.write("\n" + web_manifest)
    out = tmp_path / "out"
    old, new = versions
    web_v1, web_v2 = _web_versions()
    with prefect_test_harness(server_startup_timeout=180):
        with respx.mock(assert_all_called=False) as router:
            _serve(router, old, '"v1"')
            _serve_web(router, web_v1)
            first = watch_plans(corpus_dir=str(corpus), out_dir=str(out))
        with respx.mock(assert_all_called=False) as router:
            _serve(router, new, '"v2"')
            _serve_web(router, web_v2)
            second = watch_plans(corpus_dir=str(corpus), out_dir=str(out))
        # offline, through the command line: one line saying why, exit 1, no traceback
        with respx.mock(assert_all_called=False) as router:
            router.route(host="127.0.0.1").pass_through()
            router.route(host="www.regjeringen.no").mock(side_effect=httpx.ConnectError("no route to host"))
            offline = CliRunner().invoke(app, ["watch", "--corpus", str(corpus), "--out", str(out)])
        printed = offline.output + "".join(capfd.readouterr())
        assert offline.exit_code == 1 and "Traceback" not in printed, printed
        assert "plan: check failed" in printed and "web: check failed" in printed and "could not connect" in printed
    assert "first version" in first["lines"][0] and first["lines"][1].startswith("web: first version retrieved (23 measures)")
    for line in second["lines"]:
        assert "NEW VERSION" in line and "change report" in line, second["lines"]
    assert second["ok"] is True
    for plan_id in ("plan", "web"):
        reports = list((out / "watch" / plan_id / "reports").glob("*/change_report.html"))
        assert len(reports) == 1
    assert (out / "watch" / "plan" / "changes.csv").read_text(encoding="utf-8").count("\n") > 5
    web_changes = pd.read_csv(out / "watch" / "web" / "changes.csv")
    assert sorted(web_changes.change_type.value_counts().items()) == [("removed", 4), ("reworded", 1), ("unchanged", 18)]


# --------------------------------------------------------------------------- a web document (front page + chapters)

WEB_DIR = Path(__file__).resolve().parent / "data" / "webdocs" / "strategi2025_utnytting"
WEB_URL = "https://www.regjeringen.no/no/dokumenter/strategi-mot-menneskehandel-og-utnytting-2025-2030/id9900001/"


def _web_corpus(tmp_path):
    return _manifest(tmp_path,
        f'''[[source]]
id = "web"
kind = "plan"
format = "web"
title = "Strategi mot menneskehandel og utnytting"
url = "{WEB_URL}"
''')


def _web_versions() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """URL -> page bytes: the saved fixture (v1), and a revision (v2): a measure title in chapter 4 extended, and
    chapter 8 gone from the contents."""
    v1 = {page_identity(p).url: p.read_bytes() for p in sorted(WEB_DIR.glob("*.html"))}
    v2 = dict(v1)
    ch4 = WEB_URL + "?ch=4"
    old_title, new_title = "Styrke statistikken om avdekkede saker", "Styrke statistikken om avdekkede og anmeldte saker"
    assert old_title.encode() in v1[ch4]
    v2[ch4] = v1[ch4].replace(old_title.encode(), new_title.encode())
    soup = BeautifulSoup(v1[WEB_URL], "html.parser")
    (entry,) = [a for a in soup.find_all("a") if (a.get("href") or "").endswith("?ch=8")]
    entry.find_parent("li").decompose()
    v2[WEB_URL] = str(soup).encode("utf-8")
    del v2[WEB_URL + "?ch=8"]
    return v1, v2


def _serve_web(router, pages: dict[str, bytes]) -> None:
    router.route(host="127.0.0.1").pass_through()  # the Prefect test API
    for url, body in pages.items():
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

        def reply(request, body=body, etag=etag):
            if request.headers.get("if-none-match") == etag:
                return httpx.Response(304, headers={"etag": etag})
            return httpx.Response(200, content=body, headers={"content-type": "text/html; charset=utf-8", "etag": etag})

        router.get(url).mock(side_effect=reply)


def test_a_web_document_is_watched_page_by_page(tmp_path, monkeypatch):
    monkeypatch.setenv("TILTAK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(updates, "DEFAULT_PAUSE", 0.0)
    manifest = _web_corpus(tmp_path / "corpus")
    (plan,) = watched_plans(manifest)
    store = tmp_path / "store"
    v1, v2 = _web_versions()
    with respx.mock(assert_all_called=False) as router:
        _serve_web(router, v1)
        first = check_plan_update(manifest, plan, store=store)
        again = check_plan_update(manifest, plan, store=store)
    folder = tmp_path / "corpus" / "downloads" / "web"
    assert first.status == "new" and first.new_path == folder and "11 pages" in first.message
    assert again.status == "unchanged" and again.message.startswith("not-modified") and again.new_sha256 == first.new_sha256
    with respx.mock(assert_all_called=False) as router:
        _serve_web(router, v2)
        changed = check_plan_update(manifest, plan, store=store)
        settled = check_plan_update(manifest, plan, store=store)
    assert changed.status == "changed", changed.message
    assert changed.message == "new content in ch-4.html, ch-8.html, index.html"
    assert changed.old_sha256 == first.new_sha256 != changed.new_sha256
    # the new version is the folder, without the chapter the contents no longer list ...
    assert sorted(p.name for p in folder.glob("*.html")) == sorted(["index.html"] + [f"ch-{n}.html" for n in (1, 2, 3, 4, 5, 6, 7, 9, 10)])
    # ... and the old one is put together again from the store, byte for byte
    old_pages = {page_identity(p).url: p.read_bytes() for p in changed.old_path.glob("*.html")}
    assert old_pages == v1 and changed.old_path.is_relative_to(tmp_path / "cache")
    assert settled.status == "unchanged" and settled.old_sha256 == changed.new_sha256

    from pipeline.compare import compare_plans
    from pipeline.documents.extract import SourceJob, extract_job

    old = extract_job(SourceJob(path=changed.old_path, document_id="web@old", kind="plan"))
    new = extract_job(SourceJob(path=changed.new_path, document_id="web@new", kind="plan"))
    kinds = sorted(c.change_type for c in compare_plans(old.plan, new.plan).changes if c.change_type != "unchanged")
    assert len(old.plan.measures) == 23 and len(new.plan.measures) == 19
    assert kinds == ["removed"] * 4 + ["reworded"]
