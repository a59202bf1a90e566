"""The Prefect flows end to end under ``prefect_test_harness`` (temporary PREFECT_HOME set
in conftest): corpus run offline, failure isolation, caching, Dask parity."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
DATASET_FILES = ("documents", "ministers", "parts", "measures", "measure_ministries", "measure_agencies", "mentions", "changes", "consistency")


@pytest.fixture(scope="module")
def prefect_api():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="module")
def plan_pdfs(plangen_plans) -> list[Path]:
    """The three shortest synthetic plans (keeps the flow tests quick)."""
    by_pages = sorted(plangen_plans, key=lambda p: (p["truth"]["document"]["page_count"], p["name"]))
    return [p["pdf"] for p in by_pages[:3]]


def _write_corpus(root: Path, plans: list[Path], *, broken: bool) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, root / SEED.name)
    entries = [
        f'''[[source]]
id = "pm-2016"
kind = "press_release"
title = "Styrket samarbeid mot menneskehandel"
url = "https://www.regjeringen.no/no/dokumentarkiv/regjeringen-solberg/aktuelt-regjeringen-solberg/jd/pressemeldinger/2016/styrket-samarbeid-mot-menneskehandel/id2522345/"
file = "{SEED.name}"
published = 2016-10-20
'''
    ]
    for i, pdf in enumerate(plans):
        shutil.copy(pdf, root / pdf.name)
        previous = f'previous_version = "plan-{i - 1}"\n' if i == 1 else ""  # one declared version comparison
        entries.append(f'[[source]]\nid = "plan-{i}"\nkind = "plan"\ntitle = "Syntetisk plan {i}"\nfile = "{pdf.name}"\n{previous}')
    if broken:
        (root / "odelagt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF truncated")
        entries.append('[[source]]\nid = "plan-broken"\nkind = "plan"\ntitle = "Ødelagt"\nfile = "odelagt.pdf"\n')
    (root / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")
    return root


def _run(corpus: Path, out: Path, **kw):
    from flows.run_corpus import run_corpus

    return run_corpus(corpus_dir=str(corpus), out_dir=str(out), fetch=False, **kw)


def test_corpus_run_isolates_a_corrupt_pdf_and_caches(prefect_api, plan_pdfs, tmp_path):
    """Five documents, one corrupt: four succeed, the summary names the fifth; then caching."""
    corpus = _write_corpus(tmp_path / "corpus", plan_pdfs, broken=True)
    out = tmp_path / "out"
    summary = _run(corpus, out)
    ok_ids = sorted(d["document_id"] for d in summary["documents"])
    assert ok_ids == sorted(["pm-2016"] + [f"plan-{i}" for i in range(len(plan_pdfs))])
    (failure,) = summary["failures"]
    assert failure["document_id"] == "plan-broken" and "odelagt.pdf" in failure["message"]
    assert summary["ok"] is False
    for name in DATASET_FILES:
        assert (out / f"{name}.csv").exists() and (out / f"{name}.parquet").exists(), name
    assert (out / "datapackage.json").exists()
    report = (out / "run_report.md").read_text(encoding="utf-8")
    assert "plan-broken" in report and "failed" in report
    assert not any(d["cached"] for d in summary["documents"])
    assert [(c["old"], c["new"]) for c in summary["comparisons"]] == [("plan-0", "plan-1")]
    assert list((out / "reports").glob("plan-0__plan-1/change_report.html"))

    # warm rerun: every extraction comes from the cache, outputs are byte-identical
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    warm = _run(corpus, out)
    assert all(d["cached"] for d in warm["documents"])
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before

    # a changed file invalidates only its own document
    (corpus / SEED.name).write_text(SEED.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = _run(corpus, out)
    cached = {d["document_id"]: d["cached"] for d in third["documents"]}
    assert cached.pop("pm-2016") is False
    assert all(cached.values())

    # a plan whose file is now damaged keeps its last good rows through the flow too, marked stale
    (corpus / plan_pdfs[0].name).write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF truncated")
    fourth = _run(corpus, out)
    status = {d["document_id"]: d["status"] for d in fourth["documents"]}
    assert status["plan-0"] == "stale" and "plan-0" in {f["document_id"] for f in fourth["failures"]}
    assert [(c["old"], c["new"]) for c in fourth["comparisons"]] == [("plan-0", "plan-1")]


def test_dask_runner_gives_byte_identical_outputs(prefect_api, plan_pdfs, tmp_path):
    from flows.run_corpus import make_task_runner, run_corpus

    corpus = _write_corpus(tmp_path / "corpus", plan_pdfs[:2], broken=False)
    threads_out, dask_out = tmp_path / "threads", tmp_path / "dask"
    _run(corpus, threads_out)
    run_corpus.with_options(task_runner=make_task_runner("dask", workers=2))(
        corpus_dir=str(corpus), out_dir=str(dask_out), fetch=False
    )
    files = sorted(p.name for p in threads_out.iterdir() if p.suffix in (".csv", ".parquet", ".json") and p.name != "run_summary.json")
    assert files
    for name in files:
        assert (dask_out / name).read_bytes() == (threads_out / name).read_bytes(), name


def test_cli_run_json_summary(prefect_api, tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    corpus = _write_corpus(tmp_path / "corpus", [], broken=False)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", "--corpus", str(corpus), "--out", str(out), "--no-fetch", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout[result.stdout.index("{"):])
    assert [d["document_id"] for d in summary["documents"]] == ["pm-2016"]


def test_single_document_flows_from_the_cli(prefect_api, plangen_pairs, tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    pair = plangen_pairs[0]
    cli = CliRunner()
    out = tmp_path / "one"
    result = cli.invoke(app, ["flow", "extract", str(pair["old_pdf"]), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert (out / "measures.csv").read_text(encoding="utf-8").count("\n") > 10
    diff_out = tmp_path / "diff"
    result = cli.invoke(app, ["flow", "diff", str(pair["old_pdf"]), str(pair["new_pdf"]), "--out", str(diff_out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout[result.stdout.index("{"):])
    assert summary["comparisons"] and sum(summary["comparisons"][0]["counts"].values()) > 10
    assert list((diff_out / "reports").glob("*/change_report.md"))


WEBDOCS = REPO / "tests" / "data" / "webdocs"
_WEB_PRESS_RELEASE = """Eksempel: ny strategi mot menneskehandel og utnytting

