"""The corpus manifest: which documents tiltak reads, where they come from, how they relate.

``corpus/manifest.toml`` holds ``[[source]]`` tables and optional ``[[comparison]]`` tables::

    [[source]]
    id = "pm-2016-menneskehandel"
    kind = "press_release"            # press_release | landing_page | plan
    title = "Styrket samarbeid mot menneskehandel"
    url = "https://www.regjeringen.no/..."   # https only
    file = "pressemelding-2016-....txt"      # relative to the corpus directory; optional
    publisher = "Justis- og beredskapsdepartementet"
    published = 2016-10-20                   # optional; TOML date or "dd.mm.yyyy"
    announces = "plan-2016-menneskehandel"   # press release -> plan

    [[source]]
    id = "plan-2016-menneskehandel"
    kind = "plan"
    landing_page = "lp-2016-menneskehandel"  # plan -> landing page (its PDF link gives the URL)
    previous_version = "plan-2011-..."       # plan -> older plan of the series
    series = "menneskehandel"

    [[source]]
    id = "plan-2025-menneskehandel"
    kind = "plan"
    format = "web"                           # a regjeringen.no web document: front page + chapter pages
    url = "https://www.regjeringen.no/no/dokumenter/<slug>/id3103576/"   # its front page
    file = "nettdokumenter/plan-2025"        # optional: a folder of saved pages (default downloads/<id>/)

    [[comparison]]
    old = "plan-2011-..."
    new = "plan-2016-menneskehandel"

``load_manifest`` validates everything up front and raises :class:`ManifestError` with a one-line
message naming the manifest file, the entry and the fix.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, get_args
from urllib.parse import urlsplit

from pipeline.errors import ManifestError
from pipeline.model import DocumentKind
from pipeline.sources.dates import parse_date

__all__ = [
    "Source",
    "Comparison",
    "Manifest",
    "SourceIndex",
    "load_manifest",
    "parse_manifest",
    "validate_relative_path",
    "validate_https_url",
    "KINDS",
]

KINDS: tuple[str, ...] = get_args(DocumentKind)

_SOURCE_KEYS = {
    "id", "kind", "title", "url", "file", "publisher", "published",
    "announces", "landing_page", "previous_version", "series", "notes", "sha256", "format",
}
FORMATS = ("pdf", "web")  # a plan's format: a PDF (default), or a regjeringen.no web document
_REQUIRED = ("id", "kind", "title")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")

# relation -> (kinds allowed to carry it, kind it must point to)
_RELATIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "announces": (("press_release",), "plan"),
    "landing_page": (("plan",), "landing_page"),
    "previous_version": (("plan",), "plan"),
}


@dataclass(frozen=True)
class Source:
    """One ``[[source]]`` entry. ``local_path`` is absolute (None when no file is given)."""

    id: str
    kind: DocumentKind
    title: str
    url: str | None
    file: str | None = None
    local_path: Path | None = None
    publisher: str | None = None
    published: date | None = None
    announces: str | None = None
    landing_page: str | None = None
    previous_version: str | None = None
    series: str | None = None
    notes: str | None = None
    sha256: str | None = None  # expected content hash, when known
    format: str | None = None  # plans: "pdf" (default) or "web" (front page + chapter pages; ``file`` a folder)

    @property
    def is_web_document(self) -> bool:
        return self.format == "web"

    @property
    def has_file(self) -> bool:
        """True when the entry names a file (a folder of saved pages for a web document) and it exists."""
        if self.local_path is None:
            return False
        return self.local_path.is_dir() if self.is_web_document else self.local_path.is_file()


@dataclass(frozen=True)
class Comparison:
    old: str
    new: str


class SourceIndex(dict):
    """``{id: Source}``; also callable: ``manifest.by_id("x")`` raises a clear error for unknown ids."""

    manifest_path: str = ""

    def __call__(self, source_id: str) -> Source:
        try:
            return self[source_id]
        except KeyError:
            raise ManifestError(
                f"no source with id {source_id!r}",
                path=self.manifest_path or None,
                hint="known ids: " + ", ".join(sorted(self)) if self else "the manifest has no sources",
            ) from None


@dataclass
class Manifest:
    path: Path  # the manifest file
    root: Path  # the corpus directory (the manifest's directory), absolute
    sources: list[Source]
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def by_id(self) -> SourceIndex:
        idx = SourceIndex((s.id, s) for s in self.sources)
        idx.manifest_path = str(self.path)
        return idx

    def of_kind(self, kind: str) -> list[Source]:
        return [s for s in self.sources if s.kind == kind]

    def plan_for(self, press_release_id: str) -> Source | None:
        """The plan a press release announces."""
        pr = self.by_id(press_release_id)
        return self.by_id(pr.announces) if pr.announces else None

    def landing_page_for(self, plan_id: str) -> Source | None:
        plan = self.by_id(plan_id)
        return self.by_id(plan.landing_page) if plan.landing_page else None

    def press_releases_for(self, plan_id: str) -> list[Source]:
        return [s for s in self.sources if s.announces == plan_id]

    def series_history(self, plan_id: str) -> list[Source]:
        """The plan followed by its previous versions, newest first."""
        out: list[Source] = []
        cur: Source | None = self.by_id(plan_id)
        while cur is not None:
            out.append(cur)
            cur = self.by_id(cur.previous_version) if cur.previous_version else None
        return out


# --------------------------------------------------------------------------- validation helpers


def validate_relative_path(value: str, root: Path, *, manifest: str | Path | None = None, entry: str = "?") -> Path:
    """Resolve ``value`` (a corpus-relative path) under ``root`` or raise :class:`ManifestError`.

    Refused: empty strings, absolute paths, drive letters, backslashes, NUL bytes, ``..``
    components, and anything that (after resolving symlinks) lies outside ``root``.
    """
    where = f"source {entry!r}: file {value!r}"
    hint = "give a path relative to the corpus directory, e.g. file = \"plan-2016.pdf\""
    if not isinstance(value, str) or not value.strip():
        raise ManifestError(f"{where} is empty", path=manifest, hint=hint)
    if "\x00" in value or "\\" in value or re.match(r"^[A-Za-z]:", value):
        raise ManifestError(f"{where} contains a NUL byte, backslash or drive letter", path=manifest, hint=hint)
    pure = PurePosixPath(value)
    if pure.is_absolute() or value.startswith("~"):
        raise ManifestError(f"{where} is absolute; absolute paths are refused", path=manifest, hint=hint)
    if any(part == ".." for part in pure.parts):
        raise ManifestError(f"{where} leaves the corpus directory ('..' is refused)", path=manifest, hint=hint)
    root_resolved = root.resolve()
    candidate = (root_resolved / pure).resolve()
    if candidate != root_resolved and root_resolved not in candidate.parents:
        raise ManifestError(f"{where} resolves outside the corpus directory", path=manifest, hint=hint)
    if candidate == root_resolved:
        raise ManifestError(f"{where} names the corpus directory itself, not a file", path=manifest, hint=hint)
    return candidate


def validate_https_url(value: Any, *, manifest: str | Path | None = None, entry: str = "?") -> str:
    """Return ``value`` if it is an absolute https URL with a host, else raise :class:`ManifestError`."""
    where = f"source {entry!r}: url {value!r}"
    if not isinstance(value, str) or not value.strip():
        raise ManifestError(f"{where} is empty", path=manifest, hint="give the https:// address of the document")
    try:
        parts = urlsplit(value.strip())
    except ValueError as exc:
        raise ManifestError(f"{where} is not a valid URL ({exc})", path=manifest,
                            hint="give an https:// address") from None
    if parts.scheme.lower() != "https":
        raise ManifestError(
            f"{where} uses scheme {parts.scheme or 'none'!r}; only https is accepted",
            path=manifest,
            hint="use the https:// address of the page",
        )
    if not parts.hostname or any(c.isspace() for c in value.strip()):
        raise ManifestError(f"{where} has no host or contains spaces", path=manifest,
                            hint="give a full https:// address")
    return value.strip()


def _coerce_date(value: Any, *, manifest: Path, entry: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        d = parse_date(value)
        if d is not None:
            return d
    raise ManifestError(
        f"source {entry!r}: published {value!r} is not a date",
        path=manifest,
        hint="write published = 2016-10-20 (TOML date) or leave it out if unknown",
    )


def _opt_str(raw: dict, key: str, *, manifest: Path, entry: str) -> str | None:
    v = raw.get(key)
    if v is None:
        return None
    if not isinstance(v, str):
        raise ManifestError(f"source {entry!r}: {key} must be a string, got {type(v).__name__}", path=manifest,
                            hint=f'write {key} = "..."')
    v = v.strip()
    return v or None


# --------------------------------------------------------------------------- loading


def load_manifest(path: str | Path) -> Manifest:
    """Read and validate a manifest file; the corpus root is the manifest's directory."""
    p = Path(path)
    if not p.is_file():
        raise ManifestError("manifest not found", path=p, hint="create it; see corpus/README.md")
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ManifestError("manifest is not UTF-8", path=p, hint="save the file as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"invalid TOML: {exc}", path=p, hint="fix the syntax at the position shown") from None
    return parse_manifest(data, path=p, root=p.parent)


def parse_manifest(data: dict[str, Any], *, path: str | Path, root: str | Path) -> Manifest:
    """Validate already-parsed manifest data (``path`` is used in error messages only)."""
    mpath = Path(path)
    root_p = Path(root).resolve()
    unknown_top = set(data) - {"source", "comparison"}
    if unknown_top:
        raise ManifestError(f"unknown top-level key(s) {sorted(unknown_top)}", path=mpath,
                            hint="only [[source]] and [[comparison]] tables are allowed")
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list):
        raise ManifestError("'source' must be an array of tables", path=mpath, hint="write each entry as [[source]]")
    sources: list[Source] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_sources, start=1):
        source = _parse_source(i, raw, mpath, root_p)
        if source.id in seen:
            raise ManifestError(f"source {source.id!r}: duplicate id", path=mpath, hint="give every entry a unique id")
        seen.add(source.id)
        sources.append(source)
    by_id = {s.id: s for s in sources}
    _check_relations(sources, by_id, mpath)
    comparisons = _parse_comparisons(data.get("comparison", []), by_id, mpath)
    return Manifest(path=mpath.resolve() if mpath.exists() else mpath, root=root_p, sources=sources,
                    comparisons=comparisons)


