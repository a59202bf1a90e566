"""Hostile and broken PDFs through the real entry point: ``extract_job`` under ``run_with_budget``.

Every case must end in a document result (with a warning where something was repaired) or in a
``TiltakError`` whose message is one line naming the file and saying what to do; never a
traceback, never a hang. The PDF layer's own unit tests (tests/test_pdf_errors.py) cover
``read_pdf``; here the whole job runs in the forked, budgeted worker the CLI and flows use.
"""

from __future__ import annotations

import time

import pytest

import hostile as H
import pdfs_small as P
from pipeline.runs.budget import Budget, run_with_budget
from pipeline.errors import NoTextLayerError, PdfError, ResourceLimitError, TiltakError
from pipeline.documents.extract import SourceJob, extract_job

BUDGET = Budget(timeout_s=60, memory_mb=1500)


@pytest.fixture(scope="module", autouse=True)
def warm():
    H.warm_pipeline()


@pytest.fixture(scope="module")
def d(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile-pdf")
    src = P.two_column(d / "ok.pdf").read_bytes()
    H.truncated(d / "truncated.pdf", src, 0.5)
    H.corrupt_xref(d / "badxref.pdf", src)
    H.encrypted(d / "open-encrypted.pdf", "")
    H.encrypted(d / "locked.pdf", "hemmelig")
    H.zero_pages(d / "zero.pdf")
    H.image_only(d / "scan.pdf", pages=3)
    H.one_page_pdf(d / "plan-saved-as.txt")
    H.write_text(d / "landing-page.pdf", H.html_page("Handlingsplan (syntetisk)"))
    H.write_text(d / "notes.pdf", "Notater, ikke en PDF. Eksempelplan – syntetisk testdokument.\n")
    return d


def run(path, budget: Budget = BUDGET, **job):
    return run_with_budget(extract_job, SourceJob(path=path, document_id=path.stem, **job), budget=budget, label=str(path))


def fails(path, exc_type=TiltakError, budget: Budget = BUDGET) -> str:
    with pytest.raises(exc_type) as info:
        run(path, budget)
    msg = str(info.value)
    assert "\n" not in msg and "Traceback" not in msg, msg
    assert msg.startswith(str(path)), msg  # names the file first
    assert "(" in msg and msg.endswith(")"), msg  # and carries a hint
    return msg


def test_truncated_download(d):
    msg = fails(d / "truncated.pdf", PdfError)
    assert "truncated" in msg and "download it again" in msg


def test_corrupt_cross_reference_table_is_rebuilt_with_a_warning(d):
    result = run(d / "badxref.pdf")
    assert result.kind == "plan" and result.plan.document.page_count == 2
    assert any("cross-reference" in w for w in result.warnings)
    assert all("\n" not in w for w in result.warnings)


def test_encrypted_with_empty_user_password_opens_with_a_warning(d):
    result = run(d / "open-encrypted.pdf")
    assert result.kind == "plan"
    assert any("empty user password" in w for w in result.warnings)


def test_encrypted_with_a_password_says_how_to_decrypt(d):
    msg = fails(d / "locked.pdf", PdfError)
    assert "encrypted" in msg and "qpdf --decrypt" in msg


def test_zero_pages(d):
    assert "no pages" in fails(d / "zero.pdf", PdfError)


def test_images_only_needs_ocr(d):
    msg = fails(d / "scan.pdf", NoTextLayerError)
    assert "no text layer on pages 1–3" in msg and "OCR" in msg


def test_pdf_named_txt_is_read_as_a_pdf(d):
    result = run(d / "plan-saved-as.txt")
    assert result.kind == "plan" and result.plan.document.page_count == 1


def test_html_named_pdf_gets_a_clear_message(d):
    msg = fails(d / "landing-page.pdf", PdfError)
    assert "HTML page, not a PDF" in msg


def test_text_named_pdf_gets_a_clear_message(d):
    assert "not a PDF" in fails(d / "notes.pdf", PdfError)


def test_declared_press_release_but_pdf_content(d):
    with pytest.raises(TiltakError, match="declared as press_release but is a PDF"):
        run(d / "plan-saved-as.txt", kind="press_release")


def test_decompression_bomb_stops_within_the_budget(tmp_path):
    bomb = H.decompression_bomb(tmp_path / "bomb.pdf")  # 7 KB inflating to 4 GiB
    assert bomb.stat().st_size < 20_000
    budget = Budget(timeout_s=20, memory_mb=1024)
    t0 = time.monotonic()
    try:
        result = run(bomb, budget)
    except TiltakError as exc:
        msg = str(exc)
        assert "\n" not in msg and msg.startswith(str(bomb)), msg
        assert isinstance(exc, (ResourceLimitError, PdfError)), msg
        assert "budget" in msg or "limit" in msg or "no text layer" in msg, msg
    else:  # a reader that refuses to inflate the stream at all is also fine: nothing is read from it
        assert result.plan is not None and not result.plan.measures
    assert time.monotonic() - t0 < 40


def test_600_pages_complete_or_stop_with_a_budget_message(tmp_path):
    pdf = H.many_pages(tmp_path / "long.pdf", pages=600)
    budget = Budget(timeout_s=18, memory_mb=2048)
    t0 = time.monotonic()
    try:
        result = run(pdf, budget)
    except ResourceLimitError as exc:
        msg = str(exc)
        assert "\n" not in msg and msg.startswith(str(pdf)) and "time budget of 18 s" in msg, msg
    else:
        assert result.plan.document.page_count == 600
        parts = result.plan.parts  # "Del N" every 50 pages: the last one on page 551 proves every page was read
        assert len(parts) == 12 and parts[-1].page_start == 551
    assert time.monotonic() - t0 < 30


def _address_space_mb() -> int:
    from pipeline.runs.budget import _address_space_bytes

    return _address_space_bytes() // (1 << 20)


def test_memory_budget_is_on_top_of_what_the_worker_inherits(d):
    """A parent that already maps more than the budget (NLP models, a long-running flow's thread
    arenas) must not make every document fail: the budget is what the document may add."""
    ballast = bytearray(300 << 20)  # the parent grows by 300 MB of address space
    try:
        small = Budget(timeout_s=60, memory_mb=max(64, _address_space_mb() - 200))  # below the parent's size
        result = run(d / "plan-saved-as.txt", small)
        assert result.kind == "plan"
        with pytest.raises(ResourceLimitError, match="memory budget"):
            run_with_budget(_allocate, 2 * small.memory_mb + 400, budget=small, label="x.pdf")
    finally:
        del ballast


def _allocate(mb):
    return len(bytearray(mb << 20))
