"""How long does diffing two plan versions take, beyond extraction?

Builds two ~40-measure plan versions (about 30 pages each when rendered) from the synthetic plan
generator in ``tests/plangen`` (spec → PlanExtraction, no PDF), with insertions, a removal, rewordings,
a move between parts and a responsibility change, then times

* ``compare_plans`` (tokenising both versions, alignment, classification), and
* ``write_change_reports`` (Markdown + HTML).

The tokenizer is ``pipeline.nlp.comparison_tokens`` when the NLP layer is importable (its one-off load
time is reported separately, as it is shared with extraction), else the simple fallback tokenizer.
Target: under 2 s per comparison.  Run: ``.venv/bin/python benchmarks/diff_speed.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 2.0


def build_pair():
    """(old, new) PlanExtractions of ~40 measures each (two synthetic topics combined)."""
    from tests.plangen.build import build_plan
    from tests.test_compare_eval import spec_to_extraction

    on = date(2016, 6, 1)
    a = build_plan("menneskehandel", on, 1, name="bench_old")
    b = build_plan("vold_barn", on, 1, name="bench_extra")
    old = a.copy()
    extra = b.copy()
    # 30 + 10 measures: the second topic's first part becomes part 5 (keys made unique)
    part = extra.parts[0]
    for m in part.measures:
        m.key = "x" + m.key
        m.xrefs = []
        m.sentences = [s for s in m.sentences if "{ref:" not in s]
    part.number = len(old.parts) + 1
    old.parts.append(part)
    for p in old.parts:
        for m in p.measures:
            m.sentences = [s for s in m.sentences if "{ref:" not in s]
            m.xrefs = []

    new = old.copy()
    new.name = "bench_new"
    # insertion near the start renumbers everything after it
    ins = b.copy().parts[1].measures[0]
    ins.key = "ins1"
    ins.sentences = [s for s in ins.sentences if "{ref:" not in s]
    new.parts[0].measures.insert(1, ins)
    # removal
    del new.parts[2].measures[3]
    # light rewording and a substantial rewrite
    m = new.parts[1].measures[2]
    m.sentences[0] = m.sentences[0].replace(" skal ", " bør ", 1) + " Arbeidet evalueres underveis."
    m = new.parts[3].measures[1]
    m.sentences = m.sentences[:1] + ["Tiltaket avgrenses til de største byene og gjennomføres i samarbeid med kommunene."]
    # move between parts
    mv = new.parts[1].measures.pop(4)
    new.parts[2].measures.append(mv)
    # responsibility change
    new.parts[0].measures[0].co = list(new.parts[0].measures[0].co) + ["Kunnskapsdepartementet"]
    return spec_to_extraction(old), spec_to_extraction(new)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from pipeline.compare import compare_plans, write_change_reports
    from pipeline.compare.tokens import resolve_tokenizer

    t0 = time.perf_counter()
    tok, tok_name = resolve_tokenizer(None)
    tok("Justis- og beredskapsdepartementet skal styrke innsatsen.")  # load models / tables once
    load = time.perf_counter() - t0

    old, new = build_pair()
    pages = "≈30 pages each when rendered"
    times_cmp, times_rep = [], []
    comp = None
    with tempfile.TemporaryDirectory() as d:
        for _ in range(args.repeat):
            t1 = time.perf_counter()
            comp = compare_plans(old, new, tokenize=tok)
            t2 = time.perf_counter()
            write_change_reports(comp, d)
            t3 = time.perf_counter()
            times_cmp.append(t2 - t1)
            times_rep.append(t3 - t2)
    assert comp is not None
    worst = max(c + r for c, r in zip(times_cmp, times_rep))
    print(f"tokenizer: {tok_name} (first-use load {load:.2f} s, shared with extraction)")
    print(f"plans: {len(old.measures)} vs {len(new.measures)} measures ({pages})")
    print("change types:", {k: v for k, v in comp.summary.by_type.items() if v},
          f"renumbered={comp.summary.renumbered} moved={comp.summary.moved} "
          f"responsibility_changed={comp.summary.responsibility_changed}")
    print(f"compare_plans: min {min(times_cmp):.3f} s, max {max(times_cmp):.3f} s over {args.repeat} runs")
    print(f"write_change_reports: min {min(times_rep):.3f} s, max {max(times_rep):.3f} s")
    print(f"worst total {worst:.3f} s (target < {TARGET_SECONDS:.1f} s): {'OK' if worst < TARGET_SECONDS else 'TOO SLOW'}")
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
