"""Text normalisation and line joining (pure functions)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.layout.hyphenation import HYPHENS, decide, join_lines, join_two
from pipeline.layout.text import ends_sentence, normalize, strip_bullet


def test_ligatures_spaces_nfc():
    assert normalize("\ufb01nansiering og \ufb02yt\u00a0og\u2009av \ufb03") == "finansiering og flyt og av ffi"
    assert normalize("a\u030a") == "å"  # decomposed å -> composed
    assert normalize("  mange    mellomrom  ") == "mange mellomrom"
    assert normalize("myndig\u00adheter") == "myndigheter"


def test_dash_spacing():
    assert normalize("2016–2018") == "2016–2018"
    assert normalize("tiltak –ny plan") == "tiltak – ny plan"
    assert normalize("tiltak– ny plan") == "tiltak – ny plan"
    assert normalize("a — b") == "a — b"


def test_bullets():
    for glyph in ["•", "▪", "–", "\uf0b7", "\uf0a7", "-"]:
        assert strip_bullet(f"{glyph} Tiltak 1: Bedre") == ("Tiltak 1: Bedre", glyph)
    assert strip_bullet("a) første punkt") == ("første punkt", "a)")
    assert strip_bullet("Vanlig tekst")[1] is None
    assert strip_bullet("–2016")[1] is None  # no space after: not a bullet


def test_ends_sentence():
    assert ends_sentence("Slutt.") and ends_sentence("«Sitat.»") and ends_sentence("Liste:")
    assert not ends_sentence("fortsetter i") and not ends_sentence("")


def test_hyphen_rules():
    assert join_two("andre myndig-", "heter for å") == "andre myndigheter for å"
    assert join_two("Justis-", "og beredskapsdepartementet") == "Justis- og beredskapsdepartementet"
    assert join_two("helse-", "og omsorgstjenesten") == "helse- og omsorgstjenesten"
    assert join_two("barne-", ", ungdoms- og familie") == "barne-, ungdoms- og familie"
    assert join_two("flere EU-", "landene") == "flere EU-landene"
    assert join_two("perioden 2016-", "2018") == "perioden 2016-2018"
    assert join_two("Nord-", "Norge") == "Nord-Norge"
    assert join_two("tekst -", "videre") == "tekst - videre"  # a dash, not a hyphen
    assert join_two("sam\u00ad", "arbeid") == "samarbeid"
    assert join_two("uten bindestrek", "neste") == "uten bindestrek neste"
    assert join_two("perioden 2016–", "2018") == "perioden 2016–2018"
    assert join_two("tiltak –", "neste linje") == "tiltak – neste linje"


def test_vocabulary_decides_ambiguous_hyphens():
    vocab = {"samarbeid", "sam", "arbeid", "kvinne", "helse", "ikke", "statlige"}
    assert decide("sam", "arbeid", vocab.__contains__) == "drop"
    assert decide("ikke", "statlige", vocab.__contains__) == "keep"  # short known word + known word
    assert join_two("ikke-", "statlige aktører", vocab.__contains__) == "ikke-statlige aktører"
    assert join_two("kvinne-", "helse", vocab.__contains__) == "kvinnehelse"  # compounds are closed
    assert join_two("ikke-", "statlige", None) == "ikkestatlige"  # no vocabulary: drop
    assert join_two("e-", "post") == "e-post"

    def broken(_w: str) -> bool:
        raise RuntimeError("vocabulary failed")

    assert join_two("sam-", "arbeid", broken) == "samarbeid"


def test_join_lines():
    assert join_lines(["Regjeringen vil styrke", "samarbeidet mellom myndig-", "heter."]) == (
        "Regjeringen vil styrke samarbeidet mellom myndigheter."
    )
    assert join_lines([]) == ""


def _non_hyphen(s: str) -> list[str]:
    return sorted(ch for ch in s if ch not in HYPHENS and not ch.isspace())


line_text = st.text(alphabet=st.sampled_from(list("abcæøåABCÆØÅ019 -,.\u00ad")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(line_text, max_size=6), st.booleans())
def test_join_never_crashes_or_loses_characters(lines, with_vocab):
    vocab = {"ab", "abc", "ca"}.__contains__ if with_vocab else None
    out = join_lines(lines, vocab)
    assert _non_hyphen(out) == _non_hyphen("".join(lines))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_normalize_is_idempotent(s):
    once = normalize(s, keep_soft_hyphen_at_end=False)
    assert normalize(once, keep_soft_hyphen_at_end=False) == once
