"""Press-release facts (pipeline.sources.press_release), with the real ministry registry."""

from __future__ import annotations

from datetime import date
import shutil
from pathlib import Path

import pytest

from pipeline.model import Article, Attachment
from pipeline.sources.articles import read_article
from pipeline.sources.manifest import load_manifest
from pipeline.sources.press_release import (
    extract_landing_page,
    extract_press_release,
    find_minor_emphasis,
    find_parts,
    find_ministers,
    naming_date,
    publication_date,
    stated_counts,
)

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "tests" / "data" / "html"
PR_ID = "pm-2016-styrket-samarbeid-mot-menneskehandel"

SEED_PARTS = [
    "Samordnede og effektive tiltak for å beskytte og fremme ofres rettigheter",
    "Forbedre politiets organisering og innsats",
    "Økt kunnskap for å avdekke og forebygge menneskehandel",
    "Styrke internasjonalt samarbeid mot menneskehandel",
]


@pytest.fixture(scope="module")
def seed_facts():
    m = load_manifest(ROOT / "corpus" / "manifest.toml")
    src = m.by_id(PR_ID)
    return extract_press_release(read_article(src.local_path), src.id, source_url=src.url, sha256="ab" * 32)


def test_seed_document(seed_facts):
    d = seed_facts.document
    assert d.document_id == PR_ID and d.kind == "press_release"
    assert d.title == "Styrket samarbeid mot menneskehandel"
    assert d.publisher_ministry_id == "justice"
    assert d.publisher_name == "Justis- og beredskapsdepartementet"
    assert d.government == "Regjeringen Solberg"
    assert d.published is None  # the seed has no date line: never invented
    assert d.stated_measure_count == 26 and d.stated_part_count == 4
    assert d.sha256 == "ab" * 32 and "id2522345" in d.source_url
    assert d.plan_url is None  # text form: the URL comes from the manifest relation


def test_seed_ministers(seed_facts):
    got = [(m.name, m.title, m.ministry_name, m.abbreviation) for m in seed_facts.ministers]
    assert got == [
        ("Anders Anundsen", "Justis- og beredskapsminister", "Justis- og beredskapsdepartementet", "JD"),
        ("Sylvi Listhaug", "Innvandrings- og integreringsminister", "Justis- og beredskapsdepartementet", "JD"),
        ("Solveig Horne", "Barne- og likestillingsminister", "Barne- og likestillingsdepartementet", "BLD"),
        ("Anniken Hauglie", "Arbeids- og sosialminister", "Arbeids- og sosialdepartementet", "ASD"),
        ("Børge Brende", "Utenriksminister", "Utenriksdepartementet", "UD"),
        ("Bent Høie", "Helse- og omsorgsminister", "Helse- og omsorgsdepartementet", "HOD"),
    ]
    assert len({m.ministry_id for m in seed_facts.ministers}) == 5
    assert seed_facts.stated_minister_count == 6 and seed_facts.stated_ministry_count == 5


def test_seed_parts_and_fakta(seed_facts):
    assert [p.title for p in seed_facts.parts] == SEED_PARTS
    assert [p.number for p in seed_facts.parts] == [1, 2, 3, 4]
    assert [len(p.key_points) for p in seed_facts.parts] == [4, 2, 1, 1]
    assert seed_facts.parts[0].key_points[0].startswith(
        "Koordineringsenheten for ofre for menneskehandel vil få et nytt mandat")
    assert any("Politidirektoratet skal sikre" in k for k in seed_facts.parts[1].key_points)
    assert seed_facts.parts[3].key_points[0].startswith("Norges pådriverrolle")


def test_seed_minors_and_link(seed_facts):
    assert seed_facts.emphasises_minors
    assert seed_facts.emphasis_text == ("Spesiell vekt er lagt på tiltak som skal hindre menneskehandel der "
                                        "mindreårige utnyttes. Dette inngår i alle de fire hoveddelene.")
    assert seed_facts.plan_link_text == "Regjeringens handlingsplan mot menneskehandel (PDF, 1 mb)"
    assert seed_facts.body.startswith("Regjeringen lanserer i dag")


