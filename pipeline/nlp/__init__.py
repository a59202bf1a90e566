"""Norwegian (Bokmål) NLP for tiltak: lemmas, sentences, named entities, target groups.

>>> from pipeline.nlp import find_entities
>>> [e.ministry_id for e in find_entities("Arbeids- og sosialdepartementet og Helse- og omsorgsdepartementet")]
['labour-social', 'health-care']

The default pipeline is tiltak's trained recogniser (``models/nb_tiltak_ner``, trained on NorNE) with
the registry's rule components on top (ministries, minister titles, agencies, organisations); ``--nlp
rules`` / ``$TILTAK_NLP=rules`` runs the rule components on ``spacy.blank("nb")`` alone. A trained
Norwegian spaCy pipeline named by argument to :func:`load_nlp` or ``$TILTAK_SPACY_MODEL`` (or an
installed ``nb_core_news_*``) replaces the shipped model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Lazy attributes (PEP 562): importing ``pipeline.nlp`` must not import spaCy until a function is used.
_EXPORTS = {
    "analyse": "analysis",
    "comparison_tokens": "analysis",
    "entities_of": "analysis",
    "find_entities": "analysis",
    "find_entities_many": "analysis",
    "find_registry_entities": "analysis",
    "tokens_for_comparison": "analysis",
    "groups_of": "groups",
    "mentions_children": "groups",
    "target_groups": "groups",
    "load_nlp": "language",
    "enrich_plan": "enrich",
}
_SUBMODULES = {"analysis", "enrich", "entities", "groups", "language", "lemmatizer", "mode", "ner_model", "ner_training", "tokenizer"}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"pipeline.nlp.{_EXPORTS[name]}"), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"pipeline.nlp.{name}")
    raise AttributeError(f"module 'pipeline.nlp' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, *_SUBMODULES})


if TYPE_CHECKING:  # for type checkers and IDEs
    from pipeline.nlp.analysis import (  # noqa: F401
        analyse,
        comparison_tokens,
        entities_of,
        find_entities,
        find_entities_many,
        find_registry_entities,
        tokens_for_comparison,
    )
    from pipeline.nlp.groups import groups_of, mentions_children, target_groups  # noqa: F401
    from pipeline.nlp.enrich import enrich_plan  # noqa: F401
    from pipeline.nlp.language import load_nlp  # noqa: F401
