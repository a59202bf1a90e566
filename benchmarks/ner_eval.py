"""tiltak's NER model on NorNE Bokmål dev: exact span + type, micro and per type; speed; load time.

    .venv/bin/python benchmarks/ner_eval.py [--model DIR] [--shared DIR] [--limit N] [--json PATH]
    .venv/bin/python benchmarks/ner_eval.py --modes prose --pipeline --plan-pages 100   # as a user runs it

Scores (see :func:`pipeline.nlp.ner_training.evaluate_ner`) in three input modes:

* ``prose``: the real dev text (``# text``), tokenised by the model's own ``nb`` tokenizer: what the
  model meets at run time (the figure reported in the model's meta);
* ``gold-tokens``: NorNE's own tokens (spaces from SpaceAfter), so tokenisation errors do not count;
* ``space-joined``: the tokens joined by single spaces, as the training file writes them.

Throughput: words/s of the whole pipeline (tokenizer + tok2vec + ner) with ``nlp.pipe`` on the
dev text, best of ``--repeats``. Load time: ``load_ner_model()`` in a fresh process, with and
without the imports.

``--pipeline``: the same dev prose through tiltak's own pipeline, step by step (the figures a user gets):

* ``model``: the model alone, its own ``nb`` tokenizer (the figure above);
* ``+ tiltak tokenizer``: the model with tiltak's abbreviation exceptions in its tokenizer;
* ``tiltak_ner``: the model inside ``load_nlp()`` (tiltak tokenizer, one sentence at a time), no registry;
* ``+ registry``: the registry's ministries, minister titles (their persons as PER) and agencies win where
  they overlap the model (ner_label ORG), organisations left out;
* ``+ organisations``: the same with the organisations registry: ``load_nlp()`` as shipped;
* ``rules only``: ``--nlp rules`` (no model).

Spans are scored by their NorNE type (``Entity.ner_label``); a minister title has none and is not scored.
Also: words/s of ``load_nlp()`` (model) and of the rules alone on the dev text, and ``load_nlp()`` in a fresh
process. ``--plan-pages N``: the NLP step on a synthetic plan of about N pages (``benchmarks/run.py``'s
sized plans, cached in ``benchmarks/work``): ``plan_from_layout`` with and without enrichment, for both
modes, and every block of the plan through ``find_entities_many`` (the worst case: all its text, one pass).

Prints only figures and counts, never NorNE text. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.errors import TiltakError  # noqa: E402
from pipeline.nlp.ner_model import default_model_dir, load_ner_model, ner_model_meta  # noqa: E402
from pipeline.nlp.ner_training import LABELS, MODES, evaluate_ner, norne_paths, read_norne  # noqa: E402

_LOAD_SNIPPET = """
import sys, time
t0 = time.perf_counter()
from pipeline.nlp.ner_model import load_ner_model
t1 = time.perf_counter()
load_ner_model(sys.argv[1])
t2 = time.perf_counter()
print(t2 - t0, t2 - t1)
"""


def load_seconds(model_dir: Path) -> tuple[float, float]:
    """(import + load, load only) seconds of ``load_ner_model`` in a fresh Python process."""
    out = subprocess.run(
        [sys.executable, "-c", _LOAD_SNIPPET, str(model_dir)], cwd=ROOT, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    total, load = (float(x) for x in out.stdout.split())
    return total, load


def throughput(nlp, texts: list[str], repeats: int = 3) -> tuple[float, int]:
    """Best words/s over ``repeats`` passes of ``nlp.pipe`` over ``texts``; and the word count."""
    best, words = 0.0, 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        best = max(best, words / (time.perf_counter() - t0))
    return best, words


_NLP_LOAD_SNIPPET = """
import os, sys, time
os.environ["TILTAK_NLP"] = sys.argv[1]
t0 = time.perf_counter()
from pipeline.nlp import load_nlp
import spacy
t1 = time.perf_counter()
load_nlp()
t2 = time.perf_counter()
print(t2 - t0, t2 - t1)
"""


def nlp_load_seconds(mode: str) -> tuple[float, float]:
    """(imports + ``load_nlp()``, ``load_nlp()`` only) in a fresh process, for ``mode`` (model or rules)."""
    out = subprocess.run(
        [sys.executable, "-c", _NLP_LOAD_SNIPPET, mode], cwd=ROOT, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    total, load = (float(x) for x in out.stdout.split()[-2:])
    return total, load


def _pipeline_variants(model_dir: Path):
    """(name, nlp, spans_of) for each step of the integrated pipeline (see the module docstring)."""
    from dataclasses import replace

    from pipeline.nlp import language
    from pipeline.nlp.analysis import entities_of
    from pipeline.nlp.entities import EntityRecognizer
    from pipeline.nlp.tokenizer import add_abbreviations
    from pipeline.reference import Registry
    from pipeline.reference.loader import load

    def typed(doc):
        return [(e.start, e.end, e.ner_label) for e in entities_of(doc) if e.ner_label]

    own = load_ner_model(model_dir, cache=False)
    add_abbreviations(own)
    shipped = language.build_nlp(language.SHIPPED)
    no_registry = language.build_nlp(language.SHIPPED, entities=False)
    no_orgs = language.build_nlp(language.SHIPPED)
    no_orgs.get_pipe("tiltak_entities").recognizer = EntityRecognizer(no_orgs, Registry(replace(load(), organisations=())))
    rules = language.build_nlp(language.BLANK)
    return [
        ("model + tiltak tokenizer", own, None),
        ("tiltak_ner (per sentence)", no_registry, None),
        ("+ registry (no organisations)", no_orgs, typed),
        ("+ organisations (load_nlp)", shipped, typed),
        ("rules only (--nlp rules)", rules, typed),
    ]


def registry_false_positives(nlp, dev) -> dict:
    """Registry spans of ``nlp`` on dev that are not a gold entity of that type: how many, how many lower-case."""
    from pipeline.nlp.analysis import entities_of

    gold = [set(s.char_spans()[1]) for s in dev]
    texts = [s.char_spans()[0] for s in dev]
    fp = lower = tp = 0
    for g, text, doc in zip(gold, texts, nlp.pipe(texts, batch_size=256)):
        for e in entities_of(doc):
            if e.source != "registry" or not e.ner_label:
                continue
            if (e.start, e.end, e.ner_label) in g:
                tp += 1
            else:
                fp += 1
                lower += text[e.start : e.start + 1].islower()
    return {"registry_tp": tp, "registry_fp": fp, "registry_fp_lower_case": lower}


def plan_nlp_step(pages: int, repeats: int = 2) -> dict:
    """The NLP step on a synthetic plan of about ``pages`` pages, model vs rules (wall seconds, best of ``repeats``)."""
    import copy
    import gc

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import PLAN_DATE, _info, make_sized_plan  # noqa: E402

    from pipeline.documents.extract import plan_from_layout
    from pipeline.layout import read_pdf
    from pipeline.nlp import language, mode
    from pipeline.nlp.analysis import find_entities_many

    plan = make_sized_plan(pages, log=lambda line: print(line, file=sys.stderr))
    doc = read_pdf(plan.path, engine="pdfium")
    info = _info(plan.path, doc.page_count, PLAN_DATE)
    blocks = [b.text for b in doc.blocks if b.text.strip()]
    out: dict = {"plan": plan.name, "pages": doc.page_count, "blocks": len(blocks), "words": sum(len(t.split()) for t in blocks)}

    def best(fn) -> tuple[float, object]:
        t, value = float("inf"), None
        for _ in range(repeats):
            d = copy.deepcopy(doc)
            gc.collect()
            t0 = time.perf_counter()
            value = fn(d)
            t = min(t, time.perf_counter() - t0)
        return t, value

    structure_s, _ = best(lambda d: plan_from_layout(d, info, PLAN_DATE, enrich=False))
    out["structure_s"] = round(structure_s, 3)
    previous = os.environ.get(mode.ENV_VAR)
    try:
        for m in (mode.MODEL, mode.RULES):
            os.environ[mode.ENV_VAR] = m
            language.load_nlp()
            total_s, result = best(lambda d: plan_from_layout(d, info, PLAN_DATE))
            measure_words = sum(len((x.title + " " + x.text).split()) for x in result.measures)
            t0 = time.perf_counter()
            ents = sum(len(e) for e in find_entities_many(blocks, PLAN_DATE))
            all_text_s = time.perf_counter() - t0
            out[m] = {"with_enrichment_s": round(total_s, 3), "nlp_step_s": round(total_s - structure_s, 3),
                      "measures": len(result.measures), "measure_words": measure_words,
                      "all_blocks_s": round(all_text_s, 3), "all_blocks_entities": ents,
                      "all_blocks_words_per_s": round(out["words"] / all_text_s)}
    finally:
        if previous is None:
            os.environ.pop(mode.ENV_VAR, None)
        else:
            os.environ[mode.ENV_VAR] = previous
    return out


def _table(scores: dict) -> str:
    rows = ["| type | P | R | F | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]

    def row(name: str, d: dict) -> str:
        return f"| {name} | {d['p']:.3f} | {d['r']:.3f} | {d['f']:.3f} | {d['tp'] + d['fn']} | {d['tp'] + d['fp']} |"

    rows.append(row("**micro**", scores["micro"]))
    for label in LABELS:
        rows.append(row(label, scores["per_type"][label]))
    return "\n".join(rows)


def pipeline_section(model_dir: Path, dev, result: dict, repeats: int) -> dict:
    """Scores, registry false positives and speed of the integrated pipeline (printed; returned for --json)."""
    from pipeline.nlp import language

    section: dict = {"variants": {}}
    rows = ["| pipeline | P | R | F | ORG F | PER F | GPE_LOC F |", "|---|---:|---:|---:|---:|---:|---:|"]

    def row(name: str, d: dict) -> str:
        t = d["per_type"]
        return (f"| {name} | {d['micro']['p']:.3f} | {d['micro']['r']:.3f} | {d['micro']['f']:.3f} | {t['ORG']['f']:.3f} | "
                f"{t['PER']['f']:.3f} | {t['GPE_LOC']['f']:.3f} |")

    if "prose" in result:
        rows.append(row("model (its own tokenizer)", result["prose"]))
    texts = [s.char_spans()[0] for s in dev]
    for name, nlp, spans_of in _pipeline_variants(model_dir):
        scores = evaluate_ner(nlp, dev, "prose", spans_of=spans_of).as_dict()
        section["variants"][name] = scores
        rows.append(row(name, scores))
        if name.startswith("+ organisations"):
            section["registry"] = registry_false_positives(nlp, dev)
            section["words_per_second_model"] = round(throughput(nlp, texts, repeats)[0])
            section["per_type"] = scores
        if name.startswith("rules only"):
            section["words_per_second_rules"] = round(throughput(nlp, texts, repeats)[0])
    for m in ("model", "rules"):
        total, load = nlp_load_seconds(m)
        section[f"load_nlp_{m}_s"] = round(total, 3)
        section[f"load_nlp_{m}_after_imports_s"] = round(load, 3)
    print("\n## tiltak's pipeline on dev prose (NorNE types)\n")
    print("\n".join(rows))
    print("\nper type, load_nlp() as shipped:\n")
    print(_table(section["per_type"]))
    r = section["registry"]
    print(f"\nregistry spans on dev: {r['registry_tp']} right, {r['registry_fp']} not a gold entity of that type "
          f"({r['registry_fp_lower_case']} of them lower-case, e.g. a common noun for an agency)")
    print(f"throughput on dev text: load_nlp() {section['words_per_second_model']:,} words/s, "
          f"rules only {section['words_per_second_rules']:,} words/s")
    print(f"load_nlp() in a fresh process: model {section['load_nlp_model_s']:.2f} s "
          f"({section['load_nlp_model_after_imports_s']:.2f} s after imports), rules {section['load_nlp_rules_s']:.2f} s")
    language.clear_cache()
    return section


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=default_model_dir())
    ap.add_argument("--shared", type=Path, default=None, help="shared directory (default: ../shared)")
    ap.add_argument("--limit", type=int, default=0, help="first N dev sentences only")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument("--pipeline", action="store_true", help="also score tiltak's whole pipeline step by step (see above)")
    ap.add_argument("--plan-pages", type=int, default=0, help="also time the NLP step on a synthetic plan of about N pages")
    args = ap.parse_args(argv)

    try:
        _, dev_path = norne_paths(args.shared)
        dev = read_norne(dev_path)
        nlp = load_ner_model(args.model)
        meta = ner_model_meta(args.model)
    except TiltakError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.limit:
        dev = dev[: args.limit]
    total_load, load_only = load_seconds(args.model)
    result: dict = {"model": str(args.model), "sentences": len(dev), "load_seconds": round(total_load, 3), "load_seconds_after_imports": round(load_only, 3)}
    for mode in args.modes.split(","):
        result[mode] = evaluate_ner(nlp, dev, mode).as_dict()
    wps, words = throughput(nlp, [s.char_spans()[0] for s in dev], args.repeats)
    result["words_per_second"] = round(wps)
    result["words"] = words
    size = sum(p.stat().st_size for p in Path(args.model).rglob("*") if p.is_file())
    result["model_bytes"] = size

    print(f"# NER on NorNE dev ({len(dev)} sentences) — model {Path(args.model).name}, trained {meta.get('tiltak', {}).get('trained', '?')}")
    for mode in args.modes.split(","):
        print(f"\n## {mode}\n")
        print(_table(result[mode]))
    print(f"\nthroughput: {wps:,.0f} words/s ({words} words, nlp.pipe, tokenizer + tok2vec + ner)")
    print(f"load: {total_load:.2f} s in a fresh process including imports, {load_only:.2f} s load only")
    print(f"model size: {size / 1e6:.1f} MB")
    if args.pipeline:
        result["pipeline"] = pipeline_section(args.model, dev, result, args.repeats)
    if args.plan_pages:
        step = plan_nlp_step(args.plan_pages)
        result["plan_nlp_step"] = step
        print(f"\n## NLP step on a {step['pages']}-page synthetic plan ({step['words']} words in {step['blocks']} blocks)\n")
        print(f"structure without enrichment: {step['structure_s']:.2f} s")
        for m in ("model", "rules"):
            r = step[m]
            print(f"{m}: enrichment {r['nlp_step_s']:.2f} s ({r['measures']} measures, {r['measure_words']} words); "
                  f"every block through find_entities_many {r['all_blocks_s']:.2f} s = {r['all_blocks_words_per_s']:,} words/s "
                  f"({r['all_blocks_entities']} entities)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
