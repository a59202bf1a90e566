"""The PDFium engine must give the same blocks as the pdfplumber reference engine.

This is the condition for PDFium being the default ("auto") engine.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import pdfs_small as P
from pipeline.layout import read_pdf
from pipeline.layout.engines import get_engine
from tests.benchmarks_module import load_benchmark


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    d = tmp_path_factory.mktemp("parity")
    return [
        P.two_column(d / "two_column.pdf"),
        P.with_toc(d / "toc.pdf"),
        P.with_toc(d / "toc_plain.pdf", leaders=False),
        P.table_two_pages(d / "table.pdf"),
        P.partly_scanned(d / "partial.pdf"),
        P.rotated_pages(d / "rotated.pdf"),
    ]


def _summary(doc):
    return (
        [(b.text, b.page, b.page_end, b.role, b.heading_level, b.column) for b in doc.blocks],
        doc.page_labels,
        [(t.title, t.page_label, t.level) for t in doc.toc],
        [(t.header, t.rows, t.row_pages, t.title) for t in doc.tables],
        doc.body_size,
        doc.pages_without_text,
    )


def test_engines_give_the_same_layout(pdfs):
    for pdf in pdfs:
        a = read_pdf(pdf, "pdfplumber", is_word=None)
        b = read_pdf(pdf, "pdfium", is_word=None)
        assert _summary(a) == _summary(b), pdf.name
        for x, y in zip(a.blocks, b.blocks):  # geometry agrees to within a point or two
            assert abs(x.x0 - y.x0) < 2 and abs(x.top - y.top) < 3, (pdf.name, x.text)


def test_auto_is_pdfium_and_matches(pdfs):
    for pdf in pdfs[:2]:
        assert _summary(read_pdf(pdf, "auto", is_word=None)) == _summary(read_pdf(pdf, "pdfium", is_word=None))


def test_char_level_agreement(pdfs):
    """Same glyph text (ligatures aside), same sizes and bold flags, boxes within a point."""
    pdf = str(pdfs[0])
    docs = [get_engine(n).open(pdf) for n in ("pdfplumber", "pdfium")]
    try:
        for page in (1, 2):
            a, b = (d.chars(page) for d in docs)
            ta = "".join(c.text for c in a).replace("\ufb01", "fi")
            tb = "".join(c.text for c in b)
            assert ta == tb
            assert {c.size for c in a} == {c.size for c in b}
            assert sorted({c.fontname for c in a}) == sorted({c.fontname for c in b})
            stop = next((i for i, c in enumerate(a) if c.text == "\ufb01"), len(a))
            for ca, cb in zip(a[:stop], b[:stop]):  # aligned up to the first ligature
                assert ca.text == cb.text
                assert abs(ca.x0 - cb.x0) < 1 and abs(ca.top - cb.top) < 1 and ca.bold == cb.bold
            assert docs[0].page_size(page) == pytest.approx(docs[1].page_size(page), abs=0.01)
            assert a and b
    finally:
        for d in docs:
            d.close()


def test_only_engines_touch_pdf_libraries():
    root = Path(__file__).resolve().parents[1] / "pipeline"
    offenders = []
    for f in root.rglob("*.py"):
        if "engines" in f.parts:
            continue
        src = f.read_text(encoding="utf-8")
        if re.search(r"^\s*(import|from)\s+(pdfplumber|pypdfium2|pdfminer)\b", src, re.M):
            offenders.append(str(f.relative_to(root)))
    assert offenders == []


def test_speed_benchmark_runs(pdfs, capsys):
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "pdf_speed.py"
    spec = importlib.util.spec_from_file_location("pdf_speed", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main([str(pdfs[0]), "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "two_column.pdf" in out and "ms/page" in out


# --------------------------------------------------------------------------- every fixture PDF of every producer

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ("found_recall", "found_precision", "found_title_exact", "part_accuracy", "text_similarity", "ministry_f1")


@pytest.fixture(scope="module")
def every_fixture(plangen_dir, tmp_path_factory):
    """Both engines' layouts of every fixture PDF: the committed producer fixtures (LibreOffice, Chromium; plans and
    pairs), the plangen standard set (reportlab; plans and pairs), four random plangen layouts (seed 7) and the
    small synthetic PDFs of tests/data/http."""
    from tests.plangen.randomset import generate_random_set

    rnd = tmp_path_factory.mktemp("parity_random")
    generate_random_set(rnd, 4, 7)
    pdfs = sorted((ROOT / "tests" / "data" / "producers").rglob("*.pdf"))
    pdfs += sorted(Path(plangen_dir).rglob("*.pdf")) + sorted(rnd.glob("*.pdf"))
    pdfs += sorted((ROOT / "tests" / "data" / "http").glob("*.pdf"))
    return {pdf: {e: read_pdf(pdf, e) for e in ("pdfium", "pdfplumber")} for pdf in pdfs}


def test_engines_give_the_same_words_on_every_fixture(every_fixture):
    """One word model for every text path (blocks, table cells, TOC): >= 99.5 % word agreement on each PDF
    (measured: 1.0000 on all of them)."""
    par = load_benchmark("engine_parity")
    low = {}
    for pdf, docs in every_fixture.items():
        a, b = par.layout_words(docs["pdfium"]), par.layout_words(docs["pdfplumber"])
        assert a, pdf.name
        agreement = par.agreement(a, b)
        if agreement < 0.995:
            low[pdf.name] = (round(agreement, 4), par.differences(a, b, 3))
    assert low == {}
    assert len(every_fixture) >= 30


def test_default_engine_is_never_worse_on_the_truth(every_fixture):
    ep = load_benchmark("eval_plans")
    from pipeline.reference import default_registry

    reg = default_registry()
    worse = {}
    scored = 0
    for pdf, docs in every_fixture.items():
        truth = pdf.with_suffix(".truth.json")
        if not truth.exists():
            continue
        scored += 1
        figs = {e: ep.evaluate_plan(pdf, truth, reg, e, enrich=False, doc=docs[e]).figures() for e in docs}
        for f in FIGURES:
            d, p = figs["pdfium"][f], figs["pdfplumber"][f]
            if p is not None and (d is None or d < p - 1e-9):
                worse.setdefault(pdf.name, []).append((f, d, p))
    assert worse == {}
    assert scored >= 25
