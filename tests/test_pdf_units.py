"""Unit tests of the layout steps on hand-made lines and glyphs (no PDF needed)."""

from __future__ import annotations

import pytest

from pipeline.model import Char
from pipeline.layout.columns import reading_order
from pipeline.layout.furniture import mark_furniture, page_number_label
from pipeline.layout.headings import body_size, classify, heading_levels
from pipeline.layout.lines import TextLine, build_lines
from pipeline.layout.tables import TablePiece, merge_pieces


def L(text, x0, top, x1, row, size=10.0, bold=False, page=1):
    return TextLine(text, page, x0, top, x1, top + size, size, bold, row, n_chars=len(text))


def glyphs(text, x, baseline, size=10.0, font="DejaVuSans", adv=None, page=1):
    """Monospaced fake glyphs: one Char per character, spaces included."""
    adv = adv or 0.55 * size
    out = []
    for ch in text:
        out.append(Char(ch, x, baseline - size, x + adv, baseline, size, font, page))
        x += adv
    return out


# --------------------------------------------------------------------------- page numbers


@pytest.mark.parametrize("text,label", [
    ("12", "12"), ("Side 12", "12"), ("side 3 av 40", "3"), ("12 av 40", "12"), ("- 7 -", "7"),
    ("iv", "iv"), ("XII", "xii"), ("Page 4", "4"), ("4 / 40", "4"),
])
def test_page_number_label(text, label):
    assert page_number_label(text) == label


@pytest.mark.parametrize("text", ["Tiltak 12", "2016", "12. mai", "Innhold", "vil", "Del 2"])
def test_not_page_numbers(text):
    if text == "2016":
        assert page_number_label(text) == "2016"  # a bare number *is* a label candidate ...
    else:
        assert page_number_label(text) is None


def test_furniture_repeated_header_and_page_numbers():
    pages = {}
    for p in range(1, 5):
        pages[p] = [
            L(f"Handlingsplan 2016–2018 kapittel {p}", 60, 30, 300, 0, size=8),
            L("Brødtekst som står midt på siden.", 60, 300, 400, 1),
            L("Ansvar: JD", 60, 700, 120, 2),  # repeated, but not at the same height on every page
            L(str(p + 10), 290, 800, 300, 3),
        ]
    pages[2][2].top = 650
    heights = {p: 842.0 for p in pages}
    labels = mark_furniture(pages, heights)
    assert labels == {1: "11", 2: "12", 3: "13", 4: "14"}
    for p, lines in pages.items():
        assert [ln.role for ln in lines] == ["furniture", None, None, "furniture"]


def test_a_number_is_no_page_label_when_body_text_lies_further_out():
    pages = {1: [L("Innhold", 60, 60, 200, 0), L("12", 500, 760, 510, 1), L("Siste linje", 60, 790, 200, 2)]}
    labels = mark_furniture(pages, {1: 842.0})
    assert labels == {} and pages[1][1].role is None


# --------------------------------------------------------------------------- columns


def _two_col(n=6, offset=0.0):
    left = [L(f"venstre linje {i}", 60, 100 + 13 * i, 280, i) for i in range(n)]
    right = [L(f"høyre linje {i}", 310, 100 + 13 * i + offset, 530, 100 + i) for i in range(n)]
    return left, right


@pytest.mark.parametrize("offset", [0.0, 5.0])
def test_two_columns_read_left_then_right(offset):
    left, right = _two_col(offset=offset)
    head = L("Del 1 En overskrift som går over hele bredden av siden", 60, 70, 530, 99, size=14)
    order = reading_order(right + left + [head])
    assert [ln.text for ln in order] == [head.text] + [x.text for x in left] + [x.text for x in right]
    assert {ln.column for ln in left} == {0} and {ln.column for ln in right} == {1}


def test_mixed_page_full_width_then_columns_then_full_width():
    intro = [L(f"innledning over hele bredden {i}", 60, 60 + 13 * i, 530, 50 + i) for i in range(3)]
    left, right = _two_col()
    outro = [L("avslutning over hele bredden", 60, 200, 530, 200)]
    order = reading_order(outro + right + intro + left)
    assert [ln.text for ln in order] == [x.text for x in intro + left + right + outro]


