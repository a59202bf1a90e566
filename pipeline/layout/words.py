"""Word spaces from glyph geometry: the one word-segmentation model of every text path and both engines.

PDFs disagree about spaces. LibreOffice and reportlab draw a space glyph between words; Chromium/Skia draws
none and leaves a gap; pdfminer reports Chromium's soft-hyphen break opportunities as space characters that
overlap the next glyph ("Sam ar beids av ta ler"); PDFium inserts spaces of its own between text runs. So
the text never takes a space character's word for it: two consecutive glyphs of a printed row are in
different words exactly when the gap between them (left edge of the second minus right edge of the first)
is wide against the font's space advance and size:

    gap >= clamp(SPACE_SHARE · space advance, MIN_GAP_EM · size, MAX_GAP_EM · size)

The space advance of a font is learnt from the space glyphs a page carries (their median width, when the PDF
draws them), else :data:`DEFAULT_SPACE_EM` ems. Gaps inside words are kerning, a few hundredths of an em;
word gaps are a space advance (0.2-0.33 em) minus kerning, or more in justified text: the clamp keeps the
decision between those whatever the font.

A hyphen that ends a printed row belongs to the word before it even after a gap: justified word-processor
lines set the break hyphen apart ("fravæ -" + "ret"), and the line-joining rules
(:mod:`pipeline.layout.hyphenation`) need it attached to decide whether it stays.

Lines (:mod:`pipeline.layout.lines`), table cells (:mod:`pipeline.layout.tables`), the table of contents and
running heads (built from lines) all spell their text through :func:`glyph_text`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

# glyph tuple fields (see pipeline.layout.engines.base.GLYPH_FIELDS)
X0, X1, TOP, BOTTOM, SIZE, TEXT, FONT, BOLD, SPACE = range(9)

DEFAULT_SPACE_EM = 0.25  # a typical space advance (Times, Liberation Serif 0.25; Arial 0.28; Carlito 0.23)
SPACE_SHARE = 0.45  # a word gap is at least this share of the font's space advance ...
MIN_GAP_EM = 0.08  # ... but never below this many ems (kerning inside words stays under ~0.05 em)
MAX_GAP_EM = 0.15  # ... and never above (a word gap kerned before "A" or "J" comes down to ~0.11 em)
LINE_END_HYPHEN_GAP_EM = 0.6  # a row-final hyphen this close to the word before it belongs to that word
HYPHENS = "-\u2010\u2011\u00ad"


@dataclass
class SpaceModel:
    """Space advance (in ems) per font name; :meth:`threshold` gives the word-gap width in points."""

    advances: dict[str, float] = field(default_factory=dict)
    _thresholds: dict[tuple[str, float], float] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def learn(cls, glyphs: list[tuple]) -> "SpaceModel":
        """The median width of each font's space glyphs (between 0.1 and 0.6 em wide), in ems."""
        widths: dict[str, list[float]] = {}
        for g in glyphs:
            if g[SPACE] and g[TEXT] == " " and g[SIZE] > 0:
                em = (g[X1] - g[X0]) / g[SIZE]
                if 0.1 <= em <= 0.6:
                    widths.setdefault(g[FONT], []).append(em)
        return cls({f: float(median(w)) for f, w in widths.items() if len(w) >= 2})

    def threshold(self, font: str, size: float) -> float:
        """The narrowest gap (points) that separates two words set in ``font`` at ``size``."""
        t = self._thresholds.get((font, size))
        if t is None:
            em = SPACE_SHARE * self.advances.get(font, DEFAULT_SPACE_EM)
            em = MIN_GAP_EM if em < MIN_GAP_EM else (MAX_GAP_EM if em > MAX_GAP_EM else em)
            t = self._thresholds[(font, size)] = em * (size if size > 1.0 else 1.0)
        return t

    def is_word_gap(self, prev: tuple, g: tuple) -> bool:
        """True if a word space separates glyph ``prev`` from the glyph ``g`` that follows it on a row."""
        size = g[SIZE] if g[SIZE] > prev[SIZE] else prev[SIZE]
        return g[X0] - prev[X1] >= self.threshold(prev[FONT], size)


def ink(glyphs: list[tuple]) -> list[tuple]:
    """The glyphs that put ink on the page (space characters dropped: the gaps speak for them)."""
    return [g for g in glyphs if not g[SPACE]]


FOOTNOTE_MARKS = frozenset("0123456789*†‡")


def footnote_marks(ink_glyphs: list[tuple]) -> set[int]:
    """Indices of footnote marks among a row's ink glyphs: digits (or * † ‡) set small and raised above the
    row's baseline, right after ink ("ofre¹"). They refer to a note and are not part of the words; a lowered
    (subscript) digit is kept."""
    if len(ink_glyphs) < 2:
        return set()
    size = Counter(g[SIZE] for g in ink_glyphs).most_common(1)[0][0]
    base = Counter(round(g[BOTTOM], 1) for g in ink_glyphs if abs(g[SIZE] - size) < 0.6).most_common(1)
    if not base:
        return set()
    baseline = base[0][0]
    return {k for k, g in enumerate(ink_glyphs)
            if k > 0 and g[TEXT] in FOOTNOTE_MARKS and g[SIZE] < 0.9 * size and g[BOTTOM] < baseline - 0.2 * size
            and g[X0] - ink_glyphs[k - 1][X1] < 0.3 * size}


def glyph_text(row: list[tuple], spaces: SpaceModel) -> str:
    """The text of one printed row (or a piece of one) from its glyphs in left-to-right order.

    Space glyphs and footnote marks are ignored; a space is written wherever :meth:`SpaceModel.is_word_gap`
    says so, except before a row-final hyphen set a little apart from its word."""
    cells = [g for g in row if not g[SPACE]]
    marks = footnote_marks(cells)
    if marks:
        cells = [g for k, g in enumerate(cells) if k not in marks]
    if not cells:
        return ""
    thresholds = spaces._thresholds
    threshold = spaces.threshold
    parts: list[str] = [cells[0][TEXT]]
    prev = cells[0]
    last = len(cells) - 1
    for k in range(1, len(cells)):
        g = cells[k]
        size = g[SIZE] if g[SIZE] > prev[SIZE] else prev[SIZE]
        gap = g[X0] - prev[X1]
        t = thresholds.get((prev[FONT], size))
        if gap >= (t if t is not None else threshold(prev[FONT], size)):
            if not (k == last and g[TEXT] in HYPHENS and gap < LINE_END_HYPHEN_GAP_EM * (size if size > 1.0 else 1.0)
                    and prev[TEXT].isalpha()):
                parts.append(" ")
        parts.append(g[TEXT])
        prev = g
    return "".join(parts)
