"""Write a composed plan as HTML for Chromium's print-to-PDF (Skia), as a web publishing system would.

Page numbers come from CSS page-margin boxes (``@bottom-center { content: counter(page) }``), landscape
pages from a named page (``@page wide``), the table of contents from a first print: the headings are
located in that PDF and the TOC is printed again with their page numbers (the numbers take the same
width, so nothing moves; the build checks that). Headless Chromium on Linux has no hyphenation
dictionaries, so prose gets soft hyphens (U+00AD) at the Bokmål hyphenation points (pyphen), as CMSs do.
The synthetic-document notice is on the cover and in ``<title>`` (which Chromium writes as the PDF Title).
"""

from __future__ import annotations

import html as _h
import shutil
from pathlib import Path

from tests.plangen.html import CHROMIUM, _shy, print_pdf  # noqa: F401  (print_pdf: the one Chromium invocation)
from tests.plangen.spec import SYNTHETIC_NOTICE

from .document import Composed, Cover, Heading, NumList, PageBreak, Para, Section, Signatures, Table, Toc
from .plan import ProducerPlan


def _e(s: str) -> str:
    return _h.escape(s, quote=True)


def _css(plan: ProducerPlan) -> str:
    st = plan.style
    font = f"'{st.font}'"
    return f"""
@page {{ size: A4; margin: 25mm 24mm 24mm 24mm;
  @bottom-center {{ content: counter(page); font-family: {font}; font-size: 9pt; }} }}
@page :first {{ @bottom-center {{ content: none; }} }}
@page wide {{ size: A4 landscape; margin: 20mm 22mm 20mm 22mm; }}
html {{ font-family: {font}; font-size: {st.size_pt}pt; line-height: 1.3; color: #1a1a1a; }}
body {{ margin: 0; }}
p {{ margin: 0 0 6pt 0; text-align: {'justify' if st.justify else 'left'}; orphans: 2; widows: 2; }}
h1 {{ font-size: 17pt; margin: 0 0 12pt 0; break-before: page; break-after: avoid; }}
h2 {{ font-size: 13pt; margin: 12pt 0 4pt 0; break-after: avoid; }}
h3 {{ font-size: 11.5pt; margin: 10pt 0 3pt 0; break-after: avoid; }}
p.lead {{ break-after: avoid; margin-top: 8pt; }}
p.resp {{ margin-bottom: 10pt; text-align: left; }}
p.source {{ font-size: {st.size_pt - 2}pt; font-style: italic; text-align: left; }}
p.caption {{ font-weight: bold; font-size: {st.size_pt - 1}pt; break-after: avoid; text-align: left; }}
ol {{ margin: 0 0 6pt 0; }}
.cover {{ padding-top: 45mm; }}
.cover .title {{ font-size: 26pt; font-weight: bold; text-align: left; margin-bottom: 18pt; }}
.cover .sub {{ font-size: 14pt; text-align: left; margin-bottom: 18pt; }}
.cover p {{ text-align: left; margin-bottom: 18pt; font-size: 12pt; }}
.toc {{ break-before: page; }}
.toc h1.tochead {{ break-before: auto; }}
.toc p {{ display: flex; align-items: baseline; margin: 0 0 2pt 0; text-align: left; orphans: 1; widows: 1; }}
.toc p .t {{ flex: 0 1 auto; }}
.toc p .dots {{ flex: 1 0 8mm; border-bottom: 1pt dotted #555; margin: 0 3pt; }}
.toc p .pg {{ flex: 0 0 auto; }}
.toc p.l1 {{ font-weight: bold; margin-top: 4pt; }}
.toc p.l2 {{ padding-left: 6mm; }}
.toc p.l3 {{ padding-left: 12mm; }}
table {{ border-collapse: collapse; width: 100%; margin: 0 0 8pt 0; font-size: {st.size_pt - 1.5}pt; }}
td, th {{ vertical-align: top; text-align: left; padding: 2pt 4pt; }}
table.ruled td, table.ruled th {{ border: 0.75pt solid #333; }}
table.stats td.n, table.stats th.n {{ text-align: right; }}
tr.part td {{ font-weight: bold; padding-top: 5pt; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
.sigs {{ display: grid; grid-template-columns: 1fr 1fr; row-gap: 14pt; margin-top: 12pt; }}
.sigs div {{ text-align: left; }}
.wide {{ page: wide; }}
"""


