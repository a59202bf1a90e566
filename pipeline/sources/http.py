"""HTTP downloads with provenance: library code, no Prefect.

* ``fetch(url, store=..., dest=..., expect="pdf")``: one GET with timeouts and an honest
  User-Agent, redirects followed only to https, a streamed size cap, content checks (a PDF must
  start with ``%PDF-``; an HTML error page where a PDF was promised is an error, not a file).
  The content is stored under its hash, ``<store>/<sha256[:2]>/<sha256>.<ext>``, so the same
  content downloaded twice is recognised; ``dest`` (e.g. the corpus path) gets a copy, and a
  provenance JSON (final URL, status, ETag, Last-Modified, sha256, retrieved_at ...) is written
  next to it as ``<file>.provenance.json``.
* ``check_for_update(url, previous)``: conditional GET (If-None-Match / If-Modified-Since); 304
  means unchanged; a 200 is hashed and compared, so servers that ignore the headers still work.
* HTTP 403 (regjeringen.no's bot wall), timeouts and being offline raise :class:`FetchError`
  whose hint names the exact URL to open in a browser and the path to save the file to;
  ``adopt_manual_download`` then verifies the saved file (magic number, optional sha256) and
  records it with ``method = "manual"``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Literal
from urllib.parse import urljoin, urlsplit

import httpx

from pipeline import __version__
from pipeline.errors import FetchError, InputFileError
from pipeline.storage.files import atomic_write_text, sha256_file
from pipeline.sources.articles import looks_like_html

__all__ = [
    "USER_AGENT",
    "PROJECT_URL",
    "DEFAULT_MAX_BYTES",
    "Provenance",
    "FetchResult",
    "UpdateCheck",
    "fetch",
    "adopt_manual_download",
    "check_for_update",
    "fetch_error",
    "http_client",
    "store_path_for",
    "provenance_path",
    "manual_download_hint",
    "sniff_kind",
]

#: Where people can read what this crawler is. Override with the TILTAK_PROJECT_URL environment
#: variable (the repository address is set by whoever publishes the project).
PROJECT_URL = os.environ.get("TILTAK_PROJECT_URL", "").strip()
USER_AGENT = f"tiltak/{__version__} (research pipeline for Norwegian government action plans" + (
    f"; +{PROJECT_URL})" if PROJECT_URL else ")"
)
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0
MAX_REDIRECTS = 10
_CHUNK = 1 << 16
_REDIRECT_CODES = {301, 302, 303, 307, 308}

Expect = Literal["pdf", "html", "any"]


# --------------------------------------------------------------------------- records


@dataclass
class Provenance:
    """Where and when a file came from. Stored as ``<file>.provenance.json``."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int | None  # HTTP status (None for manual downloads)
    sha256: str
    size: int
    retrieved_at: str  # ISO 8601, UTC
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    redirects: list[str] = field(default_factory=list)
    method: str = "http"  # "http" or "manual"
    user_agent: str | None = None
    tool_version: str = __version__
    store_path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Provenance":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def write(self, path: str | Path) -> None:
        atomic_write_text(path, json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")

    @classmethod
    def read(cls, path: str | Path) -> "Provenance":
        try:
            return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError) as exc:
            raise InputFileError(f"cannot read provenance record ({exc})", path=path,
                                 hint="delete it and fetch the file again") from None


@dataclass
class FetchResult:
    path: Path  # the file to use: ``dest`` if given, else the store object
    store_path: Path  # <store>/<sha[:2]>/<sha>.<ext>
    provenance: Provenance
    already_had: bool  # this exact content was already in the store


@dataclass
class UpdateCheck:
    url: str
    changed: bool  # True: content differs from the previous retrieval
    status: int
    reason: str  # "not-modified" (304), "same-content", "new-content"
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None  # of the new content when it was downloaded
    final_url: str | None = None


# --------------------------------------------------------------------------- helpers


def store_path_for(store: str | Path, sha256: str, ext: str) -> Path:
    return Path(store) / sha256[:2] / f"{sha256}.{ext.lstrip('.')}"


def provenance_path(path: str | Path) -> Path:
    p = Path(path)
    return p.with_name(p.name + ".provenance.json")


def manual_download_hint(url: str, save_to: str | Path | None) -> str:
    where = (f"save it as {save_to}" if save_to
             else "save it in the corpus directory and name it in corpus/manifest.toml")
    return f"open {url} in a browser, {where}, then run tiltak again: it checks the file (type, sha256) and uses it"


