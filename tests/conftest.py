"""Test-session isolation: Prefect state, tiltak's cache and the NLP cache live in a
temporary directory, so tests never touch ~/.prefect or the project's .tiltak-cache/,
and no test phones home. These variables are set before anything imports Prefect."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="tiltak-tests-"))
os.environ["PREFECT_HOME"] = str(_SESSION_DIR / "prefect-home")
os.environ["TILTAK_CACHE_DIR"] = str(_SESSION_DIR / "tiltak-cache")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("TILTAK_NLP", None)  # the default NLP mode (model + rules) unless a test sets it

REPO = Path(__file__).resolve().parents[1]
# Read-only inputs (NorNE, a real regjeringen.no page) live next to the project root, never in it.
SHARED = REPO.parent / "shared"

# Session fixtures shared by every test module: one generated standard set of synthetic plans.
from tests.plangen.fixtures import plangen_dir, plangen_manifest, plangen_pairs, plangen_plans  # noqa: E402,F401
