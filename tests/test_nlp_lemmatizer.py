"""Bokmål lemmatiser built from spacy-lookups-data's full-form tables."""

from __future__ import annotations

import json

import pytest
import spacy

from pipeline.reference import wordforms as L
from pipeline.reference.wordforms import is_known_word, lemmatize


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("departementet", "departement"),
        ("tiltakene", "tiltak"),
        ("ofrene", "offer"),
        ("mindreårige", "mindreårig"),
        ("myndighetene", "myndighet"),
        ("handlingsplanen", "handlingsplan"),
        ("barna", "barn"),
        ("direktoratets", "direktorat"),  # genitive -s fallback
        ("Departementets", "departement"),  # case-insensitive + genitive
        ("politiets", "politi"),
        ("asylsøkere", "asylsøker"),
        ("ungdommer", "ungdom"),
        ("kvinner", "kvinne"),
        ("er", "være"),
        ("kan", "kunne"),
    ],
)
def test_inflected_domain_words(form: str, lemma: str) -> None:
    assert lemmatize(form) == lemma


def test_conflicts_prefer_nouns() -> None:
    # "ofre" is both the plural of "offer" (noun) and the verb "ofre"
    assert lemmatize("ofre") == "offer"
    # "landet": noun "land" beats verb "lande"
    assert lemmatize("landet") == "land"


def test_stop_word_guard_keeps_function_words() -> None:
    # the verb table has "for" -> "fore"; the guard keeps the preposition
    assert lemmatize("for") == "for"
    # the lookup table maps "mange" -> "mang en" (contains a space): never used
    assert " " not in lemmatize("mange")
    assert lemmatize("mange") == "mange"


def test_compound_fallback_uses_known_noun_head() -> None:
    assert lemmatize("nærpolitireformen") == "nærpolitireform"
    assert lemmatize("Kunnskapsdepartementets") == "kunnskapsdepartement"


def test_unknown_words_are_lowercased_unchanged() -> None:
    assert lemmatize("Qwzxyq") == "qwzxyq"
    assert lemmatize("") == ""


def test_is_known_word_import_does_not_need_spacy() -> None:
    import subprocess
    import sys

    L.load_table()  # make sure the cache file exists (the subprocess shares TILTAK_CACHE_DIR)
    code = (
        "import sys; from pipeline.reference.wordforms import is_known_word, lemmatize; "
        "assert is_known_word('myndigheter') and lemmatize('ofrene') == 'offer'; "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_is_known_word_for_dehyphenation() -> None:
    assert is_known_word("myndigheter")
    assert is_known_word("Myndigheter")
    assert is_known_word("direktoratets")  # genitive of a noun form
    assert not is_known_word("myndigheterxq")
    assert not is_known_word("")
    # a compound absent from the table is known only when compounds are allowed
    assert not is_known_word("nærpolitireformen")
    assert is_known_word("nærpolitireformen", compounds=True)


def test_table_size_and_determinism() -> None:
    table = L.load_table()
    assert len(table) > 500_000
    assert all(k == k.lower() for k in list(table.lemmas)[:1000])
    assert "departementet" in table.nouns


def test_disk_cache_round_trips_the_table() -> None:
    first = L.load_table()  # built (fresh cache dir) or read from the cache
    L.reset_cache()
    again = L.load_table()  # now certainly read from the cache file
    assert again.load_seconds is not None
    assert again.lemmas == first.lemmas
    assert again.nouns == first.nouns


def test_cache_is_written_atomically_and_reused(tmp_path, monkeypatch) -> None:
    # the cache mechanics do not depend on size: use a real slice of the table (fast)
    real = L.load_table()
    keys = sorted(real.lemmas)[::200]
    small = ({k: real.lemmas[k] for k in keys}, frozenset(k for k in keys if k in real.nouns))
    calls: list[int] = []
    monkeypatch.setattr(L, "build_table", lambda: calls.append(1) or small)
    monkeypatch.setenv("TILTAK_CACHE_DIR", str(tmp_path))
    L.reset_cache()
    try:
        path = L.cache_path()
        assert path.parent == tmp_path / "nlp"
        assert L.lookups_version_in_name(path)
        built = L.load_table()
        assert calls == [1]
        assert built.build_seconds is not None and path.exists()
        assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
        L.reset_cache()
        loaded = L.load_table()
        assert calls == [1]  # read from disk, not rebuilt
        assert loaded.load_seconds is not None and loaded.build_seconds is None
        assert loaded.lemmas == built.lemmas and loaded.nouns == built.nouns
        # a corrupt cache is rebuilt, not fatal
        path.write_text("{not json", encoding="utf-8")
        L.reset_cache()
        rebuilt = L.load_table()
        assert calls == [1, 1]
        assert rebuilt.build_seconds is not None
        assert json.loads(path.read_text(encoding="utf-8"))["source_version"] == rebuilt.source_version
        # a cache of another build version is ignored
        data = json.loads(path.read_text(encoding="utf-8"))
        data["build_version"] = -1
        path.write_text(json.dumps(data), encoding="utf-8")
        L.reset_cache()
        L.load_table()
        assert calls == [1, 1, 1]
    finally:
        monkeypatch.delenv("TILTAK_CACHE_DIR")
        L.reset_cache()


def test_spacy_component_sets_lemmas() -> None:
    import pipeline.nlp.lemmatizer  # noqa: F401  (registers the factory)

    nlp = spacy.blank("nb")
    nlp.add_pipe("tiltak_lemmatizer")
    doc = nlp("Departementets tiltakene for ofrene, 26 ganger.")
    assert [t.lemma_ for t in doc] == ["departement", "tiltak", "for", "offer", ",", "26", doc[6].lemma_, "."]
    assert doc[6].lemma_ in {"gang", "ganger"}


def test_component_without_overwrite_keeps_existing_lemmas() -> None:
    import pipeline.nlp.lemmatizer  # noqa: F401  (registers the factory)

    nlp = spacy.blank("nb")
    nlp.add_pipe("tiltak_lemmatizer", config={"overwrite": False})
    doc = nlp.make_doc("tiltakene ofrene")
    doc[0].lemma_ = "TILTAK"
    doc = nlp.get_pipe("tiltak_lemmatizer")(doc)
    assert doc[0].lemma_ == "TILTAK" and doc[1].lemma_ == "offer"
