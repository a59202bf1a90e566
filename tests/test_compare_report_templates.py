"""The Markdown and HTML change reports are two renderings of one report model: they say the same things."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pipeline.compare import compare_plans, render_html, render_markdown
from pipeline.compare.report_model import build_report
from pipeline.runs.inputs import load_plan

WORD = re.compile(r"[^\W_]+")  # letters and digits: markup (#, *, |, {+, <ins>, escapes) is not a word


@pytest.fixture(scope="module")
def comparisons(plangen_pairs):
    out = []
    for pair in plangen_pairs[:2]:
        old, new = load_plan(pair["old_pdf"]), load_plan(pair["new_pdf"])
        out.append(compare_plans(old.plan, new.plan))
    return out


def _html_words(html: str) -> list[str]:
    """Words of the HTML report, without its overview figure (a drawing of the rows both reports list)."""
    body = BeautifulSoup(html, "html.parser").body
    for figure in body.select("figure.overview"):
        figure.decompose()
    return WORD.findall(body.get_text(" "))


def test_markdown_and_html_say_the_same_words_in_the_same_order(comparisons):
    for comparison in comparisons:
        md, html = render_markdown(comparison), render_html(comparison)
        assert WORD.findall(md) == _html_words(html)


def test_every_section_of_the_model_is_in_both_reports(comparisons):
    for comparison in comparisons:
        report = build_report(comparison)
        md, html = render_markdown(comparison), render_html(comparison)
        soup = BeautifulSoup(html, "html.parser")
        assert len(soup.select("section.change")) == len(report.sections) == md.split("## Changes", 1)[1].count("\n### ")
        kinds = {s.kind for s in report.sections}
        assert len(kinds) >= 3  # the pair exercises several change types
        for section in report.sections:
            assert " ".join(section.heading.split()) in soup.get_text(" ")
            assert WORD.findall(section.heading) and " ".join(WORD.findall(section.heading)) in " ".join(WORD.findall(md))


def test_html_escapes_and_markdown_escapes_what_they_must(comparisons):
    comparison = comparisons[0]
    title = comparison.new.document.title
    comparison.new.document.title = 'Plan <b>"A"</b> & *B* | #1'
    try:
        html, md = render_html(comparison), render_markdown(comparison)
    finally:
        comparison.new.document.title = title
    assert "<b>" not in html and "&lt;b&gt;&quot;A&quot;&lt;/b&gt; &amp;" in html
    assert "\\<b\\>" in md and "\\*B\\*" in md and "\\| \\#1" in md


def test_every_change_says_where_it_is_printed(comparisons):
    """A PDF measure by its pages; a web document's by its chapter address with the anchor, a link in HTML."""
    report = build_report(comparisons[0])
    for section in report.sections:
        where = [f for f in section.facts if f.startswith("Where: ")] + [f for f in section.facts if "(p. " in f or "(pp. " in f]
        assert where and re.search(r"\bpp?\. \d+", " ".join(where)), section.facts

    pairs = Path(__file__).resolve().parent / "data" / "webdocs" / "pairs"
    old, new = load_plan(pairs / "pair_arbeidsliv_2021_2022_old"), load_plan(pairs / "pair_arbeidsliv_2021_2022_new")
    comparison = compare_plans(old.plan, new.plan)
    changed = next(c for c in comparison.changes if c.change_type in ("reworded", "modified"))
    new_measure = next(m for m in new.plan.measures if m.measure_id == changed.new_measure_id)
    assert new_measure.locator.startswith("https://www.regjeringen.no/") and "#" in new_measure.locator
    soup = BeautifulSoup(render_html(comparison), "html.parser")
    assert new_measure.locator in {a["href"] for a in soup.select("ul.facts a")}
    assert new_measure.locator in render_markdown(comparison)
    assert WORD.findall(render_markdown(comparison)) == _html_words(render_html(comparison))
