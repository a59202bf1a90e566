"""The web-document fixtures (tests/webgen, tests/data/webdocs): deterministic, honest, and true to their truth."""

from __future__ import annotations

import functools
import json
import random
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment

from tests.plangen import ministries as mins
from tests.webgen import (EDIT_KINDS, DocRecipe, build_doc, generate_random_set, generate_standard_set, random_recipe,
                          render_document, saved_files)
from tests.webgen.spec import SYNTHETIC_NOTICE

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "webdocs"


@functools.lru_cache(maxsize=512)
def _soup(path: Path) -> BeautifulSoup:
    """The parsed page (cached: callers must not change it)."""
    return BeautifulSoup(path.read_bytes(), "lxml")


def _ws(s: str) -> str:
    return " ".join(s.split())


def _visible_text(soup: BeautifulSoup) -> str:
    """What a browser shows: the body without scripts, styles, templates and <noscript>."""
    hidden = ("script", "style", "template", "noscript")
    return _ws(" ".join(t for t in soup.body.find_all(string=True)
                        if not isinstance(t, Comment) and not t.find_parent(hidden)))


def _blocks_text(el) -> str:
    """Text of the paragraphs, list items, cells and headings under ``el`` (inline markup joined without spaces)."""
    return " ".join(_ws(x.get_text("")) for x in el.find_all(["p", "li", "td", "th", "h2", "h3", "h4", "caption"]))


def _og_url(soup: BeautifulSoup) -> str | None:
    m = soup.find("meta", property="og:url")
    return m["content"] if m else None


# --------------------------------------------------------------------------- invariants of one document


def check_document(truth_path: Path, folder: Path, missing: set[int] = frozenset()) -> None:
    """Everything the truth says can be found in the saved pages, where it says."""
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    doc = truth["document"]
    assert truth["synthetic"] is True and truth["notice"] == SYNTHETIC_NOTICE
    assert doc["source_format"] == "html"
    pages = {}
    for c in doc["chapters"]:
        if c["number"] in missing:
            assert c["file"] is None
            continue
        p = folder / c["file"]
        soup = _soup(p)
        assert _og_url(soup) == c["url"], p.name
        assert doc["document_id"] in c["url"]
        body = soup.select_one("div.article-body")
        assert _ws(body.find("h2").get_text("")) == c["title"], p.name
        assert soup.select_one("header.article-header h1").get_text(strip=True) == doc["title"]
        assert soup.find("a", string="Til innholdsfortegnelse")["href"].rstrip("/").endswith(doc["document_id"])
        pages[c["number"]] = soup
    front = _soup(folder / doc["front_page"])
    assert _og_url(front) == doc["url"]
    toc = [a["href"] for a in front.select("nav.longdoc-toc > ol > li > a")]
    assert [h.rsplit("/", 1)[-1].replace("?ch=", "") for h in toc] == \
        [c["url"].rsplit("/", 1)[-1].replace("?ch=", "") for c in doc["chapters"]], "TOC order = chapter order"
    assert len(doc["toc"]) >= len(doc["chapters"])
    numbers = [m["number"] for m in truth["measures"] if m["number_printed"]]
    assert len(numbers) == len(set(numbers)), "printed numbers are unique"
    if not missing:
        assert [m["ordinal"] for m in truth["measures"]] == list(range(1, len(truth["measures"]) + 1))
    parts = {p["number"]: p for p in truth["parts"]}
    for m in truth["measures"]:
        soup = pages[m["chapter"]]
        assert m["url"] == next(c["url"] for c in doc["chapters"] if c["number"] == m["chapter"]) + "#" + m["anchor"]
        assert soup.find(id=m["anchor"]) is not None, (m["key"], m["anchor"])
        assert m["part_number"] in parts and parts[m["part_number"]]["title"] == m["part_title"]
        text = _blocks_text(soup.select_one("div.article-body"))
        assert m["title"] in text, (m["key"], m["title"])
        assert _ws(m["text"]) in text, m["key"]
        assert m["responsibility_as_printed"] in text, (m["key"], m["responsibility_as_printed"])
        assert m["page_start"] is None and m["page_end"] is None
        for name in [m["lead"], *m["co"]]:
            assert mins.by_name(name) and any(x.name == name and x.valid_from <= date.fromisoformat(doc["date"]) <= x.valid_to
                                              for x in mins._TABLE), (name, doc["date"])
        if m["style"] in ("body", "both"):
            el = soup.find(id=m["anchor"])
            head = el if el.name in ("h2", "h3", "h4") else el.parent  # <p><strong><a id=…></a>Tiltak …</strong></p>
            marker = head.find("sup")
            if m["footnote_marker"]:
                assert marker is not None and marker.get_text(strip=True) == m["footnote_marker"]
            else:
                assert marker is None
            heading = "".join(t for t in head.find_all(string=True) if not t.find_parent("sup"))
            assert _ws(heading) == m["heading_as_printed"], m["key"]
            assert m["heading_as_printed"].endswith(m["title"])
            assert re.match(r"Tiltak " + re.escape(m["number"]) + r"[: –]", m["heading_as_printed"])
        else:
            assert m["text"] == "" and m["heading_as_printed"] is None
        if m["style"] == "list":
            assert m["number"] is None and m["responsibility_as_printed"].startswith("(Ansvar:")
            assert "Regjeringen vil:" in text
        if m["style"] == "table":
            table = next(t for t in soup.find_all("table") if t.caption and t.caption.get_text() == m["table_caption"])
            row = next(tr for tr in table.find_all("tr") if tr.find("td") and _ws(tr.find("td").get_text()) == m["number"])
            assert m["title"] in row.get_text("") and m["responsibility_as_printed"] in row.get_text("")
        if m["style"] == "both":
            srow = m["summary_row"]
            assert srow and srow["chapter"] in pages
            assert m["title"] in _blocks_text(pages[srow["chapter"]].find(id=srow["url"].split("#")[1]))
    for p in truth["parts"]:
        assert pages[p["chapter"]].find(id=p["url"].split("#")[1]) is not None
        assert p["measure_count"] == sum(1 for m in truth["measures"] if m["part_number"] == p["number"])


