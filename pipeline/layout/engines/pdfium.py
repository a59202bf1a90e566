"""Fast engine: pypdfium2 (PDFium), per-character boxes through the raw API.

Coordinates are converted to pdfplumber's convention (top-left origin; ``top``/``bottom``
from the font's ascent/descent, i.e. PDFium's *loose* char box), so both engines feed
the same layout code. Table finding delegates to pdfplumber, opened lazily and only for
the pages that ask for it.
"""

from __future__ import annotations

import ctypes
import math
import re
from pathlib import Path
from typing import Iterator

from pipeline.model import Char
from pipeline.layout.engines.base import Bookmark, EngineError, RawTable, Ruling, font_is_bold, table_settings_for

_SUBSET = re.compile(r"^[A-Z]{6}\+")


class PdfiumDocument:
    def __init__(self, path: str, password: str | None = None):
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw

        self._raw = raw
        self._path = path
        self._password = password
        try:
            self._pdf = pdfium.PdfDocument(path, password=password)
        except pdfium.PdfiumError as exc:
            code = getattr(exc, "err_code", None)
            if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
                raise EngineError("encrypted", str(exc)) from None
            raise EngineError("corrupt", str(exc)) from None
        self.page_count = len(self._pdf)
        self.warnings: list[str] = []
        self.metadata: dict[str, str] = {}
        try:
            for k, v in self._pdf.get_metadata_dict(skip_empty=True).items():
                self.metadata[str(k)] = str(v)
        except Exception:
            pass
        self._last_glyphs: tuple[int, list[tuple]] | None = None
        self._pages: dict[int, tuple] = {}
        self._buf = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._l = ctypes.c_double()
        self._r = ctypes.c_double()
        self._b = ctypes.c_double()
        self._t = ctypes.c_double()
        self._rect = raw.FS_RECTF()
        self._fn = None
        self._seg_cache: dict[int, list] = {}
        self._sizes: dict[int, tuple[float, float]] = {}  # pages read turned (sideways text)

    # pages are loaded once and released explicitly (keeps memory flat on long documents)
    def _load(self, page: int):
        if page not in self._pages:
            p = self._pdf[page - 1]
            self._pages[page] = (p, p.get_textpage())
        return self._pages[page]

    def release(self, page: int) -> None:
        got = self._pages.pop(page, None)
        if got:
            got[1].close()
            got[0].close()
        self._seg_cache.pop(page, None)
        if self._last_glyphs is not None and self._last_glyphs[0] == page:
            self._last_glyphs = None

    def char_count(self, page: int) -> int:
        """Glyphs on a page, counted without extracting them (limits check)."""
        return int(self._load(page)[1].count_chars())

    def page_size(self, page: int) -> tuple[float, float]:
        if page in self._sizes:
            return self._sizes[page]
        w, h = self._pdf.get_page_size(page - 1)
        return float(w), float(h)

    def _mapper(self, p):
        """Unrotated page point -> (x, top) on the page as displayed (its /Rotate applied)."""
        to_dev = self._raw.FPDF_PageToDevice
        dw, dh = p.get_width(), p.get_height()
        dx, dy = ctypes.c_int(), ctypes.c_int()
        rdx, rdy = ctypes.byref(dx), ctypes.byref(dy)
        scale = 1000.0 / max(dw, dh)
        sw, sh = int(round(dw * scale)), int(round(dh * scale))

        def shown(x: float, y: float) -> tuple[float, float]:
            to_dev(p, 0, 0, sw, sh, 0, x, y, rdx, rdy)
            return dx.value / scale, dy.value / scale

        return shown

    def _fast(self):
        """Bare ctypes prototypes for the per-glyph calls (half the call overhead)."""
        if self._fn is None:
            raw = self._raw
            vp, ci = ctypes.c_void_p, ctypes.c_int
            obj = ctypes.cast(raw.FPDFText_GetTextObject, vp).value
            box = ctypes.cast(raw.FPDFText_GetLooseCharBox, vp).value
            origin = ctypes.cast(raw.FPDFText_GetCharOrigin, vp).value
            self._fn = (
                ctypes.CFUNCTYPE(vp, vp, ci)(obj),
                ctypes.CFUNCTYPE(ci, vp, ci, vp)(box),
                ctypes.CFUNCTYPE(ci, vp, ci, vp, vp)(origin),
            )
        return self._fn

    def glyphs(self, page: int, keep_rotated: bool = False) -> list[tuple]:
        """Glyph tuples (see :data:`pipeline.layout.engines.base.GLYPH_FIELDS`); cheaper than ``chars``."""
        raw = self._raw
        p, tp = self._load(page)
        height = float(p.get_height())
        n = tp.count_chars()
        if n <= 0:
            return []
        get_obj, get_box, get_origin = self._fast()
        tp_raw = ctypes.cast(tp.raw, ctypes.c_void_p)
        # all code units in one call; one UTF-16 unit per glyph index unless astral characters occur
        units = (ctypes.c_ushort * (n + 1))()
        got = raw.FPDFText_GetText(tp, 0, n, units)
        text = bytes(units)[: 2 * max(0, got - 1)].decode("utf-16-le", "replace")
        if len(text) != n:
            text = "".join(chr(raw.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
        rect = self._rect
        rp = ctypes.addressof(rect)
        rotation = p.get_rotation() % 360 if not keep_rotated else 0
        if keep_rotated:  # read the page in its unrotated space, where its text runs left to right
            w0, h0 = p.get_width(), p.get_height()
            if p.get_rotation() % 180:
                w0, h0 = h0, w0
                height = float(h0)
            self._sizes[page] = (float(w0), float(h0))
        shown = self._mapper(p) if rotation else None  # boxes come in unrotated page space
        buf, fref = self._buf, ctypes.byref(self._flags)
        objinfo: dict[int | None, tuple | None] = {}
        mat = raw.FS_MATRIX()
        mref = ctypes.byref(mat)
        desc = ctypes.c_float()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        oxr, oyr = ctypes.byref(ox), ctypes.byref(oy)
        # upright text: the box runs from the font's descent line below the character origin to one em above it,
        # as pdfminer computes it. PDFium's loose box is the glyph's ink box for fonts without ascent/descent
        # ("g" hangs lower) and for ligatures (Chromium/Skia "fi"): only its horizontal extent is used.
        by_origin = not keep_rotated and not rotation
        names: dict[bytes, str] = {}
        bold_of: dict[str, bool] = {}
        two_pi = 2 * math.pi
        out: list[tuple] = []
        rotated_n = 0
        for i, ch in enumerate(text):
            if ch in "\r\n\x00\uffff":
                continue
            key = get_obj(tp_raw, i)
            info = objinfo.get(key, False)
            if info is False:
                if key is None:  # a glyph PDFium generated (space/line break between runs)
                    info = None
                else:
                    k = raw.FPDFText_GetFontInfo(tp, i, buf, 256, fref)
                    fkey = buf.raw[: max(0, k - 1)]
                    name = names.get(fkey)
                    if name is None:
                        name = names[fkey] = _SUBSET.sub("", fkey.decode("utf-8", "replace"))
                    # the glyph's angle as displayed (the page's /Rotate turns it clockwise)
                    angle = (raw.FPDFText_GetCharAngle(tp, i) + math.radians(rotation)) % two_pi
                    rotated = 0.01 < angle < two_pi - 0.01
                    # PDFium's font size is in text space; the size on the page (pdfminer's) also carries the
                    # scale of the text and page matrices (Chromium/Skia draws 13.33 px text under a 0.75 CTM)
                    size = raw.FPDFText_GetFontSize(tp, i)
                    scale = 1.0
                    if raw.FPDFText_GetMatrix(tp, i, mref):
                        scale = math.hypot(mat.c, mat.d) or 1.0
                    descent = None
                    font = raw.FPDFTextObj_GetFont(ctypes.cast(key, raw.FPDF_PAGEOBJECT))
                    if font and raw.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(desc)):
                        descent = desc.value * scale
                    info = (round(size * scale, 2), name, rotated, descent)
                objinfo[key] = info
            if info is None:
                continue  # a glyph PDFium generated
            if info[2] and not keep_rotated:
                rotated_n += 1
                continue  # rotated text is not part of the reading flow
            if not get_box(tp_raw, i, rp):
                continue
            size = info[0]
            if by_origin and info[3] is not None and get_origin(tp_raw, i, oxr, oyr):
                rect.bottom = oy.value + info[3]
                if ox.value < rect.right:
                    rect.left = ox.value
            if rotation:
                ax, ay = shown(rect.left, rect.bottom)
                bx_, by_ = shown(rect.right, rect.top)
                rect.left, rect.right = min(ax, bx_), max(ax, bx_)
                # device y grows downward: store as bottom-left-origin values for the code below
                rect.bottom, rect.top = height - max(ay, by_), height - min(ay, by_)
            if ch == "\ufffe" or ch == "\x02":  # PDFium's marker for a hyphen at a line end
                ch = "-"
            bottom = height - rect.bottom
            name = info[1]
            bold = bold_of.get(name)
            if bold is None:
                bold = bold_of[name] = font_is_bold(name)
            top = bottom - size if size > 0 else height - rect.top  # one em above the descent line
            out.append((rect.left, rect.right, top, bottom, size, ch, name, bold, ch.isspace()))
        if not keep_rotated and rotated_n and not any(not g[8] for g in out):
            # a page set sideways (rotated text only): read it turned so that its text is upright
            self.warnings.append(f"page {page}: text is set sideways; read it turned upright")
            return self.glyphs(page, keep_rotated=True)
        self._last_glyphs = (page, out)
        return out

    def chars(self, page: int) -> list[Char]:
        return [Char(g[5], g[0], g[2], g[1], g[3], g[4], g[6], page) for g in self.glyphs(page)]

    def _segments(self, page: int) -> list[tuple[float, float, float, float]]:
        """Straight horizontal/vertical path segments of a page, top-left origin: (x0, top, x1, bottom)."""
        cached = self._seg_cache.get(page)
        if cached is not None:
            return cached
        raw = self._raw
        p, _tp = self._load(page)
        height = float(p.get_height())
        out: list[tuple[float, float, float, float]] = []
        fx, fy = ctypes.c_float(), ctypes.c_float()
        bx, by = ctypes.byref(fx), ctypes.byref(fy)
        rotation = p.get_rotation() % 360 if page not in self._sizes else 0
        if page in self._sizes:
            height = self._sizes[page][1]
        mapper = self._mapper(p) if rotation else None
        for obj in p.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
            try:
                m = obj.get_matrix()
                a, b_, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
                n = raw.FPDFPath_CountSegments(obj.raw)
            except Exception:
                continue
            if n <= 0 or n > 5000:
                continue
            start = prev = None
            for i in range(n):
                seg = raw.FPDFPath_GetPathSegment(obj.raw, i)
                if not seg or not raw.FPDFPathSegment_GetPoint(seg, bx, by):
                    continue
                x, y = fx.value, fy.value
                px, py = a * x + c * y + e, b_ * x + d * y + f
                pt = mapper(px, py) if mapper else (px, height - py)
                kind = raw.FPDFPathSegment_GetType(seg)
                if kind == raw.FPDF_SEGMENT_MOVETO:
                    start = prev = pt
                    continue
                if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
                    out.append(_edge(prev, pt))
                prev = pt
                if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                    out.append(_edge(prev, start))
                    prev = start
        out = [s for s in out if s is not None]
        self._seg_cache[page] = out
        return out

    def rulings(self, page: int) -> list[Ruling]:
        return [Ruling(x0, top, x1, bottom, page) for x0, top, x1, bottom in self._segments(page)]

    def rects(self, page: int) -> list[Ruling]:
        """Filled or stroked boxes (both sides longer than 2 pt)."""
        return [r for r in self.rulings(page) if r.orientation == "rect"]

    def lines(self, page: int) -> list[Ruling]:
        """Horizontal and vertical rules."""
        return [r for r in self.rulings(page) if r.orientation in ("h", "v")]

    def find_tables(self, page: int) -> list[RawTable]:
        """pdfplumber's table finder on PDFium's ruling lines and glyphs (no pdfminer parsing)."""
        from pdfplumber.table import TableFinder

        finder_page = _FinderPage(self, page)
        settings = table_settings_for(self.rulings(page))
        out: list[RawTable] = []
        for t in TableFinder(finder_page, settings).tables:
            out.append(RawTable(bbox=tuple(t.bbox), rows=[], page=page,
                                row_bboxes=[tuple(r.bbox) for r in t.rows],
                                cells=[[tuple(c) if c is not None else None for c in r.cells] for r in t.rows]))
        return out

    def outline(self, max_entries: int = 2000) -> list[Bookmark]:
        """The document's bookmarks in order (empty if none or unreadable)."""
        out: list[Bookmark] = []
        try:
            for it in self._pdf.get_toc(max_depth=8):
                if len(out) >= max_entries:
                    break
                page = None
                try:
                    dest = it.get_dest()
                    idx = dest.get_index() if dest is not None else None
                    page = idx + 1 if idx is not None and 0 <= idx < self.page_count else None
                except Exception:
                    page = None
                title = " ".join((it.get_title() or "").split())
                if title:
                    out.append(Bookmark(title, int(it.level) + 1, page))
        except Exception:
            return out
        return out

    def close(self) -> None:
        for k in list(self._pages):
            self.release(k)
        self._pdf.close()


def _edge(p0: tuple[float, float], p1: tuple[float, float]) -> tuple[float, float, float, float] | None:
    (x0, y0), (x1, y1) = p0, p1
    if abs(y0 - y1) < 0.5 or abs(x0 - x1) < 0.5:  # horizontal or vertical only
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return None


class _FinderPage:
    """The few attributes of a ``pdfplumber.Page`` that its TableFinder and Table.extract use."""

    def __init__(self, doc: "PdfiumDocument", page: int):
        w, h = doc.page_size(page)
        self.bbox = (0.0, 0.0, w, h)
        self.width, self.height = w, h
        self.page_number = page
        self.edges = []
        for x0, top, x1, bottom in doc._segments(page):
            horizontal = (bottom - top) < 0.5
            self.edges.append({
                "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
                "width": x1 - x0, "height": bottom - top, "orientation": "h" if horizontal else "v",
                "object_type": "line",
            })
        last = doc._last_glyphs
        glyphs = last[1] if last and last[0] == page else doc.glyphs(page)
        self.chars = [
            {"text": g[5], "x0": g[0], "x1": g[1], "top": g[2], "bottom": g[3], "doctop": g[2],
             "upright": True, "size": g[4], "fontname": g[6], "width": g[1] - g[0],
             "height": g[3] - g[2], "object_type": "char", "page_number": page}
            for g in glyphs
        ]

    def extract_words(self, **kwargs):
        from pdfplumber.utils import extract_words

        return extract_words(self.chars, **kwargs)


class PdfiumEngine:
    name = "pdfium"

    def open(self, path: str, password: str | None = None) -> PdfiumDocument:
        return PdfiumDocument(path, password)


def render_pages(path: str | Path, dpi: int = 300) -> Iterator:
    """Yield each page of ``path`` as a PIL image (for OCR)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            yield page.render(scale=dpi / 72).to_pil()
            page.close()
    finally:
        pdf.close()


def merge_pdf_pages(pdfs: list[bytes], out: str | Path) -> None:
    """Concatenate single PDFs given as bytes into ``out``."""
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    try:
        for data in pdfs:
            one = pdfium.PdfDocument(data)
            merged.import_pages(one)
            one.close()
        merged.save(str(out))
    finally:
        merged.close()
