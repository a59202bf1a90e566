"""Bad input gives one-line PdfError messages that name the file and say what to do."""

from __future__ import annotations

import time

import pytest

import pdfs_small as P
from pipeline.errors import NoTextLayerError, PdfError, ResourceLimitError
from pipeline.layout import read_pdf

ENGINES = ["auto", "pdfplumber", "pdfium"]


@pytest.fixture(scope="module")
def d(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    ok = P.two_column(d / "ok.pdf")
    src = ok.read_bytes()
    (d / "text.pdf").write_text("Dette er ikke en PDF, bare tekst.\n")
    (d / "page.pdf").write_text("<!DOCTYPE html><html><body>regjeringen.no</body></html>")
    (d / "empty.pdf").write_bytes(b"")
    (d / "half.pdf").write_bytes(src[: len(src) // 2])
    (d / "noxref.pdf").write_bytes(src[: src.rindex(b"xref")])
    start = src.rindex(b"startxref")
    (d / "badxref.pdf").write_bytes(src[:start] + b"startxref\n99\n%%EOF\n")
    P.encrypted(d / "locked.pdf", "hemmelig")
    P.encrypted(d / "open_enc.pdf", "")
    P.zero_pages(d / "zero.pdf")
    P.image_only(d / "scan.pdf", pages=3)
    P.partly_scanned(d / "partial.pdf")
    return d


def _err(path, engine, exc=PdfError, **kw):
    with pytest.raises(exc) as ei:
        read_pdf(path, engine, is_word=None, **kw)
    msg = str(ei.value)
    assert "\n" not in msg and str(path) in msg
    return msg


@pytest.mark.parametrize("engine", ENGINES)
def test_not_a_pdf(d, engine):
    assert "not a PDF" in _err(d / "text.pdf", engine)
    assert "HTML" in _err(d / "page.pdf", engine)
    assert "empty file" in _err(d / "empty.pdf", engine)
    assert "not found" in _err(d / "missing.pdf", engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_truncated_and_damaged(d, engine):
    msg = _err(d / "half.pdf", engine)
    assert "truncated" in msg and "download it again" in msg
    doc = read_pdf(d / "noxref.pdf", engine, is_word=None)  # recoverable: text read, with a warning
    assert any("truncated" in w for w in doc.warnings)
    assert doc.blocks[0].text == "Del 1 Bedre samarbeid mellom etatene"
    doc = read_pdf(d / "badxref.pdf", engine, is_word=None)
    assert any("cross-reference" in w for w in doc.warnings)
    assert len(doc.blocks) == len(P.TWO_COLUMN_EXPECTED)


@pytest.mark.parametrize("engine", ENGINES)
def test_encrypted(d, engine):
    msg = _err(d / "locked.pdf", engine)
    assert "encrypted" in msg and "qpdf --decrypt" in msg
    doc = read_pdf(d / "open_enc.pdf", engine, is_word=None)
    assert doc.blocks[0].text == "Kryptert eksempeldokument (syntetisk)."
    assert any("empty user password" in w for w in doc.warnings)


@pytest.mark.parametrize("engine", ENGINES)
def test_zero_pages(d, engine):
    assert "no pages" in _err(d / "zero.pdf", engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_text_layer(d, engine):
    msg = _err(d / "scan.pdf", engine, NoTextLayerError)
    assert "no text layer on pages 1–3" in msg and "OCR" in msg and "tesseract" in msg
    doc = read_pdf(d / "partial.pdf", engine, is_word=None)
    assert doc.pages_without_text == [2]
    assert [b.text for b in doc.blocks] == ["Første side har tekst.", "Tredje side har tekst."]
    assert doc.warnings == ["no text layer on page 2 (needs OCR: tiltak extract --ocr, needs tesseract with Norwegian data)"]


def test_limits(d):
    ok = d / "ok.pdf"
    assert "limit of 1" in _err(ok, "auto", ResourceLimitError, max_pages=1)
    assert "characters" in _err(ok, "auto", ResourceLimitError, max_chars_per_page=50)
    assert "time budget" in _err(ok, "auto", ResourceLimitError, deadline=time.monotonic() - 1)
    assert "time budget" in _err(ok, "auto", ResourceLimitError, time_budget=0)
    assert len(read_pdf(ok, "auto", is_word=None, time_budget=60).blocks) == len(P.TWO_COLUMN_EXPECTED)


def test_unknown_engine(d):
    with pytest.raises(ValueError):
        read_pdf(d / "ok.pdf", "tesseract")


def test_mutated_files_never_raise_anything_but_tiltak_errors(d):
    import random

    from pipeline.errors import TiltakError

    src = (d / "ok.pdf").read_bytes()
    rng = random.Random(7)
    for k in range(8):
        b = bytearray(src)
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(b))
            if rng.random() < 0.6:
                b[i] = rng.randrange(256)
            else:
                del b[i:i + rng.randint(1, 300)]
        path = d / f"mutated{k}.pdf"
        path.write_bytes(bytes(b))
        for engine in ("pdfium", "pdfplumber"):
            try:
                doc = read_pdf(path, engine, is_word=None, time_budget=30)
            except TiltakError as exc:
                assert "\n" not in str(exc) and str(path) in str(exc)
            else:
                assert doc.page_count >= 1
