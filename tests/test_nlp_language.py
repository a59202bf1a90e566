"""Loading the pipeline: tiltak's trained recogniser + rules by default, blank Bokmål + rules with
``rules``, a trained/saved pipeline when named."""

from __future__ import annotations

import pytest
import spacy

from pipeline.errors import TiltakError
from pipeline.nlp import language, mode
from pipeline.nlp import load_nlp


def test_default_pipeline_components(monkeypatch) -> None:
    monkeypatch.delenv(mode.ENV_VAR, raising=False)
    nlp = load_nlp()
    assert nlp.lang == "nb"
    assert nlp.pipe_names == ["tiltak_sentencizer", "tiltak_ner", "tiltak_lemmatizer", "tiltak_entities"]
    assert nlp.meta["tiltak"]["base"] == mode.SHIPPED
    assert language.trained_components(nlp) == ["tiltak_ner"]
    assert load_nlp() is nlp  # cached
    rules = load_nlp("rules")
    assert rules.pipe_names == ["tiltak_sentencizer", "tiltak_lemmatizer", "tiltak_entities"]
    assert language.trained_components(rules) == []
    monkeypatch.setenv(mode.ENV_VAR, "rules")
    assert load_nlp() is rules


@pytest.mark.parametrize("nlp_mode", ["model", "rules"])
def test_default_pipeline_end_to_end(monkeypatch, nlp_mode) -> None:
    monkeypatch.setenv(mode.ENV_VAR, nlp_mode)
    doc = load_nlp()("Departementets tiltak, jf. kap. 3. Kunnskapsdepartementet følger opp.")
    assert [s.text.strip() for s in doc.sents] == ["Departementets tiltak, jf. kap. 3.", "Kunnskapsdepartementet følger opp."]
    assert doc[0].lemma_ == "departement"
    assert [e.label_ for e in doc.ents] == ["MINISTRY"]


def test_model_name_resolution(monkeypatch) -> None:
    monkeypatch.delenv(language.ENV_VAR, raising=False)
    monkeypatch.delenv(mode.ENV_VAR, raising=False)
    monkeypatch.setattr(mode, "_is_installed", lambda name: False)
    assert language.resolve_model_name() == mode.SHIPPED
    assert language.resolve_model_name("rules") == mode.BLANK
    assert language.resolve_model_name("model") == mode.SHIPPED
    assert language.resolve_model_name("some_model") == "some_model"
    monkeypatch.setenv(mode.ENV_VAR, "rules")
    assert language.resolve_model_name() == mode.BLANK
    assert language.resolve_model_name("explicit") == "explicit"
    monkeypatch.setenv(mode.ENV_VAR, "model")
    monkeypatch.setenv(language.ENV_VAR, "/models/nb")
    assert language.resolve_model_name() == "/models/nb"
    assert language.resolve_model_name("explicit") == "explicit"
    monkeypatch.delenv(language.ENV_VAR)
    monkeypatch.setattr(mode, "_is_installed", lambda name: name == "nb_core_news_sm")
    assert language.resolve_model_name() == "nb_core_news_sm"
    monkeypatch.setenv(mode.ENV_VAR, "bogus")
    with pytest.raises(TiltakError, match="TILTAK_NLP") as err:
        language.resolve_model_name()
    assert "\n" not in str(err.value)


def test_saved_pipeline_gets_our_components(tmp_path, monkeypatch) -> None:
    # no trained Norwegian model exists here: stand in with a saved blank pipeline that has
    # its own sentence splitter, as a trained one would have a parser/senter
    base = spacy.blank("nb")
    base.add_pipe("sentencizer")
    base.to_disk(tmp_path / "nb_test_model")
    monkeypatch.setenv(language.ENV_VAR, str(tmp_path / "nb_test_model"))
    language.clear_cache()
    try:
        nlp = load_nlp()
        assert nlp.pipe_names == ["sentencizer", "tiltak_lemmatizer", "tiltak_entities"]
        assert nlp.meta["tiltak"]["base"] == str(tmp_path / "nb_test_model")
        doc = nlp("Tiltakene i Helse- og omsorgsdepartementet, jf. kap. 2.")
        assert doc[0].lemma_ == "tiltak"
        assert [(s.text, s.label_) for s in doc.spans["tiltak"]] == [("Helse- og omsorgsdepartementet", "MINISTRY")]
        # the abbreviation exceptions were added to the loaded tokenizer too
        assert "kap." in [t.text for t in doc]
    finally:
        language.clear_cache()


def test_model_entities_are_kept_when_not_clashing(tmp_path) -> None:
    base = spacy.blank("nb")
    ruler = base.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Bent Høie"}, {"label": "ORG", "pattern": "Kunnskapsdepartementet"}])
    base.to_disk(tmp_path / "with_ner")
    nlp = language.build_nlp(str(tmp_path / "with_ner"))
    doc = nlp("Bent Høie og Kunnskapsdepartementet.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Bent Høie", "PER"), ("Kunnskapsdepartementet", "MINISTRY")]


def test_unloadable_model_is_a_tiltak_error(tmp_path) -> None:
    with pytest.raises(TiltakError) as err:
        language.build_nlp(str(tmp_path / "missing_model"))
    assert "TILTAK_SPACY_MODEL" in str(err.value)
    assert "\n" not in str(err.value)


def test_non_norwegian_model_is_refused(tmp_path) -> None:
    spacy.blank("en").to_disk(tmp_path / "en_model")
    with pytest.raises(TiltakError, match="not Norwegian"):
        language.build_nlp(str(tmp_path / "en_model"))


def test_registry_entities_skip_the_trained_components(tmp_path, monkeypatch) -> None:
    from pipeline.nlp import analyse, find_entities, find_registry_entities

    base = spacy.blank("nb")
    ruler = base.add_pipe("entity_ruler", name="ner")  # stands in for a trained NER
    ruler.add_patterns([{"label": "PER", "pattern": "Bent Høie"}])
    base.to_disk(tmp_path / "nb_with_ner")
    monkeypatch.setenv(language.ENV_VAR, str(tmp_path / "nb_with_ner"))
    language.clear_cache()
    try:
        text = "Bent Høie og Kunnskapsdepartementet."
        assert [(e.label, e.ner_label, e.source) for e in find_entities(text)] == [
            ("PER", "PER", "model"), ("MINISTRY", "ORG", "registry")]
        assert [e.label for e in find_registry_entities(text)] == ["MINISTRY"]
        (doc,) = list(analyse([text], disable=["ner", "no_such_component"]))
        assert [e.label_ for e in doc.ents] == ["MINISTRY"]
        (doc,) = list(analyse([text], rules_only=True))
        assert [e.label_ for e in doc.ents] == ["MINISTRY"]
    finally:
        language.clear_cache()
