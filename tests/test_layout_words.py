"""The one word-segmentation model (pipeline.layout.words) and the text paths that use it: lines, cells of ruled
tables, tables found from text alignment. Hand-made glyphs: every gap is known exactly."""

from __future__ import annotations

from pipeline.layout.engines import RawTable
from pipeline.layout.lines import TextLine, build_lines_from_glyphs
from pipeline.layout.tables import clean_table, find_aligned_tables
from pipeline.layout.words import DEFAULT_SPACE_EM, MAX_GAP_EM, MIN_GAP_EM, SpaceModel, glyph_text


def _word_glyphs(words: list[str], x: float, top: float, size: float = 10.0, gap_em: float = 0.25,
                 font: str = "Serif", bold: bool = False, space_glyphs: bool = False, adv_em: float = 0.5) -> list[tuple]:
    """Glyph tuples of words set ``gap_em`` apart, with or without space glyphs in the gaps."""
    out: list[tuple] = []
    w = adv_em * size
    for k, word in enumerate(words):
        if k:
            if space_glyphs:
                out.append((x, x + gap_em * size, top, top + size, size, " ", font, bold, True))
            x += gap_em * size
        for ch in word:
            out.append((x, x + w, top, top + size, size, ch, font, bold, False))
            x += w
    return out


def test_words_from_gaps_with_and_without_space_glyphs():
    words = ["Forsterket", "oppfølging", "av", "elever"]
    bare = _word_glyphs(words, 70, 100)
    with_spaces = _word_glyphs(words, 70, 100, space_glyphs=True)
    model = SpaceModel()
    assert glyph_text(bare, model) == "Forsterket oppfølging av elever"
    assert glyph_text(with_spaces, SpaceModel.learn(with_spaces)) == "Forsterket oppfølging av elever"


def test_space_characters_that_overlap_the_next_glyph_are_not_word_spaces():
    """pdfminer reports Chromium's soft-hyphen break opportunities as spaces lying on top of the next glyph."""
    g = _word_glyphs(["Samarbeidsavtaler"], 70, 100)
    fake = [(g[3][0], g[3][0] + 2.5, 100, 110, 10.0, " ", "Serif", False, True),
            (g[5][0], g[5][0] + 2.5, 100, 110, 10.0, " ", "Serif", False, True)]
    row = sorted(g + fake, key=lambda x: x[0])
    assert glyph_text(row, SpaceModel()) == "Samarbeidsavtaler"


def test_threshold_follows_the_space_advance_within_bounds():
    narrow = _word_glyphs(["a", "b", "c"], 0, 0, gap_em=0.2, font="Narrow", space_glyphs=True)
    wide = _word_glyphs(["a", "b", "c"], 0, 0, gap_em=0.6, font="Wide", space_glyphs=True)
    m = SpaceModel.learn(narrow + wide)
    assert m.advances["Narrow"] == 0.2 and m.advances["Wide"] == 0.6
    assert m.threshold("Narrow", 10.0) == 0.45 * 0.2 * 10.0
    assert m.threshold("Wide", 10.0) == MAX_GAP_EM * 10.0  # a very wide space still separates at 0.15 em
    assert m.threshold("Unknown", 10.0) == 0.45 * DEFAULT_SPACE_EM * 10.0
    assert SpaceModel({"Tiny": 0.05}).threshold("Tiny", 10.0) == MIN_GAP_EM * 10.0


def test_kerning_is_not_a_space_and_a_kerned_word_gap_is():
    size = 10.0
    tight = [(0, 5, 0, 10, size, "W", "F", False, False), (4.6, 9.6, 0, 10, size, "A", "F", False, False)]  # -0.04 em
    kerned_space = [(0, 5, 0, 10, size, "r", "F", False, False), (6.2, 11, 0, 10, size, "A", "F", False, False)]  # 0.12 em
    assert glyph_text(tight, SpaceModel()) == "WA"
    assert glyph_text(kerned_space, SpaceModel()) == "r A"


def test_row_final_hyphen_set_apart_by_justification_stays_with_its_word():
    g = _word_glyphs(["fravæ"], 400, 100)
    hyphen = (g[-1][1] + 1.4, g[-1][1] + 5.0, 100, 110, 10.0, "-", "Serif", False, False)
    assert glyph_text(g + [hyphen], SpaceModel()) == "fravæ-"
    # a dash far from the word (a gap of an em) stays apart
    far = (g[-1][1] + 10.0, g[-1][1] + 13.0, 100, 110, 10.0, "-", "Serif", False, False)
    assert glyph_text(g + [far], SpaceModel()) == "fravæ -"


def test_lines_use_the_model_and_ignore_space_glyphs():
    glyphs = _word_glyphs(["Tiltak", "8:", "Forsterket", "oppfølging"], 56.8, 321.6, size=11.5, gap_em=0.23)
    lines = build_lines_from_glyphs(glyphs, 1)
    assert [ln.text for ln in lines] == ["Tiltak 8: Forsterket oppfølging"]


