"""Token streams used to compare measures.

The default tokenizer is :func:`pipeline.nlp.comparison_tokens` (lemmas, lower case, stop words,
punctuation and numbers dropped, ministry mentions replaced by ``min:<ministry_id>`` so that a renamed
ministry compares equal); spaCy is loaded on first use.  :func:`simple_tokens` is a small dependency-free
tokenizer for unit tests and for running without the NLP layer; it lower-cases, drops numbers and a
short list of Norwegian function words, and strips a few inflectional endings.  It knows nothing about
ministries, so with it a renamed ministry shows up as a wording change.

:func:`display_words` splits text into the words shown in word-level diffs (original spelling).
"""

from __future__ import annotations

import re
from typing import Callable

from pipeline import nlp  # lazy package: spaCy loads on first use

Tokenizer = Callable[[str], list[str]]

_WORD = re.compile(r"[^\W\d_](?:[\w-]*\w)?", re.UNICODE)

# Norwegian (Bokmål/Nynorsk) function words; enough for the fallback tokenizer only.
STOP_WORDS = frozenset(
    """
    og i på til for av med som er det en et ei den de å at om fra skal vil kan blir ble bli har hadde
    være vært seg sin sitt sine også samt eller men ikke så der her nå når hvor hva hvem hvordan hvis
    jf blant annet andre annen mer mest mange flere alle ved mot etter under over uten inn ut opp
    dette disse denne dens deres hans hennes vi oss vår våre jeg du han hun man slik sånn bare både
    enn inntil gjennom mellom hos innen innenfor hver hvert ny nye nytt kunne skulle ville må
    """.split()
)

_SUFFIXES = ("ene", "ane", "er", "ar", "en", "et", "a", "e")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def simple_tokens(text: str) -> list[str]:
    """Lower-cased content words with light suffix stripping (fallback / tests)."""
    out: list[str] = []
    for m in _WORD.finditer(text or ""):
        w = m.group(0).lower().strip("-")
        if not w or w in STOP_WORDS:
            continue
        out.append(_stem(w))
    return out


def display_words(text: str) -> list[str]:
    """Whitespace-separated words as written (for diffs)."""
    return (text or "").split()


class CachedTokenizer:
    """A tokenizer with a per-comparison cache and optional batching.

    ``prime(texts)`` tokenises all uncached texts at once (with ``batch`` when given, e.g. one
    ``nlp.pipe`` pass), so later calls are dictionary look-ups.
    """

    def __init__(self, fn: Tokenizer, batch: Callable[[list[str]], list[list[str]]] | None = None, name: str = ""):
        self.fn = fn
        self.batch = batch
        self.name = name or f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', type(fn).__name__)}".lstrip(".")
        self.cache: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        text = text or ""
        hit = self.cache.get(text)
        if hit is None:
            hit = list(self.fn(text))
            self.cache[text] = hit
        return hit

    def prime(self, texts) -> None:
        todo = list(dict.fromkeys(t or "" for t in texts if (t or "") not in self.cache))
        if not todo:
            return
        if self.batch is not None:
            for t, toks in zip(todo, self.batch(todo)):
                self.cache[t] = list(toks)
        else:
            for t in todo:
                self.cache[t] = list(self.fn(t))


def _nlp_batch(texts: list[str]) -> list[list[str]]:
    return [nlp.tokens_for_comparison(doc) for doc in nlp.analyse(texts, rules_only=True)]


def resolve_tokenizer(tokenize: Tokenizer | None) -> tuple[CachedTokenizer, str]:
    """Return ``(tokenizer, description)``; the tokenizer caches (and batches when it can).

    ``None`` means the NLP layer's ``comparison_tokens`` (lemmas, batched).
    """
    if isinstance(tokenize, CachedTokenizer):
        return tokenize, tokenize.name
    if tokenize is not None:
        tok = CachedTokenizer(tokenize)
        return tok, tok.name
    name = "pipeline.nlp.comparison_tokens"
    return CachedTokenizer(nlp.comparison_tokens, _nlp_batch, name=name), name
