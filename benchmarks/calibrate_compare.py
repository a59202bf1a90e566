"""Calibrate the change-classification thresholds (pipeline/compare/thresholds.py) on pairs kept apart from the tests.

    python benchmarks/calibrate_compare.py [--cal-seeds 1-6] [--score-seeds 7-12] [--out benchmarks/work/calibrate_compare.json]

Calibration set (what the thresholds may be fitted to):
  * the plangen version-pair recipes (tests/plangen/versions.py) drawn with seeds ``seed + 100·k`` for k in
    ``--cal-seeds`` (k = 0, the standard pairs, is what tests/test_compare_eval.py scores: never used here);
  * the producer pairs of the ``calibrate`` split (tests/data/producers: LibreOffice, extracted from its PDFs).
Score sets (reported, never fitted to): the standard plangen pairs (k = 0), more seeds (``--score-seeds``), and the
producer pairs of the ``score`` split (Chromium; other variants, seeds and a topic the calibration never saw).

The plangen pairs are compared as their specs say (no PDF: what an ideal extractor gives), the producer pairs
end to end (PDF -> layout -> measures -> compare). Metrics are those of tests/test_compare_eval.py: alignment
accuracy and change-type accuracy over the measures of both versions.

Search: coordinate ascent over ``match``, ``reworded``, ``contain`` and ``cover`` (two rounds over a grid),
maximising the mean of alignment and change-type accuracy on the calibration set; where a range of values scores
best, the middle of the widest such range (the largest margin to both kinds of error). Prints the chosen thresholds and every set's figures with the
current and the chosen thresholds; writes them to ``--out``. Deterministic: same figures every run.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.storage.files import atomic_write_text  # noqa: E402

PRODUCERS = ROOT / "tests" / "data" / "producers"
GRID = {
    "match": [round(0.20 + 0.05 * i, 2) for i in range(9)],  # 0.20 .. 0.60
    "reworded": [round(0.60 + 0.02 * i, 2) for i in range(18)],  # 0.60 .. 0.94
    "contain": [round(0.30 + 0.05 * i, 2) for i in range(9)],  # 0.30 .. 0.70
    "cover": [round(0.60 + 0.05 * i, 2) for i in range(8)],  # 0.60 .. 0.95
}


def _seeds(text: str) -> list[int]:
    a, _, b = text.partition("-")
    return list(range(int(a), int(b or a) + 1))


def plangen_pairs(ks: list[int]):
    """(name, old extraction, new extraction, truth, old date, new date) for the recipes at seed + 100·k."""
    from tests.test_compare_eval import evaluation_pairs, spec_to_extraction

    out = []
    for k in ks:
        for name, old, new, truth in evaluation_pairs(0, first=k):
            out.append((name, spec_to_extraction(old), spec_to_extraction(new), truth, old.date, new.date))
    return out


def producer_pairs(split: str):
    """The committed producer pairs of ``split``, extracted from their PDFs."""
    from pipeline.documents.extract import plan_from_layout
    from pipeline.layout import read_pdf
    from pipeline.model import DocumentInfo

    manifest = json.loads((PRODUCERS / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for e in manifest["pairs"]:
        if e["split"] != split:
            continue
        truth = json.loads((PRODUCERS / e["changes"]).read_text(encoding="utf-8"))
        plans, dates = [], []
        for side in ("old", "new"):
            t = json.loads((PRODUCERS / "pairs" / truth[side]["truth"]).read_text(encoding="utf-8"))["document"]
            on = date.fromisoformat(t["date"])
            info = DocumentInfo(truth[side]["pdf"].removesuffix(".pdf"), "plan", t["title"], publisher_name=t["publisher"],
                                published=on)
            plans.append(plan_from_layout(read_pdf(PRODUCERS / "pairs" / truth[side]["pdf"]), info, on, enrich=False))
            dates.append(on)
        out.append((e["name"], plans[0], plans[1], truth, dates[0], dates[1]))
    return out


def score(pairs, thresholds: dict, tok) -> dict[str, float]:
    from pipeline.compare import compare_plans
    from tests.test_compare_eval import score_pair, summarise_scores

    scores = [score_pair(name, compare_plans(old, new, tokenize=tok, thresholds=thresholds), truth, od, nd)
              for name, old, new, truth, od, nd in pairs]
    m = summarise_scores(scores)
    m["objective"] = (m["alignment_accuracy"] + m["change_type_accuracy"]) / 2
    return m


def calibrate(pairs, tok, start: dict) -> tuple[dict, dict]:
    """Coordinate ascent; where several grid values give the best score, the middle of the widest run of them
    (the largest margin on both sides). Returns the thresholds and, per threshold, its best-scoring range."""
    best = dict(start)
    ranges: dict[str, tuple[float, float]] = {}
    for _round in range(2):
        for key, grid in GRID.items():
            scores = [score(pairs, {**best, key: v}, tok)["objective"] for v in grid]
            top = max(scores)
            runs: list[list[int]] = []
            for i, sc in enumerate(scores):
                if sc >= top - 1e-12:
                    if runs and runs[-1][-1] == i - 1:
                        runs[-1].append(i)
                    else:
                        runs.append([i])
            run = max(runs, key=lambda r: (len(r), -abs(grid[r[len(r) // 2]] - start[key])))
            best[key] = grid[run[(len(run) - 1) // 2]] if len(run) % 2 else round(
                (grid[run[len(run) // 2 - 1]] + grid[run[len(run) // 2]]) / 2, 3)
            ranges[key] = (grid[run[0]], grid[run[-1]])
    return best, ranges


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cal-seeds", default="1-6", help="k of the calibration seeds seed + 100·k (never 0)")
    ap.add_argument("--score-seeds", default="7-12")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "work" / "calibrate_compare.json")
    a = ap.parse_args(argv)
    from pipeline.compare.thresholds import DEFAULT_THRESHOLDS
    from pipeline.compare.tokens import resolve_tokenizer

    cal_k, score_k = _seeds(a.cal_seeds), _seeds(a.score_seeds)
    if 0 in cal_k or set(cal_k) & set(score_k):
        ap.error("calibration seeds must not include 0 (the tested standard pairs) nor any score seed")
    tok, _ = resolve_tokenizer(None)
    sets = {
        "calibrate: plangen recipes k=" + a.cal_seeds: plangen_pairs(cal_k),
        "calibrate: producer pairs (LibreOffice)": producer_pairs("calibrate"),
    }
    held = {
        "score: plangen standard pairs (k=0, the tested ones)": plangen_pairs([0]),
        "score: plangen recipes k=" + a.score_seeds: plangen_pairs(score_k),
        "score: producer pairs (Chromium)": producer_pairs("score"),
    }
    cal_pairs = [p for ps in sets.values() for p in ps]
    current = DEFAULT_THRESHOLDS.as_dict()
    chosen, ranges = calibrate(cal_pairs, tok, current)
    result = {"current": current, "chosen": chosen, "best_ranges": ranges, "sets": {}}
    print("best-scoring range on the calibration set:", ", ".join(f"{k} {lo}..{hi}" for k, (lo, hi) in ranges.items()))
    for name, pairs in {**sets, **held}.items():
        before, after = score(pairs, current, tok), score(pairs, chosen, tok)
        result["sets"][name] = {"pairs": len(pairs), "measures": before["measures"], "current": before, "chosen": after}
        print(f"{name}: {len(pairs)} pairs, {before['measures']} measures")
        for label, m in (("current", before), ("chosen", after)):
            print(f"   {label:8} alignment {m['alignment_accuracy']:.3f}  change type {m['change_type_accuracy']:.3f}  "
                  f"renumbering {m['renumbering_recall']:.3f}  moves {m['move_recall']:.3f}")
    changed = {k: (current[k], v) for k, v in chosen.items() if v != current[k]}
    print("chosen thresholds:", chosen, "(changed: " + (", ".join(f"{k} {o} -> {n}" for k, (o, n) in changed.items())
                                                       or "none") + ")")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(a.out, json.dumps(result, indent=1))
    print(f"written: {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
