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

from pipeline.model import Char
from pipeline.pdf.engines.base import EngineError, RawTable, Ruling

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
        self._plumber = None
        self._pages: dict[int, tuple] = {}
        self._buf = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._l = ctypes.c_double()
        self._r = ctypes.c_double()
        self._b = ctypes.c_double()
        self._t = ctypes.c_double()
        self._rect = raw.FS_RECTF()

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
        if self._plumber is not None:
            self._plumber.release(page)

    def page_size(self, page: int) -> tuple[float, float]:
        w, h = self._pdf.get_page_size(page - 1)
        return float(w), float(h)

    def chars(self, page: int) -> list[Char]:
        raw = self._raw
        p, tp = self._load(page)
        height = float(p.get_height())
        n = tp.count_chars()
        out: list[Char] = []
        rect = self._rect
        buf, flags = self._buf, self._flags
        font_cache: dict[int, str] = {}
        get_uni = raw.FPDFText_GetUnicode
        is_gen = raw.FPDFText_IsGenerated
        get_box = raw.FPDFText_GetLooseCharBox
        get_size = raw.FPDFText_GetFontSize
        get_obj = raw.FPDFText_GetTextObject
        get_font = raw.FPDFText_GetFontInfo
        get_angle = raw.FPDFText_GetCharAngle
        ref = ctypes.byref(rect)
        cast = ctypes.cast
        vp = ctypes.c_void_p
        for i in range(n):
            if is_gen(tp, i) == 1:
                continue
            u = get_uni(tp, i)
            if u in (0, 0xFFFE, 0xFFFF) or u == 13 or u == 10:
                continue
            if u == 2:  # PDFium's marker for a hyphen at a line end
                u = 0x2D
            angle = get_angle(tp, i)
            if angle > 0.01 and abs(angle - 2 * math.pi) > 0.01:
                continue  # rotated text: not part of the reading flow (pdfplumber: upright only)
            if not get_box(tp, i, ref):
                continue
            obj = get_obj(tp, i)
            key = cast(obj, vp).value or 0
            name = font_cache.get(key)
            if name is None:
                get_font(tp, i, buf, 256, ctypes.byref(flags))
                name = _SUBSET.sub("", buf.value.decode("utf-8", "replace"))
                font_cache[key] = name
            try:
                ch = chr(u)
            except ValueError:
                continue
            size = get_size(tp, i)
            bottom = height - rect.bottom
            # like pdfminer: the box is one em high above the font's descent line
            top = bottom - size if size > 0 else height - rect.top
            out.append(
                Char(
                    text=ch,
                    x0=rect.left,
                    top=top,
                    x1=rect.right,
                    bottom=bottom,
                    size=round(size, 2),
                    fontname=name,
                    page=page,
                )
            )
        return out

    def rulings(self, page: int) -> list[Ruling]:
        raw = self._raw
        p, _tp = self._load(page)
        height = float(p.get_height())
        out = []
        for obj in p.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
            try:
                left, bottom, right, top = obj.get_bounds()
            except Exception:
                continue
            out.append(Ruling(float(left), height - float(top), float(right), height - float(bottom), page))
        return out

    def find_tables(self, page: int) -> list[RawTable]:
        if self._plumber is None:
            from pipeline.pdf.engines.plumber import PlumberDocument

            self._plumber = PlumberDocument(self._path, self._password)
        return self._plumber.find_tables(page)

    def close(self) -> None:
        for k in list(self._pages):
            self.release(k)
        if self._plumber is not None:
            self._plumber.close()
        self._pdf.close()


class PdfiumEngine:
    name = "pdfium"

    def open(self, path: str, password: str | None = None) -> PdfiumDocument:
        return PdfiumDocument(path, password)
