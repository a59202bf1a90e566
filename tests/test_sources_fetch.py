"""Fetching with provenance (pipeline.sources.http), against respx-served responses."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import respx

from pipeline.errors import FetchError, InputFileError
from pipeline.storage.files import sha256_file
from pipeline.sources.downloads import fetch_plan_via_landing_page
from pipeline.sources.press_release import find_plan_pdf_links
from pipeline.sources.http import (
    USER_AGENT,
    Provenance,
    adopt_manual_download,
    check_for_update,
    fetch,
    provenance_path,
    store_path_for,
)

HTTP = Path(__file__).resolve().parent / "data" / "http"
RESPONSES = json.loads((HTTP / "responses.json").read_text(encoding="utf-8"))
PDF_URL = "https://www.regjeringen.no/contentassets/0a1b2c3d4e5f60718293a4b5c6d7e8f9/eksempelplan-vold-2019.pdf"
LP_URL = "https://www.regjeringen.no/no/dokumenter/eksempelplan-syntetisk/id0000003/"


def response(name: str) -> httpx.Response:
    spec = RESPONSES[name]
    body = (HTTP / spec["body"]).read_bytes() if spec["body"] else b""
    return httpx.Response(spec["status"], headers=spec["headers"], content=body)


@respx.mock
def test_success_with_provenance(tmp_path):
    route = respx.get(PDF_URL).mock(return_value=response("plan_pdf"))
    dest = tmp_path / "corpus" / "plan.pdf"
    r = fetch(PDF_URL, store=tmp_path / "store", dest=dest, expect="pdf")
    sha = sha256_file(HTTP / "eksempelplan-syntetisk.pdf")
    assert r.path == dest and dest.read_bytes() == (HTTP / "eksempelplan-syntetisk.pdf").read_bytes()
    assert r.store_path == store_path_for(tmp_path / "store", sha, "pdf") and r.store_path.is_file()
    assert r.store_path.parent.name == sha[:2] and not r.already_had
    prov = Provenance.read(provenance_path(dest))
    assert prov == r.provenance
    assert (prov.status, prov.sha256, prov.etag, prov.final_url) == (200, sha, '"plan-v1"', PDF_URL)
    assert prov.last_modified == "Fri, 15 Mar 2019 10:00:00 GMT" and prov.retrieved_at.endswith("+00:00")
    assert route.calls.last.request.headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("tiltak/") and "research pipeline" in USER_AGENT
    assert not list((tmp_path / "store" / ".tmp").iterdir())  # no temp files left


@respx.mock
def test_same_content_twice_recognised(tmp_path):
    respx.get(PDF_URL).mock(return_value=response("plan_pdf"))
    other = "https://www.regjeringen.no/contentassets/ffff/kopi.pdf"
    respx.get(other).mock(return_value=response("plan_pdf_octet_stream"))
    a = fetch(PDF_URL, store=tmp_path / "store", expect="pdf")
    b = fetch(other, store=tmp_path / "store", dest=tmp_path / "b.pdf", expect="pdf")
    assert not a.already_had and b.already_had and a.store_path == b.store_path
    assert len(list((tmp_path / "store").glob("*/*.pdf"))) == 1


@respx.mock
def test_404(tmp_path):
    respx.get(PDF_URL).mock(return_value=response("not_found"))
    with pytest.raises(FetchError, match="not found \\(HTTP 404\\)") as exc:
        fetch(PDF_URL, store=tmp_path, expect="pdf")
    assert exc.value.status == 404 and not exc.value.retryable and "manifest.toml" in str(exc.value)


@respx.mock
def test_403_bot_wall_says_what_to_do(tmp_path):
    respx.get(PDF_URL).mock(return_value=response("bot_wall"))
    dest = tmp_path / "corpus" / "plan-2019.pdf"
    with pytest.raises(FetchError) as exc:
        fetch(PDF_URL, store=tmp_path / "store", dest=dest, expect="pdf")
    msg = str(exc.value)
    assert "HTTP 403" in msg and f"open {PDF_URL} in a browser" in msg and f"save it as {dest}" in msg
    assert "\n" not in msg and not dest.exists()


@respx.mock
def test_timeout_and_offline(tmp_path):
    """A timeout after connecting may pass (retryable); no connection at all (offline, DNS, refused,
    connect timeout) means the host is unreachable for this run: not retryable."""
    respx.get(PDF_URL).mock(side_effect=httpx.ReadTimeout("timed out"))
    with pytest.raises(FetchError, match="timed out") as exc:
        fetch(PDF_URL, store=tmp_path, dest=tmp_path / "p.pdf")
    assert exc.value.retryable and not exc.value.unreachable and "in a browser" in str(exc.value)
    for error in (httpx.ConnectError("no route"), httpx.ConnectTimeout("timed out")):
        respx.get(LP_URL).mock(side_effect=error)
        with pytest.raises(FetchError, match="offline") as exc:
            fetch(LP_URL, store=tmp_path)
        assert exc.value.unreachable and not exc.value.retryable


@respx.mock
def test_html_where_pdf_promised(tmp_path):
    respx.get(PDF_URL).mock(return_value=response("html_instead_of_pdf"))
    with pytest.raises(FetchError, match="expected a PDF .* but got an HTML page"):
        fetch(PDF_URL, store=tmp_path / "store", dest=tmp_path / "p.pdf", expect="pdf")
    assert not (tmp_path / "p.pdf").exists()
    assert not list((tmp_path / "store").rglob("*.pdf")) and not list((tmp_path / "store").rglob("*.html"))


@respx.mock
def test_oversize_declared_and_streamed(tmp_path):
    respx.get(PDF_URL).mock(return_value=response("plan_pdf"))
    with pytest.raises(FetchError, match="above the"):
        fetch(PDF_URL, store=tmp_path, expect="pdf", max_bytes=100)

    def streamed(request):
        return httpx.Response(200, headers={"content-type": "application/pdf"},
                              stream=httpx.ByteStream(b"%PDF-1.4\n" + b"0" * 5000))

    respx.get(PDF_URL).mock(side_effect=streamed)
    with pytest.raises(FetchError, match="exceeded the"):
        fetch(PDF_URL, store=tmp_path / "s", expect="pdf", max_bytes=1000)
    assert not list((tmp_path / "s" / ".tmp").iterdir())


@respx.mock
def test_redirects(tmp_path):
    start = "https://www.regjeringen.no/plan"
    respx.get(start).mock(return_value=response("redirect_to_http"))
    with pytest.raises(FetchError, match="non-https"):
        fetch(start, store=tmp_path, expect="pdf")
    start2 = "https://www.regjeringen.no/plan2"
    respx.get(start2).mock(return_value=response("redirect_to_https"))
    respx.get(PDF_URL).mock(return_value=response("plan_pdf"))
    r = fetch(start2, store=tmp_path, expect="pdf")
    assert r.provenance.final_url == PDF_URL and r.provenance.redirects == [PDF_URL]
    with pytest.raises(FetchError, match="not https"):
        fetch("http://www.regjeringen.no/x.pdf", store=tmp_path)


@respx.mock
def test_check_for_update(tmp_path):
    respx.get(PDF_URL).mock(return_value=response("plan_pdf"))
    first = fetch(PDF_URL, store=tmp_path, dest=tmp_path / "p.pdf", expect="pdf")
    route = respx.get(PDF_URL).mock(return_value=response("not_modified"))
    u = check_for_update(PDF_URL, provenance_path(tmp_path / "p.pdf"))
    assert (u.changed, u.status, u.reason) == (False, 304, "not-modified")
    sent = route.calls.last.request.headers
    assert sent["if-none-match"] == '"plan-v1"' and sent["if-modified-since"] == "Fri, 15 Mar 2019 10:00:00 GMT"
    # a server that ignores conditional headers and sends the same bytes: unchanged
    respx.get(PDF_URL).mock(return_value=response("plan_pdf_octet_stream"))
    u = check_for_update(PDF_URL, first.provenance)
    assert (u.changed, u.reason, u.sha256) == (False, "same-content", first.provenance.sha256)
    respx.get(PDF_URL).mock(return_value=response("plan_pdf_revised"))
    u = check_for_update(PDF_URL, first.provenance.to_dict())
    assert u.changed and u.reason == "new-content" and u.etag == '"plan-v2"'


@respx.mock
def test_plan_via_landing_page(tmp_path):
    respx.get(LP_URL).mock(return_value=response("landing_page"))
    respx.get(PDF_URL).mock(return_value=response("plan_pdf"))
    page, pdf, link = fetch_plan_via_landing_page(LP_URL, store=tmp_path / "store",
                                                  plan_dest=tmp_path / "plan.pdf",
                                                  landing_dest=tmp_path / "lp.html")
    assert link.url == PDF_URL and link.text.endswith("(PDF, 2 mb)")
    assert page.store_path.suffix == ".html" and pdf.path == tmp_path / "plan.pdf"
    assert (tmp_path / "plan.pdf.provenance.json").is_file() and (tmp_path / "lp.html.provenance.json").is_file()


def test_find_plan_pdf_links_not_hard_coded():
    html = (HTTP.parent / "html" / "landingsside-syntetisk.html").read_text(encoding="utf-8")
    links = find_plan_pdf_links(html, "https://www.regjeringen.no/no/dokumenter/annen/id9/")
    assert [x.url for x in links] == [PDF_URL, PDF_URL.replace("eksempelplan-vold-2019", "sammendrag-eksempelplan")]
    assert "personvern.pdf" not in " ".join(x.url for x in links)  # footer link outside the article


def test_manual_download(tmp_path):
    good = tmp_path / "plan.pdf"
    good.write_bytes((HTTP / "eksempelplan-syntetisk.pdf").read_bytes())
    r = adopt_manual_download(good, url=PDF_URL, store=tmp_path / "store")
    assert r.provenance.method == "manual" and r.store_path.is_file()
    assert Provenance.read(provenance_path(good)).sha256 == sha256_file(good)
    with pytest.raises(InputFileError, match="differs from the expected"):
        adopt_manual_download(good, url=PDF_URL, expected_sha256="0" * 64)
    bad = tmp_path / "saved-page.pdf"
    bad.write_bytes((HTTP / "bot-wall-403.html").read_bytes())
    with pytest.raises(InputFileError, match="expected a PDF but the file is an HTML page"):
        adopt_manual_download(bad, url=PDF_URL)
