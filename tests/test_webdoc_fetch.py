"""Fetching a web document (pipeline.sources.webfetch) and web documents in the corpus manifest, against pages served
by respx from tests/data/webdocs (no network)."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
import respx

from pipeline.documents.extract import extract_job
from pipeline.errors import FetchError, ManifestError
from pipeline.runs.jobs import jobs_from_manifest
from pipeline.sources import load_manifest
from pipeline.sources.downloads import download_path, fetch_missing_sources, local_file, sources_to_fetch
from pipeline.sources.http import Provenance, provenance_path
from pipeline.sources.webdoc import WebDocumentError, page_identity
from pipeline.sources.webfetch import fetch_web_document

DATA = Path(__file__).resolve().parent / "data" / "webdocs"
DOC = DATA / "strategi2025_utnytting"  # saved as `tiltak fetch` saves: index.html, ch-1.html ...
URL = "https://www.regjeringen.no/no/dokumenter/strategi-mot-menneskehandel-og-utnytting-2025-2030/id9900001/"
BROWSER = DATA / "handlingsplan2019_arbeidsliv"  # saved by a browser: title-based names
BROWSER_URL = "https://www.regjeringen.no/no/dokumenter/handlingsplan-for-et-trygt-og-seriost-arbeidsliv/id9900002/"


def _pages() -> dict[str, Path]:
    """URL -> saved page, from the address stated in each page."""
    return {page_identity(p).url: p for p in sorted(DOC.glob("*.html"))}


def _serve(status_for=lambda url: 200) -> dict[str, respx.Route]:
    routes = {}
    for url, path in _pages().items():
        etag = f'"{path.stem}-v1"'

        def reply(request, path=path, etag=etag, url=url):
            status = status_for(url)
            if status != 200:
                return httpx.Response(status, text="Forbidden")
            if request.headers.get("if-none-match") == etag:
                return httpx.Response(304, headers={"etag": etag})
            return httpx.Response(200, content=path.read_bytes(),
                                  headers={"content-type": "text/html; charset=utf-8", "etag": etag,
                                           "last-modified": "Fri, 14 Mar 2025 08:00:00 GMT"})

        routes[url] = respx.get(url).mock(side_effect=reply)
    return routes


@respx.mock
def test_fetch_saves_the_front_page_and_every_chapter_one_at_a_time(tmp_path):
    routes = _serve()
    pauses: list[float] = []
    folder = tmp_path / "downloads" / "plan-2025"
    result = fetch_web_document(URL, folder, store=tmp_path / "store", pause=0.5, sleep=pauses.append)
    names = sorted(p.name for p in folder.glob("*.html"))
    assert names == sorted(["index.html"] + [f"ch-{n}.html" for n in range(1, 11)]) and result.chapters == 10
    assert all((folder / n).read_bytes() == (DOC / n).read_bytes() for n in names)
    assert pauses == [0.5] * 10  # a pause between two requests, never two at once
    assert routes[URL].calls[0] is respx.calls[0]  # the front page first: its contents list the chapters
    prov = Provenance.read(provenance_path(folder / "ch-4.html"))
    assert prov.url == URL + "?ch=4" and prov.status == 200 and prov.etag == '"ch-4-v1"' and prov.method == "http"
    assert Path(prov.store_path).is_file() and Path(prov.store_path).parent.parent == tmp_path / "store"
    assert len(result.downloaded) == 11 and not result.already_had

    # again: conditional GETs, nothing downloaded
    again = fetch_web_document(URL, folder, store=tmp_path / "store", pause=0.0)
    assert len(again.unchanged) == 11 and not again.downloaded and again.already_had
    assert all(r.calls.last.request.headers.get("if-none-match") for r in routes.values())


@respx.mock
def test_a_refused_download_lists_every_page_to_save_and_the_folder(tmp_path):
    folder = tmp_path / "plan-2025"
    _serve(lambda url: 403)
    with pytest.raises(FetchError) as info:
        fetch_web_document(URL, folder, store=tmp_path / "store", pause=0.0)
    msg = str(info.value)
    assert "\n" not in msg and "403" in msg and URL in msg and str(folder) in msg

    respx.reset()
    _serve(lambda url: 403 if "?ch=" in url else 200)  # the front page comes through, the chapters do not
    with pytest.raises(FetchError) as info:
        fetch_web_document(URL, folder, store=tmp_path / "store", pause=0.0)
    msg = str(info.value)
    assert all(f"{URL}?ch={n}" in msg for n in range(1, 11)) and str(folder) in msg and "\n" not in msg
    assert (folder / "index.html").is_file()


@respx.mock(assert_all_called=False)
def test_pages_saved_by_a_browser_are_verified_and_used(tmp_path):
    folder = tmp_path / "plan-2019"
    shutil.copytree(BROWSER, folder)
    result = fetch_web_document(BROWSER_URL, folder, store=tmp_path / "store", pause=0.0)
    assert not respx.calls  # nothing asked from the site
    assert len(result.adopted) == 7 and not result.downloaded
    front = next(folder.glob("Handlingsplan*.html"))
    assert Provenance.read(provenance_path(front)).method == "manual"

    shutil.copy(DOC / "ch-4.html", folder / "ch-4.html")  # a page of another document
    with pytest.raises(WebDocumentError) as info:
        fetch_web_document(BROWSER_URL, folder, store=tmp_path / "store", pause=0.0)
    assert str(info.value).startswith(str(folder / "ch-4.html")) and "id9900001" in str(info.value)


def _corpus(tmp_path: Path, extra: str = "") -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "manifest.toml").write_text(f'''
[[source]]
id = "plan-2025"
kind = "plan"
format = "web"
title = "Strategi mot menneskehandel og utnytting (2025–2030)"
url = "{URL}"
{extra}''', encoding="utf-8")
    return root


@respx.mock
def test_the_manifest_names_a_web_document_by_its_front_page(tmp_path):
    _serve()
    manifest = load_manifest(_corpus(tmp_path) / "manifest.toml")
    (source,) = manifest.sources
    assert source.is_web_document and [s.id for s in sources_to_fetch(manifest)] == ["plan-2025"]
    assert local_file(manifest, source) is None
    (outcome,) = fetch_missing_sources(manifest, retry_delays=())
    assert outcome.ok and Path(outcome.path) == download_path(manifest, source) == manifest.root / "downloads" / "plan-2025"
    assert sources_to_fetch(manifest) == []  # complete: nothing left to fetch
    (job,), notes = jobs_from_manifest(manifest)
    assert not notes and job.path == local_file(manifest, source) and job.local_name == "downloads/plan-2025"
    result = extract_job(job)
    assert result.document_id == "plan-2025" and len(result.plan.measures) == 23
    assert result.plan.document.local_path == "downloads/plan-2025" and result.plan.document.source_format == "html"


@respx.mock
def test_offline_fetch_tells_what_to_save_where(tmp_path):
    respx.get(url__startswith="https://www.regjeringen.no/").mock(side_effect=httpx.ConnectError("offline"))
    manifest = load_manifest(_corpus(tmp_path) / "manifest.toml")
    (outcome,) = fetch_missing_sources(manifest, retry_delays=())
    folder = manifest.root / "downloads" / "plan-2025"
    assert not outcome.ok and URL in outcome.message and str(folder) in outcome.message and "\n" not in outcome.message
    # the user saves the pages there from a browser; the next run checks and uses them, without a request
    shutil.copytree(DOC, folder, ignore=shutil.ignore_patterns("*.json"), dirs_exist_ok=True)
    assert sources_to_fetch(manifest) == []
    (job,), _notes = jobs_from_manifest(manifest)
    assert len(extract_job(job).plan.measures) == 23


@pytest.mark.parametrize("extra, kind, message", [
    ('landing_page = "lp"\n[[source]]\nid = "lp"\nkind = "landing_page"\ntitle = "x"\nurl = "https://www.regjeringen.no/no/x/id1/"',
     "plan", "has no landing_page"),
    ('', "press_release", "cannot have format"),
])
def test_manifest_format_is_checked(tmp_path, extra, kind, message):
    root = _corpus(tmp_path, extra)
    text = (root / "manifest.toml").read_text(encoding="utf-8").replace('kind = "plan"', f'kind = "{kind}"', 1)
    (root / "manifest.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=message):
        load_manifest(root / "manifest.toml")


def test_manifest_web_url_must_name_a_document(tmp_path):
    root = _corpus(tmp_path)
    text = (root / "manifest.toml").read_text(encoding="utf-8").replace(URL, "https://www.regjeringen.no/no/dokumenter/")
    (root / "manifest.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match="not a regjeringen.no document address"):
        load_manifest(root / "manifest.toml")
