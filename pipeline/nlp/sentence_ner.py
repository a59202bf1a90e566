"""The ``tiltak_ner`` spaCy component: tiltak's trained recogniser, run one sentence at a time.

The shipped model (:mod:`pipeline.nlp.ner_model`) was trained on NorNE, one sentence per document:
it has never seen a full stop followed by another sentence. Given a paragraph in one piece it reads a
capitalised word after ". " as it reads one inside a sentence, as a name ("… i Oslo. Tiltaket skal …"
gives "Tiltaket" ORG). So this component gives it what it was trained on: every sentence of the Doc
(``tiltak_sentencizer``'s boundaries), without its whitespace tokens, as a Doc of its own; the
entities found are written back into ``doc.ents`` by token position. The Doc's tokens are tiltak's
(abbreviation exceptions included), so the model sees the tokens the rest of the pipeline sees.

The model pipeline is loaded (and verified) once per directory and shared; this component only reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.ner_model import load_ner_model

_BATCH = 128  # sentences per nlp.pipe call of the model


class SentenceNer:
    """Runs ``model`` (a tok2vec + ner pipeline) on each sentence of a Doc and sets ``doc.ents``."""

    def __init__(self, model: Language, name: str = "tiltak_ner"):
        self.name = name
        self.model = model
        self.labels = tuple(model.get_pipe("ner").labels)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        pieces: list[tuple[int, list[int]]] = []  # (doc index, token indices of one sentence)
        inputs: list[Doc] = []
        vocab = self.model.vocab
        for d, doc in enumerate(docs):
            for sent in _sentences(doc):
                kept = [t.i for t in sent if not t.is_space]
                if not kept:
                    continue
                words = [doc[i].text for i in kept]
                spaces = [bool(doc[i].whitespace_) or (i + 1 < len(doc) and doc[i + 1].is_space) for i in kept]
                spaces[-1] = False
                pieces.append((d, kept))
                inputs.append(Doc(vocab, words=words, spaces=spaces))
        found: list[list[Span]] = [[] for _ in docs]
        for (d, kept), out in zip(pieces, self.model.pipe(inputs, batch_size=_BATCH)):
            doc = docs[d]
            for e in out.ents:
                found[d].append(Span(doc, kept[e.start], kept[e.end - 1] + 1, label=e.label_))
        for doc, spans in zip(docs, found):
            doc.ents = spans


def _sentences(doc: Doc) -> Iterable[Span]:
    if doc.has_annotation("SENT_START"):
        return doc.sents
    return [doc[:]]  # no sentence boundaries: the Doc as one sentence


@Language.factory("tiltak_ner", default_config={"model_dir": None})
def make_tiltak_ner(nlp: Language, name: str, model_dir: str | None) -> SentenceNer:
    """The shipped model (or the one in ``model_dir``); :class:`NerModelError` if it is missing or corrupt."""
    return SentenceNer(load_ner_model(model_dir), name)
