"""Sweep many random plangen seeds through the floors of ``tests/test_eval_honest.py``.

    python benchmarks/sweep_random.py --seeds 800000-800239 [--engine auto,pdfplumber] [--jobs 1]
                                      [--out summary.json] [--keep-failed DIR] [--results benchmarks/results.md]
    python benchmarks/sweep_random.py --draw 99:60        # the 60 seeds random.Random(99).randrange(1_000_000) draws

Each seed is what the fresh-seed test draws: ``generate_random_set(dir, 4, seed)`` (four plans over random
layouts; synthetic test documents, their covers say so), scored by ``eval_plans.evaluate_dir(dir, enrich=False)``
with each engine and checked against ``eval_plans.RANDOM_FLOORS`` (``floor_failures``). Prints, per engine: the
share of seeds passing every floor, the distribution of per-plan found recall, the overall figures (found recall /
precision, exact titles, part accuracy, ministry F1) and every failure with its replay command; writes the JSON
summary (default ``benchmarks/work/sweep_<seeds>.json``). ``--keep-failed DIR`` keeps the PDFs of failing seeds;
``--results FILE`` writes the report as the section ``random-sweep`` of that Markdown file (``benchmarks/sections.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.storage.files import atomic_write_text  # noqa: E402
from tests.benchmarks_module import load_benchmark  # noqa: E402

EP = load_benchmark("eval_plans")
PLANS_PER_SEED = 4  # as tests/test_eval_honest.py
_SUMS = ("n_true", "n_pred", "found", "titles_exact", "part_n", "part_ok", "part_invented", "min_tp", "min_fp",
         "min_fn")


def parse_seeds(spec: str | None, draw: str | None) -> list[int]:
    """``A-B`` (inclusive) or ``A,B,C`` and/or ``RNG:N`` (N seeds drawn as the fresh-seed test draws them, from
    ``random.Random(RNG)``); duplicates dropped, order kept."""
    seeds: list[int] = []
    for part in (spec or "").split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = (int(x) for x in part.split("-", 1))
            if b < a:
                raise ValueError(f"empty seed range {part!r}")
            seeds.extend(range(a, b + 1))
        else:
            seeds.append(int(part))
    if draw:
        rng_seed, n = (int(x) for x in draw.split(":", 1))
        rng = random.Random(rng_seed)
        seeds.extend(rng.randrange(1_000_000) for _ in range(n))
    return list(dict.fromkeys(seeds))


def run_seed(seed: int, engines: tuple[str, ...], keep_failed: str | None) -> dict:
    """Generate one seed's plans, score them with every engine; the per-plan rows and the floor failures."""
    from tests.plangen.randomset import generate_random_set

    with tempfile.TemporaryDirectory(prefix=f"sweep{seed}_") as tmp:
        t0 = time.perf_counter()
        generate_random_set(tmp, PLANS_PER_SEED, seed)
        out: dict = {"seed": seed, "generate_s": round(time.perf_counter() - t0, 2), "engines": {}}
        failed = False
        for engine in engines:
            s = EP.evaluate_dir(tmp, engine, enrich=False)
            fails = EP.floor_failures(s)
            failed = failed or bool(fails)
            out["engines"][engine] = {
                "failures": fails,
                "plans": [{k: p[k] for k in ("name", "found_recall", "found_precision", "found_title_exact",
                                             "part_accuracy", "ministry_f1", "misses", "extras", "title_errors", "ministry_errors",
                                             "seconds", *(k for k in _SUMS if k in p))}
                          # the summary's found_title_exact is a share; the sweep adds up counts
                          | {"titles_exact": round((p["found_title_exact"] or 0.0) * p["found"])}
                          for p in s["plans"]],
            }
        if failed and keep_failed:
            shutil.copytree(tmp, Path(keep_failed) / f"seed{seed}", dirs_exist_ok=True)
    return out


def _div(a: float, b: float) -> float | None:
    return a / b if b else None


def engine_figures(results: list[dict], engine: str) -> dict:
    """Share of seeds passing, per-plan found recall distribution, overall figures over every plan of the sweep."""
    rows = [r["engines"][engine] for r in results]
    plans = [p for r in rows for p in r["plans"]]
    tot = {k: sum(p[k] for p in plans) for k in _SUMS}
    p_ = _div(tot["min_tp"], tot["min_tp"] + tot["min_fp"])
    r_ = _div(tot["min_tp"], tot["min_tp"] + tot["min_fn"])
    recalls = sorted(p["found_recall"] for p in plans if p["found_recall"] is not None)
    bins = {"1.000": sum(x == 1.0 for x in recalls), "0.95-0.999": sum(0.95 <= x < 1.0 for x in recalls),
            "0.90-0.949": sum(0.9 <= x < 0.95 for x in recalls), "< 0.90": sum(x < 0.9 for x in recalls)}
    return {
        "seeds": len(rows),
        "seeds_passing": sum(not r["failures"] for r in rows),
        "plans": len(plans),
        "measures": tot["n_true"],
        "found_recall": _div(tot["found"], tot["n_true"]),
        "found_precision": _div(tot["found"], tot["n_pred"]),
        "found_title_exact": _div(tot["titles_exact"], tot["found"]),
        "part_accuracy": _div(tot["part_ok"], tot["part_n"]),
        "parts_invented": tot["part_invented"],
        "ministry_f1": (2 * p_ * r_ / (p_ + r_)) if p_ and r_ else None,
        "plan_recall_min": recalls[0] if recalls else None,
        "plan_recall_median": statistics.median(recalls) if recalls else None,
        "plan_recall_bins": bins,
        "seconds_per_plan": _div(sum(p["seconds"] for p in plans), len(plans)),
    }


