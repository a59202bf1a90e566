"""Write a composed plan as a Word document (.docx, python-docx) the way a ministry's word processor would.

Word styles Heading 1/2/3 (LibreOffice maps them to its outline levels and PDF bookmarks), a TOC field
(``TOC \\o "1-3" \\h``, filled in by LibreOffice before export), automatic hyphenation (``w:autoHyphenation``)
with Norwegian Bokmål as the document language, footnotes, A4 with page numbers in the footer, sections for
a two-column part and landscape pages, ruled and borderless tables, part rows as one merged bold cell.
The synthetic-document notice is on the cover and in the core properties (PDF Title/Subject/Keywords).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from tests.plangen.spec import SYNTHETIC_NOTICE

from .document import Composed, Cover, Heading, NumList, PageBreak, Para, Section, Signatures, Table, Toc
from .plan import ProducerPlan

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _el(tag: str, **attrs: str):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    return e


def _fonts(rpr, family: str) -> None:
    """Set all four font slots (no theme fonts: the family must be what the PDF embeds)."""
    old = rpr.find(qn("w:rFonts"))
    if old is not None:
        rpr.remove(old)
    rpr.insert(0, _el("w:rFonts", **{"w:ascii": family, "w:hAnsi": family, "w:cs": family, "w:eastAsia": family}))


def _style_font(style, family: str, size: float, bold: bool | None = None) -> None:
    rpr = style.element.get_or_add_rPr()
    _fonts(rpr, family)
    style.font.size = Pt(size)
    style.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    if bold is not None:
        style.font.bold = bold


def _setup_styles(d, plan: ProducerPlan) -> None:
    st = plan.style
    normal = d.styles["Normal"]
    _style_font(normal, st.font, st.size_pt)
    rpr = normal.element.get_or_add_rPr()
    rpr.append(_el("w:lang", **{"w:val": "nb-NO", "w:eastAsia": "nb-NO", "w:bidi": "ar-SA"}))
    pf = normal.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if st.justify else WD_ALIGN_PARAGRAPH.LEFT
    pf.space_after = Pt(6)
    pf.line_spacing = 1.1
    for name, size, before, after in (("Heading 1", 17, 0, 12), ("Heading 2", 13, 12, 4), ("Heading 3", 11.5, 10, 3)):
        s = d.styles[name]
        _style_font(s, st.font, size, bold=True)
        s.font.italic = False
        s.paragraph_format.space_before = Pt(before)
        s.paragraph_format.space_after = Pt(after)
        s.paragraph_format.keep_with_next = True
        s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        s.element.get_or_add_pPr().append(_el("w:suppressAutoHyphens"))
        if name == "Heading 1":
            s.paragraph_format.page_break_before = True
    for name in ("Title", "Subtitle", "TOC Heading", "List Number", "Caption"):
        _style_font(d.styles[name], st.font, {"Title": 26, "Subtitle": 14, "TOC Heading": 17}.get(name, st.size_pt),
                    bold=name in ("Title", "TOC Heading"))
    d.styles["TOC Heading"].paragraph_format.page_break_before = False
    for name in ("Title", "Subtitle"):
        d.styles[name].element.get_or_add_pPr().append(_el("w:suppressAutoHyphens"))
    # TOC entry styles ("toc 1".."toc 3"): right tab with dot leader; entries may break across pages
    styles_el = d.styles.element
    tab = int((st.page_mm[0] - 2 * st.margin_mm) * 56.7)
    for lvl in (1, 2, 3):
        ind = (lvl - 1) * 220
        bold = "<w:b/>" if lvl == 1 else ""
        styles_el.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="TOC{lvl}"><w:name w:val="toc {lvl}"/>'
            f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>'
            f'<w:pPr><w:widowControl w:val="0"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/></w:tabs>'
            f'<w:spacing w:before="{60 if lvl == 1 else 0}" w:after="40"/><w:ind w:left="{ind}" w:right="1500"/>'
            f'<w:jc w:val="left"/><w:suppressAutoHyphens/></w:pPr><w:rPr>{bold}</w:rPr></w:style>'))
    styles_el.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
        f'<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr>'
        f'<w:rPr><w:sz w:val="17"/></w:rPr></w:style>'))


def _field(paragraph, instr: str, result: str) -> None:
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("result", result), ("end", None)):
        r = paragraph.add_run()
        if kind == "instr":
            r._r.append(_el("w:instrText", **{"xml:space": "preserve"}))
            r._r[-1].text = text
        elif kind == "result":
            r.text = text
        else:
            r._r.append(_el("w:fldChar", **{"w:fldCharType": kind}))


def _page_setup(section, st, landscape: bool = False, columns: int = 1) -> float:
    """Page size, margins and columns of a section; returns the usable width of one column in mm."""
    w, h = Mm(st.page_mm[0]), Mm(st.page_mm[1])
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (h, w) if landscape else (w, h)
    section.left_margin = section.right_margin = Mm(st.margin_mm)
    section.top_margin, section.bottom_margin = Mm(st.margin_mm), Mm(st.margin_mm - 3)
    section.header_distance = section.footer_distance = Mm(11)
    sp = section._sectPr
    for old in sp.findall(qn("w:cols")):
        sp.remove(old)
    cols = _el("w:cols", **{"w:space": "567"})
    if columns > 1:
        cols.set(qn("w:num"), str(columns))
    sp.append(cols)
    width = (st.page_mm[1] if landscape else st.page_mm[0]) - 2 * st.margin_mm
    return width if columns == 1 else (width - 10) / columns


class _Notes:
    def __init__(self):
        self.notes: list[str] = []

    def ref(self, paragraph, text: str) -> None:
        self.notes.append(text)
        r = paragraph.add_run()
        rpr = r._r.get_or_add_rPr()
        rpr.append(_el("w:vertAlign", **{"w:val": "superscript"}))
        r._r.append(_el("w:footnoteReference", **{"w:id": str(len(self.notes))}))

    def attach(self, d) -> None:
        if not self.notes:
            return
        body = [f'<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
                f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
        for i, text in enumerate(self.notes, start=1):
            t = text.replace("&", "&amp;").replace("<", "&lt;")
            body.append(f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                        f'<w:r><w:t xml:space="preserve"> {t}</w:t></w:r></w:p></w:footnote>')
        xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">{"".join(body)}</w:footnotes>'
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), d.part.package)
        d.part.relate_to(part, RT.FOOTNOTES)


def _runs(paragraph, runs, notes: _Notes) -> None:
    for r in runs:
        x = paragraph.add_run(r.text)
        x.bold = r.bold or None
        x.italic = r.italic or None
        if r.footnote:
            notes.ref(paragraph, r.footnote)


def _table(d, t: Table, plan: ProducerPlan, usable_mm: float) -> None:
    size = plan.style.size_pt - (1.5 if t.kind != "stats" else 1)
    tbl = d.add_table(rows=0, cols=len(t.header))
    if t.borders:
        tbl.style = d.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.LEFT
    total = sum(t.widths)
    widths = [Mm(usable_mm * w / total) for w in t.widths]

    def fill(cell, text: str, bold: bool = False, right: bool = False) -> None:
        p = cell.paragraphs[0]
        p.paragraph_format.space_after = Pt(1)
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
        r = p.add_run(text)
        r.font.size = Pt(size)
        r.bold = bold or None

    hdr = tbl.add_row()
    hdr._tr.get_or_add_trPr().append(_el("w:tblHeader"))
    for c, (cell, text) in enumerate(zip(hdr.cells, t.header)):
        fill(cell, text, bold=True, right=t.kind == "stats" and c > 0)
    for row in t.rows:
        r = tbl.add_row()
        if row.part:
            merged = r.cells[0].merge(r.cells[-1])
            fill(merged, row.cells[0], bold=True)
            continue
        for c, (cell, text) in enumerate(zip(r.cells, row.cells)):
            fill(cell, text, right=t.kind == "stats" and c > 0)
    tbl.autofit = False
    for col, w in zip(tbl._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w.twips)))
    for r in tbl.rows:
        for cell, w in zip(r.cells, widths):
            cell.width = w


def write_docx(plan: ProducerPlan, comp: Composed, path: str | Path, *, toc_space_pt: float = 0.0) -> Path:
    """Write ``path`` (.docx). ``toc_space_pt`` adds space above the TOC (used to move its page break)."""
    st = plan.style
    d = docx.Document()
    _setup_styles(d, plan)
    if st.hyphenate:
        settings = d.settings.element
        settings.append(_el("w:autoHyphenation"))
        settings.append(_el("w:hyphenationZone", **{"w:val": "357"}))
    cp = d.core_properties
    cp.title = f"{plan.spec.title} ({SYNTHETIC_NOTICE})"
    cp.subject = SYNTHETIC_NOTICE
    cp.author = "tiltak tests.producers (syntetisk testdokument)"
    cp.keywords = "syntetisk testdokument; ikke en offentlig plan"
    cp.comments = SYNTHETIC_NOTICE
    cp.last_modified_by = "tiltak tests.producers"
    stamp = datetime(plan.spec.date.year, plan.spec.date.month, plan.spec.date.day, 12, 0, tzinfo=timezone.utc)
    cp.created = cp.modified = stamp
    cp.revision = 1
    sec = d.sections[0]
    usable = _page_setup(sec, st)
    sec.different_first_page_header_footer = True
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(fp, "PAGE", "1")
    if st.running_header:
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = hp.add_run(plan.spec.title)
        r.italic = True
        r.font.size = Pt(9)
    notes = _Notes()
    for b in comp.blocks:
        if isinstance(b, Cover):
            for text, style, size, bold in ((b.title, "Title", 26, True), (b.subtitle, "Subtitle", 14, False),
                                            (b.notice, "Normal", 12, True), (b.publisher, "Normal", 12, False),
                                            (b.date_text, "Normal", 12, False)):
                p = d.add_paragraph(style=style)
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                p.paragraph_format.space_after = Pt(18)
                r = p.add_run(text)
                r.font.size = Pt(size)
                r.bold = bold or None
            d.paragraphs[0].paragraph_format.space_before = Pt(120)
        elif isinstance(b, PageBreak):
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(b, Toc):
            p = d.add_paragraph(b.title, style="TOC Heading")
            p.paragraph_format.space_before = Pt(toc_space_pt)
            _field(d.add_paragraph(), f' TOC \\o "1-{st.toc_levels}" \\h \\z \\u ', "Innholdsfortegnelsen oppdateres ved eksport.")
        elif isinstance(b, Heading):
            d.add_paragraph(b.text, style=f"Heading {b.level}")
        elif isinstance(b, Para):
            p = d.add_paragraph()
            if b.style == "source":
                p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
            if b.keep_with_next or b.style == "lead":
                p.paragraph_format.keep_with_next = True
            if b.style == "resp":
                p.paragraph_format.space_after = Pt(10)
            _runs(p, b.runs, notes)
            if b.style == "source":
                for r in p.runs:
                    r.font.size = Pt(st.size_pt - 2)
                    r.italic = True
        elif isinstance(b, NumList):
            for item in b.items:
                p = d.add_paragraph(item, style="List Number")
                p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        elif isinstance(b, Table):
            if b.caption:
                cap = d.add_paragraph(style="Caption")
                cap.paragraph_format.keep_with_next = True
                r = cap.add_run(b.caption)
                r.bold = True
                r.font.size = Pt(st.size_pt - 1)
            _table(d, b, plan, usable)
            d.add_paragraph().paragraph_format.space_after = Pt(2)
        elif isinstance(b, Signatures):
            d.add_paragraph(b.place_date)
            tbl = d.add_table(rows=0, cols=2)
            people = list(b.people)
            for i in range(0, len(people), 2):
                cells = tbl.add_row().cells
                for cell, person in zip(cells, people[i:i + 2]):
                    p = cell.paragraphs[0]
                    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
                    p.paragraph_format.space_before = Pt(14)
                    p.paragraph_format.space_after = Pt(0)
                    p.add_run(person[0]).bold = True
                    q = cell.add_paragraph(person[1])
                    q.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        elif isinstance(b, Section):
            new = d.add_section(WD_SECTION.NEW_PAGE)
            new.different_first_page_header_footer = False
            usable = _page_setup(new, st, landscape=b.landscape, columns=b.columns)
        else:
            raise TypeError(type(b))
    notes.attach(d)
    path = Path(path)
    d.save(str(path))
    return path