def check_chrome(folder: Path, truth_path: Path) -> None:
    """Every page's chrome lists every ministry, so a reader taking all text would find them all."""
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    menu = truth["document"]["site_menu_ministries"]
    assert len(menu) >= 16
    archived = truth["document"]["archived"]
    for p in sorted(folder.glob("*.html")):
        soup = _soup(p)
        nav = _ws(soup.select_one("nav.megaMenu").get_text(" "))
        for name in menu:
            assert name in nav, (p.name, name)
        if not archived:
            for m in truth["measures"]:
                for name in [m["lead"], *m["co"]]:
                    assert name in nav, (p.name, name)


def check_synthetic(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    soup = _soup(path)
    meta = soup.find("meta", attrs={"name": "synthetic-test-document"})
    assert meta is not None and meta["content"] == SYNTHETIC_NOTICE, path
    vis = _visible_text(soup)
    if vis:
        assert SYNTHETIC_NOTICE in vis, path
    else:  # the scripts-only page has no visible content at all: its notice is in <noscript> and a comment
        assert SYNTHETIC_NOTICE in soup.find("noscript").get_text() and f"<!-- {SYNTHETIC_NOTICE}" in raw


def _doc_entries(manifest: dict) -> list[tuple[Path, Path]]:
    out = [(DATA / d["truth"], DATA / d["folder"]) for d in manifest["documents"]]
    for p in manifest["pairs"]:
        out += [(DATA / p["old"]["truth"], DATA / p["old"]["folder"]), (DATA / p["new"]["truth"], DATA / p["new"]["folder"])]
    return out


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the committed set


def test_committed_set_is_what_the_generator_writes(tmp_path):
    generate_standard_set(tmp_path, pdf=False)
    made = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    committed = {p.relative_to(DATA) for p in DATA.rglob("*") if p.is_file() and p.suffix != ".pdf" and p.name != "README.md"}
    assert made == committed
    for rel in sorted(made):
        assert (tmp_path / rel).read_bytes() == (DATA / rel).read_bytes(), rel


def test_committed_documents_match_their_truth(manifest):
    for truth, folder in _doc_entries(manifest):
        check_document(truth, folder)
        check_chrome(folder, truth)


def test_every_page_says_it_is_synthetic():
    pages = sorted(DATA.rglob("*.html"))
    assert len(pages) > 40
    for p in pages:
        if p.name.endswith(".print.html"):
            assert SYNTHETIC_NOTICE in p.read_text(encoding="utf-8")
        else:
            check_synthetic(p)
    for t in DATA.rglob("*.json"):
        if t.name.endswith((".truth.json", ".changes.json", ".expected.json")) or t.name == "manifest.json":
            assert json.loads(t.read_text(encoding="utf-8"))["notice"] == SYNTHETIC_NOTICE, t


def test_standard_set_covers_what_the_reader_must_handle(manifest):
    truths = [json.loads(t.read_text(encoding="utf-8")) for t, _ in _doc_entries(manifest)]
    first = json.loads((DATA / "strategi2025_utnytting.truth.json").read_text(encoding="utf-8"))
    assert len(first["document"]["chapters"]) == 10
    assert {m["style"] for m in first["measures"]} >= {"body", "list", "table"}  # three forms in one document
    assert any(m["part_number"] != m["chapter"] for m in first["measures"])  # innsatsområde number != chapter
    assert any(m["footnote_marker"] for m in first["measures"])
    assert {m["heading_tag"] for t in truths for m in t["measures"]} >= {"h2", "h3", "h4", "p-strong"}
    assert {t["document"]["naming"] for t in truths} >= {"fetch", "browser"}
    assert {t["document"]["variant"] for t in truths} == {"current", "sec"}
    assert any(t["document"]["archived"] for t in truths) and not all(t["document"]["archived"] for t in truths)
    assert any(m["style"] == "both" for t in truths for m in t["measures"])
    assert any(not p["number_printed"] for t in truths for p in t["parts"])
    assert any(m["number"] and "." in m["number"] for t in truths for m in t["measures"])  # "Tiltak 2.1"
    assert {d["split"] for d in manifest["documents"]} == {"calibrate", "score"}
    size = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    assert size < 2_000_000, size


def test_version_pair_truth(manifest):
    pair = manifest["pairs"][0]
    ch = json.loads((DATA / pair["changes"]).read_text(encoding="utf-8"))
    old = json.loads((DATA / pair["old"]["truth"]).read_text(encoding="utf-8"))
    new = json.loads((DATA / pair["new"]["truth"]).read_text(encoding="utf-8"))
    rows = ch["changes"]
    assert {r["change_type"] for r in rows} == {"unchanged", "reworded", "modified", "added", "removed", "split", "merged"}
    assert {e["kind"] for e in ch["edits"]} == set(EDIT_KINDS)
    assert sorted({r["old_key"] for r in rows if r["old_key"]}) == sorted(m["key"] for m in old["measures"])
    assert sorted({r["new_key"] for r in rows if r["new_key"]}) == sorted(m["key"] for m in new["measures"])
    assert sum(r["renumbered"] for r in rows) >= 5
    renamed = [r for r in rows if r["ministries_renamed"]]
    assert renamed and not any(r["responsibility_changed"] for r in renamed if r["change_type"] == "unchanged")
    assert any(r["responsibility_changed"] and r["ministries_added"] for r in rows if r["change_type"] == "unchanged")
    by_old = {m["key"]: m for m in old["measures"]}
    by_new = {m["key"]: m for m in new["measures"]}
    for r in rows:
        if r["old_key"]:
            assert r["old_title"] == by_old[r["old_key"]]["title"] and r["old_url"] == by_old[r["old_key"]]["url"]
        if r["new_key"]:
            assert r["new_title"] == by_new[r["new_key"]]["title"] and r["new_url"] == by_new[r["new_key"]]["url"]
        if r["change_type"] == "unchanged":
            assert r["old_title"] == r["new_title"]
    assert old["document"]["document_id"] != new["document"]["document_id"]
    assert old["document"]["government"] != new["document"]["government"]


def test_pdf_twin_is_the_web_document_printed(manifest):
    twin = manifest["pdf"][0]
    html_bytes = (DATA / twin["print_html"]).read_bytes()
    import hashlib

    assert hashlib.sha256(html_bytes).hexdigest() == twin["print_html_sha256"]
    pdf_truth = json.loads((DATA / twin["truth"]).read_text(encoding="utf-8"))
    web = json.loads((DATA / f"{twin['web_document']}.truth.json").read_text(encoding="utf-8"))
    keys = ("key", "number", "title", "text", "part_number", "part_title", "lead", "co", "style")
    assert [{k: m[k] for k in keys} for m in pdf_truth["measures"]] == [{k: m[k] for k in keys} for m in web["measures"]]
    assert pdf_truth["document"]["source_format"] == "pdf" and all(m["url"] is None for m in pdf_truth["measures"])
    changes = json.loads((DATA / twin["changes"]).read_text(encoding="utf-8"))["changes"]
    assert len(changes) == len(web["measures"]) and {r["change_type"] for r in changes} == {"unchanged"}
    pdf = DATA / twin["pdf"]
    assert pdf.read_bytes()[:5] == b"%PDF-"
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    text = _ws(" ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))).replace("\ufffe", "").replace("\x02", ""))
    assert SYNTHETIC_NOTICE in text
    squeezed = text.replace(" ", "")
    for m in web["measures"]:
        assert m["title"].replace(" ", "") in squeezed, m["title"]


def test_bad_input_cases(manifest):
    cases = {c["case"]: json.loads((DATA / c["expected"]).read_text(encoding="utf-8")) for c in manifest["bad"]}
    assert set(cases) == {"mixed-two-documents", "missing-chapter", "not-a-document", "scripts-only"}
    # two documents in one folder: their pages carry two ids; each document is complete and true
    mixed = DATA / "bad" / "mixed-two-documents"
    ids = {re.search(r"/(id\d+)/", _og_url(_soup(p))).group(1) for p in mixed.glob("*.html")}
    assert ids == {d["document_id"] for d in cases["mixed-two-documents"]["documents"]} and len(ids) == 2
    assert not any(i in p.name for p in mixed.iterdir() for i in ids), "browser file names carry no id"
    for d in cases["mixed-two-documents"]["documents"]:
        check_document(DATA / "bad" / d["truth"], mixed)
    # missing chapter: listed on the front page, absent from the folder, named in the expected warning
    w = cases["missing-chapter"]["warnings"][0]
    folder = DATA / "bad" / "missing-chapter"
    front = _soup(folder / "index.html")
    assert any(w["url"].endswith(a["href"]) for a in front.select("nav.longdoc-toc a"))
    assert not (folder / f"ch-{w['chapter']}.html").exists()
    check_document(DATA / "bad" / cases["missing-chapter"]["documents"][0]["truth"], folder, missing={w["chapter"]})
    # not a document: no table of contents, no chapter links
    for err in cases["not-a-document"]["errors"]:
        soup = _soup(DATA / "bad" / "not-a-document" / err["file"])
        assert soup.select_one("nav.longdoc-toc") is None
        assert _og_url(soup) == err["url"]
    # scripts only: nothing visible, the text is inside a script
    err = cases["scripts-only"]["errors"][0]
    soup = _soup(DATA / "bad" / "scripts-only" / err["file"])
    assert _visible_text(soup) == "" and "Tiltak" not in _visible_text(soup)
    assert "__PAGE_STATE__" in soup.find("script").get_text()


# --------------------------------------------------------------------------- the generator


def test_generator_is_deterministic_per_seed():
    rng = random.Random(3)
    recipe = random_recipe(rng, "det", 9919999)

    def files(r):
        doc = build_doc(r)
        return saved_files(doc, render_document(doc), r.naming)

    assert files(recipe) == files(recipe)
    other = DocRecipe(**{**recipe.__dict__, "seed": recipe.seed + 1})
    assert files(other) != files(recipe)


def test_ten_chapter_document_is_built_quickly():
    import time

    recipe = DocRecipe("fart", "utnytting", date(2025, 3, 14), seed=9, doc_id=9919998, n_parts=5, per_part=5,
                       styles=("body", "list", "table", "body", "body"), summary=True)
    t0 = time.perf_counter()
    doc = build_doc(recipe)
    saved_files(doc, render_document(doc), "fetch")
    seconds = time.perf_counter() - t0
    assert len(doc.chapters) == 11
    print(f"11-chapter document built and rendered in {seconds:.3f} s")  # reported, not asserted (benchmarks/)


def test_random_seed_invariants(tmp_path):
    seed = random.SystemRandom().randrange(1_000_000)
    print(f"webgen random seed: {seed} (reproduce: python -m tests.webgen OUT --random 3 --pairs 1 --seed {seed})")
    m = generate_random_set(tmp_path, 3, seed, pairs=1)
    for d in m["documents"]:
        check_document(tmp_path / d["truth"], tmp_path / d["folder"])
        check_chrome(tmp_path / d["folder"], tmp_path / d["truth"])
        for p in (tmp_path / d["folder"]).glob("*.html"):
            check_synthetic(p)
    for p in m["pairs"]:
        ch = json.loads((tmp_path / p["changes"]).read_text(encoding="utf-8"))
        assert {"added", "removed", "split", "merged", "modified", "reworded"} <= {r["change_type"] for r in ch["changes"]}
        for side in ("old", "new"):
            check_document(tmp_path / "pairs" / f"{p[side]}.truth.json", tmp_path / "pairs" / p[side])


def test_prose_is_not_borrowed_from_plangen():
    import tests.plangen.prose as pprose
    import tests.plangen.textbank as ptext
    import tests.plangen.versions as pver
    from tests.webgen import textbank as wtext

    def strings(obj, out):
        if isinstance(obj, str):
            out.append(obj)
        elif isinstance(obj, (tuple, list)):
            for x in obj:
                strings(x, out)
        elif isinstance(obj, dict):
            for x in obj.values():
                strings(x, out)
        elif hasattr(obj, "__dataclass_fields__") and not isinstance(obj, type):
            for f in obj.__dataclass_fields__:
                strings(getattr(obj, f), out)
        return out

    theirs = " ".join(strings([v for m in (ptext, pprose) for k, v in vars(m).items() if not k.startswith("_")], []))
    theirs += Path(pver.__file__).read_text(encoding="utf-8")
    mine = strings([v for k, v in vars(wtext).items() if not k.startswith("_") and k.isupper()], [])
    sentences = [s for x in mine for s in re.split(r"(?<=[.!?:])\s+", x) if len(s.split()) >= 6]
    assert len(sentences) > 150
    borrowed = [s for s in sentences if s in theirs]
    assert not borrowed, borrowed[:5]
