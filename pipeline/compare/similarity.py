"""Similarity and containment between measures of two plan versions.

Measures are represented by their token lists (see :mod:`pipeline.compare.tokens`).  Everything here
is vectorised over all measure pairs; a 40 × 40 comparison takes milliseconds.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel


@dataclass
class MeasureTokens:
    title: list[str]
    text: list[str]

    @property
    def all(self) -> list[str]:
        return self.title + self.text


@dataclass
class SimilarityModel:
    """IDF weights over both versions and the pairwise score matrices (old rows × new columns)."""

    idf: dict[str, float]
    cosine: np.ndarray  # TF-IDF cosine of title + text
    title: np.ndarray  # token_sort_ratio of the titles, in [0, 1]
    score: np.ndarray  # combined alignment score


def idf_weights(docs: list[list[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency: ``ln((1 + N) / (1 + df)) + 1``."""
    n = len(docs)
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in sorted(df.items())}


def _tfidf_matrix(docs: list[list[str]], vocab: dict[str, int], idf: dict[str, float]) -> np.ndarray:
    m = np.zeros((len(docs), len(vocab)), dtype=np.float64)
    for i, d in enumerate(docs):
        for t, c in Counter(d).items():
            m[i, vocab[t]] = c * idf[t]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def build_model(old: list[MeasureTokens], new: list[MeasureTokens]) -> SimilarityModel:
    docs_old = [m.all for m in old]
    docs_new = [m.all for m in new]
    idf = idf_weights(docs_old + docs_new)
    vocab = {t: i for i, t in enumerate(idf)}
    a = _tfidf_matrix(docs_old, vocab, idf)
    b = _tfidf_matrix(docs_new, vocab, idf)
    cosine = np.clip(a @ b.T, 0.0, 1.0) if len(old) and len(new) else np.zeros((len(old), len(new)))
    titles_old = [" ".join(m.title) for m in old]
    titles_new = [" ".join(m.title) for m in new]
    if len(old) and len(new):
        title = process.cdist(titles_old, titles_new, scorer=fuzz.token_sort_ratio, dtype=np.float64) / 100.0
        # Two empty titles say nothing about identity.
        empty = np.outer([not t for t in titles_old], [not t for t in titles_new])
        title[empty] = 0.0
    else:
        title = np.zeros((len(old), len(new)))
    has_text_old = np.array([bool(m.text) for m in old], dtype=bool)
    has_text_new = np.array([bool(m.text) for m in new], dtype=bool)
    both = np.outer(has_text_old, has_text_new)
    score = np.where(both, 0.75 * cosine + 0.25 * title, 0.5 * cosine + 0.5 * title)
    return SimilarityModel(idf=idf, cosine=cosine, title=title, score=score)


def sequence_similarity(a: list[str], b: list[str]) -> float:
    """Order-aware similarity of two token lists (rapidfuzz Indel: 2·LCS / (len a + len b))."""
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(a, b))


def containment(part: list[str], whole: list[str], idf: dict[str, float]) -> float:
    """IDF-weighted share of the distinct tokens of ``part`` that also occur in ``whole``."""
    ps = set(part)
    if not ps:
        return 0.0
    ws = set(whole)
    total = math.fsum(idf.get(t, 1.0) for t in sorted(ps))  # sorted + fsum: same bits whatever the hash seed
    inside = math.fsum(idf.get(t, 1.0) for t in sorted(ps & ws))
    return inside / total


def coverage(whole: list[str], pieces: list[list[str]], idf: dict[str, float]) -> float:
    """IDF-weighted share of the distinct tokens of ``whole`` found in the union of ``pieces``."""
    union: set[str] = set()
    for p in pieces:
        union.update(p)
    return containment(whole, list(union), idf)
