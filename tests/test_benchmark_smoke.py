"""Smoke test of ``benchmarks/run.py`` and ``benchmarks/profile_extract.py``: a tiny plan through the
benchmark's own functions, checking that the result table and the targets section are produced.
Timings are never asserted (they depend on the machine)."""

from __future__ import annotations

import cProfile
import importlib.util
import math
import re
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def bench():
    return _load("run")


@pytest.fixture(scope="module")
def prof():
    return _load("profile_extract")


def test_combined_spec_has_the_requested_measures_and_resolvable_references(bench):
    spec = bench.combined_spec(75, name="bench_test", on=date(2016, 12, 14))
    measures = spec.measures()
    assert len(measures) == 75  # more than one topic holds: the text bank is repeated with new keys
    keys = [m.key for m in measures]
    assert len(set(keys)) == len(keys)
    numbers = spec.numbers()
    for m in measures:
        assert all(x in numbers for x in m.xrefs)
        assert "{ref:" not in m.text(numbers, spec.date)  # every placeholder resolves
    assert [p.number for p in spec.parts] == list(range(1, len(spec.parts) + 1))
    whole = bench.combined_spec(20, name="bench_test", on=date(2016, 12, 14), whole_parts=True)
    assert len(whole.measures()) >= 20 and all(p.measures for p in whole.parts)


def test_fit_growth_reports_linear_and_quadratic_exponents(bench):
    pages = [10, 50, 200, 500]
    lin = bench.fit_growth(pages, [0.02 * p for p in pages], "lin")
    quad = bench.fit_growth(pages, [0.001 * p * p for p in pages], "quad")
    assert math.isclose(lin.exponent, 1.0, abs_tol=1e-9) and math.isclose(lin.slope_ms_per_page, 20.0, rel_tol=1e-9)
    assert math.isclose(quad.exponent, 2.0, abs_tol=1e-9) and math.isclose(quad.exponent_large, 2.0, abs_tol=1e-9)


def test_tiny_run_produces_the_table_and_targets(bench, tmp_path):
    plan = bench.make_sized_plan(4, tmp_path, layout="compact", log=lambda _m: None)
    assert plan.path.exists() and plan.pages >= 2
    # cached on the second call (same file, no re-render)
    mtime = plan.path.stat().st_mtime_ns
    assert bench.make_sized_plan(4, tmp_path, layout="compact", log=lambda _m: None).path.stat().st_mtime_ns == mtime

    row, doc = bench.measure_size(plan, engines=("pdfium",), repeats=1, enrich=False)  # no spaCy load: keeps it fast
    assert row.pages == plan.pages and doc.page_count == plan.pages
    assert row.plumber_bare_s > 0 and row.pdfium_floor_s > 0
    t = row.tiltak["pdfium"]
    assert t.layout_s > 0 and t.total_s >= t.layout_s and t.measures > 0

    assert row.words > 50 and row.chars > row.words

    results = {"machine": bench.machine_info(), "quick": True, "layout": "compact", "clock": "cpu", "_rows": [row],
               "repeats_note": "1", "notes": ["smoke test"]}
    md = bench.render_markdown(results)
    assert "## Targets" in md and "## Extraction by plan size" in md and "## Machine" in md
    plan_row = next(line for line in md.splitlines() if line.startswith(f"| {plan.name} |"))
    cells = [c.strip() for c in plan_row.strip("|").split("|")]
    assert cells[1] == str(plan.pages) and float(cells[2].replace(" ", "")) > 100  # chars per page
    assert float(cells[3].replace(" ", "")) > 0 and float(cells[4].replace(" ", "")) > 0  # floor, bare pdfplumber ms/page
    assert cells[5] == "–"  # pdfplumber engine not run here
    assert re.fullmatch(r"[\d .]+ \+ [\d .]+ \+ [\d .]+ = \*\*[\d .]+\*\*", cells[7])
    targets = bench.targets(results)
    assert len(targets) == 5
    assert targets[1][3] is not None and targets[2][3] is None  # pdfium target measured; corpus not run
    bench.print_summary(results)


def test_targets_use_the_corpus_and_diff_figures(bench):
    results = {"_rows": [], "corpus": {"threads": {"phases": [{"flow_s": 100.0}, {"flow_s": 5.0}]}},
               "diff": {"compare_best_s": 0.5, "compare_first_s": 3.0, "old_pages": 30, "new_pages": 31}}
    by_name = {t[0].split(" ")[0]: t for t in bench.targets(results)}
    assert by_name["warm"][3] is True and "5.0 %" in by_name["warm"][1]
    assert by_name["diff"][3] is False  # the first call counts


def test_user_facing_target_and_section(bench, tmp_path):
    run = {"wall_s": 4.0, "exit": 0, "documents": 1, "cached": 1}
    user = {"seed": {"corpus": "corpus", "files": 1, "version": {"wall_s": 0.4}, "fetch": {"wall_s": 1.0},
                     "cold": {"wall_s": 30.0, "exit": 0, "documents": 1, "cached": 0, "server_start_s": 12.0, "flow_s": 10.0},
                     "warm": [run, {**run, "wall_s": 5.0}], "warm_flow": {"wall_s": 20.0, "exit": 0}}}
    (target,) = [t for t in bench.targets({"_rows": [], "user": user}) if t[0].startswith("user-facing")]
    assert target[3] is True and "13.3 % (4.0 s / 30.0 s)" in target[1]
    md = "\n".join(bench.user_section(user))
    assert "| seed (corpus) | 30.0 | 4.0 | 13.3 % | 20.0 | 0.4 | 1.0 | 1 (1) |" in md
    assert "temporary server 12.0 s" in md and "the engine costs 16.0 s" in md
    log = tmp_path / "prefect.log"
    log.write_text("10:00:00.000 | INFO    | prefect - Starting temporary server on http://127.0.0.1:8000\n"
                   "10:00:11.500 | INFO    | Flow run 'x' - Beginning flow run 'x' for flow 'run-corpus'\n"
                   "10:00:12.000 | INFO    | Task run 'extract-a' - Finished in state Completed()\n"
                   "10:00:20.000 | INFO    | Flow run 'x' - Finished in state Completed()\n", encoding="utf-8")
    assert bench._log_phases(log) == {"server_start_s": 11.5, "flow_s": 8.5}


def test_profile_summaries_rank_functions_and_layers(prof):
    def busy(n: int) -> int:
        return sum(i * i for i in range(n))

    p = cProfile.Profile()
    p.enable()
    busy(200_000)
    p.disable()
    import pstats

    stats = pstats.Stats(p)
    cum = prof.top_rows(stats, "cumulative", 5)
    own = prof.top_rows(stats, "own", 5)
    assert cum and own and cum[0].cumulative_share >= cum[-1].cumulative_share
    assert any("busy" in r.function or "genexpr" in r.function for r in cum)
    layers = prof.by_module(stats)
    assert math.isclose(sum(share for _n, _s, share in layers), 1.0, rel_tol=1e-6)
    assert "cum %" in prof.format_rows(cum, "top")
