"""Bokmål word forms and their lemmas, from spacy-lookups-data's full-form tables.

``spacy-lookups-data`` ships two Norwegian tables: ``nb_lemma_lookup`` (about 1,600
mostly function words) and ``nb_lemma_exc`` (about 585,000 word forms, split by part of
speech).  spaCy's own ``lookup`` mode only reads the small table, which leaves
"departementet", "tiltakene" or "ofrene" unchanged.  This module merges the per-POS
tables into one lower-cased ``form -> lemma`` dictionary:

* conflicts between parts of speech are resolved by a fixed priority
  (noun > verb > adjective > adverb), within one POS by table order;
* stop words are guarded: if a stop word is itself one of its candidate lemmas it is
  kept ("for" stays "for", not the verb "fore"), and lookup-table lemmas containing a
  space ("mange" -> "mang en") are never used;
* unknown forms fall back to a genitive ``-s`` strip ("direktoratets" -> "direktorat")
  and then to compound analysis on the longest known noun suffix
  ("nærpolitireformen" -> "nærpolitireform").

The merged table is built at first use and cached as JSON on disk, keyed by the
spacy-lookups-data version, in the ``nlp/`` section of tiltak's cache (``pipeline.storage.cache``).
It is reference data for every layer: the layout layer asks ``is_known_word`` whether a line-end
hyphen is a soft break, the NLP layer's lemmatizer component uses ``lemmatize``.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pipeline.errors import TiltakError
from pipeline.storage.cache import cache_dir as storage_cache_dir
from pipeline.storage.files import atomic_write_text

#: Bump when the build rules change, so old caches are not reused.
BUILD_VERSION = 4

#: Part-of-speech priority for conflicting lemmas (first wins).
POS_PRIORITY = ("noun", "verb", "adj", "adv")

#: Shortest suffix / prefix accepted by the compound fallback.
MIN_COMPOUND_HEAD = 4
MIN_COMPOUND_MODIFIER = 3


@dataclass(frozen=True)
class LemmaTable:
    """The merged lookup: ``lemmas`` maps lower-cased forms to lemmas; ``nouns`` are the noun forms."""

    lemmas: dict[str, str]
    nouns: frozenset[str]
    source_version: str
    build_seconds: float | None = None  # set when built in this process
    load_seconds: float | None = None  # set when read from the cache

    def __len__(self) -> int:
        return len(self.lemmas)


def _lookups_version() -> str:
    try:
        return metadata.version("spacy-lookups-data")
    except metadata.PackageNotFoundError as exc:  # pragma: no cover - installed with the project
        raise TiltakError(
            "spacy-lookups-data is not installed",
            hint="pip install spacy-lookups-data (the Norwegian lemma tables come from it)",
        ) from exc


def cache_dir() -> Path:
    """Directory of the word-form table cache: the ``nlp/`` section of tiltak's cache."""
    return storage_cache_dir() / "nlp"


def cache_path() -> Path:
    return cache_dir() / f"nb_lemmas-lookups{_lookups_version()}-b{BUILD_VERSION}.json"


def _data_dir() -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).parent / "data"


def _read_table(name: str) -> dict:
    path = _data_dir() / f"{name}.json.gz"
    if not path.exists():
        plain = path.with_suffix("")
        if plain.exists():
            path = plain
        else:
            raise TiltakError(
                f"lemma table {name} not found", path=path, hint="reinstall spacy-lookups-data"
            )
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _stop_words() -> frozenset[str]:
    from spacy.lang.nb.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


def build_table() -> tuple[dict[str, str], frozenset[str]]:
    """Merge ``nb_lemma_exc`` (all POS) and ``nb_lemma_lookup`` into one lower-cased dict.

    Returns ``(lemmas, noun_forms)``; deterministic for a given spacy-lookups-data version:
    a higher-priority POS overrides a lower one; within a POS the first table entry of
    forms that differ only in case wins, and its first lemma.
    """
    exc: dict[str, dict[str, list[str]]] = _read_table("nb_lemma_exc")
    lookup: dict[str, str] = _read_table("nb_lemma_lookup")
    stop = _stop_words()
    pos_order = [p for p in POS_PRIORITY if p in exc] + sorted(p for p in exc if p not in POS_PRIORITY)

    table: dict[str, str] = {}
    for pos in reversed(pos_order):  # lowest priority first: higher ones overwrite
        # reversed items: the first of several case variants is written last and wins
        table.update({f.lower(): ls[0] for f, ls in reversed(exc[pos].items()) if ls and ls[0]})

    for key in stop:  # stop-word guard: keep the word itself if it is one of its lemmas
        cands = [
            lemma
            for pos in pos_order
            for form in dict.fromkeys((key, key.capitalize(), key.upper()))
            for lemma in exc[pos].get(form, ())
        ]
        own = [c for c in cands if c.lower() == key]
        if own:
            table[key] = own[0]

    for form, lemma in lookup.items():
        key = form.lower()
        if key in table or " " in lemma or not lemma:
            continue
        table[key] = lemma
    nouns = frozenset(f.lower() for f in exc.get("noun", ()))
    return table, nouns


