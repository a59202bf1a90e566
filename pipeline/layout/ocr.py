"""Optional OCR for scanned plans (no text layer).

Available only when the ``tesseract`` binary with Norwegian data (``nor``) is on PATH and
either ``ocrmypdf`` or ``pytesseract`` is installed. Nothing here is installed by tiltak;
:func:`ocr_status` says what is missing, :func:`ocr_pdf` makes a searchable copy of a PDF.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PdfError

LANG = "nor"


@dataclass(frozen=True)
class OcrStatus:
    available: bool
    backend: str | None  # "ocrmypdf" or "pytesseract"
    reason: str  # what is missing, or "ok"


def tesseract_languages() -> list[str]:
    exe = shutil.which("tesseract")
    if not exe:
        return []
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return []
    lines = (out.stdout or out.stderr).splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lower().startswith("list of")]


def ocr_status() -> OcrStatus:
    """Whether OCR can run here, and with which backend."""
    if not shutil.which("tesseract"):
        return OcrStatus(False, None, "tesseract is not installed (e.g. apt-get install tesseract-ocr tesseract-ocr-nor)")
    if LANG not in tesseract_languages():
        return OcrStatus(False, None, "tesseract has no Norwegian data (install tesseract-ocr-nor)")
    if importlib.util.find_spec("ocrmypdf") is not None:
        return OcrStatus(True, "ocrmypdf", "ok")
    if importlib.util.find_spec("pytesseract") is not None:
        return OcrStatus(True, "pytesseract", "ok")
    return OcrStatus(False, None, "neither ocrmypdf nor pytesseract is installed (pip install ocrmypdf)")


def ocr_pdf(path: str | Path, out: str | Path | None = None, *, dpi: int = 300) -> Path:
    """Write a copy of ``path`` with an OCR text layer (Norwegian) and return its path.

    Raises :class:`PdfError` with what to install when OCR is unavailable or fails.
    """
    path = Path(path)
    st = ocr_status()
    if not st.available:
        raise PdfError(f"cannot OCR: {st.reason}", path=path, hint="or supply a PDF with a text layer")
    out = Path(out) if out else Path(tempfile.mkdtemp(prefix="tiltak-ocr-")) / f"{path.stem}.ocr.pdf"
    try:
        if st.backend == "ocrmypdf":
            import ocrmypdf  # type: ignore[import-not-found]

            ocrmypdf.ocr(str(path), str(out), language=LANG, skip_text=True, progress_bar=False)
        else:
            _ocr_with_pytesseract(path, out, dpi)
    except PdfError:
        raise
    except Exception as exc:
        raise PdfError(f"OCR failed ({type(exc).__name__}: {exc})"[:300], path=path,
                       hint="check the tesseract installation") from None
    return out


def _ocr_with_pytesseract(path: Path, out: Path, dpi: int) -> None:
    """Render pages (PDFium, via the engine module), OCR each with tesseract, merge the pages."""
    import pytesseract  # type: ignore[import-not-found]

    from pipeline.layout.engines.pdfium import merge_pdf_pages, render_pages

    pages = [pytesseract.image_to_pdf_or_hocr(img, lang=LANG, extension="pdf") for img in render_pages(path, dpi)]
    merge_pdf_pages(pages, out)
