"""NorNE benchmark (runs only where the data set is present; never copies its text)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NORNE = ROOT.parent / "shared" / "data" / "norne" / "no_bokmaal-ud-dev.conllu"  # ../shared next to the project root

#: Measured 2026-11-28: recall 5/5 (1.0) overlap and exact; floor leaves room for one miss.
RECALL_FLOOR = 0.8
RESOLVED_PRECISION_FLOOR = 0.8


def _benchmark():
    spec = importlib.util.spec_from_file_location("norne_recall", ROOT / "benchmarks" / "norne_recall.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.mark.skipif(not NORNE.exists(), reason=f"NorNE dev file not available at {NORNE} (../shared next to the project root)")
def test_norne_ministry_recall() -> None:
    r = _benchmark().evaluate(NORNE)
    assert r.sentences > 2000
    assert r.gold >= 5
    assert r.recall >= RECALL_FLOOR, f"misses: {dict(r.misses)}"
    assert r.precision_resolved >= RESOLVED_PRECISION_FLOOR, f"false positives: {dict(r.false_positives)}"


def test_conllu_reader_aligns_org_spans(tmp_path) -> None:
    # a synthetic sentence (not NorNE text) in the same format
    text = "Saken gjelder Justisdepartementet og Statens vegvesen."
    rows = [
        ("1", "Saken", "O"),
        ("2", "gjelder", "O"),
        ("3", "Justisdepartementet", "B-ORG"),
        ("4", "og", "O"),
        ("5", "Statens", "B-ORG"),
        ("6", "vegvesen", "I-ORG"),
        ("7", ".", "O"),
    ]
    lines = ["# sent_id = 1", f"# text = {text}"]
    for i, form, tag in rows:
        misc = ("SpaceAfter=No|" if form == "vegvesen" else "") + f"name={tag}"
        lines.append("\t".join([i, form, form, "X", "_", "_", "0", "dep", "_", misc]))
    path = tmp_path / "mini.conllu"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    mod = _benchmark()
    (sent,) = mod.read_conllu(path)
    assert [text[a:b] for a, b in sent.orgs] == ["Justisdepartementet", "Statens vegvesen"]
    r = mod.evaluate(path)
    assert (r.gold, r.found, r.exact, r.predicted, r.correct) == (1, 1, 1, 1, 1)
