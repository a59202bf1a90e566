"""Merge body measures and summary-table measures: each measure once.

Pairs are found by number (same printed number) confirmed by title similarity, then by title similarity alone
(optimal assignment with scipy's linear_sum_assignment over rapidfuzz scores) for rows whose numbers are missing
or disagree. A merged measure keeps the body's title, text and pages, takes the table's timeframe, and keeps the
table's responsibility texts apart (with the row's page), so that the plan step can compare the two sources. Unmatched table rows become measures of their own
(table-only plans: title from the table cell).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from pipeline.measures.raw import RawMeasure
from pipeline.structure.text import normalize, number_key

NUMBER_MATCH_MIN = 40.0  # same number: titles must still be roughly alike (guards against a different numbering)
TITLE_MATCH_MIN = 80.0  # different/missing numbers: titles must be very alike


def title_similarity(a: str, b: str) -> float:
    a, b = normalize(a).lower(), normalize(b).lower()
    if not a or not b:
        return 0.0
    return max(fuzz.token_set_ratio(a, b) * 0.9, fuzz.ratio(a, b), fuzz.partial_ratio(a, b) * 0.95 if min(len(a), len(b)) >= 20 else 0)


@dataclass
class MergeResult:
    measures: list[RawMeasure]
    matched: int  # pairs merged
    table_only: int
    body_only: int
    warnings: list[str]


def merge_measures(body: list[RawMeasure], table: list[RawMeasure]) -> MergeResult:
    """Merge in body order; table-only rows are inserted by number (or appended in table order)."""
    warnings: list[str] = []
    if not table:
        return MergeResult(list(body), 0, 0, len(body), warnings)
    if not body:
        return MergeResult(list(table), 0, len(table), 0, warnings)

    pairs: dict[int, int] = {}  # table idx -> body idx
    body_by_num: dict[str, list[int]] = {}
    for i, b in enumerate(body):
        if b.number:
            body_by_num.setdefault(b.number, []).append(i)
    used_body: set[int] = set()
    for t_i, t in enumerate(table):
        if not t.number or t.number not in body_by_num:
            continue
        cands = [i for i in body_by_num[t.number] if i not in used_body]
        if not cands:
            continue
        best = max(cands, key=lambda i: title_similarity(body[i].title, t.title))
        sim = title_similarity(body[best].title, t.title)
        if sim >= NUMBER_MATCH_MIN or not body[best].title or not t.title:
            pairs[t_i] = best
            used_body.add(best)
        else:
            warnings.append(
                f"measure {t.number}: table title {t.title[:50]!r} differs from body title {body[best].title[:50]!r}; kept both"
            )

    rest_t = [i for i in range(len(table)) if i not in pairs]
    rest_b = [i for i in range(len(body)) if i not in used_body]
    if rest_t and rest_b:
        score = np.array([[title_similarity(body[b].title, table[t].title) for b in rest_b] for t in rest_t])
        rows, cols = linear_sum_assignment(-score)
        for r, c in zip(rows, cols):
            if score[r, c] >= TITLE_MATCH_MIN:
                pairs[rest_t[r]] = rest_b[c]
                used_body.add(rest_b[c])

    merged_body: dict[int, RawMeasure] = {i: b for i, b in enumerate(body)}
    for t_i, b_i in pairs.items():
        merged_body[b_i] = _combine(body[b_i], table[t_i])

    out = [merged_body[i] for i in range(len(body))]
    extra = [table[i] for i in range(len(table)) if i not in pairs]
    for t in extra:
        out = _insert_by_number(out, t)
    return MergeResult(out, len(pairs), len(extra), len(body) - len(pairs), warnings)


def _combine(b: RawMeasure, t: RawMeasure) -> RawMeasure:
    m = RawMeasure(**{**b.__dict__})
    m.source = "both"
    m.number = b.number or t.number
    m.title = complete_title(b.title, t.title) if b.title else t.title
    m.text = b.text or t.text
    m.timeframe = b.timeframe or t.timeframe
    if m.part_number is None:
        m.part_number, m.part_title = t.part_number, t.part_title
    m.extra_responsibility = list(b.extra_responsibility)
    m.table_responsibility = ([(t.responsibility_text, "table")] if t.responsibility_text else []) + list(
        t.extra_responsibility)
    m.table_page = t.page_start
    return m


def complete_title(title: str, fuller: str | None) -> str:
    """``fuller`` if it extends ``title`` (a heading whose wrapped second line the layout lost), else ``title``."""
    if not fuller:
        return title
    a, b = normalize(title), normalize(fuller)
    if len(b) > len(a) and b.lower().startswith(a.lower()) and len(a) >= 8:
        rest = b[len(a):]
        if rest[:1] in (" ", "-") and ". " not in rest and len(rest.split()) <= 8:
            return b
    return title


def _insert_by_number(out: list[RawMeasure], t: RawMeasure) -> list[RawMeasure]:
    kt = number_key(t.number)
    if kt is None:
        return out + [t]
    for i, m in enumerate(out):
        km = number_key(m.number)
        if km is not None and km > kt:
            return out[:i] + [t] + out[i:]
    return out + [t]
