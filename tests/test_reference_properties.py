"""Property tests: resolution never crashes and is idempotent."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import UnknownMinistryError
from pipeline.reference import default_registry
from pipeline.reference.normalize import key_variants, normalize_key

REG = default_registry()
FORMS = REG.surface_forms()
NAMES = [f for f in FORMS if f.kind != "title"]
TITLES = [f for f in FORMS if f.kind == "title"]
DATES = st.dates(min_value=date(1985, 1, 1), max_value=date(2030, 12, 31))
COVERED = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.one_of(st.none(), DATES))
def test_no_crash_on_arbitrary_unicode(text, on):
    for fn in (REG.resolve, REG.resolve_title):
        try:
            r = fn(text, on)
        except UnknownMinistryError as e:
            assert len(e.candidates) <= 3
            assert "\n" not in str(e) or "\n" in text
        else:
            assert r.ministry_id in REG.ministry_ids()
    REG.try_resolve(text, on)
    REG.resolve_agency(text)
    key = normalize_key(text)
    assert normalize_key(key) == key  # normalisation is idempotent
    assert key_variants(key)[:1] in ([key], [])


def _inflect(text: str, how: int) -> str:
    if how == 1:
        return text.upper()
    if how == 2:
        return text + "s"
    if how == 3:
        return text.replace(" ", "\u00a0").replace("-", "\u2013")
    if how == 4:
        return f"  {text.lower()} "
    return text


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES), st.one_of(st.none(), DATES), st.integers(0, 4))
def test_idempotent(form, on, how):
    r = REG.resolve(_inflect(form.text, how), on)
    again = REG.resolve(r.name, on)
    assert again.ministry_id == r.ministry_id
    assert again.name == r.name
    if r.abbreviation:
        assert REG.resolve(r.abbreviation, on).ministry_id == r.ministry_id


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(TITLES), COVERED, st.integers(0, 4))
def test_titles_idempotent_and_valid(form, on, how):
    r = REG.resolve_title(_inflect(form.text, how), on)
    assert REG.resolve(r.name, on).ministry_id == r.ministry_id
    lin = next(x for x in REG.lineages() if x["ministry_id"] == r.ministry_id)
    assert lin["valid_from"] <= on and (lin["valid_to"] is None or on <= lin["valid_to"])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NAMES), COVERED)
def test_result_is_valid_on_date(form, on):
    """Within coverage the returned lineage exists on ``on`` and the name is the one in use then."""
    r = REG.resolve(form.text, on)
    lin = next(x for x in REG.lineages() if x["ministry_id"] == r.ministry_id)
    assert lin["valid_from"] <= on and (lin["valid_to"] is None or on <= lin["valid_to"])
    assert r.name == REG.name_on(r.ministry_id, on)
    assert r.on == on