def render_html(plan: ProducerPlan, comp: Composed, toc_pages: dict[str, int] | None = None) -> str:
    """The plan as one HTML document. ``toc_pages``: heading id -> page (None: placeholders of equal width)."""
    st = plan.style
    prose = _shy if st.hyphenate else _e
    out = ['<!DOCTYPE html>', '<html lang="nb"><head><meta charset="utf-8">',
           f"<title>{_e(plan.spec.title)} ({_e(SYNTHETIC_NOTICE)})</title>",
           f'<meta name="description" content="{_e(SYNTHETIC_NOTICE)}">',
           '<meta name="generator" content="tiltak tests.producers (syntetisk testdokument)">',
           f"<style>{_css(plan)}</style></head><body>"]
    open_div = False
    for b in comp.blocks:
        if isinstance(b, Cover):
            out += ['<section class="cover">', f'<p class="title">{_e(b.title)}</p>', f'<p class="sub">{_e(b.subtitle)}</p>',
                    f"<p><strong>{_e(b.notice)}</strong></p>", f"<p>{_e(b.publisher)}</p>", f"<p>{_e(b.date_text)}</p>",
                    "</section>"]
        elif isinstance(b, PageBreak):
            pass  # the TOC section starts on a new page
        elif isinstance(b, Toc):
            out.append(f'<section class="toc"><h1 class="tochead">{_e(b.title)}</h1>')
            for h in comp.headings:
                if not h.toc or h.level > st.toc_levels:
                    continue
                pg = "00" if toc_pages is None else str(toc_pages.get(h.id) or "")
                out.append(f'<p class="l{h.level}"><span class="t">{_e(h.text.replace(chr(9), " "))}</span>'
                           f'<span class="dots"></span><span class="pg">{pg}</span></p>')
            out.append("</section>")
        elif isinstance(b, Heading):
            text = _e(b.text).replace("\t", "&ensp;")
            out.append(f"<h{b.level}>{text}</h{b.level}>")
        elif isinstance(b, Para):
            cls = f' class="{b.style}"' if b.style != "body" else ""
            parts = []
            for r in b.runs:
                t = prose(r.text) if b.style in ("body",) else _e(r.text)
                if r.bold:
                    t = f"<strong>{t}</strong>"
                if r.italic:
                    t = f"<em>{t}</em>"
                parts.append(t)
            out.append(f"<p{cls}>{''.join(parts)}</p>")
        elif isinstance(b, NumList):
            out.append("<ol>" + "".join(f"<li>{_e(i)}</li>" for i in b.items) + "</ol>")
        elif isinstance(b, Table):
            if b.caption:
                out.append(f'<p class="caption">{_e(b.caption)}</p>')
            cls = ("ruled " if b.borders else "") + b.kind
            total = sum(b.widths)
            cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in b.widths)
            num = (lambda c: ' class="n"' if b.kind == "stats" and c > 0 else "")
            out.append(f'<table class="{cls}"><colgroup>{cols}</colgroup><thead><tr>'
                       + "".join(f"<th{num(c)}>{_e(x)}</th>" for c, x in enumerate(b.header)) + "</tr></thead><tbody>")
            for row in b.rows:
                if row.part:
                    out.append(f'<tr class="part"><td colspan="{len(b.header)}">{_e(row.cells[0])}</td></tr>')
                else:
                    out.append("<tr>" + "".join(f"<td{num(c)}>{_e(x)}</td>" for c, x in enumerate(row.cells)) + "</tr>")
            out.append("</tbody></table>")
        elif isinstance(b, Signatures):
            out.append(f"<p>{_e(b.place_date)}</p><div class=\"sigs\">")
            out += [f"<div><strong>{_e(n)}</strong><br>{_e(t)}</div>" for n, t in b.people]
            out.append("</div>")
        elif isinstance(b, Section):
            if open_div:
                out.append("</div>")
                open_div = False
            if b.landscape:
                out.append('<div class="wide">')
                open_div = True
            elif b.columns > 1:
                raise ValueError("two-column sections are made with the word-processor producer only")
        else:
            raise TypeError(type(b))
    if open_div:
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def chromium() -> str | None:
    """The Chromium executable, or None where it is not installed."""
    return shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