def test_seed_plan_url_from_manifest():
    a = read_article(ROOT / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt")
    f = extract_press_release(a, PR_ID, plan_url="https://www.regjeringen.no/contentassets/x/plan.pdf",
                              on=date(2016, 10, 20))
    assert f.document.plan_url == "https://www.regjeringen.no/contentassets/x/plan.pdf"
    assert f.document.published == date(2016, 10, 20)


def test_2010_archive_press_release():
    f = extract_press_release(read_article(HTML / "pressemelding-2010-arkiv-syntetisk.html"), "pm-2010")
    d = f.document
    assert d.published == date(2010, 12, 27)
    assert d.publisher_name == "Justis- og politidepartementet" and d.publisher_ministry_id == "justice"
    assert d.government == "Regjeringen Stoltenberg II"
    assert d.stated_measure_count == 35 and d.stated_part_count == 5  # "trettifem tiltak", "fem innsatsområder"
    assert d.plan_url == "https://www.regjeringen.no/upload/JD/Vedlegg/eksempelplan-syntetisk-2010.pdf"
    assert [(m.name, m.title, m.ministry_name) for m in f.ministers] == [
        ("Knut Storberget", "Justisminister", "Justis- og politidepartementet"),
        ("Audun Lysbakken", "Barne-, likestillings- og inkluderingsminister",
         "Barne-, likestillings- og inkluderingsdepartementet"),
        ("Hanne Bjurstrøm", "Arbeidsminister", "Arbeidsdepartementet"),
        ("Jonas Gahr Støre", "Utenriksminister", "Utenriksdepartementet"),
    ]
    assert (f.stated_minister_count, f.stated_ministry_count) == (4, 4)
    assert [len(p.key_points) for p in f.parts] == [1, 2, 1, 0, 0]  # FAKTA subheadings reworded
    assert f.emphasises_minors and "barn" in f.emphasis_text


def test_2019_current_press_release():
    f = extract_press_release(read_article(HTML / "pressemelding-2019-syntetisk.html"), "pm-2019")
    d = f.document
    assert d.published == date(2019, 3, 15) and d.stated_measure_count == 22 and d.stated_part_count == 3
    assert d.plan_url.endswith("/eksempelplan-vold-2019.pdf")  # the plan, not the summary
    assert f.plan_link_text == "Eksempelplan mot vold i nære relasjoner (PDF, 2 mb)"
    got = [(m.name, m.abbreviation) for m in f.ministers]
    assert got == [("Kari Nordmann", "JD"), ("Ola Eksempel", "KD"), ("Per Prøvesen", "BFD"),
                   ("Lise Testesen", "HOD"), ("Siri Syntetisk", "HOD")]
    assert f.ministers[2].ministry_name == "Barne- og familiedepartementet"
    assert (f.stated_minister_count, f.stated_ministry_count) == (5, 4)
    assert [p.key_points for p in f.parts] == [
        ["Eksempelpunkt A om forebygging.", "Eksempelpunkt B om tidlig innsats."],
        ["Eksempelpunkt C om beskyttelse."], ["Eksempelpunkt D om samordning."]]
    assert f.emphasis_text == "Barn og unge er prioritert i eksempelplanen. Dette gjelder alle de tre hoveddelene."


def test_ministers_in_running_text_and_name_first():
    text = ("Planen ble lagt fram av statsminister Jens Stoltenberg og justisminister Knut Storberget. "
            "– Viktig, sier Storberget. Ministeren for øvrig var ikke til stede. "
            "Knut Storberget, justisminister, svarte på spørsmål.")
    ms = find_ministers(text, date(2010, 12, 27))
    assert [(m.name, m.abbreviation) for m in ms] == [("Jens Stoltenberg", "SMK"), ("Knut Storberget", "JD")]


def test_no_ministers_without_titles():
    assert find_ministers("Anundsen sa at ministeren ville komme tilbake.", date(2016, 1, 1)) == []


def test_counts_and_emphasis_negative():
    c = stated_counts("Planen har tjueseks tiltak. Tre statsråder i to departementer står bak planen.")
    assert (c.measures, c.ministers, c.ministries, c.parts) == (26, 3, 2, None)
    assert find_minor_emphasis("Politiet skal bli bedre i saker som angår barn.") is None
    assert find_minor_emphasis("Det legges særlig vekt på barn og unge.") == "Det legges særlig vekt på barn og unge."


def test_dates_from_text_and_url():
    a = Article(title="T", body="Oslo, 27. desember 2010. Tekst.")
    assert publication_date(a) == date(2010, 12, 27)
    assert publication_date(a, on=date(2011, 1, 1)) == date(2011, 1, 1)
    assert naming_date(None, "https://www.regjeringen.no/no/x/pressemeldinger/2016/y/id1/") == date(2016, 7, 1)
    assert naming_date(None, None) is None


def test_landing_page():
    info, links = extract_landing_page(read_article(HTML / "landingsside-syntetisk.html"))
    assert info.kind == "landing_page" and info.document_id == "id0000003"
    assert info.publisher_name == "Justis- og beredskapsdepartementet" and info.published == date(2019, 3, 15)
    assert info.stated_measure_count == 22  # "tjueto tiltak" in the ingress
    assert [x.text for x in links] == ["Eksempelplan mot vold i nære relasjoner (PDF, 2 mb)", "Sammendrag (pdf)"]
    assert info.plan_url == links[0].url and all(x.is_pdf for x in links)


def test_landing_page_without_pdf():
    a = Article(title="Side", body="Tekst", attachments=[Attachment("https://www.regjeringen.no/a.epub", "E", False)])
    info, links = extract_landing_page(a, "lp")
    assert links == [] and info.plan_url is None and info.document_id == "lp"


def test_press_release_from_manifest(tmp_path):
    """A manifest entry's press release: the manifest's file, sha256 and the plan URL its landing page links."""
    import shutil

    from pipeline.documents.extract import extract_job
    from pipeline.runs.jobs import jobs_from_manifest
    from pipeline.sources.downloads import plan_url_for

    m = load_manifest(ROOT / "corpus" / "manifest.toml")
    jobs, _notes = jobs_from_manifest(m)
    (job,) = [j for j in jobs if j.document_id == PR_ID]
    f = extract_job(job).press
    assert f.document.local_path.endswith("pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt")
    assert len(f.document.sha256) == 64 and len(f.ministers) == 6
    assert f.document.plan_url == m.by_id("lp-2016-menneskehandel").url  # the landing page links the PDF
    # with the landing page saved, the plan URL comes from its PDF link
    shutil.copy(HTML / "landingsside-syntetisk.html", tmp_path / "lp.html")
    (tmp_path / "m.toml").write_text(
        '[[source]]\nid = "lp"\nkind = "landing_page"\ntitle = "LP"\n'
        'url = "https://www.regjeringen.no/no/dokumenter/eksempelplan-syntetisk/id0000003/"\nfile = "lp.html"\n'
        '[[source]]\nid = "plan"\nkind = "plan"\ntitle = "Plan"\nlanding_page = "lp"\n', encoding="utf-8")
    m2 = load_manifest(tmp_path / "m.toml")
    assert plan_url_for(m2, "plan").endswith("/eksempelplan-vold-2019.pdf")


def test_name_boundaries():
    text = ("– Godt, sier utenriksminister Børge Brende FN-sporet er viktig. "
            "Arbeids- og sosialminister Anne-Grete Strøm-Erichsen (Ap) og statsminister Jonas G. Støre deltok.")
    ms = find_ministers(text, date(2016, 6, 1))
    assert [m.name for m in ms] == ["Børge Brende", "Anne-Grete Strøm-Erichsen", "Jonas G. Støre"]


def test_part_count_ignores_genitive_and_prefers_intro():
    c = stated_counts("Planen har tiltak på seks statsråders områder. Planen har fire ulike hoveddeler.")
    assert c.parts == 4
    body = ("Tiltak på seks statsråders områder. Tiltak på seks statsråders områder.\n\n"
            "Planen har 12 tiltak i tre innsatsområder:\n\n• A del\n• B del\n• C del")
    f = extract_press_release(Article(title="T", body=body), "x", on=date(2016, 1, 1))
    assert f.document.stated_part_count == 3 and [p.title for p in f.parts] == ["A del", "B del", "C del"]


def test_fetched_landing_page_gives_the_plan_url(tmp_path):
    """A landing page saved by `tiltak fetch` (corpus/downloads/<id>.html) is read like a manifest file."""
    from pipeline.sources.downloads import download_path, plan_url_for

    (tmp_path / "manifest.toml").write_text(
        '[[source]]\nid = "lp"\nkind = "landing_page"\ntitle = "Landingsside"\n'
        'url = "https://www.regjeringen.no/no/dokumenter/lp/id2/"\n\n'
        '[[source]]\nid = "plan"\nkind = "plan"\ntitle = "Plan"\nlanding_page = "lp"\n',
        encoding="utf-8",
    )
    m = load_manifest(tmp_path / "manifest.toml")
    assert plan_url_for(m, "plan") is None  # nothing fetched yet
    saved = download_path(m, m.by_id("lp"))
    saved.parent.mkdir(parents=True)
    shutil.copy(HTML / "landingsside-syntetisk.html", saved)
    assert plan_url_for(m, "plan").endswith(".pdf")


def test_fakta_stops_at_trailer():
    body = ("Planen har 2 tiltak i to hoveddeler:\n\n• Første del av planen\n• Andre del av planen\n\nFAKTA\n\n"
            "Første del av planen\n\nPunkt 1.\n\nAndre del av planen\n\nPunkt 2.\n\nPressekontakt:\n\nNavn Navnesen")
    parts, _ = find_parts(body)
    assert [p.key_points for p in parts] == [["Punkt 1."], ["Punkt 2."]]