def _parse_source(i: int, raw: Any, mpath: Path, root: Path) -> Source:
    """One [[source]] table: required fields, known keys, id, kind, url or file, sha256."""
    if not isinstance(raw, dict):
        raise ManifestError(f"source #{i} is not a table", path=mpath, hint="write each entry as [[source]]")
    entry = str(raw.get("id") or f"#{i}")
    for key in _REQUIRED:
        if key not in raw or raw[key] in (None, ""):
            raise ManifestError(f"source {entry!r}: missing field {key!r}", path=mpath,
                                hint=f"add {key} = ... to the entry")
    extra = set(raw) - _SOURCE_KEYS
    if extra:
        raise ManifestError(f"source {entry!r}: unknown field(s) {sorted(extra)}", path=mpath,
                            hint="allowed: " + ", ".join(sorted(_SOURCE_KEYS)))
    sid = raw["id"]
    if not isinstance(sid, str) or not _ID_RE.match(sid):
        raise ManifestError(f"source {entry!r}: id must be letters, digits, '.', '_' or '-'", path=mpath,
                            hint='e.g. id = "plan-2016-menneskehandel"')
    kind = raw["kind"]
    if kind not in KINDS:
        raise ManifestError(f"source {sid!r}: unknown kind {kind!r}", path=mpath,
                            hint="kind must be one of " + ", ".join(KINDS))
    title = _opt_str(raw, "title", manifest=mpath, entry=sid)
    if not title:
        raise ManifestError(f"source {sid!r}: missing field 'title'", path=mpath, hint="add title = ...")
    file_ = _opt_str(raw, "file", manifest=mpath, entry=sid)
    sha = _opt_str(raw, "sha256", manifest=mpath, entry=sid)
    fmt = _format(raw, kind, sid, mpath)
    if sha is not None and not _SHA_RE.match(sha.lower()):
        raise ManifestError(f"source {sid!r}: sha256 is not 64 hex digits", path=mpath,
                            hint="remove it or paste the value printed by `sha256sum`")
    return Source(
        id=sid,
        kind=kind,
        title=title,
        url=_source_url(raw, kind, sid, mpath),
        file=file_,
        local_path=validate_relative_path(file_, root, manifest=mpath, entry=sid) if file_ else None,
        publisher=_opt_str(raw, "publisher", manifest=mpath, entry=sid),
        published=_coerce_date(raw.get("published"), manifest=mpath, entry=sid),
        announces=_opt_str(raw, "announces", manifest=mpath, entry=sid),
        landing_page=_opt_str(raw, "landing_page", manifest=mpath, entry=sid),
        previous_version=_opt_str(raw, "previous_version", manifest=mpath, entry=sid),
        series=_opt_str(raw, "series", manifest=mpath, entry=sid),
        notes=_opt_str(raw, "notes", manifest=mpath, entry=sid),
        sha256=sha.lower() if sha else None,
        format=fmt,
    )


