"""The standard set of synthetic plans and version pairs, and an in-process cache."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.storage.files import atomic_write_text, sha256_file

from .build import build_plan
from .render import render_plan
from .spec import SYNTHETIC_NOTICE, PlanSpec


@dataclass(frozen=True)
class PlanRecipe:
    name: str
    topic: str
    date: date
    layout: str
    seed: int = 1
    n_measures: int | None = None
    title_index: int = 0
    extra_sentences: tuple[int, int] = (1, 3)
    minister_lineages: tuple[str, ...] | None = None
    extra_ministers: tuple[tuple[str, str], ...] = ()
    numbering: str = "sequential"


STANDARD_PLANS: tuple[PlanRecipe, ...] = (
    PlanRecipe("plan2010_menneskehandel_classic", "menneskehandel", date(2010, 3, 5), "classic", seed=3, n_measures=30,
               title_index=1, extra_sentences=(3, 4)),
    # like the seed case: six ministers from five ministries (two from the justice ministry)
    PlanRecipe("plan2016_menneskehandel_twocol", "menneskehandel", date(2016, 12, 14), "twocol", seed=1, n_measures=26,
               minister_lineages=("JD", "BLD", "AD", "HOD", "UD"),
               extra_ministers=(("JD", "Innvandrings- og integreringsminister"),)),
    PlanRecipe("plan2024_vold_barn_report", "vold_barn", date(2024, 5, 10), "report", seed=2, n_measures=30),
    PlanRecipe("plan2024_digital_mixed_table", "digital", date(2024, 9, 2), "mixed_table", seed=4),
    PlanRecipe("plan2013_vold_naere_compact", "vold_naere", date(2013, 6, 20), "compact", seed=5, title_index=1,
               numbering="by_part"),
    PlanRecipe("plan2019_vold_barn_twocol_times", "vold_barn", date(2019, 2, 1), "twocol_times", seed=6, n_measures=28, title_index=2),
)


def build_recipe(r: PlanRecipe) -> PlanSpec:
    return build_plan(r.topic, r.date, r.seed, name=r.name, n_measures=r.n_measures, title_index=r.title_index,
                      extra_sentences=r.extra_sentences, minister_lineages=r.minister_lineages,
                      extra_ministers=r.extra_ministers, numbering=r.numbering)


def write_plan(spec: PlanSpec, outdir: Path, layout: str) -> tuple[Path, Path, dict]:
    """Render one plan and write ``<name>.pdf`` and ``<name>.truth.json``; returns (pdf, truth path, truth)."""
    outdir.mkdir(parents=True, exist_ok=True)
    pdf = outdir / f"{spec.name}.pdf"
    truth = render_plan(spec, pdf, layout)
    truth["document"]["sha256"] = sha256_file(pdf)
    tpath = outdir / f"{spec.name}.truth.json"
    atomic_write_text(tpath, json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=False) + "\n")
    return pdf, tpath, truth


def generate_standard_set(outdir: str | Path) -> list[Path]:
    """Write the standard plans, their truth files, the version pairs and ``manifest.json``; returns the plan PDFs."""
    from .versions import generate_version_pairs

    outdir = Path(outdir)
    entries = []
    pdfs: list[Path] = []
    for r in STANDARD_PLANS:
        pdf, tpath, truth = write_plan(build_recipe(r), outdir, r.layout)
        pdfs.append(pdf)
        d = truth["document"]
        entries.append({
            "name": r.name, "pdf": pdf.name, "truth": tpath.name, "layout": r.layout, "date": r.date.isoformat(),
            "topic": r.topic, "measure_style": d["measure_style"], "measure_count": d["measure_count"],
            "part_count": d["part_count"], "page_count": d["page_count"], "scanned_pages": d["scanned_pages"],
            "sha256": d["sha256"],
        })
    pairs = generate_version_pairs(outdir / "pairs")
    manifest = {
        "generator": "tests.plangen",
        "notice": SYNTHETIC_NOTICE,
        "plans": entries,
        "pairs": [{k: (str(v.relative_to(outdir)) if isinstance(v, Path) else v) for k, v in p.items()} for p in pairs],
    }
    atomic_write_text(outdir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return pdfs


_CACHE: dict[str, list[Path]] = {}


def cached_standard_set(outdir: str | Path) -> list[Path]:
    """:func:`generate_standard_set` once per process and directory."""
    key = str(Path(outdir).resolve())
    if key not in _CACHE or not all(p.exists() for p in _CACHE[key]):
        _CACHE[key] = generate_standard_set(outdir)
    return _CACHE[key]
