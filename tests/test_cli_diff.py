"""`tiltak diff` through the CLI: two PDFs, or two directories written by `tiltak extract`."""

from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


def _changes(path):
    with open(path / "changes.csv", encoding="utf-8", newline="") as fh:
        return [(r["change_type"], r["old_number"], r["new_number"]) for r in csv.DictReader(fh)]


def test_diff_pdfs_and_extracted_directories_agree(plangen_pairs, tmp_path):
    pair = plangen_pairs[0]
    by_pdf = tmp_path / "by-pdf"
    result = runner.invoke(app, ["diff", str(pair["old_pdf"]), str(pair["new_pdf"]), "--out", str(by_pdf), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert sum(summary["counts"].values()) == len(_changes(by_pdf)) > 0
    reports = list((by_pdf / "reports").glob("*/change_report.html"))
    assert len(reports) == 1
    html = reports[0].read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and summary["old"] in html and summary["new"] in html
    if summary["counts"].get("reworded") or summary["counts"].get("modified"):
        assert "<del>" in html or "<ins>" in html  # word-level diff marks

    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    for pdf, out in ((pair["old_pdf"], old_dir), (pair["new_pdf"], new_dir)):
        r = runner.invoke(app, ["extract", str(pdf), "--out", str(out), "--quiet"])
        assert r.exit_code == 0, r.output
    by_dir = tmp_path / "by-dir"
    result = runner.invoke(app, ["diff", str(old_dir), str(new_dir), "--out", str(by_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    assert _changes(by_dir) == _changes(by_pdf)


def test_identical_versions_report_nothing_changed(plangen_pairs, tmp_path):
    pdf = plangen_pairs[0]["old_pdf"]
    result = runner.invoke(app, ["diff", str(pdf), str(pdf), "--out", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)["counts"]
    assert set(counts) == {"unchanged"}


def test_diff_of_a_directory_without_a_plan_is_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["diff", str(tmp_path / "empty"), str(tmp_path / "empty"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "holds no extracted plan" in result.output and "tiltak extract" in result.output
