"""Ministries, minister titles and agencies recognised from the registry's forms.

Expected ministry ids are looked up in the registry (not hard-coded), so the tests check
the NLP mechanisms, not a particular spelling of the reference data.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.nlp import find_entities, find_entities_many
from pipeline.reference import default_registry

D2016 = date(2016, 2, 1)


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    """These tests check the registry's rules alone (the trained recogniser on top: test_nlp_model_entities.py)."""
    monkeypatch.setenv("TILTAK_NLP", "rules")


def mid(name: str, on: date = D2016) -> str:
    return default_registry().resolve(name, on).ministry_id


def ministries(text: str, on: date | None = D2016) -> list[tuple[str, str | None]]:
    return [(e.text, e.ministry_id) for e in find_entities(text, on) if e.label == "MINISTRY"]


JD = "Justis- og beredskapsdepartementet"


@pytest.mark.parametrize(
    "written",
    [
        "Justis- og beredskapsdepartementet",
        "Justis- og beredskapsdepartementets",  # genitive
        "justis- og beredskapsdepartementet",  # lower case
        "JUSTIS- OG BEREDSKAPSDEPARTEMENTET",  # upper case (headings)
        "Justisdepartementet",  # short form
        "justisdepartementet",
        "justisdepartementets",
        "Justisdepartement",  # indefinite
        "Justis- og politidepartementet",  # the name before 2012
    ],
)
def test_justice_ministry_in_many_forms(written: str) -> None:
    text = f"Tiltaket ledes av {written} i samarbeid med andre."
    found = ministries(text)
    assert found == [(written, mid(JD))]


def test_entity_offsets_point_into_the_text() -> None:
    text = "I 2016 skal Kunnskapsdepartementet og Utenriksdepartementet følge opp."
    for e in find_entities(text, D2016):
        assert text[e.start : e.end] == e.text


def test_name_valid_on_the_document_date() -> None:
    text = "Ansvar: Justis- og politidepartementet."
    (old,) = find_entities(text, date(2010, 6, 1))
    (new,) = find_entities(text, date(2016, 6, 1))
    assert old.ministry_id == new.ministry_id == mid(JD)
    assert old.ministry_name == default_registry().name_on(mid(JD), date(2010, 6, 1))
    assert new.ministry_name == default_registry().name_on(mid(JD), date(2016, 6, 1))
    assert old.ministry_name != new.ministry_name


def test_short_form_of_a_merged_ministry() -> None:
    assert ministries("Fiskeridepartementet har ansvaret.") == [
        ("Fiskeridepartementet", default_registry().resolve("Fiskeridepartementet", D2016).ministry_id)
    ]


def test_abbreviations_are_whole_tokens_and_case_sensitive() -> None:
    text = "Ansvarlig: JD, UD og HOD. Se også JDs rapport og HOD's budsjett."
    found = ministries(text)
    assert [t for t, _ in found] == ["JD", "UD", "HOD", "JDs", "HOD's"]
    assert found[0][1] == mid(JD)
    assert found[2][1] == mid("Helse- og omsorgsdepartementet")
    # lower case or embedded: not the abbreviation
    assert ministries("Han sa jd og ud i en JDX-fil og HODET.") == []


def test_abbreviations_that_are_words_are_ignored_in_upper_case_headings() -> None:
    reg = default_registry()
    # pick registry abbreviations that are also ordinary Norwegian words (e.g. "DA", "NOE")
    from pipeline.reference.wordforms import is_known_word

    word_like = sorted(
        {sf.text for sf in reg.surface_forms() if sf.kind == "abbreviation" and sf.text.isalpha() and is_known_word(sf.text)}
        | {f for f, _ in reg.agency_forms() if f.isupper() and f.isalpha() and is_known_word(f)}
    )
    if not word_like:
        pytest.skip("no registry abbreviation is also a common word")
    abbr = word_like[0]
    assert find_entities(f"{abbr} GJELDER FØLGENDE TILTAK", D2016) == []
    assert [e.text for e in find_entities(f"Ansvar: {abbr}.", D2016)] == [abbr]


def test_generic_departement_is_not_an_entity() -> None:
    assert ministries("Departementet skal følge opp. Ansvarlig departement er ikke avklart.") == []
    assert ministries("Seks statsråder i fem departementer står bak planen.") == []


