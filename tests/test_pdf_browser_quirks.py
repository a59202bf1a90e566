"""Browser (Chromium/Skia) print-to-PDF quirks, reproduced without a browser (runs on CI).

* Skia draws no space glyphs: word spaces are only gaps, and kerning before "A"/"J" shrinks them to ~0.11 em.
* A justified, wrapped heading in a two-column page has huge word gaps; its last word ("til") ends flush with
  the column edge and must not be cut off as a column of its own.
* A signature title wraps ("Barne-, likestillings- og" / "inkluderingsminister").
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.model import Block
from pipeline.layout.lines import build_lines_from_glyphs
from pipeline.structure.foreword import _lines


def _word(x: float, bottom: float, size: float, text: str, bold: bool = False, adv: float = 0.5) -> tuple[list[tuple], float]:
    """Glyph tuples of one word (no space glyphs, as Skia writes them); returns (glyphs, x after the word)."""
    out = []
    for ch in text:
        w = adv * size
        out.append((x, x + w, bottom - size, bottom, size, ch, "Font-Bold" if bold else "Font", bold, False))
        x += w
    return out, x


def test_word_gap_without_space_glyph_is_a_space():
    g1, x = _word(100, 200, 10, "mål.")
    g2, _ = _word(x + 1.2, 200, 10, "Arbeidet")  # 0.12 em: a kerned word space
    lines = build_lines_from_glyphs(g1 + g2, 1)
    assert [ln.text for ln in lines] == ["mål. Arbeidet"]


def test_letters_in_a_word_stay_together():
    g1, x = _word(100, 200, 10, "beh")
    g2, _ = _word(x + 0.6, 200, 10, "andling")  # 0.06 em: inside a word (hinting, tracking)
    assert [ln.text for ln in build_lines_from_glyphs(g1 + g2, 1)] == ["behandling"]


def test_justified_heading_last_word_stays_in_its_column():
    """Real glyph geometry from a Chromium print (two columns, justified): the heading row reads
    "4. Veiledning      til | <right column text>"; "til" ends flush with the left column's edge."""
    data = json.loads((Path(__file__).parent / "data" / "browser_justified_heading_glyphs.json").read_text(encoding="utf-8"))
    glyphs = [tuple(g) for g in data["glyphs"]]
    lines = build_lines_from_glyphs(glyphs, 5)
    texts = [ln.text for ln in lines]
    assert "4. Veiledning til" in texts, [t for t in texts if "Veiledning" in t]
    assert "til" not in texts
    assert all(ln.x1 <= 232 or ln.x0 >= 250 for ln in lines)  # no line crosses the gutter (229..252)


def test_wrapped_signature_title_is_joined():
    b = Block(text="Barne-, likestillings- og inkluderingsminister", page=3, page_end=3, x0=0, top=0, x1=100, bottom=20,
              size=10, bold=False, role="body", lines=["Barne-, likestillings- og", "inkluderingsminister"])
    assert _lines(b) == ["Barne-, likestillings- og inkluderingsminister"]
    b2 = Block(text="Kari Nordmann Justis- og beredskapsminister", page=3, page_end=3, x0=0, top=0, x1=100, bottom=20,
               size=10, bold=False, role="body", lines=["Kari Nordmann", "Justis- og beredskapsminister"])
    assert _lines(b2) == ["Kari Nordmann", "Justis- og beredskapsminister"]
