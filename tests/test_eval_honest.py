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
    s = eval_plans.evaluate_dir(directory, enrich=False)
    o = s["overall"]
    detail = {p["name"]: {k: p[k] for k in ("found_recall", "found_precision", "part_accuracy", "ministry_f1",
                                            "misses", "extras")} for p in s["plans"]}
    replay = f"seed {seed}: python -m tests.plangen OUT --random 4 --seed {seed}"
    assert not o["errors"], (replay, o["errors"])
    assert o["found_recall"] >= 0.97 and o["found_precision"] >= 0.97, (replay, detail)
    assert o["found_title_exact"] >= 0.95, (replay, detail)
    assert o["part_accuracy"] is None or o["part_accuracy"] >= 0.95, (replay, detail)
    assert o["parts_invented"] == 0, (replay, detail)
    assert o["ministry_f1"] >= 0.95, (replay, detail)
    for p in s["plans"]:
        assert p["found_recall"] >= 0.9, (replay, p["name"], p["misses"])


@pytest.mark.parametrize("seed", [4242, 329423])
def test_random_layouts_fixed_seeds(tmp_path, eval_plans, seed):
    """4242: two table-only plans without part rows (their truth states no part); 329423: measure labels heading
    the columns at the same height on several pages (not a running head)."""
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