def test_coordinated_ellipsis_one_ministry() -> None:
    text = "Barne-, likestillings- og inkluderingsdepartementet har ansvar."
    assert ministries(text, date(2012, 1, 1)) == [
        ("Barne-, likestillings- og inkluderingsdepartementet", mid("Barne-, likestillings- og inkluderingsdepartementet", date(2012, 1, 1)))
    ]


def test_coordinated_ellipsis_two_ministries() -> None:
    text = "Arbeids- og sosialdepartementet og Helse- og omsorgsdepartementet samarbeider."
    assert ministries(text) == [
        ("Arbeids- og sosialdepartementet", mid("Arbeids- og sosialdepartementet")),
        ("Helse- og omsorgsdepartementet", mid("Helse- og omsorgsdepartementet")),
    ]


def test_coordinated_list_of_three() -> None:
    text = "Justis- og beredskapsdepartementet, Utenriksdepartementet og Kunnskapsdepartementet deltar."
    assert [t for t, _ in ministries(text)] == [JD, "Utenriksdepartementet", "Kunnskapsdepartementet"]
    assert [m for _, m in ministries(text)] == [mid(JD), mid("Utenriksdepartementet"), mid("Kunnskapsdepartementet")]


def test_suspended_conjuncts_completed_with_the_head() -> None:
    # "Nærings- og fiskeri-" is completed to "Nærings- og fiskeridepartementet"
    text = "Nærings- og fiskeri- og Kunnskapsdepartementet har et felles ansvar."
    found = ministries(text)
    assert found == [
        ("Nærings- og fiskeri-", mid("Nærings- og fiskeridepartementet")),
        ("Kunnskapsdepartementet", mid("Kunnskapsdepartementet")),
    ]


def test_odd_coordinations_do_not_crash() -> None:
    for text in [
        "Helse-, omsorgs- og Kunnskapsdepartementet.",
        "- og departementet",
        "Barne- og - og -departementet",
        "Justis- , og , Utenriksdepartementet",
        "og Kunnskapsdepartementet",
        "Barne-",
        "",
    ]:
        for e in find_entities(text, D2016):
            assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    "written",
    ["Justis– og beredskapsdepartementet", "Justis-og beredskapsdepartementet", "Justis - og beredskapsdepartementet"],
)
def test_dash_and_spacing_variants(written: str) -> None:
    assert ministries(f"Ansvar: {written} og UD.") == [(written, mid(JD)), ("UD", mid("Utenriksdepartementet"))]


def test_dash_between_number_and_ministry_is_not_a_conjunct() -> None:
    assert ministries("Tiltak 3 – Kunnskapsdepartementet") == [("Kunnskapsdepartementet", mid("Kunnskapsdepartementet"))]


def test_truncated_ministry_names() -> None:
    text = "Ansvar: Kunnskapsdep. og Helse- og omsorgsdep., deretter Romfartsdep. og dep. alene."
    assert ministries(text) == [
        ("Kunnskapsdep.", mid("Kunnskapsdepartementet")),
        ("Helse- og omsorgsdep.", mid("Helse- og omsorgsdepartementet")),
    ]


def test_line_break_inside_a_name() -> None:
    text = "Ansvar: Justis- og\nberedskapsdepartementet og Helse- og\n  omsorgsdepartementet."
    assert [m for _, m in ministries(text)] == [mid(JD), mid("Helse- og omsorgsdepartementet")]


def test_foreign_ministries_have_no_id() -> None:
    found = ministries("Det svenske justisdepartementet og USAs utenriksdepartement kommenterte saken.")
    assert [t for t, _ in found] == ["justisdepartementet", "utenriksdepartement"]
    assert all(m is None for _, m in found)
    # "det norske" is ours
    assert ministries("Det norske utenriksdepartementet svarte.") == [("utenriksdepartementet", mid("Utenriksdepartementet"))]


def test_unknown_capitalised_ministry_is_kept_without_id() -> None:
    found = ministries("Planen ble laget av Romfartsdepartementet i fjor.")
    assert found == [("Romfartsdepartementet", None)]
    # lower case unknown compounds are common nouns ("fagdepartementet")
    assert ministries("Planen ble laget av fagdepartementet i fjor.") == []