def sniff_kind(head: bytes) -> str:
    """"pdf", "html" or "other" from the first bytes of a file."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if looks_like_html(head):
        return "html"
    return "other"


def _ext_for(kind: str, url: str) -> str:
    if kind in ("pdf", "html"):
        return kind
    suffix = Path(urlsplit(url).path).suffix.lstrip(".").lower()
    return suffix if suffix.isalnum() and 0 < len(suffix) <= 5 else "bin"


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _check_https(url: str, *, dest: str | Path | None, what: str = "URL") -> None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise FetchError(f"{what} {url!r} is not https; refused", path=dest,
                         hint="use the https:// address (plain http can be tampered with)")


def fetch_error(message: str, url: str, dest: str | Path | None, *, status: int | None = None,
                 retryable: bool = False, manual: bool = True, hint: str | None = None) -> FetchError:
    err = FetchError(message, path=dest, hint=hint or (manual_download_hint(url, dest) if manual else None))
    err.url = url  # type: ignore[attr-defined]
    err.status = status  # type: ignore[attr-defined]
    err.retryable = retryable  # type: ignore[attr-defined]
    err.unreachable = False  # type: ignore[attr-defined]
    return err


@contextmanager
def http_client(client: httpx.Client | None = None, timeout: float = 60.0) -> Iterator[httpx.Client]:
    if client is not None:
        yield client
        return
    c = httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(15.0, timeout)),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=False,
    )
    try:
        yield c
    finally:
        c.close()


@contextmanager
def _open(client: httpx.Client, url: str, headers: dict[str, str], dest: str | Path | None
          ) -> Iterator[tuple[httpx.Response, list[str]]]:
    """GET ``url`` streaming; follow redirects by hand, only to https. Yields (response, redirects)."""
    redirects: list[str] = []
    current = url
    hdrs = {"User-Agent": USER_AGENT, **headers}
    for _ in range(MAX_REDIRECTS + 1):
        try:
            request = client.build_request("GET", current, headers=hdrs)
            resp = client.send(request, stream=True, follow_redirects=False)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.ProxyError) as exc:
            # no connection at all (offline, DNS failure, refused, firewall): not worth retrying within a run
            # (seconds later the answer is the same), and the host's other sources are not tried either
            err = fetch_error(f"could not connect to {urlsplit(current).hostname} ({type(exc).__name__}; offline?)",
                              url, dest, retryable=False)
            err.unreachable = True  # type: ignore[attr-defined]
            raise err from None
        except httpx.TimeoutException:
            raise fetch_error(f"timed out fetching {current}", url, dest, retryable=True) from None
        except httpx.NetworkError as exc:  # a connection was made, then lost: may be transient
            raise fetch_error(f"connection to {urlsplit(current).hostname} lost ({type(exc).__name__})",
                              url, dest, retryable=True) from None
        except httpx.HTTPError as exc:
            raise fetch_error(f"HTTP error fetching {current} ({exc})", url, dest, retryable=True) from None
        if resp.status_code in _REDIRECT_CODES:
            location = resp.headers.get("location")
            resp.close()
            if not location:
                raise fetch_error(f"redirect without Location from {current}", url, dest)
            nxt = urljoin(current, location)
            if urlsplit(nxt).scheme != "https":
                raise fetch_error(f"redirect from {current} to non-https {nxt} refused", url, dest,
                                   status=resp.status_code)
            redirects.append(nxt)
            current = nxt
            continue
        try:
            yield resp, redirects
        finally:
            resp.close()
        return
    raise fetch_error(f"more than {MAX_REDIRECTS} redirects from {url}", url, dest)


def _raise_for_status(resp: httpx.Response, url: str, dest: str | Path | None) -> None:
    s = resp.status_code
    if s < 400:
        return
    if s in (401, 403):
        raise fetch_error(f"server refused the download of {url} (HTTP {s}; regjeringen.no blocks automated "
                           "clients at times)", url, dest, status=s)
    if s in (404, 410):
        raise fetch_error(f"{url} not found (HTTP {s})", url, dest, status=s, manual=False,
                           hint="check the url in corpus/manifest.toml; the page may have moved (search regjeringen.no "
                                "for its title)")
    retry = s == 429 or s >= 500
    raise fetch_error(f"HTTP {s} fetching {url}", url, dest, status=s, retryable=retry)


def _download(resp: httpx.Response, url: str, dest: str | Path | None, tmp_dir: Path, max_bytes: int
              ) -> tuple[Path, str, int, bytes]:
    """Stream the body into a temp file in ``tmp_dir``: (temp path, sha256, size, first bytes)."""
    length = resp.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise fetch_error(f"{url} is {int(length) / 1e6:.1f} MB, above the {max_bytes / 1e6:.0f} MB limit", url, dest,
                           manual=False, hint="raise max_bytes if this document really is that large")
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".download.", suffix=".tmp", dir=tmp_dir)
    h = hashlib.sha256()
    size = 0
    head = b""
    try:
        with os.fdopen(fd, "wb") as fh:
            try:
                for chunk in resp.iter_bytes(_CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise fetch_error(f"{url} exceeded the {max_bytes / 1e6:.0f} MB limit while downloading", url,
                                           dest, manual=False,
                                           hint="raise max_bytes if this document really is that large")
                    if len(head) < 4096:
                        head += chunk[: 4096 - len(head)]
                    h.update(chunk)
                    fh.write(chunk)
            except httpx.TimeoutException:
                raise fetch_error(f"timed out while downloading {url}", url, dest, retryable=True) from None
            except httpx.HTTPError as exc:
                raise fetch_error(f"connection lost while downloading {url} ({type(exc).__name__})", url, dest,
                                   retryable=True) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp), h.hexdigest(), size, head


def _verify_kind(head: bytes, expect: Expect, content_type: str | None, url: str, dest: str | Path | None,
                 *, manual_file: bool = False) -> str:
    kind = sniff_kind(head)
    ct = (content_type or "").split(";")[0].strip().lower() or "none"
    if expect == "pdf" and kind != "pdf":
        got = "an HTML page" if kind == "html" else "a file that is not a PDF"
        if manual_file:
            raise InputFileError(f"expected a PDF but the file is {got}", path=dest,
                                 hint=f"open {url} in a browser and save the PDF itself (not the page)")
        raise fetch_error(f"expected a PDF from {url} but got {got} (Content-Type {ct}; a bot wall or error page?)",
                           url, dest)
    if expect == "html" and kind != "html":
        if manual_file:
            raise InputFileError("expected an HTML page but the file is not HTML", path=dest,
                                 hint=f"open {url} in a browser and save the page as HTML")
        raise fetch_error(f"expected an HTML page from {url} but got Content-Type {ct}", url, dest)
    return kind


def _place(tmp: Path, sha: str, ext: str, store: Path, dest: str | Path | None) -> tuple[Path, Path, bool]:
    """Move the temp file into the store (or drop it if the content is known) and copy it to ``dest``."""
    target = store_path_for(store, sha, ext)
    already = target.is_file() and sha256_file(target) == sha
    if already:
        tmp.unlink(missing_ok=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, target)
    out = target
    if dest is not None:
        d = Path(dest)
        if not (d.is_file() and sha256_file(d) == sha):
            d.parent.mkdir(parents=True, exist_ok=True)
            fd, t = tempfile.mkstemp(prefix=f".{d.name}.", suffix=".tmp", dir=d.parent)
            os.close(fd)
            try:
                shutil.copyfile(target, t)
                os.replace(t, d)
            except BaseException:
                Path(t).unlink(missing_ok=True)
                raise
        out = d
    return out, target, already


# --------------------------------------------------------------------------- public API


def fetch(
    url: str,
    *,
    store: str | Path,
    dest: str | Path | None = None,
    expect: Expect = "any",
    max_bytes: int = DEFAULT_MAX_BYTES,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> FetchResult:
    """Download ``url`` into the content-addressed ``store`` (and copy to ``dest``), with provenance.

    Raises :class:`FetchError` (one line; ``.url``, ``.status``, ``.retryable`` attributes) on
    HTTP errors, timeouts, non-https redirects, oversize bodies and content of the wrong type.
    """
    _check_https(url, dest=dest)
    store_p = Path(store)
    with http_client(client, timeout) as c, _open(c, url, {}, dest) as (resp, redirects):
        _raise_for_status(resp, url, dest)
        tmp, sha, size, head = _download(resp, url, dest, store_p / ".tmp", max_bytes)
        try:
            kind = _verify_kind(head, expect, resp.headers.get("content-type"), url, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        prov = Provenance(
            url=url,
            final_url=str(resp.url),
            status=resp.status_code,
            sha256=sha,
            size=size,
            retrieved_at=_now(),
            content_type=resp.headers.get("content-type"),
            etag=resp.headers.get("etag"),
            last_modified=resp.headers.get("last-modified"),
            redirects=redirects,
            method="http",
            user_agent=USER_AGENT,
        )
    path, target, already = _place(tmp, sha, _ext_for(kind, prov.final_url), store_p, dest)
    prov.store_path = str(target)
    prov.write(provenance_path(path))
    return FetchResult(path=path, store_path=target, provenance=prov, already_had=already)


def adopt_manual_download(
    path: str | Path,
    *,
    url: str,
    store: str | Path | None = None,
    expect: Expect = "pdf",
    expected_sha256: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FetchResult:
    """Accept a file a user saved from a browser after a :class:`FetchError`.

    Checks the magic number (a PDF must be a PDF, not the saved error page) and, if given, the
    expected sha256; stores it in ``store`` (when given) and writes ``<path>.provenance.json``
    with ``method = "manual"``.
    """
    p = Path(path)
    if not p.is_file():
        raise InputFileError("file not found", path=p, hint=manual_download_hint(url, p))
    size = p.stat().st_size
    if size > max_bytes:
        raise InputFileError(f"file is {size / 1e6:.1f} MB, above the {max_bytes / 1e6:.0f} MB limit", path=p,
                             hint="check that this is the right document")
    with open(p, "rb") as fh:
        head = fh.read(4096)
    kind = _verify_kind(head, expect, None, url, p, manual_file=True)
    sha = sha256_file(p)
    if expected_sha256 and sha != expected_sha256.lower():
        raise InputFileError(f"sha256 {sha[:12]}… differs from the expected {expected_sha256[:12]}…", path=p,
                             hint="the document changed or the wrong file was saved; update sha256 in the manifest "
                                  "if the new version is intended")
    target = p
    already = False
    if store is not None:
        target = store_path_for(store, sha, _ext_for(kind, url))
        already = target.is_file()
        if not already:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, target)
    prov = Provenance(url=url, final_url=url, status=None, sha256=sha, size=size, retrieved_at=_now(),
                      method="manual", store_path=str(target))
    prov.write(provenance_path(p))
    return FetchResult(path=p, store_path=target, provenance=prov, already_had=already)


def check_for_update(
    url: str,
    previous: Provenance | dict[str, Any] | str | Path,
    *,
    client: httpx.Client | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> UpdateCheck:
    """Has the document at ``url`` changed since ``previous`` (a provenance record or its JSON path)?

    Sends If-None-Match / If-Modified-Since from the previous retrieval. Nothing is stored:
    call :func:`fetch` when ``changed`` is True.
    """
    if isinstance(previous, (str, Path)):
        prev = Provenance.read(previous)
    elif isinstance(previous, dict):
        prev = Provenance.from_dict(previous)
    else:
        prev = previous
    _check_https(url, dest=None)
    headers: dict[str, str] = {}
    if prev.etag:
        headers["If-None-Match"] = prev.etag
    if prev.last_modified:
        headers["If-Modified-Since"] = prev.last_modified
    with http_client(client, timeout) as c, _open(c, url, headers, None) as (resp, _redirects):
        if resp.status_code == 304:
            return UpdateCheck(url=url, changed=False, status=304, reason="not-modified",
                               etag=resp.headers.get("etag") or prev.etag,
                               last_modified=resp.headers.get("last-modified") or prev.last_modified,
                               final_url=str(resp.url))
        _raise_for_status(resp, url, None)
        h = hashlib.sha256()
        size = 0
        for chunk in resp.iter_bytes(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise fetch_error(f"{url} exceeded the {max_bytes / 1e6:.0f} MB limit", url, None, manual=False,
                                   hint="raise max_bytes if this document really is that large")
            h.update(chunk)
        sha = h.hexdigest()
        changed = sha != prev.sha256
        return UpdateCheck(url=url, changed=changed, status=resp.status_code,
                           reason="new-content" if changed else "same-content",
                           etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"),
                           sha256=sha, final_url=str(resp.url))
