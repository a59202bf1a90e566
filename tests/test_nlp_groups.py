"""Target groups and comparison tokens."""

from __future__ import annotations

from datetime import date

from pipeline.nlp import comparison_tokens, mentions_children, target_groups
from pipeline.reference import default_registry


def test_target_groups_from_inflected_words() -> None:
    text = (
        "Tiltaket skal bedre bistanden til enslige mindreårige asylsøkere og barn som er ofre for "
        "menneskehandel, og til kvinner i prostitusjon."
    )
    assert target_groups(text) == ["children", "minors", "unaccompanied_minors", "victims", "women", "asylum_seekers"]


def test_compounds_and_suspended_parts() -> None:
    assert "victims" in target_groups("Menneskehandelsofrene får et tilbud.")
    assert "children" in target_groups("Fosterbarna skal følges opp.")
    assert "children" in target_groups("Det gjelder barne- og ungdomstiltak.")
    assert "youth" in target_groups("Det gjelder barne- og ungdomstiltak.")
    assert "children" in target_groups("Barnehandel skal bekjempes.")


def test_words_inside_ministry_and_agency_names_do_not_count() -> None:
    assert target_groups("Barne- og likestillingsdepartementet og Barne-, ungdoms- og familiedirektoratet leder arbeidet.") == []
    assert target_groups("Barne- og likestillingsminister Solveig Horne la fram planen.") == []


def test_no_false_children() -> None:
    assert target_groups("Politiet skal styrke etterforskningen av menneskehandel.") == []
    assert not mentions_children("Politiet skal styrke etterforskningen av menneskehandel.")


def test_mentions_children() -> None:
    assert mentions_children("Spesiell vekt er lagt på tiltak der mindreårige utnyttes.")
    assert mentions_children("Saker som angår barn skal prioriteres.")
    assert mentions_children("Tilbudet til EMA skal styrkes.")
    assert not mentions_children("Tilbudet til voksne ofre skal styrkes.")


def test_comparison_tokens_basic() -> None:
    toks = comparison_tokens("Tiltakene skal, jf. tiltak 7, styrke innsatsen for ofrene i 2016.")
    assert toks == ["tiltak", "tiltak", "styrke", "innsats", "offer"]


def test_renamed_ministry_compares_equal() -> None:
    old = comparison_tokens("Justis- og politidepartementet skal styrke innsatsen.", on=date(2010, 1, 1))
    new = comparison_tokens("Justis- og beredskapsdepartementet skal styrke innsatsen.", on=date(2016, 1, 1))
    jd = default_registry().resolve("Justis- og beredskapsdepartementet", date(2016, 1, 1)).ministry_id
    assert old == new == [f"min:{jd}", "styrke", "innsats"]
    assert comparison_tokens("JD skal styrke innsatsen.", on=date(2016, 1, 1)) == new


def test_comparison_tokens_minister_title_and_person() -> None:
    toks = comparison_tokens("Det sier utenriksminister Børge Brende.", on=date(2016, 1, 1))
    ud = default_registry().resolve("Utenriksdepartementet", date(2016, 1, 1)).ministry_id
    assert toks == [f"min:{ud}", "børge", "brende"]


def test_comparison_tokens_empty() -> None:
    assert comparison_tokens("") == []
    assert comparison_tokens("... 12, 13 og 14 !") == []
