"""Render a :class:`PlanSpec` to PDF with reportlab and return the exact ground truth.

Rendering has two passes: a layout pass places every line on a page (recording where each
measure's heading, last text line, responsibility line and table row stand) and a drawing pass
writes the pages, now that the page count and the TOC page numbers are known. Body text is
broken into lines by :mod:`tests.plangen.linebreak` (with hyphenation) and drawn line by line.
"""

from __future__ import annotations

import io
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from . import ministries as mins
from .layouts import LAYOUTS, Layout
from .build import split_sentences
from .linebreak import break_lines, dehyphenate
from .prose import ANTALL, BACKGROUND, CLOSING, INTRO, TEMA
from .spec import SYNTHETIC_NOTICE, MeasureSpec, PlanSpec

_FONT_DIR = os.path.join(matplotlib.get_data_path(), "fonts", "ttf")
_REGISTERED = False


def _register_fonts() -> None:
    global _REGISTERED
    if _REGISTERED:
        return
    for name, file in (("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
                       ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf")):
        pdfmetrics.registerFont(TTFont(name, os.path.join(_FONT_DIR, file)))
    _REGISTERED = True


FONTS = {
    "dejavu": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"),
    "times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
}


def _roman(n: int) -> str:
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


# --------------------------------------------------------------------------- layout engine


@dataclass
class _Flow:
    """Places lines into column regions of pages; records drawing operations per page."""

    L: Layout
    pages: list[list[tuple]] = field(default_factory=list)
    cols: int = 1
    regions: list[tuple[float, float]] = field(default_factory=list)  # (x, width)
    ri: int = 0
    y: float = 0.0
    region_top: float = 0.0

    @property
    def W(self) -> float:
        return self.L.pagesize[0]

    @property
    def H(self) -> float:
        return self.L.pagesize[1]

    @property
    def left(self) -> float:
        return self.L.margins[0]

    @property
    def right(self) -> float:
        return self.W - self.L.margins[1]

    @property
    def top(self) -> float:
        return self.H - self.L.margins[2]

    @property
    def bottom(self) -> float:
        return self.L.margins[3]

    @property
    def page(self) -> int:  # 1-based physical page
        return len(self.pages)

    @property
    def x(self) -> float:
        return self.regions[self.ri][0]

    @property
    def width(self) -> float:
        return self.regions[self.ri][1]

    def new_page(self, cols: int | None = None) -> None:
        self.pages.append([])
        self.set_columns(cols if cols is not None else self.cols, self.top)

    def set_columns(self, cols: int, top: float | None = None) -> None:
        self.cols = cols
        fw = self.right - self.left
        if cols == 1:
            self.regions = [(self.left, fw)]
        else:
            cw = (fw - self.L.gutter) / 2
            self.regions = [(self.left, cw), (self.left + cw + self.L.gutter, cw)]
        self.ri = 0
        self.region_top = self.y if top is None else top
        self.y = self.region_top

    def at_region_top(self) -> bool:
        return abs(self.y - self.region_top) < 0.01

    def is_last_region(self) -> bool:
        return self.ri == len(self.regions) - 1

    def advance(self) -> None:
        if self.ri + 1 < len(self.regions):
            self.ri += 1
            self.y = self.region_top
        else:
            self.new_page(self.L.columns if not self.L.mixed else 2)

    def room(self) -> float:
        return self.y - self.bottom

    def ensure(self, h: float) -> None:
        if self.room() < h - 0.01 and not self.at_region_top():
            self.advance()

    def space(self, h: float) -> None:
        if self.at_region_top():
            return
        if self.room() < h:
            self.advance()
        else:
            self.y -= h

    def op(self, *args: Any) -> None:
        self.pages[-1].append(args)

    # ---------------------------------------------------------------- text
    def paragraph(self, text: str, font: str, size: float, leading: float, *, justify: bool = False,
                  hyphenate: bool = True, keep_lines: int = 1, indent: float = 0.0, bullet: str | None = None) -> list[int]:
        """Place a paragraph (optionally a bullet item with hanging ``indent``); returns the page of every line."""
        pages: list[int] = []
        rest = text
        self.ensure(leading * min(keep_lines, 2))
        while rest:
            width = self.width - indent
            lines = break_lines(rest, width, font, size, hyphenate=hyphenate)
            for i, ln in enumerate(lines):
                self.ensure(leading)
                if self.width - indent != width:  # moved to a region of another width: re-break the rest
                    rest = dehyphenate(lines[i:])
                    break
                base = self.y - size
                if bullet and not pages:
                    self.op("text", font, size, self.x + indent - size * 0.9, base, bullet)
                if justify and not ln.last and " " in ln.text:
                    self.op("just", font, size, self.x + indent, base, ln.text, width)
                else:
                    self.op("text", font, size, self.x + indent, base, ln.text)
                self.y -= leading
                pages.append(self.page)
            else:
                rest = ""
        return pages

    def heading(self, text: str, font: str, size: float, *, keep: float, before: float, after: float) -> list[int]:
        """A heading kept together with ``keep`` points of what follows."""
        segments = text.split("\n")  # an explicit line break, e.g. "Tiltak 7\nTitle"
        n_lines = sum(len(break_lines(t, self.width, font, size, hyphenate=False, suspended_break=0)) for t in segments)
        leading = size * 1.25
        self.space(before)
        self.ensure(n_lines * leading + keep)
        pages: list[int] = []
        for seg in segments:
            pages += self.paragraph(seg, font, size, leading, hyphenate=False)
        self.y -= after
        return pages


# --------------------------------------------------------------------------- responsibility formats


def _join_no(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def responsibility_line(m: MeasureSpec, fmt: str, on) -> str | None:
    """The printed responsibility line of a body measure (None for "title_suffix")."""
    ab = lambda n: mins.abbreviation(n, on)  # noqa: E731
    if m.all_ministries:
        return "Ansvarlig: Alle departementer" if fmt != "title_suffix" else None
    if fmt == "abbr":
        s = "Ansvarlig: " + ", ".join(ab(n) for n in [m.lead] + m.co)
        if m.agency_in_resp:
            s += f" ({m.agency_in_resp})"
        return s
    if fmt == "ansvar_og":
        s = "Ansvar: " + _join_no([ab(n) for n in [m.lead] + m.co])
        if m.agency_in_resp:
            s += f" ({m.agency_in_resp})"
        return s
    if fmt == "full_dept":
        if m.co:
            return "Ansvarlige departementer: " + _join_no([m.lead] + m.co)
        return "Ansvarlig departement: " + m.lead
    if fmt == "full_samarbeid":
        s = "Ansvarlig: " + m.lead
        if m.co:
            s += " i samarbeid med " + _join_no(m.co)
        return s
    if fmt == "title_suffix":
        return None
    raise ValueError(fmt)


def title_suffix(m: MeasureSpec, on) -> str:
    if m.all_ministries:
        return " (alle departementer)"
    return " (" + "/".join(mins.abbreviation(n, on) for n in [m.lead] + m.co) + ")"


def table_responsibility(m: MeasureSpec, fmt: str, on, i: int) -> str:
    if m.all_ministries:
        return "Alle departementer"
    names = [m.lead] + m.co
    ab = [mins.abbreviation(n, on) for n in names]
    if fmt == "mixed":
        fmt = ("abbr_slash", "full", "abbr_comma")[i % 3]
    if fmt == "abbr_slash":
        return "/".join(ab)
    if fmt == "abbr_comma":
        return ", ".join(ab)
    if fmt == "full":
        return ", ".join(names)
    raise ValueError(fmt)


def measure_heading(n: str, title: str, fmt: str) -> str:
    if fmt == "tiltak_colon":
        return f"Tiltak {n}: {title}"
    if fmt == "tiltak_space":
        return f"Tiltak {n} {title}"
    if fmt == "number_dot":
        return f"{n}. {title}"
    if fmt == "tiltak_label":  # "Tiltak 7" on a line of its own above the title
        return f"Tiltak {n}\n{title}"
    raise ValueError(fmt)


def part_heading(n: int, title: str, fmt: str) -> str:
    if fmt == "del":
        return f"Del {n}: {title}"
    if fmt == "number":
        return f"{n} {title}"
    if fmt == "kapittel":
        return f"Kapittel {n} {title}"
    raise ValueError(fmt)


# --------------------------------------------------------------------------- the plan layout


@dataclass
class _Record:
    heading_pages: list[int] = field(default_factory=list)
    text_pages: list[int] = field(default_factory=list)
    resp_pages: list[int] = field(default_factory=list)
    table_page: int | None = None
    heading: str | None = None
    resp: str | None = None
    resp_region_last: bool = False  # text ended in the last region of its page
    room_after_text: float = 1e9


def _layout(spec: PlanSpec, L: Layout, force: set[str]) -> tuple[_Flow, dict[str, Any]]:
    _register_fonts()
    reg, bold, ital = FONTS[L.fonts]
    bs, ld = L.body_size, L.leading
    on = spec.date
    numbers = spec.numbers()
    f = _Flow(L)
    info: dict[str, Any] = {"anchors": {}, "records": {}, "parts": {}, "table_pages": [], "scanned": [], "toc": []}
    rec: dict[str, _Record] = info["records"]
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
    f.paragraph(f"Oslo, {on.day}. {_MONTHS[on.month - 1]} {on.year}", reg, bs, ld)
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
        _place_summary_table(f, spec, L, info)
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
        if L.part_new_page:
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
            r = rec.setdefault(m.key, _Record())
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


_MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"]


def _place_summary_table(f: _Flow, spec: PlanSpec, L: Layout, info: dict) -> None:
    reg, bold, _ = FONTS[L.fonts]
    on = spec.date
    numbers = spec.numbers()
    size = L.body_size - 1
    cell = ParagraphStyle("cell", fontName=reg, fontSize=size, leading=size * 1.2)
    head = ParagraphStyle("head", fontName=bold, fontSize=size, leading=size * 1.2)
    fw = f.right - f.left
    nr_w = pdfmetrics.stringWidth("Nr.", bold, size) + 14
    time_w = max(pdfmetrics.stringWidth(s, bold, size) for s in ("Tidsramme", "2016–2019")) + 14
    resp_share = 0.42 if L.table_resp in ("full", "mixed") else 0.22
    widths = [nr_w, (fw - nr_w - time_w) * (1 - resp_share), (fw - nr_w - time_w) * resp_share, time_w]
    data: list[list[Any]] = [[Paragraph(h, head) for h in ("Nr.", "Tiltak", "Ansvar", "Tidsramme")]]
    row_keys: list[str | None] = [None]
    spans: list[int] = []
    i = 0
    for p in spec.parts:
        if L.table_part_rows:
            spans.append(len(data))
            data.append([Paragraph(part_heading(p.number, p.title, L.part_heading), head), "", "", ""])
            row_keys.append(f"part{p.number}")
        for m in p.measures:
            data.append([
                Paragraph(numbers[m.key], cell),
                Paragraph(m.title, cell),
                Paragraph(table_responsibility(m, L.table_resp, on, i), cell),
                Paragraph(m.timeframe or "", cell),
            ])
            row_keys.append(m.key)
            i += 1
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for r in spans:
        style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f0f0f0"))]
    t = Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))
    # Reading-guide paragraphs before the table until it can no longer fit on this page, so that
    # the table always breaks across pages (the repeated header is part of what tests exercise).
    _, total_h = t.wrap(fw, 1e6)
    guide = list(_TABLE_GUIDE)
    while f.room() >= total_h - 3 * size and guide:
        f.paragraph(guide.pop(0), reg, L.body_size, L.leading, justify=L.justify)
        f.y -= L.leading * 0.5
    if f.room() < 4 * size * 3:
        f.new_page(1)
    consumed = 1  # rows of ``data`` placed so far (the header counts once)
    rec = info["records"]
    while True:
        avail = f.room()
        _, h = t.wrap(fw, avail)
        if h <= avail:
            chunk_rows = len(t._cellvalues) - 1
            f.op("table", t, f.left, f.y - h, fw)
            _note_rows(row_keys[consumed:consumed + chunk_rows], f.page, rec, info)
            consumed += chunk_rows
            f.y -= h
            break
        parts = t.split(fw, avail)
        if len(parts) < 2:
            f.new_page(1)
            continue
        first, t = parts[0], parts[1]
        _, h1 = first.wrap(fw, avail)
        chunk_rows = len(first._cellvalues) - 1
        f.op("table", first, f.left, f.y - h1, fw)
        _note_rows(row_keys[consumed:consumed + chunk_rows], f.page, rec, info)
        consumed += chunk_rows
        f.new_page(1)
    assert consumed == len(data), (consumed, len(data))


_TABLE_GUIDE = (
    "Nummereringen i tabellen følger nummereringen av tiltakene i planen.",
    "Kolonnen «Ansvar» viser hvilket departement som har hovedansvaret for gjennomføringen. Der flere departementer "
    "er nevnt, står det ansvarlige departementet først, og de øvrige deltar i arbeidet.",
    "Kolonnen «Tidsramme» angir når tiltaket skal gjennomføres. Tiltak som er merket «Løpende», gjennomføres i hele "
    "planperioden og følges opp i de årlige budsjettproposisjonene.",
    "Tiltakene finansieres innenfor de til enhver tid gjeldende budsjettrammene for de ansvarlige departementene. "
    "Enkelte tiltak forutsetter at det settes av midler i de årlige budsjettene.",
    "Departementene rapporterer om framdriften i tiltakene til den interdepartementale arbeidsgruppen som følger opp "
    "planen. Arbeidsgruppen legger fram en samlet statusrapport hvert år.",
    "Der et tiltak er delt mellom flere virksomheter, har det ansvarlige departementet et særlig ansvar for å samordne "
    "arbeidet og for å sørge for at brukerorganisasjonene blir hørt.",
    "Oversikten er ikke uttømmende for alt arbeidet som gjøres på feltet. Flere av tiltakene bygger videre på innsats "
    "som allerede er i gang i kommunene og i de statlige etatene.",
    "Planen vil bli evaluert ved utløpet av planperioden. Evalueringen skal vurdere både gjennomføringen av de enkelte "
    "tiltakene og den samlede effekten av innsatsen.",
    "Spørsmål om de enkelte tiltakene kan rettes til det ansvarlige departementet.",
    "Tabellen er ordnet etter planens deler. Innenfor hver del står tiltakene i samme rekkefølge som i teksten.",
    "Enkelte tiltak vil bli justert underveis dersom ny kunnskap eller endrede forutsetninger tilsier det.",
    "Tidsrammene er veiledende og kan bli endret som følge av de årlige budsjettvedtakene.",
)


def _note_rows(keys: list[str | None], page: int, rec: dict, info: dict) -> None:
    if page not in info["table_pages"]:
        info["table_pages"].append(page)
    for k in keys:
        if k and not k.startswith("part"):
            rec.setdefault(k, _Record()).table_page = page
        elif k:
            info.setdefault("table_part_rows", {})[k] = page


# --------------------------------------------------------------------------- drawing


def _labels(L: Layout, n_pages: int, first_body: int) -> dict[int, str | None]:
    out: dict[int, str | None] = {1: None}
    for p in range(2, n_pages + 1):
        if L.numbering == "roman_front":
            out[p] = _roman(p) if p < first_body else str(p - first_body + 1)
        else:
            out[p] = str(p)
    return out


def _draw(spec: PlanSpec, L: Layout, f: _Flow, info: dict, path: Path) -> dict[int, str | None]:
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
    short_title = spec.title
    for pno, ops in enumerate(f.pages, start=1):
        is_scan = pno in info["scanned"]
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
                _draw_cover(c, spec, L)
            elif kind == "colophon":
                _draw_colophon(c, spec, L)
            elif kind == "scan":
                _draw_scan(c, spec, L, labels.get(pno) or "", short_title)
        if pno > 1 and not is_scan:
            _draw_header_footer(c, L, short_title, labels.get(pno) or "", labels.get(n) or str(n), pno)
        c.showPage()
    c.save()
    return labels


def _footer_text(L: Layout, label: str, last_label: str) -> str:
    return f"Side {label} av {last_label}" if L.footer == "side_n_av_m" else label


def _draw_header_footer(c: Canvas, L: Layout, title: str, label: str, last_label: str, pno: int) -> None:
    reg, bold, ital = FONTS[L.fonts]
    W, H = L.pagesize
    ml, mr, mt, mb = L.margins
    size = L.body_size - 2
    c.setFont(ital if L.header != "title_rule" else reg, size)
    hy = H - mt / 2
    if L.header == "title_center":
        c.drawCentredString(W / 2, hy, title)
    else:
        c.drawString(ml, hy, title)
    if L.header == "title_rule":
        c.setLineWidth(0.5)
        c.line(ml, hy - 4, W - mr, hy - 4)
    c.setFont(reg, size)
    text = _footer_text(L, label, last_label)
    fy = mb / 2
    if L.footer == "n_outer":
        (c.drawRightString(W - mr, fy, text) if pno % 2 else c.drawString(ml, fy, text))
    else:
        c.drawCentredString(W / 2, fy, text)


def _draw_cover(c: Canvas, spec: PlanSpec, L: Layout) -> None:
    reg, bold, ital = FONTS[L.fonts]
    W, H = L.pagesize
    ml = L.margins[0]
    c.setFillColor(colors.HexColor("#1f3a5f"))
    c.rect(0, H * 0.55, W, H * 0.45, stroke=0, fill=1)
    c.setFillColor(colors.white)
    y = H * 0.85
    c.setFont(reg, 11)
    c.drawString(ml, y + 30, "Handlingsplan")
    for ln in break_lines(spec.title, W - 2 * ml, bold, 24, hyphenate=False, suspended_break=0):
        c.setFont(bold, 24)
        c.drawString(ml, y, ln.text)
        y -= 30
    for ln in break_lines(spec.subtitle, W - 2 * ml, reg, 13, hyphenate=False, suspended_break=0):
        c.setFont(reg, 13)
        c.drawString(ml, y, ln.text)
        y -= 17
    c.setFillColor(colors.HexColor("#b00020"))
    c.setFont(bold, 12)
    c.drawString(ml, H * 0.45, SYNTHETIC_NOTICE)
    c.setFillColor(colors.black)
    c.setFont(reg, 10)
    c.drawString(ml, H * 0.45 - 16, "Generert av tiltak-prosjektets testverktøy. Innholdet er oppdiktet.")
    y = H * 0.2
    ministries: list[str] = []
    for m in spec.ministers:
        if m.ministry not in ministries:
            ministries.append(m.ministry)
    c.setFont(reg, 10)
    for name in ministries:
        c.drawString(ml, y, name)
        y -= 13
    c.drawString(ml, y - 8, f"{_MONTHS[spec.date.month - 1].capitalize()} {spec.date.year}")


def _draw_colophon(c: Canvas, spec: PlanSpec, L: Layout) -> None:
    reg = FONTS[L.fonts][0]
    ml, mb = L.margins[0], L.margins[3]
    lines = [
        f"Utgitt av: {spec.publisher} (fiktiv utgivelse)",
        SYNTHETIC_NOTICE,
        f"Publikasjonskode: TEST-{spec.date.year}",
        "Trykk: ikke trykt",
    ]
    c.setFont(reg, 8)
    y = mb + 60
    for s in lines:
        c.drawString(ml, y, s)
        y -= 11


def _scan_lines(spec: PlanSpec) -> list[str]:
    on = spec.date
    names: list[str] = []
    for m in spec.measures():
        for n in [m.lead] + m.co:
            if n and n not in names:
                names.append(n)
    rows = sorted({(mins.abbreviation(n, on), n) for n in names})
    return [f"{a} – {n}" for a, n in rows]


def _draw_scan(c: Canvas, spec: PlanSpec, L: Layout, label: str, title: str) -> None:
    """Draw an appendix page as a grey-scale raster image only (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    W, H = L.pagesize
    dpi = 110
    px = (int(W / 72 * dpi), int(H / 72 * dpi))
    img = Image.new("L", px, 255)
    d = ImageDraw.Draw(img)
    s = dpi / 72
    font = ImageFont.truetype(os.path.join(_FONT_DIR, "DejaVuSerif.ttf"), int(10 * s))
    hfont = ImageFont.truetype(os.path.join(_FONT_DIR, "DejaVuSerif-Bold.ttf"), int(15 * s))
    ml, mr, mt, mb = (v * s for v in L.margins)
    d.text((ml, mt / 2 - 10 * s), title, font=font, fill=40)
    y = mt + 10 * s
    d.text((ml, y), "Vedlegg 1 Forkortelser", font=hfont, fill=20)
    y += 30 * s
    for line in _scan_lines(spec):
        d.text((ml, y), line, font=font, fill=30)
        y += 15 * s
    d.text((px[0] / 2, px[1] - mb / 2), label, font=font, fill=40, anchor="mm")
    rng = random.Random(spec.name)
    for _ in range(1500):  # specks
        d.point((rng.randrange(px[0]), rng.randrange(px[1])), fill=rng.randint(120, 200))
    img = img.rotate(0.6, resample=Image.BICUBIC, fillcolor=255)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=70, optimize=False)
    buf.seek(0)
    c.drawImage(ImageReader(buf), 0, 0, width=W, height=H)


# --------------------------------------------------------------------------- public


def layout_plan(spec: PlanSpec, layout: Layout | str) -> tuple[_Flow, dict[str, Any]]:
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
