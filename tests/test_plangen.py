"""Tests of the synthetic plan generator (tests/plangen): determinism and truth consistency."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from tests.plangen import (
    EDIT_KINDS,
    LAYOUTS,
    SYNTHETIC_NOTICE,
    Edit,
    build_plan,
    make_version_pair,
    render_plan,
)
from tests.plangen import ministries as mins
from tests.plangen.fixtures import plangen_dir, plangen_manifest, plangen_pairs, plangen_plans  # noqa: F401
from tests.plangen.linebreak import break_lines, dehyphenate
from tests.plangen.textbank import TOPICS
from tests.plangen.truth import mentions_children


def squash(s: str) -> str:
    """Text without whitespace and hyphens: robust to line breaks and line-end hyphenation.

    (pdfium reports a line-end hyphen as U+0002 or U+FFFE and joins the lines; pdfplumber keeps "-\n".)
    """
    return re.sub(r"[\s\-\u00ad\u0002\ufffe•]+", "", s)


@lru_cache(maxsize=None)
def _pdf(path: str) -> pdfplumber.PDF:
    return pdfplumber.open(path)


@lru_cache(maxsize=None)
def _pdfium(path: str) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(path)


def _boxes(layout_name: str) -> list[tuple[float, float, float, float]]:
    """Body-frame boxes (PDF coordinates: left, bottom, right, top), one per column."""
    L = LAYOUTS[layout_name]
    W, H = L.pagesize
    ml, mr, mt, mb = L.margins
    bottom, top = mb - 4, H - mt + 4
    if L.columns == 2:
        return [(0, bottom, W / 2, top), (W / 2, bottom, W, top)]
    return [(0, bottom, W, top)]


@lru_cache(maxsize=None)
def body_text(path: str, page: int, layout_name: str) -> str:
    """Text of the body frame of a page (no running header/footer), columns read left then right.

    Characters are assigned to a column box by their centre (pdfium's own bounded-text call
    drops some lines that contain generated hyphens).
    """
    tp = _pdfium(path)[page - 1].get_textpage()
    text = tp.get_text_range()
    boxes = _boxes(layout_name)
    cols: list[list[str]] = [[] for _ in boxes]
    for j in range(min(tp.count_chars(), len(text))):
        left, bottom, right, top = tp.get_charbox(j)
        cx, cy = (left + right) / 2, (bottom + top) / 2
        for k, (x0, y0, x1, y1) in enumerate(boxes):
            if x0 <= cx <= x1 and y0 <= cy <= y1:
                cols[k].append(text[j])
                break
    return "\n".join("".join(c) for c in cols)


@lru_cache(maxsize=None)
def body_lines_plumber(path: str, page: int, layout_name: str) -> list[str]:
    """Printed lines of the body frame as pdfplumber sees them (line-end hyphens kept)."""
    p = _pdf(path).pages[page - 1]
    H = float(p.height)
    out: list[str] = []
    for x0, bottom, x1, top in _boxes(layout_name):
        out += (p.crop((x0, H - top, x1, H - bottom)).extract_text() or "").split("\n")
    return out


@lru_cache(maxsize=None)
def page_text(path: str, page: int) -> str:
    return _pdfium(path)[page - 1].get_textpage().get_text_range()


@lru_cache(maxsize=None)
def page_tables(path: str, page: int) -> list[list[str | None]]:
    return [r for t in _pdf(path).pages[page - 1].extract_tables() for r in t]


def _plans_and_pair_plans(plangen_dir: Path) -> list[tuple[Path, dict]]:
    out = []
    for tp in sorted(plangen_dir.rglob("*.truth.json")):
        out.append((tp.with_name(tp.name.replace(".truth.json", ".pdf")), json.loads(tp.read_text(encoding="utf-8"))))
    return out


# --------------------------------------------------------------------------- standard set


def test_standard_set_shape(plangen_plans, plangen_manifest):
    assert len(plangen_plans) >= 5
    layouts = {p["layout"] for p in plangen_plans}
    assert len(layouts) == len(plangen_plans)
    years = {p["truth"]["document"]["date"][:4] for p in plangen_plans}
    assert {"2010", "2016", "2024"} <= years
    styles = {p["truth"]["document"]["measure_style"] for p in plangen_plans}
    assert styles == {"body", "table", "both"}
    assert {p["truth"]["document"]["numbering"] for p in plangen_plans} == {"sequential", "by_part"}
    for p in plangen_plans:
        d = p["truth"]["document"]
        assert 20 <= d["measure_count"] <= 40, p["name"]
        assert d["measure_count"] == len(p["truth"]["measures"])
        numbers = [m["number"] for m in p["truth"]["measures"]]
        if d["numbering"] == "by_part":
            want = [f"{pt['number']}.{i}" for pt in p["truth"]["parts"] for i in range(1, pt["measure_count"] + 1)]
        else:
            want = [str(i) for i in range(1, d["measure_count"] + 1)]
        assert numbers == want
        assert p["pdf"].stat().st_size > 10_000
    assert max(p["truth"]["document"]["page_count"] for p in plangen_plans) >= 20
    assert len(plangen_manifest["pairs"]) >= 4


def test_2010_plan_uses_names_valid_in_2010(plangen_plans):
    p = next(p for p in plangen_plans if p["truth"]["document"]["date"].startswith("2010"))
    names = {n for m in p["truth"]["measures"] for n in [m["lead"], *m["co"]] if n}
    assert "Justis- og politidepartementet" in names
    assert "Justis- og beredskapsdepartementet" not in names
    text = page_text(str(p["pdf"]), p["truth"]["measures"][0]["page_start"])
    assert "Justis- og beredskapsdepartementet" not in text


def test_ministry_names_valid_on_plan_date(plangen_dir):
    for pdf, t in _plans_and_pair_plans(plangen_dir):
        on = date.fromisoformat(t["document"]["date"])
        for m in t["measures"]:
            for n in [m["lead"], *m["co"]]:
                if n is None:
                    assert m["all_ministries"]
                    continue
                assert mins.ministry(mins.lineage_of(n), on).name == n, (pdf.name, n)
        for mn in t["document"]["ministers"]:
            assert mins.ministry(mins.lineage_of(mn["ministry"]), on).name == mn["ministry"]


def test_synthetic_notice_on_cover_and_metadata(plangen_dir):
    for pdf, _ in _plans_and_pair_plans(plangen_dir):
        doc = _pdf(str(pdf))
        assert SYNTHETIC_NOTICE in doc.metadata.get("Subject", "")
        assert "syntetisk" in doc.metadata.get("Title", "")
        assert squash(SYNTHETIC_NOTICE) in squash(page_text(str(pdf), 1))


def test_deterministic_bytes(tmp_path):
    spec = build_plan("vold_naere", date(2013, 6, 20), 5, name="det")
    a = render_plan(spec, tmp_path / "a.pdf", "classic")
    b = render_plan(build_plan("vold_naere", date(2013, 6, 20), 5, name="det"), tmp_path / "b.pdf", "classic")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    a["document"].pop("file"), b["document"].pop("file")
    assert a == b
    c = render_plan(build_plan("vold_naere", date(2013, 6, 20), 6, name="det"), tmp_path / "c.pdf", "classic")
    assert (tmp_path / "c.pdf").read_bytes() != (tmp_path / "a.pdf").read_bytes()
    assert c != a


def test_manifest_hashes_match_files(plangen_dir, plangen_manifest):
    from pipeline.storage.files import sha256_file

    for e in plangen_manifest["plans"]:
        assert sha256_file(plangen_dir / e["pdf"]) == e["sha256"]


# --------------------------------------------------------------------------- truth vs PDF


def test_measure_pages_and_text_match_pdf(plangen_plans):
    """Heading on page_start, the exact (de-hyphenated) text within page_start..page_end, last line on page_end."""
    checked = 0
    for p in plangen_plans:
        pdf, L = str(p["pdf"]), p["layout"]
        for m in p["truth"]["measures"]:
            if m["style"] == "table":
                continue
            first_line = m["heading_as_printed"].split()[:2]
            assert squash(" ".join(first_line)) in squash(body_text(pdf, m["page_start"], L)), (p["name"], m["number"])
            span = "".join(squash(body_text(pdf, pg, L)) for pg in range(m["page_start"], m["page_end"] + 1))
            assert squash(m["heading_as_printed"] + m["text"]) in span, (p["name"], m["number"])
            # the last printed line (its final 3 characters, which a page break cannot split) is on page_end
            resp = m["responsibility_as_printed"]
            tail = squash(resp)[-12:] if resp else squash(m["text"])[-3:]
            assert tail in squash(body_text(pdf, m["page_end"], L)), (p["name"], m["number"])
            checked += 1
    assert checked >= 100


def test_table_rows_on_their_pages(plangen_plans):
    for p in plangen_plans:
        for m in p["truth"]["measures"]:
            if m["style"] in ("table", "both"):
                rows = page_tables(str(p["pdf"]), m["table_page"])
                match = [r for r in rows if r and (r[0] or "").strip() == m["number"]]
                assert len(match) == 1, (p["name"], m["number"])
                assert squash(match[0][1]) == squash(m["title"])
                if m["style"] == "table":
                    assert m["page_start"] == m["page_end"] == m["table_page"]
                    assert m["text"] == ""


def test_table_spans_pages_with_repeated_header(plangen_plans):
    with_table = [p for p in plangen_plans if p["truth"]["document"]["measure_style"] in ("table", "both")]
    assert len(with_table) >= 3
    for p in with_table:
        pages = p["truth"]["document"]["table_pages"]
        assert len(pages) >= 2 and pages == list(range(pages[0], pages[-1] + 1)), p["name"]
        for pg in pages:
            doc = _pdf(str(p["pdf"]))
            assert "Tidsramme" in page_text(str(p["pdf"]), pg)
            assert doc.pages[pg - 1].lines or doc.pages[pg - 1].rects, "grid lines drawn"


def test_responsibility_line_on_next_page(plangen_plans):
    for p in plangen_plans:
        ms = p["truth"]["measures"]
        if any(m["responsibility_as_printed"] for m in ms):
            spill = [m for m in ms if m["responsibility_on_next_page"]]
            assert spill, p["name"]
            for m in spill:
                assert m["page_end"] > m["page_start"] or p["truth"]["document"]["columns"] == 2


def test_scanned_page_has_no_text_layer(plangen_plans):
    scanned = [(p, pg) for p in plangen_plans for pg in p["truth"]["document"]["scanned_pages"]]
    assert scanned
    for p, pg in scanned:
        page = _pdf(str(p["pdf"])).pages[pg - 1]
        assert page.chars == [] and len(page.images) == 1
        assert page_text(str(p["pdf"]), pg).strip() == ""


def test_pdf_has_real_line_end_hyphens_and_suspended_compounds(plangen_plans):
    """The PDFs contain line-end hyphens inside words and after "Justis-"-like suspended compounds."""
    inserted = suspended = 0
    for p in plangen_plans:
        words = set()
        for m in p["truth"]["measures"]:
            words.update(re.findall(r"\w+", m["text"]))
        for pg in range(2, p["truth"]["document"]["page_count"] + 1):
            # pdfium marks a hyphen at a line end with U+0002/U+FFFE and joins the two lines
            for head, tail in re.findall(r"(\w+)[\u0002\ufffe](\w+)", body_text(str(p["pdf"]), pg, p["layout"])):
                if tail == "og":
                    suspended += 1
                elif head + tail in words:
                    inserted += 1
    assert inserted >= 30
    assert suspended >= 3
    # and pdfplumber sees them as literal "-" at the end of a printed line
    p = plangen_plans[0]
    pg = p["truth"]["parts"][0]["page_start"]
    lines = body_lines_plumber(str(p["pdf"]), pg, p["layout"]) + body_lines_plumber(str(p["pdf"]), pg + 1, p["layout"])
    assert any(re.search(r"\w-$", ln) for ln in lines)


def test_toc_anchors_point_at_headings(plangen_plans):
    for p in plangen_plans:
        d = p["truth"]["document"]
        for e in d["toc"]:
            if e["page"] in d["scanned_pages"]:
                continue
            want = squash(e["title"])[:20]
            assert want in squash(page_text(str(p["pdf"]), e["page"])) or want in squash(
                body_text(str(p["pdf"]), e["page"], p["layout"])), (p["name"], e["title"])
            assert e["page_label"] == d["page_labels"][str(e["page"])]


def test_truth_fields_consistent(plangen_plans):
    for p in plangen_plans:
        t = p["truth"]
        parts = {pt["number"]: pt for pt in t["parts"]}
        nums = {m["number"] for m in t["measures"]}
        for m in t["measures"]:
            assert m["part_title"] == parts[m["part_number"]]["title"]
            assert m["page_start"] <= m["page_end"]
            assert parts[m["part_number"]]["page_start"] <= m["page_start"] or m["style"] == "table"
            assert set(m["cross_references"]) <= nums
            for ref in m["cross_references"]:
                assert f"tiltak {ref}" in m["text"]
            for a in m["agencies"]:
                assert a in m["title"] + " " + m["text"]
            assert m["mentions_children"] == mentions_children(m["title"] + " " + m["text"])
            assert m["text"] == " ".join(m["text"].split())
            if m["style"] != "table":
                assert 2 <= len(re.findall(r"[.!?](?:\s|$)", m["text"])) <= 7
        assert any(m["mentions_children"] for m in t["measures"])


# --------------------------------------------------------------------------- version pairs


def test_version_pairs_cover_every_change(plangen_pairs):
    assert len(plangen_pairs) >= 4
    assert any(pr["changes"]["old"]["layout"] != pr["changes"]["new"]["layout"] for pr in plangen_pairs)
    for pr in plangen_pairs:
        rows = pr["changes"]["changes"]
        kinds = Counter(r["change_type"] for r in rows)
        table_only = "table" in (pr["old_truth"]["document"]["measure_style"], pr["new_truth"]["document"]["measure_style"])
        expected = {"unchanged", "reworded", "added", "removed", "split", "merged"} | (set() if table_only else {"modified"})
        assert expected <= set(kinds), (pr["name"], kinds)
        # every old and every new measure appears, split/merge as groups of two
        old_nums = [m["number"] for m in pr["old_truth"]["measures"]]
        new_nums = [m["number"] for m in pr["new_truth"]["measures"]]
        assert {r["old_number"] for r in rows if r["old_number"]} == set(old_nums)
        assert {r["new_number"] for r in rows if r["new_number"]} == set(new_nums)
        groups = Counter(r["group"] for r in rows if r["group"] is not None)
        assert sorted(groups.values()) == [2, 2]
        assert any(r["renumbered"] for r in rows)
        assert any(r["part_changed"] for r in rows)
        assert any(r["ministries_added"] and r["change_type"] == "unchanged" for r in rows)  # added co-responsible
        # titles in the change truth are the titles in the plan truths
        old_titles = {m["number"]: m["title"] for m in pr["old_truth"]["measures"]}
        new_titles = {m["number"]: m["title"] for m in pr["new_truth"]["measures"]}
        for r in rows:
            if r["old_number"]:
                assert old_titles[r["old_number"]] == r["old_title"]
            if r["new_number"]:
                assert new_titles[r["new_number"]] == r["new_title"]
        # an insertion early in part 1 renumbers the measure after it
        added = [r for r in rows if r["change_type"] == "added"]
        assert any(r["new_number"] == "2" for r in added)


def test_ministry_rename_is_not_a_responsibility_change(plangen_pairs):
    pr = next(p for p in plangen_pairs if p["changes"]["old"]["date"].startswith("2010"))
    renamed = [r for r in pr["changes"]["changes"] if r["ministries_renamed"]]
    assert renamed
    assert all(not r["responsibility_changed"] for r in renamed if r["change_type"] == "unchanged" and not r["ministries_added"])
    old_leads = {m["number"]: m["lead"] for m in pr["old_truth"]["measures"]}
    new_leads = {m["number"]: m["lead"] for m in pr["new_truth"]["measures"]}
    assert "Justis- og politidepartementet" in old_leads.values()
    assert "Justis- og beredskapsdepartementet" in new_leads.values()
    assert "Justis- og politidepartementet" not in new_leads.values()


def test_reworded_is_light_and_modified_is_heavy(plangen_pairs):
    from rapidfuzz import fuzz

    for pr in plangen_pairs:
        old = {m["number"]: m for m in pr["old_truth"]["measures"]}
        new = {m["number"]: m for m in pr["new_truth"]["measures"]}
        for r in pr["changes"]["changes"]:
            if r["change_type"] not in ("reworded", "modified", "unchanged"):
                continue
            o, n = old[r["old_number"]], new[r["new_number"]]
            a, b = o["title"] + " " + o["text"], n["title"] + " " + n["text"]
            sim = fuzz.ratio(a, b)
            if r["change_type"] == "unchanged":
                assert a == b or r["text_differs_only_in_references"] or r["text_differs_only_by_renaming"]
            elif r["change_type"] == "reworded":
                assert a != b and sim >= (85 if o["text"] else 70), (pr["name"], r["old_number"], sim)
            else:
                assert sim < 75, (pr["name"], r["old_number"], sim)


def test_custom_edits(tmp_path):
    spec = build_plan("menneskehandel", date(2016, 12, 14), 9, name="c", n_measures=22)
    keys = [m.key for m in spec.measures() if not m.xrefs]
    old, new, truth = make_version_pair(spec, [Edit("remove", keys[3]), Edit("reword", keys[5])], seed=1)
    kinds = Counter(r["change_type"] for r in truth["changes"])
    assert kinds == Counter({"unchanged": 20, "removed": 1, "reworded": 1})
    assert len(new.measures()) == 21 and len(old.measures()) == 22
    assert set(EDIT_KINDS) >= {"insert", "remove", "reword", "modify", "move", "split", "merge", "add_co"}
    with pytest.raises(ValueError):
        make_version_pair(spec, [Edit("teleport", keys[0])])


# --------------------------------------------------------------------------- line breaking and text bank


def test_line_breaking_roundtrip():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    texts = [s for t in TOPICS.values() for p in t.parts for m in p.measures for s in [m.text]]
    texts += [s for t in TOPICS.values() for s in t.pool]
    texts.append("Ansvarlig: Justis- og beredskapsdepartementet i samarbeid med Barne-, likestillings- og "
                 "inkluderingsdepartementet og Helse- og omsorgsdepartementet.")
    hyph = joined = 0
    for width in (120, 170, 260):
        for t in texts:
            lines = break_lines(t, width, "Helvetica", 10)
            assert dehyphenate(lines) == " ".join(t.split())
            for ln in lines:
                assert stringWidth(ln.text, "Helvetica", 10) <= width + 0.01 or " " not in ln.text
            hyph += sum(ln.hyphenated for ln in lines)
            joined += sum(ln.joined for ln in lines)
    assert hyph > 50
    assert joined >= 3  # breaks after a real hyphen ("NAV-" / "kontorene"), kept in the text


def test_text_bank_variety():
    """Titles and seed texts are distinct (no template clones) within and across topics."""
    titles = [m.title for t in TOPICS.values() for p in t.parts for m in p.measures]
    texts = [m.text for t in TOPICS.values() for p in t.parts for m in p.measures]
    assert len(set(titles)) == len(titles) and len(set(texts)) == len(texts)
    assert len(titles) >= 100


def test_feature_coverage_across_standard_set(plangen_plans):
    """The standard set exercises every heading, responsibility and table-cell form at least once."""
    ms = [m for p in plangen_plans for m in p["truth"]["measures"]]
    heads = " | ".join(m["heading_as_printed"] or "" for m in ms)
    assert re.search(r"Tiltak \d+: ", heads) and re.search(r"Tiltak \d+ \w", heads)
    assert re.search(r"(^|\| )\d+\. ", heads)  # ("Tiltak 7" on a line of its own: test_layout_options_combine)
    assert re.search(r"Tiltak \d+\.\d+: ", heads)  # numbering by part
    assert re.search(r" \([A-ZÆØÅ]+(/[A-ZÆØÅ]+)*\)( \||$)", heads)  # title suffix "(HOD)"
    resp = [m["responsibility_as_printed"] or "" for m in ms]
    assert any(r.startswith("Ansvarlig: ") and re.fullmatch(r"Ansvarlig: [A-ZÆØÅ]+(, [A-ZÆØÅ]+)*", r) for r in resp)
    assert any(re.fullmatch(r"Ansvar: [A-ZÆØÅ]+( og [A-ZÆØÅ]+)", r) for r in resp)
    assert any(r.startswith("Ansvarlig departement: ") for r in resp)
    assert any(" i samarbeid med " in r for r in resp)
    assert any(m["responsibility_agency"] and f"({m['responsibility_agency']})" in (m["responsibility_as_printed"] or "")
               for m in ms)
    assert any(m["all_ministries"] for m in ms)
    assert any(m["cross_references"] for m in ms)
    assert any(len(m["co"]) >= 2 for m in ms)
    minister_counts = [(len(p["truth"]["document"]["ministers"]), p["truth"]["document"]["ministry_count"]) for p in plangen_plans]
    assert (6, 5) in minister_counts


@pytest.mark.parametrize(
    "base,changes",
    [
        ("compact", dict(columns=2, measures="both", resp="full_dept", measure_heading="tiltak_label", fonts="dejavu")),
        ("twocol", dict(columns=1, measures="body", resp="title_suffix", bullets=True, numbering="roman_front")),
        ("report", dict(columns=2, measures="both", table_where="front", resp="abbr", fonts="times", part_new_page=False)),
    ],
)
def test_layout_options_combine(tmp_path, base, changes):
    """Layout options are independent: any combination renders and its truth matches the PDF."""
    from tests.plangen import layout

    L = layout(base, **changes)
    LAYOUTS[f"_t_{base}"] = L  # body_text() looks layouts up by name
    try:
        spec = build_plan("menneskehandel", date(2016, 12, 14), 21, name="combo", numbering="by_part")
        t = render_plan(spec, tmp_path / "combo.pdf", L)
        pdf = str(tmp_path / "combo.pdf")
        for m in t["measures"]:
            span = "".join(squash(body_text(pdf, pg, f"_t_{base}")) for pg in range(m["page_start"], m["page_end"] + 1))
            assert squash(m["heading_as_printed"] + m["text"]) in span, m["number"]
        if L.measures != "body":
            assert len(t["document"]["table_pages"]) >= 2
    finally:
        del LAYOUTS[f"_t_{base}"]


def test_outline_and_pdf_page_labels(plangen_plans):
    for p in plangen_plans:
        d = p["truth"]["document"]
        doc = _pdfium(str(p["pdf"]))
        marks = [(b.get_title(), b.get_dest().get_index() + 1) for b in doc.get_toc()]
        assert marks == [(e["title"], e["page"]) for e in d["outline"]]
        if d["pdf_page_labels"]:
            labels = [doc.get_page_label(i) for i in range(len(doc))]
            assert all(labels[int(k) - 1] == v for k, v in d["page_labels"].items() if v)
    assert any(p["truth"]["document"]["outline"] for p in plangen_plans)
    assert any(p["truth"]["document"]["pdf_page_labels"] for p in plangen_plans)


def test_word_wider_than_line_is_hyphenated():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = break_lines("Foreldrestøtteprogrammer i alle kommuner", 90, "Helvetica-Bold", 14, hyphenate=False)
    assert all(stringWidth(ln.text, "Helvetica-Bold", 14) <= 90 for ln in lines)
    assert lines[0].hyphenated and dehyphenate(lines) == "Foreldrestøtteprogrammer i alle kommuner"


def test_random_set(tmp_path):
    """Random layout combinations render, and their truth matches the PDF (non-mixed layouts checked in full)."""
    from dataclasses import replace

    from tests.plangen import generate_random_set

    pdfs = generate_random_set(tmp_path, n=4, seed=3)
    man = json.loads((tmp_path / "manifest_random.json").read_text(encoding="utf-8"))
    assert [tmp_path / e["pdf"] for e in man["plans"]] == pdfs
    for e in man["plans"]:
        t = json.loads((tmp_path / e["truth"]).read_text(encoding="utf-8"))
        assert 20 <= t["document"]["measure_count"] <= 40
        lo = dict(e["layout"], pagesize=tuple(e["layout"]["pagesize"]), margins=tuple(e["layout"]["margins"]))
        LAYOUTS[e["name"]] = replace(LAYOUTS["classic"], **lo)
        try:
            for m in t["measures"]:
                if m["style"] == "table" or lo["mixed"]:
                    continue
                span = "".join(squash(body_text(str(tmp_path / e["pdf"]), pg, e["name"]))
                               for pg in range(m["page_start"], m["page_end"] + 1))
                assert squash(m["heading_as_printed"] + m["text"]) in span, (e["name"], m["number"])
        finally:
            del LAYOUTS[e["name"]]
