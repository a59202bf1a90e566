"""plan_from_layout with the real registry and NLP layer on hand-built blocks (own Norwegian text)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.model import DocumentInfo
from pipeline.documents.extract import plan_from_layout
from tests.structure_blocks import H, P, doc_of

pytest.importorskip("pipeline.reference")

TEXT1 = ("Politidirektoratet skal lage en veileder for avhør av mindreårige. "
         "Utlendingsdirektoratet og Helse- og omsorgsdepartementet skal bidra, jf. tiltak 2.")
TEXT2 = "Kommunene skal få bedre rutiner for oppfølging av ofre. Arbeidet skal evalueres."


def _blocks():
    return [
        H("Forord", 1),
        P("Planen inneholder to tiltak."),
        P("Kari Nordmann"), P("Justis- og politiminister"),
        H("Del 1: Beskyttelse", 1, page=2),
        H("Tiltak 1: Trygge avhør", 3, page=2), P(TEXT1, page=2), P("Ansvarlig: JD (Politidirektoratet)", page=3),
        H("Tiltak 2: Bedre oppfølging (BLD)", 3, page=3), P(TEXT2, page=3),
    ]


@pytest.fixture(scope="module")
def res2010():
    info = DocumentInfo(document_id="eks-2010", kind="plan", title="Eksempelplan – syntetisk testdokument",
                        published=date(2010, 3, 1))
    return plan_from_layout(doc_of(_blocks()), info)


def test_names_resolved_on_the_document_date(res2010):
    m1, m2 = res2010.measures
    r = m1.responsibilities[0]
    assert (r.ministry_id, r.role, r.ministry_name, r.as_written) == ("justice", "lead", "Justis- og politidepartementet", "JD")
    assert m2.title == "Bedre oppfølging"
    r2 = m2.responsibilities[0]
    assert r2.role == "lead" and r2.ministry_name == "Barne-, likestillings- og inkluderingsdepartementet"
    assert res2010.ministers[0].ministry_name == "Justis- og politidepartementet"
    assert res2010.document.stated_measure_count == 2


def test_enrichment_agencies_children_mentions(res2010):
    m1, m2 = res2010.measures
    assert "Politidirektoratet" in m1.agencies and "Utlendingsdirektoratet" in m1.agencies
    assert m1.mentions_children and not m2.mentions_children
    assert m1.cross_references == ["2"]
    ms = [x for x in res2010.mentions if x.context == f"measure:{m1.measure_id}"]
    assert ms, res2010.mentions
    for x in ms:
        assert m1.text[x.start : x.end] == x.text
        assert x.document_id == "eks-2010" and x.page == 2
    assert any(x.label == "MINISTRY" and x.ministry_id == "health-care" for x in ms)
