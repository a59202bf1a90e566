"""Character engines: the only modules that import pdfplumber or pypdfium2.

``get_engine("pdfplumber" | "pdfium")`` returns a :class:`CharEngine`; its ``open`` yields an
:class:`EngineDocument` with plain records (``Char``, ``Ruling``, ``RawTable``).
"""

from __future__ import annotations

from pipeline.layout.engines.base import (
    Bookmark,
    CharEngine,
    EngineDocument,
    EngineError,
    GLYPH_FIELDS,
    glyphs_of,
    RawTable,
    Ruling,
    table_settings_for,
)

ENGINES = ("pdfplumber", "pdfium")


def get_engine(name: str) -> CharEngine:
    """Return the engine called ``name``; raises ``ValueError`` for an unknown name."""
    if name == "pdfplumber":
        from pipeline.layout.engines.plumber import PlumberEngine

        return PlumberEngine()
    if name == "pdfium":
        from pipeline.layout.engines.pdfium import PdfiumEngine

        return PdfiumEngine()
    raise ValueError(f"unknown PDF engine {name!r}; choose one of {', '.join(ENGINES)}")


__all__ = ["Bookmark", "GLYPH_FIELDS", "glyphs_of", "CharEngine", "EngineDocument", "EngineError", "RawTable", "Ruling", "get_engine", "table_settings_for", "ENGINES"]
