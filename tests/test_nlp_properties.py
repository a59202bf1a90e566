"""Property test: entity finding never crashes and always returns consistent spans."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp import comparison_tokens, find_entities
from pipeline.nlp.entities import NER_LABELS

PIECES = [
    "Justis-", "og", "beredskapsdepartementet", "Barne-", ",", "likestillings-", "inkluderingsdepartementet",
    "Kunnskapsdepartementet", "departementet", "JD", "UD", "HOD's", "Helse", "–", "-", "omsorgsminister",
    "Bent", "Høie", "(", ")", ".", "jf.", "Meld.", "St.", "12", "\n", "\n\n", "Politidirektoratet", "UDI",
    "Kunnskapsdep", "dep.", "samt", "eller", "Justis-og", "det", "svenske", "USAs", "utenriksdepartement",
    "ministeren", "statsminister", "Erna", "Solberg", "direktoratet", "Havbruksnemnda", "NOE", "OM", "ØKOKRIM",
]  # fmt: skip

texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet="abcæøåABCÆØÅ-–., \n", min_size=1, max_size=6)),
    max_size=25,
).map(lambda parts: " ".join(parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([None, date(2008, 1, 1), date(2016, 2, 1)]))
def test_entities_are_consistent(text: str, on: date | None) -> None:
    ents = find_entities(text, on)  # the default pipeline: the trained recogniser + the registry's rules
    last_end = -1
    minister = None
    for e in ents:
        assert e.label in {"MINISTRY", "MINISTER", "AGENCY", "ORGANISATION"} | set(NER_LABELS)
        assert e.ner_label is None and e.label == "MINISTER" or e.ner_label in NER_LABELS
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        if e.source == "registry" and e.label == "PER":  # the person after a minister title, inside its span
            assert minister is not None and minister.person == e.text and e.end == minister.end
            continue
        assert e.start >= last_end  # sorted, non-overlapping
        last_end = e.end
        minister = e if e.label == "MINISTER" else None
        if e.ministry_id is not None:
            assert e.ministry_name
        if e.person is not None:
            assert e.label == "MINISTER" and e.text.endswith(e.person)
    toks = comparison_tokens(text, on)
    assert all(t and t == t.lower() for t in toks)
