"""Evaluation of pipeline.compare against the synthetic version pairs of tests/plangen.

Spec → PlanExtraction without PDFs (:func:`spec_to_extraction`), compare, score against the pair truth.

Metrics (all over the measures of both versions, as in the truth):

alignment accuracy
    share of measures (old and new) whose predicted counterpart set equals the true counterpart set
    (empty set for added/removed; several measures for split/merge pieces).
change-type accuracy
    share of measures (old and new) whose predicted change type equals the true change type (a measure
    in several predicted rows takes the type of its rows; they agree by construction).
move recall
    of the true pairs flagged part_changed, share predicted as aligned *and* part_changed.
renumbering recall
    of the true pairs flagged renumbered, share predicted as aligned *and* renumbered.

Targets: alignment ≥ 0.97, change type ≥ 0.93.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from pipeline.model import DocumentInfo, Measure, Part, PlanExtraction, Responsibility


def _ministry_resolver():
    """name -> ministry_id: the product registry when present, else the generator's lineage table."""
    try:
        from pipeline.reference import default_registry

        reg = default_registry()
        return lambda name, on: reg.resolve(name, on).ministry_id
    except ImportError:
        from tests.plangen.ministries import lineage_of

        return lambda name, on: lineage_of(name)


def spec_to_extraction(spec, document_id: str | None = None) -> PlanExtraction:
    """A PlanExtraction holding exactly what the spec says (the truth an ideal extractor would give)."""
    doc_id = document_id or spec.name
    resolve = _ministry_resolver()
    numbers = spec.numbers()
    measures: list[Measure] = []
    for part in spec.parts:
        for m in part.measures:
            resp: list[Responsibility] = []
            if not m.all_ministries and m.lead:
                resp.append(Responsibility(resolve(m.lead, spec.date), m.lead, None, "lead", "responsibility_line", m.lead))
            for c in m.co:
                resp.append(Responsibility(resolve(c, spec.date), c, None, "co", "responsibility_line", c))
            num = numbers[m.key]
            measures.append(
                Measure(
                    document_id=doc_id,
                    measure_id=f"{doc_id}-{num}",
                    number=num,
                    title=m.title,
                    text=m.text(numbers, spec.date),
                    part_number=part.number,
                    part_title=part.title,
                    page_start=None,
                    page_end=None,
                    responsibilities=resp,
                )
            )
    return PlanExtraction(
        document=DocumentInfo(doc_id, "plan", spec.title, published=spec.date),
        parts=[Part(p.number, p.title) for p in spec.parts],
        measures=measures,
    )


# --------------------------------------------------------------------------- scoring


@dataclass
class PairScore:
    name: str
    measures: int = 0
    aligned_ok: int = 0
    type_ok: int = 0
    renumbered_true: int = 0
    renumbered_found: int = 0
    moved_true: int = 0
    moved_found: int = 0
    flags_checked: int = 0
    flags_ok: int = 0  # responsibility_changed + ministries added/removed agree on truly aligned pairs
    errors: list[str] = field(default_factory=list)


def _counterparts(rows, side: str) -> dict[str, set[str]]:
    other = "new_number" if side == "old_number" else "old_number"
    out: dict[str, set[str]] = {}
    for r in rows:
        k = r[side] if isinstance(r, dict) else getattr(r, side)
        if k is None:
            continue
        v = r[other] if isinstance(r, dict) else getattr(r, other)
        out.setdefault(k, set())
        if v is not None:
            out[k].add(v)
    return out


