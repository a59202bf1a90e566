"""Structure extraction on hand-built blocks (own Norwegian text, stand-in registry)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.model import DocumentInfo, TocEntry
from pipeline.documents.extract import plan_from_layout
from pipeline.measures import find_cross_references, parse_responsibility
from pipeline.measures.responsibility import split_title_responsibility, strip_label
from pipeline.structure.text import measure_id, parse_count
from tests.structure_blocks import TB, FakeRegistry, H, L, P, doc_of

ON = date(2016, 6, 1)
REG = FakeRegistry()
INFO = DocumentInfo(document_id="plan-x", kind="plan", title="Eksempelplan", publisher_ministry_id="justice",
                    publisher_name="Justis- og beredskapsdepartementet", published=ON)


def run(blocks, toc=None):
    return plan_from_layout(doc_of(blocks, toc), INFO, ON, registry=REG, enrich=False)


def roles(m):
    return [(r.ministry_id, r.role) for r in m.responsibilities]


# ----------------------------------------------------------------------------- responsibility


@pytest.mark.parametrize(
    "text, expected, agencies",
    [
        ("Ansvarlig: JD", [("justice", "lead")], []),
        ("Ansvar: BLD og JD", [("children", "lead"), ("justice", "co")], []),
        ("Ansvarlig departement: Helse- og omsorgsdepartementet", [("health", "lead")], []),
        ("Ansvarlig: Justis- og beredskapsdepartementet i samarbeid med Helse- og omsorgsdepartementet",
         [("justice", "lead"), ("health", "co")], []),
        ("Ansvarlig: JD (Politidirektoratet)", [("justice", "lead")], ["Politidirektoratet"]),
        ("Ansvarlige: KD, HOD og BLD", [("education", "lead"), ("health", "co"), ("children", "co")], []),
        ("KD/HOD", [("education", "lead"), ("health", "co")], []),
        ("Justis- og beredskapsdepartementet, Utenriksdepartementet og Kunnskapsdepartementet",
         [("justice", "lead"), ("foreign", "co"), ("education", "co")], []),
        ("Ansvarlig: JD. Medansvarlig: UD", [("justice", "lead"), ("foreign", "co")], []),
        ("Ansvarlig: HOD sammen med BLD og ASD.", [("health", "lead"), ("children", "co"), ("labour", "co")], []),
    ],
)
def test_parse_responsibility(text, expected, agencies):
    p = parse_responsibility(text, ON, registry=REG)
    assert [(r.ministry_id, r.role) for r in p.responsibilities] == expected
    assert p.agencies == agencies
    assert not p.unresolved
    assert all(r.source == "responsibility_line" for r in p.responsibilities)


def test_parse_responsibility_names_on_date_and_as_written():
    p = parse_responsibility("Ansvar: HOD", ON, registry=REG, source="table")
    r = p.responsibilities[0]
    assert (r.ministry_name, r.abbreviation, r.as_written, r.source) == ("Helse- og omsorgsdepartementet", "HOD", "HOD", "table")


def test_parse_responsibility_all_and_unknown():
    p = parse_responsibility("Alle departementer", ON, registry=REG)
    assert p.all_ministries and p.responsibilities == []
    q = parse_responsibility("Ansvarlig: XQZ og JD", ON, registry=REG)
    assert q.unresolved == ["XQZ"] and roles_of(q) == [("justice", "lead")]


def roles_of(p):
    return [(r.ministry_id, r.role) for r in p.responsibilities]


def test_strip_label_and_title_paren():
    assert strip_label("Ansvarlige departementer: KD og HOD") == "KD og HOD"
    assert strip_label("Ansvaret for dette ligger hos JD") is None
    assert split_title_responsibility("Styrke tilbudet til ofre (HOD)", ON, registry=REG) == ("Styrke tilbudet til ofre", "HOD")
    assert split_title_responsibility("Kartlegge omfanget (2016–2017)", ON, registry=REG) == ("Kartlegge omfanget (2016–2017)", None)


def test_crossrefs_and_ids():
    assert find_cross_references("Se tiltak 3 og 4, jf. tiltakene 10–12 og tiltak 7.", "7") == ["3", "4", "10", "11", "12"]
    assert find_cross_references("I 2016 ble det satt i gang ti tiltak.") == []
    assert measure_id("plan-x", "12 A", 1) == "plan-x-12-a"
    assert measure_id("plan-x", None, 3) == "plan-x-u3"
    assert parse_count("tjueseks") == 26 and parse_count("26") == 26 and parse_count("fire") == 4


# ----------------------------------------------------------------------------- heading-style measures

PROSE1 = "Regjeringen vil styrke samarbeidet mellom politiet og hjelpeapparatet. Det skal lages felles rutiner."
PROSE2 = "Kunnskapen om utnyttelse av barn skal økes. Det skal gjennomføres en kartlegging i alle fylker."


def test_parts_and_tiltak_headings_with_responsibility_on_next_page():
    blocks = [
        H("Innhold", 1), P("Eksempelplan – syntetisk testdokument"),
        H("Del 1: Beskytte ofrene", 1, page=2),
        P("Denne delen handler om ofrenes rettigheter.", page=2),
        H("Tiltak 1: Bedre samarbeid om ofre", 3, page=2),
        P(PROSE1, page=2),
        P("Ansvarlig: JD", page=3),
        H("Tiltak 2 Mer kunnskap om barn", 3, page=3),
        P(PROSE2, page=3, page_end=4),
        P("Ansvar: BLD og JD", page=4),
        H("Del 2: Styrke politiet", 1, page=5),
        H("Tiltak 3. Styrke etterforskningen (HOD)", 3, page=5),
        P("Politiet skal prioritere saker om menneskehandel, jf. tiltak 1.", page=5),
    ]
    res = run(blocks)
    assert [(p.number, p.title, p.page_start) for p in res.parts] == [(1, "Beskytte ofrene", 2), (2, "Styrke politiet", 5)]
    ms = res.measures
    assert [m.number for m in ms] == ["1", "2", "3"]
    assert [m.title for m in ms] == ["Bedre samarbeid om ofre", "Mer kunnskap om barn", "Styrke etterforskningen"]
    assert ms[0].text == PROSE1 and "Ansvarlig" not in ms[0].text
    assert (ms[0].page_start, ms[0].page_end) == (2, 3)
    assert (ms[1].page_start, ms[1].page_end) == (3, 4)
    assert [m.part_number for m in ms] == [1, 1, 2]
    assert ms[1].part_title == "Beskytte ofrene"
    assert roles(ms[0]) == [("justice", "lead")]
    assert roles(ms[1]) == [("children", "lead"), ("justice", "co")]
    assert roles(ms[2]) == [("health", "lead")]
    assert ms[2].cross_references == ["1"]
    assert ms[0].measure_id == "plan-x-1" and ms[0].sources == ["body"]
    assert ms[0].responsibility_text == "Ansvarlig: JD"


def test_numbered_measures_in_measure_section_but_not_numbered_prose_lists():
    blocks = [
        H("1 Innledning", 1),
        P("Planen bygger på tre prinsipper:"),
        L("1. Ofrene skal ha hjelp."),
        L("2. Politiet skal samarbeide."),
        L("3. Kunnskap skal deles."),
        H("2 Forebygging", 1, page=2),
        H("Tiltak for forebygging", 2, page=2),
        H("1. Informasjon til utsatte grupper", 3, page=2),
        P(PROSE1, page=2),
        P("Ansvarlig: UD", page=2),
        H("2. Opplæring av ansatte", 3, page=3),
        P(PROSE2, page=3),
        P("Ansvarlig: KD", page=3),
        H("3 Oppfølging", 1, page=4),
        H("3. Styrket tilsyn", 3, page=4),
        P("Tilsynet skal følge opp virksomhetene.", page=4),
        P("Ansvarlig: ASD", page=4),
    ]
    res = run(blocks)
    assert [m.number for m in res.measures] == ["1", "2", "3"]
    assert [m.title for m in res.measures][:2] == ["Informasjon til utsatte grupper", "Opplæring av ansatte"]
    assert [p.number for p in res.parts] == [1, 2, 3]
    assert [m.part_number for m in res.measures] == [2, 2, 3]
    assert roles(res.measures[2]) == [("labour", "lead")]


def test_numbered_prose_list_alone_gives_no_measures():
    blocks = [
        H("Bakgrunn", 1),
        P("Utviklingen de siste årene viser tre forhold:"),
        L("1. Flere saker blir anmeldt."),
        L("2. Flere ofre får hjelp."),
        L("3. Flere barn blir identifisert."),
    ]
    assert run(blocks).measures == []


def test_inline_responsibility_label_merged_into_paragraph():
    blocks = [
        H("Tiltak 1: Felles rutiner", 2),
        P(PROSE1 + " Ansvarlig: JD i samarbeid med HOD"),
        H("Tiltak 2: Ny veileder", 2),
        P(PROSE2),
        P("Ansvarlig: HOD"),
    ]
    ms = run(blocks).measures
    assert ms[0].text == PROSE1
    assert roles(ms[0]) == [("justice", "lead"), ("health", "co")]
    assert roles(ms[1]) == [("health", "lead")]


def test_heading_merged_with_prose_uses_first_line_as_title():
    blocks = [
        P("Tiltak 1: Felles rutiner " + PROSE1, lines=["Tiltak 1: Felles rutiner", PROSE1]),
        P("Ansvarlig: JD"),
        P("Tiltak 2: Ny veileder", bold=True),
        P(PROSE2),
        P("Ansvarlig: HOD"),
    ]
    ms = run(blocks).measures
    assert [(m.number, m.title) for m in ms] == [("1", "Felles rutiner"), ("2", "Ny veileder")]
    assert ms[0].text == PROSE1


def test_prose_starting_with_tiltak_is_not_a_heading():
    blocks = [H("Tiltak 1: Felles rutiner", 2), P("Tiltak 1 skal gjennomføres i hele landet i løpet av planperioden, og det skal rapporteres årlig til departementet om framdriften i arbeidet med rutinene."), P("Ansvarlig: JD")]
    ms = run(blocks).measures
    assert len(ms) == 1 and ms[0].text.startswith("Tiltak 1 skal")


# ----------------------------------------------------------------------------- tables

HEADER = ["Nr.", "Tiltak", "Ansvar", "Tidsramme"]


def test_table_only_plan_with_continued_row_and_all_ministries():
    blocks = [
        H("Del 1: Forebygging", 1),
        P("Innsatsen skal styrkes."),
        H("Oversikt over tiltak", 2, page=2),
        TB(HEADER, [
            ["1", "Styrke informasjonsarbeidet", "KD/HOD", "2016–2018"],
            ["2", "Opprette et nasjonalt", "Justis- og beredskapsdepartementet", "2017"],
            ["", "kompetansesenter", "", ""],
            ["3", "Gjennomgå regelverket", "Alle departementer", "2016"],
        ], [2, 2, 3, 3]),
    ]
    res = run(blocks)
    ms = res.measures
    assert [(m.number, m.title) for m in ms] == [
        ("1", "Styrke informasjonsarbeidet"), ("2", "Opprette et nasjonalt kompetansesenter"), ("3", "Gjennomgå regelverket")]
    assert roles(ms[0]) == [("education", "lead"), ("health", "co")]
    assert all(r.source == "table" for r in ms[0].responsibilities)
    assert (ms[1].page_start, ms[1].page_end) == (2, 3)
    assert ms[0].timeframe == "2016–2018"
    assert roles(ms[2]) == [("justice", "all")] and ms[2].responsibility_text == "Alle departementer"
    assert all(m.sources == ["table"] for m in ms)
    assert [m.part_number for m in ms] == [1, 1, 1]


def test_table_part_rows_and_content_fallback_without_header_words():
    blocks = [
        H("Vedlegg", 1),
        TB(["", "", "", ""], [
            ["Del 1: Forebygging", "Del 1: Forebygging", "Del 1: Forebygging", "Del 1: Forebygging"],
            ["1", "Styrke informasjonsarbeidet", "KD", "2016–2018"],
            ["Del 2: Politiet", "", "", ""],
            ["2", "Bedre etterforskning", "JD", "2017"],
        ], [9, 9, 9, 9], title="Tiltaksoversikt"),
    ]
    ms = run(blocks).measures
    assert [(m.number, m.part_number, m.part_title) for m in ms] == [("1", 1, "Forebygging"), ("2", 2, "Politiet")]
    assert roles(ms[1]) == [("justice", "lead")]


def test_non_measure_table_is_ignored():
    blocks = [H("Statistikk", 1), TB(["År", "Antall saker", "Antall ofre"], [["2014", "40", "200"], ["2015", "45", "210"]], [3, 3], title="Utvikling")]
    assert run(blocks).measures == []


def test_body_and_table_are_merged_once_with_union_of_responsibilities():
    blocks = [
        H("Del 1: Beskytte ofrene", 1),
        H("Tiltak 1: Bedre samarbeid om ofre", 3),
        P(PROSE1),
        P("Ansvarlig: JD"),
        H("Tiltak 2: Mer kunnskap om barn", 3, page=2),
        P(PROSE2, page=2),
        P("Ansvarlig: BLD", page=2),
        H("Oversikt over tiltak", 1, page=3),
        TB(HEADER, [
            ["1", "Bedre samarbeid om ofre", "JD/HOD", "2016–2017"],
            ["2", "Mer kunnskap om barn", "BLD", "2016"],
            ["3", "Evaluere planen", "JD", "2019"],
        ], [3, 3, 3]),
    ]
    res = run(blocks)
    ms = res.measures
    assert [m.number for m in ms] == ["1", "2", "3"]
    assert ms[0].sources == ["body", "table"] and ms[2].sources == ["table"]
    assert roles(ms[0]) == [("justice", "lead"), ("health", "co")]
    assert [r.source for r in ms[0].responsibilities] == ["responsibility_line", "table"]
    assert ms[0].timeframe == "2016–2017" and ms[0].text == PROSE1
    assert ms[0].part_number == 1 and ms[0].page_start == 1
    assert ms[2].part_number is None  # the table stands after the parts


# ----------------------------------------------------------------------------- foreword, counts, warnings


def test_foreword_signatories_and_stated_count():
    blocks = [
        H("Forord", 1),
        P("Handlingsplanen inneholder 3 tiltak innen to hoveddeler. Regjeringen vil styrke innsatsen."),
        P("Kari Nordmann"), P("Justis- og beredskapsminister"),
        P("Ola Hansen"), P("Helse- og omsorgsminister"),
        H("Del 1: Tiltak", 1, page=2),
        H("Tiltak 1: Bedre samarbeid", 3, page=2), P(PROSE1, page=2), P("Ansvarlig: XYZ", page=2),
    ]
    res = run(blocks)
    assert [(m.name, m.title, m.ministry_id) for m in res.ministers] == [
        ("Kari Nordmann", "Justis- og beredskapsminister", "justice"), ("Ola Hansen", "Helse- og omsorgsminister", "health")]
    assert res.document.stated_measure_count == 3 and res.document.stated_part_count == 2
    assert any("XYZ" in w and "plan-x-1" in w for w in res.warnings)
    assert res.measures[0].responsibilities == []


def test_toc_finds_part_heading_the_layout_missed():
    toc = [TocEntry("Del 1 Forebygging", "3"), TocEntry("Del 2 Politiet", "6")]
    blocks = [
        P("Del 1 Forebygging", page=3),  # not bold, not a heading: only the TOC says it is a part
        H("Tiltak 1: Bedre samarbeid", 3, page=3), P(PROSE1, page=3), P("Ansvarlig: JD", page=3),
        H("Del 2 Politiet", 1, page=6),
        H("Tiltak 2: Mer kunnskap", 3, page=6), P(PROSE2, page=6), P("Ansvarlig: HOD", page=6),
    ]
    res = run(blocks, toc)
    assert [(p.number, p.title) for p in res.parts] == [(1, "Forebygging"), (2, "Politiet")]
    assert [m.part_number for m in res.measures] == [1, 2]


def test_no_parts_gives_none():
    res = run([H("Tiltak 1: Bedre samarbeid", 2), P(PROSE1), P("Ansvarlig: JD")])
    assert res.parts == [] and res.measures[0].part_number is None and res.measures[0].part_title is None


def test_responsibility_line_wrapped_into_two_blocks():
    blocks = [
        H("Tiltak 1: Felles rutiner", 2), P(PROSE1),
        P("Ansvarlig departement: Helse- og"), P("omsorgsdepartementet"),
        H("Tiltak 2: Ny veileder", 2), P(PROSE2),
        P("Ansvarlige departementer: Justis-"), P("og beredskapsdepartementet og Utenriksdepartementet"),
        P("Avsluttende merknad om planen som ikke hører til tiltaket."),
    ]
    ms = run(blocks).measures
    assert ms[0].text == PROSE1 and roles(ms[0]) == [("health", "lead")]
    assert roles(ms[1]) == [("justice", "lead"), ("foreign", "co")]
    assert ms[1].text == PROSE2


def test_hierarchical_numbers_roman_parts_and_split_part_heading():
    blocks = [
        H("Del I", 1), H("Trygge barn", 1),
        H("Tiltak 1.1: Felles rutiner", 3), P(PROSE1), P("Ansvarlig: JD"),
        H("Tiltak 1.2 – Ny veileder", 3), P(PROSE2), P("Ansvarlig: HOD"),
        H("Del II: Politiet", 1, page=2),
        H("Tiltak 2.1: Bedre etterforskning", 3, page=2), P(PROSE1, page=2), P("Ansvarlig: JD", page=2),
    ]
    res = run(blocks)
    assert [(p.number, p.title) for p in res.parts] == [(1, "Trygge barn"), (2, "Politiet")]
    assert [(m.number, m.part_number, m.measure_id) for m in res.measures] == [
        ("1.1", 1, "plan-x-1-1"), ("1.2", 1, "plan-x-1-2"), ("2.1", 2, "plan-x-2-1")]
    assert res.measures[1].title == "Ny veileder"


def test_table_with_tiltak_prefix_in_cells_and_full_names():
    blocks = [TB(["Tiltak", "Ansvarlig departement", "Periode"], [
        ["Tiltak 1: Styrke informasjonsarbeidet", "Kunnskapsdepartementet, Helse- og omsorgsdepartementet", "2016"],
        ["Tiltak 2: Nytt kompetansesenter", "Justis- og beredskapsdepartementet i samarbeid med Utenriksdepartementet", "2017"],
    ], [5, 5])]
    ms = run(blocks).measures
    assert [(m.number, m.title, m.timeframe) for m in ms] == [
        ("1", "Styrke informasjonsarbeidet", "2016"), ("2", "Nytt kompetansesenter", "2017")]
    assert roles(ms[0]) == [("education", "lead"), ("health", "co")]
    assert roles(ms[1]) == [("justice", "lead"), ("foreign", "co")]


def test_summary_table_before_body_and_body_heading_wrapped():
    blocks = [
        H("Oversikt over tiltak", 1),
        TB(HEADER, [["1", "Bedre samarbeid om ofre", "JD", "2016"], ["2", "Mer kunnskap om barn og unge", "BLD/HOD", "2017"]], [2, 2]),
        H("Del 1: Beskytte ofrene", 1, page=3),
        H("Tiltak 1: Bedre samarbeid om ofre", 3, page=3), P(PROSE1, page=3), P("Ansvarlig: JD", page=3),
        H("Tiltak 2: Mer kunnskap om barn og", 3, page=4), H("unge", 3, page=4), P(PROSE2, page=4),
        P("Ansvarlig: BLD", page=4),
    ]
    ms = run(blocks).measures
    assert [(m.number, m.title, m.part_number, m.page_start, m.sources) for m in ms] == [
        ("1", "Bedre samarbeid om ofre", 1, 3, ["body", "table"]),
        ("2", "Mer kunnskap om barn og unge", 1, 4, ["body", "table"])]
    assert roles(ms[1]) == [("children", "lead"), ("health", "co")]
    assert ms[1].timeframe == "2017"


def test_responsibility_line_before_the_prose():
    blocks = [
        H("Tiltak 1: Felles rutiner", 2), P("Ansvarlig: JD"), P(PROSE1), P("Tidsramme: 2016–2018"),
        H("Tiltak 2: Ny veileder", 2), P("Ansvar: HOD"), P(PROSE2),
    ]
    ms = run(blocks).measures
    assert [m.text for m in ms] == [PROSE1, PROSE2]
    assert roles(ms[0]) == [("justice", "lead")] and roles(ms[1]) == [("health", "lead")]
    assert ms[0].timeframe == "2016–2018"


def test_toc_completes_a_wrapped_part_title():
    toc = [TocEntry("1 Digital kompetanse i befolkningen", "5"), TocEntry("2 Tilgang til nett", "8")]
    blocks = [
        H("1 Digital kompetanse i", 1, page=5),
        H("Tiltak 1: Kurs på bibliotekene", 3, page=5), P(PROSE1, page=5), P("Ansvarlig: KD", page=5),
        H("2 Tilgang til nett", 1, page=8),
        H("Tiltak 2: Bredbånd i distriktene", 3, page=8), P(PROSE2, page=8), P("Ansvarlig: JD", page=8),
    ]
    res = run(blocks, toc)
    assert [(p.number, p.title) for p in res.parts] == [(1, "Digital kompetanse i befolkningen"), (2, "Tilgang til nett")]
    assert res.measures[0].part_title == "Digital kompetanse i befolkningen"


def test_lost_second_title_line_completed_from_table_and_toc():
    toc = [TocEntry("Tiltak 1: Felles rutiner for politi og barnevern", "1")]
    blocks = [
        H("Tiltak 1: Felles rutiner for", 2), P(PROSE1), P("Ansvarlig: JD"),
        H("Tiltak 2: Ny veileder for", 2), P(PROSE2), P("Ansvarlig: HOD"),
        TB(HEADER, [["1", "Felles rutiner for politi og barnevern", "JD", "2016"],
                    ["2", "Ny veileder for helsepersonell. Veilederen skal revideres årlig.", "HOD", "2017"]], [3, 3]),
    ]
    ms = run(blocks, toc).measures
    assert ms[0].title == "Felles rutiner for politi og barnevern"
    assert ms[1].title == "Ny veileder for"  # the table cell adds a sentence, not a title line


def test_oppfolging_column_with_ministries_is_responsibility():
    blocks = [TB(["Nr", "Tiltak", "Oppfølging"], [["1", "Styrke informasjonsarbeidet", "KD"],
                                                  ["2", "Nytt kompetansesenter", "JD og UD"]], [5, 5])]
    ms = run(blocks).measures
    assert [roles(m) for m in ms] == [[("education", "lead")], [("justice", "lead"), ("foreign", "co")]]
    assert all(m.timeframe is None for m in ms)


def test_part_heading_wrapped_onto_a_second_heading_block():
    blocks = [
        H("Del 1: Forebygging", 1),
        H("Tiltak 1: Felles rutiner", 3), P(PROSE1), P("Ansvarlig: JD"),
        H("Del 2: Bistand og", 1, page=2), P("Innledende tekst om delen.", page=2), H("beskyttelse", 1, page=2),
        H("Tiltak 2: Ny veileder", 3, page=2), P(PROSE2, page=2), P("Ansvarlig: HOD", page=2),
    ]
    res = run(blocks)
    assert [(p.number, p.title) for p in res.parts] == [(1, "Forebygging"), (2, "Bistand og beskyttelse")]
    assert [m.part_number for m in res.measures] == [1, 2]


def test_table_split_into_two_tables_with_repeated_header_and_continued_row():
    blocks = [
        TB(HEADER, [["1", "Styrke informasjonsarbeidet", "KD", "2016"], ["2", "Opprette et nasjonalt", "JD", "2017"]], [4, 4]),
        TB(HEADER, [["Nr.", "Tiltak", "Ansvar", "Tidsramme"], ["", "kompetansesenter", "", ""], ["3", "Evaluere planen", "HOD", "2019"]],
           [5, 5, 5], title=None),
    ]
    ms = run(blocks).measures
    assert [(m.number, m.title, m.page_start, m.page_end) for m in ms] == [
        ("1", "Styrke informasjonsarbeidet", 4, 4), ("2", "Opprette et nasjonalt kompetansesenter", 4, 5), ("3", "Evaluere planen", 5, 5)]


def test_unmarked_toc_does_not_become_parts_or_measures():
    blocks = [
        H("Innhold", 1),
        P("Del 1: Forebygging 3", bold=True), P("Tiltak 1: Felles rutiner 3"), P("Del 2: Politiet 5", bold=True),
        P("Tiltak 2: Ny veileder 5"),
        H("Del 1: Forebygging", 1, page=3), P("Innledning til delen.", page=3),
        H("Tiltak 1: Felles rutiner", 3, page=3), P(PROSE1, page=3), P("Ansvarlig: JD", page=3),
        H("Del 2: Politiet", 1, page=5),
        H("Tiltak 2: Ny veileder", 3, page=5), P(PROSE2, page=5), P("Ansvarlig: HOD", page=5),
    ]
    res = run(blocks)
    assert [(p.number, p.title, p.page_start) for p in res.parts] == [(1, "Forebygging", 3), (2, "Politiet", 5)]
    assert [(m.number, m.title, m.page_start, m.part_number) for m in res.measures] == [
        ("1", "Felles rutiner", 3, 1), ("2", "Ny veileder", 5, 2)]


def test_numbered_sibling_heading_without_its_responsibility_line_is_kept():
    blocks = [
        H("Regjeringens tiltak", 2),
        H("1. Informasjon til utsatte grupper", 3), P(PROSE1), P("Ansvarlig: UD"),
        H("3. Styrket tilsyn", 3), P("Tilsynet skal følge opp virksomhetene."),  # its line was lost by the layout
        H("2. Opplæring av ansatte", 3), P(PROSE2), P("Ansvarlig: KD"),
        H("Bakgrunn", 2), L("1. Flere saker blir anmeldt."), L("2. Flere ofre får hjelp."),
    ]
    ms = run(blocks).measures
    assert sorted(m.number for m in ms) == ["1", "2", "3"]
    assert next(m for m in ms if m.number == "3").responsibilities == []


def test_number_on_its_own_line_with_title_in_next_heading():
    blocks = [
        H("Tiltak i planen", 2),
        H("1", 3), H("Informasjon til utsatte grupper", 3), P(PROSE1), P("Ansvarlig: UD"),
        H("2", 3), H("Opplæring av ansatte", 3), P(PROSE2), P("Ansvarlig: KD"),
    ]
    ms = run(blocks).measures
    assert [(m.number, m.title, m.text) for m in ms] == [
        ("1", "Informasjon til utsatte grupper", PROSE1), ("2", "Opplæring av ansatte", PROSE2)]


def test_tiltak_column_of_numbers_with_description_titles():
    blocks = [TB(["Tiltak", "Beskrivelse", "Ansvar"], [["1", "Styrke informasjonsarbeidet", "KD"],
                                                      ["2", "Nytt kompetansesenter", "JD"]], [5, 5])]
    ms = run(blocks).measures
    assert [(m.number, m.title) for m in ms] == [("1", "Styrke informasjonsarbeidet"), ("2", "Nytt kompetansesenter")]


def test_goal_table_is_not_a_measure_table():
    blocks = [TB(["Nr.", "Mål", "Indikator", "Ansvar"], [["1", "Færre ofre", "Antall saker", "JD"]], [5], title="Mål for planen")]
    assert run(blocks).measures == []
