"""Reading regjeringen.no web documents (pipeline.sources.webdoc, pipeline.layout.webdoc) and extracting their
measures, against the committed synthetic set tests/data/webdocs (tests/webgen) and its truth."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

from pipeline.documents.extract import SourceJob, extract_job
from pipeline.errors import InputFileError
from pipeline.layout.webdoc import layout_web_document
from pipeline.reference import default_registry
from pipeline.sources.webdoc import WebDocumentError, group_web_pages, read_web_document, read_web_page, web_page_files

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "webdocs"
BAD = DATA / "bad"


def _eval():
    spec = importlib.util.spec_from_file_location("eval_webdocs_tests", ROOT / "benchmarks" / "eval_webdocs.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


EVAL = _eval()
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))


def _truth(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted():
    """Every standard document extracted once, as `tiltak extract FOLDER` does."""
    out = {}
    for e in MANIFEST["documents"]:
        out[e["name"]] = extract_job(SourceJob(path=DATA / e["folder"], document_id=e["document_id"]))
    return out


# --------------------------------------------------------------------------- accuracy on the committed set


def test_committed_documents_meet_the_floors(extracted):
    reg = default_registry()
    scores = [EVAL.score_plan(e["name"], extracted[e["name"]].plan, _truth(e["truth"]), reg, e["split"])
              for e in MANIFEST["documents"]]
    for split in ("score", "calibrate"):
        o = EVAL.total([s for s in scores if s.split == split])
        detail = [err for s in scores for err in s.errors]
        assert o["f1"] >= 0.98 and o["title_exact"] >= 0.95, (o, detail)
        assert o["part_accuracy"] >= 0.95 and o["ministry_f1"] >= 0.97, (o, detail)
        assert o["part_precision"] >= 0.95 and o["part_recall"] >= 0.95, (o, detail)


def test_measures_carry_chapter_and_url_locators(extracted):
    for e in MANIFEST["documents"]:
        plan = extracted[e["name"]].plan
        truth = _truth(e["truth"])
        pairs = EVAL.match_measures(plan.measures, truth["measures"])
        assert len(pairs) == len(truth["measures"])
        for i, j in pairs.items():
            m, t = plan.measures[i], truth["measures"][j]
            assert (m.chapter, m.locator) == (t["chapter"], t["url"]), (e["name"], m.title)
            assert m.page_start is None and m.page_end is None  # chapters, not pages
        parts = {p.number: p for p in plan.parts}
        for tp in truth["parts"]:
            assert (parts[tp["number"]].chapter, parts[tp["number"]].locator) == (tp["chapter"], tp["url"])
        doc = plan.document
        assert doc.source_format == "html" and doc.page_count is None
        assert doc.source_url == truth["document"]["url"] and doc.published.isoformat() == truth["document"]["date"]


def test_the_three_measure_forms_and_footnote_markers(extracted):
    plan = extracted["strategi2025_utnytting"].plan
    by_source = {}
    for m in plan.measures:
        by_source.setdefault(tuple(m.sources), []).append(m)
    assert len(by_source[("list",)]) == 5 and all(m.number == "" for m in by_source[("list",)])
    lst = by_source[("list",)][0]
    assert lst.title == "sikre trygge botilbud for voksne ofre i hele landet"
    assert lst.responsibility_text == "Ansvar: BFD og JD" and lst.ministry_ids == ["children-families", "justice"]
    table = {m.number: m for m in by_source[("table",)]}
    assert sorted(table, key=int) == ["11", "12", "13", "14"] and table["14"].timeframe == "2027–2030"
    # "Justis- og beredskapsdepartementet (hovedansvar), BFD": the marked ministry leads
    assert [(r.ministry_id, r.role) for r in table["14"].responsibilities] == [("justice", "lead"), ("children-families", "co")]
    two = next(m for m in plan.measures if m.number == "2")
    assert two.title.endswith("mulige ofre")  # the footnote marker "1" is not part of the title
    assert not any("hovedansvar" in w for w in plan.warnings)


def test_site_chrome_and_context_are_not_content(extracted):
    """The menu lists every ministry, fact boxes quote an earlier plan's "Tiltak 4", statistics tables have a "Nr."
    column: none of it becomes a measure, a responsibility or a mention."""
    for e in MANIFEST["documents"]:
        plan = extracted[e["name"]].plan
        truth = _truth(e["truth"])
        reg = default_registry()
        on = EVAL._date(truth["document"]["date"])
        true_ministries = {reg.try_resolve(n, on).ministry_id for m in truth["measures"] for n in [m["lead"], *m["co"]]}
        assert {mid for m in plan.measures for mid in m.ministry_ids} == true_ministries
        assert len(plan.measures) == len(truth["measures"])
    laid = layout_web_document(read_web_document(DATA / "strategi2025_utnytting"))
    texts = " ".join(b.text for b in laid.blocks)
    assert "Til innholdsfortegnelse" not in texts and "Illustrasjonsfoto" not in texts and "Fotnoter" not in texts
    assert "Eksempelplan – syntetisk" not in texts  # the notice stands outside the article body
    assert "Digitaliserings- og forvaltningsdepartementet" not in texts  # only in the site menu
    fact = [b for b in laid.blocks if "Tiltak 4 i forrige" in b.text]
    assert fact and all(b.role == "caption" for b in fact)


def test_chapters_follow_the_contents_and_the_printed_numbers(extracted):
    doc = read_web_document(DATA / "handlingsplan2011_vold_arkiv")
    assert [p.chapter for p in doc.chapters] == [1, 2, 3, 4, 5, 6, 7] and doc.url.endswith("/id9900003/")
    assert doc.chapters[2].ref.url.endswith("/id9900003/sec3")
    plan = extracted["handlingsplan2011_vold_arkiv"].plan
    assert [(p.number, p.chapter) for p in plan.parts] == [(2, 3), (3, 4), (4, 5), (5, 6)]  # "2. Forebygging" is sec3
    themed = extracted["handlingsplan2019_arbeidsliv"].plan
    assert [(p.number, p.title) for p in themed.parts][:2] == [(1, "Et organisert arbeidsliv"), (2, "Kontroll og sanksjoner")]
    assert {m.sources[0] for m in themed.measures} == {"body"} and all(m.sources == ["body", "table"] for m in themed.measures)


def test_a_folder_and_its_pages_as_a_list_read_the_same(tmp_path):
    folder = DATA / "handlingsplan2019_arbeidsliv"  # browser-saved: title-based names without the id
    pages = web_page_files(folder)
    a = extract_job(SourceJob(path=folder, document_id="d"))
    b = extract_job(SourceJob(path=folder, document_id="d", pages=tuple(reversed(pages))))
    assert [(m.number, m.title, m.part_number, m.locator) for m in a.plan.measures] == \
        [(m.number, m.title, m.part_number, m.locator) for m in b.plan.measures]
    assert a.sha256 == b.sha256


def test_archived_front_page_showing_the_first_chapter(tmp_path):
    folder = tmp_path / "doc"
    shutil.copytree(DATA / "handlingsplan2011_vold_arkiv", folder)
    (folder / "sec-1.html").unlink()
    doc = read_web_document(folder)
    assert [p.chapter for p in doc.chapters][0] == 1 and not doc.missing  # chapter 1 read from the front page
    plan = extract_job(SourceJob(path=folder, document_id="d")).plan
    assert len(plan.ministers) == 5


def test_reading_is_fast_enough_to_report():
    t = EVAL.time_reading(DATA / "strategi2025_utnytting", repeats=1)
    assert t["chapters"] == 10 and t["read_s"] > 0  # the figure is reported by benchmarks/eval_webdocs.py


# --------------------------------------------------------------------------- bad input


def _expected(case: str) -> dict:
    return json.loads((BAD / f"{case}.expected.json").read_text(encoding="utf-8"))


def test_two_documents_in_one_folder():
    exp = _expected("mixed-two-documents")
    folder = BAD / "mixed-two-documents"
    docs, warnings, errors = group_web_pages(web_page_files(folder), folder=folder)
    assert not errors and [d.document_id for d in docs] == [d["document_id"] for d in exp["documents"]]
    assert len(warnings) == 1 and all(i in warnings[0] for i in exp["warnings"][0]["document_ids"])
    for d, e in zip(docs, exp["documents"]):
        assert sorted(p.path.name for p in d.pages) == e["files"]
        plan = extract_job(SourceJob(path=folder, document_id=d.document_id, pages=tuple(p.path for p in d.pages))).plan
        s = EVAL.score_plan(d.document_id, plan, json.loads((BAD / e["truth"]).read_text(encoding="utf-8")),
                            default_registry())
        assert s.figures()["f1"] == 1.0 and s.figures()["title_exact"] == 1.0, s.errors
    with pytest.raises(WebDocumentError) as info:  # `tiltak extract FOLDER` expects one document
        extract_job(SourceJob(path=folder, document_id="x"))
    msg = str(info.value)
    assert "\n" not in msg and msg.startswith(str(folder)) and "id9900051" in msg and "id9900052" in msg


def test_missing_chapter_is_a_warning_naming_it():
    exp = _expected("missing-chapter")
    w = exp["warnings"][0]
    result = extract_job(SourceJob(path=BAD / "missing-chapter", document_id="x"))
    found = [x for x in result.warnings if f"chapter {w['chapter']}" in x]
    assert len(found) == 1 and w["title"] in found[0] and w["url"] in found[0]
    truth = json.loads((BAD / exp["documents"][0]["truth"]).read_text(encoding="utf-8"))
    s = EVAL.score_plan("missing", result.plan, truth, default_registry())
    assert s.figures()["f1"] == 1.0 and s.figures()["part_accuracy"] == 1.0, s.errors


@pytest.mark.parametrize("case", ["not-a-document", "scripts-only"])
def test_pages_that_are_not_a_web_document_are_errors_naming_the_file(case):
    exp = _expected(case)
    for e in exp["errors"]:
        with pytest.raises(WebDocumentError) as info:
            read_web_page(BAD / case / e["file"])
        assert info.value.kind == e["kind"] and str(info.value).startswith(str(BAD / case / e["file"]))
        assert "\n" not in str(info.value)
    with pytest.raises(InputFileError) as info:
        extract_job(SourceJob(path=BAD / case, document_id="x"))
    assert all(e["file"] in str(info.value) for e in exp["errors"]) and "\n" not in str(info.value)
