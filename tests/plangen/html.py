"""Render a plangen :class:`PlanSpec` as an HTML document (for browser print-to-PDF tests).

The HTML carries the synthetic-document notice on its cover and in ``<title>``/``<meta>``. Headings and
responsibility lines use the same textual formats as the reportlab renderer (:mod:`tests.plangen.formats`).
Page numbers cannot be known from HTML, so the truth written by :func:`html_truth` has ``page_start`` /
``page_end`` = ``None`` (``benchmarks/eval_plans.py`` skips page scoring for those).

    from tests.plangen.html import HtmlVariant, HTML_VARIANTS, render_html, html_truth, print_pdf
"""

from __future__ import annotations

import html as _h
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import ministries as mins
from .fonts import MONTHS
from .formats import measure_heading, part_heading, responsibility_line, table_responsibility
from .prose import ANTALL, CLOSING, INTRO, TEMA
from .spec import SYNTHETIC_NOTICE, PlanSpec
from .truth import mentions_children

CHROMIUM = "/usr/bin/chromium"


@dataclass(frozen=True)
class HtmlVariant:
    name: str
    columns: int = 1
    font: str = "'DejaVu Serif', serif"
    font_size: str = "11pt"
    justify: bool = False
    hyphens: bool = False  # CSS ``hyphens: auto`` (lang="nb") plus soft hyphens (U+00AD, pyphen nb_NO) in prose:
    # headless Chromium on Linux has no hyphenation dictionaries, so the soft hyphens are what breaks words
    measure_heading: str = "tiltak_colon"
    part_heading: str = "del"
    resp: str = "abbr"
    table: bool = False  # summary table with borders at the end (measure style "both")
    table_resp: str = "abbr_slash"
    page_size: str = "A4"
    margins: str = "25mm 22mm 25mm 22mm"


HTML_VARIANTS: dict[str, HtmlVariant] = {
    v.name: v
    for v in (
        HtmlVariant("html_single", measure_heading="tiltak_colon", part_heading="del", resp="abbr"),
        HtmlVariant("html_twocol", columns=2, font="'DejaVu Sans', sans-serif", font_size="9.5pt", justify=True,
                    measure_heading="number_dot", part_heading="number", resp="full_samarbeid"),
        HtmlVariant("html_table", measure_heading="tiltak_colon", part_heading="kapittel", resp="ansvar_og", table=True,
                    table_resp="full", font="'Liberation Serif', 'Times New Roman', serif"),
        HtmlVariant("html_hyphens", columns=2, justify=True, hyphens=True, font_size="10pt",
                    measure_heading="number_dot", part_heading="del", resp="full_dept", page_size="170mm 240mm",
                    margins="18mm 16mm 20mm 16mm"),
    )
}


def _e(s: str) -> str:
    return _h.escape(s, quote=True)


def _shy(s: str) -> str:
    """Escaped prose with soft hyphens at the nb_NO hyphenation points of words of 8+ letters."""
    import pyphen

    dic = pyphen.Pyphen(lang="nb_NO", left=3, right=3)
    words = re.split(r"(\s+)", s)
    return "".join(_e(w) if (w.isspace() or len(w) < 8 or not w.isalpha()) else _e(dic.inserted(w, hyphen="\u00ad"))
                   for w in words)


