"""Naming date of a plan when none is given (pipeline.structure.dating)."""

from __future__ import annotations

from datetime import date

from pipeline.structure.dating import infer_naming_date
from pipeline.model import Block, LaidOutDocument


def _doc(texts_by_page, metadata=None):
    blocks = [
        Block(text=t, page=p, page_end=p, x0=0, top=0, x1=1, bottom=1, size=10, bold=False, role="body")
        for p, t in texts_by_page
    ]
    return LaidOutDocument(path="x.pdf", page_count=10, blocks=blocks, metadata=metadata or {})


def test_full_date_in_front_matter_wins():
    doc = _doc([(1, "Handlingsplan"), (2, "Mars 2010"), (3, "Oslo, 14. desember 2016")])
    got = infer_naming_date(doc)
    assert got.on == date(2016, 12, 14) and "page 3" in got.basis


def test_month_and_year_on_the_cover():
    got = infer_naming_date(_doc([(1, "Sammen mot menneskehandel"), (1, "Mars 2010")]))
    assert got.on == date(2010, 3, 1) and "Mars 2010" in got.basis


def test_dates_past_the_front_matter_are_ignored_and_metadata_is_the_fallback():
    doc = _doc([(7, "Loven trådte i kraft 1. januar 2009.")], {"CreationDate": "D:20161201120000+01'00'"})
    assert infer_naming_date(doc).on == date(2016, 12, 1)


def test_nothing_to_go_on():
    assert infer_naming_date(_doc([(1, "Handlingsplan")], {"CreationDate": "D:20000101000000+00'00'"})) is None


def test_extracted_2010_plan_names_ministries_of_2010(plangen_plans, tmp_path):
    from pipeline.documents.extract import SourceJob, extract_job

    plan = next(p for p in plangen_plans if p["truth"]["document"]["date"].startswith("2010"))
    result = extract_job(SourceJob(path=plan["pdf"], document_id="p2010", kind="plan"))
    names = {r.ministry_name for m in result.plan.measures for r in m.responsibilities}
    assert "Justis- og politidepartementet" in names
    assert "Justis- og beredskapsdepartementet" not in names
    assert any("ministries are named as on 2010-" in w for w in result.warnings)


def test_title_page_month_outranks_a_full_date_in_the_introduction():
    doc = _doc([(1, "Flere fullfører"), (1, "November 2018"),
                (3, "Forslagene sendes på høring. Høringsfristen er 1. februar 2019, og innspill er velkomne.")])
    got = infer_naming_date(doc)
    assert got.on == date(2018, 11, 1) and "page 1" in got.basis


def test_a_deadline_is_never_the_plans_date():
    doc = _doc([(1, "Handlingsplan for flere læreplasser"),
                (3, "Høringsfristen var 1. februar 2019."),
                (3, "Kommunene skal melde inn behovet innen 15. mars 2019 til direktoratet."),
                (4, "Fristen for søknader er 1. juni 2019 for alle fylker i landet.")],
               {"CreationDate": "D:20190610120000+01'00'"})
    assert infer_naming_date(doc).on == date(2019, 6, 10)


def test_signature_line_outranks_prose_and_prose_dates_still_count_when_nothing_else_does():
    doc = _doc([(1, "Handlingsplan"), (2, "Planen ble lagt fram 3. mars 2017 i en pressekonferanse om arbeidslivet."),
                (3, "Oslo, 14. desember 2016")])
    assert infer_naming_date(doc).on == date(2016, 12, 14)
    doc = _doc([(1, "Handlingsplan"), (2, "Planen ble lagt fram 3. mars 2017 i en pressekonferanse om arbeidslivet.")])
    assert infer_naming_date(doc).on == date(2017, 3, 3)


def test_signature_date_in_the_cover_month_is_more_precise_and_one_outside_it_is_not_taken():
    doc = _doc([(1, "Handlingsplan"), (1, "Mars 2010"), (4, "Oslo, 5. mars 2010")])
    assert infer_naming_date(doc).on == date(2010, 3, 5)
    doc = _doc([(1, "Handlingsplan"), (1, "Mars 2010"), (4, "Oslo, 5. mai 2011")])
    assert infer_naming_date(doc).on == date(2010, 3, 1)
