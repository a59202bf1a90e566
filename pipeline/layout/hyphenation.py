"""Joining printed lines: line-end hyphens, Norwegian suspended compounds, abbreviations.

Pure functions on strings, so they can be property-tested.

At a line end "-" is either a typesetter's break ("myndig-" + "heter" -> "myndigheter") or a
real hyphen that must stay:

* suspended compounds: the next line starts with "og", "eller", "samt", "enn", "til" or a comma
  ("Justis-" + "og beredskapsdepartementet" -> "Justis- og beredskapsdepartementet");
* the left part is an abbreviation in capitals or a number ("EU-" + "landene" -> "EU-landene",
  "2016-" + "2018" -> "2016-2018"), or the right part starts with a capital or digit ("Nord-Norge");
* otherwise a vocabulary ``is_word`` decides: the joined word known (compounds count) -> drop
  the hyphen; a short known first word (at most four letters) and a known second word but the
  joined word unknown -> keep it ("ikke-statlige"). Otherwise, and without a vocabulary, the
  hyphen is dropped: Norwegian writes compounds closed.

A soft hyphen (U+00AD) at a line end is always a break.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from pipeline.reference.wordforms import is_known_word

IsWord = Callable[[str], bool]
HYPHENS = "-\u00ad\u2010"
SUSPENSION_WORDS = {"og", "eller", "samt", "enn", "til", "and", "or", "&", "og/eller", "eller/og", "så", "som"}
_LEFT_WORD = re.compile(r"([^\s]+)$")
_RIGHT_WORD = re.compile(r"^([^\s,.;:!?()»«\"]+)")
_LETTERS = re.compile(r"[^\wæøåÆØÅ]", re.UNICODE)


def _clean(word: str) -> str:
    return _LETTERS.sub("", word)


def decide(left_word: str, right_text: str, is_word: IsWord | None = None) -> str:
    """How to join a line ending in ``left_word`` + hyphen with the next line ``right_text``.

    ``left_word`` is the last word of the line *without* its trailing hyphen.
    Returns "drop" (join without hyphen), "keep" (join, keep hyphen, no space) or
    "suspend" (keep hyphen, then a space: a suspended compound).
    """
    rt = right_text.lstrip()
    if not rt or not left_word:
        return "keep"
    if rt[0] in ",/":
        return "suspend"
    first = rt.split(None, 1)[0].rstrip(",.;:").lower()
    if first in SUSPENSION_WORDS:
        return "suspend"
    lw = _clean(left_word)
    if not lw:
        return "keep"
    if any(ch.isdigit() for ch in lw) or lw.isupper() or len(lw) == 1:
        return "keep"  # "EU-landene", "2016-2018", "e-post"
    if rt[0].isupper() or rt[0].isdigit():
        return "keep"
    m = _RIGHT_WORD.match(rt)
    right_word = m.group(1) if m else ""
    if is_word is not None and right_word:
        try:
            joined = lw + _clean(right_word)
            if is_word(joined.lower()):
                return "drop"
            if len(lw) <= 4 and is_word(lw.lower()) and is_word(_clean(right_word).lower()):
                return "keep"  # a short known prefix word: "ikke-statlige", "non-profit"
        except Exception:  # a broken vocabulary must not break extraction
            return "drop"
    return "drop"


def join_two(left: str, right: str, is_word: IsWord | None = None) -> str:
    """Join two consecutive printed lines into one string."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    last = left[-1]
    if last == "\u00ad":
        return left[:-1] + right
    if last in "-\u2010" and len(left) >= 2 and not left[-2].isspace():
        m = _LEFT_WORD.search(left[:-1])
        left_word = m.group(1) if m else ""
        how = decide(left_word, right, is_word)
        if how == "drop":
            return left[:-1] + right
        if how == "keep":
            return left[:-1] + "-" + right
        sep = "" if right[0] in ",/" else " "
        return left[:-1] + "-" + sep + right
    if last in "–—" and len(left) >= 2 and left[-2].isdigit() and right[0].isdigit():
        return left + right  # a range broken after its dash: "2016–" + "2018"
    return left + " " + right


def join_lines(lines: Iterable[str], is_word: IsWord | None = None) -> str:
    """Join printed lines of one paragraph, resolving line-end hyphens."""
    out = ""
    for line in lines:
        out = join_two(out, line, is_word) if out else line.strip()
    return out


def default_is_word() -> IsWord:
    """The Bokmål word-form table's check (``pipeline.reference.wordforms``), compounds included."""

    def known(word: str) -> bool:
        return is_known_word(word, compounds=True)

    return known
