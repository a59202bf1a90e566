"""Page text copied from a browser without header lines: read with a warning that publisher and date
are unknown; the ministers behind the plan are found in landing pages and press releases alike."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app

COPIED = Path(__file__).resolve().parent / "data" / "copied" / "landingsside-2016-menneskehandel.txt"
# the 2016 ministries, by registry id, in list order (Innvandrings- og integreringsminister sat in JD in 2016)
MINISTRIES = ["justice", "justice", "children-families", "labour-social", "foreign-affairs", "health-care"]
runner = CliRunner()


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("kind", ["landing_page", "press_release", None])
def test_copied_landing_page_keeps_its_six_ministers(tmp_path, kind):
    out = tmp_path / "out"
    args = ["extract", str(COPIED), "--out", str(out), "--date", "2016-10-20"] + (["--kind", kind] if kind else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "publisher and date are unknown" in result.stderr and "Traceback" not in result.output
    (doc,) = _rows(out / "documents.csv")
    assert doc["title"] == "Regjeringens handlingsplan mot menneskehandel"
    assert doc["kind"] == (kind or "press_release") and doc["publisher_name"] == ""
    ministers = _rows(out / "ministers.csv")
    assert [m["name"] for m in ministers] == ["Anders Anundsen", "Sylvi Listhaug", "Solveig Horne", "Anniken Hauglie",
                                              "Børge Brende", "Bent Høie"]
    assert [m["ministry_id"] for m in ministers] == MINISTRIES
    horne = ministers[2]
    assert horne["title"] == "Barne- og likestillingsminister"
    assert horne["ministry_name"] == "Barne- og likestillingsdepartementet"  # the name of the time (2016)
    assert "ministers" in result.stdout and "│ 6" in result.stdout  # the summary's ministers column
