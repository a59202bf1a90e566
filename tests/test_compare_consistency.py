"""Press release vs plan consistency checks."""

from __future__ import annotations

from datetime import date

from pipeline.compare import check_consistency, consistency_markdown
from pipeline.model import DocumentInfo, Minister, Part, PressReleaseFacts
from tests.test_compare_data import PARTS, base_entries, make_plan


def press(measures=12, parts=3, ministries=5, minors=True, emphasis="Dette inngår i alle de tre hoveddelene."):
    # Facts shaped like the 2016 press release (ministers' names as published); parts are those of the synthetic plan.
    ministers = [
        Minister("Anders Anundsen", "Justis- og beredskapsminister", "JD", "Justis- og beredskapsdepartementet", "JD"),
        Minister("Sylvi Listhaug", "Innvandrings- og integreringsminister", "JD", "Justis- og beredskapsdepartementet", "JD"),
        Minister("Solveig Horne", "Barne- og likestillingsminister", "BLD", "Barne- og likestillingsdepartementet", "BLD"),
        Minister("Anniken Hauglie", "Arbeids- og sosialminister", "ASD", "Arbeids- og sosialdepartementet", "ASD"),
        Minister("Børge Brende", "Utenriksminister", "UD", "Utenriksdepartementet", "UD"),
        Minister("Bent Høie", "Helse- og omsorgsminister", "HOD", "Helse- og omsorgsdepartementet", "HOD"),
    ]
    doc = DocumentInfo("pm", "press_release", "Styrket samarbeid", published=date(2016, 6, 1),
                       stated_measure_count=measures, stated_part_count=parts)
    return PressReleaseFacts(
        document=doc,
        ministers=ministers,
        stated_minister_count=6,
        stated_ministry_count=ministries,
        parts=[Part(1, "Samordnede tiltak for å beskytte ofrene"), Part(2, PARTS[2]), Part(3, "Styrke internasjonalt samarbeid")],
        emphasises_minors=minors,
        emphasis_text=emphasis,
    )


def rows(checks):
    return {c.check: c for c in checks}


def test_consistent_counts_titles_and_ministries():
    plan = make_plan("plan", base_entries())
    checks = check_consistency(press(), plan, mentions_children=lambda t: "barn" in t.lower())
    r = rows(checks)
    assert r["measure_count"].agrees and r["measure_count"].stated == "12" and r["measure_count"].extracted == "12"
    assert r["part_count"].agrees
    assert r["part_title:1"].agrees and "Del 1" in r["part_title:1"].detail
    assert r["part_title:2"].agrees and "score 1.00" in r["part_title:2"].detail
    t3 = r["part_title:3"]
    assert not t3.agrees and t3.extracted == PARTS[3] and "best match Del 3" in t3.detail
    # five ministries behind the plan (JD twice); the plan uses exactly those five
    assert r["ministry_count"].agrees
    assert {k for k in r if k.startswith("ministry:")} == {"ministry:JD", "ministry:BLD", "ministry:ASD", "ministry:UD", "ministry:HOD"}
    assert all(r[k].agrees for k in r if k.startswith("ministry:"))
    assert r["minors"].agrees and r["minors"].extracted.endswith("of 12 measures mention children")
    # "alle ... hoveddelene": one check per part; part 1 has no measure about children here
    assert {k for k in r if k.startswith("minors_part:")} == {"minors_part:1", "minors_part:2", "minors_part:3"}
    assert not r["minors_part:1"].agrees and r["minors_part:2"].agrees and r["minors_part:3"].agrees
    md = consistency_markdown(checks)
    assert md.startswith("### pm → plan\n") and "| measure\\_count | 12 | 12 | yes |" in md
    assert "checks agree.** Not confirmed: part\\_title:3" in md


def test_disagreements_both_ways():
    entries = base_entries()
    p, t, x, lead, co = entries[0]
    entries[0] = (p, t, x, lead, co + ["KD"])  # a ministry not behind the plan
    entries = [e for e in entries if e[3] != "ASD" and "ASD" not in e[4]]  # ASD responsible for nothing
    plan = make_plan("plan", entries)
    for m in plan.measures:
        m.mentions_children = False  # neither the flags nor the detector find children
    r = rows(check_consistency(press(measures=26, parts=4), plan, mentions_children=lambda t: False))
    assert not r["measure_count"].agrees and r["measure_count"].detail == "difference -15"
    assert not r["part_count"].agrees
    assert not r["ministry:KD"].agrees and r["ministry:KD"].stated is None and "not among" in r["ministry:KD"].detail
    assert not r["ministry:ASD"].agrees and r["ministry:ASD"].extracted is None
    assert r["ministry:JD"].agrees
    assert not r["minors"].agrees and r["minors"].extracted.startswith("0 of")


def test_unstated_facts_are_reported_not_confirmed():
    plan = make_plan("plan", base_entries())
    pr = press(measures=None, parts=None, ministries=None, minors=False, emphasis=None)
    pr.parts = []
    r = rows(check_consistency(pr, plan, mentions_children=lambda t: False))
    assert r["measure_count"].stated is None and not r["measure_count"].agrees
    assert "not stated" in r["measure_count"].detail
    assert not r["minors"].agrees and r["minors"].stated is None
    assert not any(k.startswith("part_title") or k.startswith("minors_part") for k in r)


def test_real_press_release_against_synthetic_plan():
    """The 2016 press release (corpus text, parsed by the sources layer) vs a synthetic 26-measure plan."""
    import pytest

    sources = pytest.importorskip("pipeline.sources")
    from pathlib import Path

    from tests.plangen.build import build_plan
    from tests.test_compare_eval import spec_to_extraction

    from pipeline.sources.press_release import extract_press_release

    path = Path(__file__).resolve().parents[1] / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
    facts = extract_press_release(sources.read_article(path), "pm2016", on=date(2016, 12, 14))
    plan = spec_to_extraction(build_plan("menneskehandel", date(2016, 12, 14), 3, name="syntetisk", n_measures=26))
    checks = check_consistency(facts, plan)
    r = rows(checks)
    assert r["measure_count"].stated == "26" and r["measure_count"].extracted == "26" and r["measure_count"].agrees
    assert r["part_count"].stated == "4" and r["part_count"].agrees
    assert [k for k in r if k.startswith("part_title:")] == [f"part_title:{i}" for i in range(1, 5)]
    assert all("best match Del" in r[f"part_title:{i}"].detail for i in range(1, 5))
    behind = {k for k in r if k.startswith("ministry:") and r[k].stated}
    assert len(behind) == 5  # six ministers, five ministries
    assert r["ministry_count"].stated == "5"
    assert r["minors"].stated == "emphasis on minors"
    assert [k for k in r if k.startswith("minors_part:")] == [f"minors_part:{i}" for i in range(1, 5)]
    md = consistency_markdown(checks)
    assert md.count("\n| ") == len(checks) + 1
