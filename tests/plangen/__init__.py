"""Synthetic Norwegian action plans with exact ground truth (test fixtures for tiltak).

Every PDF says on its cover and in its metadata that it is a synthetic test document
("Eksempelplan – syntetisk testdokument, ikke en offentlig plan"); all prose is written for
this project. See ``tests/plangen/README.md`` for the files and the truth format.
"""

from .build import build_plan
from .layouts import LAYOUTS, Layout, layout
from .randomset import generate_random_set, random_layout
from .render import render_plan
from .spec import SYNTHETIC_NOTICE, MeasureSpec, MinisterSpec, PartSpec, PlanSpec
from .standard import STANDARD_PLANS, cached_standard_set, generate_standard_set, write_plan
from .versions import EDIT_KINDS, STANDARD_PAIRS, Edit, default_edits, generate_version_pairs, make_version_pair

__all__ = [
    "build_plan", "LAYOUTS", "Layout", "layout", "render_plan", "SYNTHETIC_NOTICE", "MeasureSpec", "MinisterSpec",
    "PartSpec", "PlanSpec", "STANDARD_PLANS", "cached_standard_set", "generate_standard_set", "write_plan",
    "EDIT_KINDS", "generate_random_set", "random_layout", "STANDARD_PAIRS", "Edit", "default_edits", "generate_version_pairs", "make_version_pair",
]
