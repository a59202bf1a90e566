"""Hostile HTML and text sources through ``extract_job``: one-line messages, damaged input flagged."""

from __future__ import annotations

import pytest

import hostile as H
from pipeline.errors import InputFileError, NotAnArticleError, TiltakError
from pipeline.documents.extract import SourceJob, extract_job
from pipeline.sources.articles import MAX_ARTICLE_BYTES


def extract(path, **job):
    return extract_job(SourceJob(path=path, document_id=path.stem, **job))


def fails(path, exc_type=TiltakError, **job) -> str:
    with pytest.raises(exc_type) as info:
        extract(path, **job)
    msg = str(info.value)
    assert "\n" not in msg and msg.startswith(str(path)), msg
    assert msg.endswith(")"), msg  # a hint in brackets says what to do
    return msg


def test_not_a_regjeringen_page(tmp_path):
    page = H.write_text(tmp_path / "blogg.html", H.html_page("En blogg", "<p>Om menneskehandel.</p>", template=False))
    assert "not a regjeringen.no article page" in fails(page, NotAnArticleError)


def test_page_without_body(tmp_path):
    bare = H.write_text(tmp_path / "tom.html", '<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head></html>')
    fails(bare, NotAnArticleError)
    no_text = H.write_text(
        tmp_path / "uten-tekst.html",
        '<!DOCTYPE html><html><body><header class="article-header"><h1>Tittel</h1></header>'
        '<div class="article-body"></div></body></html>',
    )
    assert "no body text" in fails(no_text, NotAnArticleError)


def test_latin1_bytes_in_a_page_declared_utf8_are_decoded(tmp_path):
    page = H.broken_encoding_html(tmp_path / "latin1.html")
    from pipeline.sources import read_article

    body = read_article(page).body
    assert "få bedre bistand i hele landet" in body and "\ufffd" not in body
    result = extract(page)
    assert not [w for w in result.warnings if "U+FFFD" in w]
    assert result.press.document.stated_measure_count == 26
    assert result.press.document.publisher_ministry_id == "justice"


def test_partly_damaged_encoding_is_reported_as_a_warning(tmp_path):
    page = H.mixed_encoding_html(tmp_path / "blandet.html")
    result = extract(page)
    assert result.kind == "press_release"
    warn = [w for w in result.warnings if "U+FFFD" in w]
    assert len(warn) == 1 and str(page) in warn[0] and "\n" not in warn[0]


def test_enormous_page_is_refused_before_reading(tmp_path):
    big = H.enormous_html(tmp_path / "enorm.html", MAX_ARTICLE_BYTES + 1024)
    msg = fails(big, InputFileError)
    assert "MB limit for article pages" in msg


def test_script_and_style_are_ignored(tmp_path):
    page = H.write_text(
        tmp_path / "skript.html",
        H.html_page(
            "Styrket samarbeid (syntetisk)",
            "<script>var tiltak = 99; document.write('Statsråd X sier 77 tiltak');</script>"
            "<style>p { color: red } .tiltak::after { content: '55 tiltak' }</style>"
            "<p>Regjeringen legger fram en plan med 26 tiltak.</p><noscript>Slå på JavaScript.</noscript>",
            head_extra="<script>window.tiltak = 12;</script><style>body{}</style>",
        ),
    )
    from pipeline.sources import read_article

    article = read_article(page)
    for junk in ("var tiltak", "color: red", "55 tiltak", "window.tiltak", "JavaScript"):
        assert junk not in article.body and junk not in (article.ingress or "")
    assert extract(page).press.document.stated_measure_count == 26


def test_binary_garbage_named_html(tmp_path):
    junk = tmp_path / "side.html"
    junk.write_bytes(b"\x00\x01\x02\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    msg = fails(junk)
    assert "binary" in msg or "unrecognised" in msg


def test_article_saved_under_a_pdf_name_is_read_when_declared(tmp_path):
    """A press release page saved as .pdf: refused as "not a PDF" when undeclared, read when the
    manifest says it is a press release (only a real PDF contradicts the declared kind)."""
    page = H.write_text(
        tmp_path / "pressemelding.pdf",
        H.html_page("Styrket samarbeid (syntetisk)", "<p>Regjeringen legger fram en plan med 26 tiltak.</p>"),
    )
    assert "HTML page, not a PDF" in fails(page)
    result = extract(page, kind="press_release")
    assert result.kind == "press_release" and result.press.document.stated_measure_count == 26
