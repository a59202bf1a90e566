"""The standard set committed under ``tests/data/webdocs/`` and random sets for robustness evaluation.

``generate_standard_set(outdir)`` writes, deterministically (the same bytes every run):

* three documents, each a folder of saved pages + ``<name>.truth.json`` (see STANDARD_DOCS);
* ``pairs/``: two versions of one document + ``<pair>.changes.json``;
* ``pdf/``: the print version of the 10-chapter document (``.print.html``; ``.pdf`` when Chromium is there and
  ``pdf=True``), its truth, and ``<name>.pdf_web.changes.json`` (PDF vs web: every measure unchanged);
* ``bad/``: the bad-input cases with ``<case>.expected.json``;
* ``manifest.json``: every document with its split (``calibrate``: for tuning a reader; ``score``: for reporting).

The PDF is not byte-reproducible (Chromium writes dates and ids into it); the manifest records the sha256 of
the print HTML it was made from, and the tests check that HTML byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import asdict, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pipeline.storage.files import atomic_write_bytes
from tests.plangen import ministries as mins
from tests.plangen.versions import _change_truth

from . import bad, render
from .build import DocRecipe, build_doc, random_recipe
from .render import render_document, saved_files
from .spec import WebDoc
from .truth import document_truth
from .versions import add_locators, make_web_pair

SAVED = datetime(2026, 7, 14, 9, 30)

STANDARD_DOCS: tuple[tuple[DocRecipe, str, str], ...] = (
    # (recipe, split, what it exercises)
    (DocRecipe("strategi2025_utnytting", "utnytting", date(2025, 3, 14), seed=1, doc_id=9900001, doc_type="Strategi",
               layout="innsats", n_parts=5, per_part=5, styles=("body", "body", "list", "table", "body"),
               heading_tags=("h3", "h3", "h3", "h3", "h4"),
               resp=("ansvarlig_full", "ansvarlig_og", "ansvarlig_full", "ansvarlig_full", "ansvar_abbr"),
               front=("forord", "sammendrag", "innledning"), back=("oppfolging", "konsekvenser"), footnotes=3, toc_depth=2,
               earlier_fact=True, table_timeframe=True, saved_at=SAVED),
     "score", "current template, 10 chapters (?ch=1..10), innsatsområde 1-5 in chapters 4-8, measures as headings, "
              "a 'Regjeringen vil:' list and a tiltak table; footnote markers in headings; fetch layout"),
    (DocRecipe("handlingsplan2019_arbeidsliv", "arbeidsliv", date(2019, 6, 14), seed=2, doc_id=9900002,
               doc_type="Handlingsplan", layout="themed", naming="browser", n_parts=4, per_part=4,
               heading_tags=("h4", "h4", "h3", "h4"), resp=("ansvarlig_og",) * 4, front=("forord", "innledning", "status"),
               back=("konsekvenser",), summary=True, footnotes=2, saved_at=SAVED.replace(day=15, hour=13)),
     "calibrate", "archived (Regjeringen Solberg), one 'Tiltak' chapter with four unnumbered themes, summary table "
                  "(abbreviations and full names), statistics tables; saved by a browser ('Webpage, Complete')"),
    (DocRecipe("handlingsplan2011_vold_arkiv", "vold", date(2011, 9, 23), seed=3, doc_id=9900003, doc_type="Handlingsplan",
               layout="numbered", variant="sec", n_parts=4, per_part=3, styles=("body", "body", "table", "body"),
               heading_tags=("p-strong", "p-strong", "h3", "h2"),
               resp=("ansvar_abbr", "ansvar_abbr", "ansvar_abbr", "ansvarlig_dep"), front=("forord", "innledning"),
               back=("oppfolging",), numbering="by_part", num_sep=". ", footnotes=1, front_shows_first=True,
               saved_at=SAVED.replace(day=16, hour=10)),
     "score", "archived /secN document (Regjeringen Stoltenberg II), chapters '2. Title' whose numbers are the part "
              "numbers, by-part numbering 'Tiltak 2.1', bold-paragraph headings, front page shows chapter 1"),
)

PAIR = (DocRecipe("pair_arbeidsliv_2021_2022_old", "arbeidsliv", date(2021, 6, 4), seed=4, doc_id=9900041,
                  doc_type="Handlingsplan", layout="innsats", part_label="Satsingsområde", n_parts=5, per_part=4,
                  styles=("body", "list", "body", "table", "body"), resp=("ansvarlig_og", "ansvarlig_og", "ansvar_abbr",
                                                                           "ansvarlig_og", "ansvarlig_full"),
                  front=("innledning",), back=("oppfolging",), title_index=1, xref_rate=0.1, footnotes=1,
                  saved_at=SAVED.replace(day=17)),
        date(2022, 9, 20), 9900042)

MIXED = (DocRecipe("blandet_a_vold2024", "vold", date(2024, 11, 8), seed=51, doc_id=9900051, doc_type="Handlingsplan",
                   layout="innsats", naming="browser", n_parts=2, per_part=3, front=("innledning",), back=(),
                   saved_at=SAVED.replace(day=18)),
         DocRecipe("blandet_b_utnytting2017", "utnytting", date(2017, 2, 1), seed=52, doc_id=9900052, doc_type="Strategi",
                   layout="numbered", naming="browser_base", n_parts=2, per_part=3, styles=("body", "list"),
                   front=("innledning",), back=(), saved_at=SAVED.replace(day=18, hour=11)))
MISSING = DocRecipe("mangler_kapittel_arbeidsliv2023", "arbeidsliv", date(2023, 4, 20), seed=61, doc_id=9900061,
                    doc_type="Handlingsplan", layout="innsats", n_parts=3, per_part=3, styles=("body", "table", "body"),
                    front=("innledning",), back=(), title_index=1, saved_at=SAVED.replace(day=19))
MISSING_CHAPTER = 3  # the page not saved (innsatsområde 2)
SCRIPTS = DocRecipe("skript_vold2022", "vold", date(2022, 3, 1), seed=71, doc_id=9900071, layout="innsats", n_parts=2,
                    per_part=2, front=(), back=(), saved_at=SAVED)


def _json(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=1, default=str) + "\n").encode("utf-8")


def _archived(doc: WebDoc) -> bool:
    return mins.government(doc.date) != mins.government(doc.saved_at.date())


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_document(doc: WebDoc, outdir: Path, naming: str, *, layout: str = "", skip: set[int] = frozenset(),
                   folder: str | None = None) -> tuple[Path, dict]:
    """Write the saved pages into ``outdir/<folder>/`` and ``outdir/<name>.truth.json``; returns (folder, truth)."""
    rendered = render_document(doc)
    files = saved_files(doc, rendered, naming)
    names = _page_files(doc, rendered, naming)
    for i in skip:
        name = names.pop(str(i))
        files.pop(name)
        files.pop(name + ".provenance.json", None)
    folder_p = outdir / (folder or doc.name)
    folder_p.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        atomic_write_bytes(folder_p / name, data)
    truth = document_truth(doc, rendered, file=folder_p.name, naming=naming, files=names, archived=_archived(doc),
                           layout=layout)
    return folder_p, truth


def _page_files(doc: WebDoc, rendered, naming: str) -> dict[str, str]:
    """"front"/chapter index -> file name (the same names ``saved_files`` writes)."""
    names = [n for n in saved_files(doc, rendered, naming) if not n.endswith(".provenance.json")]
    keys = ["front"] + [str(p.index) for p in rendered.pages[1:]]
    if naming == "fetch":
        return {k: render.fetch_file_name(doc, p) for k, p in zip(keys, rendered.pages)}
    return dict(zip(keys, names))


def _write_truth(path: Path, truth: dict) -> Path:
    atomic_write_bytes(path, _json(truth))
    return path


def _entry(doc: WebDoc, recipe: DocRecipe, folder: Path, truth_path: Path, split: str, base: Path, note: str) -> dict:
    return {"name": doc.name, "folder": str(folder.relative_to(base)), "truth": str(truth_path.relative_to(base)),
            "split": split, "document_id": doc.id_str, "url": doc.url, "date": doc.date.isoformat(), "topic": doc.topic,
            "layout": recipe.layout, "variant": doc.variant, "naming": recipe.naming, "archived": _archived(doc),
            "chapters": len(doc.chapters), "measures": len(doc.measures()),
            "styles": sorted({m.style for m in doc.measures()}), "seed": recipe.seed, "note": note,
            "files": {p.name: _sha(p.read_bytes()) for p in sorted(folder.iterdir())}}


def generate_standard_set(outdir: str | Path, *, pdf: bool = True) -> dict:
    """Write the standard set; returns the manifest. ``pdf=False`` skips Chromium (the print HTML is still written)."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {"generator": "tests.webgen", "synthetic": True, "notice": render.SYNTHETIC_NOTICE,
                                "documents": [], "pairs": [], "pdf": [], "bad": []}
    docs: dict[str, tuple[WebDoc, dict]] = {}
    for recipe, split, note in STANDARD_DOCS:
        doc = build_doc(recipe)
        folder, truth = write_document(doc, out, recipe.naming, layout=recipe.layout)
        tp = _write_truth(out / f"{doc.name}.truth.json", truth)
        docs[doc.name] = (doc, truth)
        manifest["documents"].append(_entry(doc, recipe, folder, tp, split, out, note))

    # ---- version pair
    recipe, new_date, new_id = PAIR
    old = build_doc(recipe)
    pair_name = recipe.name.removesuffix("_old")
    old, new, changes = make_web_pair(old, recipe.seed, new_date=new_date, new_id=new_id, new_name=pair_name + "_new")
    pdir = out / "pairs"
    of, otruth = write_document(old, pdir, recipe.naming, layout=recipe.layout)
    nf, ntruth = write_document(new, pdir, recipe.naming, layout=recipe.layout)
    otp = _write_truth(pdir / f"{old.name}.truth.json", otruth)
    ntp = _write_truth(pdir / f"{new.name}.truth.json", ntruth)
    add_locators(changes, otruth, ntruth)
    changes["old"].update({"folder": of.name, "truth": otp.name, "document_id": old.id_str, "url": old.url})
    changes["new"].update({"folder": nf.name, "truth": ntp.name, "document_id": new.id_str, "url": new.url})
    cp = pdir / f"{pair_name}.changes.json"
    atomic_write_bytes(cp, _json(changes))
    manifest["pairs"].append({"name": pair_name, "split": "score", "old": _entry(old, recipe, of, otp, "score", out, "old version"),
                              "new": _entry(new, recipe, nf, ntp, "score", out, "new version (ministries renamed)"),
                              "changes": str(cp.relative_to(out)),
                              "change_types": sorted({r["change_type"] for r in changes["changes"]})})

    # ---- the same content as a PDF
    manifest["pdf"].append(write_pdf_twin(docs["strategi2025_utnytting"][0], out / "pdf", docs["strategi2025_utnytting"][1],
                                          pdf=pdf, base=out))

    # ---- bad input
    manifest["bad"] = write_bad_cases(out / "bad", out)
    atomic_write_bytes(out / "manifest.json", _json(manifest))
    return manifest


