"""Align the parts ("Del 1 …") of two plan versions by title, so renumbered parts are still the same part."""

from __future__ import annotations

from collections import Counter

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from pipeline.compare.tokens import Tokenizer
from pipeline.model import Measure, PlanExtraction

PartKey = tuple[int | None, str | None]  # (number, title)


def _clean_title(t: str | None) -> str | None:
    t = " ".join((t or "").split())
    return t or None


def part_key(plan: PlanExtraction, m: Measure) -> PartKey | None:
    """The part a measure belongs to: its number and the plan's title for that number."""
    if m.part_number is None and not m.part_title:
        return None
    title = None
    if m.part_number is not None:
        for p in plan.parts:
            if p.number == m.part_number:
                title = _clean_title(p.title)
                break
    return (m.part_number, title or _clean_title(m.part_title))


def part_label(key: PartKey | None) -> str | None:
    if key is None:
        return None
    n, t = key
    if n is not None and t:
        return f"Del {n}: {t}"
    if n is not None:
        return f"Del {n}"
    return t


def title_similarity(a: str | None, b: str | None, tokenize: Tokenizer) -> float:
    """Max of token_sort_ratio on lemmas and plain ratio on lower-cased titles, in [0, 1]."""
    if not a or not b:
        return 0.0
    ta, tb = " ".join(tokenize(a)), " ".join(tokenize(b))
    lemma = fuzz.token_sort_ratio(ta, tb) if ta and tb else 0.0
    raw = fuzz.ratio(" ".join(a.lower().split()), " ".join(b.lower().split()))
    return max(lemma, raw) / 100.0


class PartAligner:
    """Maps each old part to its counterpart in the new version (or to nothing)."""

    def __init__(self, old: PlanExtraction, new: PlanExtraction, threshold: float, tokenize: Tokenizer):
        self.old_keys = self._keys(old)
        self.new_keys = self._keys(new)
        self.map: dict[PartKey, PartKey] = {}
        self._align_titles(threshold, tokenize)

    @staticmethod
    def _keys(plan: PlanExtraction) -> list[PartKey]:
        keys: list[PartKey] = []
        for p in plan.parts:
            if p.kind == "chapter":
                continue  # a chapter without measures (introduction, follow-up) is not a part measures move between
            k = (p.number, _clean_title(p.title))
            if k not in keys:
                keys.append(k)
        for m in plan.measures:
            k = part_key(plan, m)
            if k is not None and k not in keys:
                keys.append(k)
        return keys

    def _align_titles(self, threshold: float, tokenize: Tokenizer) -> None:
        ok, nk = self.old_keys, self.new_keys
        if ok and nk:
            s = np.array([[title_similarity(a[1], b[1], tokenize) for b in nk] for a in ok])
            rows, cols = linear_sum_assignment(s, maximize=True)
            for i, j in zip(rows, cols):
                if s[i, j] >= threshold:
                    self.map[ok[i]] = nk[j]
        taken = set(self.map.values())
        for a in ok:  # untitled parts: same number
            if a in self.map or a[1]:
                continue
            for b in nk:
                if b not in taken and not b[1] and b[0] == a[0]:
                    self.map[a] = b
                    taken.add(b)
                    break

    def add_measure_flow(self, flows: list[tuple[PartKey | None, PartKey | None]]) -> None:
        """Pair leftover parts when most aligned measures of one went to the other (title rewritten).

        ``flows``: (old part, new part) of every aligned measure pair.
        """
        taken = set(self.map.values())
        out: dict[PartKey, Counter] = {}
        incoming: Counter = Counter()
        for a, b in flows:
            if a is None or b is None:
                continue
            out.setdefault(a, Counter())[b] += 1
            incoming[b] += 1
        for a in self.old_keys:
            if a in self.map or a not in out:
                continue
            (b, n), *_ = sorted(out[a].items(), key=lambda kv: (-kv[1], self.new_keys.index(kv[0])))
            if b in taken:
                continue
            if 2 * n > sum(out[a].values()) and 2 * n > incoming[b]:
                self.map[a] = b
                taken.add(b)

    def changes(self) -> list[tuple[str | None, str | None, str]]:
        """(old label, new label, status) per part, in new order then removed parts.

        status: "same", "renumbered", "retitled", "renumbered and retitled", "added", "removed".
        """
        back = {b: a for a, b in self.map.items()}
        out: list[tuple[str | None, str | None, str]] = []
        for b in self.new_keys:
            a = back.get(b)
            if a is None:
                out.append((None, part_label(b), "added"))
                continue
            renum = a[0] != b[0]
            retitled = " ".join((a[1] or "").lower().split()) != " ".join((b[1] or "").lower().split())
            status = "renumbered and retitled" if renum and retitled else "renumbered" if renum else "retitled" if retitled else "same"
            out.append((part_label(a), part_label(b), status))
        for a in self.old_keys:
            if a not in self.map:
                out.append((part_label(a), None, "removed"))
        return out

    def moved(self, old_key: PartKey | None, new_key: PartKey | None) -> bool:
        if old_key is None and new_key is None:
            return False
        if old_key is None or new_key is None:
            return True
        return self.map.get(old_key) != new_key

