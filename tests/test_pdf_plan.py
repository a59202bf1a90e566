"""A longer synthetic plan set by reportlab's platypus (justified two-column pages, bullets,
headings, a summary table running over pages): the extracted blocks reproduce the source."""

from __future__ import annotations

import pytest

import pdfs_small as P
from pipeline.layout import read_pdf


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    path, content = P.long_plan(tmp_path_factory.mktemp("plan") / "plan.pdf", parts=4, measures_per_part=6, seed=3)
    return path, content


@pytest.fixture(scope="module")
def docs(plan):
    return {e: read_pdf(plan[0], e, is_word=None) for e in ("pdfplumber", "pdfium")}


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_plan_text_is_reproduced(plan, docs, engine):
    _, content = plan
    doc = docs[engine]
    texts = [b.text for b in doc.blocks]
    found = sum(p in texts for p in content["paragraphs"])
    assert found >= 0.9 * len(content["paragraphs"]), (found, len(content["paragraphs"]))
    heads = [b.text for b in doc.blocks if b.role == "heading"]
    assert all(h in heads for h in content["headings"])
    items = [b.text for b in doc.blocks if b.role == "list_item"]
    assert sum(b in items for b in content["bullets"]) >= 0.9 * len(content["bullets"])
    # part headings are level 1, measure headings level 2, in reading order
    order = [b.text for b in doc.blocks if b.role == "heading" and b.text in content["headings"]]
    assert order == content["headings"]
    levels = {b.text: b.heading_level for b in doc.blocks if b.role == "heading"}
    assert {levels[h] for h in content["headings"] if h.startswith("Del ")} == {1}
    assert {levels[h] for h in content["headings"] if h.startswith("Tiltak ")} == {2}
    # running header and page numbers are gone; page labels are the printed numbers
    assert not any(P.SYNTH in t for t in texts)
    assert doc.page_labels == {p: str(p) for p in range(1, doc.page_count + 1)}


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_plan_summary_table(plan, docs, engine):
    _, content = plan
    doc = docs[engine]
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert [t.header] + t.rows == content["table_rows"]
    assert t.title == "Oversikt over tiltak"
    assert t.page_end > t.page_start  # it runs over a page break, header repeated and merged
    assert [b.role for b in doc.blocks].count("table") == 1


def test_plan_engines_agree(docs):
    a, b = docs["pdfplumber"], docs["pdfium"]
    ka = [(x.text, x.role, x.page) for x in a.blocks]
    kb = [(x.text, x.role, x.page) for x in b.blocks]
    assert ka == kb
