"""The committed producer fixtures (tests/data/producers): present, unchanged, marked synthetic, truth self-consistent.

The PDFs were printed by LibreOffice Writer and Chromium (``make fixtures`` rebuilds them where those are
installed); CI reads the committed files. No extraction accuracy is asserted here: the baseline is reported by
``benchmarks/eval_producers.py``. Every check reads the PDFs independently of the builder (pypdfium2 text,
its own parsing of printed numbers), so a truth that does not match its PDF fails here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.storage.files import sha256_file

DATA = Path(__file__).resolve().parent / "data" / "producers"
NOTICE = "Eksempelplan – syntetisk testdokument, ikke en offentlig plan"
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
PLANS = MANIFEST["plans"]
PAIRS = MANIFEST["pairs"]
_DROP = re.compile(r"[\s\-\u00ad\u2010\u2011\u0002\ufffe]+")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _c(s: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", s))


@lru_cache(maxsize=None)
def _pages(pdf: Path) -> tuple[str, ...]:
    """Compact text of every page (pypdfium2), whitespace and hyphens removed."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return tuple(_c(doc[i].get_textpage().get_text_range()) for i in range(len(doc)))
    finally:
        doc.close()


def _truth(rel: str) -> dict:
    return json.loads((DATA / rel).read_text(encoding="utf-8"))


def _all_docs() -> list[tuple[Path, dict]]:
    out = [(DATA / e["pdf"], _truth(e["truth"])) for e in PLANS]
    for e in PAIRS:
        ch = _truth(e["changes"])
        for side in ("old", "new"):
            out.append((DATA / "pairs" / ch[side]["pdf"], _truth("pairs/" + ch[side]["truth"])))
    return out


DOCS = _all_docs()
IDS = [p.stem for p, _ in DOCS]


def test_manifest_files_exist_and_match_sha256():
    for e in PLANS:
        assert sha256_file(DATA / e["pdf"]) == e["sha256"], f"{e['pdf']}: changed since the manifest; run make fixtures"
        assert sha256_file(DATA / e["truth"]) == e["truth_sha256"], e["truth"]
        assert _truth(e["truth"])["document"]["sha256"] == e["sha256"]
    for e in PAIRS:
        assert sha256_file(DATA / e["old_pdf"]) == e["old_sha256"]
        assert sha256_file(DATA / e["new_pdf"]) == e["new_sha256"]
        assert sha256_file(DATA / e["changes"]) == e["changes_sha256"]
    listed = {e["pdf"] for e in PLANS} | {e[k] for e in PAIRS for k in ("old_pdf", "new_pdf")}
    on_disk = {str(p.relative_to(DATA)) for p in DATA.rglob("*.pdf")}
    assert on_disk == listed, "PDFs in tests/data/producers must be listed in manifest.json"


def test_fixture_set_covers_producers_fonts_and_features():
    lo = [e for e in PLANS if e["producer"] == "libreoffice"]
    chrome = [e for e in PLANS if e["producer"] == "chromium"]
    assert len(lo) >= 4 and len(chrome) >= 6
    assert {"Carlito", "Caladea"} <= {e["font"] for e in lo}
    feats = {f for e in lo for f in e["features"]}
    assert {"justified", "hyphenation", "two_columns", "landscape_page", "overview_table_borderless", "table_measures",
            "footnotes", "toc_split_entry"} <= feats
    by_font: dict[str, set[str]] = {}
    for e in chrome:
        by_font.setdefault(e["font"], set()).add(e["measure_style"])
    assert len(by_font) >= 3
    for font, styles in by_font.items():
        assert "table" in styles and styles & {"body", "both"}, font
    for e in chrome:
        if e["measure_style"] == "table":
            assert any(f.startswith("parts:row") for f in e["features"]), e["name"]
    total = sum(p.stat().st_size for p in DATA.rglob("*.pdf"))
    assert total < 4_000_000, total
    assert all(p.stat().st_size < 5_000_000 for p in DATA.rglob("*"))


