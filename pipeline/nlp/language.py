"""Building the spaCy pipeline used by tiltak.

Default (``--nlp model``): ``spacy.blank("nb")`` with tiltak's components: abbreviation-aware
tokenizer exceptions, ``tiltak_sentencizer``, ``tiltak_ner`` (tiltak's trained Bokmål recogniser,
shipped in ``pipeline/nlp/models/nb_tiltak_ner``, run one sentence at a time as it was trained, see
:mod:`pipeline.nlp.sentence_ner`), ``tiltak_lemmatizer`` and ``tiltak_entities`` (the registry's
ministries, minister titles, agencies and organisations). The registry's spans win where they
overlap the model's; the model's other entities stay in ``doc.ents``.

Rule-only (``--nlp rules``, ``$TILTAK_NLP=rules`` or ``load_nlp("rules")``): ``spacy.blank("nb")`` with
the same tiltak components. If the shipped model is missing or corrupt, ``load_nlp()`` logs one line
naming the file and ``make model`` and returns the rule-only pipeline (its ``meta["tiltak"]["warning"]``
says why): the model is an addition, never a reason to fail.

A trained pipeline named by argument or ``$TILTAK_SPACY_MODEL`` (a package name or a directory saved
with ``nlp.to_disk``), or an installed ``nb_core_news_*``, replaces the shipped model: it is loaded and
the tiltak components are added on top in the same way. Which pipeline is chosen:
:func:`pipeline.nlp.mode.resolve_model_name`.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline.errors import TiltakError
from pipeline.nlp import entities as _entities  # noqa: F401  (registers the tiltak_entities factory)
from pipeline.nlp import lemmatizer as _lemmatizer  # noqa: F401  (registers the tiltak_lemmatizer factory)
from pipeline.nlp import sentence_ner as _sentence_ner  # noqa: F401  (registers the tiltak_ner factory)
from pipeline.nlp.mode import BLANK, INSTALLED_CANDIDATES, SHIPPED, SPACY_MODEL_ENV_VAR, fallback_message, resolve_model_name
from pipeline.nlp.ner_model import NerModelError, load_ner_model
from pipeline.nlp.tokenizer import add_abbreviations

__all__ = ["BLANK", "SHIPPED", "INSTALLED_CANDIDATES", "ENV_VAR", "resolve_model_name", "build_nlp", "load_nlp",
           "nlp_warning", "trained_components", "clear_cache"]

#: Environment variable naming a spaCy pipeline to use instead of the shipped model.
ENV_VAR = SPACY_MODEL_ENV_VAR

_SENTENCE_SETTERS = ("parser", "senter", "sentencizer", "tiltak_sentencizer")

_CACHE: dict[str, Language] = {}
_FALLBACKS: dict[str, str] = {}  # pipeline name -> why the rule-only pipeline stands in for it
_LOCK = threading.Lock()
_log = logging.getLogger(__name__)


def _load_base(name: str) -> Language:
    if name == BLANK:
        return spacy.blank("nb")
    if name == SHIPPED:
        load_ner_model()  # verified and loaded first: NerModelError names the file and `make model`
        return spacy.blank("nb")
    try:
        nlp = spacy.load(name)
    except (OSError, IOError, ValueError) as exc:
        where = name if Path(name).exists() else None
        raise TiltakError(
            f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0][:200]}",
            path=where,
            hint=f"install the package, fix the path, or unset {ENV_VAR} to use tiltak's own pipeline",
        ) from exc
    if nlp.lang not in ("nb", "no", "nn"):
        raise TiltakError(
            f"spaCy pipeline {name!r} is for language {nlp.lang!r}, not Norwegian",
            hint=f"name a Norwegian pipeline or unset {ENV_VAR}",
        )
    return nlp


def build_nlp(model: str | None = None, *, entities: bool = True) -> Language:
    """A new pipeline (not cached): base (blank, the shipped model or a trained pipeline) + tiltak components."""
    name = resolve_model_name(model)
    nlp = _load_base(name)
    trained = list(nlp.pipe_names)
    add_abbreviations(nlp)
    if not any(p in nlp.pipe_names for p in _SENTENCE_SETTERS):
        nlp.add_pipe("tiltak_sentencizer", first=True)
    if name == SHIPPED:
        nlp.add_pipe("tiltak_ner", after="tiltak_sentencizer")
        trained = ["tiltak_ner"]
    has_lemmatizer = "lemmatizer" in nlp.pipe_names
    nlp.add_pipe("tiltak_lemmatizer", config={"overwrite": not has_lemmatizer})
    if entities:
        nlp.add_pipe("tiltak_entities")
    info = nlp.meta.setdefault("tiltak", {})
    info["base"] = name
    info["trained_components"] = trained
    # no parser/NER memory per character here: long plans may be analysed in one piece
    nlp.max_length = max(nlp.max_length, 20_000_000)
    return nlp


def load_nlp(model: str | None = None) -> Language:
    """The tiltak pipeline for ``model`` (see :func:`resolve_model_name`), cached per model name.

    The shipped model missing or corrupt: the rule-only pipeline, with a warning logged once per
    process; :func:`nlp_warning` returns it too.
    """
    name = resolve_model_name(model)
    with _LOCK:
        nlp = _CACHE.get(name)
        if nlp is None:
            try:
                nlp = build_nlp(name)
            except NerModelError as exc:
                if name != SHIPPED:
                    raise
                _FALLBACKS[name] = fallback_message(exc)
                _log.warning("%s", _FALLBACKS[name])
                nlp = _CACHE.get(BLANK) or build_nlp(BLANK)
                _CACHE[BLANK] = nlp
            _CACHE[name] = nlp
        return nlp


def nlp_warning(model: str | None = None) -> str | None:
    """Why :func:`load_nlp` gives the rule-only pipeline for ``model`` instead of the model (None: it does not)."""
    load_nlp(model)
    return _FALLBACKS.get(resolve_model_name(model))


def trained_components(nlp: Language) -> list[str]:
    """The trained components (``tiltak_ner``, or those of a trained pipeline named instead of it)."""
    return list(nlp.meta.get("tiltak", {}).get("trained_components", []))


def clear_cache() -> None:
    """Forget the cached pipelines (tests; after editing reference data)."""
    with _LOCK:
        _CACHE.clear()
        _FALLBACKS.clear()
