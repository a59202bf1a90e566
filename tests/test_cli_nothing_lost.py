"""Nothing lost: a command never destroys good outputs.

``tiltak extract`` needs --out (outputs/ belongs to ``tiltak run``); input errors stop a command before
any work (exit 2, nothing written, not even --out); a command in which every document failed leaves
--out byte for byte as it was (exit 1); in a corpus run a failed document keeps its last good rows from
the cache, marked stale (``--drop-failed`` drops them).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
DAMAGED_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF truncated"
runner = CliRunner()


def _tree(d: Path) -> dict[str, bytes]:
    """Every file under ``d`` (hidden ones too) with its bytes."""
    return {p.relative_to(d).as_posix(): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def good_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("good") / "out"
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(out), "--date", "2016-10-20", "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_extract_requires_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--out DIR" in lines[0] and "tiltak run" in lines[0]
    assert list(tmp_path.iterdir()) == []  # no outputs/ appeared


def test_every_document_failed_leaves_out_byte_for_byte(good_out, tmp_path):
    before = _tree(good_out)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(DAMAGED_PDF)
    result = runner.invoke(app, ["extract", str(damaged), "--out", str(good_out)])
    assert result.exit_code == 1, result.output
    assert "nothing written" in result.stdout and "outputs written" not in result.stdout
    assert _tree(good_out) == before
    notes = tmp_path / "not-a-pdf.pdf"
    notes.write_text("Notater, ikke en plan.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(notes), "--out", str(good_out)])
    assert result.exit_code == 2 and "not a PDF" in result.stderr
    assert _tree(good_out) == before


def test_every_document_failed_into_a_new_directory_creates_nothing(tmp_path):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(DAMAGED_PDF)
    new = tmp_path / "new"
    result = runner.invoke(app, ["extract", str(damaged), "--out", str(new)])
    assert result.exit_code == 1 and not new.exists()


def test_missing_input_exits_2_and_writes_nothing(tmp_path):
    new = tmp_path / "new"
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.pdf"), "--out", str(new)])
    assert result.exit_code == 2
    assert "file not found" in result.stderr and "outputs written" not in result.output
    assert not new.exists()


def test_diff_input_errors_exit_2(tmp_path):
    text = tmp_path / "plan.pdf"
    text.write_text("ikke en PDF\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(text), str(tmp_path / "missing.pdf"), "--out", str(tmp_path / "d")])
    assert result.exit_code == 2 and "not a PDF" in result.stderr and not (tmp_path / "d").exists()
    result = runner.invoke(app, ["diff", str(text), str(text)])
    assert result.exit_code == 2 and "--out DIR" in result.stderr


# --------------------------------------------------------------------------- corpus runs: stale rows


def _corpus(root: Path, plan_pdf: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy(SEED, root / "pm.txt")
    shutil.copy(plan_pdf, root / "plan.pdf")
    (root / "manifest.toml").write_text(
        '[[source]]\nid = "pm"\nkind = "press_release"\ntitle = "Pressemelding"\nfile = "pm.txt"\n'
        'published = 2016-10-20\nannounces = "plan"\n\n'
        '[[source]]\nid = "plan"\nkind = "plan"\ntitle = "Syntetisk plan"\nfile = "plan.pdf"\n',
        encoding="utf-8",
    )
    return root


def _run(corpus: Path, out: Path, **kw):
    from pipeline.runs.corpus import corpus_work, run_in_process
    from pipeline.sources import load_manifest

    return run_in_process(corpus_work(load_manifest(corpus / "manifest.toml")), out, **kw)


def test_corpus_run_keeps_the_last_good_rows_of_a_failed_document(plangen_plans, tmp_path):
    plan_pdf = min(plangen_plans, key=lambda p: p["truth"]["document"]["page_count"])["pdf"]
    corpus = _corpus(tmp_path / "corpus", plan_pdf)
    out = tmp_path / "out"
    first = _run(corpus, out)
    assert first.ok and first.written
    good_measures = [r for r in _rows(out / "measures.csv") if r["document_id"] == "plan"]
    assert good_measures
    assert {r["status"] for r in _rows(out / "documents.csv")} == {"ok"}
    assert all(r["extracted_at"] == "" for r in _rows(out / "documents.csv"))

    (corpus / "plan.pdf").write_bytes(DAMAGED_PDF)  # the plan file is replaced by a damaged one
    second = _run(corpus, out)
    assert not second.ok and [f.document_id for f in second.failures] == ["plan"]
    docs = {r["document_id"]: r for r in _rows(out / "documents.csv")}
    assert docs["plan"]["status"] == "stale" and docs["pm"]["status"] == "ok"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", docs["plan"]["extracted_at"])
    assert [r for r in _rows(out / "measures.csv") if r["document_id"] == "plan"] == good_measures
    report = (out / "run_report.md").read_text(encoding="utf-8")
    assert "## Stale documents" in report and "**plan**" in report and docs["plan"]["extracted_at"] in report
    summary = json.loads((out / "run_summary.json").read_text(encoding="utf-8"))
    assert {d["document_id"]: d["status"] for d in summary["documents"]} == {"plan": "stale", "pm": "ok"}

    csvs = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    _run(corpus, out)  # the same failure again: identical files (extracted_at is the cached result's time)
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == csvs

    dropped = _run(corpus, out, drop_failed=True)
    assert not dropped.ok and not dropped.stale
    assert {r["document_id"] for r in _rows(out / "documents.csv")} == {"pm"}
    assert not [r for r in _rows(out / "measures.csv") if r["document_id"] == "plan"]


def test_corpus_run_where_every_document_failed_writes_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.pdf").write_bytes(DAMAGED_PDF)
    (corpus / "manifest.toml").write_text('[[source]]\nid = "plan-x"\nkind = "plan"\ntitle = "X"\nfile = "plan.pdf"\n',
                                          encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "measures.csv").write_text("earlier good rows\n", encoding="utf-8")
    before = _tree(out)
    run = _run(corpus, out)
    assert not run.ok and not run.written and _tree(out) == before
