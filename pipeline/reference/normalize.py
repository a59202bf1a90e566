"""Normalisation of ministry, title and agency names into lookup keys.

One job: turn a name as written ("Justis-\u00a0og beredskapsdepartementets", "UD's",
"Det kongelige justis- og politidepartement") into the key the registry indexes, and
list the inflected variants worth trying (genitive -s, definite/indefinite forms).

Keys are internal: they are case-folded, have invisible characters removed, all dash
characters mapped to "-", whitespace collapsed and no spaces around hyphens or commas
(so "Justis- og", "Justis -og" and "Justis-og" give the same key).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_TRANSLATE = {ord(c): "-" for c in _DASHES}
# soft hyphen, zero-width space/joiners, word joiner, BOM: removed
_TRANSLATE.update({cp: None for cp in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)})
_APOSTROPHES = "'\u2019\u02bc`\u00b4"

_AROUND_HYPHEN = re.compile(r"\s*-\s*")
_AROUND_COMMA = re.compile(r"\s*,\s*")
_APOS_S = re.compile(f"[{_APOSTROPHES}]s$")
_STRIP = " .,:;!?\"'<>«»“”„‘’‚*•·/\\|" + _APOSTROPHES
_BRACKETS = "()[]{}"
_PAREN = re.compile(r"\s*\([^()]*\)\s*")
_BROKEN_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?!(?:og|eller)\b)(?=[^\W\d_])")
_SPLIT_HEAD = re.compile(r"(?<=[^\W\d_]) (departement|minister|direktorat|tilsyn)")
_ROYAL = re.compile(r"^det (?:kongelige|kgl\.?) ")


def normalize_key(text: str) -> str:
    """The lookup key of ``text`` (case-folded, whitespace/dash/hyphen-spacing normalised)."""
    s = text if text.isascii() else unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    s = " ".join(s.casefold().split()).strip(_STRIP)  # str.split() splits on all Unicode whitespace
    if "-" in s:
        s = _AROUND_HYPHEN.sub("-", s)
    if "," in s:
        s = _AROUND_COMMA.sub(",", s)
    if "s" in s:
        s = _APOS_S.sub("s", s)
    s = s.strip(_STRIP)
    if s and (s[0] in _BRACKETS or s[-1] in _BRACKETS):
        s = _strip_brackets(s)
    return s


def _closes_at_end(s: str, o: str, c: str) -> bool:
    """True if the bracket opening ``s`` is closed by its last character."""
    depth = 0
    for i, ch in enumerate(s):
        depth += (ch == o) - (ch == c)
        if depth == 0:
            return i == len(s) - 1
    return False


def _strip_brackets(s: str) -> str:
    """Remove unbalanced brackets at the ends and one pair enclosing the whole string."""
    for _ in range(len(s)):
        before = s
        for o, c in ("()", "[]", "{}"):
            if s.startswith(o) and s.endswith(c) and _closes_at_end(s, o, c):
                s = s[1:-1]
            if s.startswith(o) and s.count(o) > s.count(c):
                s = s[1:]
            if s.endswith(c) and s.count(c) > s.count(o):
                s = s[:-1]
            if s.startswith(c):
                s = s[1:]
            if s.endswith(o):
                s = s[:-1]
            s = s.strip(_STRIP)
        if s == before:
            break
    return s


def key_variants(key: str) -> list[str]:
    """Keys to try for an already normalised ``key``, most literal first (see :func:`iter_key_variants`)."""
    return list(iter_key_variants(key))


def iter_key_variants(key: str) -> Iterator[str]:
    """Yield the keys to try for a normalised ``key``, most literal first, without repeats.

    Handles a bracketed addition ("... (JD)", "JD (ansvarlig)": the text outside the brackets),
    the genitive -s ("justisdepartementets", "jds"), the indefinite form
    ("... departement" -> "... departementet"), the definite form of titles
    ("justisministeren(s)" -> "justisminister"), the formal prefix "Det kongelige ..." used
    on letterheads and, last, words broken at a line end ("bered-skapsdepartementet",
    "beredskaps departementet"; a hyphen before "og"/"eller" is kept: "justis-og").
    Lazy, so a lookup that hits on the literal key does no further work.
    """
    if not key:
        return
    seen: set[str] = set()

    def fresh(k: str) -> bool:
        if k and k not in seen:
            seen.add(k)
            return True
        return False

    def inflected(base: str) -> Iterator[str]:
        forms = [base]
        if base.endswith("s") and len(base) > 1:
            forms.append(base[:-1])
        for f in forms:
            yield f
            if f.endswith("departement"):
                yield f + "et"
            if f.endswith("ministeren"):
                yield f[: -len("en")]

    def bases(k: str) -> Iterator[str]:
        yield k
        if "(" in k:
            outside = _PAREN.sub(" ", k).strip(_STRIP)
            if outside:
                yield outside
                k2 = outside
            else:
                k2 = k
        else:
            k2 = k
        for b in (k, k2):
            m = _ROYAL.match(b)
            if m:
                yield b[m.end():]

    tried: list[str] = []
    for b in bases(key):
        for k in inflected(b):
            if fresh(k):
                tried.append(k)
                yield k
    for k in list(tried):
        joined = _SPLIT_HEAD.sub(r"\1", _BROKEN_HYPHEN.sub("", k))
        if joined != k and fresh(joined):
            yield joined
