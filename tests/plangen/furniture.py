"""Page furniture: cover, colophon, running header/footer and the scanned (image-only) appendix page."""

from __future__ import annotations

import io
import os
import random

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from . import ministries as mins
from .fonts import FONT_DIR, FONTS, MONTHS
from .layouts import Layout
from .linebreak import break_lines
from .spec import SYNTHETIC_NOTICE, PlanSpec

def footer_text(L: Layout, label: str, last_label: str) -> str:
    return f"Side {label} av {last_label}" if L.footer == "side_n_av_m" else label


def draw_header_footer(c: Canvas, L: Layout, title: str, label: str, last_label: str, pno: int) -> None:
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
    text = footer_text(L, label, last_label)
    fy = mb / 2
    if L.footer == "n_outer":
        (c.drawRightString(W - mr, fy, text) if pno % 2 else c.drawString(ml, fy, text))
    else:
        c.drawCentredString(W / 2, fy, text)


def draw_cover(c: Canvas, spec: PlanSpec, L: Layout) -> None:
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
    c.drawString(ml, y - 8, f"{MONTHS[spec.date.month - 1].capitalize()} {spec.date.year}")


def draw_colophon(c: Canvas, spec: PlanSpec, L: Layout) -> None:
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


def scan_lines(spec: PlanSpec) -> list[str]:
    on = spec.date
    names: list[str] = []
    for m in spec.measures():
        for n in [m.lead] + m.co:
            if n and n not in names:
                names.append(n)
    rows = sorted({(mins.abbreviation(n, on), n) for n in names})
    return [f"{a} – {n}" for a, n in rows]


def draw_scan(c: Canvas, spec: PlanSpec, L: Layout, label: str, title: str) -> None:
    """Draw an appendix page as a grey-scale raster image only (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    W, H = L.pagesize
    dpi = 110
    px = (int(W / 72 * dpi), int(H / 72 * dpi))
    img = Image.new("L", px, 255)
    d = ImageDraw.Draw(img)
    s = dpi / 72
    font = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSerif.ttf"), int(10 * s))
    hfont = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSerif-Bold.ttf"), int(15 * s))
    ml, mr, mt, mb = (v * s for v in L.margins)
    d.text((ml, mt / 2 - 10 * s), title, font=font, fill=40)
    y = mt + 10 * s
    d.text((ml, y), "Vedlegg 1 Forkortelser", font=hfont, fill=20)
    y += 30 * s
    for line in scan_lines(spec):
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