def _f(v) -> str:
    return "n/a" if v is None else f"{v:.4f}" if isinstance(v, float) else str(v)


def report(results: list[dict], engines: tuple[str, ...], label: str) -> str:
    lines = [f"sweep {label}: {len(results)} seeds x {PLANS_PER_SEED} random plans", ""]
    head = ("engine", "seeds passing", "plans", "measures", "found recall", "found precision", "exact titles",
            "part accuracy", "parts invented", "ministry F1", "plan recall min / median", "plans by found recall")
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    figs = {}
    for e in engines:
        f = figs[e] = engine_figures(results, e)
        bins = ", ".join(f"{k}: {v}" for k, v in f["plan_recall_bins"].items())
        lines.append(f"| {e} | {f['seeds_passing']}/{f['seeds']} ({f['seeds_passing'] / f['seeds']:.1%}) | {f['plans']} "
                     f"| {f['measures']} | {_f(f['found_recall'])} | {_f(f['found_precision'])} "
                     f"| {_f(f['found_title_exact'])} | {_f(f['part_accuracy'])} | {f['parts_invented']} "
                     f"| {_f(f['ministry_f1'])} | {_f(f['plan_recall_min'])} / {_f(f['plan_recall_median'])} | {bins} |")
    for e in engines:
        bad = [r for r in results if r["engines"][e]["failures"]]
        if bad:
            lines += ["", f"failures ({e}):"]
            for r in bad:
                lines.append(f"- seed {r['seed']} (replay: python -m tests.plangen OUT --random {PLANS_PER_SEED} "
                             f"--seed {r['seed']}; python benchmarks/eval_plans.py OUT --no-enrich -v --engine {e})")
                lines.extend(f"  - {x}" for x in r["engines"][e]["failures"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", help="A-B (inclusive) or A,B,C")
    ap.add_argument("--draw", help="RNG:N: N seeds drawn from random.Random(RNG), as the fresh-seed test draws one")
    ap.add_argument("--engine", default="auto", help="comma-separated: auto, pdfium, pdfplumber (default auto)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (the machine is shared: default 1)")
    ap.add_argument("--out", help="JSON summary (default benchmarks/work/sweep_<seeds>.json)")
    ap.add_argument("--keep-failed", metavar="DIR", help="copy the PDFs and truth of failing seeds to DIR/seed<N>/")
    ap.add_argument("--results", metavar="FILE", help="also write the report as the section random-sweep of FILE")
    a = ap.parse_args(argv)
    try:
        seeds = parse_seeds(a.seeds, a.draw)
    except ValueError as e:
        ap.error(f"--seeds/--draw: {e} (write A-B, A,B,C or RNG:N)")
    if not seeds:
        ap.error("no seeds: give --seeds A-B or --draw RNG:N")
    engines = tuple(e.strip() for e in a.engine.split(",") if e.strip())
    for e in engines:
        if e not in ("auto", "pdfium", "pdfplumber"):
            ap.error(f"unknown engine {e!r}: use auto, pdfium or pdfplumber")
    label = " ".join(x for x in (a.seeds, f"draw {a.draw}" if a.draw else None) if x)
    t0 = time.perf_counter()
    results: list[dict] = []
    if a.jobs > 1:
        with ProcessPoolExecutor(a.jobs) as pool:
            results = list(pool.map(run_seed, seeds, [engines] * len(seeds), [a.keep_failed] * len(seeds)))
    else:
        for k, seed in enumerate(seeds, 1):
            results.append(run_seed(seed, engines, a.keep_failed))
            if any(results[-1]["engines"][e]["failures"] for e in engines):
                print(f"[{k}/{len(seeds)}] seed {seed} fails", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - t0
    text = report(results, engines, label)
    text += (f"\n\nthroughput: {len(seeds)} seeds in {elapsed:.0f} s wall ({60 * len(seeds) / elapsed:.1f} seeds/min, "
             f"{a.jobs} worker{'s' if a.jobs > 1 else ''}; generation and every engine included)")
    print(text)
    if a.results:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from sections import write_section

        head = (f"## Random plangen layouts: sweep of fresh seeds\n\n`benchmarks/sweep_random.py` on "
                f"{time.strftime('%Y-%m-%d')}: each seed is what `tests/test_eval_honest.py::test_random_layouts_fresh_seed` "
                f"draws (`generate_random_set(dir, {PLANS_PER_SEED}, seed)`, synthetic test documents), checked against "
                f"the test's floors (`eval_plans.RANDOM_FLOORS`).\n\n")
        write_section(Path(a.results), "random-sweep", head + text)
        print(f"section random-sweep: {a.results}", file=sys.stderr)
    safe = label.replace(" ", "_").replace(":", "-").replace(",", "+")[:80]
    out = Path(a.out) if a.out else ROOT / "benchmarks" / "work" / f"sweep_{safe}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    summary = {"seeds": seeds, "engines": list(engines), "seconds": round(elapsed, 1),
               "figures": {e: engine_figures(results, e) for e in engines}, "results": results}
    atomic_write_text(out, json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    print(f"summary: {out}", file=sys.stderr)
    return 0 if all(not r["engines"][e]["failures"] for r in results for e in engines) else 1


if __name__ == "__main__":
    sys.exit(main())
