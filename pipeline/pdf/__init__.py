"""PDF layout layer: a PDF -> :class:`pipeline.model.LaidOutDocument`.

``read_pdf(path, engine="auto")`` is the entry point. Character engines (pdfplumber,
pypdfium2) live in :mod:`pipeline.pdf.engines`; nothing else here touches those libraries.
"""

from pipeline.pdf.reader import read_pdf

__all__ = ["read_pdf"]
