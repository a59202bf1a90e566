"""Text-level API on top of the spaCy pipeline: entities and comparison tokens.

Entities (:func:`entities_of`) are the registry's spans (``doc.spans["tiltak"]``: ministries, minister
titles, agencies, organisations, with their ids) and the trained recogniser's other entities (the rest
of ``doc.ents``), each with its type in NorNE's scheme (``Entity.ner_label``); the person after a
minister title is an entity of its own (PER). :func:`find_entities` analyses any length of text: a long
one is cut into pieces at paragraph, line or word boundaries and the offsets are put back together.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.lang.nb.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.model import Entity
from pipeline.nlp.entities import MINISTER, MINISTRY, NER_LABELS, REGISTRY_LABELS, REGISTRY_NER_LABEL, SPAN_KEY
from pipeline.nlp.language import load_nlp, trained_components
from pipeline.nlp.tokenizer import abbreviation_forms

#: spaCy's Bokmål stop list is drawn from news text and contains content words; these are
#: kept by :func:`comparison_tokens` because they carry meaning in policy text.
CONTENT_WORDS = frozenset(
    {"mennesker", "personer", "land", "landet", "kamp", "kampen", "leder", "saken", "kroner", "folk",
     "tid", "grunn", "mål", "plass", "sted", "stedet", "kontakt", "del", "dag", "år", "viktig",
     "poeng", "runde", "laget", "bris", "by", "kveld", "fjor", "ny", "nye", "bedre", "beste", "ikke"}
)  # fmt: skip
COMPARISON_STOP_WORDS = (frozenset(w.lower() for w in STOP_WORDS) - CONTENT_WORDS) | frozenset(
    a.lower() for a in abbreviation_forms()  # "jf.", "bl.a.", "mv." carry no content
)

_BATCH = 64

#: Components of a trained pipeline that entity finding does not need (skipped per call).
NOT_NEEDED_FOR_ENTITIES = frozenset({"parser", "textcat", "textcat_multilabel", "entity_linker", "spancat"})

#: Longest piece of text analysed as one Doc by :func:`find_entities` (characters). Longer texts are
#: cut at a paragraph break, else a line break, else a space, else anywhere (a "word" this long is not
#: prose): the recogniser's memory grows with the length of a Doc, and no sentence is this long.
MAX_PIECE = 20_000
#: Pieces of a long text analysed per ``nlp.pipe`` batch (bounds the recogniser's memory).
_PIECE_BATCH = 8


def analyse(
    texts: Iterable[str],
    on: date | None = None,
    *,
    model: str | None = None,
    disable: Iterable[str] = (),
    rules_only: bool = False,
    batch_size: int = _BATCH,
) -> Iterator[Doc]:
    """Run the tiltak pipeline over ``texts`` (batched with ``nlp.pipe``); ``on`` sets ``doc._.tiltak_date``.

    ``disable`` names components to skip in this call only (thread-safe: the pipeline is not changed);
    ``rules_only`` skips the trained components too (the registry's entities, lemmas and sentences stay).
    """
    nlp = load_nlp(model)
    skip = {*disable, *(trained_components(nlp) if rules_only else ())}
    skip_list = [name for name in nlp.pipe_names if name in skip]

    def docs() -> Iterator[Doc]:
        for text in texts:
            doc = nlp.make_doc(text)
            doc._.tiltak_date = on
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size, disable=skip_list)


def entities_of(doc: Doc, offset: int = 0) -> list[Entity]:
    """The entities of an analysed Doc, sorted by offsets (``offset`` is added to them).

    The registry's spans (their ``ner_label`` from :data:`REGISTRY_NER_LABEL`), the person after a
    minister title as a PER entity of its own, and the trained recogniser's entities that the
    registry's spans did not override (``doc.ents`` outside ``doc.spans["tiltak"]``, NorNE types only).
    """
    out = []
    for span in doc.spans.get(SPAN_KEY, []):
        start = span.start_char + offset
        out.append(
            Entity(
                text=span.text,
                label=span.label_,
                start=start,
                end=span.end_char + offset,
                ministry_id=span._.ministry_id,
                ministry_name=span._.ministry_name,
                agency_id=span._.agency_id,
                person=span._.person,
                ner_label=REGISTRY_NER_LABEL.get(span.label_),
                organisation_id=span._.organisation_id,
                source="registry",
            )
        )
        if span.label_ == MINISTER and span._.person:
            end = span.end_char + offset
            out.append(Entity(text=span._.person, label="PER", start=end - len(span._.person), end=end,
                              ner_label="PER", source="registry"))
    for ent in doc.ents:
        if ent.label_ in REGISTRY_LABELS or ent.label_ not in NER_LABELS:
            continue
        out.append(Entity(text=ent.text, label=ent.label_, start=ent.start_char + offset, end=ent.end_char + offset,
                          ner_label=ent.label_, source="model"))
    out.sort(key=lambda e: (e.start, e.end))
    return out


def text_pieces(text: str, limit: int = MAX_PIECE) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most ``limit`` characters: (offset, piece), in order, joined = text."""
    pieces: list[tuple[int, str]] = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = window.rfind(sep, limit // 2)
            if cut > 0:
                cut += len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append((start, window[:cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def find_entities(text: str, on: date | None = None) -> list[Entity]:
    """Every entity in ``text`` (the registry's and the recogniser's, see :func:`entities_of`); ministry
    names as valid on ``on`` (None = today); offsets into ``text`` as given, however long."""
    pieces = text_pieces(text)
    docs = analyse([p for _, p in pieces], on, disable=NOT_NEEDED_FOR_ENTITIES, batch_size=_PIECE_BATCH)
    return [e for (offset, _), doc in zip(pieces, docs) for e in entities_of(doc, offset)]


def find_entities_many(texts: Iterable[str], on: date | None = None) -> list[list[Entity]]:
    """:func:`find_entities` for many texts at once (one ``nlp.pipe`` pass)."""
    return [entities_of(doc) for doc in analyse(texts, on, disable=NOT_NEEDED_FOR_ENTITIES)]


def find_registry_entities(text: str, on: date | None = None) -> list[Entity]:
    """The registry's entities only (ministries, minister titles, agencies, organisations): the trained
    recogniser is skipped, which is faster where only ids matter (responsibility lines)."""
    doc = next(analyse([text], on, disable=NOT_NEEDED_FOR_ENTITIES, rules_only=True))
    return [e for e in entities_of(doc) if e.source == "registry"]


def tokens_for_comparison(doc: Doc) -> list[str]:
    """See :func:`comparison_tokens`; works on an analysed Doc."""
    replaced: dict[int, tuple[int, str]] = {}
    for span in doc.spans.get(SPAN_KEY, []):
        if span.label_ in (MINISTRY, MINISTER) and span._.ministry_id:
            end = span.end
            if span.label_ == MINISTER and span._.person:
                # keep the person's name as words: only the title becomes the ministry
                person_start = span.end_char - len(span._.person)
                end = next((t.i for t in span if t.idx >= person_start), span.end)
                end = max(end, span.start + 1)
            replaced[span.start] = (end, f"min:{span._.ministry_id}")
    out: list[str] = []
    i = 0
    n = len(doc)
    while i < n:
        if i in replaced:
            end, tok = replaced[i]
            out.append(tok)
            i = end
            continue
        t = doc[i]
        i += 1
        if t.is_space or t.is_punct or t.like_num or not any(c.isalpha() for c in t.text):
            continue
        if t.lower_ in COMPARISON_STOP_WORDS:
            continue
        lemma = (t.lemma_ or t.lower_).lower()
        if lemma in COMPARISON_STOP_WORDS or not lemma.strip("-"):
            continue
        out.append(lemma)
    return out


def comparison_tokens(text: str, on: date | None = None) -> list[str]:
    """Lower-case lemmas of ``text`` for diffs: stop words, punctuation and numbers dropped,
    ministry mentions (names, abbreviations, minister titles) replaced by ``min:<ministry_id>``
    so that a renamed ministry compares equal across versions of a plan."""
    return tokens_for_comparison(next(analyse([text], on, rules_only=True)))
