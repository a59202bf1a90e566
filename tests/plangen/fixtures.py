"""Session-scoped pytest fixtures sharing one generated standard set per test session.

Use in a test module::

    from tests.plangen.fixtures import plangen_dir, plangen_plans  # noqa: F401

    def test_x(plangen_plans):
        for plan in plangen_plans:  # dicts: name, pdf (Path), truth (dict), truth_path, layout
            ...
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .standard import cached_standard_set


@pytest.fixture(scope="session")
def plangen_dir(tmp_path_factory) -> Path:
    """Directory holding the standard set (plans, ``pairs/``, ``manifest.json``)."""
    out = tmp_path_factory.getbasetemp() / "plangen"
    cached_standard_set(out)
    return out


@pytest.fixture(scope="session")
def plangen_manifest(plangen_dir) -> dict:
    return json.loads((plangen_dir / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def plangen_plans(plangen_dir, plangen_manifest) -> list[dict]:
    """One dict per standard plan: name, pdf, truth_path, truth (parsed), layout."""
    out = []
    for e in plangen_manifest["plans"]:
        tp = plangen_dir / e["truth"]
        out.append({"name": e["name"], "pdf": plangen_dir / e["pdf"], "truth_path": tp,
                    "truth": json.loads(tp.read_text(encoding="utf-8")), "layout": e["layout"]})
    return out


@pytest.fixture(scope="session")
def plangen_pairs(plangen_dir, plangen_manifest) -> list[dict]:
    """One dict per version pair: name, old_pdf, new_pdf, old_truth, new_truth, changes (parsed)."""
    out = []
    for e in plangen_manifest["pairs"]:
        ch = json.loads((plangen_dir / e["changes"]).read_text(encoding="utf-8"))
        pdir = (plangen_dir / e["changes"]).parent
        out.append({
            "name": e["name"], "old_pdf": plangen_dir / e["old_pdf"], "new_pdf": plangen_dir / e["new_pdf"],
            "old_truth": json.loads((pdir / ch["old"]["truth"]).read_text(encoding="utf-8")),
            "new_truth": json.loads((pdir / ch["new"]["truth"]).read_text(encoding="utf-8")),
            "changes": ch,
        })
    return out
