"""Random plans over random layout combinations, for robustness evaluation beyond the standard set.

``generate_random_set(outdir, n, seed)`` writes ``n`` plans whose layout options (columns, fonts,
heading and responsibility forms, measure style, table position, numbering, bullets ...) are drawn
independently, so that no extractor can be tuned to the standard layouts. Deterministic per seed.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

from pipeline.storage.files import atomic_write_text

from .build import build_plan
from .layouts import B5ISH, LAYOUTS, Layout
from .spec import SYNTHETIC_NOTICE
from .standard import write_plan
from .textbank import TOPICS

_CHOICES: dict[str, list] = {
    "measures": ["body", "body", "table", "both"],
    "resp": ["abbr", "ansvar_og", "full_dept", "full_samarbeid", "title_suffix"],
    "measure_heading": ["tiltak_colon", "tiltak_space", "number_dot", "tiltak_label"],
    "fonts": ["dejavu", "times", "helvetica"],
    "table_where": ["end", "front"],
    "table_resp": ["abbr_slash", "abbr_comma", "full", "mixed"],
    "table_part_rows": [True, False],
    "part_heading": ["del", "number", "kapittel"],
    "part_new_page": [True, False],
    "bullets": [True, False],
    "numbering": ["physical", "roman_front"],
    "footer": ["n_center", "n_outer", "side_n_av_m"],
    "header": ["title_left", "title_center", "title_rule"],
    "justify": [True, False],
    "measure_heading_bold": [True, True, False],
    "toc_measures": [True, False],
    "colophon": [True, False],
    "scanned_appendix": [True, False, False],
    "outline": [True, False],
    "resp_italic": [True, False],
}


def random_layout(rng: random.Random, name: str) -> Layout:
    """A layout with every option drawn independently."""
    base = LAYOUTS[rng.choice(sorted(LAYOUTS))]
    opts = {k: rng.choice(v) for k, v in _CHOICES.items()}
    delta = rng.choice([0.5, 1.0, 2.0, 3.0]) if opts["measure_heading_bold"] else rng.choice([2.0, 3.0])
    cols, mixed = rng.choice([(1, False), (1, False), (2, False), (2, True)])
    size = rng.choice([9.0, 9.5, 10.0, 10.5, 11.0, 12.0])
    return replace(
        base, name=name, columns=cols, mixed=mixed, body_size=size, leading=round(size * rng.uniform(1.2, 1.4), 1),
        pagesize=rng.choice([base.pagesize, B5ISH]), measure_heading_delta=delta, **opts,
    )


def generate_random_set(outdir: str | Path, n: int = 10, seed: int = 0) -> list[Path]:
    """Write ``n`` random plans (+ truth) and ``manifest_random.json`` with each plan's layout options."""
    outdir = Path(outdir)
    rng = random.Random(f"random-set-{seed}")
    entries, pdfs = [], []
    for i in range(n):
        name = f"random{seed}_{i:02d}"
        L = random_layout(rng, name)
        topic = rng.choice(sorted(TOPICS))
        on = date(rng.choice([2009, 2010, 2012, 2013, 2015, 2016, 2018, 2019, 2021, 2023, 2024, 2025]),
                  rng.randint(1, 12), rng.randint(1, 28))
        spec = build_plan(topic, on, rng.randint(0, 10_000), name=name, n_measures=rng.randint(20, 40),
                          title_index=rng.randint(0, 5), numbering=rng.choice(["sequential", "sequential", "by_part"]),
                          extra_sentences=rng.choice([(1, 3), (2, 4), (0, 2)]))
        pdf, tpath, truth = write_plan(spec, outdir, L)
        pdfs.append(pdf)
        layout_opts = asdict(L)
        entries.append({"name": name, "pdf": pdf.name, "truth": tpath.name, "topic": topic, "date": on.isoformat(),
                        "measure_count": truth["document"]["measure_count"], "page_count": truth["document"]["page_count"],
                        "layout": layout_opts})
    atomic_write_text(outdir / "manifest_random.json",
                      json.dumps({"generator": "tests.plangen", "notice": SYNTHETIC_NOTICE, "seed": seed, "plans": entries},
                                 ensure_ascii=False, indent=1) + "\n")
    return pdfs
