"""The PDF layer on the plangen standard set (synthetic plans made by another generator):
both engines give the same blocks, and the layout facts the generator knows hold."""

from __future__ import annotations

import pytest

pytest.importorskip("pyphen")  # the plangen generator needs it

from pipeline.layout import read_pdf  # noqa: E402
from tests.plangen.fixtures import plangen_dir, plangen_manifest, plangen_plans  # noqa: F401

CHECKED = ("plan2016_menneskehandel_twocol", "plan2024_digital_mixed_table")


@pytest.fixture(scope="module")
def laid_out(plangen_plans):  # noqa: F811
    out = {}
    for plan in plangen_plans:
        if plan["name"] in CHECKED:
            out[plan["name"]] = {e: read_pdf(plan["pdf"], e, is_word=None) for e in ("pdfplumber", "pdfium")}
    assert set(out) == set(CHECKED)
    return out


def test_engines_agree_on_plangen_plans(laid_out):
    for name, docs in laid_out.items():
        a, b = docs["pdfplumber"], docs["pdfium"]
        assert [(x.text, x.page, x.page_end, x.role, x.heading_level) for x in a.blocks] == [
            (x.text, x.page, x.page_end, x.role, x.heading_level) for x in b.blocks
        ], name
        assert a.page_labels == b.page_labels and a.toc == b.toc, name
        assert [(t.header, t.rows, t.row_pages) for t in a.tables] == [(t.header, t.rows, t.row_pages) for t in b.tables]


def test_plangen_layout_facts(laid_out, plangen_plans):  # noqa: F811
    truth = {p["name"]: p["truth"] for p in plangen_plans}
    for name, docs in laid_out.items():
        doc = docs["pdfium"]
        toc_blocks = [b for b in doc.blocks if b.role == "toc"]
        assert doc.toc and [b.text for b in toc_blocks] == [t.title for t in doc.toc]
        assert max(b.page for b in toc_blocks) <= 3 and all(t.page_label.isdigit() for t in doc.toc)
        assert len(doc.tables) == 1 and doc.tables[0].rows
        # every measure title of the truth appears in some heading, table cell or block
        text = "\n".join(b.text for b in doc.blocks) + "\n" + "\n".join(" ".join(r) for t in doc.tables for r in t.rows)
        titles = [m["title"] for m in truth[name]["measures"]]
        missing = [t for t in titles if t not in text]
        assert not missing, (name, missing[:3])
        # running headers/footers are gone: no block repeats on most pages
        from collections import Counter

        common = Counter(b.text for b in doc.blocks if len(b.text) > 3).most_common(1)[0][1]
        assert common < doc.page_count / 2