def test_descent_lines_a_fraction_of_a_point_apart_stay_one_row_beside_an_offset_column():
    """A right-column line 0.3 em higher does not pull half of a left-column line into its row."""
    left = _word_glyphs(["Tiltak", "8:", "Forsterket"], 56.8, 321.6, size=11.5)
    left = [g if k % 2 else (g[0], g[1], g[2] + 0.07, g[3] + 0.07, *g[4:]) for k, g in enumerate(left)]
    right = _word_glyphs(["Ansvarlig:", "KD,", "KMD"], 255.2, 318.15, size=11.5)
    texts = sorted(ln.text for ln in build_lines_from_glyphs(left + right, 1))
    assert texts == ["Ansvarlig: KD, KMD", "Tiltak 8: Forsterket"]


def test_ruled_table_cells_are_spelt_from_glyphs_and_a_spanning_bold_row_is_a_section_row():
    rows_y = [100, 120, 140]
    glyphs: list[tuple] = []
    glyphs += _word_glyphs(["Nr."], 62, rows_y[0], bold=True) + _word_glyphs(["Tiltak"], 102, rows_y[0], bold=True)
    glyphs += _word_glyphs(["Flere", "fullfører", "opplæring"], 62, rows_y[1], bold=True)
    glyphs += _word_glyphs(["1"], 62, rows_y[2]) + _word_glyphs(["Forsterket", "oppfølging"], 102, rows_y[2])
    cells = [
        [(60, 98, 98, 100), (100, 98, 400, 100)],
        [(60, 118, 400, 132), None],
        [(60, 138, 100, 152), (100, 138, 400, 152)],
    ]
    cells = [[(c[0], c[1], c[2], c[3] + 14) if c and c[3] == 100 else c for c in r] for r in cells]
    raw = RawTable(bbox=(60, 98, 400, 152), rows=[], page=1, cells=cells)
    pc = clean_table(raw, None, glyphs, SpaceModel())
    assert pc is not None
    assert pc.rows == [["Nr.", "Tiltak"], ["Flere fullfører opplæring", ""], ["1", "Forsterket oppfølging"]]
    assert pc.section_rows == {1}


def _line(text: str, x0: float, top: float, row: int, size: float = 10.0, bold: bool = False) -> TextLine:
    return TextLine(text, 1, x0, top, x0 + 0.5 * size * len(text), top + size, size, bold, row, n_chars=len(text))


def test_a_table_without_rulings_from_aligned_columns():
    cols = (70.0, 100.0, 380.0, 470.0)
    lines = [_line("Tabellen gir en oversikt over tiltakene i planen, ordnet etter innsatsområde.", 70, 60, 0)]
    rows = [("Nr.", "Tiltak", "Ansvar", "Tidsramme")]
    lines += [_line(t, x, 80, 1, bold=True) for t, x in zip(rows[0], cols)]
    lines.append(_line("Innsatsområde 1: Et sterkere samarbeid mellom etatene", 70, 96, 2, bold=True))
    data = [("1", "Flere a-krimsentre", "AID/JD/FIN", "2024–2025"), ("2", "Felles analysemiljø", "AID/JD", "2023–2024"),
            ("3", "Straffeansvar for oppdragsgivere", "JD/AID", "2024")]
    top = 112
    for k, r in enumerate(data):
        lines += [_line(t, x, top, 3 + 2 * k) for t, x in zip(r, cols)]
        top += 16
        if k == 2:
            lines.append(_line("som bruker ulovlig arbeidskraft", 100, top, 4 + 2 * k))
            top += 16
    lines.append(_line("Oppfølging", 70, top + 40, 40, size=14, bold=True))
    found = find_aligned_tables(lines, 1)
    assert len(found) == 1
    pc, consumed = found[0]
    assert pc.rows[0] == ["Nr.", "Tiltak", "Ansvar", "Tidsramme"]
    assert pc.rows[1][0] == "Innsatsområde 1: Et sterkere samarbeid mellom etatene" and pc.section_rows == {1}
    assert pc.rows[2] == ["1", "Flere a-krimsentre", "AID/JD/FIN", "2024–2025"]
    assert pc.rows[4] == ["3", "Straffeansvar for oppdragsgivere som bruker ulovlig arbeidskraft", "JD/AID", "2024"]
    assert lines[0] not in consumed and lines[-1] not in consumed


def test_two_column_text_and_a_numbered_list_are_not_tables():
    lines = []
    for k in range(8):
        lines.append(_line("venstre spalte med vanlig tekst", 70, 100 + 14 * k, k))
        lines.append(_line("høyre spalte med vanlig tekst", 300, 100 + 14 * k, k))
    assert find_aligned_tables(lines, 1) == []
    listed = []
    for k in range(5):
        listed.append(_line(f"{k + 1}.", 70, 300 + 14 * k, 20 + k))
        listed.append(_line("Et punkt i en nummerert liste i prosa", 95, 300 + 14 * k, 20 + k))
    assert find_aligned_tables(listed, 1) == []
