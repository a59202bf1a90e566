"""Dates, number words and charset decoding used by the sources layer."""

from __future__ import annotations

import warnings
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.sources.dates import find_dates, format_date_no, parse_date
from pipeline.sources.encoding import SourceWarning, decode_bytes
from pipeline.sources.numbers import parse_count

_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@settings(max_examples=150, deadline=None)
@given(_dates)
def test_date_round_trip(d):
    assert parse_date(f"Dato: {d.day:02d}.{d.month:02d}.{d.year}") == d
    assert parse_date(f"{d.day}.{d.month}.{d.year}") == d
    assert parse_date(format_date_no(d)) == d
    assert parse_date(f"publisert {d.isoformat()} kl. 10") == d


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_date_parsing_never_crashes(text):
    for d in find_dates(text):
        assert isinstance(d, date)


def test_dates_examples():
    assert parse_date("27. desember 2010") == date(2010, 12, 27)
    assert parse_date("27 des. 2010") == date(2010, 12, 27)
    assert parse_date("Dato: 03.07.2026") == date(2026, 7, 3)
    assert parse_date("31.02.2016") is None  # impossible date skipped, not corrected
    assert parse_date("uten dato") is None
    assert find_dates("Fra 1. januar 2016 til 31.12.2018.") == [date(2016, 1, 1), date(2018, 12, 31)]


@pytest.mark.parametrize(
    "text, value",
    [("26", 26), ("tjueseks", 26), ("Tjueseks", 26), ("tjue-seks", 26), ("seksogtjue", 26), ("fire", 4),
     ("trettifem", 35), ("femogtretti", 35), ("tolv", 12), ("ett", 1), ("hundre", 100), ("hundreogti", 110),
     ("tyve", 20), ("syv", 7), ("førti", 40)],
)
def test_number_words(text, value):
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["", "tiltak", "fireogfem", "tjuetjue", "x26"])
def test_not_numbers(text):
    assert parse_count(text) is None


def test_decode_utf8_latin1_and_damaged():
    s = "Barne- og likestillingsdepartementet: særlig, også, økt"
    assert decode_bytes(s.encode("utf-8")).text == s
    d = decode_bytes(s.encode("cp1252"))
    assert d.text == s and d.encoding == "cp1252"
    damaged = s.encode("utf-8") + b" \xff\xfe slutt"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        d = decode_bytes(damaged, name="x.txt")
    assert d.encoding == "utf-8" and d.replaced >= 1 and "særlig" in d.text and "\ufffd" in d.text
    assert any(issubclass(w.category, SourceWarning) and "x.txt" in str(w.message) for w in caught)
    # declared charset wins when valid
    assert decode_bytes("øre".encode("iso-8859-1"), declared="iso-8859-1").text == "øre"
