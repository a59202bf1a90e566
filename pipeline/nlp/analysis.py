"""Text-level API on top of the spaCy pipeline: entities and comparison tokens."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.lang.nb.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.model import Entity
from pipeline.nlp.entities import MINISTER, MINISTRY, SPAN_KEY
from pipeline.nlp.language import load_nlp
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
NOT_NEEDED_FOR_ENTITIES = frozenset({"parser", "ner", "textcat", "textcat_multilabel", "entity_linker", "spancat"})


def analyse(
    texts: Iterable[str],
    on: date | None = None,
    *,
    model: str | None = None,
    disable: Iterable[str] = (),
) -> Iterator[Doc]:
    """Run the tiltak pipeline over ``texts`` (batched with ``nlp.pipe``); ``on`` sets ``doc._.tiltak_date``.

    ``disable`` names components to skip in this call only (thread-safe: the pipeline is not changed).
    """
    nlp = load_nlp(model)
    skip = [name for name in disable if name in nlp.pipe_names]

    def docs() -> Iterator[Doc]:
        for text in texts:
            doc = nlp.make_doc(text)
            doc._.tiltak_date = on
            yield doc

    yield from nlp.pipe(docs(), batch_size=_BATCH, disable=skip)


def entities_of(doc: Doc) -> list[Entity]:
    """The tiltak entities of an analysed Doc, sorted by start offset."""
    out = []
    for span in doc.spans.get(SPAN_KEY, []):
        out.append(
            Entity(
                text=span.text,
                label=span.label_,
                start=span.start_char,
                end=span.end_char,
                ministry_id=span._.ministry_id,
                ministry_name=span._.ministry_name,
                agency_id=span._.agency_id,
                person=span._.person,
            )
        )
    out.sort(key=lambda e: (e.start, e.end))
    return out


def find_entities(text: str, on: date | None = None) -> list[Entity]:
    """MINISTRY, MINISTER and AGENCY entities in ``text``; names as valid on ``on`` (None = today)."""
    return entities_of(next(analyse([text], on, disable=NOT_NEEDED_FOR_ENTITIES)))


def find_entities_many(texts: Iterable[str], on: date | None = None) -> list[list[Entity]]:
    """:func:`find_entities` for many texts at once (one ``nlp.pipe`` pass)."""
    return [entities_of(doc) for doc in analyse(texts, on, disable=NOT_NEEDED_FOR_ENTITIES)]


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
    return tokens_for_comparison(next(analyse([text], on)))