def write_pdf_twin(doc: WebDoc, outdir: Path, web_truth: dict, *, pdf: bool, base: Path) -> dict:
    """Print version (HTML -> Chromium PDF) with its truth and the PDF-vs-web change truth (all unchanged)."""
    outdir.mkdir(parents=True, exist_ok=True)
    stem = f"{doc.name}_trykk"
    html_bytes = render.print_html(doc).encode("utf-8")
    hp = outdir / f"{stem}.print.html"
    atomic_write_bytes(hp, html_bytes)
    pdf_path = outdir / f"{stem}.pdf"
    if pdf:
        from tests.plangen.html import print_pdf

        print_pdf(hp, pdf_path)
    truth = document_truth(doc, None, file=pdf_path.name, naming=None, layout="print")
    truth["document"]["print_html_sha256"] = _sha(html_bytes)
    truth["document"]["web_truth"] = f"../{doc.name}.truth.json"
    tp = _write_truth(outdir / f"{stem}.truth.json", truth)
    rows = {"generator": "tests.webgen", "synthetic": True, "notice": render.SYNTHETIC_NOTICE,
            **_change_truth(doc, doc, {}, {}, {}, [], [])}
    rows["old"].update({"name": stem, "pdf": pdf_path.name, "truth": tp.name, "source_format": "pdf"})
    rows["new"].update({"name": doc.name, "folder": f"../{doc.name}", "truth": f"../{doc.name}.truth.json",
                        "source_format": "html", "document_id": doc.id_str})
    add_locators(rows, truth, web_truth)
    cp = outdir / f"{doc.name}.pdf_web.changes.json"
    atomic_write_bytes(cp, _json(rows))
    return {"name": stem, "split": "score", "pdf": str(pdf_path.relative_to(base)), "print_html": str(hp.relative_to(base)),
            "print_html_sha256": _sha(html_bytes), "truth": str(tp.relative_to(base)), "changes": str(cp.relative_to(base)),
            "web_document": doc.name}


