"""Recall of ministry mentions on NorNE (Bokmål dev split, CoNLL-U).

Gold: ORG spans (``name=B-ORG``/``I-ORG`` in MISC) whose text contains "departement"
(case-insensitive).  Predicted: MINISTRY entities of :func:`pipeline.nlp.find_entities`
on each sentence's ``# text =`` line.  A gold span counts as found when a prediction
overlaps it (``recall``) or has exactly its offsets (``exact_recall``).  Precision is
measured against *all* gold ORG spans (a MINISTRY prediction is correct when it overlaps
one).  Only counts and entity strings are printed: NorNE sentences must not be copied.

Usage: ``python benchmarks/norne_recall.py [path/to/no_bokmaal-ud-dev.conllu]``
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# ../shared next to the project root (read-only inputs; never copied into the repository)
DEFAULT_PATH = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "norne" / "no_bokmaal-ud-dev.conllu"


@dataclass
class Sentence:
    text: str
    orgs: list[tuple[int, int]]  # character spans of gold ORG entities


@dataclass
class Result:
    sentences: int
    gold: int  # gold ORG spans containing "departement"
    found: int  # ... overlapped by a MINISTRY prediction
    resolved: int  # ... overlapped by a MINISTRY prediction with a registry ministry_id
    exact: int  # ... matched exactly
    predicted: int  # MINISTRY predictions
    correct: int  # predictions overlapping any gold ORG span
    predicted_resolved: int  # MINISTRY predictions with a ministry_id (Norwegian, in the registry)
    correct_resolved: int  # ... overlapping any gold ORG span
    seconds: float
    words: int
    misses: Counter = field(default_factory=Counter)  # gold strings not found
    false_positives: Counter = field(default_factory=Counter)  # predicted strings on no ORG

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def exact_recall(self) -> float:
        return self.exact / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def precision_resolved(self) -> float:
        return self.correct_resolved / self.predicted_resolved if self.predicted_resolved else 1.0


def read_conllu(path: Path) -> list[Sentence]:
    """Sentences with their gold ORG character spans (tokens aligned to the text line)."""
    out: list[Sentence] = []
    text: str | None = None
    tokens: list[tuple[str, str]] = []  # (form, misc)

    def flush() -> None:
        nonlocal text, tokens
        if text is not None:
            out.append(Sentence(text, _org_spans(text, tokens)))
        text, tokens = None, []

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                flush()
            elif line.startswith("# text = "):
                text = line[len("# text = ") :]
            elif line.startswith("#"):
                continue
            else:
                cols = line.split("\t")
                if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
                    continue
                tokens.append((cols[1], cols[9]))
    flush()
    return out


def _tag(misc: str) -> str:
    for item in misc.split("|"):
        if item.startswith("name="):
            return item[5:]
    return "O"


def _org_spans(text: str, tokens: list[tuple[str, str]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    cur: list[int] | None = None
    for form, misc in tokens:
        i = text.find(form, pos)
        if i < 0:  # token not found verbatim: skip alignment for it
            start, end = pos, pos
        else:
            start, end = i, i + len(form)
            pos = end
        tag = _tag(misc)
        if tag == "B-ORG" or (tag == "I-ORG" and cur is None):
            if cur is not None:
                spans.append((cur[0], cur[1]))
            cur = [start, end]
        elif tag == "I-ORG" and cur is not None:
            cur[1] = end
        else:
            if cur is not None:
                spans.append((cur[0], cur[1]))
            cur = None
    if cur is not None:
        spans.append((cur[0], cur[1]))
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(path: Path = DEFAULT_PATH) -> Result:
    from pipeline.nlp import find_entities_many, load_nlp

    sentences = read_conllu(path)
    load_nlp()  # not timed
    t0 = time.perf_counter()
    predictions = find_entities_many([s.text for s in sentences])
    seconds = time.perf_counter() - t0
    res = Result(len(sentences), 0, 0, 0, 0, 0, 0, 0, 0, seconds, sum(len(s.text.split()) for s in sentences))
    for sent, ents in zip(sentences, predictions):
        ministries = [e for e in ents if e.label == "MINISTRY"]
        pred = [(e.start, e.end) for e in ministries]
        resolved = [(e.start, e.end) for e in ministries if e.ministry_id]
        for span in sent.orgs:
            if "departement" not in sent.text[span[0] : span[1]].lower():
                continue
            res.gold += 1
            if any(_overlaps(span, p) for p in pred):
                res.found += 1
                res.resolved += any(_overlaps(span, p) for p in resolved)
            else:
                res.misses[sent.text[span[0] : span[1]]] += 1
            if span in pred:
                res.exact += 1
        for p in pred:
            res.predicted += 1
            on_org = any(_overlaps(p, g) for g in sent.orgs)
            res.predicted_resolved += p in resolved
            res.correct_resolved += on_org and p in resolved
            if on_org:
                res.correct += 1
            else:
                res.false_positives[sent.text[p[0] : p[1]]] += 1
    return res


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else DEFAULT_PATH
    if not path.exists():
        print(f"{path}: not found (pass the NorNE Bokmål dev CoNLL-U file)", file=sys.stderr)
        return 2
    r = evaluate(path)
    print(f"sentences: {r.sentences}  words: {r.words}  time: {r.seconds:.2f} s  ({r.words / r.seconds:,.0f} words/s)")
    print(f"gold ministry ORG spans: {r.gold}")
    print(f"recall (overlap): {r.recall:.3f}  ({r.found}/{r.gold})")
    print(f"recall (exact):   {r.exact_recall:.3f}  ({r.exact}/{r.gold})")
    print(f"MINISTRY predictions: {r.predicted}  precision vs all ORG spans: {r.precision:.3f}  ({r.correct}/{r.predicted})")
    print(f"found and resolved to a registry ministry_id: {r.resolved}/{r.gold}")
    print(
        f"resolved (Norwegian) MINISTRY predictions: {r.predicted_resolved}  precision vs all ORG spans: "
        f"{r.precision_resolved:.3f}  ({r.correct_resolved}/{r.predicted_resolved})"
    )
    if r.misses:
        print("misses (entity strings):")
        for s, n in r.misses.most_common():
            print(f"  {n} x {s}")
    if r.false_positives:
        print("predictions on no ORG span (entity strings):")
        for s, n in r.false_positives.most_common():
            print(f"  {n} x {s}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
