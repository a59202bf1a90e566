"""PDF layout layer: a PDF -> :class:`pipeline.model.LaidOutDocument`.

``read_pdf(path, engine="auto")`` is the entry point. Character engines (pdfplumber,
pypdfium2) live in :mod:`pipeline.layout.engines`; nothing else here touches those libraries.
"""

from pipeline.layout.reader import read_pdf

__all__ = ["read_pdf"]