def test_single_column_with_short_lines_is_not_split():
    lines = [L("en lang linje i en vanlig spalte med tekst", 60, 100 + 13 * i, 530 if i % 3 else 200, i)
             for i in range(12)]
    order = reading_order(lines)
    assert order == sorted(lines, key=lambda ln: ln.top) and {ln.column for ln in order} == {0}


def test_three_columns():
    cols = [[L(f"k{c} linje {i}", 60 + 165 * c, 100 + 13 * i, 200 + 165 * c, 10 * c + i) for i in range(5)]
            for c in range(3)]
    order = reading_order([ln for col in reversed(cols) for ln in col])
    assert [ln.text for ln in order] == [ln.text for col in cols for ln in col]


# --------------------------------------------------------------------------- lines from glyphs


def test_gutter_splits_rows_but_justified_gaps_do_not():
    chars = []
    for i in range(8):
        y = 100 + 13 * i
        chars += glyphs("venstre tekst", 60, y)
        chars += glyphs("ord", 145 + (i * 37) % 90, y)  # a wide word gap that wanders (justified)
        chars += glyphs("høyre spalte", 320, y)
    lines = build_lines(chars, 1)
    texts = sorted({ln.text for ln in lines})
    assert texts == ["høyre spalte", "venstre tekst ord"]
    assert len(lines) == 16


def test_superscript_joins_its_row_and_ligatures_are_spelled_out():
    # a small raised digit after a word is a footnote mark: it joins its row and is not part of the word
    chars = glyphs("ﬁnansiering", 60, 100) + glyphs("1", 60 + 11 * 5.5, 96, size=6)
    lines = build_lines(chars, 1)
    assert [ln.text for ln in lines] == ["finansiering"]


def test_footnote_marks_are_dropped_but_other_small_glyphs_kept():
    raised_letter = glyphs("sak", 60, 100) + glyphs("a", 60 + 3 * 5.5, 96, size=6)
    lowered_digit = glyphs("CO", 60, 100) + glyphs("2", 60 + 2 * 5.5, 102, size=6)
    same_size = glyphs("tiltak 12", 60, 100)
    assert [ln.text for ln in build_lines(raised_letter, 1)] == ["saka"]
    assert [ln.text for ln in build_lines(lowered_digit, 1)] == ["CO2"]
    assert [ln.text for ln in build_lines(same_size, 1)] == ["tiltak 12"]


# --------------------------------------------------------------------------- headings


def test_heading_classification_and_levels():
    assert classify("Del 2 Bistand", 16, True, 1, False, 10) == "heading"
    assert classify("Oppfølging", 10, True, 1, False, 10) == "heading"
    assert classify("Tiltak 12: Bedre rutiner", 10, False, 1, False, 10) == "heading"
    assert classify("Dette er en vanlig setning.", 10, True, 1, False, 10) == "body"
    assert classify("Tabell 1: Oversikt", 9, False, 1, False, 10) == "caption"
    assert classify("Liten skrift i en fotnote", 7, False, 1, False, 10) == "other"
    assert classify("punkt", 10, False, 1, True, 10) == "list_item"
    lv = heading_levels([(18.0, True), (14.0, True), (10.0, True), (18.2, True)], 10.0)
    assert lv[(18.0, True)] == 1 and lv[(18.2, True)] == 1 and lv[(14.0, True)] == 2 and lv[(10.0, True)] == 3
    assert body_size([L("x" * 100, 0, 0, 1, 0, size=10), L("y" * 20, 0, 0, 1, 1, size=16)]) == 10.0


# --------------------------------------------------------------------------- tables


def test_merge_pieces_repeated_header_and_split_row():
    a = TablePiece(1, (0, 500, 10, 800), [["Nr.", "Tiltak"], ["1", "Første"], ["2", "Andre del av"]], last_on_page=True)
    b = TablePiece(2, (0, 50, 10, 200), [["Nr.", "Tiltak"], ["", "teksten"], ["3", "Tredje"]], first_on_page=True)
    c = TablePiece(5, (0, 50, 10, 200), [["A", "B", "C"], ["1", "2", "3"]])
    merged = merge_pieces([a, b, c])
    assert len(merged) == 2
    t = merged[0][0]
    assert t.header == ["Nr.", "Tiltak"]
    assert t.rows == [["1", "Første"], ["2", "Andre del av teksten"], ["3", "Tredje"]]
    assert t.row_pages == [1, 1, 2] and (t.page_start, t.page_end) == (1, 2)
    assert merged[1][0].header == ["A", "B", "C"]