Publisert under: Regjeringen Støre

Utgiver: Justis- og beredskapsdepartementet

Dato: 14.03.2025

Eksempelplan – syntetisk testdokument, ikke en offentlig plan. Teksten er skrevet for tiltak-prosjektets tester.

Regjeringen legger i dag fram en ny strategi mot menneskehandel og utnytting.

Fem statsråder i fem departementer står bak strategien:

  • Justis- og beredskapsminister Jostein Ormestad
  • Arbeids- og inkluderingsminister Aslaug Myrvold
  • Barne- og familieminister Tordis Lien-Tveit
  • Helse- og omsorgsminister Maren Lien-Tveit
  • Utenriksminister Halvard Teigland

Strategien inneholder 23 tiltak innen fem innsatsområder:

  • Samordning og styring
  • Forebygging og kunnskap
  • Hjelp og beskyttelse
  • Etterforskning og straffeforfølgning
  • Internasjonalt samarbeid
"""


def test_corpus_run_with_a_web_document(prefect_api, tmp_path):
    """A web document in the manifest (format = "web"), its PDF twin, a press release announcing the web plan:
    the comparison across formats runs, the press release is checked against the web plan, the rerun is cached."""
    corpus = tmp_path / "corpus"
    shutil.copytree(WEBDOCS / "strategi2025_utnytting", corpus / "web" / "strategi2025")
    shutil.copy(WEBDOCS / "pdf" / "strategi2025_utnytting_trykk.pdf", corpus / "trykk.pdf")
    (corpus / "pm.txt").write_text(_WEB_PRESS_RELEASE, encoding="utf-8")
    url = "https://www.regjeringen.no/no/dokumenter/strategi-mot-menneskehandel-og-utnytting-2025-2030/id9900001/"
    (corpus / "manifest.toml").write_text(f'''
[[source]]
id = "pm-2025"
kind = "press_release"
title = "Eksempel: ny strategi mot menneskehandel og utnytting"
file = "pm.txt"
announces = "web-2025"

[[source]]
id = "pdf-2025"
kind = "plan"
title = "Strategi mot menneskehandel og utnytting (2025–2030)"
file = "trykk.pdf"
published = 2025-03-14

[[source]]
id = "web-2025"
kind = "plan"
format = "web"
title = "Strategi mot menneskehandel og utnytting (2025–2030)"
url = "{url}"
file = "web/strategi2025"

[[comparison]]
old = "pdf-2025"
new = "web-2025"
''', encoding="utf-8")
    out = tmp_path / "out"
    summary = _run(corpus, out)
    assert summary["ok"], summary["failures"]
    assert summary["comparisons"] == [{"old": "pdf-2025", "new": "web-2025", "counts": {"unchanged": 23}}]
    docs = {d["document_id"]: d for d in summary["documents"]}
    assert docs["web-2025"]["measures"] == 23 and docs["pdf-2025"]["measures"] == 23
    import csv

    with open(out / "consistency.csv", encoding="utf-8", newline="") as fh:
        checks = {r["check"]: r for r in csv.DictReader(fh) if r["plan_id"] == "web-2025"}
    assert checks["measure_count"]["agrees"] == "true" and checks["part_count"]["agrees"] == "true"
    assert all(checks[f"part_title:{n}"]["agrees"] == "true" for n in range(1, 6))
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        formats = {r["document_id"]: (r["source_format"], r["local_path"]) for r in csv.DictReader(fh)}
    assert formats == {"pm-2025": ("text", "pm.txt"), "pdf-2025": ("pdf", "trykk.pdf"), "web-2025": ("html", "web/strategi2025")}
    warm = _run(corpus, out)
    assert all(d["cached"] for d in warm["documents"])
