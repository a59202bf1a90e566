"""`tiltak extract` and `tiltak diff` on web documents: a folder of saved pages, the pages as a list, a PDF of the
same content in either order, two versions of a web document, and the folders `tiltak extract` wrote."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from pipeline.datasets import load_outputs

runner = CliRunner()
DATA = Path(__file__).resolve().parent / "data" / "webdocs"
WEB = DATA / "strategi2025_utnytting"
PDF = DATA / "pdf" / "strategi2025_utnytting_trykk.pdf"
PAIR = DATA / "pairs"


def _rows(path: Path, table: str) -> list[dict]:
    with open(path / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _types(out: Path) -> Counter:
    return Counter(r["change_type"] for r in _rows(out, "changes"))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The web document and its PDF twin extracted once through the CLI."""
    base = tmp_path_factory.mktemp("webcli")
    out = {"web": base / "web", "pdf": base / "pdf"}
    for key, src in (("web", WEB), ("pdf", PDF)):
        r = runner.invoke(app, ["extract", str(src), "--out", str(out[key]), "--quiet"])
        assert r.exit_code == 0, r.output
    return out


def test_extract_a_folder_of_saved_pages(extracted):
    out = extracted["web"]
    (doc,) = _rows(out, "documents")
    assert (doc["document_id"], doc["kind"], doc["source_format"]) == ("id9900001", "plan", "html")
    assert doc["extracted_measure_count"] == "23" and doc["page_count"] == "" and doc["published"] == "2025-03-14"
    measures = _rows(out, "measures")
    four = next(m for m in measures if m["number"] == "4")
    assert four["chapter"] == "4" and four["locator"].endswith("/id9900001/?ch=4#tiltak-4") and four["page_start"] == ""
    unnumbered = [m for m in measures if m["number"] == ""]
    assert [m["measure_id"] for m in unnumbered] == [f"id9900001-u{k}" for k in range(1, 6)]
    assert {m["sources"] for m in unnumbered} == {"list"}
    pdf_doc = _rows(extracted["pdf"], "documents")[0]
    assert pdf_doc["source_format"] == "pdf"
    assert next(m for m in _rows(extracted["pdf"], "measures") if m["number"] == "4")["locator"].startswith("p")
    tables = load_outputs(out)  # the loaders read the new columns
    assert "locator" in tables.measures.columns and "source_format" in tables.documents.columns


def test_extract_the_pages_as_a_list_gives_the_same_document(extracted, tmp_path):
    pages = sorted(WEB.glob("*.html"))
    r = runner.invoke(app, ["extract", *map(str, pages), "--out", str(tmp_path), "--quiet"])
    assert r.exit_code == 0, r.output
    key = lambda rows: [(m["measure_id"], m["title"], m["part_number"], m["locator"]) for m in rows]  # noqa: E731
    assert key(_rows(tmp_path, "measures")) == key(_rows(extracted["web"], "measures"))
    assert _rows(tmp_path, "documents")[0]["sha256"] == _rows(extracted["web"], "documents")[0]["sha256"]


@pytest.mark.parametrize("order", ["pdf-web", "web-pdf"])
def test_diff_pdf_and_web_document_of_the_same_content(order, tmp_path):
    a, b = (PDF, WEB) if order == "pdf-web" else (WEB, PDF)
    r = runner.invoke(app, ["diff", str(a), str(b), "--out", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.output
    truth = json.loads((DATA / "pdf" / "strategi2025_utnytting.pdf_web.changes.json").read_text(encoding="utf-8"))
    assert json.loads(r.stdout)["counts"] == {"unchanged": len(truth["changes"])}
    assert {d["source_format"] for d in _rows(tmp_path, "documents")} == {"pdf", "html"}


def test_diff_the_folders_tiltak_extract_wrote(extracted, tmp_path):
    r = runner.invoke(app, ["diff", str(extracted["pdf"]), str(extracted["web"]), "--out", str(tmp_path), "--quiet"])
    assert r.exit_code == 0, r.output
    assert _types(tmp_path) == Counter({"unchanged": 23})
    web_rows = [m for m in _rows(tmp_path, "measures") if m["document_id"] == "id9900001"]
    assert all(m["locator"].startswith("https://www.regjeringen.no/") for m in web_rows)  # read back with the tables


def test_diff_two_versions_of_a_web_document(tmp_path):
    changes = json.loads((PAIR / "pair_arbeidsliv_2021_2022.changes.json").read_text(encoding="utf-8"))
    r = runner.invoke(app, ["diff", str(PAIR / "pair_arbeidsliv_2021_2022_old"), str(PAIR / "pair_arbeidsliv_2021_2022_new"),
                            "--out", str(tmp_path), "--quiet"])
    assert r.exit_code == 0, r.output
    assert _types(tmp_path) == Counter(c["change_type"] for c in changes["changes"])


def test_extract_bad_input_names_the_files(tmp_path):
    r = runner.invoke(app, ["extract", str(DATA / "bad" / "mixed-two-documents"), "--out", str(tmp_path / "a"), "--json"])
    assert r.exit_code == 1
    (failure,) = json.loads(r.stdout)["failures"]
    assert "id9900051" in failure["message"] and "id9900052" in failure["message"] and "\n" not in failure["message"]
    r = runner.invoke(app, ["extract", str(DATA / "bad" / "missing-chapter"), "--out", str(tmp_path / "b"), "--json"])
    assert r.exit_code == 0, r.output
    (doc,) = json.loads(r.stdout)["documents"]
    assert any("chapter 3" in w and "?ch=3" in w for w in doc["warnings"])
    r = runner.invoke(app, ["diff", str(tmp_path / "nothing-here"), str(WEB), "--out", str(tmp_path / "c")])
    assert r.exit_code != 0