def test_tables_on_non_adjacent_pages_or_other_shape_are_separate():
    a = TablePiece(1, (0, 0, 1, 1), [["Nr.", "Tiltak"], ["1", "x"]], last_on_page=True)
    b = TablePiece(3, (0, 0, 1, 1), [["Nr.", "Tiltak"], ["2", "y"]], first_on_page=True)
    assert len(merge_pieces([a, b])) == 2


def test_glyph_level_mixed_page_intro_two_columns_outro():
    chars = []
    for i in range(3):  # full-width intro, one justified line each
        chars += glyphs("innledning over hele bredden av siden med mange ord i hver linje her", 60, 80 + 13 * i)
    for i in range(6):
        chars += glyphs(f"venstre spalte {i} tekst", 60, 130 + 13 * i)
        chars += glyphs(f"høyre spalte {i} tekst", 320, 130 + 13 * i + (4 if i % 2 else 0))
    chars += glyphs("avslutning over hele bredden av siden med mange ord i hver linje", 60, 230)
    order = reading_order(build_lines(chars, 1))
    texts = [ln.text for ln in order]
    assert texts[:3] == ["innledning over hele bredden av siden med mange ord i hver linje her"] * 3
    assert texts[3:9] == [f"venstre spalte {i} tekst" for i in range(6)]
    assert texts[9:15] == [f"høyre spalte {i} tekst" for i in range(6)]
    assert texts[15] == "avslutning over hele bredden av siden med mange ord i hver linje"


def test_measure_labels_on_a_baseline_grid_are_not_running_heads():
    """"Tiltak 4" / "Tiltak 9" / "Tiltak 13" opening a column at the same height on several pages: the numbers
    change from page to page without following the page, so the lines are content; a running head whose number
    follows the page ("Side 3") or stays over pages ("Kapittel 2") is furniture."""
    pages = {}
    for p, n in zip(range(1, 5), (4, 9, 13, 17)):
        pages[p] = [L(f"Tiltak {n}", 60, 70, 120, 0, bold=True), L(f"Kapittel {1 + p // 3}", 300, 30, 360, 1, size=8),
                    L(f"Side {p + 2}", 300, 810, 340, 20, size=8)]
        pages[p] += [L("Brødtekst som står midt på siden.", 60, 300 + 12 * k, 400, 10 + k) for k in range(3)]
    mark_furniture(pages, {p: 842.0 for p in pages})
    roles = {ln.text: ln.role for ls in pages.values() for ln in ls}
    assert all(roles[f"Tiltak {n}"] is None for n in (4, 9, 13, 17))
    assert roles["Kapittel 1"] == roles["Kapittel 2"] == "furniture" and roles["Side 3"] == "furniture"


def test_multi_level_measure_labels_opening_columns_are_content():
    """"Tiltak 1.1" / "3.1" / "3.7" / "4.4" opening a column on pages 6, 11, 12, 14: the numbers differ as printed
    (not only in their last level); "Tiltak 1.6" and "Tiltak 2.2" opening both columns of page 5, then "Tiltak 2.7"
    on page 6, do not follow the page, nor do "Tiltak 2.6" / "Tiltak 2.7" on pages 5 and 6 (a number of two levels is
    no page number). A running head "Kapittel 3 – 12" whose last number follows the page stays furniture, also where
    the chapter number changes ("Kapittel 4 – 15")."""
    def doc(labels: dict[int, list[str]], n_pages: int):
        pages = {}
        for p in range(1, n_pages + 1):
            pages[p] = [L(f"Kapittel {3 + p // 6} – {p + 4}", 300, 30, 400, 1, size=8, page=p)]
            pages[p] += [L("Brødtekst som står midt på siden.", 60, 300 + 12 * k, 400, 10 + k, page=p) for k in range(3)]
            for c, text in enumerate(labels.get(p, [])):
                pages[p].append(L(text, 60 + 250 * c, 70, 120 + 250 * c, 2, bold=True, page=p))
        mark_furniture(pages, {p: 842.0 for p in pages})
        return {(p, ln.text): ln.role for p, ls in pages.items() for ln in ls}

    roles = doc({6: ["Tiltak 1.1"], 11: ["Tiltak 3.1"], 12: ["Tiltak 3.7"], 14: ["Tiltak 4.4"]}, 16)
    assert all(roles[k] is None for k in roles if k[1].startswith("Tiltak"))
    assert roles[(2, "Kapittel 3 – 6")] == "furniture" and roles[(7, "Kapittel 4 – 11")] == "furniture"
    roles = doc({5: ["Tiltak 1.6", "Tiltak 2.2"], 6: ["Tiltak 2.7"]}, 8)
    assert all(roles[k] is None for k in roles if k[1].startswith("Tiltak"))
    roles = doc({5: ["Tiltak 2.6"], 6: ["Tiltak 2.7"]}, 8)
    assert all(roles[k] is None for k in roles if k[1].startswith("Tiltak"))