def _format(raw: dict, kind: str, sid: str, mpath: Path) -> str | None:
    """``format``: only on plans; "web" needs the front page's https URL (``/idNNN/``) or a folder of saved pages."""
    fmt = _opt_str(raw, "format", manifest=mpath, entry=sid)
    if fmt is None:
        return None
    if fmt not in FORMATS:
        raise ManifestError(f"source {sid!r}: unknown format {fmt!r}", path=mpath,
                            hint="format must be one of " + ", ".join(FORMATS))
    if kind != "plan":
        raise ManifestError(f"source {sid!r}: a {kind} cannot have format", path=mpath,
                            hint="format belongs on a plan entry (\"web\" for a regjeringen.no web document)")
    if fmt == "web":
        if raw.get("landing_page"):
            raise ManifestError(f"source {sid!r}: a web document has no landing_page", path=mpath,
                                hint="give the web document's front page as url")
        if raw.get("sha256"):
            raise ManifestError(f"source {sid!r}: sha256 names one file; a web document has several pages", path=mpath,
                                hint="remove sha256 (every saved page gets its own provenance record)")
        url = raw.get("url")
        if url and not _ID_IN_URL.search(str(url)):
            raise ManifestError(f"source {sid!r}: url {url!r} is not a regjeringen.no document address (no /idNNN/)",
                                path=mpath, hint="give the front page of the web document, "
                                                 "e.g. https://www.regjeringen.no/no/dokumenter/<slug>/id3103576/")
    return fmt


