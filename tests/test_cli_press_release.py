"""End to end through the CLI: the seed press release -> documents.csv and ministers.csv."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
runner = CliRunner()


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def seed_outputs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-out")
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(out), "--date", "2016-10-20", "--json"])
    assert result.exit_code == 0, result.output
    return out


def test_documents_csv_holds_the_press_release_facts(seed_outputs):
    (doc,) = _rows(seed_outputs / "documents.csv")
    assert doc["kind"] == "press_release"
    assert doc["title"] == "Styrket samarbeid mot menneskehandel"
    assert doc["publisher_name"] == "Justis- og beredskapsdepartementet"
    assert doc["government"] == "Regjeringen Solberg"
    assert doc["published"] == "2016-10-20"
    assert doc["stated_measure_count"] == "26"
    assert doc["stated_part_count"] == "4"
    assert len(doc["sha256"]) == 64


def test_ministers_csv_maps_titles_to_ministries_at_the_date(seed_outputs):
    rows = _rows(seed_outputs / "ministers.csv")
    by_name = {r["name"]: r for r in rows}
    assert len(rows) == 6
    assert len({r["ministry_id"] for r in rows}) == 5
    jd = by_name["Anders Anundsen"]["ministry_id"]
    assert by_name["Sylvi Listhaug"]["ministry_id"] == jd
    assert by_name["Sylvi Listhaug"]["ministry_name"] == "Justis- og beredskapsdepartementet"
    assert by_name["Solveig Horne"]["ministry_name"] == "Barne- og likestillingsdepartementet"
    assert by_name["Anniken Hauglie"]["ministry_name"] == "Arbeids- og sosialdepartementet"
    assert by_name["Børge Brende"]["ministry_name"] == "Utenriksdepartementet"
    assert by_name["Bent Høie"]["ministry_name"] == "Helse- og omsorgsdepartementet"
    assert by_name["Anders Anundsen"]["abbreviation"] == "JD"
    assert by_name["Solveig Horne"]["abbreviation"] == "BLD"


def test_parts_and_key_points(seed_outputs):
    parts = _rows(seed_outputs / "parts.csv")
    assert [p["title"] for p in sorted(parts, key=lambda p: int(p["part_number"]))] == [
        "Samordnede og effektive tiltak for å beskytte og fremme ofres rettigheter",
        "Forbedre politiets organisering og innsats",
        "Økt kunnskap for å avdekke og forebygge menneskehandel",
        "Styrke internasjonalt samarbeid mot menneskehandel",
    ]
    points = _rows(seed_outputs / "key_points.csv")
    first = [p["text"] for p in points if p["part_number"] == "1"]
    assert any("Koordineringsenheten for ofre for menneskehandel" in t for t in first)
    second = [p["text"] for p in points if p["part_number"] == "2"]
    assert any("Politidirektoratet" in t for t in second)


def test_same_input_gives_byte_identical_csv(seed_outputs, tmp_path):
    again = tmp_path / "again"
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(again), "--date", "2016-10-20", "--quiet"])
    assert result.exit_code == 0, result.output
    for name in ("documents.csv", "ministers.csv", "parts.csv", "key_points.csv", "ministries.csv"):
        assert (again / name).read_bytes() == (seed_outputs / name).read_bytes(), name


def test_batch_reports_the_failed_document_and_finishes_the_others(tmp_path):
    """A document that fails during work (a damaged PDF) is named; the others are written (exit 1)."""
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF truncated")
    seed_copy = tmp_path / "pm.txt"
    shutil.copy(SEED, seed_copy)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(seed_copy), str(bad), "--out", str(out), "--date", "2016-10-20", "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert [d["document_id"] for d in summary["documents"]] == ["pm"]
    (failure,) = summary["failures"]
    assert failure["document_id"] == "broken" and str(bad) in failure["message"]
    assert len(_rows(out / "documents.csv")) == 1


def test_input_errors_stop_the_batch_before_any_work(tmp_path):
    """A missing file or a text file named .pdf is an input error: exit 2, one line, nothing written."""
    seed_copy = tmp_path / "pm.txt"
    shutil.copy(SEED, seed_copy)
    notes = tmp_path / "notes.pdf"
    notes.write_text("this is not a PDF at all", encoding="utf-8")
    for bad, message in ((notes, "not a PDF"), (tmp_path / "missing.html", "file not found")):
        out = tmp_path / f"out-{bad.stem}"
        result = runner.invoke(app, ["extract", str(seed_copy), str(bad), "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert message in result.output and str(bad) in result.output
        assert not out.exists()


def test_bad_usage_exits_2(tmp_path):
    result = runner.invoke(app, ["extract", str(SEED), "--date", "20.10.2016", "--out", str(tmp_path)])
    assert result.exit_code == 2


def test_entities_command_prints_json_lines():
    text = "Tiltaket følges opp av Justis- og politidepartementet og Helse- og omsorgsdepartementet."
    result = runner.invoke(app, ["entities", "-", "--date", "2016-06-01"], input=text)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    ministries = [r for r in rows if r["label"] == "MINISTRY"]
    assert [r["text"] for r in ministries] == ["Justis- og politidepartementet", "Helse- og omsorgsdepartementet"]
    assert ministries[0]["ministry_name"] == "Justis- og beredskapsdepartementet"  # the name valid in 2016
    assert text[ministries[0]["start"] : ministries[0]["end"]] == "Justis- og politidepartementet"


def test_ocr_flag_says_what_is_missing_when_tesseract_is_absent(tmp_path, monkeypatch):
    import shutil as _shutil

    monkeypatch.setattr(_shutil, "which", lambda name, *a, **k: None)
    result = runner.invoke(app, ["extract", str(SEED), "--ocr", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--ocr is not available here" in result.output and "tesseract" in result.output
