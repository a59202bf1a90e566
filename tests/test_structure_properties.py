"""Robustness: extraction never crashes and never double counts, whatever the block sequence."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.model import DocumentInfo
from pipeline.documents.extract import plan_from_layout
from pipeline.measures import find_cross_references, parse_responsibility
from tests.structure_blocks import TB, FakeRegistry, H, L, P, doc_of

REG = FakeRegistry()
INFO = DocumentInfo(document_id="p", kind="plan", title="Eksempelplan", publisher_ministry_id="justice",
                    publisher_name="Justis- og beredskapsdepartementet", published=date(2016, 6, 1))
PIECES = [
    "Del 1: Forebygging", "Del 2", "Kapittel 3 Politiet", "1 Innledning", "2. Bedre samarbeid", "Tiltak 4: Ny veileder",
    "Tiltak 5", "Ansvarlig: JD", "Ansvar: BLD og HOD", "Ansvarlig: JD (Politidirektoratet)", "Alle departementer",
    "Regjeringen vil styrke innsatsen.", "Se tiltak 3 og 4.", "Tiltak 7 skal gjennomføres.", "(HOD)", "", "Forord",
    "Kari Nordmann", "Justis- og beredskapsminister", "Ansvarlige departementer: Justis-", "og beredskapsdepartementet",
    "7. Title", "Tidsramme: 2016–2018", "Planen inneholder 26 tiltak.",
]


@st.composite
def blocks(draw):
    out = []
    for i in range(draw(st.integers(0, 25))):
        text = draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)))
        page = 1 + i // 6
        kind = draw(st.sampled_from(["H", "P", "L", "T"]))
        if kind == "H":
            out.append(H(text, draw(st.integers(1, 4)), page=page))
        elif kind == "P":
            out.append(P(text, page=page, bold=draw(st.booleans())))
        elif kind == "L":
            out.append(L(text, page=page))
        else:
            rows = draw(st.lists(st.lists(st.sampled_from(PIECES + ["1", "2", "KD/HOD", "2017"]), min_size=1, max_size=4),
                                 max_size=4))
            if rows:
                out.append(TB(draw(st.sampled_from([["Nr.", "Tiltak", "Ansvar"], ["", ""], ["Tiltak", "Ansvar", "Periode"]])),
                              rows, [page] * len(rows)))
    return out


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks())
def test_extract_plan_never_crashes_and_ids_are_unique(bs):
    res = plan_from_layout(doc_of(bs), INFO, registry=REG, enrich=False)
    ids = [m.measure_id for m in res.measures]
    assert len(ids) == len(set(ids))
    for m in res.measures:
        assert m.page_start is None or m.page_end is None or m.page_start <= m.page_end
        # per source (the text, a summary table that disagrees with it): at most one lead, one row per ministry,
        # plus at most one "all ministries" row (recorded against the coordinating ministry, which may also lead)
        for source in {r.source for r in m.responsibilities}:
            rows = [r for r in m.responsibilities if r.source == source]
            assert sum(1 for r in rows if r.role == "lead") <= 1
            named = [r for r in rows if r.role != "all"]
            assert len({r.ministry_id for r in named}) == len(named)
            assert sum(1 for r in rows if r.role == "all") <= 1
        assert len({(r.ministry_id, r.role, r.source) for r in m.responsibilities}) == len(m.responsibilities)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_parsers_total_on_arbitrary_text(text):
    p = parse_responsibility(text, date(2016, 6, 1), registry=REG)
    assert isinstance(p.unresolved, list)
    assert all(isinstance(x, str) for x in find_cross_references(text))