def test_split_holds_out_variants_seeds_and_a_topic():
    cal = [e for e in PLANS if e["split"] == "calibrate"]
    score = [e for e in PLANS if e["split"] == "score"]
    assert {e["split"] for e in PLANS + PAIRS} == {"calibrate", "score"}
    for prod in ("libreoffice", "chromium"):
        assert any(e["producer"] == prod for e in cal) and any(e["producer"] == prod for e in score), prod
    assert not {e["style"] for e in cal} & {e["style"] for e in score}
    assert not {e["seed"] for e in cal} & {e["seed"] for e in score}
    assert not {e["topic"] for e in cal} >= {e["topic"] for e in score}, "one topic is only in the held-out split"


@pytest.mark.parametrize("pdf,truth", DOCS, ids=IDS)
def test_marked_synthetic(pdf, truth):
    import pypdfium2 as pdfium

    assert truth["synthetic"] is True and truth["notice"] == NOTICE
    assert _c(NOTICE) in _pages(pdf)[0], f"{pdf.name}: the cover must carry the synthetic notice"
    doc = pdfium.PdfDocument(str(pdf))
    try:
        meta = doc.get_metadata_dict()
    finally:
        doc.close()
    assert NOTICE in meta.get("Title", ""), meta


@pytest.mark.parametrize("pdf,truth", DOCS, ids=IDS)
def test_truth_matches_its_pdf(pdf, truth):
    pages = _pages(pdf)
    d = truth["document"]
    assert d["page_count"] == len(pages) and d["file"] == pdf.name
    assert _c(d["date_on_title_page"]) in pages[0]
    if d["date_precision"] == "month":
        assert date.fromisoformat(d["date"]).day == 1
    if d["consultation_deadline"]:
        assert d["consultation_deadline"] != d["date"]
        dl = date.fromisoformat(d["consultation_deadline"])
        months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
                  "november", "desember"]
        assert _c("Høringsfristen") in "".join(pages) and _c(f"{dl.day}. {months[dl.month - 1]} {dl.year}") in "".join(pages)
    ms = truth["measures"]
    assert len(ms) == d["measure_count"] > 0
    assert len({m["number"] for m in ms}) == len(ms), "measure numbers are unique"
    assert [m["number"] for m in ms] == [str(i) for i in range(1, len(ms) + 1)]
    for m in ms:
        ps, pe = m["page_start"], m["page_end"]
        assert ps is not None and pe is not None and 1 < ps <= pe <= len(pages), (m["number"], ps, pe)
        if m["style"] == "table":
            assert m["text"] == "" and ps == pe == m["table_page"]
            assert _c(f"{m['number']} {m['title'].split()[0]}") in pages[ps - 1]
        else:
            assert _c(m["heading_as_printed"]) in pages[ps - 1], (pdf.name, m["number"])
            assert _c(m["responsibility_as_printed"])[-12:] in pages[pe - 1], (pdf.name, m["number"])
            assert m["text"] and _c(m["text"])[:40] in "".join(pages[ps - 1:pe])
        if m["style"] == "both":
            assert _c(f"{m['number']} {m['title'].split()[0]}") in pages[m["table_page"] - 1]
        if m["all_ministries"] and m["lead"]:
            assert (m["table_responsibility_as_printed"] or m["responsibility_as_printed"]).lower().count("alle") >= 1


def _printed_number(heading: str) -> int | None:
    """The part number a reader sees in a printed heading or part row."""
    if m := re.match(r"^Innsatsområde (\d+): ", heading):
        return int(m.group(1))
    if m := re.match(r"^Del ([IVX]+) ", heading):
        return _ROMAN[m.group(1)]
    if m := re.match(r"^(\d+) ", heading):
        return int(m.group(1))
    return None


@pytest.mark.parametrize("pdf,truth", DOCS, ids=IDS)
def test_parts_only_where_the_pdf_states_them(pdf, truth):
    pages = _pages(pdf)
    parts = {p["ordinal"]: p for p in truth["parts"]}
    for p in truth["parts"]:
        assert p["kind"] == "measures"
        assert _printed_number(p["heading_as_printed"]) == p["number"], p
        assert p["title"] in p["heading_as_printed"]
        assert _c(p["heading_as_printed"]) in pages[p["page_start"] - 1], (pdf.name, p["heading_as_printed"])
    for m in truth["measures"]:
        if m["part_stated"]:
            part = parts[m["part_ordinal"]]
            assert (m["part_number"], m["part_title"]) == (part["number"], part["title"])
            assert part["page_start"] <= m["page_start"]
        else:
            assert m["part_number"] is None and m["part_title"] is None and not truth["parts"]
    kinds = [c["kind"] for c in truth["chapters"]]
    assert kinds[0] == "front" and "intro" in kinds and "closing" in kinds
    for c in truth["chapters"]:
        assert _c(c["heading_as_printed"]) in pages[c["page_start"] - 1]
        assert c["number"] == _printed_number(c["heading_as_printed"])


