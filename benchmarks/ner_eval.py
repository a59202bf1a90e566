"""tiltak's NER model on NorNE Bokmål dev: exact span + type, micro and per type; speed; load time.

    .venv/bin/python benchmarks/ner_eval.py [--model DIR] [--shared DIR] [--limit N] [--json PATH]

Scores (see :func:`pipeline.nlp.ner_training.evaluate_ner`) in three input modes:

* ``prose``: the real dev text (``# text``), tokenised by the model's own ``nb`` tokenizer: what the
  model meets at run time (the figure reported in the model's meta);
* ``gold-tokens``: NorNE's own tokens (spaces from SpaceAfter), so tokenisation errors do not count;
* ``space-joined``: the tokens joined by single spaces, as the training file writes them.

Throughput: words/s of the whole pipeline (tokenizer + tok2vec + ner) with ``nlp.pipe`` on the
dev text, best of ``--repeats``. Load time: ``load_ner_model()`` in a fresh process, with and
without the imports. Prints only figures and counts, never NorNE text. Not part of the test suite.
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


def _table(scores: dict) -> str:
    rows = ["| type | P | R | F | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]

    def row(name: str, d: dict) -> str:
        return f"| {name} | {d['p']:.3f} | {d['r']:.3f} | {d['f']:.3f} | {d['tp'] + d['fn']} | {d['tp'] + d['fp']} |"

    rows.append(row("**micro**", scores["micro"]))
    for label in LABELS:
        rows.append(row(label, scores["per_type"][label]))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=default_model_dir())
    ap.add_argument("--shared", type=Path, default=None, help="shared directory (default: ../shared)")
    ap.add_argument("--limit", type=int, default=0, help="first N dev sentences only")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
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
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
