"""Input checks and kind detection in pipeline.documents.extract (before any parser runs)."""

from __future__ import annotations

import pytest

from pipeline.errors import InputFileError
from pipeline.documents.extract import SourceJob, document_id_for, extract_job, sniff_kind


def test_document_id_is_a_stable_ascii_slug():
    assert document_id_for("corpus/Handlingsplan mot menneskehandel 2016.pdf") == "handlingsplan-mot-menneskehandel-2016"
    assert document_id_for("Økt kunnskap – Tiltak.PDF") == "okt-kunnskap-tiltak"
    assert document_id_for("___.txt") == "document"


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: None, "file not found"),
        (lambda p: p.write_bytes(b""), "the file is empty"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
)
def test_unreadable_inputs_name_the_file(tmp_path, setup, message):
    path = tmp_path / "plan.pdf"
    setup(path)
    with pytest.raises(InputFileError) as info:
        extract_job(SourceJob(path=path, document_id="x"))
    assert str(info.value).startswith(str(path)) and message in str(info.value)


def test_declared_kind_must_match_the_file(tmp_path):
    txt = tmp_path / "pm.txt"
    txt.write_text("Tittel\n\nTekst.", encoding="utf-8")
    with pytest.raises(InputFileError, match="declared as a plan but is not a PDF"):
        extract_job(SourceJob(path=txt, document_id="x", kind="plan"))
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(InputFileError, match="declared as press_release but is a PDF"):
        extract_job(SourceJob(path=pdf, document_id="x", kind="press_release"))


def test_sniff_kind(tmp_path):
    a = tmp_path / "a.bin"
    a.write_bytes(b"%PDF-1.7 ...")
    assert sniff_kind(a) == "pdf"
    b = tmp_path / "b"
    b.write_bytes(b"<!doctype html><html></html>")
    assert sniff_kind(b) == "article"
    c = tmp_path / "c.dat"
    c.write_bytes(bytes(range(128, 256)) * 4)
    with pytest.raises(InputFileError, match="unrecognised file type"):
        sniff_kind(c)
