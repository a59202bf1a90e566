"""Every notebook runs top to bottom (nbclient, kernel "python3") against outputs written in the test,
including a corpus with no plan yet (empty measures); committed notebooks carry no outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import datasets_examples as ex
from pipeline.datasets import build_tables, write_tables

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = ["01_utforsk_tiltak.ipynb", "02_ansvarsmatrise.ipynb", "03_endringer.ipynb", "04_organisasjoner.ipynb"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def full_outputs(tmp_path_factory, plangen_plans, plangen_pairs):
    """Outputs produced by the real pipeline in this session: the seed press release, a
    synthetic 2016 plan (consistency checks) and a synthetic version pair (changes)."""
    from datetime import date

    from pipeline.compare import compare_plans
    from pipeline.documents.extract import SourceJob, extract_job
    from pipeline.runs.outputs import write_run_outputs
    from pipeline.runs.result import RunResult, consistency_for

    repo = Path(__file__).resolve().parents[1]
    seed = repo / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
    plan = next(p for p in plangen_plans if p["truth"]["document"]["date"].startswith("2016"))
    pair = plangen_pairs[0]
    results = [
        extract_job(SourceJob(path=seed, document_id="pm-2016", kind="press_release", on=date(2016, 10, 20))),
        extract_job(SourceJob(path=plan["pdf"], document_id="plan-2016", kind="plan")),
        extract_job(SourceJob(path=pair["old_pdf"], document_id="versjon-gammel", kind="plan")),
        extract_job(SourceJob(path=pair["new_pdf"], document_id="versjon-ny", kind="plan")),
    ]
    run = RunResult(results=results, comparisons=[compare_plans(results[2].plan, results[3].plan)])
    run.checks, run.failures = consistency_for(results, {"pm-2016": "plan-2016"})
    out = tmp_path_factory.mktemp("nb_full")
    write_run_outputs(run, out)
    assert not run.failures, run.failures
    return out


@pytest.fixture(scope="module")
def empty_outputs(tmp_path_factory):
    """A corpus with only the press release: no plan PDF yet, so measures/changes are empty."""
    out = tmp_path_factory.mktemp("nb_empty")
    write_tables(build_tables(press_releases=[ex.press_release()], ministries=ex.ministries()), out)
    return out


@pytest.fixture(scope="module")
def executed(full_outputs, empty_outputs):
    """Every notebook executed against both output sets, in ONE kernel (started once, to keep the
    suite fast); the user namespace is reset and TILTAK_OUTPUTS set before each notebook."""
    runs = {}
    first = nbformat.read(NOTEBOOKS / NAMES[0], as_version=4)
    client = nbclient.NotebookClient(
        first, kernel_name="python3", timeout=60, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    with client.setup_kernel():
        for label, outputs in (("full", full_outputs), ("empty", empty_outputs)):
            for name in NAMES:
                nb = nbformat.read(NOTEBOOKS / name, as_version=4)
                client.nb = nb
                prelude = nbformat.v4.new_code_cell(
                    f"%reset -f\n%matplotlib inline\nimport os\nos.environ['TILTAK_OUTPUTS'] = {str(outputs)!r}\ndel os"
                )
                client.execute_cell(prelude, 0)
                for i, cell in enumerate(nb.cells):
                    client.execute_cell(cell, i)
                runs[(label, name)] = nb
    return runs


def _text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            parts.append(o.get("text", ""))
            data = o.get("data", {})
            parts.append(data.get("text/markdown", ""))
            parts.append(data.get("text/plain", ""))
    return "\n".join(parts)


def _images(nb) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: clear outputs before committing"
    src = "\n".join(c.source for c in nb.cells)
    assert 'load_outputs(os.environ.get("TILTAK_OUTPUTS", "../outputs"))' in src
    assert "**Hvilke dokumenter:**" in nb.cells[0].source  # each notebook says which documents it shows


@pytest.mark.parametrize("name", NAMES)
def test_runs_on_full_outputs(name, executed, full_outputs):
    from pipeline.datasets import load_outputs
    from pipeline.datasets.analysis import plan_ids

    nb = executed[("full", name)]
    text = _text(nb)
    assert "Merk:" not in text.replace("Ingen endringer i ansvar", ""), text[:2000]
    assert _images(nb) >= 2
    o = load_outputs(full_outputs)
    if name.startswith(("01", "02", "04")):  # the plan shown is named
        assert f"`document_id`: `{plan_ids(o)[0]}`" in text
    if name.startswith("01"):  # measures concerning minors in the newest plan, as the data says
        newest = o.measures[o.measures["document_id"] == plan_ids(o)[0]]
        assert f"{int(newest['mentions_children'].sum())} av {len(newest)} tiltak" in text
        assert "treff" in text
    if name.startswith("04"):  # the organisations the newest plan's measures name, by name, as the data says
        from pipeline.datasets.analysis import organisations_named

        named = organisations_named(o, plan_ids(o)[0])
        assert len(named) and all(n in text for n in named["name"].head(5))
    if name.startswith("03"):
        from pipeline.datasets.analysis import responsibility_shifts

        assert "Gammel versjon: `versjon-gammel`" in text and "Ny versjon: `versjon-ny`" in text
        shifts = responsibility_shifts(o)  # the chart's data: losses (a removed measure) are counted too
        assert shifts["removed"].sum() > 0 and shifts["added"].sum() > 0
        kinds = set(o.changes["change_type"])
        assert kinds and all(k in text for k in kinds)
        checks = o.consistency
        assert f"{int(checks['agrees'].sum())} av {len(checks)} kontroller stemmer" in text


@pytest.mark.parametrize("name", NAMES)
def test_runs_with_empty_measures(name, executed):
    nb = executed[("empty", name)]
    text = _text(nb)
    assert "Merk:" in text
    assert _images(nb) == 0
