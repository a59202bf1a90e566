"""OCR is optional: it reports what is missing, and works when tesseract + nor are present."""

from __future__ import annotations

import shutil

import pytest

import pdfs_small as P
from pipeline.errors import PdfError
from pipeline.layout.ocr import ocr_pdf, ocr_status


def test_status_explains_what_is_missing():
    st = ocr_status()
    if not st.available:
        assert st.backend is None and ("tesseract" in st.reason or "ocrmypdf" in st.reason)
    else:
        assert st.backend in ("ocrmypdf", "pytesseract") and st.reason == "ok"


def test_ocr_unavailable_is_a_one_line_pdf_error(tmp_path):
    if ocr_status().available:
        pytest.skip("OCR is available here")
    scan = P.image_only(tmp_path / "scan.pdf", pages=1)
    with pytest.raises(PdfError) as ei:
        ocr_pdf(scan)
    assert "cannot OCR" in str(ei.value) and "\n" not in str(ei.value)


@pytest.mark.ocr
@pytest.mark.skipif(not shutil.which("tesseract") or not ocr_status().available, reason="needs tesseract + nor")
def test_ocr_adds_a_text_layer(tmp_path):
    from pipeline.layout import read_pdf

    from reportlab.pdfgen import canvas

    # render text as an image-only page: draw, rasterise with PDFium, embed the picture
    import pypdfium2 as pdfium

    src = P.partly_scanned(tmp_path / "src.pdf")
    img = pdfium.PdfDocument(str(src))[0].render(scale=4).to_pil()
    img_path = tmp_path / "page.png"
    img.save(img_path)
    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.drawImage(str(img_path), 0, 0, width=595, height=842)
    c.showPage()
    c.save()
    out = ocr_pdf(tmp_path / "scan.pdf")
    doc = read_pdf(out, is_word=None)
    assert "side har tekst" in " ".join(b.text for b in doc.blocks)
