"""Building the spaCy pipeline used by tiltak.

Default: ``spacy.blank("nb")`` + abbreviation-aware tokenizer + ``tiltak_sentencizer`` +
``tiltak_lemmatizer`` + ``tiltak_entities``.  No trained Norwegian pipeline is on PyPI, but
if one is installed (``nb_core_news_sm/md/lg``) or named by argument or the environment
variable ``TILTAK_SPACY_MODEL`` (a package name or a directory saved with
``nlp.to_disk``), it is loaded and the tiltak components are added on top: its own
sentence boundaries and lemmas are kept, our entities are added to ``doc.spans`` and,
where they do not clash with the model's own, to ``doc.ents``.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline.errors import TiltakError
from pipeline.nlp import entities as _entities  # noqa: F401  (registers the tiltak_entities factory)
from pipeline.nlp import lemmatizer as _lemmatizer  # noqa: F401  (registers the tiltak_lemmatizer factory)
from pipeline.nlp.tokenizer import add_abbreviations

#: Name used for the default (blank) pipeline in caches and messages.
BLANK = "blank:nb"

#: Trained Norwegian pipelines tried when no model is named (largest last: prefer md).
INSTALLED_CANDIDATES = ("nb_core_news_md", "nb_core_news_sm", "nb_core_news_lg")

ENV_VAR = "TILTAK_SPACY_MODEL"

_SENTENCE_SETTERS = ("parser", "senter", "sentencizer", "tiltak_sentencizer")

_CACHE: dict[str, Language] = {}
_LOCK = threading.Lock()


def resolve_model_name(model: str | None = None) -> str:
    """The model to load: ``model``, else ``$TILTAK_SPACY_MODEL``, else an installed nb_core_news_*, else blank."""
    if model:
        return model
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return env
    for name in INSTALLED_CANDIDATES:
        if spacy.util.is_package(name):
            return name
    return BLANK


def _load_base(name: str) -> Language:
    if name in (BLANK, "nb", "blank"):
        return spacy.blank("nb")
    try:
        nlp = spacy.load(name)
    except (OSError, IOError, ValueError) as exc:
        where = name if Path(name).exists() else None
        raise TiltakError(
            f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0][:200]}",
            path=where,
            hint=f"install the package, fix the path, or unset {ENV_VAR} to use the built-in blank Bokmål pipeline",
        ) from exc
    if nlp.lang not in ("nb", "no", "nn"):
        raise TiltakError(
            f"spaCy pipeline {name!r} is for language {nlp.lang!r}, not Norwegian",
            hint=f"name a Norwegian pipeline or unset {ENV_VAR}",
        )
    return nlp


def build_nlp(model: str | None = None, *, entities: bool = True) -> Language:
    """A new pipeline (not cached): base model + tiltak components."""
    name = resolve_model_name(model)
    nlp = _load_base(name)
    add_abbreviations(nlp)
    if not any(p in nlp.pipe_names for p in _SENTENCE_SETTERS):
        nlp.add_pipe("tiltak_sentencizer", first=True)
    has_lemmatizer = "lemmatizer" in nlp.pipe_names
    nlp.add_pipe("tiltak_lemmatizer", config={"overwrite": not has_lemmatizer})
    if entities:
        nlp.add_pipe("tiltak_entities")
    nlp.meta.setdefault("tiltak", {})["base"] = name
    # no parser/NER memory per character here: long plans may be analysed in one piece
    nlp.max_length = max(nlp.max_length, 20_000_000)
    return nlp


def load_nlp(model: str | None = None) -> Language:
    """The tiltak pipeline for ``model`` (see :func:`resolve_model_name`), cached per model name."""
    name = resolve_model_name(model)
    with _LOCK:
        nlp = _CACHE.get(name)
        if nlp is None:
            nlp = build_nlp(name)
            _CACHE[name] = nlp
        return nlp


def clear_cache() -> None:
    """Forget the cached pipelines (tests; after editing reference data)."""
    with _LOCK:
        _CACHE.clear()
