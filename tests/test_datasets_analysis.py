"""The summaries the notebooks display (pipeline.datasets.analysis)."""

from __future__ import annotations

import pytest

from tests import datasets_examples as ex
from pipeline.datasets import analysis as A
from pipeline.datasets import build_tables, load_outputs, write_tables


@pytest.fixture(scope="module")
def o(tmp_path_factory):
    out = tmp_path_factory.mktemp("an")
    write_tables(build_tables(**ex.all_records()), out)
    return load_outputs(out)


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    out = tmp_path_factory.mktemp("an_empty")
    write_tables(build_tables(press_releases=[ex.press_release()], ministries=ex.ministries()), out)
    return load_outputs(out)


def test_plan_ids_newest_first(o, empty):
    assert A.plan_ids(o) == [ex.PLAN_B, ex.PLAN_A]
    assert A.plan_ids(empty) == []


def test_counts_per_part(o):
    c = A.counts_per_part(o, ex.PLAN_A)
    assert c["part_number"].tolist() == [1, 2, 3, 4]
    assert c["measures"].tolist() == [4, 2, 2, 2]
    assert c["children"].tolist() == [0, 2, 1, 0]


def test_counts_per_ministry(o):
    c = A.counts_per_ministry(o, ex.PLAN_A).set_index("ministry_id")
    assert c.loc["justice", "label"] == "JD"
    assert (c.loc["justice", "lead"], c.loc["justice", "co"], c.loc["justice", "total"]) == (5, 3, 8)
    assert c.index[0] == "justice"  # most measures first
    assert c.loc["foreign-affairs", "total"] == 2


def test_responsibility_matrix_and_pairs(o):
    m = A.responsibility_matrix(o, ex.PLAN_A)
    assert list(m.columns) == [1, 2, 3, 4]
    assert m.loc["JD"].tolist() == [3, 2, 1, 2]
    assert m.sum().sum() == 19  # responsibilities of plan A (lead + co)
    p = A.ministry_pairs(o, ex.PLAN_A)
    top = p.iloc[0]
    assert (top["a"], top["b"], top["shared"]) == ("BLD", "JD", 4)


def test_search(o):
    hits = A.search_measures(o, "POLITI", ex.PLAN_A)
    assert set(hits["number"]) == {"1", "5", "6"}  # title/text/agency mention police
    assert len(A.search_measures(o, "", ex.PLAN_A)) == 10
    assert A.search_measures(o, "finnes-ikke-xyz").empty


def test_changes(o):
    assert A.comparisons(o) == [(ex.PLAN_A, ex.PLAN_B)]
    s = A.change_summary(o).set_index("change_type")["measures"]
    assert (s["unchanged"], s["reworded"], s["modified"], s["added"], s["removed"]) == (7, 1, 1, 1, 1)
    sh = A.responsibility_shifts(o)
    # HOD became co-responsible for measure 6; JD lost measure 3 (removed) and gained measure 11 (added):
    # losses count too, not only changes within aligned pairs
    assert sh.to_dict("records") == [
        {"ministry_id": "health-care", "label": "HOD", "added": 1, "removed": 0},
        {"ministry_id": "justice", "label": "JD", "added": 1, "removed": 1},
    ]


def test_everything_copes_with_empty_outputs(empty):
    assert A.counts_per_part(empty).empty
    assert A.counts_per_ministry(empty).empty
    assert A.responsibility_matrix(empty).empty
    assert A.ministry_pairs(empty).empty
    assert A.search_measures(empty, "x").empty
    assert A.change_summary(empty).empty
    assert A.responsibility_shifts(empty).empty
    assert A.organisation_matrix(empty).empty
    assert A.organisations_named(empty).empty
    assert A.entity_types_per_part(empty).empty


def test_organisations_per_part(tmp_path):
    from pipeline.model import MeasureEntity

    plan = ex.plan_a()
    by_part: dict[int, list] = {}
    for m in plan.measures:
        by_part.setdefault(m.part_number, []).append(m)
    # part 1: every measure names the IOM (registry) and Oslo; the first also a ministry; part 2: an NGO the model found
    for m in by_part[1]:
        m.entities = [MeasureEntity("IOM", "ORG", "registry", "Den internasjonale organisasjonen for migrasjon", 2,
                                    organisation_id="iom"), MeasureEntity("Oslo", "GPE_LOC", "model", "Oslo", 1)]
    by_part[1][0].entities.append(MeasureEntity("JD", "ORG", "registry", "Justis- og beredskapsdepartementet", 1, ministry_id="justice"))
    by_part[2][0].entities = [MeasureEntity("Eksempelforeningen", "ORG", "model", "Eksempelforeningen", 1)]
    write_tables(build_tables(plans=[plan], ministries=ex.ministries()), tmp_path)
    o = load_outputs(tmp_path)
    named = A.organisations_named(o, ex.PLAN_A)
    assert named.to_dict("records") == [
        {"name": "Den internasjonale organisasjonen for migrasjon", "kind": "organisation", "measures": 4, "mentions": 8},
        {"name": "Eksempelforeningen", "kind": "other", "measures": 1, "mentions": 1},
        {"name": "Justis- og beredskapsdepartementet", "kind": "ministry", "measures": 1, "mentions": 1},
    ]
    mat = A.organisation_matrix(o, ex.PLAN_A, top=2)
    assert mat.index.tolist() == ["Den internasjonale organisasjonen for migrasjon", "Eksempelforeningen"]
    assert mat.loc["Den internasjonale organisasjonen for migrasjon"].to_dict() == {1: 4, 2: 0}
    types = A.entity_types_per_part(o, ex.PLAN_A)
    assert types.loc["GPE_LOC"].to_dict() == {1: 4, 2: 0} and types.loc["ORG"].to_dict() == {1: 4, 2: 1}
