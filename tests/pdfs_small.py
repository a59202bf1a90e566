"""Small synthetic PDFs for the PDF-layer tests (rendered with reportlab).

Every document says it is synthetic ("Eksempelplan – syntetisk testdokument"); the Norwegian
text is written for the tests and is not the government's. Each builder writes ``path`` and
returns it; the expected layout is documented next to each builder and asserted in the tests.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

W, H = A4
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
SYNTH = "Eksempelplan – syntetisk testdokument"
_registered = False


def fonts() -> None:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        _registered = True


def _lines(c: canvas.Canvas, x: float, y: float, lines: list[str], size: float = 10, bold: bool = False,
           leading: float | None = None) -> float:
    c.setFont("DejaVu-Bold" if bold else "DejaVu", size)
    lead = leading or size * 1.3
    for ln in lines:
        c.drawString(x, y, ln)
        y -= lead
    return y


def _furniture(c: canvas.Canvas, label: str) -> None:
    c.setFont("DejaVu", 8)
    c.drawString(60, H - 40, SYNTH)
    c.drawRightString(W - 60, H - 40, "Handlingsplan mot menneskehandel")
    c.drawCentredString(W / 2, 35, label)


# --------------------------------------------------------------------------- two columns

TWO_COLUMN_EXPECTED = [
    ("heading", 1, "Del 1 Bedre samarbeid mellom etatene", 1, 1),
    ("body", None, "Regjeringen vil styrke samarbeidet mellom politiet og andre myndigheter for å avdekke "
                   "menneskehandel.", 1, 1),
    ("body", None, "Justis- og beredskapsdepartementet leder arbeidet sammen med Justis- og "
                   "beredskapsdepartementets etater og flere EU-landene deltar i arbeidet som beskrives i "
                   "denne planen og i de årlige rapportene.", 1, 1),
    ("body", None, "Helse- og omsorgstjenesten skal få bedre rutiner for å identifisere ofre for "
                   "menneskehandel.", 1, 1),
    ("body", None, "Tiltakene skal gjennomføres i perioden 2016-2018 og følges opp av en styringsgruppe "
                   "med representanter fra departementene.", 1, 2),
    ("heading", 2, "Del 2 Bistand og beskyttelse til ofre for menneskehandel", 2, 2),
    ("body", None, "Ofre skal få tilbud om trygt opphold, helsehjelp og rettshjelp.", 2, 2),
    ("list_item", None, "Tiltak 1: Bedre identifisering av ofre", 2, 2),
    ("list_item", None, "Tiltak 2: Styrket bistand til barn som er utsatt for menneskehandel", 2, 2),
    ("list_item", None, "Tiltak 3: Mer kunnskap", 2, 2),
    ("heading", 3, "Oppfølging", 2, 2),
    ("body", None, "Planen evalueres etter to år. Den finansieres over flere budsjetter.", 2, 2),
]


def two_column(path: str | Path) -> Path:
    """Page 1: full-width heading over two columns; page 2: one column, wrapped heading, bullets.

    Running header and "Side N av 2" footer on both pages; a paragraph continues from
    column 1 to column 2 and another from page 1 to page 2; line-end hyphens of all kinds;
    the "fi" ligature glyph (U+FB01) in "finansieres".
    """
    fonts()
    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(f"{SYNTH}: to spalter")
    _furniture(c, "Side 1 av 2")
    _lines(c, 60, 750, ["Del 1 Bedre samarbeid mellom etatene"], size=16, bold=True)
    y = _lines(c, 60, 715, ["Regjeringen vil styrke samarbeidet", "mellom politiet og andre myndig-",
                            "heter for å avdekke menneskehandel."])
    _lines(c, 60, y - 8, ["Justis- og beredskapsdepartementet", "leder arbeidet sammen med Justis-",
                          "og beredskapsdepartementets etater", "og flere EU-", "landene deltar i arbeidet som",
                          "beskrives i denne"])
    y = _lines(c, 310, 715, ["planen og i de årlige rapportene."])
    y = _lines(c, 310, y - 8, ["Helse- og omsorgstjenesten skal", "få bedre rutiner for å identifisere",
                               "ofre for menneskehandel."])
    _lines(c, 310, y - 8, ["Tiltakene skal gjennomføres i", "perioden 2016-", "2018 og følges opp av en"])
    c.showPage()
    _furniture(c, "Side 2 av 2")
    y = _lines(c, 60, 760, ["styringsgruppe med representanter fra departementene."])
    y = _lines(c, 60, y - 14, ["Del 2 Bistand og beskyttelse til", "ofre for menneskehandel"], size=14, bold=True)
    y = _lines(c, 60, y - 6, ["Ofre skal få tilbud om trygt opphold, helsehjelp og rettshjelp."])
    y -= 8
    c.setFont("DejaVu", 10)
    for bullet, lines in (("•", ["Tiltak 1: Bedre identifisering av ofre"]),
                          ("•", ["Tiltak 2: Styrket bistand til barn som", "er utsatt for menneskehandel"]),
                          ("–", ["Tiltak 3: Mer kunnskap"])):
        c.drawString(60, y, bullet)
        y = _lines(c, 72, y, lines) - 4
    y = _lines(c, 60, y - 10, ["Oppfølging"], bold=True)
    _lines(c, 60, y - 4, ["Planen evalueres etter to år. Den \ufb01nansieres over flere budsjetter."])
    c.showPage()
    c.save()
    return path


# --------------------------------------------------------------------------- table of contents

TOC_EXPECTED = [
    ("Forord", "3", 1),
    ("Del 1 Samarbeid", "4", 1),
    ("1.1 Politiet", "4", 2),
    ("1.2 Påtalemyndigheten og domstolene i hele landet", "5", 2),
    ("Del 2 Bistand", "6", 1),
]
TOC_LABELS = {1: "ii", 2: "3", 3: "4", 4: "5"}


def with_toc(path: str | Path, leaders: bool = True) -> Path:
    """Page 1: "Innhold" and a TOC (dot leaders or right-aligned numbers); pages 2-4: text.

    Footers carry the printed page numbers ii, 3, 4, 5.
    """
    fonts()
    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=A4)
    _furniture(c, "ii")
    _lines(c, 60, 750, ["Innhold"], size=16, bold=True)
    rows = [(60, ["Forord"], "3"), (60, ["Del 1 Samarbeid"], "4"), (75, ["1.1 Politiet"], "4"),
            (75, ["1.2 Påtalemyndigheten og domstolene i", "hele landet"], "5"), (60, ["Del 2 Bistand"], "6")]
    y = 715
    c.setFont("DejaVu", 10)
    for x, title_lines, num in rows:
        for k, t in enumerate(title_lines):
            c.drawString(x, y, t)
            if k == len(title_lines) - 1:
                if leaders:
                    start = x + c.stringWidth(t, "DejaVu", 10) + 4
                    end = W - 60 - c.stringWidth(num, "DejaVu", 10) - 4
                    dots = "." * int((end - start) / c.stringWidth(".", "DejaVu", 10))
                    c.drawString(start, y, dots)
                c.drawRightString(W - 60, y, num)
            y -= 16
    c.showPage()
    for label, head in (("3", "Forord"), ("4", "Del 1 Samarbeid"), ("5", "1.2 Påtalemyndigheten")):
        _furniture(c, label)
        y = _lines(c, 60, 750, [head], size=16, bold=True)
        _lines(c, 60, y - 10, ["Dette er syntetisk brødtekst for en testside i eksempelplanen.",
                               "Den har flere linjer slik at sidene ligner på en ekte plan."])
        c.showPage()
    c.save()
    return path


# --------------------------------------------------------------------------- table over two pages

TABLE_HEADER = ["Nr.", "Tiltak", "Ansvar"]
TABLE_ROWS = [[str(i), f"Tiltak nummer {i} i eksempelplanen", "JD" if i % 2 else "HOD"] for i in range(1, 7)] + [
    ["7", "Bedre samarbeid mellom politi og kommuner", "JD, KMD"],
] + [[str(i), f"Tiltak nummer {i} i eksempelplanen", "BLD"] for i in range(8, 11)]
TABLE_ROW_PAGES = [1] * 7 + [2] * 3


def _grid(c: canvas.Canvas, x: float, y: float, widths: list[float], rows: list[list[str]], rh: float,
          bold_first: bool) -> float:
    """Draw a ruled table with top-left corner (x, y); returns the y below it."""
    total = sum(widths)
    c.setLineWidth(0.5)
    c.line(x, y, x + total, y)
    for r, row in enumerate(rows):
        c.setFont("DejaVu-Bold" if (bold_first and r == 0) else "DejaVu", 9)
        cx = x
        for wdt, cell in zip(widths, row):
            c.drawString(cx + 4, y - rh + 6, cell)
            cx += wdt
        c.line(x, y - rh, x + total, y - rh)
        cx = x
        for wdt in widths + [0]:
            c.line(cx, y, cx, y - rh)
            cx += wdt
        y -= rh
    return y


def table_two_pages(path: str | Path) -> Path:
    """"Oversikt over tiltak": a ruled table running over two pages, header repeated on page 2,
    row 7 split across the break (continuation row with an empty first cell)."""
    fonts()
    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=A4)
    widths = [40, 330, 105]
    _furniture(c, "1")
    _lines(c, 60, 770, ["Oversikt over tiltak"], size=13, bold=True)
    rh = 95.0
    page1 = [TABLE_HEADER] + TABLE_ROWS[:6] + [["7", "Bedre samarbeid mellom", "JD, KMD"]]
    _grid(c, 60, 755, widths, page1[:1], 20, True)
    _grid(c, 60, 735, widths, page1[1:], rh * 0.8, False)
    c.showPage()
    _furniture(c, "2")
    y = _grid(c, 60, 790, widths, [TABLE_HEADER], 20, True)
    y = _grid(c, 60, y, widths, [["", "politi og kommuner", ""]] + TABLE_ROWS[7:], 22, False)
    _lines(c, 60, y - 30, ["Tabellen viser alle tiltakene i eksempelplanen."])
    c.showPage()
    c.save()
    return path


# --------------------------------------------------------------------------- bad input


def image_only(path: str | Path, pages: int = 2) -> Path:
    """Pages with drawings but no text layer (like a scan)."""
    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.rect(100, 100, 300, 500, fill=1)
        c.showPage()
    c.save()
    return path


def partly_scanned(path: str | Path) -> Path:
    """Page 1 text, page 2 no text layer, page 3 text."""
    fonts()
    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=A4)
    _lines(c, 60, 750, ["Første side har tekst."])
    c.showPage()
    c.rect(100, 100, 300, 500, fill=1)
    c.showPage()
    _lines(c, 60, 750, ["Tredje side har tekst."])
    c.showPage()
    c.save()
    return path


def encrypted(path: str | Path, user_password: str = "hemmelig") -> Path:
    """Encrypted with ``user_password`` ("" = opens without a password)."""
    from reportlab.lib import pdfencrypt

    fonts()
    path = Path(path)
    enc = pdfencrypt.StandardEncryption(user_password, ownerPassword="eier", canPrint=1, strength=128)
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=enc)
    _lines(c, 60, 750, ["Kryptert eksempeldokument (syntetisk)."])
    c.showPage()
    c.save()
    return path


def assemble_pdf(objects: list[bytes], *, root: int = 1, version: bytes = b"1.4") -> bytes:
    """A PDF from numbered object bodies (object i+1 = objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def zero_pages(path: str | Path) -> Path:
    """A syntactically valid PDF whose page tree is empty."""
    Path(path).write_bytes(assemble_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    return Path(path)


# --------------------------------------------------------------------------- a longer plan (platypus)

_WORDS = ("samarbeid politiet kommunene ofre bistand tiltak arbeidet kunnskap rutiner oppfølging "
          "identifisering beskyttelse helsetjenesten rettshjelp utlendingsforvaltningen kartlegging "
          "veiledning opplæring barn ungdom etatene regionene forebygging rapportering tilbud").split()


def _sentence(rng) -> str:
    n = rng.randint(6, 14)
    words = [rng.choice(_WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def long_plan(path: str | Path, parts: int = 4, measures_per_part: int = 7, seed: int = 1) -> tuple[Path, dict]:
    """A multi-page synthetic plan set by reportlab's platypus: justified paragraphs that flow
    over two-column pages, headings, bullet lists, a summary table with a repeated header.

    Returns the path and the source content: {"headings": [...], "paragraphs": [...],
    "bullets": [...], "table_rows": [...]}.
    """
    import random

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageBreak,
                                    PageTemplate, Paragraph, Spacer, Table, TableStyle)

    fonts()
    rng = random.Random(seed)
    path = Path(path)
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=13, alignment=TA_JUSTIFY, spaceAfter=6)
    h1 = ParagraphStyle("h1", fontName="DejaVu-Bold", fontSize=18, leading=22, spaceAfter=10, spaceBefore=6)
    h2 = ParagraphStyle("h2", fontName="DejaVu-Bold", fontSize=12, leading=15, spaceAfter=4, spaceBefore=6)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=2, spaceAfter=2, alignment=0)

    def furniture(c, doc):
        c.saveState()
        c.setFont("DejaVu", 8)
        c.drawString(60, H - 40, SYNTH)
        c.drawRightString(W - 60, 35, str(doc.page))
        c.restoreState()

    one = Frame(60, 60, W - 120, H - 130, id="one")
    left = Frame(60, 60, (W - 120 - 18) / 2, H - 130, id="left")
    right = Frame(60 + (W - 120 + 18) / 2, 60, (W - 120 - 18) / 2, H - 130, id="right")
    doc = BaseDocTemplate(str(path), pagesize=A4, title=f"{SYNTH}: lang plan")
    doc.addPageTemplates([PageTemplate("one", [one], onPage=furniture),
                          PageTemplate("two", [left, right], onPage=furniture)])
    content: dict = {"headings": [], "paragraphs": [], "bullets": [], "table_rows": []}
    story: list = []
    n = 0
    for part in range(1, parts + 1):
        title = f"Del {part} {rng.choice(_WORDS).capitalize()} og {rng.choice(_WORDS)}"
        story += [NextPageTemplate("two" if part % 2 == 0 else "one"), PageBreak()] if part > 1 else []
        story.append(Paragraph(title, h1))
        content["headings"].append(title)
        for _ in range(measures_per_part):
            n += 1
            head = f"Tiltak {n}: {rng.choice(_WORDS).capitalize()} for {rng.choice(_WORDS)}"
            story.append(Paragraph(head, h2))
            content["headings"].append(head)
            for _ in range(rng.randint(1, 3)):
                para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
                story.append(Paragraph(para, body))
                content["paragraphs"].append(para)
            if n % 3 == 0:
                for _ in range(3):
                    b = _sentence(rng)
                    story.append(Paragraph(b, bullet, bulletText="•"))
                    content["bullets"].append(b)
    story += [NextPageTemplate("one"), PageBreak(), Paragraph("Oversikt over tiltak", h2)]
    rows = [["Nr.", "Tiltak", "Ansvar"]] + [[str(i), f"Tiltak {i} i eksempelplanen", rng.choice(["JD", "HOD", "BLD"])]
                                           for i in range(1, n + 1)]
    content["table_rows"] = rows
    t = Table(rows, colWidths=[40, 300, 100], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), "DejaVu"),
                           ("FONTSIZE", (0, 0), (-1, -1), 9), ("TOPPADDING", (0, 0), (-1, -1), 8),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    story += [Spacer(1, 4), t]
    doc.build(story)
    return path, content


def rotated_pages(path: str | Path) -> Path:
    """Page 1: a landscape page (/Rotate 90) whose content is drawn turned, so it reads upright;
    page 2: upright content on a page with /Rotate 90 (its text shows sideways)."""
    fonts()
    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setPageRotation(90)
    c.saveState()
    c.translate(W, 0)
    c.rotate(90)
    _lines(c, 72, 500, ["Liggende side med tabell"], size=14, bold=True)
    _lines(c, 72, 470, ["Første linje på den liggende siden.", "Andre linje på den liggende siden."])
    c.restoreState()
    c.showPage()
    c.setPageRotation(90)
    _lines(c, 72, 750, ["Sidelengs tekst på en rotert side."])
    c.showPage()
    c.save()
    return path
