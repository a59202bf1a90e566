"""Property tests on arbitrary input, for what the other property tests leave out.

Already covered elsewhere (not repeated here): ``pipeline.layout.text.normalize`` idempotence and
line joining without loss (tests/test_pdf_text.py); ministry resolution on arbitrary Unicode and its
idempotence (tests/test_reference_properties.py); manifest paths (tests/test_sources_manifest.py).
Added: the invariants of normalisation's output, bullet stripping, dehyphenation with a known or a
broken vocabulary, and responsibility-line parsing.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipeline.layout.hyphenation import SUSPENSION_WORDS, decide, join_lines, join_two
from pipeline.layout.text import LIGATURES, SPACES, ZERO_WIDTH, ends_sentence, normalize, strip_bullet
from pipeline.reference import default_registry
from pipeline.measures.responsibility import parse_responsibility

REG = default_registry()
IDS = REG.ministry_ids()
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=120)


# --------------------------------------------------------------------------- text normalisation


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT, st.booleans())
def test_normalized_text_is_clean(text, keep_soft):
    out = normalize(text, keep_soft_hyphen_at_end=keep_soft)
    assert out == unicodedata.normalize("NFC", out)
    assert not any(ch in out for ch in LIGATURES)
    assert not any(ch in out for ch in SPACES + ZERO_WIDTH)
    assert out == out.strip() or (keep_soft and out.endswith("\u00ad"))
    assert "  " not in out and "\n" not in out
    assert "\u00ad" not in out[:-1]  # a soft hyphen survives only at the very end


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_bullet_stripping_only_removes_a_prefix(text):
    rest, marker = strip_bullet(text)
    assert text.endswith(rest)
    if marker is None:
        assert rest == text
    else:
        assert marker in text[: len(text) - len(rest)] and rest.strip()
    assert isinstance(ends_sentence(text), bool)


# --------------------------------------------------------------------------- dehyphenation

LOWER = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzæøå")), min_size=2, max_size=12)


@settings(max_examples=300, deadline=None)
@given(LOWER, LOWER)
def test_a_word_the_vocabulary_knows_is_rejoined(left, right):
    assume(right not in SUSPENSION_WORDS)
    vocab = {left + right}.__contains__
    assert join_two(f"Tiltaket {left}-", f"{right} videre.", vocab) == f"Tiltaket {left}{right} videre."


def _broken_vocabulary(word: str) -> bool:
    raise RuntimeError("vocabulary unavailable")


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_TEXT, max_size=5))
def test_a_broken_vocabulary_never_breaks_joining(lines):
    out = join_lines(lines, _broken_vocabulary)
    assert isinstance(out, str)
    for left, right in zip(lines, lines[1:]):
        assert decide(left.split()[-1] if left.split() else "", right, _broken_vocabulary) in ("drop", "keep", "suspend")


# --------------------------------------------------------------------------- responsibility lines

DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


def _check(parsed):
    ids = [r.ministry_id for r in parsed.responsibilities]
    assert len(ids) == len(set(ids))  # each ministry once
    assert all(i in IDS for i in ids)
    roles = [r.role for r in parsed.responsibilities]
    assert roles.count("lead") <= 1 and (not roles or "lead" not in roles[1:])  # the lead, if any, comes first
    assert "\n" not in parsed.text


@settings(max_examples=100, deadline=None)
@given(ANY_TEXT, st.one_of(st.none(), DATES), st.booleans())
def test_responsibility_parsing_never_crashes(text, on, labelled):
    line = ("Ansvarlig: " + text) if labelled else text
    parsed = parse_responsibility(line, on)
    _check(parsed)
    again = parse_responsibility(line, on)  # deterministic
    assert [(r.ministry_id, r.role) for r in again.responsibilities] == [(r.ministry_id, r.role) for r in parsed.responsibilities]


SEPARATORS = [" og ", ", ", " i samarbeid med ", " sammen med "]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(IDS), st.sampled_from(IDS), st.dates(min_value=date(2000, 1, 1), max_value=date(2024, 12, 31)),
       st.sampled_from(SEPARATORS), st.sampled_from(["Ansvarlig: ", "Ansvar: ", "Ansvarlige departementer: "]))
def test_two_ministries_by_name_are_lead_and_co(a, b, on, sep, label):
    try:
        ma, mb = REG.on_date(a, on), REG.on_date(b, on)
    except Exception:
        assume(False)
    assume(ma.ministry_id != mb.ministry_id and ma.name != mb.name)
    # both existed under these names on the date (on_date also answers for dates outside a lineage)
    assume(all((REG.try_resolve(m.name, on) or ma).ministry_id == m.ministry_id for m in (ma, mb)))
    parsed = parse_responsibility(f"{label}{ma.name}{sep}{mb.name}.", on)
    _check(parsed)
    got = [(r.ministry_id, r.role) for r in parsed.responsibilities]
    assert got == [(ma.ministry_id, "lead"), (mb.ministry_id, "co")], (ma.name, mb.name, got)