def write_bad_cases(outdir: Path, base: Path) -> list[dict]:
    outdir.mkdir(parents=True, exist_ok=True)
    cases = []
    # two documents in one folder
    files: dict[str, bytes] = {}
    docs = []
    for recipe in MIXED:
        doc = build_doc(recipe)
        rendered = render_document(doc)
        f = saved_files(doc, rendered, recipe.naming)
        assert not set(f) & set(files), "file names of the two documents collide"
        files.update(f)
        names = _page_files(doc, rendered, recipe.naming)
        truth = document_truth(doc, rendered, file="mixed-two-documents", naming=recipe.naming, files=names,
                               archived=_archived(doc), layout=recipe.layout)
        tp = _write_truth(outdir / f"{doc.name}.truth.json", truth)
        docs.append({"document_id": doc.id_str, "truth": tp.name, "files": sorted(names.values())})
    bad.write_case(outdir, "mixed-two-documents", files, {
        "expect": "two documents, each equal to its truth (pages grouped by document id, not by file name); a warning "
                  "that the folder holds pages of more than one document",
        "documents": docs, "warnings": [{"kind": "several_documents", "document_ids": [d["document_id"] for d in docs]}],
        "errors": []})
    # a chapter listed in the contents but not saved
    doc = build_doc(MISSING)
    folder, truth = write_document(doc, outdir, MISSING.naming, layout=MISSING.layout, skip={MISSING_CHAPTER},
                                   folder="missing-chapter")
    ch = doc.chapter(MISSING_CHAPTER)
    lost = set(ch.parts)
    truth["measures"] = [m for m in truth["measures"] if m["part_number"] not in lost]
    truth["parts"] = [p for p in truth["parts"] if p["number"] not in lost]
    truth["document"]["measure_count"] = len(truth["measures"])
    truth["document"]["part_count"] = len(truth["parts"])
    for c in truth["document"]["chapters"]:
        c["saved"] = c["number"] != MISSING_CHAPTER
    tp = _write_truth(outdir / f"{doc.name}.truth.json", truth)
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    bad.write_case(outdir, "missing-chapter", files, {
        "expect": "one document with the measures of the saved chapters, and a warning naming the missing chapter and its URL",
        "documents": [{"document_id": doc.id_str, "truth": tp.name}],
        "warnings": [{"kind": "missing_chapter", "chapter": ch.index, "title": ch.title, "url": doc.chapter_url(ch.index),
                      "parts": sorted(lost)}],
        "errors": []})
    # pages that are not a regjeringen.no web document
    src = build_doc(STANDARD_DOCS[0][0])
    n1, h1, u1 = bad.news_page(src, SAVED)
    n2, h2 = bad.other_site_page()
    bad.write_case(outdir, "not-a-document", {n1: h1.encode("utf-8"), n2: h2.encode("utf-8")}, {
        "expect": "no document; one error per file naming it: the first is a regjeringen.no press release (an article "
                  "without chapters), the second is not from regjeringen.no",
        "documents": [], "warnings": [],
        "errors": [{"file": n1, "kind": "not_a_web_document", "url": u1},
                   {"file": n2, "kind": "not_regjeringen", "url": "https://www.example.org/tiltak/id1234567/"}]})
    # a page saved before its scripts ran
    sdoc = build_doc(SCRIPTS)
    n3, h3 = bad.scripts_only_page(sdoc, 1)
    bad.write_case(outdir, "scripts-only", {n3: h3.encode("utf-8")}, {
        "expect": "no document; an error naming the file: it has no readable content (the text is only inside a script)",
        "documents": [], "warnings": [], "errors": [{"file": n3, "kind": "no_content", "url": sdoc.chapter_url(1)}]})
    for case in ("mixed-two-documents", "missing-chapter", "not-a-document", "scripts-only"):
        cases.append({"case": case, "folder": str((outdir / case).relative_to(base)),
                      "expected": str((outdir / f"{case}.expected.json").relative_to(base)), "split": "score"})
    cases[0]["split"] = "calibrate"
    return cases