def test_lines_printed_inside_the_text_area_too_are_content():
    """"Tiltak 6" on page 5 and "Tiltak 7" on page 6 open the left column: alone, a number that follows the page
    could be a running head; the same label form printed mid-page on other pages makes both content. A running
    head printed once more as a heading inside the text stays furniture."""
    def doc(inside: bool):
        pages = {}
        for p in range(1, 9):
            pages[p] = [L("Handlingsplan mot vold", 300, 30, 400, 1, size=8, page=p)]
            pages[p] += [L("Brødtekst som står midt på siden.", 60, 300 + 12 * k, 400, 10 + k, page=p) for k in range(3)]
            if inside and p in (3, 4, 5, 7):
                pages[p].append(L(f"Tiltak {p - 2}", 60, 400, 120, 20, bold=True, page=p))
        pages[1].append(L("Handlingsplan mot vold", 60, 400, 300, 21, size=16, page=1))
        pages[5].append(L("Tiltak 6", 60, 70, 120, 2, bold=True, page=5))
        pages[6].append(L("Tiltak 7", 60, 70, 120, 2, bold=True, page=6))
        mark_furniture(pages, {p: 842.0 for p in pages})
        return {(p, ln.text, ln.top): ln.role for p, ls in pages.items() for ln in ls}

    alone, with_body = doc(False), doc(True)
    assert alone[(5, "Tiltak 6", 70)] == "furniture"  # nothing tells it from a running head
    assert with_body[(5, "Tiltak 6", 70)] is None and with_body[(6, "Tiltak 7", 70)] is None
    assert with_body[(2, "Handlingsplan mot vold", 30)] == "furniture"


def test_a_heading_number_alone_on_the_top_line_is_no_page_number():
    """A part heading whose number is set alone on the top line of a page ("3" over "Straffeforfølgning", in the top
    zone once the running head is furniture) is content: it is set much larger than the page numbers, and the page
    has its page number in the zone where most pages have theirs. Page numbers at the top with one at the bottom of
    a chapter's first page (same size) are all page numbers."""
    def doc(footer_on_part_page: bool):
        pages = {}
        for p in range(1, 9):
            pages[p] = [L("Handlingsplan mot vold", 60, 22, 250, 0, size=8.5, page=p)]
            pages[p] += [L("Brødtekst som står midt på siden.", 60, 300 + 12 * k, 400, 10 + k, page=p) for k in range(3)]
            if p != 6 or footer_on_part_page:
                pages[p].append(L(str(p), 400, 648, 408, 30, size=8.5, page=p))
        pages[6][1:1] = [L("3", 60, 61, 72, 1, size=16.5, bold=True, page=6),
                         L("Straffeforfølgning", 60, 81, 220, 2, size=16.5, bold=True, page=6)]
        labels = mark_furniture(pages, {p: 680.0 for p in pages})
        return pages[6][1], labels

    for footer in (True, False):
        three, labels = doc(footer)
        assert three.role is None and labels.get(6) == ("6" if footer else None)
        assert labels[5] == "5" and labels[7] == "7"
    pages = {}
    for p in range(1, 7):
        pages[p] = [L("Brødtekst som står midt på siden.", 60, 300 + 12 * k, 400, 10 + k, page=p) for k in range(3)]
        pages[p].append(L(str(p + 10), 400, 30, 412, 0, size=8.5, page=p) if p != 4 else
                        L(str(p + 10), 400, 648, 412, 30, size=8.5, page=p))
    assert mark_furniture(pages, {p: 680.0 for p in pages}) == {p: str(p + 10) for p in range(1, 7)}