_ID_IN_URL = re.compile(r"/id\d{3,}(?:/|$|\?)")


def _source_url(raw: dict, kind: str, sid: str, mpath: Path) -> str | None:
    """The entry's https URL; None is allowed with a local file (or, for a plan, a landing page)."""
    url = raw.get("url")
    if url not in (None, ""):
        return validate_https_url(url, manifest=mpath, entry=sid)
    if not (raw.get("file") or (kind == "plan" and raw.get("landing_page"))):
        raise ManifestError(f"source {sid!r}: needs 'url' or 'file'", path=mpath,
                            hint="add url = \"https://...\", or file = \"...\" for a document you have locally "
                                 "(a plan may instead name its landing_page)")
    return None


def _check_relations(sources: list[Source], by_id: dict[str, Source], mpath: Path) -> None:
    """announces / landing_page / previous_version name existing entries of the right kind; no loops."""
    for s in sources:
        for rel, (allowed_kinds, target_kind) in _RELATIONS.items():
            target = getattr(s, rel)
            if target is None:
                continue
            if s.kind not in allowed_kinds:
                raise ManifestError(f"source {s.id!r}: a {s.kind} cannot have {rel!r}", path=mpath,
                                    hint=f"{rel} belongs on a {' or '.join(allowed_kinds)} entry")
            if target not in by_id:
                raise ManifestError(f"source {s.id!r}: {rel} = {target!r} names no entry", path=mpath,
                                    hint="add that entry or fix the id")
            if target == s.id:
                raise ManifestError(f"source {s.id!r}: {rel} points to itself", path=mpath, hint="fix the id")
            if by_id[target].kind != target_kind:
                raise ManifestError(
                    f"source {s.id!r}: {rel} = {target!r} is a {by_id[target].kind}, expected a {target_kind}",
                    path=mpath, hint="point the relation at the right entry")
    for s in sources:  # previous_version chains must not loop
        visited = {s.id}
        cur = s
        while cur.previous_version:
            if cur.previous_version in visited:
                raise ManifestError(f"source {s.id!r}: previous_version chain loops", path=mpath,
                                    hint="each plan must point to an older plan")
            visited.add(cur.previous_version)
            cur = by_id[cur.previous_version]


def _parse_comparisons(raw_cmp: Any, by_id: dict[str, Source], mpath: Path) -> list[Comparison]:
    """[[comparison]] tables: exactly old and new, two different plan entries."""
    if not isinstance(raw_cmp, list):
        raise ManifestError("'comparison' must be an array of tables", path=mpath, hint="write [[comparison]]")
    comparisons: list[Comparison] = []
    for i, c in enumerate(raw_cmp, start=1):
        if not isinstance(c, dict) or set(c) != {"old", "new"}:
            raise ManifestError(f"comparison #{i} must have exactly 'old' and 'new'", path=mpath,
                                hint='write old = "<plan id>" and new = "<plan id>"')
        for side in ("old", "new"):
            target = c[side]
            if target not in by_id:
                raise ManifestError(f"comparison #{i}: {side} = {target!r} names no entry", path=mpath,
                                    hint="use the id of a plan entry")
            if by_id[target].kind != "plan":
                raise ManifestError(f"comparison #{i}: {side} = {target!r} is a {by_id[target].kind}, not a plan",
                                    path=mpath, hint="compare two plans")
        if c["old"] == c["new"]:
            raise ManifestError(f"comparison #{i}: old and new are the same plan", path=mpath,
                                hint="compare two different plans")
        comparisons.append(Comparison(old=c["old"], new=c["new"]))
    return comparisons