def test_minister_titles_with_persons() -> None:
    text = (
        "– Dette er viktig, sier justis- og beredskapsminister Anders Anundsen (FrP). "
        "Helse- og omsorgsminister Bent Høie og utenriksminister Børge Brende var enige."
    )
    found = [(e.text, e.ministry_id, e.person) for e in find_entities(text, D2016) if e.label == "MINISTER"]
    assert found == [
        ("justis- og beredskapsminister Anders Anundsen", mid(JD), "Anders Anundsen"),
        ("Helse- og omsorgsminister Bent Høie", mid("Helse- og omsorgsdepartementet"), "Bent Høie"),
        ("utenriksminister Børge Brende", mid("Utenriksdepartementet"), "Børge Brende"),
    ]


def test_minister_title_without_person_and_hyphenated_names() -> None:
    (e,) = find_entities("Dette mener justisministeren.", D2016)
    assert e.label == "MINISTER" and e.person is None and e.ministry_id == mid(JD)
    e, person = find_entities("Barne- og likestillingsminister Anne-Grethe Strøm-Erichsen.", D2016)
    assert e.person == "Anne-Grethe Strøm-Erichsen"
    # the person is also an entity of its own, PER in NorNE's scheme, ending where the MINISTER span ends
    assert (person.text, person.label, person.ner_label, person.end) == (e.person, "PER", "PER", e.end)


def test_press_release_ministers() -> None:
    lines = [
        "Justis- og beredskapsminister Anders Anundsen",
        "Innvandrings- og integreringsminister Sylvi Listhaug",
        "Barne- og likestillingsminister Solveig Horne",
        "Arbeids- og sosialminister Anniken Hauglie",
        "Utenriksminister Børge Brende",
        "Helse- og omsorgsminister Bent Høie",
    ]
    text = "\n".join(f"  • {line}" for line in lines)
    found = [e for e in find_entities(text, D2016) if e.label == "MINISTER"]
    assert [e.person for e in found] == [" ".join(line.split()[-2:]) for line in lines]
    assert all(e.ministry_id for e in found)
    assert len({e.ministry_id for e in found}) == 5  # six ministers, five ministries


def test_agencies_from_registry_and_families() -> None:
    reg = default_registry()
    text = (
        "Politidirektoratet og Utlendingsdirektoratet (UDI) skal sammen med Arbeidstilsynet, "
        "Skatteetaten, Havbruksnemnda og Barne-, ungdoms- og familiedirektoratet følge opp."
    )
    found = [(e.text, e.agency_id) for e in find_entities(text, D2016) if e.label == "AGENCY"]
    texts = [t for t, _ in found]
    assert texts == [
        "Politidirektoratet",
        "Utlendingsdirektoratet",
        "UDI",
        "Arbeidstilsynet",
        "Skatteetaten",
        "Havbruksnemnda",
        "Barne-, ungdoms- og familiedirektoratet",
    ]
    ids = dict(found)
    for name in ("Politidirektoratet", "Utlendingsdirektoratet", "UDI", "Barne-, ungdoms- og familiedirektoratet"):
        agency = reg.resolve_agency(name)
        assert agency is not None and ids[name] == agency.agency_id
    assert ids["UDI"] == ids["Utlendingsdirektoratet"]
    # a family member not in the registry is still an agency, without id
    assert reg.resolve_agency("Havbruksnemnda") is None and ids["Havbruksnemnda"] is None


def test_agency_entities_do_not_claim_a_ministry() -> None:
    (e,) = [e for e in find_entities("Politidirektoratet har ansvar.", D2016) if e.label == "AGENCY"]
    assert e.ministry_id is None and e.agency_id


def test_entities_sorted_and_non_overlapping() -> None:
    text = "JD og Politidirektoratet, Utenriksdepartementet og utenriksminister Børge Brende, UD."
    ents = find_entities(text, D2016)
    assert ents == sorted(ents, key=lambda e: e.start)
    spans = [e for e in ents if e.label != "PER"]  # the minister's person lies inside the MINISTER span
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    assert {e.label for e in ents} == {"MINISTRY", "MINISTER", "AGENCY", "PER"}


def test_find_entities_many_matches_single_calls() -> None:
    texts = ["Kunnskapsdepartementet.", "Ingen her.", "JD og UD."]
    assert find_entities_many(texts, D2016) == [find_entities(t, D2016) for t in texts]


def test_without_date_uses_current_names() -> None:
    (e,) = find_entities("Justis- og politidepartementet.")
    assert e.ministry_name == default_registry().name_on(e.ministry_id, None)
