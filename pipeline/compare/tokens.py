"""Token streams used to compare measures.

The default tokenizer is :func:`pipeline.nlp.comparison_tokens` (lemmas, lower case, stop words,
punctuation and numbers dropped, ministry mentions replaced by ``min:<ministry_id>`` so that a renamed
ministry compares equal).  It is imported lazily.  :func:`simple_tokens` is a small dependency-free
tokenizer for unit tests and for running without the NLP layer; it lower-cases, drops numbers and a
short list of Norwegian function words, and strips a few inflectional endings.  It knows nothing about
ministries, so with it a renamed ministry shows up as a wording change.

:func:`display_words` splits text into the words shown in word-level diffs (original spelling).
"""

from __future__ import annotations

import re
import warnings
from typing import Callable

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


def resolve_tokenizer(tokenize: Tokenizer | None) -> tuple[Tokenizer, str]:
    """Return ``(tokenizer, description)``.

    ``None`` means the NLP layer's ``comparison_tokens``; if that cannot be imported the simple
    tokenizer is used and a warning is issued (the description, shown in the report footer, says so).
    """
    if tokenize is not None:
        name = getattr(tokenize, "__qualname__", None) or type(tokenize).__name__
        module = getattr(tokenize, "__module__", "") or ""
        return tokenize, f"{module}.{name}".lstrip(".")
    try:
        from pipeline.nlp import comparison_tokens  # lazy: spaCy is slow to import
    except ImportError as exc:  # the NLP layer is missing or broken
        warnings.warn(
            f"pipeline.nlp.comparison_tokens unavailable ({exc}); comparing with the simple tokenizer",
            RuntimeWarning,
            stacklevel=3,
        )
        return simple_tokens, "pipeline.compare.tokens.simple_tokens (fallback: pipeline.nlp unavailable)"
    return comparison_tokens, "pipeline.nlp.comparison_tokens"
