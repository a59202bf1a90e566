"""Rebuild the committed producer fixtures (``make fixtures``): render, fix volatile bytes, locate, write truth.

LibreOffice: every .docx of a run is converted in one soffice session (:mod:`tests.producers.lo_convert`, under
the system Python with ``uno``). A style with ``toc_split`` is rendered with more and more space above the TOC
until its page break falls inside a wrapped entry. Chromium: each HTML is printed twice, the second time with
the TOC page numbers found in the first print (checked to be unchanged by the second).

Checks before anything is written (a failed check stops the build with a message naming the fixture):
every probe found in the PDF, the printed TOC page numbers equal the located heading pages, a wanted TOC split
exists. Outputs go to ``tests/data/producers/`` (``<name>.pdf``, ``<name>.truth.json``, ``pairs/``,
``manifest.json``); intermediate .docx/.html files to a temporary directory (``--keep`` keeps them).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.storage.files import atomic_write_text, sha256_file
from tests.plangen.spec import SYNTHETIC_NOTICE

from .document import Composed, compose
from .fixtures import PAIRS, RECIPES
from .locate import Located, compact, locate, read_pages, toc_entries, toc_split
from .pairs import make_pair
from .pdfnorm import normalise_pdf
from .plan import ProducerPlan, build
from .truth import build_truth

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "producers"
LO_SCRIPT = Path(__file__).with_name("lo_convert.py")
TOC_SPACES_PT = tuple(range(0, 124, 4))


class BuildError(RuntimeError):
    pass


def uno_python() -> str | None:
    """A Python that can ``import uno`` (LibreOffice's bridge), or None."""
    for exe in ("/usr/bin/python3", shutil.which("python3")):
        if exe and Path(exe).exists():
            r = subprocess.run([exe, "-c", "import uno"], capture_output=True)
            if r.returncode == 0:
                return exe
    return None


def missing_tools(producers: set[str]) -> list[str]:
    """What this machine lacks to rebuild fixtures of ``producers`` (empty: all there)."""
    from .html_writer import chromium

    out = []
    if "libreoffice" in producers:
        if not shutil.which("soffice"):
            out.append("soffice (apt-get install libreoffice-writer)")
        elif not uno_python():
            out.append("a system python3 with LibreOffice's uno module (apt-get install python3-uno)")
        if not Path("/usr/share/hyphen/hyph_nb_NO.dic").exists():
            out.append("Norwegian hyphenation patterns for LibreOffice (apt-get install hyphen-no)")
        for font in ("Carlito", "Caladea"):
            if not _has_font(font):
                out.append(f"font {font} (apt-get install fonts-crosextra-{font.lower()})")
    if "chromium" in producers:
        if not chromium():
            out.append("chromium (apt-get install chromium)")
        for font, pkg in (("Liberation Serif", "fonts-liberation2"), ("Liberation Sans Narrow", "fonts-liberation"),
                          ("DejaVu Sans", "fonts-dejavu-core")):
            if not _has_font(font):
                out.append(f"font {font} (apt-get install {pkg})")
    return out


def _has_font(family: str) -> bool:
    if not shutil.which("fc-list"):
        return False
    r = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True)
    return any(family in line.split(",") for line in r.stdout.splitlines())


@dataclass
class Job:
    name: str
    plan: ProducerPlan
    comp: Composed
    split: str
    seed: int
    pdf: Path | None = None
    located: Located | None = None
    split_info: dict | None = None
    toc_space: float = 0.0


