"""Reading regjeringen.no articles from HTML and text (pipeline.sources.articles & co)."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import InputFileError, NotAnArticleError
from pipeline.sources.articles import read_article
from pipeline.sources.encoding import SourceWarning
from pipeline.sources.regjeringen_html import government_from_url, parse_html_article

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "tests" / "data" / "html"
SEED = ROOT / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
REAL = ROOT.parent / "shared" / "data" / "regjeringen-html" / "horing-id3167072.html"  # ../shared next to the project root


@pytest.mark.skipif(not REAL.exists(), reason=f"real regjeringen.no page not available at {REAL} (../shared next to the project root)")
def test_real_current_template_page():
    a = read_article(REAL)
    assert a.title == "Kort høring - Avskogingsforordningen og forbud mot eksport til tredjeland"
    assert a.doc_type == "Høring"
    assert a.published == date(2026, 7, 3)
    assert a.publisher_name == "Klima- og miljødepartementet"
    assert a.ingress.startswith("Denne høringen gjelder innføring av forbud mot eksport")
    assert a.source_url == ("https://www.regjeringen.no/no/dokumenter/kort-horing-avskogingsforordningen-og-forbud-"
                            "mot-eksport-til-tredjeland/id3167072/")
    assert not a.historical  # "Historisk arkiv" only appears in the site menu
    assert [(x.url, x.text, x.is_pdf) for x in a.attachments] == [(
        "https://www.regjeringen.no/contentassets/b04cfc23c69343ef800ce6a45f8cc456/"
        "horingsnotat-avskogingsforordningen-eksport-til-tredjeland-03.07.2026.pdf",
        "Høringsnotat (pdf)", True)]
    paragraphs = a.body.split("\n\n")
    assert "Høringsfrist: 07.08.2026" in paragraphs
    assert "Høringsbrev" in paragraphs  # factbox heading kept as its own paragraph
    assert "Ernst Inge Espeland (e.f.)\nfung. avdelingsdirektør" in a.body  # <br> kept as a line break
    assert "appInsights" not in a.body and "instrumentationKey" not in a.body  # scripts ignored
    assert "Til toppen" not in a.body and "Personvernerklæring" not in a.body  # outside article-body


def test_seed_text_article():
    a = read_article(SEED)
    assert a.title == "Styrket samarbeid mot menneskehandel"
    assert a.government == "Regjeringen Solberg"
    assert a.publisher_name == "Justis- og beredskapsdepartementet"
    assert a.historical and a.published is None and a.attachments == []
    assert a.body.startswith("Regjeringen lanserer i dag en ny handlingsplan")
    assert "• Justis- og beredskapsminister Anders Anundsen\n• Innvandrings- og integreringsminister" in a.body
    assert "\n\n• Samordnede og effektive tiltak for å beskytte og fremme ofres rettigheter\n" in a.body
    # the Norwegian quotation dash is not a bullet
    assert "\n\n– Menneskehandel er moderne slaveri" in a.body
    assert "\n\n\n" not in a.body and not a.body.endswith("\n")


def test_archive_template_2010():
    a = read_article(HTML / "pressemelding-2010-arkiv-syntetisk.html")
    assert a.title == "Eksempel: Ny handlingsplan mot menneskehandel (syntetisk testside)"
    assert a.published == date(2010, 12, 27)
    assert a.publisher_name == "Justis- og politidepartementet"
    assert a.government == "Regjeringen Stoltenberg II"
    assert a.historical and a.doc_type == "Pressemelding"
    assert "SKRIPTTEKST" not in a.body and "STILTEKST" not in a.body
    assert "Les eksempelplanen:\nEksempelplan mot menneskehandel (PDF, 800 kb)" in a.body
    # attachments only from the article, relative links made absolute, footer PDF ignored
    assert [x.url for x in a.attachments] == [
        "https://www.regjeringen.no/upload/JD/Vedlegg/eksempelplan-syntetisk-2010.pdf"]
    assert "• Barne-, likestillings- og inkluderingsminister Audun Lysbakken" in a.body


def test_current_template_2019_attachments_and_url_fallbacks():
    a = read_article(HTML / "pressemelding-2019-syntetisk.html")
    assert a.source_url == "https://www.regjeringen.no/no/aktuelt/eksempelplan-syntetisk/id0000002/"  # DC.Identifier
    assert a.publisher_name == "Justis- og beredskapsdepartementet" and a.doc_type == "Pressemelding"
    assert a.government is None and not a.historical
    texts = [(x.text, x.is_pdf) for x in a.attachments]
    assert texts == [("Sammendrag (pdf)", True), ("Eksempelplan mot vold i nære relasjoner (PDF, 2 mb)", True)]
    assert all(x.url.startswith("https://www.regjeringen.no/contentassets/") for x in a.attachments)
    assert "Bedre samordning av tjenestene" in a.body  # &nbsp; normalised


def test_url_argument_used_as_base(tmp_path):
    html = (HTML / "landingsside-syntetisk.html").read_text(encoding="utf-8").replace(
        '<meta property="og:url" content="https://www.regjeringen.no/no/dokumenter/eksempelplan-syntetisk/id0000003/">',
        "")
    a = parse_html_article(html, url="https://www.regjeringen.no/en/dokumenter/x/id9/")
    assert a.source_url == "https://www.regjeringen.no/en/dokumenter/x/id9/"
    assert a.attachments[0].url.startswith("https://www.regjeringen.no/contentassets/")
    assert {x.is_pdf for x in a.attachments} == {True, False}  # the epub is an attachment, not a PDF


def test_not_an_article_html():
    with pytest.raises(NotAnArticleError, match="ikke-artikkel.html: not a regjeringen.no article"):
        read_article(HTML / "ikke-artikkel.html")


@pytest.mark.parametrize(
    "content, pattern",
    [
        (b"Bare en tittel\n\n", "no body text"),
        (b"", "empty"),
        (b"%PDF-1.7\n...", "PDF, not an article"),
        (b"Tittel\n\nUtgiver: Justis- og beredskapsdepartementet\n\n", "no body"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"<!DOCTYPE html><html><body><header class='article-header'><h1>T</h1></header></body></html>",
         "no body text"),
    ],
)
def test_not_articles(tmp_path, content, pattern):
    p = tmp_path / "x.txt"
    p.write_bytes(content)
    with pytest.raises(NotAnArticleError, match=pattern) as exc:
        read_article(p)
    assert str(p) in str(exc.value) and "\n" not in str(exc.value)


def test_text_copied_without_header_lines_is_read_with_a_warning(tmp_path):
    """Title, ingress and text copied from a page body (no 'Utgiver:'/'Dato:' lines): read, and the
    warning says that publisher and date are unknown."""
    p = tmp_path / "side.txt"
    p.write_text("Bare litt tekst\n\nuten overskriftslinjer, men med et avsnitt.\n", encoding="utf-8")
    with pytest.warns(SourceWarning, match="publisher and date are unknown"):
        a = read_article(p)
    assert a.title == "Bare litt tekst" and a.body == "uten overskriftslinjer, men med et avsnitt."
    assert a.publisher_name is None and a.published is None


def test_text_variants(tmp_path):
    p = tmp_path / "pm.txt"
    text = ("Eksempel: syntetisk pressemelding\n\nPressemelding | Dato: 27.12.2010 | Nr.: 1/2010\n"
            "Utgiver: Justis- og politidepartementet\n\nFørste avsnitt.\nsamme avsnitt.\n\n"
            "* punkt en\n* punkt to\n   - punkt tre\n– Et sitat, sier noen.\n")
    p.write_text(text, encoding="cp1252")
    a = read_article(p, url="https://www.regjeringen.no/no/dokumentarkiv/stoltenberg-ii/x/id1/")
    assert a.published == date(2010, 12, 27) and a.doc_type == "Pressemelding"
    assert a.publisher_name == "Justis- og politidepartementet" and a.title.startswith("Eksempel")
    assert a.body == ("Første avsnitt.\nsamme avsnitt.\n\n• punkt en\n• punkt to\n• punkt tre\n\n"
                      "– Et sitat, sier noen.")
    assert a.government == "Regjeringen Stoltenberg II" and not a.historical


def test_broken_encoding_warns(tmp_path):
    p = tmp_path / "pm.txt"
    p.write_bytes("Tittel\nUtgiver: Barne- og likestillingsdepartementet\n\nSærlig viktig.".encode() + b"\xff\xfe")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        a = read_article(p)
    assert a.publisher_name == "Barne- og likestillingsdepartementet" and "Særlig viktig." in a.body
    assert any(issubclass(w.category, SourceWarning) for w in caught)


def test_html_declared_latin1(tmp_path):
    html = ("<html><head><meta charset='iso-8859-1'></head><body><div class='article-content'>"
            "<header class='article-header'><h1>Høring om særlige tiltak</h1></header>"
            "<div class='article-body'><p>Økt innsats.</p></div></div></body></html>")
    p = tmp_path / "x.html"
    p.write_bytes(html.encode("iso-8859-1"))
    a = read_article(p)
    assert a.title == "Høring om særlige tiltak" and a.body == "Økt innsats."


def test_size_cap(tmp_path):
    p = tmp_path / "big.html"
    p.write_bytes(b"<html>" + b" " * 2048)
    with pytest.raises(InputFileError, match="above the 0 MB limit"):
        read_article(p, max_bytes=1024)
    with pytest.raises(InputFileError, match="file not found"):
        read_article(tmp_path / "missing.html")


def test_government_from_url():
    assert government_from_url("https://www.regjeringen.no/no/dokumentarkiv/regjeringen-solberg/aktuelt/x/") == \
        "Regjeringen Solberg"
    assert government_from_url("https://www.regjeringen.no/no/dokumentarkiv/regjeringen-stoltenberg-ii/x/") == \
        "Regjeringen Stoltenberg II"
    assert government_from_url("https://www.regjeringen.no/no/aktuelt/x/id1/") is None


def test_government_from_old_archive_url():
    assert government_from_url("https://www.regjeringen.no/nb/dokumentarkiv/stoltenberg-ii/jd/x/id1/") == \
        "Regjeringen Stoltenberg II"
    assert government_from_url("https://www.regjeringen.no/nb/dokumentarkiv/id115322/") is None


def test_legacy_layout_without_template_classes():
    html = """<html><head><meta charset="utf-8"><title>Eksempel (syntetisk) - regjeringen.no</title>
    <link rel="canonical" href="https://www.regjeringen.no/nb/dokumentarkiv/stoltenberg-ii/jd/eks/id1/"></head>
    <body><div id="breadcrumbs"><a href="/">Forside</a></div><div id="content">
    <h1>Eksempel: syntetisk pressemelding i eldre layout</h1>
    <p>Pressemelding | Dato: 27.12.2010</p><p>Utgiver: Justis- og politidepartementet</p>
    <p>Brødtekst om trettifem tiltak.</p><ul><li>Punkt</li></ul>
    <p><a href="/upload/JD/eks.pdf">Eksempelplan (PDF, 1 mb)</a></p></div></body></html>"""
    a = parse_html_article(html)
    assert a.title == "Eksempel: syntetisk pressemelding i eldre layout"
    assert a.published == date(2010, 12, 27) and a.publisher_name == "Justis- og politidepartementet"
    assert a.government == "Regjeringen Stoltenberg II" and a.historical
    assert a.body == "Brødtekst om trettifem tiltak.\n\n• Punkt\n\nEksempelplan (PDF, 1 mb)"
    assert a.attachments[0].url == "https://www.regjeringen.no/upload/JD/eks.pdf"


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.errors import TiltakError  # noqa: E402
from pipeline.sources.articles import parse_article_bytes  # noqa: E402

_fragments = st.sampled_from([
    b"<html>", b"<body>", b"<header class='article-header'>", b"<h1>", b"</h1>", b"</header>",
    b"<div class='article-body'>", b"<p>", b"</p>", b"<ul><li>", b"</li></ul>", b"</div>", b"<script>x</script>",
    b"Utgiver: ", b"Dato: 27.12.2010", b"\n", b"\n\n", b"  \xe2\x80\xa2 ", b"Tittel", b"\xff", b"\xc3\xb8",
    b"<a href='/contentassets/a/b.pdf'>Plan</a> (pdf)", b"Publisert under: Regjeringen Solberg",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_fragments, max_size=30).map(b"".join))
def test_reader_never_crashes(data):
    """Arbitrary mixes of markup and text either parse to an Article or raise a TiltakError."""
    import warnings as _w

    with _w.catch_warnings():
        _w.simplefilter("ignore")
        try:
            a = parse_article_bytes(data, path="fuzz.html")
        except TiltakError as exc:
            assert "\n" not in str(exc)
            return
    assert a.title and isinstance(a.body, str)
    assert "\n\n\n" not in a.body


def test_text_type_line_before_title(tmp_path):
    p = tmp_path / "pm.txt"
    p.write_text("Pressemelding\nEksempeltittel (syntetisk)\nDato: 27. desember 2010\n\nTekst.\n", encoding="utf-8")
    a = read_article(p)
    assert (a.doc_type, a.title, a.published, a.body) == ("Pressemelding", "Eksempeltittel (syntetisk)",
                                                          date(2010, 12, 27), "Tekst.")


def test_nynorsk_labels(tmp_path):
    p = tmp_path / "pm.txt"
    p.write_text("Eksempel (syntetisk)\nUtgjevar: Kunnskapsdepartementet\nDato: 01.02.2020\n\nTekst.\n",
                 encoding="utf-8")
    assert read_article(p).publisher_name == "Kunnskapsdepartementet"
    html = ("<html><body><div class='article-content'><header class='article-header'><h1>T</h1></header>"
            "<div class='article-info'><p>Utgjevar: Kunnskapsdepartementet</p></div>"
            "<div class='article-body'><p>Tekst.</p></div></div></body></html>")
    assert parse_html_article(html).publisher_name == "Kunnskapsdepartementet"
