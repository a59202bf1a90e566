"""tiltak's shipped Norwegian NER model: where it is, its meta, loading it.

The model (spaCy ``tok2vec`` + ``ner`` on the ``nb`` tokenizer, trained on NorNE by
:mod:`pipeline.nlp.ner_training`) ships inside the package at
``pipeline/nlp/models/nb_tiltak_ner/``; nothing is downloaded at run time. Its ``meta.json``
holds the data sha256s, the date, the versions and the dev figures, and a list of sha256s of
every other file, checked on load.

A missing or corrupt model raises :class:`NerModelError`, one line naming the file and
``make model``. The rule-based pipeline (:func:`pipeline.nlp.load_nlp`) does not depend on
this module and keeps working without the model.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from pipeline.errors import TiltakError
from pipeline.storage.files import atomic_write_text, sha256_file

MODEL_NAME = "nb_tiltak_ner"
#: meta.json key holding {relative path: sha256} of the model's other files.
CHECKSUMS_KEY = "tiltak_files"
_HINT = "run `make model` to rebuild it; training reads ../shared/data/norne"

_CACHE: dict[str, object] = {}
_LOCK = threading.Lock()


class NerModelError(TiltakError):
    """The shipped NER model is missing, corrupt or not a tiltak NER model."""


def default_model_dir() -> Path:
    """Where the shipped model lives (inside the installed package)."""
    return Path(__file__).resolve().parent / "models" / MODEL_NAME


def _files(model_dir: Path) -> list[Path]:
    return sorted(p for p in model_dir.rglob("*") if p.is_file() and p.name != "meta.json")


def write_checksums(model_dir: str | Path) -> None:
    """Record the sha256 of every file but meta.json in meta.json (atomically)."""
    model_dir = Path(model_dir)
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta[CHECKSUMS_KEY] = {p.relative_to(model_dir).as_posix(): sha256_file(p) for p in _files(model_dir)}
    atomic_write_text(meta_path, json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def ner_model_meta(model_dir: str | Path | None = None) -> dict:
    """The model's meta (spaCy's meta.json, with tiltak's training record under ``"tiltak"``)."""
    model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
    meta_path = model_dir / "meta.json"
    if not meta_path.is_file():
        raise NerModelError("NER model missing", path=meta_path, hint=_HINT)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NerModelError(f"NER model meta is not valid JSON ({exc.__class__.__name__})", path=meta_path, hint=_HINT) from exc
    if not isinstance(meta, dict) or "ner" not in meta.get("pipeline", []):
        raise NerModelError("not a tiltak NER model (no ner component in its meta)", path=meta_path, hint=_HINT)
    return meta


def verify_ner_model(model_dir: str | Path | None = None) -> dict:
    """Meta of a complete, unaltered model; else :class:`NerModelError` naming the bad file."""
    model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
    meta = ner_model_meta(model_dir)
    sums = meta.get(CHECKSUMS_KEY)
    if not isinstance(sums, dict) or not sums:
        raise NerModelError("NER model has no file checksums in its meta", path=model_dir / "meta.json", hint=_HINT)
    for rel, digest in sorted(sums.items()):
        p = model_dir / rel
        if not p.is_file():
            raise NerModelError("NER model file missing", path=p, hint=_HINT)
        if sha256_file(p) != digest:
            raise NerModelError("NER model file corrupt (checksum differs from meta.json)", path=p, hint=_HINT)
    return meta


def ner_model_available(model_dir: str | Path | None = None) -> bool:
    """True if the model is there and intact (no exception)."""
    try:
        verify_ner_model(model_dir)
    except NerModelError:
        return False
    return True


def load_ner_model(model_dir: str | Path | None = None, *, cache: bool = True):
    """The shipped NER pipeline (spaCy ``Language``: nb tokenizer, tok2vec, ner).

    Verifies the files against meta.json first; any problem raises :class:`NerModelError`
    with one line naming the file and ``make model``. Cached per directory unless ``cache``
    is false (the cached object is shared: do not add components to it).
    """
    model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
    key = str(model_dir.resolve())
    if cache and key in _CACHE:
        return _CACHE[key]
    with _LOCK:
        if cache and key in _CACHE:
            return _CACHE[key]
        verify_ner_model(model_dir)
        import spacy

        try:
            nlp = spacy.load(model_dir)
        except Exception as exc:  # spaCy/thinc/srsly raise many types for a damaged model
            first = (str(exc).splitlines() or [exc.__class__.__name__])[0][:200]
            raise NerModelError(f"cannot load the NER model: {first}", path=model_dir, hint=_HINT) from exc
        if nlp.lang != "nb" or "ner" not in nlp.pipe_names:
            raise NerModelError("not a Bokmål NER pipeline", path=model_dir / "meta.json", hint=_HINT)
        if cache:
            _CACHE[key] = nlp
        return nlp
