"""Layout of small rendered PDFs: reading order, roles, text, TOC, tables, page labels.

Every check runs with both character engines.
"""

from __future__ import annotations

import pytest

import pdfs_small as P
from pipeline.layout import read_pdf

ENGINES = ["pdfplumber", "pdfium"]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    d = tmp_path_factory.mktemp("pdfs")
    return {
        "two_column": P.two_column(d / "two_column.pdf"),
        "toc": P.with_toc(d / "toc.pdf"),
        "toc_plain": P.with_toc(d / "toc_plain.pdf", leaders=False),
        "table": P.table_two_pages(d / "table.pdf"),
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_two_column_reading_order_and_text(pdfs, engine):
    doc = read_pdf(pdfs["two_column"], engine, is_word=None)
    got = [(b.role, b.heading_level, b.text, b.page, b.page_end) for b in doc.blocks]
    assert got == P.TWO_COLUMN_EXPECTED
    assert doc.page_count == 2
    assert doc.page_labels == {1: "1", 2: "2"}
    assert doc.body_size == 10.0
    assert doc.warnings == []
    assert doc.metadata.get("Title", "").startswith(P.SYNTH)
    # columns: the Helse- paragraph sits in the right column of page 1
    helse = next(b for b in doc.blocks if b.text.startswith("Helse-"))
    assert helse.column == 1 and helse.x0 > 300
    # running header/footer are gone
    assert not any(P.SYNTH in b.text or "Side 1" in b.text for b in doc.blocks)
    # printed lines kept for the joined paragraph
    tilt = doc.blocks[4]
    assert tilt.lines[-1] == "styringsgruppe med representanter fra departementene."


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["toc", "toc_plain"])
def test_table_of_contents(pdfs, engine, name):
    doc = read_pdf(pdfs[name], engine, is_word=None)
    assert [(t.title, t.page_label, t.level) for t in doc.toc] == P.TOC_EXPECTED
    assert doc.page_labels == P.TOC_LABELS
    toc_blocks = [b for b in doc.blocks if b.role == "toc"]
    assert [b.text for b in toc_blocks] == [t[0] for t in P.TOC_EXPECTED]
    assert doc.blocks[0].role == "heading" and doc.blocks[0].text == "Innhold"
    # TOC lines never show up as body text
    assert not any(b.role == "body" and "Politiet" in b.text for b in doc.blocks)
    assert [b.text for b in doc.blocks if b.role == "heading"] == [
        "Innhold", "Forord", "Del 1 Samarbeid", "1.2 Påtalemyndigheten"]


@pytest.mark.parametrize("engine", ENGINES)
def test_table_over_two_pages(pdfs, engine):
    doc = read_pdf(pdfs["table"], engine, is_word=None)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.header == P.TABLE_HEADER
    assert t.rows == P.TABLE_ROWS
    assert t.row_pages == P.TABLE_ROW_PAGES
    assert (t.page_start, t.page_end) == (1, 2)
    assert t.title == "Oversikt over tiltak"
    roles = [(b.role, b.page) for b in doc.blocks]
    assert roles == [("heading", 1), ("table", 1), ("body", 2)]
    assert doc.blocks[1].table is t and doc.blocks[1].page_end == 2
    # table text is not duplicated as paragraphs
    assert not any("Tiltak nummer" in b.text for b in doc.blocks if b.role != "table")
    assert doc.blocks[2].text == "Tabellen viser alle tiltakene i eksempelplanen."


def test_vocabulary_is_used_for_line_end_hyphens(pdfs):
    # the vocabulary is consulted for "myndig-" + "heter" (and finds the whole word)
    asked: list[str] = []

    def vocab(w: str) -> bool:
        asked.append(w)
        return w in {"myndigheter"}

    doc = read_pdf(pdfs["two_column"], "pdfplumber", is_word=vocab)
    assert "myndigheter" in asked
    assert "myndigheter for å avdekke" in doc.blocks[1].text
    # suspended compounds and abbreviations are independent of the vocabulary
    assert "Justis- og beredskapsdepartementets" in doc.blocks[2].text
    assert "EU-landene" in doc.blocks[2].text


@pytest.mark.parametrize("engine", ENGINES)
def test_rotated_pages(tmp_path, engine):
    doc = read_pdf(P.rotated_pages(tmp_path / "rot.pdf"), engine, is_word=None)
    assert [(b.role, b.text, b.page) for b in doc.blocks] == [
        ("heading", "Liggende side med tabell", 1),
        ("body", "Første linje på den liggende siden. Andre linje på den liggende siden.", 1),
        ("body", "Sidelengs tekst på en rotert side.", 2),
    ]
    assert doc.warnings == ["page 2: text is set sideways; read it turned upright"]
