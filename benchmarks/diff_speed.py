"""How long does diffing two plan versions take, beyond extraction?

Builds two 40-measure plan versions from the synthetic plan generator in ``tests/plangen`` (two topics
combined) with an insertion that renumbers the rest, a removal, a rewording, a substantial rewrite, a
move between parts and an added co-responsible ministry.  By default the versions go straight from the
specs to ``PlanExtraction``; with ``--pdf LAYOUT`` both are rendered to PDF and extracted by the pdf and
structure layers first (page counts and extraction time are printed but not counted; the ``report``
layout gives ~25 pages per version).  Then it times

* ``compare_plans`` with a fresh token cache each run (tokenising both versions, alignment,
  classification), and
* ``write_change_reports`` (Markdown + HTML).

The tokenizer is ``pipeline.nlp.comparison_tokens`` when the NLP layer is importable (its one-off load
time is reported separately, as it is shared with extraction), else the simple fallback tokenizer.
Target: under 2 s per comparison.  Run: ``.venv/bin/python benchmarks/diff_speed.py [--repeat N] [--pdf report]``.
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


def build_specs():
    """(old, new) PlanSpecs of 40 measures each (two synthetic topics combined)."""
    from tests.plangen.build import build_plan

    on = date(2016, 6, 1)
    a = build_plan("menneskehandel", on, 1, name="bench_old")
    b = build_plan("vold_barn", on, 1, name="bench_extra")
    old = a.copy()
    extra = b.copy()
    # 30 + 10 measures: the second topic's first part (plus two measures of its second) becomes part 5
    part = extra.parts[0]
    part.measures = part.measures + extra.parts[1].measures[: max(0, 10 - len(part.measures))]
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
    ins = b.copy().parts[2].measures[0]
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
    return old, new


def build_pair():
    """(old, new) PlanExtractions straight from the specs (what a perfect extractor would give)."""
    from tests.test_compare_eval import spec_to_extraction

    old, new = build_specs()
    return spec_to_extraction(old), spec_to_extraction(new)


def extract_pair(layout: str, workdir: Path):
    """Render both specs to PDF with ``layout`` and extract them (pdf + structure layers).

    Returns (old, new, pages, seconds spent extracting).
    """
    from pipeline.model import DocumentInfo
    from pipeline.layout import read_pdf
    from pipeline.documents.extract import plan_from_layout
    from tests.plangen.render import render_plan

    out, pages, spent = [], [], 0.0
    for spec in build_specs():
        pdf = workdir / f"{spec.name}.pdf"
        render_plan(spec, pdf, layout)
        t0 = time.perf_counter()
        doc = read_pdf(pdf)
        out.append(plan_from_layout(doc, DocumentInfo(spec.name, "plan", spec.title, published=spec.date), spec.date))
        spent += time.perf_counter() - t0
        pages.append(doc.page_count)
    return out[0], out[1], pages, spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pdf", metavar="LAYOUT", help="render both versions with this tests/plangen layout "
                    "(e.g. classic, twocol) and compare what the pdf + structure layers extract")
    args = ap.parse_args(argv)

    from pipeline.compare import compare_plans, write_change_reports
    from pipeline.compare.tokens import resolve_tokenizer

    t0 = time.perf_counter()
    tok, tok_name = resolve_tokenizer(None)  # the first call loads the NLP pipeline
    tok("Justis- og beredskapsdepartementet skal styrke innsatsen.")  # load models / tables once
    load = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as d:
        if args.pdf:
            old, new, page_counts, spent = extract_pair(args.pdf, Path(d))
            pages = f"{page_counts[0]} and {page_counts[1]} pages, layout {args.pdf}; extraction {spent:.1f} s, not counted"
        else:
            old, new = build_pair()
            pages = "from the specs, no PDF; use --pdf LAYOUT to render and extract"
        times_cmp, times_rep = [], []
        comp = None
        for _ in range(args.repeat):
            t1 = time.perf_counter()
            comp = compare_plans(old, new)  # a fresh (empty) token cache every run
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
