"""The HTML change report in a real browser: headless Chromium renders it (inline SVG overview, no
JavaScript) to a PNG that is not blank and shows the overview's change-type colours. Runs where
/usr/bin/chromium is installed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipeline.compare import compare_plans, render_html
from pipeline.compare.overview import COLOURS
from pipeline.runs.inputs import load_plan

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")]


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def test_html_report_renders_in_headless_chromium(plangen_pairs, tmp_path):
    from PIL import Image

    pair = plangen_pairs[0]
    comparison = compare_plans(load_plan(pair["old_pdf"]).plan, load_plan(pair["new_pdf"]).plan)
    html = render_html(comparison)
    assert "<script" not in html.lower() and "<svg" in html
    page = tmp_path / "change_report.html"
    page.write_text(html, encoding="utf-8")
    png = tmp_path / "shot.png"
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1200,2000", page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, timeout=120)
    assert png.is_file(), done.stderr.decode(errors="replace")[-2000:]
    img = Image.open(png).convert("RGB")
    assert img.size == (1200, 2000)
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, tables and lines, not a blank page
    top = img.crop((0, 0, 1200, 800))  # the overview is at the top, above the summary tables and the changes
    pixels = set(top.getdata())
    kinds = {c.change_type for c in comparison.changes} - {"unchanged", "added", "removed"}
    assert kinds  # the pair has reworded/modified/split/merged rows: their lines must be drawn
    for kind in kinds:
        r, g, b = _hex(COLOURS[kind])
        near = [p for p in pixels if abs(p[0] - r) + abs(p[1] - g) + abs(p[2] - b) < 40]
        assert near, f"no {kind} line ({COLOURS[kind]}) in the top of the screenshot"
