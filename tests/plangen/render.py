"""Render a :class:`PlanSpec` to PDF with reportlab and return the exact ground truth.

Rendering has two passes: a layout pass (:class:`~tests.plangen.flow.Flow`) places every line on a
page, recording where each measure's heading, last text line, responsibility line and table row
stand; a drawing pass writes the pages, now that the page count and the TOC page numbers are known.
Body text is broken into lines by :mod:`tests.plangen.linebreak` (with hyphenation).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .build import split_sentences
from .flow import Flow
from .fonts import FONTS, MONTHS, register_fonts, roman
from .formats import measure_heading, part_heading, responsibility_line, title_suffix
from .furniture import draw_colophon, draw_cover, draw_header_footer, draw_scan
from .layouts import LAYOUTS, Layout
from .linebreak import break_lines
from .prose import ANTALL, BACKGROUND, CLOSING, INTRO, TEMA
from .record import Record
from .spec import SYNTHETIC_NOTICE, PlanSpec
from .table import place_summary_table

# --------------------------------------------------------------------------- the plan layout


def _layout(spec: PlanSpec, L: Layout, force: set[str]) -> tuple[Flow, dict[str, Any]]:
    register_fonts()
    reg, bold, ital = FONTS[L.fonts]
    bs, ld = L.body_size, L.leading
    on = spec.date
    numbers = spec.numbers()
    f = Flow(L)
    info: dict[str, Any] = {"anchors": {}, "records": {}, "parts": {}, "table_pages": [], "scanned": [], "toc": []}
    rec: dict[str, Record] = info["records"]
    toc: list[tuple[str, str, int]] = info["toc"]  # (anchor, title, level)

    # cover
    f.new_page(1)
    f.op("cover")
    # colophon
    if L.colophon:
        f.new_page(1)
        f.op("colophon")
    # table of contents (entries are known now; page numbers are resolved when drawing)
    toc.append(("forord", "Forord", 1))
    table_title = "Oversikt over tiltak"
    if L.measures in ("table", "both") and L.table_where == "front":
        toc.append(("table", table_title, 1))
    toc.append(("intro", "Innledning", 1))
    for p in spec.parts:
        toc.append((f"part{p.number}", part_heading(p.number, p.title, L.part_heading), 1))
        if L.toc_measures and L.measures != "table":
            for m in p.measures:
                toc.append((m.key, measure_heading(numbers[m.key], m.title, L.measure_heading), 2))
    for i, (ctitle, _) in enumerate(CLOSING):
        toc.append((f"closing{i}", ctitle, 1))
    if L.measures in ("table", "both") and L.table_where == "end":
        toc.append(("table", table_title, 1))
    if L.scanned_appendix:
        toc.append(("scan", "Vedlegg 1 Forkortelser", 1))
    f.new_page(1)
    f.heading("Innhold", bold, bs + 8, keep=ld, before=0, after=10)
    for anchor, title, level in toc:
        f.ensure(ld * 1.3)
        indent = 0 if level == 1 else 14
        text = title
        lines = break_lines(text, f.width - indent - 40, bold if level == 1 else reg, bs, hyphenate=False, suspended_break=0)
        for j, ln in enumerate(lines):
            f.ensure(ld)
            base = f.y - bs
            last = j == len(lines) - 1
            f.op("toc" if last else "text", bold if level == 1 else reg, bs, f.left + indent, base, ln.text,
                 *((anchor, f.right) if last else ()))
            f.y -= ld
        f.y -= ld * (0.35 if level == 1 else 0.1)

    # foreword
    f.new_page(1)
    info["anchors"]["forord"] = f.page
    f.heading("Forord", bold, bs + 8, keep=ld * 2, before=0, after=8)
    for para in spec.foreword:
        f.paragraph(para, reg, bs, ld, justify=L.justify)
        f.y -= ld * 0.5
    f.paragraph(f"Oslo, {on.day}. {MONTHS[on.month - 1]} {on.year}", reg, bs, ld)
    f.y -= ld
    # signatures: two per row
    colw = (f.right - f.left) / 2
    for i in range(0, len(spec.ministers), 2):
        f.ensure(ld * 4)
        for j, mn in enumerate(spec.ministers[i:i + 2]):
            x = f.left + j * colw
            f.op("text", bold, bs, x, f.y - bs - ld, mn.name)
            f.op("text", reg, bs, x, f.y - bs - 2 * ld, mn.title)
        f.y -= ld * 3.5

    body_cols = 2 if L.columns == 2 else 1

    def place_table(start_new_page: bool) -> None:
        if start_new_page or f.cols != 1:
            f.new_page(1)
        info["anchors"]["table"] = f.page
        f.heading(table_title, bold, bs + 5, keep=ld * 6, before=0, after=6)
        f.paragraph("Tabellen gir en oversikt over tiltakene i planen, med ansvarlig departement og tidsramme.",
                    reg, bs, ld, justify=L.justify)
        f.y -= ld
        place_summary_table(f, spec, L, info)
        f.new_page(body_cols if not L.mixed else 1)

    if L.measures in ("table", "both") and L.table_where == "front":
        place_table(True)

    tema = TEMA.get(spec.topic, "dette området")
    f.new_page(body_cols if not L.mixed else 1)
    info["anchors"]["intro"] = f.page
    f.heading("Innledning", bold, bs + 6, keep=ld * 3, before=0, after=6)
    for para in INTRO:
        f.paragraph(para.format(tema=tema, antall=ANTALL.get(len(spec.parts), str(len(spec.parts)))), reg, bs, ld,
                    justify=L.justify)
        f.y -= ld * 0.5
    background = BACKGROUND.get(spec.topic, ())
    sub_size = bs + 1.5
    for p in spec.parts:
        if L.part_new_page or L.mixed:  # mixed: a full-width part heading needs a fresh page (columns closed)
            f.new_page(1 if L.mixed else body_cols)
        ph = part_heading(p.number, p.title, L.part_heading)
        hp = f.heading(ph, bold, bs + 6, keep=ld * 3, before=ld * 1.5, after=6)
        info["anchors"][f"part{p.number}"] = hp[0]
        info["parts"][p.number] = {"page_start": hp[0], "heading": ph}
        for para in p.intro:
            f.paragraph(para, reg, bs, ld, justify=L.justify)
            f.y -= ld * 0.5
        if L.mixed:
            f.y -= ld * 0.5
            f.set_columns(2)
        if p.number - 1 < len(background):
            sub = "Status og utfordringer"
            if L.part_heading == "number":
                sub = f"{p.number}.1 {sub}"
            f.heading(sub, bold, sub_size, keep=ld * 2, before=ld * 0.8, after=3)
            for para in background[p.number - 1]:
                f.paragraph(para, reg, bs, ld, justify=L.justify)
                f.y -= ld * 0.5
            if L.measures != "table":
                sub = "Regjeringens tiltak" if L.part_heading != "number" else f"{p.number}.2 Regjeringens tiltak"
                f.heading(sub, bold, sub_size, keep=ld * 4, before=ld * 0.8, after=3)
        if L.measures == "table":
            continue
        for m in p.measures:
            n = numbers[m.key]
            r = rec.setdefault(m.key, Record())
            title = m.title + (title_suffix(m, on) if L.resp == "title_suffix" else "")
            r.heading = measure_heading(n, title, L.measure_heading)
            hfont = bold if L.measure_heading_bold else reg
            r.heading_pages = f.heading(r.heading, hfont, bs + L.measure_heading_delta, keep=ld * 2,
                                        before=ld * 0.8, after=2)
            info["anchors"][m.key] = r.heading_pages[0]
            sentences = split_sentences(m.text(numbers, on))
            if L.bullets and len(sentences) >= 4:
                # first sentence as a paragraph, the rest as bullet points (the bullets are not part of the text)
                r.text_pages = f.paragraph(sentences[0], reg, bs, ld, justify=L.justify)
                for sent in sentences[1:]:
                    f.y -= ld * 0.15
                    r.text_pages += f.paragraph(sent, reg, bs, ld, justify=L.justify, indent=bs * 1.4, bullet="•")
            else:
                r.text_pages = f.paragraph(m.text(numbers, on), reg, bs, ld, justify=L.justify)
            r.resp = responsibility_line(m, L.resp, on)
            if r.resp:
                r.resp_region_last = f.is_last_region()
                r.room_after_text = f.room()
                if m.key in force:
                    f.advance()
                f.y -= ld * 0.3
                r.resp_pages = f.paragraph(r.resp, ital if L.resp_italic else reg, bs, ld, hyphenate=False)
    for i, (ctitle, paras) in enumerate(CLOSING):
        if i == 0 or L.part_new_page:
            f.new_page(body_cols if not L.mixed else 1)
        hp = f.heading(ctitle, bold, bs + 6, keep=ld * 3, before=ld * 1.5, after=6)
        info["anchors"][f"closing{i}"] = hp[0]
        for para in paras:
            f.paragraph(para.format(tema=tema), reg, bs, ld, justify=L.justify)
            f.y -= ld * 0.5
    if L.measures in ("table", "both") and L.table_where == "end":
        place_table(True)
    if L.scanned_appendix:
        f.new_page(1)
        info["anchors"]["scan"] = f.page
        info["scanned"].append(f.page)
        f.op("scan")
    # drop a trailing empty page
    if f.pages and not f.pages[-1]:
        f.pages.pop()
    return f, info


# --------------------------------------------------------------------------- drawing


def _labels(L: Layout, n_pages: int, first_body: int) -> dict[int, str | None]:
    out: dict[int, str | None] = {1: None}
    for p in range(2, n_pages + 1):
        if L.numbering == "roman_front":
            out[p] = roman(p) if p < first_body else str(p - first_body + 1)
        else:
            out[p] = str(p)
    return out


def _draw(spec: PlanSpec, L: Layout, f: Flow, info: dict, path: Path) -> dict[int, str | None]:
    reg, bold, ital = FONTS[L.fonts]
    W, H = L.pagesize
    n = len(f.pages)
    first_body = info["anchors"].get("part1", 2)
    if L.measures in ("table", "both") and L.table_where == "front":
        first_body = min(first_body, info["anchors"]["table"])
    labels = _labels(L, n, first_body)
    c = Canvas(str(path), pagesize=L.pagesize, invariant=1, pageCompression=1)
    c.setTitle(f"{spec.title} ({SYNTHETIC_NOTICE})")
    c.setAuthor("tiltak tests.plangen (syntetisk testdokument)")
    c.setSubject(SYNTHETIC_NOTICE)
    c.setCreator("tiltak tests.plangen")
    c.setKeywords(["syntetisk", "testdokument", spec.topic])
    if L.numbering == "roman_front":  # PDF page labels matching the printed numbers: i, ii, ... then 1, 2, ...
        c.addPageLabel(0, "ROMAN_LOWER", 1)
        c.addPageLabel(first_body - 1, "ARABIC", 1)
    outline: dict[int, list[tuple[str, str, int]]] = {}
    if L.outline:
        for anchor, title, level in info["toc"]:
            outline.setdefault(info["anchors"][anchor], []).append((anchor, title.replace("\n", " "), level))
    short_title = spec.title
    for pno, ops in enumerate(f.pages, start=1):
        is_scan = pno in info["scanned"]
        for anchor, title, level in outline.get(pno, []):  # PDF bookmarks, in document order
            c.bookmarkPage(anchor)
            c.addOutlineEntry(title, anchor, level=level - 1)
        for o in ops:
            kind = o[0]
            if kind == "text":
                _, font, size, x, y, s = o
                c.setFont(font, size)
                c.drawString(x, y, s)
            elif kind == "just":
                _, font, size, x, y, s, width = o
                words = s.split(" ")
                total = sum(pdfmetrics.stringWidth(w, font, size) for w in words)
                gap = (width - total) / (len(words) - 1)
                c.setFont(font, size)
                xx = x
                for w in words:
                    c.drawString(xx, y, w)
                    xx += pdfmetrics.stringWidth(w, font, size) + gap
            elif kind == "toc":
                _, font, size, x, y, s, anchor, right = o
                label = labels.get(info["anchors"][anchor]) or ""
                c.setFont(font, size)
                c.drawString(x, y, s)
                c.drawRightString(right, y, label)
                start = x + pdfmetrics.stringWidth(s + " ", font, size)
                end = right - pdfmetrics.stringWidth(label + " ", font, size)
                dot = pdfmetrics.stringWidth(" .", reg, size)
                k = int((end - start) / dot)
                if k > 0:
                    c.setFont(reg, size)
                    c.drawRightString(end, y, " ." * k)
            elif kind == "table":
                _, t, x, y, fw = o
                t.wrapOn(c, fw, H)
                t.drawOn(c, x, y)
            elif kind == "cover":
                draw_cover(c, spec, L)
            elif kind == "colophon":
                draw_colophon(c, spec, L)
            elif kind == "scan":
                draw_scan(c, spec, L, labels.get(pno) or "", short_title)
        if pno > 1 and not is_scan:
            draw_header_footer(c, L, short_title, labels.get(pno) or "", labels.get(n) or str(n), pno)
        c.showPage()
    c.save()
    return labels


# --------------------------------------------------------------------------- public


def layout_plan(spec: PlanSpec, layout: Layout | str) -> tuple[Flow, dict[str, Any]]:
    """Run the layout pass, forcing one responsibility line onto the next page if none fell there."""
    L = LAYOUTS[layout] if isinstance(layout, str) else layout
    f, info = _layout(spec, L, set())
    if L.force_resp_next_page and L.measures != "table":
        recs = info["records"]
        spilled = [k for k, r in recs.items() if r.resp_pages and r.text_pages and r.resp_pages[0] != r.text_pages[-1]]
        if not spilled:
            last_of_part = {p.measures[-1].key for p in spec.parts if p.measures}
            cands = [(r.room_after_text, k) for k, r in recs.items()
                     if r.resp and r.resp_region_last and k not in last_of_part]
            if cands:
                _, key = min(cands)
                f, info = _layout(spec, L, {key})
    return f, info


def render_plan(spec: PlanSpec, path: str | Path, layout: Layout | str = "classic") -> dict:
    """Render ``spec`` to ``path`` (PDF) and return the ground truth dict (also see :mod:`.truth`)."""
    from .truth import build_truth

    L = LAYOUTS[layout] if isinstance(layout, str) else layout
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    f, info = layout_plan(spec, L)
    labels = _draw(spec, L, f, info, path)
    return build_truth(spec, L, info, labels, len(f.pages), path)
