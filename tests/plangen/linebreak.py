"""Greedy line breaking with Norwegian hyphenation (pyphen, nb_NO patterns).

reportlab does not hyphenate, so the generator breaks lines itself. Long words that do not
fit are split at a pattern hyphenation point with a trailing "-"; a suspended compound such
as "Justis-" in "Justis- og beredskapsdepartementet" is a word of its own and, when the line
is already well filled, the line is deliberately ended after it (real PDFs do this often and
extractors must not glue "Justis-" to the next line). A compound with a real hyphen
("NAV-kontorene", "e-læringskurs") may break after that hyphen, which the text keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen
from reportlab.pdfbase.pdfmetrics import stringWidth

_DIC = pyphen.Pyphen(lang="nb_NO", left=3, right=3)
_WORD = re.compile(r"^([«(\"]*)([A-Za-zÆØÅæøåÉéÜü]+)([»)\".,;:!?]*)$")


@dataclass(frozen=True)
class BrokenLine:
    text: str
    hyphenated: bool  # ends with a hyphen inserted by the breaker (not part of the text)
    last: bool  # last line of the paragraph (not justified)
    joined: bool = False  # ends inside a word at a hyphen that IS part of the text ("NAV-" / "kontorene")


@lru_cache(maxsize=20000)
def hyphen_points(word: str) -> tuple[int, ...]:
    """Offsets where ``word`` (with optional leading/trailing punctuation) may be split."""
    m = _WORD.match(word)
    if not m or len(m.group(2)) < 7 or m.group(2).isupper():
        return ()
    lead = len(m.group(1))
    return tuple(lead + p for p in _DIC.positions(m.group(2)))


def break_lines(
    text: str,
    width: float,
    font: str,
    size: float,
    *,
    hyphenate: bool = True,
    suspended_break: float = 0.6,
    first_indent: float = 0.0,
) -> list[BrokenLine]:
    """Break ``text`` into lines no wider than ``width`` points.

    ``suspended_break``: end the line after a word ending in "-" followed by "og"/"eller"
    when the line is at least this fraction full (0 disables).
    """
    words = text.split()
    lines: list[BrokenLine] = []
    cur: list[str] = []
    space = stringWidth(" ", font, size)

    def w(s: str) -> float:
        return stringWidth(s, font, size)

    def avail() -> float:
        return width - (first_indent if not lines else 0.0)

    def cur_width() -> float:
        return w(" ".join(cur)) if cur else 0.0

    i = 0
    while i < len(words):
        word = words[i]
        cw = cur_width()
        need = w(word) + (space if cur else 0.0)
        if cw + need <= avail():
            cur.append(word)
            i += 1
            nxt = words[i] if i < len(words) else None
            if (
                suspended_break
                and word.endswith("-")
                and len(word) > 2
                and nxt in ("og", "eller")
                and cur_width() >= suspended_break * avail()
            ):
                lines.append(BrokenLine(" ".join(cur), False, False))
                cur = []
            continue
        # does not fit: a compound with a real hyphen ("NAV-kontorene") may break after that hyphen
        hard = [j + 1 for j, ch in enumerate(word) if ch == "-" and 1 < j < len(word) - 3]
        if hyphenate and hard:
            fit = [p for p in hard if cw + (space if cur else 0.0) + w(word[:p]) <= avail()]
            if fit:
                p = fit[-1]
                cur.append(word[:p])
                lines.append(BrokenLine(" ".join(cur), False, False, joined=True))
                cur = []
                words[i] = word[p:]
                continue
        # does not fit: try to hyphenate (always when the word alone is wider than the line)
        if hyphenate or (not cur and w(word) > avail()):
            best = None
            for p in hyphen_points(word):
                head = word[:p] + "-"
                if cw + (space if cur else 0.0) + w(head) <= avail():
                    best = p
            if best is not None:
                cur.append(word[:best] + "-")
                lines.append(BrokenLine(" ".join(cur), True, False))
                cur = []
                words[i] = word[best:]
                continue
        if not cur:  # a single word wider than the line: put it alone
            lines.append(BrokenLine(word, False, False))
            i += 1
            continue
        lines.append(BrokenLine(" ".join(cur), False, False))
        cur = []
    if cur:
        lines.append(BrokenLine(" ".join(cur), False, True))
    elif lines:
        lines[-1] = BrokenLine(lines[-1].text, lines[-1].hyphenated, True)
    return lines


def dehyphenate(lines: list[BrokenLine]) -> str:
    """Inverse of :func:`break_lines` (used in tests): join lines, removing inserted hyphens."""
    out = ""
    for ln in lines:
        if ln.hyphenated:
            out += ln.text[:-1]
        elif ln.joined:
            out += ln.text
        else:
            out += ln.text + " "
    return out.strip()