# --------------------------------------------------------------------------- random sets


def generate_random_set(outdir: str | Path, n: int, seed: int = 0, pairs: int = 0) -> dict:
    """``n`` documents with every option drawn at random (+ ``pairs`` random version pairs); ``manifest_random.json``."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"webgen-random-{seed}")
    entries, pair_entries = [], []
    for i in range(n):
        recipe = random_recipe(rng, f"random{seed}_{i:02d}", 9910000 + seed * 100 + i)
        doc = build_doc(recipe)
        folder, truth = write_document(doc, out, recipe.naming, layout=recipe.layout)
        tp = _write_truth(out / f"{doc.name}.truth.json", truth)
        e = _entry(doc, recipe, folder, tp, "calibrate", out, "random")
        e["recipe"] = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in asdict(recipe).items()}
        entries.append(e)
    for i in range(pairs):
        recipe = random_recipe(rng, f"randompair{seed}_{i:02d}_old", 9920000 + seed * 100 + i * 2)
        recipe = replace(recipe, n_parts=max(3, recipe.n_parts), per_part=max(4, recipe.per_part), xref_rate=0.05,
                         styles=("body",) + recipe.styles[1:])
        old = build_doc(recipe)
        new_date = date(min(2026, recipe.date.year + rng.randint(1, 4)), rng.randint(1, 12), rng.randint(1, 28))
        name = recipe.name.removesuffix("_old")
        old, new, changes = make_web_pair(old, recipe.seed, new_date=new_date, new_id=recipe.doc_id + 1, new_name=name + "_new")
        of, ot = write_document(old, out / "pairs", recipe.naming)
        nf, nt = write_document(new, out / "pairs", recipe.naming)
        _write_truth(out / "pairs" / f"{old.name}.truth.json", ot)
        _write_truth(out / "pairs" / f"{new.name}.truth.json", nt)
        add_locators(changes, ot, nt)
        atomic_write_bytes(out / "pairs" / f"{name}.changes.json", _json(changes))
        pair_entries.append({"name": name, "old": of.name, "new": nf.name, "changes": f"pairs/{name}.changes.json"})
    manifest = {"generator": "tests.webgen", "synthetic": True, "seed": seed, "documents": entries, "pairs": pair_entries}
    atomic_write_bytes(out / "manifest_random.json", _json(manifest))
    return manifest
