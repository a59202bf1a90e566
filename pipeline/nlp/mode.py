"""Which NLP pipeline tiltak runs, and a fingerprint of it for result caches.

Two modes (``--nlp`` on the commands, or ``$TILTAK_NLP``):

* ``model`` (default): tiltak's trained Norwegian recogniser (``pipeline/nlp/models/nb_tiltak_ner``,
  see :mod:`pipeline.nlp.ner_model`) with the registry's rules on top: the registry's spans
  (ministries, minister titles, agencies, organisations, which carry ids) win where both find the same
  text, the model adds the rest (persons, places, other organisations ...). A trained spaCy pipeline
  named in ``$TILTAK_SPACY_MODEL``, or an installed ``nb_core_news_*``, replaces the shipped model. If
  the shipped model is missing or corrupt, the rule-only pipeline runs and a warning names the file
  and ``make model``.
* ``rules``: the rule-only pipeline (``spacy.blank("nb")`` + tiltak's components), as before the model.

The mode lives in the environment so the worker processes a run forks and the threads of a Prefect
task runner see the one the command was given. This module imports no spaCy: the flows compute
cache keys with :func:`nlp_fingerprint` before anything is extracted.
"""

from __future__ import annotations

import importlib.metadata
import os
from functools import lru_cache

from pipeline.errors import TiltakError

ENV_VAR = "TILTAK_NLP"
#: A spaCy pipeline (package name or directory) to use instead of the shipped model.
SPACY_MODEL_ENV_VAR = "TILTAK_SPACY_MODEL"
MODEL, RULES = "model", "rules"
MODES = (MODEL, RULES)

#: Name of the rule-only pipeline in caches and messages.
BLANK = "blank:nb"
#: Name of the shipped recogniser (:data:`pipeline.nlp.ner_model.MODEL_NAME`).
SHIPPED = "nb_tiltak_ner"
#: Trained Norwegian pipelines tried when no model is named (largest last: prefer md).
INSTALLED_CANDIDATES = ("nb_core_news_md", "nb_core_news_sm", "nb_core_news_lg")


def nlp_mode() -> str:
    """The mode in force: ``$TILTAK_NLP`` (``model`` or ``rules``), default ``model``."""
    value = os.environ.get(ENV_VAR, "").strip().lower()
    if not value:
        return MODEL
    if value not in MODES:
        raise TiltakError(f"{ENV_VAR}={value!r} is not an NLP mode", hint=f"set it to {MODEL} or {RULES}, or unset it")
    return value


def set_nlp_mode(mode: str) -> str:
    """Use ``mode`` in this process and the workers it starts (sets ``$TILTAK_NLP``); returns it."""
    value = (mode or "").strip().lower()
    if value not in MODES:
        raise TiltakError(f"unknown NLP mode {mode!r}", hint=f"use --nlp {MODEL} or --nlp {RULES}")
    os.environ[ENV_VAR] = value
    return value


def _is_installed(name: str) -> bool:
    try:
        importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def resolve_model_name(model: str | None = None) -> str:
    """The pipeline to build: ``model`` if given (``"rules"`` = :data:`BLANK`, ``"model"`` = the
    default choice); else :data:`BLANK` in ``rules`` mode; else ``$TILTAK_SPACY_MODEL``; else an
    installed ``nb_core_news_*``; else the shipped recogniser (:data:`SHIPPED`)."""
    if model in (RULES, "blank", "nb"):
        return BLANK
    if model and model != MODEL:
        return model
    if model is None and nlp_mode() == RULES:
        return BLANK
    env = os.environ.get(SPACY_MODEL_ENV_VAR, "").strip()
    if env:
        return env
    for name in INSTALLED_CANDIDATES:
        if _is_installed(name):
            return name
    return SHIPPED


#: How a document's warning starts when the shipped model could not be used (said once by the commands).
MODEL_NOT_USED = "named-entity model not used"


def fallback_message(problem: object) -> str:
    """The one line said when the shipped model cannot be used (``problem``: its NerModelError)."""
    return f"{problem}; entities come from the registry's rules only"


def model_problem(model: str | None = None) -> str | None:
    """Why the shipped model will not run although it is the one chosen (one line naming the file and
    ``make model``: missing or corrupt), or None. Cheap: the files are checked against their checksums
    once per meta.json version (no spaCy import), so a command can say it before any work."""
    if resolve_model_name(model) != SHIPPED:
        return None
    return _shipped_state()[0]


def _shipped_state() -> tuple[str | None, str]:
    """(problem or None, short digest of meta.json) of the shipped model, cached per meta.json version."""
    from pipeline.nlp.ner_model import default_model_dir

    meta = default_model_dir() / "meta.json"
    try:
        st = meta.stat()
    except OSError:
        return _check_shipped(str(meta), -1, -1)
    return _check_shipped(str(meta), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _check_shipped(meta_path: str, _mtime_ns: int, _size: int) -> tuple[str | None, str]:
    from pathlib import Path

    from pipeline.nlp.ner_model import NerModelError, verify_ner_model
    from pipeline.storage.files import sha256_file

    try:
        verify_ner_model(Path(meta_path).parent)
    except NerModelError as exc:
        return fallback_message(exc), ""
    return None, sha256_file(meta_path)[:16]


def nlp_fingerprint(model: str | None = None) -> str:
    """What the NLP step will run, as a short string for cache keys: ``rules``, ``nb_tiltak_ner:<sha>``
    (the shipped model's meta.json), ``rules-no-model`` (the shipped model is missing or corrupt: the
    rules run instead) or ``spacy:<name>``."""
    name = resolve_model_name(model)
    if name == BLANK:
        return RULES
    if name != SHIPPED:
        return f"spacy:{name}"
    problem, digest = _shipped_state()
    return "rules-no-model" if problem else f"{SHIPPED}:{digest}"
