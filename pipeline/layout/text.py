"""Text normalisation for extracted PDF text (pure functions on strings).

- ligature glyphs (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) are spelled out;
- no-break, thin and other special spaces become ordinary spaces, runs collapse to one;
- soft hyphens inside a line are dropped (at a line end they are handled by
  :mod:`pipeline.layout.hyphenation`);
- en/em dashes are kept as "–"/"—"; a dash used as punctuation gets single spaces
  around it ("a –b" -> "a – b"), a dash between digits stays tight ("2016–2018");
- bullet glyphs at a line start are recognised by :func:`strip_bullet`;
- the result is NFC (æ, ø, å composed).
"""

from __future__ import annotations

import re
import unicodedata

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
SOFT_HYPHEN = "\u00ad"
_TRANS = str.maketrans(
    {**LIGATURES, **{c: " " for c in SPACES}, **{c: "" for c in ZERO_WIDTH}, "\u2011": "-", "\u2010": "-"}
)
_WS = re.compile(r"\s+")
# a dash with whitespace on exactly one side, between word characters -> spaces both sides
_DASH_ONE_SIDE = re.compile(r"(?<=\w)\s+([–—])(?=\w)|(?<=\w)([–—])\s+(?=\w)")

# glyphs used as list bullets (incl. Symbol/Wingdings private-use code points)
BULLETS = "\ufffd•◦▪▫■□●○‣⁃∙·–—-*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf02d\u2043\u2219\u25aa\u25cf\u25e6\u2713\u2714➢►▶"
_BULLET = re.compile(r"^\s*([" + re.escape(BULLETS) + r"])\s+(?=\S)")
_CID = re.compile(r"^\s*(\(cid:\d+\))\s*(?=\S)")  # pdfminer's name for an unmapped glyph
_ENUM = re.compile(r"^\s*(\(?[a-zæøå]\)|\(\d{1,2}\)|\d{1,2}\))\s+(?=\S)")


def normalize(text: str, *, keep_soft_hyphen_at_end: bool = True) -> str:
    """Normalise one line (or cell) of PDF text; see the module docstring."""
    if not text:
        return ""
    t = text.translate(_TRANS)
    if SOFT_HYPHEN in t:
        if keep_soft_hyphen_at_end and t.rstrip().endswith(SOFT_HYPHEN):
            body = t.rstrip()[:-1].replace(SOFT_HYPHEN, "")
            t = body + SOFT_HYPHEN
        else:
            t = t.replace(SOFT_HYPHEN, "")
    t = _WS.sub(" ", t).strip()
    if "–" in t or "—" in t:
        t = _DASH_ONE_SIDE.sub(lambda m: f" {m.group(1) or m.group(2)} ", t)
        t = _WS.sub(" ", t)
    return unicodedata.normalize("NFC", t)


def strip_bullet(text: str) -> tuple[str, str | None]:
    """Return ``(text_without_marker, marker)``; marker is None if the line is no list item.

    Bullets (•, ▪, –, private-use Wingdings glyphs, an unmapped glyph U+FFFD at a line
    start ...) and enumerators "a)", "(2)", "3)" followed by whitespace count as list markers.
    """
    m = _BULLET.match(text)
    if m:
        return text[m.end():], m.group(1)
    m = _CID.match(text)
    if m:
        return text[m.end():], m.group(1)
    m = _ENUM.match(text)
    if m:
        return text[m.end():], m.group(1)
    return text, None


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends with sentence-final punctuation (possibly inside quotes/brackets)."""
    t = text.rstrip().rstrip("»”\"')]")
    return bool(t) and t[-1] in ".!?:;"
