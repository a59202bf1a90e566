"""Tokenizer exceptions and sentence segmentation for Norwegian government prose.

spaCy's Bokmål tokenizer already keeps many abbreviations whole ("jf.", "bl.a."), but not
the ones of the government document series ("Meld.", "Prop.", "St.meld.", "kap.",
"Innst.") nor their capitalised sentence-initial variants ("Jf.", "Kap.").  Split off, the
period looks like a sentence end.  :func:`add_abbreviations` adds them as special cases
and the ``tiltak_sentencizer`` component splits sentences on terminal punctuation and
paragraph breaks, but never after an abbreviation unless the abbreviation is one that can
close a sentence ("osv.", "mv.", "m.m.") and a capitalised word follows.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token

#: Abbreviations common in Norwegian public documents (kept whole by the tokenizer).
ABBREVIATIONS: tuple[str, ...] = (
    "kap.", "St.meld.", "St.prp.", "Ot.prp.", "Meld.", "St.", "Prop.", "Innst.", "Dok.", "Ot.",
    "jf.", "jfr.", "bl.a.", "nr.", "mv.", "m.v.", "m.m.", "mfl.", "m.fl.", "f.eks.", "ca.", "pkt.",
    "dvs.", "d.v.s.", "evt.", "ev.", "osv.", "o.l.", "e.l.", "o.a.", "t.o.m.", "f.o.m.", "t.d.",
    "pr.", "iht.", "ift.", "vedr.", "avd.", "dep.", "ref.", "sml.", "s.", "ss.", "tlf.", "adr.",
    "kl.", "mill.", "mrd.", "kr.", "forts.", "red.", "utg.", "bd.", "vol.", "art.",
    "hhv.", "inkl.", "ekskl.", "spes.",
)  # fmt: skip

#: Abbreviations that may also end a sentence ("... barn, unge mv. Tiltaket ...").
SENTENCE_FINAL: frozenset[str] = frozenset(
    {"mv.", "m.v.", "m.m.", "mfl.", "m.fl.", "osv.", "o.l.", "e.l.", "o.a.", "etc.", "mm."}
)

_TERMINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?", "..", "....", "!!"})
_CLOSERS = frozenset({")", "]", "»", "”", '"', "'", "’"})
_BULLETS = frozenset({"•", "–", "-", "—", "▪", "◦", "●", "*", "·", "‒", "➢", "►"})

def _variants(abbr: str) -> Iterable[str]:
    yield abbr
    if abbr[0].islower():
        yield abbr[0].upper() + abbr[1:]
    else:
        yield abbr[0].lower() + abbr[1:]


def abbreviation_forms() -> list[str]:
    """All abbreviation spellings added as tokenizer special cases (sorted)."""
    forms: set[str] = set()
    for abbr in ABBREVIATIONS:
        forms.update(_variants(abbr))
    return sorted(forms)


def add_abbreviations(nlp: Language) -> None:
    """Add the abbreviations as tokenizer special cases (idempotent)."""
    for form in abbreviation_forms():
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _is_abbreviation(token: Token) -> bool:
    t = token.text
    return len(t) > 1 and t.endswith(".") and any(c.isalpha() for c in t)


def _starts_upper(token: Token) -> bool:
    ch = token.text[:1]
    return ch.isupper() or ch.isdigit() or ch in _BULLETS or ch in {"«", "“", '"', "(", "–", "—"}


def starts_sentence(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence (rules described in the module docstring)."""
    if i == 0:
        return True
    tok = doc[i]
    if tok.is_space or tok.text in _CLOSERS or tok.is_punct and tok.text in {",", ";", ":", ")", "."}:
        return False
    j = i - 1
    newlines = 0
    while j >= 0 and (doc[j].is_space or doc[j].text in _CLOSERS):
        if doc[j].is_space:
            newlines += doc[j].text.count("\n")
        newlines += doc[j].whitespace_.count("\n")
        j -= 1
    if j < 0:
        return False
    newlines += doc[j].whitespace_.count("\n")
    prev = doc[j]
    if newlines >= 2:  # blank line: paragraph break
        return True
    if newlines == 1 and (tok.text[:1] in _BULLETS or tok.like_num and tok.text.endswith(".")):
        return True  # a list item on its own line
    pt = prev.text
    if pt in _TERMINAL or (pt[-1:] in {"!", "?"} and not pt[:1].isalnum()):
        return True
    if pt.endswith(".") and len(pt) > 1:
        if pt in SENTENCE_FINAL or pt.lower() in SENTENCE_FINAL:
            return _starts_upper(tok) and not tok.like_num
        if prev.like_num or pt[:-1].isdigit():
            # "tiltak 7. Meld. St." ends a sentence; "7. juni" does not
            return tok.text[:1].isupper()
        return False  # other abbreviations never close a sentence
    if newlines == 1 and _starts_upper(tok) and pt[-1:] in {":", ";"}:
        return True
    return False


@Language.component("tiltak_sentencizer")
def tiltak_sentencizer(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token (abbreviation-aware).

    Written in one ``from_array`` call: spaCy's per-token setter checks the whole Doc each time, which
    is quadratic in the length of the text."""
    if len(doc):
        flags = numpy.array([1 if starts_sentence(doc, i) else -1 for i in range(len(doc))], dtype="int32")
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))
    return doc
