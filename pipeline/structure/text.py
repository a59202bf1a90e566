"""Small text helpers shared by the structure modules (pure functions on strings)."""

from __future__ import annotations

import re
import unicodedata

# Dashes and spaces that PDF text may carry.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_SPACES = "\u00a0\u2002\u2003\u2009\u200a\u202f\u2007"

NUMBER_WORDS: dict[str, int] = {
    "en": 1, "ett": 1, "én": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
    "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15,
    "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19, "tjue": 20, "tyve": 20, "tretti": 30,
    "tredve": 30, "førti": 40, "femti": 50, "seksti": 60, "sytti": 70, "åtti": 80, "nitti": 90,
}
ORDINAL_WORDS: dict[str, int] = {
    "første": 1, "andre": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6, "sjuende": 7, "syvende": 7,
    "åttende": 8, "niende": 9, "tiende": 10,
}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def normalize(text: str) -> str:
    """NFC, soft hyphens dropped, odd spaces -> space, odd dashes -> '–', whitespace collapsed."""
    t = unicodedata.normalize("NFC", text or "")
    t = t.replace("\u00ad", "")
    for ch in _SPACES:
        t = t.replace(ch, " ")
    for ch in _DASHES:
        t = t.replace(ch, "–" if ch in "\u2013\u2014\u2212" else "-")
    return re.sub(r"\s+", " ", t).strip()


def roman_to_int(s: str) -> int | None:
    s = s.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total if 0 < total < 200 else None


def parse_number_token(tok: str) -> int | None:
    """'3' -> 3, 'III' -> 3, 'tre' -> 3, 'tredje' -> 3; None if not a number."""
    t = tok.strip().rstrip(".:").lower()
    if t.isdigit():
        return int(t)
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    if t in ORDINAL_WORDS:
        return ORDINAL_WORDS[t]
    return roman_to_int(t)


def parse_count(word: str) -> int | None:
    """A cardinal in digits or Norwegian words, including compounds like 'tjueseks' / 'tjuesju'."""
    w = word.strip().lower()
    if w.isdigit():
        return int(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    for tens in ("tjue", "tyve", "tretti", "tredve", "førti", "femti", "seksti", "sytti", "åtti", "nitti"):
        if w.startswith(tens) and w[len(tens):] in NUMBER_WORDS and NUMBER_WORDS[w[len(tens):]] < 10:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[w[len(tens):]]
    return None


def number_slug(number: str) -> str:
    """Measure number as printed -> id fragment: lower-cased, non-alphanumerics -> '-'."""
    s = re.sub(r"[^0-9a-zæøå]+", "-", number.strip().lower()).strip("-")
    return s or "x"


def measure_id(document_id: str, number: str | None, ordinal: int) -> str:
    if number:
        return f"{document_id}-{number_slug(number)}"
    return f"{document_id}-u{ordinal}"


def clean_number(raw: str) -> str:
    """'7.' -> '7', '12 a' -> '12a', ' 3) ' -> '3'."""
    return re.sub(r"\s+", "", raw.strip()).rstrip(".):").lower()


def number_key(number: str | None) -> tuple[int, str] | None:
    """Sortable key of a measure number: '12a' -> (12, 'a'); None if it has no leading integer."""
    if not number:
        return None
    m = re.match(r"(\d+)\s*([a-zæøå]?)", number.strip().lower())
    if not m:
        return None
    return int(m.group(1)), m.group(2)


def strip_trailing_punct(s: str) -> str:
    return s.strip().rstrip(" .;,").strip()