def _types(rows, side: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for r in rows:
        k = r[side] if isinstance(r, dict) else getattr(r, side)
        if k is not None:
            out.setdefault(k, r["change_type"] if isinstance(r, dict) else r.change_type)
    return out


def score_pair(name: str, comparison, truth: dict, old_date, new_date) -> PairScore:
    resolve = _ministry_resolver()
    t_rows = truth["changes"]
    p_rows = comparison.changes
    s = PairScore(name)
    for side in ("old_number", "new_number"):
        tc, pc = _counterparts(t_rows, side), _counterparts(p_rows, side)
        tt, pt = _types(t_rows, side), _types(p_rows, side)
        for k in tc:
            s.measures += 1
            if pc.get(k) == tc[k]:
                s.aligned_ok += 1
            else:
                s.errors.append(f"{side[:3]} {k}: counterpart {sorted(pc.get(k, []))} != {sorted(tc[k])}")
            if pt.get(k) == tt[k]:
                s.type_ok += 1
            else:
                s.errors.append(f"{side[:3]} {k}: type {pt.get(k)} != {tt[k]}")
    pred = {(c.old_number, c.new_number): c for c in p_rows}
    for r in t_rows:
        if r["old_number"] is None or r["new_number"] is None:
            continue
        c = pred.get((r["old_number"], r["new_number"]))
        if r["renumbered"]:
            s.renumbered_true += 1
            s.renumbered_found += bool(c and c.renumbered)
        if r["part_changed"]:
            s.moved_true += 1
            s.moved_found += bool(c and c.part_changed)
        if c is not None:
            s.flags_checked += 1
            added = sorted(resolve(n, new_date) for n in r["ministries_added"])
            removed = sorted(resolve(n, old_date) for n in r["ministries_removed"])
            ok = (
                c.responsibility_changed == r["responsibility_changed"]
                and c.ministries_added == added
                and c.ministries_removed == removed
                and c.renumbered == r["renumbered"]
                and c.part_changed == r["part_changed"]
            )
            s.flags_ok += ok
            if not ok:
                s.errors.append(f"flags {r['old_number']}->{r['new_number']}: predicted resp={c.responsibility_changed} "
                                f"+{c.ministries_added} -{c.ministries_removed} renum={c.renumbered} moved={c.part_changed}; "
                                f"truth resp={r['responsibility_changed']} +{added} -{removed} renum={r['renumbered']} "
                                f"moved={r['part_changed']}")
    return s


def evaluation_pairs(extra_seeds: int = 0, first: int = 0):
    """(name, old_spec, new_spec, truth): the standard pairs (``first`` = 0), plus ``extra_seeds`` more seeds
    of each recipe (seed + 100·k for k in first..first+extra_seeds)."""
    from tests.plangen.build import build_plan
    from tests.plangen.versions import STANDARD_PAIRS, make_version_pair

    for r in STANDARD_PAIRS:
        for k in range(first, first + extra_seeds + 1):
            seed = r.seed + 100 * k
            spec = build_plan(r.topic, r.old_date, seed, name=f"{r.name}_old", n_measures=r.n_measures)
            try:
                old, new, truth = make_version_pair(spec, None, seed, new_date=r.new_date, new_name=f"{r.name}_new")
            except ValueError:  # the generator found no room for its edits in this seed's plan
                if k == 0:
                    raise
                continue
            yield f"{r.name}#{seed}", old, new, truth


def evaluate(extra_seeds: int = 0, tokenize=None, verbose: bool = False, thresholds=None, first: int = 0) -> dict[str, float]:
    from pipeline.compare import compare_plans
    from pipeline.compare.tokens import resolve_tokenizer

    tok, _ = resolve_tokenizer(tokenize)
    scores = []
    for name, old_spec, new_spec, truth in evaluation_pairs(extra_seeds, first):
        comp = compare_plans(spec_to_extraction(old_spec), spec_to_extraction(new_spec), tokenize=tok, thresholds=thresholds)
        s = score_pair(name, comp, truth, old_spec.date, new_spec.date)
        scores.append(s)
        if verbose:
            print(f"{name}: {s.aligned_ok}/{s.measures} aligned, {s.type_ok}/{s.measures} types, "
                  f"renumbered {s.renumbered_found}/{s.renumbered_true}, moved {s.moved_found}/{s.moved_true}, "
                  f"flags {s.flags_ok}/{s.flags_checked}")
            for e in s.errors:
                print("   ", e)
    return summarise_scores(scores)


def summarise_scores(scores: list[PairScore]) -> dict[str, float]:
    tot = lambda a: sum(getattr(s, a) for s in scores)  # noqa: E731
    return {
        "pairs": len(scores),
        "measures": tot("measures"),
        "alignment_accuracy": tot("aligned_ok") / max(1, tot("measures")),
        "change_type_accuracy": tot("type_ok") / max(1, tot("measures")),
        "renumbering_recall": tot("renumbered_found") / max(1, tot("renumbered_true")),
        "move_recall": tot("moved_found") / max(1, tot("moved_true")),
        "flag_accuracy": tot("flags_ok") / max(1, tot("flags_checked")),
    }


def evaluate_end_to_end(outdir, verbose: bool = False) -> dict[str, float]:
    """Render the standard pairs to PDF, extract both versions (pdf + structure layers), compare, score."""
    import json
    from datetime import date as _date
    from pathlib import Path

    from pipeline.compare import compare_plans
    from pipeline.layout import read_pdf
    from pipeline.documents.extract import plan_from_layout
    from tests.plangen.standard import cached_standard_set

    outdir = Path(outdir)
    cached_standard_set(outdir)
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    scores = []
    for e in manifest["pairs"]:
        truth = json.loads((outdir / e["changes"]).read_text(encoding="utf-8"))
        plans = []
        for side, pdf in (("old", e["old_pdf"]), ("new", e["new_pdf"])):
            on = _date.fromisoformat(truth[side]["date"])
            info = DocumentInfo(truth[side]["name"], "plan", truth[side]["name"], published=on)
            plans.append(plan_from_layout(read_pdf(outdir / pdf), info, on))
        comp = compare_plans(plans[0], plans[1])
        s = score_pair(e["name"], comp, truth, _date.fromisoformat(truth["old"]["date"]),
                       _date.fromisoformat(truth["new"]["date"]))
        scores.append(s)
        if verbose:
            misread = []
            pdir = (outdir / e["changes"]).parent
            for side, plan in zip(("old", "new"), plans):
                tm = {m["number"]: m for m in json.loads((pdir / truth[side]["truth"]).read_text(encoding="utf-8"))["measures"]}
                bad = [m.number for m in plan.measures
                       if m.number not in tm or m.title != tm[m.number]["title"]
                       or " ".join(m.text.split()) != " ".join(tm[m.number]["text"].split())]
                bad += [n for n in tm if n not in {m.number for m in plan.measures}]
                misread.append(f"{side} {len(bad)} ({', '.join(sorted(set(bad), key=lambda x: (len(x), x)))})" if bad else f"{side} 0")
            print(f"{e['name']} ({e.get('old_layout')} -> {e.get('new_layout')}): {s.aligned_ok}/{s.measures} aligned, "
                  f"{s.type_ok}/{s.measures} types, renumbered {s.renumbered_found}/{s.renumbered_true}, "
                  f"moved {s.moved_found}/{s.moved_true}, flags {s.flags_ok}/{s.flags_checked}; "
                  f"measures extracted differently from the truth: {'; '.join(misread)}")
            for err in s.errors:
                print("   ", err)
    return summarise_scores(scores)


# --------------------------------------------------------------------------- tests


def test_standard_pairs_meet_targets():
    m = evaluate(extra_seeds=0)
    assert m["pairs"] == 4
    assert m["alignment_accuracy"] >= 0.97, m
    assert m["change_type_accuracy"] >= 0.93, m
    assert m["renumbering_recall"] >= 0.98, m
    assert m["move_recall"] >= 0.9, m
    assert m["flag_accuracy"] >= 0.95, m


if __name__ == "__main__":  # python -m tests.test_compare_eval [extra_seeds [first]] | e2e OUTDIR
    import sys

    if len(sys.argv) > 2 and sys.argv[1] == "e2e":
        print(evaluate_end_to_end(sys.argv[2], verbose=True))
        raise SystemExit(0)
    print(evaluate(extra_seeds=int(sys.argv[1]) if len(sys.argv) > 1 else 0,
                   first=int(sys.argv[2]) if len(sys.argv) > 2 else 0, verbose=True))


@pytest.mark.slow
def test_end_to_end_pairs_meet_targets(tmp_path_factory):
    """Old and new PDFs (different layouts in some pairs) -> pdf + structure layers -> compare -> truth."""
    pytest.importorskip("pipeline.structure")
    out = tmp_path_factory.getbasetemp() / "plangen"  # same directory as tests.plangen.fixtures.plangen_dir
    m = evaluate_end_to_end(out)
    assert m["pairs"] >= 4
    # Floors, not the targets: end to end, every measure the pdf/structure layers mis-read (a column
    # interleaved, a heading lost) costs the comparison too. The targets are asserted on the specs above.
    assert m["alignment_accuracy"] >= 0.90, m
    assert m["change_type_accuracy"] >= 0.85, m
    assert m["renumbering_recall"] >= 0.85, m
    assert m["move_recall"] >= 0.75, m
