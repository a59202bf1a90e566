"""Word-level diffs of measure titles and texts (difflib on words as written)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from pipeline.compare.tokens import Tokenizer, display_words

Op = Literal["equal", "insert", "delete"]

_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


def word_diff(old: str | None, new: str | None) -> list[Segment]:
    """Diff two texts word by word; consecutive words with the same operation form one segment.

    A replaced run gives a ``delete`` segment followed by an ``insert`` segment.
    """
    a = display_words(old or "")
    b = display_words(new or "")
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.append(Segment("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment("insert", " ".join(b[j1:j2])))
    return out


def _norm_word(w: str) -> str:
    return _EDGE_PUNCT.sub("", w.lower())


def wording_changed(old: str | None, new: str | None, tokenize: Tokenizer, window: int = 3) -> bool:
    """True when the words as written differ beyond whitespace, punctuation and letter case.

    A differing run of words does not count when, together with ``window`` words of shared context
    on each side, it yields the same tokens on both sides *and* those tokens contain a ministry
    (``min:<id>``): a renamed ministry ("Justis- og politidepartementet" → "Justis- og
    beredskapsdepartementet") is not a wording change.
    """
    a_raw = display_words(old or "")
    b_raw = display_words(new or "")
    a_idx = [i for i, w in enumerate(a_raw) if _norm_word(w)]
    b_idx = [j for j, w in enumerate(b_raw) if _norm_word(w)]
    a = [_norm_word(a_raw[i]) for i in a_idx]
    b = [_norm_word(b_raw[j]) for j in b_idx]
    if a == b:
        return False
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        lo_a, hi_a = max(0, i1 - window), min(len(a), i2 + window)
        lo_b, hi_b = max(0, j1 - window), min(len(b), j2 + window)
        seg_a = " ".join(a_raw[a_idx[k]] for k in range(lo_a, hi_a))
        seg_b = " ".join(b_raw[b_idx[k]] for k in range(lo_b, hi_b))
        ta, tb = tokenize(seg_a), tokenize(seg_b)
        if ta == tb and any(t.startswith("min:") for t in ta):
            continue
        return True
    return False
