"""Where tiltak keeps its caches, and how to clear them.

One project-local directory, ``.tiltak-cache/`` in the working directory unless
``TILTAK_CACHE_DIR`` says otherwise:

- ``results/``: extraction and comparison results (``pipeline.runs.cache``), keyed by task name +
  document sha256 + pipeline version + output-changing options (so an unchanged document is not
  extracted again, and a changed one only invalidates itself); ``results/last-good/`` points at each
  document's latest good extraction;
- ``nlp/``: the lemmatizer lookup built from spacy-lookups-data;
- ``downloads/``: fetched files stored under their sha256, with provenance JSON;
- ``web-versions/``: earlier versions of watched web documents, their pages put together again from
  ``downloads/`` for a change report;
- ``logs/``: Prefect's own log lines when tiltak runs a flow (``prefect.log``).

``tiltak cache clear`` removes it (``--keep-downloads`` keeps fetched files).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def cache_dir() -> Path:
    return Path(os.environ.get("TILTAK_CACHE_DIR") or (Path.cwd() / ".tiltak-cache")).resolve()


def results_dir() -> Path:
    return cache_dir() / "results"


def downloads_dir() -> Path:
    return cache_dir() / "downloads"


def cache_usage() -> dict[str, int]:
    """Bytes per cache section."""
    out: dict[str, int] = {}
    root = cache_dir()
    if not root.exists():
        return out
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        out[sub.name] = sum(f.stat().st_size for f in sub.rglob("*") if f.is_file())
    return out


def clear_cache(*, keep_downloads: bool = False) -> list[Path]:
    """Remove the cache sections; returns what was removed."""
    root = cache_dir()
    removed: list[Path] = []
    if not root.exists():
        return removed
    for sub in sorted(root.iterdir()):
        if keep_downloads and sub.name == "downloads":
            continue
        if sub.is_dir():
            shutil.rmtree(sub)
        else:
            sub.unlink()
        removed.append(sub)
    return removed
