"""Measures as plans from other producers print them (hand-built blocks, stand-in registry): responsibility closing a
paragraph, "Alle" in all its forms, run-in bold titles, part rows of tables, parts as printed and chapters kept apart."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.documents.extract import plan_from_layout
from pipeline.measures.responsibility import parse_responsibility, split_trailing_responsibility
from pipeline.model import DocumentInfo
from tests.structure_blocks import TB, FakeRegistry, H, P, doc_of

ON = date(2016, 6, 1)
REG = FakeRegistry()
INFO = DocumentInfo(document_id="plan-x", kind="plan", title="Eksempelplan", publisher_ministry_id="justice",
                    publisher_name="Justis- og beredskapsdepartementet", published=ON)


def run(blocks):
    return plan_from_layout(doc_of(blocks), INFO, ON, registry=REG, enrich=False)


def roles(m):
    return sorted((r.ministry_id, r.role) for r in m.responsibilities)


@pytest.mark.parametrize("text,body,resp", [
    ("Tilbudet skal bygges ut. (Ansvar: JD og HOD)", "Tilbudet skal bygges ut.", "Ansvar: JD og HOD"),
    ("Tilbudet skal bygges ut (Ansvarlig: KD).", "Tilbudet skal bygges ut", "Ansvarlig: KD"),
    ("Regjeringen vil styrke hjelpen (Ansvarlige departementer: HOD, BLD)", "Regjeringen vil styrke hjelpen",
     "Ansvarlige departementer: HOD, BLD"),
    ("Tilbudet (Ansvar: JD) skal bygges ut.", "Tilbudet (Ansvar: JD) skal bygges ut.", None),  # inside the sentence
    ("Styrke tilbudet til ofre (HOD)", "Styrke tilbudet til ofre (HOD)", None),  # no label: a title's bracket
    ("Ingen ansvar her.", "Ingen ansvar her.", None),
])
def test_split_trailing_responsibility(text, body, resp):
    assert split_trailing_responsibility(text) == (body, resp)


@pytest.mark.parametrize("cell,expect_all,ids", [
    ("Alle", True, []),
    ("Alle departementer", True, []),
    ("JD/Alle", True, [("justice", "lead")]),
    ("Ansvarlig: JD i samarbeid med alle departementer", True, [("justice", "lead")]),
    ("Alle aktører i kommunen", False, []),
])
def test_all_ministries_in_every_form(cell, expect_all, ids):
    p = parse_responsibility(cell, ON, registry=REG)
    assert p.all_ministries is expect_all
    assert [(r.ministry_id, r.role) for r in p.responsibilities] == ids


def test_closing_responsibility_ends_the_text_and_names_the_ministries():
    plan = run([
        H("Del 1 Forebygging", 1, page=2),
        H("Tiltak 1: Flere kontroller", 3, page=2),
        P("Arbeidstilsynet skal gjennomføre flere kontroller. (Ansvar: JD og HOD)", page=2),
        H("Tiltak 2: Felles veileder", 3, page=2),
        P("Det skal lages en veileder. (Ansvar: Alle departementer)", page=2),
        H("Tiltak 3: Bedre tilsyn", 3, page=3),
        P("Tilsynet skal styrkes.", page=3),
        P("Ansvarlig: JD/Alle", page=3),
    ])
    m1, m2, m3 = plan.measures
    assert m1.text == "Arbeidstilsynet skal gjennomføre flere kontroller."
    assert roles(m1) == [("health", "co"), ("justice", "lead")]
    # "all ministries": one row for the coordinating (publishing) ministry with role "all", also when it leads
    assert roles(m2) == [("justice", "all")]
    assert roles(m3) == [("justice", "all"), ("justice", "lead")]


def test_run_in_bold_title_is_the_measure_heading():
    b = P("7. Psykisk helse som tema i skolen. Elevene skal lære om følelser og relasjoner. (Ansvar: KD og HOD)", page=4)
    b.run_in = "7. Psykisk helse som tema i skolen."
    plan = run([H("Regjeringens tiltak", 2, page=4), b])
    (m,) = plan.measures
    assert (m.number, m.title) == ("7", "Psykisk helse som tema i skolen")
    assert m.text == "Elevene skal lære om følelser og relasjoner."
    assert roles(m) == [("education", "lead"), ("health", "co")]


def test_numbered_list_in_prose_without_bold_is_no_measure():
    plan = run([H("Innledning", 1, page=2), P("Planen bygger på tre prinsipper:", page=2),
                P("1. Hjelpen skal komme tidlig. 2. Tjenestene skal henge sammen.", page=2)])
    assert plan.measures == []


def test_table_part_rows_name_the_parts_as_printed():
    t = TB(["Nr.", "Tiltak", "Ansvar"],
           [["Tidlig innsats i kommunene", "", ""], ["1", "Lavterskeltilbud for unge", "HOD"],
            ["2", "Foreldrestøtte", "BLD/HOD"], ["Innsatsområde 2: Sammenhengende tjenester", "", ""],
            ["3", "Koordinator for unge", "HOD"], ["Tabellen er ikke uttømmende.", "", ""]], [3] * 6)
    t.table.section_rows = [0, 3, 5]
    plan = run([H("Regjeringens tiltak", 1, page=3), t])
    parts = [(m.number, m.part_number, m.part_title) for m in plan.measures]
    assert parts == [("1", None, "Tidlig innsats i kommunene"), ("2", None, "Tidlig innsats i kommunene"),
                     ("3", 2, "Sammenhengende tjenester")]
    assert [(p.number, p.title, p.kind) for p in plan.parts] == [
        (None, "Tidlig innsats i kommunene", "measures"), (2, "Sammenhengende tjenester", "measures")]


def test_numbered_chapters_without_measures_are_chapters_and_numbers_are_as_printed():
    plan = run([
        H("Del I Innledning og bakgrunn", 1, page=3), P("Planen handler om unge.", page=3),
        H("Del II Tidlig innsats", 1, page=4), H("Tiltak 1: Lavterskeltilbud", 3, page=4), P("Tekst.", page=4),
        P("Ansvarlig: HOD", page=4),
        H("Del III Tjenester", 1, page=5), H("Tiltak 2: Koordinator", 3, page=5), P("Tekst.", page=5),
        P("Ansvarlig: HOD", page=5),
    ])
    assert [(p.number, p.title, p.kind) for p in plan.parts] == [
        (1, "Innledning og bakgrunn", "chapter"), (2, "Tidlig innsats", "measures"), (3, "Tjenester", "measures")]
    assert [m.part_number for m in plan.measures] == [2, 3]


def test_overview_table_disagreeing_with_the_text_keeps_both_and_warns_with_pages():
    plan = run([
        H("Del 1 Forebygging", 1, page=2),
        H("Tiltak 1: Flere kontroller", 3, page=2), P("Tilsynet skal styrkes.", page=2), P("Ansvarlig: JD", page=2),
        H("Tiltak 2: Felles veileder", 3, page=3), P("Det skal lages en veileder.", page=3), P("Ansvarlig: KD, HOD", page=3),
        H("Vedlegg", 1, page=5),
        TB(["Nr.", "Tiltak", "Ansvar"], [["1", "Flere kontroller", "HOD"], ["2", "Felles veileder", "KD/HOD"]], [5, 5]),
    ])
    m1, m2 = plan.measures
    assert sorted((r.ministry_id, r.role, r.source) for r in m1.responsibilities) == [
        ("health", "lead", "table"), ("justice", "lead", "responsibility_line")]
    assert m1.lead_ministry_id == "justice"  # the text's lead; the table's is kept beside it, not silently dropped
    assert [(r.ministry_id, r.role, r.source) for r in m2.responsibilities] == [
        ("education", "lead", "responsibility_line"), ("health", "co", "responsibility_line")]  # agree: once
    disagreements = [w for w in plan.warnings if "disagreement" in w]
    assert len(disagreements) == 1
    assert "measure 1" in disagreements[0] and "page 2" in disagreements[0] and "page 5" in disagreements[0]


def test_signature_title_hyphenated_in_its_cell_and_a_title_read_by_the_naming_convention():
    """"Arbeids- og sosialminis-" / "ter" (a narrow signature table) is one title; a title the registry does not
    list names the ministry by convention: "X-minister" of "X-departementet"."""
    plan = run([
        H("Forord", 1),
        P("Planen er et felles løft for flere departementer."),
        P("Kari Nordmann"), P("Arbeids- og sosialminister", lines=["Arbeids- og sosialminis-", "ter"]),
        P("Ola Hansen"), P("Helse- og omsorgsminister"),
    ])
    assert [(m.name, m.title, m.ministry_id) for m in plan.ministers] == [
        ("Kari Nordmann", "Arbeids- og sosialminister", "labour"), ("Ola Hansen", "Helse- og omsorgsminister", "health")]


@pytest.mark.parametrize("cell", ["Alle depa rtemente r", "Alle departementer"])
def test_all_ministries_with_words_broken_in_a_narrow_cell(cell):
    assert parse_responsibility(cell, ON, registry=REG).all_ministries


def test_a_toc_title_that_ran_into_the_next_entry_does_not_complete_a_part_title():
    from pipeline.model import TocEntry

    toc = [TocEntry("Del 1 Forebygging", "3"),
           TocEntry("Del 2 Samarbeid og kunnskap . . 14 2.1. Nasjonal koordineringsenhet", "14")]
    blocks = [H("Del 1 Forebygging", 1, page=3), H("Tiltak 1: Kontroller", 3, page=3), P("Tekst.", page=3),
              P("Ansvarlig: JD", page=3), H("Del 2 Samarbeid og kunnskap", 1, page=14),
              H("Tiltak 2: Veileder", 3, page=14), P("Tekst.", page=14), P("Ansvarlig: JD", page=14)]
    plan = plan_from_layout(doc_of(blocks, toc), INFO, ON, registry=REG, enrich=False)
    assert [p.title for p in plan.parts] == ["Forebygging", "Samarbeid og kunnskap"]
