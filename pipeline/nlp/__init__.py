"""Norwegian (Bokmål) NLP for tiltak: lemmas, sentences, ministry/agency entities, target groups.

>>> from pipeline.nlp import find_entities
>>> [e.ministry_id for e in find_entities("Arbeids- og sosialdepartementet og Helse- og omsorgsdepartementet")]
['labour-social', 'health-care']

The default pipeline is ``spacy.blank("nb")`` with the tiltak components; a trained
Norwegian spaCy pipeline is used instead when installed or named (argument to
:func:`load_nlp`, or ``$TILTAK_SPACY_MODEL``).
"""

from pipeline.nlp.analysis import (
    analyse,
    comparison_tokens,
    entities_of,
    find_entities,
    find_entities_many,
    tokens_for_comparison,
)
from pipeline.nlp.groups import groups_of, mentions_children, target_groups
from pipeline.nlp.language import load_nlp
from pipeline.nlp.lemmatizer import is_known_word, lemmatize

__all__ = [
    "analyse",
    "comparison_tokens",
    "entities_of",
    "find_entities",
    "find_entities_many",
    "groups_of",
    "is_known_word",
    "lemmatize",
    "load_nlp",
    "mentions_children",
    "target_groups",
    "tokens_for_comparison",
]
