"""Records for the dataset and notebook tests.

The press release facts are transcribed from
corpus/pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt (the real 2016 press release).
The two plan versions are SYNTHETIC ("Eksempelplan – syntetisk testdokument"): invented measures
used only to exercise the writers, loaders and notebooks. They are not the government's text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.datasets import MinistryPeriod
from pipeline.storage.files import sha256_file
from pipeline.model import (
    ConsistencyCheck,
    DocumentInfo,
    Measure,
    MeasureChange,
    Mention,
    Minister,
    Part,
    PlanExtraction,
    PressReleaseFacts,
    Responsibility,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PR_ID = "pressemelding-2016-styrket-samarbeid-mot-menneskehandel"
PLAN_A = "eksempelplan-2016"
PLAN_B = "eksempelplan-2017"

# ministry_id -> (name on 2016 date, abbreviation, name_en); ids as in pipeline/reference/data
MIN = {
    "justice": ("Justis- og beredskapsdepartementet", "JD", "Ministry of Justice and Public Security"),
    "children-families": ("Barne- og likestillingsdepartementet", "BLD", "Ministry of Children and Equality"),
    "labour-social": ("Arbeids- og sosialdepartementet", "ASD", "Ministry of Labour and Social Affairs"),
    "foreign-affairs": ("Utenriksdepartementet", "UD", "Ministry of Foreign Affairs"),
    "health-care": ("Helse- og omsorgsdepartementet", "HOD", "Ministry of Health and Care Services"),
}

PART_TITLES = [
    "Samordnede og effektive tiltak for å beskytte og fremme ofres rettigheter",
    "Forbedre politiets organisering og innsats",
    "Økt kunnskap for å avdekke og forebygge menneskehandel",
    "Styrke internasjonalt samarbeid mot menneskehandel",
]


def ministries() -> list[MinistryPeriod]:
    """The name periods of the five lineages involved (transcribed from pipeline/reference/data)."""
    return [
        MinistryPeriod("justice", "Justis- og politidepartementet", "Ministry of Justice and the Police", "JD", date(1990, 1, 1), date(2011, 12, 31)),
        MinistryPeriod("justice", "Justis- og beredskapsdepartementet", "Ministry of Justice and Public Security", "JD", date(2012, 1, 1)),
        MinistryPeriod("children-families", "Barne- og likestillingsdepartementet", "Ministry of Children and Equality", "BLD", date(2014, 1, 1), date(2018, 12, 31)),
        MinistryPeriod("children-families", "Barne- og familiedepartementet", "Ministry of Children and Families", "BFD", date(2019, 1, 1)),
        MinistryPeriod("labour-social", "Arbeids- og sosialdepartementet", "Ministry of Labour and Social Affairs", "ASD", date(2014, 1, 1), date(2021, 12, 31)),
        MinistryPeriod("labour-social", "Arbeids- og inkluderingsdepartementet", "Ministry of Labour and Social Inclusion", "AID", date(2022, 1, 1)),
        MinistryPeriod("foreign-affairs", "Utenriksdepartementet", "Ministry of Foreign Affairs", "UD", date(1990, 1, 1)),
        MinistryPeriod("health-care", "Helse- og omsorgsdepartementet", "Ministry of Health and Care Services", "HOD", date(2004, 10, 1)),
    ]


def _resp(mid: str, role: str, source: str = "responsibility_line") -> Responsibility:
    name, abbr, _ = MIN[mid]
    return Responsibility(mid, name, abbr, role, source, abbr)  # type: ignore[arg-type]


def press_release() -> PressReleaseFacts:
    doc = DocumentInfo(
        document_id=PR_ID,
        kind="press_release",
        title="Styrket samarbeid mot menneskehandel",
        publisher_ministry_id="justice",
        publisher_name=MIN["justice"][0],
        government="Regjeringen Solberg",
        published=None,  # the text file does not state the date
        stated_measure_count=26,
        stated_part_count=4,
        local_path="pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt",
        sha256=sha256_file(CORPUS / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"),
    )
    ministers = [
        Minister("Anders Anundsen", "Justis- og beredskapsminister", "justice", MIN["justice"][0], "JD"),
        Minister("Sylvi Listhaug", "Innvandrings- og integreringsminister", "justice", MIN["justice"][0], "JD"),
        Minister("Solveig Horne", "Barne- og likestillingsminister", "children-families", MIN["children-families"][0], "BLD"),
        Minister("Anniken Hauglie", "Arbeids- og sosialminister", "labour-social", MIN["labour-social"][0], "ASD"),
        Minister("Børge Brende", "Utenriksminister", "foreign-affairs", MIN["foreign-affairs"][0], "UD"),
        Minister("Bent Høie", "Helse- og omsorgsminister", "health-care", MIN["health-care"][0], "HOD"),
    ]
    key_points = [
        [
            "Koordineringsenheten for ofre for menneskehandel vil få et nytt mandat for å kunne spille en mer effektiv rolle i identifisering og henvisning av ofre.",
            "Spesialistmiljøer og målrettede tiltak på feltet styrkes for å sikre høy kvalitet på bistanden som tilbys ofre for menneskehandel.",
        ],
        ["Politiets innsats skal bli bedre."],
        ["Alle berørte yrkesgrupper skal få hevet kunnskapsnivået."],
        ["Norges pådriverrolle i den internasjonale innsats mot menneskehandel videreføres, både i nordisk, regional og internasjonal sammenheng."],
    ]
    parts = [Part(i + 1, t, key_points[i]) for i, t in enumerate(PART_TITLES)]
    return PressReleaseFacts(
        document=doc,
        ministers=ministers,
        stated_minister_count=6,
        stated_ministry_count=5,
        parts=parts,
        emphasises_minors=True,
    )


# (number, part, title, lead, co, children, agencies)
_MEASURES_A = [
    ("1", 1, "Nytt mandat for koordineringsenheten (syntetisk)", "justice", ["children-families"], False, ["Politidirektoratet"]),
    ("2", 1, "Styrke spesialistmiljøer for bistand (syntetisk)", "health-care", ["labour-social"], False, []),
    ("3", 1, "Endre refleksjonsperioden (syntetisk)", "justice", [], False, ["Utlendingsdirektoratet"]),
    ("4", 1, "Bedre informasjon om retur (syntetisk)", "justice", ["foreign-affairs"], False, []),
    ("5", 2, "Rutiner for saker som angår barn (syntetisk)", "justice", ["children-families"], True, ["Politidirektoratet", "Barne-, ungdoms- og familiedirektoratet"]),
    ("6", 2, "Samarbeid mellom barnevern og politi (syntetisk)", "children-families", ["justice"], True, []),
    ("7", 3, "Kompetanse i berørte yrkesgrupper (syntetisk)", "justice", ["health-care", "children-families"], False, []),
    ("8", 3, "Kunnskap om mindreårige ofre (syntetisk)", "children-families", [], True, []),
    ("9", 4, "Nordisk og internasjonalt samarbeid (syntetisk)", "foreign-affairs", ["justice"], False, []),
    ("10", 4, "Arbeidslivskriminalitet og utnytting (syntetisk)", "labour-social", ["justice"], False, ["Arbeidstilsynet"]),
]


def _plan(document_id: str, title: str, published: date, specs: list) -> PlanExtraction:
    doc = DocumentInfo(
        document_id=document_id,
        kind="plan",
        title=title,
        publisher_ministry_id="justice",
        publisher_name=MIN["justice"][0],
        government="Regjeringen Solberg",
        published=published,
        page_count=12,
        local_path=f"{document_id}.pdf",
        sha256=None,  # synthetic: there is no file
    )
    parts = [Part(i + 1, t, page_start=2 + 2 * i) for i, t in enumerate(PART_TITLES)]
    measures, mentions = [], []
    for number, part, mtitle, lead, co, children, agencies in specs:
        mid = f"{document_id}-{number}"
        resp = [_resp(lead, "lead")] + [_resp(c, "co") for c in co]
        text = (
            f"{mtitle}. Syntetisk testtekst. Ansvar: {MIN[lead][1]}"
            + (", " + ", ".join(MIN[c][1] for c in co) if co else "")
            + "."
            + (" Tiltaket gjelder barn og mindreårige." if children else "")
        )
        for r in resp:
            start = text.index(r.as_written)
            mentions.append(
                Mention(document_id, 2 + 2 * (part - 1), start, start + len(r.as_written), r.as_written, "MINISTRY", f"measure:{mid}", r.ministry_id, r.ministry_name)
            )
        measures.append(
            Measure(
                document_id=document_id,
                measure_id=mid,
                number=number,
                title=mtitle,
                text=text,
                part_number=part,
                part_title=PART_TITLES[part - 1],
                page_start=2 + 2 * (part - 1),
                page_end=3 + 2 * (part - 1),
                responsibilities=resp,
                responsibility_text="Ansvar: " + ", ".join(MIN[m][1] for m in [lead, *co]),
                agencies=list(agencies),
                target_groups=["barn"] if children else [],
                mentions_children=children,
                timeframe="2016-2018",
                sources=["body"],
            )
        )
    return PlanExtraction(document=doc, parts=parts, measures=measures, mentions=mentions)


def plan_a() -> PlanExtraction:
    return _plan(PLAN_A, "Eksempelplan – syntetisk testdokument (versjon 2016)", date(2016, 6, 20), _MEASURES_A)


def plan_b() -> PlanExtraction:
    specs = [s for s in _MEASURES_A if s[0] not in ("3",)]
    specs = [
        (s[0], s[1], s[2].replace("Bedre informasjon", "Mer målrettet informasjon"), s[3], s[4], s[5], s[6]) if s[0] == "4" else s
        for s in specs
    ]
    specs = [(s[0], s[1], s[2], s[3], ["justice", "health-care"], s[5], s[6]) if s[0] == "6" else s for s in specs]
    specs.append(("11", 2, "Digital etterforskning (syntetisk)", "justice", [], False, ["Kripos"]))
    return _plan(PLAN_B, "Eksempelplan – syntetisk testdokument (versjon 2017)", date(2017, 3, 1), specs)


def changes() -> list[MeasureChange]:
    a, b = plan_a(), plan_b()
    ma = {m.number: m for m in a.measures}
    mb = {m.number: m for m in b.measures}
    out = []
    for n, m in ma.items():
        if n not in mb:
            out.append(MeasureChange(PLAN_A, PLAN_B, "removed", m.measure_id, None, n, None, m.title, None, None, False, False, str(m.part_number), None, False))
            continue
        nb = mb[n]
        added = [x for x in nb.ministry_ids if x not in m.ministry_ids]
        removed = [x for x in m.ministry_ids if x not in nb.ministry_ids]
        kind = "unchanged" if m.title == nb.title and not (added or removed) else ("reworded" if m.title != nb.title else "modified")
        out.append(
            MeasureChange(PLAN_A, PLAN_B, kind, m.measure_id, nb.measure_id, n, n, m.title, nb.title, 1.0 if kind == "unchanged" else 0.82, False, False, str(m.part_number), str(nb.part_number), bool(added or removed), added, removed)
        )
    for n, nb in mb.items():
        if n not in ma:
            out.append(MeasureChange(PLAN_A, PLAN_B, "added", None, nb.measure_id, None, n, None, nb.title, None, False, False, None, str(nb.part_number), False))
    return out


def consistency() -> list[ConsistencyCheck]:
    a = plan_a()
    return [
        ConsistencyCheck(PR_ID, PLAN_A, "measure_count", "26", str(len(a.measures)), False, "synthetic plan has fewer measures"),
        ConsistencyCheck(PR_ID, PLAN_A, "part_count", "4", "4", True),
        ConsistencyCheck(PR_ID, PLAN_A, "ministry:justice", "Justis- og beredskapsdepartementet", "Justis- og beredskapsdepartementet", True),
    ]


def all_records() -> dict:
    """Keyword arguments for ``build_tables``."""
    return {
        "press_releases": [press_release()],
        "plans": [plan_a(), plan_b()],
        "changes": changes(),
        "consistency": consistency(),
        "ministries": ministries(),
    }
