"""The summary table ("Oversikt over tiltak"): a reportlab Table with grid lines, split over pages."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, Table, TableStyle

from .flow import Flow
from .fonts import FONTS
from .formats import part_heading, table_responsibility
from .layouts import Layout
from .record import Record
from .spec import PlanSpec

def place_summary_table(f: Flow, spec: PlanSpec, L: Layout, info: dict) -> None:
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
            rec.setdefault(k, Record()).table_page = page
        elif k:
            info.setdefault("table_part_rows", {})[k] = page