_LOCK = threading.RLock()
_TABLE: LemmaTable | None = None


def load_table(*, rebuild: bool = False) -> LemmaTable:
    """Return the merged table, reading the disk cache or building (and caching) it."""
    global _TABLE
    with _LOCK:
        if _TABLE is not None and not rebuild:
            return _TABLE
        version = _lookups_version()
        path = cache_path()
        if path.exists() and not rebuild:
            t0 = time.perf_counter()
            try:
                with open(path, encoding="utf-8") as fh:
                    data = json.load(fh)
                if data.get("source_version") == version and data.get("build_version") == BUILD_VERSION:
                    noun_lemmas: dict[str, str] = data["noun_lemmas"]
                    lemmas = dict(data["other_lemmas"])
                    lemmas.update(noun_lemmas)
                    _TABLE = LemmaTable(
                        lemmas=lemmas,
                        nouns=frozenset(noun_lemmas),
                        source_version=version,
                        load_seconds=time.perf_counter() - t0,
                    )
                    return _TABLE
            except (OSError, ValueError, KeyError, TypeError):
                pass  # a corrupt or foreign cache is rebuilt below
        t0 = time.perf_counter()
        lemmas, noun_set = build_table()
        elapsed = time.perf_counter() - t0
        payload = {
            "source": "spacy-lookups-data nb_lemma_exc + nb_lemma_lookup",
            "source_version": version,
            "build_version": BUILD_VERSION,
            # split so that the noun flag costs no extra space: {form: lemma} per group
            "noun_lemmas": {k: v for k, v in lemmas.items() if k in noun_set},
            "other_lemmas": {k: v for k, v in lemmas.items() if k not in noun_set},
        }
        try:
            atomic_write_text(path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # an unwritable cache dir only costs the rebuild next time
        _TABLE = LemmaTable(lemmas=lemmas, nouns=noun_set, source_version=version, build_seconds=elapsed)
        _lemma_cached.cache_clear()
        return _TABLE


def reset_cache() -> None:
    """Forget the in-memory table (tests; after changing ``$TILTAK_CACHE_DIR``)."""
    global _TABLE
    with _LOCK:
        _TABLE = None
    _lemma_cached.cache_clear()


def _compound(key: str, table: LemmaTable) -> str | None:
    """Lemma of an unknown compound from its longest known noun head ("nærpolitireformen")."""
    n = len(key)
    for i in range(MIN_COMPOUND_MODIFIER, n - MIN_COMPOUND_HEAD + 1):
        head = key[i:]
        if head in table.nouns:
            lemma = table.lemmas.get(head)
            if lemma:
                return key[:i] + lemma.lower()
    return None


def _lookup(key: str, table: LemmaTable, compounds: bool) -> str | None:
    lemma = table.lemmas.get(key)
    if lemma is not None:
        return lemma
    # genitive -s (also -'s / -' after s-final names, "Politiets", "NAV's")
    for suffix in ("'s", "’s", "s", "'", "’"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            base = key[: -len(suffix)]
            if suffix in ("'", "’") and not base.endswith(("s", "x", "z")):
                continue
            lemma = table.lemmas.get(base)
            if lemma is not None and (base in table.nouns or suffix != "s"):
                return lemma
            if compounds and suffix == "s":
                comp = _compound(base, table)
                if comp is not None:
                    return comp
    if compounds:
        return _compound(key, table)
    return None


@lru_cache(maxsize=200_000)
def _lemma_cached(key: str) -> str | None:
    return _lookup(key, load_table(), True)


def lemmatize(word: str) -> str:
    """Lemma of one word form (case-insensitive lookup); unknown words are returned lower-cased.

    >>> lemmatize("departementets")
    'departement'
    """
    key = word.strip().lower()
    if not key:
        return key
    lemma = _lemma_cached(key)
    return key if lemma is None else lemma


def is_known_word(word: str, *, compounds: bool = False) -> bool:
    """True if the form is in the Bokmål full-form table (or is the genitive of a noun in it).

    With ``compounds=True`` an unlisted compound whose head is a known noun form counts too.
    Used by the layout layer to decide whether a hyphen at a line end is a soft break
    ("myndig-" + "heter" -> "myndigheter").
    """
    key = word.strip().lower()
    if not key:
        return False
    return _lookup(key, load_table(), compounds) is not None


def lookups_version_in_name(path: Path) -> bool:
    """True if the cache file name carries the installed spacy-lookups-data version."""
    return f"lookups{_lookups_version()}" in path.name
