"""Local storage: atomic file writes and content hashes (``files``), and where tiltak keeps its
caches (``cache``: ``.tiltak-cache/`` or ``$TILTAK_CACHE_DIR``)."""