def _producer_version(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return str(doc.metadata.get("Producer", "")).strip()


def _header(job: Job) -> str | None:
    return job.plan.spec.title if job.plan.style.running_header else None


def _check_toc(job: Job, pages) -> None:
    """The TOC the producer printed lists the headings, in order, with the pages where they were located."""
    printed = toc_entries(pages, _header(job))
    want = [(compact(h.text), str(job.comp.heading_page(job.located.pages, h)))
            for h in job.comp.headings if h.toc and h.level <= job.plan.style.toc_levels]
    got = [(compact(t), p) for t, p in printed]
    if want != got:
        diff = [(w, g) for w, g in zip(want, got) if w != g][:3] or [(len(want), len(got))]
        raise BuildError(f"{job.name}: the printed TOC differs from the located headings, e.g. {diff}")


def _locate(job: Job) -> list:
    pages = read_pages(job.pdf)
    job.located = locate(pages, job.comp.probes, _header(job))
    if job.located.missing:
        miss = ", ".join(f"{p.kind} {p.ref} {p.needle!r}" for p in job.located.missing[:8])
        raise BuildError(f"{job.name}: not found in {job.pdf.name}: {miss}")
    return pages


def render_libreoffice(jobs: list[Job], outdir: Path, work: Path) -> None:
    from .docx_writer import write_docx

    py = uno_python()

    def convert(pairs: list[tuple[Path, Path]]) -> None:
        if not pairs:
            return
        args = [str(x) for pair in pairs for x in pair]
        r = subprocess.run([py, str(LO_SCRIPT), *args], capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            raise BuildError(f"LibreOffice conversion failed ({LO_SCRIPT.name}): {r.stderr.strip()[-500:]}")

    todo = {j.name: list(TOC_SPACES_PT if j.plan.style.toc_split else (0,)) for j in jobs}
    pending = list(jobs)
    while pending:  # TOC spacings of a toc_split style are tried eight at a time, in one soffice session
        pairs, candidates = [], {}
        for j in pending:
            spaces, todo[j.name] = todo[j.name][:8], todo[j.name][8:]
            for space in spaces:
                src = work / f"{j.name}.s{space:g}.docx"
                write_docx(j.plan, j.comp, src, toc_space_pt=space)
                pairs.append((src, src.with_suffix(".pdf")))
                candidates.setdefault(j.name, []).append((space, src.with_suffix(".pdf")))
        convert(pairs)
        still = []
        for j in pending:
            for space, pdf in candidates[j.name]:
                j.toc_space, j.pdf = space, pdf
                j.split_info = toc_split(read_pages(pdf), _header(j))
                if j.split_info or not j.plan.style.toc_split:
                    break
            else:
                if not todo[j.name]:
                    raise BuildError(f"{j.name}: no TOC spacing in {TOC_SPACES_PT} pt breaks a wrapped TOC entry across pages")
                still.append(j)
        pending = still
    for j in jobs:
        final = outdir / f"{j.name}.pdf"
        shutil.copyfile(j.pdf, final)
        j.pdf = final
        normalise_pdf(final, j.plan.spec.date)
        pages = _locate(j)
        _check_toc(j, pages)


def render_chromium(jobs: list[Job], outdir: Path, work: Path) -> None:
    from .html_writer import print_pdf, render_html

    for j in jobs:
        src = work / f"{j.name}.html"
        j.pdf = outdir / f"{j.name}.pdf"
        toc_pages = None
        for _ in range(3):
            src.write_text(render_html(j.plan, j.comp, toc_pages), encoding="utf-8")
            print_pdf(src, j.pdf)
            pages = _locate(j)
            found = {h.id: j.comp.heading_page(j.located.pages, h) for h in j.comp.headings}
            if found == toc_pages:
                break
            toc_pages = found
        else:
            raise BuildError(f"{j.name}: TOC page numbers did not settle after three prints")
        normalise_pdf(j.pdf, j.plan.spec.date)
        j.split_info = toc_split(pages, None)
        _check_toc(j, pages)


def features(plan: ProducerPlan, comp: Composed, split_info: dict | None) -> list[str]:
    st = plan.style
    f = [st.structure + "_measures", f"parts:{st.part_label}"]
    if st.structure != "table":
        f.append(f"measure_form:{st.measure_form}")
    f += [x for x, on in (
        ("justified", st.justify), ("hyphenation", st.hyphenate and st.producer == "libreoffice"),
        ("soft_hyphens", st.hyphenate and st.producer == "chromium"),
        ("two_columns", st.twocol_part is not None), ("landscape_page", st.overview_landscape or st.stats_landscape),
        ("footnotes", st.footnotes and st.structure != "table"), ("running_header", st.running_header),
        ("closing_responsibility", "closing" in plan.resp_form.values() and st.structure != "table"),
        ("overview_table_ruled", st.overview == "bordered"), ("overview_table_borderless", st.overview == "borderless"),
        ("measures_table_ruled", st.structure == "table" and st.table_borders),
        ("measures_table_borderless", st.structure == "table" and not st.table_borders),
        ("full_names_in_cells", st.table_resp in ("full", "mixed") and (st.overview or st.structure == "table")),
        ("toc_split_entry", split_info is not None), ("consultation_deadline", plan.consultation is not None),
        ("title_page_month_only", plan.date_precision == "month"),
        ("all_ministries", any(m.all_ministries and not m.lead for m in plan.spec.measures())),
        ("lead_and_all_ministries", any(m.all_ministries and m.lead for m in plan.spec.measures())),
        ("statistics_table", True), ("numbered_list_in_prose", True),
    ) if on]
    return f


def _write_truth(j: Job) -> dict:
    import pdfplumber

    with pdfplumber.open(str(j.pdf)) as doc:
        n = len(doc.pages)
    truth = build_truth(j.plan, j.comp, j.located, pdf=j.pdf, page_count=n, producer_version=_producer_version(j.pdf),
                        toc_split=j.split_info)
    truth["document"]["sha256"] = sha256_file(j.pdf)
    atomic_write_text(j.pdf.with_suffix(".truth.json"), json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
    return truth


def _render(jobs: list[Job], outdir: Path, work: Path) -> None:
    render_libreoffice([j for j in jobs if j.plan.style.producer == "libreoffice"], outdir, work)
    render_chromium([j for j in jobs if j.plan.style.producer == "chromium"], outdir, work)


def build_all(outdir: Path = DATA, only: set[str] | None = None, keep: Path | None = None, log=print) -> dict:
    """Rebuild the fixtures (all, or the names in ``only``) and the manifest; returns the manifest."""
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "pairs").mkdir(exist_ok=True)
    recipes = [r for r in RECIPES if not only or r.name in only]
    pair_recipes = [p for p in PAIRS if not only or p.name in only]
    need = {r.style.producer for r in recipes} | {p.style.producer for p in pair_recipes}
    lacking = missing_tools(need)
    if lacking:
        raise BuildError("cannot rebuild the producer fixtures on this machine; missing: " + "; ".join(lacking)
                         + ". The committed PDFs in tests/data/producers/ stay valid.")
    with tempfile.TemporaryDirectory(prefix="tiltak-producers-") as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        jobs = [Job(r.name, p, compose(p), r.split, r.seed) for r in recipes for p in (build(r),)]
        pair_jobs: list[tuple] = []
        for pr in pair_recipes:
            old, new, change = make_pair(pr)
            jo = Job(old.spec.name, old, compose(old), pr.split, pr.seed)
            jn = Job(new.spec.name, new, compose(new), pr.split, pr.seed)
            pair_jobs.append((pr, jo, jn, change))
        _render(jobs, outdir, work)
        _render([j for _, a, b, _ in pair_jobs for j in (a, b)], outdir / "pairs", work)
    manifest_path = outdir / "manifest.json"
    old_manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    plans = {e["name"]: e for e in old_manifest.get("plans", [])}
    pairs = {e["name"]: e for e in old_manifest.get("pairs", [])}
    for j in jobs:
        t = _write_truth(j)
        d = t["document"]
        plans[j.name] = {
            "name": j.name, "pdf": j.pdf.name, "truth": j.pdf.with_suffix(".truth.json").name,
            "producer": j.plan.style.producer, "producer_version": d["producer_version"], "style": j.plan.style.name,
            "font": j.plan.style.font, "features": features(j.plan, j.comp, j.split_info), "topic": j.plan.spec.topic,
            "seed": j.seed, "date": d["date"], "split": j.split, "measure_style": d["measure_style"],
            "measure_count": d["measure_count"], "part_count": d["part_count"], "page_count": d["page_count"],
            "sha256": d["sha256"], "truth_sha256": sha256_file(j.pdf.with_suffix(".truth.json")),
        }
        log(f"{j.name}: {d['page_count']} pages, {d['measure_count']} measures, {j.split}")
    for pr, jo, jn, change in pair_jobs:
        to, tn = _write_truth(jo), _write_truth(jn)
        for side, j, t in (("old", jo, to), ("new", jn, tn)):
            change[side].update({"pdf": j.pdf.name, "truth": j.pdf.with_suffix(".truth.json").name,
                                 "layout": j.plan.style.name, "sha256": t["document"]["sha256"]})
        cpath = outdir / "pairs" / f"{pr.name}.changes.json"
        atomic_write_text(cpath, json.dumps(change, ensure_ascii=False, indent=1) + "\n")
        pairs[pr.name] = {
            "name": pr.name, "producer": pr.style.producer, "style": pr.style.name, "font": pr.style.font,
            "topic": pr.topic, "seed": pr.seed, "split": pr.split,
            "old_pdf": f"pairs/{jo.pdf.name}", "new_pdf": f"pairs/{jn.pdf.name}", "changes": f"pairs/{cpath.name}",
            "old_sha256": to["document"]["sha256"], "new_sha256": tn["document"]["sha256"],
            "changes_sha256": sha256_file(cpath),
            "change_types": sorted({c["change_type"] for c in change["changes"]}),
        }
        log(f"{pr.name}: {len(change['changes'])} expected change rows, {pr.split}")
    order = [r.name for r in RECIPES]
    manifest = {
        "generator": "tests.producers",
        "notice": SYNTHETIC_NOTICE,
        "rebuild": "make fixtures  (python -m tests.producers build)",
        "splits": {"calibrate": "may be used to tune thresholds", "score": "held out: report, never tune on it"},
        "plans": sorted(plans.values(), key=lambda e: order.index(e["name"]) if e["name"] in order else 99),
        "pairs": sorted(pairs.values(), key=lambda e: e["name"]),
    }
    atomic_write_text(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m tests.producers",
                                 description="Rebuild the producer fixtures (LibreOffice and Chromium PDFs with truth).")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="render the fixtures into tests/data/producers/")
    b.add_argument("--out", type=Path, default=DATA)
    b.add_argument("--only", nargs="*", help="fixture or pair names (default: all)")
    b.add_argument("--keep", type=Path, help="keep the intermediate .docx/.html files in this directory")
    a = ap.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        build_all(a.out, set(a.only) if a.only else None, a.keep)
    except BuildError as e:
        print(f"tests.producers: {e}", file=sys.stderr)
        return 2
    return 0