@pytest.mark.parametrize("pdf,truth", DOCS, ids=IDS)
def test_ministries_are_real_on_the_plan_date(pdf, truth):
    from pipeline.reference import default_registry

    reg = default_registry()
    on = date.fromisoformat(truth["document"]["date"])
    names = {truth["document"]["publisher"]} | {mn["ministry"] for mn in truth["document"]["ministers"]}
    for m in truth["measures"]:
        names |= {n for n in [m["lead"], *m["co"]] if n}
        if m["all_ministries"] and not m["lead"]:
            assert "Alle" in (m["responsibility_as_printed"] or m["table_responsibility_as_printed"])
    for n in names:
        mod = reg.try_resolve(n, on)
        assert mod is not None, f"{pdf.name}: {n!r} is not a ministry on {on}"


@pytest.mark.parametrize("pdf,truth", DOCS, ids=IDS)
def test_toc_truth(pdf, truth):
    pages = _pages(pdf)
    toc = truth["document"]["toc"]
    assert toc and all(e["page"] and e["page_label"] == str(e["page"]) for e in toc)
    assert [e["page"] for e in toc] == sorted(e["page"] for e in toc)
    outline = truth["document"]["outline"]
    if outline:  # LibreOffice writes a bookmark per heading
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(pdf))
        try:
            marks = [(b.level + 1, b.get_title(), b.get_dest().get_index() + 1) for b in doc.get_toc()]
        finally:
            doc.close()
        assert marks == [(e["level"], e["title"], e["page"]) for e in outline], pdf.name
    split = truth["document"]["toc_split"]
    if truth["document"]["style"]["toc_split"]:
        assert split, pdf.name
    if split:
        assert _c(split["first_line"]) in pages[split["page"] - 1]
        assert _c(split["second_line"]).rstrip("0123456789.") in pages[split["page"]]


def test_pairs_truth():
    for e in PAIRS:
        ch = _truth(e["changes"])
        old = {m["key"]: m for m in _truth("pairs/" + ch["old"]["truth"])["measures"]}
        new = {m["key"]: m for m in _truth("pairs/" + ch["new"]["truth"])["measures"]}
        types = set()
        for r in ch["changes"]:
            types.add(r["change_type"])
            if r["old_key"]:
                assert old[r["old_key"]]["number"] == r["old_number"] and old[r["old_key"]]["title"] == r["old_title"]
                assert old[r["old_key"]]["part_number"] == r["old_part_number"]
            if r["new_key"]:
                assert new[r["new_key"]]["number"] == r["new_number"] and new[r["new_key"]]["title"] == r["new_title"]
                assert new[r["new_key"]]["part_number"] == r["new_part_number"]
        assert {"unchanged", "reworded", "modified", "added", "removed", "split", "merged"} <= types, e["name"]
        assert {r["old_key"] for r in ch["changes"] if r["old_key"]} == set(old)
        assert {r["new_key"] for r in ch["changes"] if r["new_key"]} == set(new)
    # the case the change report got wrong: same number, part and responsibility; title extended, prose rewritten
    rows = [r for e in PAIRS for r in _truth(e["changes"])["changes"]]
    ext = [r for r in rows if r["change_type"] == "modified" and r["old_number"] == r["new_number"]
           and not r["part_changed"] and not r["responsibility_changed"] and r["old_title"] != r["new_title"]
           and r["new_title"].startswith(r["old_title"].split(" i ")[0])]
    assert any(r["old_title"] == "Forebygging av tvangsarbeid i utsatte bransjer"
               and r["new_title"] == "Forebygging av tvangsarbeid og sosial dumping i utsatte bransjer" for r in ext)
