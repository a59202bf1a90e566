"""Honest evaluation: a measure found (number, title) is scored apart from its part, a part only where the PDF states
one; random plangen layouts with fixed seeds AND a fresh seed every run; floors on the held-out (score) split of the
committed producer fixtures, per producer.

The fresh seed is printed (run pytest with ``-s`` or read the failure report) so that a failure can be replayed:

    python -m tests.plangen OUT --random 4 --seed SEED && python benchmarks/eval_plans.py OUT --no-enrich -v
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.benchmarks_module import load_benchmark

ROOT = Path(__file__).resolve().parents[1]
PRODUCERS = ROOT / "tests" / "data" / "producers"


@pytest.fixture(scope="module")
def eval_plans():
    return load_benchmark("eval_plans")


def _random_floors(eval_plans, directory: Path, seed: int) -> None:
    """Every floor of ``eval_plans.RANDOM_FLOORS`` (overall found recall / precision >= 0.97, exact titles >= 0.95,
    part accuracy >= 0.95, no invented part, ministry F1 >= 0.95, every plan's found recall >= 0.9)."""
    s = eval_plans.evaluate_dir(directory, enrich=False)
    detail = {p["name"]: {k: p[k] for k in ("found_recall", "found_precision", "part_accuracy", "ministry_f1",
                                            "misses", "extras")} for p in s["plans"]}
    replay = f"seed {seed}: python -m tests.plangen OUT --random 4 --seed {seed}"
    failures = eval_plans.floor_failures(s)
    assert not failures, (replay, failures, detail)


def test_floor_failures_name_every_floor(eval_plans):
    plan = {"name": "p", "found_recall": 0.85, "misses": ["1.1 (part 1): T"]}
    good = {"errors": [], "found_recall": 1.0, "found_precision": 1.0, "found_title_exact": 1.0, "part_accuracy": None,
            "parts_invented": 0, "ministry_f1": 1.0}
    assert eval_plans.floor_failures({"overall": good, "plans": [{**plan, "found_recall": 0.9}]}) == []
    bad = {**good, "found_recall": 0.96, "part_accuracy": 0.9, "parts_invented": 1, "errors": ["q"]}
    out = eval_plans.floor_failures({"overall": bad, "plans": [plan]})
    assert out[0] == "error: q" and any("overall found_recall 0.960" in x for x in out)
    assert any("part_accuracy" in x for x in out) and any("parts_invented 1" in x for x in out)
    assert out[-1] == "p found_recall 0.850 < 0.9: 1.1 (part 1): T"


def test_sweep_draws_the_seeds_the_fresh_seed_test_draws_and_reports_them():
    sweep = load_benchmark("sweep_random")
    assert sweep.parse_seeds("5-7,3,5", None) == [5, 6, 7, 3]
    drawn = sweep.parse_seeds(None, "99:60")
    assert len(drawn) == 60 and {423601, 692655} <= set(drawn)  # the failures of the first sweep (issue brief)
    plan = {"name": "p", "found_recall": 0.8, "found_precision": 1.0, "found_title_exact": 1.0, "part_accuracy": 1.0,
            "ministry_f1": 1.0, "misses": ["1.1 (part 1): T"], "seconds": 0.5, "n_true": 10, "n_pred": 8, "found": 8,
            "titles_exact": 8, "part_n": 8, "part_ok": 8, "part_invented": 0, "min_tp": 8, "min_fp": 0, "min_fn": 2}
    results = [{"seed": 1, "engines": {"auto": {"failures": [], "plans": [{**plan, "found_recall": 1.0}]}}},
               {"seed": 2, "engines": {"auto": {"failures": ["p found_recall 0.800 < 0.9"], "plans": [plan]}}}]
    f = sweep.engine_figures(results, "auto")
    assert (f["seeds"], f["seeds_passing"], f["plan_recall_min"]) == (2, 1, 0.8)
    assert f["found_recall"] == 16 / 20 and f["plan_recall_bins"]["< 0.90"] == 1
    text = sweep.report(results, ("auto",), "1-2")
    assert "| auto | 1/2 (50.0%) |" in text and "- seed 2 (replay: python -m tests.plangen OUT --random 4 --seed 2" in text


@pytest.mark.parametrize("seed", [4242, 329423, 423601, 692655, 514750])
def test_random_layouts_fixed_seeds(tmp_path, eval_plans, seed):
    """4242: two table-only plans without part rows (their truth states no part); 329423: measure labels heading
    the columns at the same height on several pages (not a running head); 423601 and 692655: measure labels with
    two-level numbers ("Tiltak 3.1") opening a column on several pages, one of them on both columns of a page
    (not a running head either; they were dropped, found recall 0.867 and 0.857); 514750: a part number alone on the
    top line of a page (no printed page number; its part was lost, part accuracy 0.933)."""
    from tests.plangen.randomset import generate_random_set

    generate_random_set(tmp_path, 4, seed)
    _random_floors(eval_plans, tmp_path, seed)


def test_random_layouts_fresh_seed(tmp_path, eval_plans):
    from tests.plangen.randomset import generate_random_set

    seed = random.SystemRandom().randrange(1_000_000)
    print(f"plangen random seed: {seed} (replay: python -m tests.plangen OUT --random 4 --seed {seed}; "
          f"python benchmarks/eval_plans.py OUT --no-enrich -v)")
    generate_random_set(tmp_path, 4, seed)
    _random_floors(eval_plans, tmp_path, seed)


def test_no_part_in_the_truth_where_the_pdf_states_none(tmp_path):
    from tests.plangen.randomset import generate_random_set

    generate_random_set(tmp_path, 12, 4242)
    man = json.loads((tmp_path / "manifest_random.json").read_text(encoding="utf-8"))
    unstated = 0
    for e in man["plans"]:
        truth = json.loads((tmp_path / f"{e['name']}.truth.json").read_text(encoding="utf-8"))
        L = e["layout"]
        for m in truth["measures"]:
            silent = L["measures"] == "table" and not L["table_part_rows"] and truth["document"]["numbering"] != "by_part"
            assert m["part_stated"] is (not silent)
            if not m["part_stated"]:
                unstated += 1
                assert m["part_number"] is None and m["part_title"] is None
    assert unstated > 0  # the seed has table-only plans without part rows


@pytest.fixture(scope="module")
def producers_score():
    ep = load_benchmark("eval_producers")
    from pipeline.reference import default_registry

    reg = default_registry()
    manifest = json.loads((PRODUCERS / "manifest.json").read_text(encoding="utf-8"))
    rows: dict[str, list[dict]] = {}
    for e in manifest["plans"]:
        if e["split"] != "score":
            continue
        truth = json.loads((PRODUCERS / e["truth"]).read_text(encoding="utf-8"))
        rows.setdefault(e["producer"], []).append(ep.evaluate(PRODUCERS / e["pdf"], truth, reg, "auto"))
    pairs = [ep.evaluate_pair(PRODUCERS, e, reg, "auto") for e in manifest["pairs"] if e["split"] == "score"]
    return ep, rows, pairs


@pytest.mark.parametrize("producer", ["libreoffice", "chromium"])
def test_held_out_producer_fixtures_floors(producers_score, producer):
    """The issue's targets on the score split (never tuned on), default engine; measured 1.000 on every figure
    (benchmarks/results.md)."""
    ep, rows, _pairs = producers_score
    f = ep.figures(rows[producer])
    assert f["found_recall"] >= 0.98 and f["found_precision"] >= 0.98, f
    assert f["title_exact"] >= 0.95, f
    assert f["part_accuracy"] >= 0.95 and f["parts_invented"] == 0, f
    assert f["ministry_f1"] >= 0.97 and f["lead_accuracy"] >= 0.97, f
    assert f["glued_words"] == 0 and f["left_hyphens"] == 0, f
    for r in rows[producer]:
        assert r["naming_date"] == r["date_true"], (r["name"], r["naming_date"], r["date_true"])


def test_held_out_version_pair_change_types(producers_score):
    _ep, _rows, pairs = producers_score
    assert pairs
    for p in pairs:
        assert p["change_type_accuracy"] >= 0.93, p["errors"]


def test_compare_calibration_never_uses_the_tested_seeds():
    cal = load_benchmark("calibrate_compare")
    assert cal._seeds("1-6") == [1, 2, 3, 4, 5, 6]
    for bad in (["--cal-seeds", "0-3"], ["--cal-seeds", "1-7", "--score-seeds", "7-9"]):
        with pytest.raises(SystemExit) as e:
            cal.main(bad)
        assert e.value.code == 2
