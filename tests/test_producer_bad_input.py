"""What a plan prints that must never become a measure, on the committed producer fixtures: a table of contents
whose entry wraps onto the next page, a numbered list in prose, a statistics table; and a TOC entry split by a
page break read as one entry (hand-made lines for the unit case)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.documents.extract import plan_from_layout
from pipeline.layout import read_pdf
from pipeline.layout.lines import TextLine
from pipeline.layout.toc import find_toc
from pipeline.model import DocumentInfo

DATA = Path(__file__).resolve().parent / "data" / "producers"


def _plan(name: str):
    truth = json.loads((DATA / f"{name}.truth.json").read_text(encoding="utf-8"))
    on = date.fromisoformat(truth["document"]["date"])
    doc = read_pdf(DATA / f"{name}.pdf")
    info = DocumentInfo(name, "plan", truth["document"]["title"], publisher_name=truth["document"]["publisher"],
                        published=on)
    return doc, plan_from_layout(doc, info, on, enrich=False), truth


@pytest.fixture(scope="module")
def innsats():
    return _plan("lo_vgo_carlito_innsats")


def test_toc_entry_wrapped_onto_the_next_page_is_one_entry_and_no_measure(innsats):
    doc, plan, truth = innsats
    split = truth["document"]["toc_split"]
    assert split["page"] == 2
    titles = [e.title for e in doc.toc]
    assert "Tiltak 13: Tilrettelagt opplæring for sent ankomne ungdommer" in titles
    assert "ungdommer" not in titles
    m13 = next(m for m in plan.measures if m.number == "13")
    t13 = next(m for m in truth["measures"] if m["number"] == "13")
    assert (m13.title, m13.page_start) == (t13["title"], t13["page_start"]) and m13.text
    toc_pages = {b.page for b in doc.blocks if b.role == "toc"}
    assert all(m.page_start not in toc_pages for m in plan.measures)


def test_numbered_list_in_prose_and_statistics_table_are_never_measures(innsats):
    doc, plan, truth = innsats
    assert len(plan.measures) == len(truth["measures"])
    stats = [t for t in doc.tables if t.page_start < min(m["page_start"] for m in truth["measures"])]
    assert stats, "the fixture has a statistics table before the measures"
    true_titles = {m["title"] for m in truth["measures"]}
    assert all(m.title in true_titles for m in plan.measures)


def _line(text: str, top: float, row: int, page: int, x1: float | None = None) -> TextLine:
    return TextLine(text, page, 70, top, x1 or 70 + 5 * len(text), top + 10, 10.0, False, row, n_chars=len(text))


def test_toc_entry_split_by_a_page_break_unit():
    lead = "." * 40
    p1 = [_line(f"Tiltak {k}: Tittel nummer {k} {lead} {k + 4}", 100 + 14 * k, k, 1, 520) for k in range(1, 5)]
    p1.append(_line("Tiltak 5: En lang tittel som brytes over", 200, 9, 1))
    p2 = [_line(f"sideskiftet {lead} 9", 60, 0, 2, 520)]
    p2 += [_line(f"Tiltak {k}: Tittel nummer {k} {lead} {k + 5}", 60 + 14 * (k - 5), k, 2, 520) for k in range(6, 9)]
    entries = find_toc({1: p1, 2: p2, 3: [], 4: [], 5: [], 6: []})
    titles = [e.title for e in entries]
    assert "Tiltak 5: En lang tittel som brytes over sideskiftet" in titles and "sideskiftet" not in titles
    assert p1[-1].role == "toc"


def test_toc_entry_that_begins_at_the_top_of_a_toc_page_unit():
    """A TOC page whose first entry wraps before its first row with a page label ("4 Samarbeid, kunnskap" /
    "og internasjonal innsats .... 10"): one entry, not a title in lower case. A larger title above the first
    entry ("Innhold") is not taken in."""
    lead = "." * 40
    p1 = [_line(f"Tiltak {k}: Tittel nummer {k} {lead} {k + 4}", 100 + 14 * k, k, 1, 520) for k in range(1, 5)]
    p2 = [_line("4 Samarbeid, kunnskap", 60, 0, 2), _line(f"og internasjonal innsats {lead} 10", 74, 1, 2, 520)]
    p2 += [_line(f"Tiltak {k}: Tittel nummer {k} {lead} {k + 6}", 60 + 14 * (k - 3), k, 2, 520) for k in range(5, 8)]
    entries = find_toc({1: p1, 2: p2, 3: [], 4: [], 5: [], 6: []})
    titles = [e.title for e in entries]
    assert "4 Samarbeid, kunnskap og internasjonal innsats" in titles
    assert not any(t.startswith("og ") for t in titles) and p2[0].role == "toc"
    big = TextLine("Innhold", 2, 70, 30, 140, 50, 20.0, True, 0, n_chars=7)
    p3 = [big] + [_line(f"og internasjonal innsats {lead} 10", 74, 1, 3, 520)]
    p3 += [_line(f"Tiltak {k}: Tittel nummer {k} {lead} {k + 6}", 60 + 14 * (k - 3), k, 3, 520) for k in range(5, 8)]
    titles = [e.title for e in find_toc({3: p3, 4: [], 5: [], 6: [], 7: [], 8: []})]
    assert "og internasjonal innsats" in titles and big.role is None
