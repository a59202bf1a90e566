"""Abbreviation-aware tokenisation and sentence segmentation."""

from __future__ import annotations

import pytest
import spacy

from pipeline.nlp.tokenizer import ABBREVIATIONS, abbreviation_forms, add_abbreviations


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nb")
    add_abbreviations(nlp)
    nlp.add_pipe("tiltak_sentencizer")
    return nlp


def sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


REQUIRED = ["kap.", "St.meld.", "Meld.", "St.", "jf.", "bl.a.", "nr.", "mv.", "m.m.", "f.eks.", "ca.",
            "pkt.", "Prop.", "dvs.", "evt.", "osv.", "t.o.m."]  # fmt: skip


@pytest.mark.parametrize("abbr", REQUIRED)
def test_required_abbreviations_are_single_tokens(nlp, abbr: str) -> None:
    doc = nlp(f"Dette står i teksten {abbr} 12 her")
    assert abbr in [t.text for t in doc]


def test_capitalised_variants_are_added() -> None:
    forms = abbreviation_forms()
    for form in ("Jf.", "Kap.", "Bl.a.", "Nr.", "jf.", "meld."):
        assert form in forms
    assert set(ABBREVIATIONS) <= set(forms)


def test_nou_stays_whole(nlp) -> None:
    assert "NOU" in [t.text for t in nlp("Se NOU 2016: 3 om dette.")]


def test_jf_tiltak_does_not_split(nlp) -> None:
    assert sents(nlp, "Politiet skal styrke innsatsen, jf. tiltak 7 i planen.") == [
        "Politiet skal styrke innsatsen, jf. tiltak 7 i planen."
    ]


def test_meld_st_does_not_split(nlp) -> None:
    text = "Regjeringen viser til Meld. St. 12 (2015–2016) om dette. Neste setning kommer her."
    assert sents(nlp, text) == ["Regjeringen viser til Meld. St. 12 (2015–2016) om dette.", "Neste setning kommer her."]


def test_many_abbreviations_in_one_sentence(nlp) -> None:
    text = ("Se kap. 3 og St.meld. nr. 7, bl.a. om tilskudd mv., f.eks. ca. 20 saker, pkt. 4 i Prop. 1 S, "
            "dvs. evt. flere t.o.m. 2018 osv. uten at dette deles.")  # fmt: skip
    assert len(sents(nlp, text)) == 1


def test_sentence_initial_abbreviation(nlp) -> None:
    assert sents(nlp, "Dette er første setning. Jf. kap. 4 gjelder dette også.") == [
        "Dette er første setning.",
        "Jf. kap. 4 gjelder dette også.",
    ]


def test_sentence_final_abbreviation_before_capital(nlp) -> None:
    assert sents(nlp, "Tiltaket gjelder barn, unge mv. Departementet følger opp.") == [
        "Tiltaket gjelder barn, unge mv.",
        "Departementet følger opp.",
    ]
    # but not before a lower-case word
    assert len(sents(nlp, "Tiltaket gjelder barn, unge mv. som trenger hjelp.")) == 1


def test_numbers_with_period(nlp) -> None:
    # a date ordinal does not end the sentence; a number before a capital does
    assert len(sents(nlp, "Planen ble lagt fram 7. juni 2016 av regjeringen.")) == 1
    assert sents(nlp, "Se tiltak 7. Meld. St. 12 omtaler dette.") == ["Se tiltak 7.", "Meld. St. 12 omtaler dette."]


def test_terminal_punctuation_and_quotes(nlp) -> None:
    assert sents(nlp, "Er dette riktig? Ja! «Det er det.» Så videre.") == [
        "Er dette riktig?",
        "Ja!",
        "«Det er det.»",
        "Så videre.",
    ]


def test_paragraphs_and_list_items(nlp) -> None:
    text = "Overskrift uten punktum\n\nAvsnittet begynner her\n• første punkt\n• andre punkt"
    assert sents(nlp, text) == ["Overskrift uten punktum", "Avsnittet begynner her", "• første punkt", "• andre punkt"]


def test_every_token_has_a_boundary_decision(nlp) -> None:
    doc = nlp("Én. To tre (jf. kap. 2). Fire")
    assert all(t.is_sent_start is not None for t in doc)
