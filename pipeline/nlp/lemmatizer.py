"""The ``tiltak_lemmatizer`` spaCy component: ``token.lemma_`` from the Bokmål word-form table
(``pipeline.reference.wordforms``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.reference.wordforms import lemmatize, load_table


class TiltakLemmatizer:
    """Sets ``token.lemma_`` from the merged Bokmål table.

    Words get :func:`lemmatize`; numbers, punctuation and whitespace keep their text.
    With ``overwrite=False`` lemmas already set by a trained pipeline are kept.
    """

    def __init__(self, overwrite: bool):
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if not self.overwrite and token.lemma != 0 and token.lemma_ != "":
                continue
            text = token.text
            if token.is_alpha or any(c.isalpha() for c in text) and not token.like_url:
                token.lemma_ = lemmatize(text)
            else:
                token.lemma_ = text
        return doc


@Language.factory("tiltak_lemmatizer", default_config={"overwrite": True})
def make_tiltak_lemmatizer(nlp: Language, name: str, overwrite: bool) -> TiltakLemmatizer:
    load_table()  # build or read the cache now, not inside the first document
    return TiltakLemmatizer(overwrite)