def render_html(spec: PlanSpec, v: HtmlVariant) -> str:
    """The plan as one self-contained HTML document (deterministic)."""
    on = spec.date
    numbers = spec.numbers()
    tema = TEMA.get(spec.topic, "dette området")
    prose = _shy if v.hyphens else _e
    css = f"""
@page {{ size: {v.page_size}; margin: {v.margins}; }}
body {{ font-family: {v.font}; font-size: {v.font_size}; line-height: 1.35; }}
.body {{ {'columns: 2; column-gap: 8mm;' if v.columns == 2 else ''} text-align: {'justify' if v.justify else 'left'};
        {'hyphens: auto; -webkit-hyphens: auto;' if v.hyphens else ''} }}
.cover {{ page-break-after: always; text-align: center; padding-top: 60mm; }}
.toc, .foreword {{ page-break-after: always; }}
.toc li {{ list-style: none; }}
h1 {{ font-size: 22pt; }} h2 {{ font-size: 15pt; break-after: avoid; }} h3 {{ font-size: 11.5pt; break-after: avoid; }}
table.summary {{ border-collapse: collapse; width: 100%; font-size: 9pt; }}
table.summary td, table.summary th {{ border: 1px solid #333; padding: 3px 5px; vertical-align: top; text-align: left; }}
.sig {{ display: inline-block; width: 45%; margin-bottom: 1em; }}
"""
    out: list[str] = [
        "<!DOCTYPE html>", '<html lang="nb"><head><meta charset="utf-8">',
        f"<title>{_e(spec.title)} – {_e(SYNTHETIC_NOTICE)}</title>",
        f'<meta name="description" content="{_e(SYNTHETIC_NOTICE)}">',
        f"<style>{css}</style></head><body>",
        '<section class="cover">', f"<h1>{_e(spec.title)}</h1>", f"<p>{_e(spec.subtitle)}</p>",
        f"<p><strong>{_e(SYNTHETIC_NOTICE)}</strong></p>", f"<p>{_e(spec.publisher)}</p>",
        f"<p>{on.day}. {MONTHS[on.month - 1]} {on.year}</p>", "</section>",
    ]
    # table of contents (titles only: page numbers are not known in HTML)
    out.append('<section class="toc"><h2>Innhold</h2><ul>')
    out.append("<li>Forord</li><li>Innledning</li>")
    for p in spec.parts:
        out.append(f"<li>{_e(part_heading(p.number, p.title, v.part_heading))}</li>")
    for t, _ in CLOSING:
        out.append(f"<li>{_e(t)}</li>")
    if v.table:
        out.append("<li>Oversikt over tiltakene</li>")
    out.append("</ul></section>")
    # foreword with signatures
    out.append('<section class="foreword"><h2>Forord</h2>')
    out += [f"<p>{_e(para)}</p>" for para in spec.foreword]
    out.append(f"<p>Oslo, {on.day}. {MONTHS[on.month - 1]} {on.year}</p><div>")
    out += [f'<div class="sig"><strong>{_e(mn.name)}</strong><br>{_e(mn.title)}</div>' for mn in spec.ministers]
    out.append("</div></section>")
    # body
    out.append('<section class="body"><h2>Innledning</h2>')
    out += [f"<p>{_e(para.format(tema=tema, antall=ANTALL.get(len(spec.parts), str(len(spec.parts)))))}</p>" for para in INTRO]
    for p in spec.parts:
        out.append(f"<h2>{_e(part_heading(p.number, p.title, v.part_heading))}</h2>")
        out += [f"<p>{prose(para)}</p>" for para in p.intro]
        for m in p.measures:
            head = measure_heading(numbers[m.key], m.title, v.measure_heading)
            out.append(f"<h3>{'<br>'.join(_e(x) for x in head.split(chr(10)))}</h3>")
            out.append(f"<p>{prose(m.text(numbers, on))}</p>")
            resp = responsibility_line(m, v.resp, on)
            if resp:
                out.append(f"<p><em>{_e(resp)}</em></p>")
    for t, paras in CLOSING:
        out.append(f"<h2>{_e(t)}</h2>")
        out += [f"<p>{_e(para.format(tema=tema))}</p>" for para in paras]
    out.append("</section>")
    if v.table:
        out.append('<section style="break-before: page"><h2>Oversikt over tiltakene</h2>')
        out.append("<p>Tabellen gir en oversikt over tiltakene i planen, med ansvarlig departement og tidsramme.</p>")
        out.append('<table class="summary"><thead><tr><th>Nr.</th><th>Tiltak</th><th>Ansvar</th><th>Tidsramme</th></tr></thead><tbody>')
        for i, m in enumerate(spec.measures()):
            out.append(f"<tr><td>{_e(numbers[m.key])}</td><td>{_e(m.title)}</td>"
                       f"<td>{_e(table_responsibility(m, v.table_resp, on, i))}</td><td>{_e(m.timeframe or '')}</td></tr>")
        out.append("</tbody></table></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def html_truth(spec: PlanSpec, v: HtmlVariant, pdf_name: str) -> dict:
    """Truth in the plangen format; pages are unknown (``None``)."""
    on = spec.date
    numbers = spec.numbers()
    style = "both" if v.table else "body"
    measures = []
    for p in spec.parts:
        for m in p.measures:
            text = " ".join(m.text(numbers, on).split())
            measures.append({
                "key": m.key, "number": numbers[m.key], "title": m.title, "text": text,
                "part_number": p.number, "part_title": p.title, "part_stated": True, "page_start": None, "page_end": None,
                "lead": m.lead or None, "co": list(m.co), "all_ministries": m.all_ministries,
                "lead_abbreviation": mins.abbreviation(m.lead, on) if m.lead else None,
                "co_abbreviations": [mins.abbreviation(c, on) for c in m.co],
                "agencies": list(m.agencies),
                "responsibility_agency": m.agency_in_resp if v.resp in ("abbr", "ansvar_og") else None,
                "mentions_children": mentions_children(m.title + " " + text),
                "cross_references": [numbers[k] for k in m.xrefs],
                "timeframe": m.timeframe if v.table else None,
                "style": style,
                "heading_as_printed": measure_heading(numbers[m.key], m.title, v.measure_heading),
                "responsibility_as_printed": responsibility_line(m, v.resp, on),
                "table_page": None, "heading_pages": [], "responsibility_on_next_page": False,
            })
    return {
        "generator": "tests.plangen.html", "synthetic": True, "notice": SYNTHETIC_NOTICE,
        "document": {
            "name": spec.name, "file": pdf_name, "title": spec.title, "subtitle": spec.subtitle,
            "date": on.isoformat(), "government": mins.government(on), "publisher": spec.publisher,
            "publisher_abbreviation": mins.abbreviation(spec.publisher, on), "topic": spec.topic,
            "layout": v.name, "columns": v.columns, "fonts": v.font, "measure_style": style,
            "numbering": spec.numbering, "page_count": None, "page_labels": {}, "scanned_pages": [],
            "table_pages": [], "toc": [], "outline": [], "pdf_page_labels": False,
            "ministers": [{"name": m.name, "title": m.title, "ministry": m.ministry} for m in spec.ministers],
            "ministry_count": len({m.ministry for m in spec.ministers}),
            "measure_count": len(measures), "part_count": len(spec.parts),
        },
        "parts": [{"number": p.number, "title": p.title, "heading_as_printed": part_heading(p.number, p.title, v.part_heading),
                   "page_start": None, "measure_count": len(p.measures)} for p in spec.parts],
        "measures": measures,
    }


def print_pdf(html_path: str | Path, pdf_path: str | Path, timeout: float = 60) -> Path:
    """Print an HTML file to PDF with headless Chromium (``/usr/bin/chromium``)."""
    exe = shutil.which("chromium") or CHROMIUM
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path).resolve()
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={prof}", "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", html_path.as_uri()],
            check=True, capture_output=True, timeout=timeout,
        )
    if not pdf_path.exists() or pdf_path.stat().st_size == 0:
        raise RuntimeError(f"{pdf_path}: chromium produced no PDF; run it by hand to see why")
    return pdf_path


def write_html_plan(spec: PlanSpec, v: HtmlVariant, outdir: str | Path) -> tuple[Path, Path]:
    """Write ``<name>.html``, print ``<name>.pdf`` and write ``<name>.truth.json``; returns (pdf, truth)."""
    import json

    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    hp = outdir / f"{spec.name}.html"
    hp.write_text(render_html(spec, v), encoding="utf-8")
    pdf = print_pdf(hp, outdir / f"{spec.name}.pdf")
    tp = outdir / f"{spec.name}.truth.json"
    tp.write_text(json.dumps(html_truth(spec, v, pdf.name), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return pdf, tp
