"""Cardinal numbers written as digits or as Norwegian words.

``parse_count("26")``, ``parse_count("tjueseks")``, ``parse_count("seksogtjue")``,
``parse_count("tjue-seks")`` and ``parse_count("tjue seks")`` all give 26. Bokmål and Nynorsk
forms and both the new (tjue, sju) and old (tyve, syv, tredve) counting systems are understood,
from 1 to 999. ``COUNT_PATTERN`` is a regular expression fragment matching one such number,
for use in larger patterns.
"""

from __future__ import annotations


__all__ = ["parse_count", "COUNT_PATTERN"]

_UNITS: dict[str, int] = {
    "null": 0, "en": 1, "én": 1, "ett": 1, "eitt": 1, "ein": 1, "ei": 1,
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
    "åtte": 8, "ni": 9,
}
_TEENS: dict[str, int] = {
    "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15,
    "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
}
_TENS: dict[str, int] = {
    "tjue": 20, "tyve": 20, "tretti": 30, "tredve": 30, "førti": 40, "firti": 40,
    "femti": 50, "seksti": 60, "sytti": 70, "søtti": 70, "åtti": 80, "nitti": 90,
}


def _below_hundred(word: str) -> int | None:
    if not word:
        return None
    if word in _UNITS:
        return _UNITS[word]
    if word in _TEENS:
        return _TEENS[word]
    for tens, tv in sorted(_TENS.items(), key=lambda kv: -len(kv[0])):
        if word == tens:
            return tv
        if word.startswith(tens):  # tjueseks
            rest = word[len(tens):]
            if rest in _UNITS and _UNITS[rest] > 0 and rest not in ("ei", "ein"):
                return tv + _UNITS[rest]
        if word.endswith("og" + tens):  # seksogtjue (old style)
            unit = word[: -len("og" + tens)]
            if unit in _UNITS and _UNITS[unit] > 0:
                return tv + _UNITS[unit]
    return None


def _words_value(word: str) -> int | None:
    word = word.lower().replace("-", "").replace(" ", "").replace("\u00ad", "")
    if not word:
        return None
    if "hundre" in word:
        head, _, tail = word.partition("hundre")
        hundreds = 1 if head in ("", "ett", "eitt", "en", "ein") else _UNITS.get(head)
        if not hundreds:
            return None
        tail = tail[2:] if tail.startswith("og") else tail
        if not tail:
            return hundreds * 100
        rest = _below_hundred(tail)
        return None if rest is None else hundreds * 100 + rest
    return _below_hundred(word)


def parse_count(text: str | None) -> int | None:
    """An integer written as digits or Norwegian words; None if ``text`` is not a number."""
    if text is None:
        return None
    t = text.strip()
    if not t:
        return None
    if t.isdigit():
        return int(t)
    return _words_value(t)


def _build_pattern() -> str:
    units = [u for u in _UNITS if u not in ("null",)]
    tens = sorted(_TENS, key=len, reverse=True)
    unit_alt = "|".join(sorted(units, key=len, reverse=True))
    tens_alt = "|".join(tens)
    teen_alt = "|".join(sorted(_TEENS, key=len, reverse=True))
    compound = (
        rf"(?:(?:{tens_alt})[- ]?(?:{unit_alt})"  # tjueseks, tjue-seks, tjue seks
        rf"|(?:{unit_alt})og(?:{tens_alt})"  # seksogtjue
        rf"|{tens_alt}|{teen_alt}|{unit_alt})"
    )
    return rf"(?:\d{{1,4}}|(?:(?:ett |en )?hundre(?:og)?)?{compound}|(?:ett |en )?hundre)"


#: regex fragment (no groups) matching one count written as digits or words.
COUNT_PATTERN = _build_pattern()
