"""tiltak: Norwegian government action plans as research-grade data.

The library is layered along the data path:
sources -> pdf (layout) -> structure (measures) -> nlp/reference (enrichment)
-> datasets -> compare (reports). Nothing in ``pipeline`` imports Prefect.
"""

__version__ = "0.1.0"

# Bump when extraction output for the same input may change; part of cache keys.
PIPELINE_VERSION = "0.3.0"
