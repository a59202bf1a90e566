"""Fetching a regjeringen.no web document: the front page, then every chapter its table of contents lists.

``fetch_web_document(url, folder, store=...)`` saves the pages as ``folder/index.html``, ``ch-1.html`` … (``?ch=N``)
or ``sec-1.html`` … (``/secN``), each with ``<file>.provenance.json`` and a copy in the content-addressed store
(:func:`pipeline.sources.http.fetch`). One request at a time, with ``pause`` seconds between requests; a page
saved before is asked for with a conditional GET (ETag / Last-Modified) and kept when unchanged.

Pages a user saved from a browser into the folder — under any name, e.g. "Kapittel 4 - … - regjeringen.no.html" —
are recognised by the address inside them (``pipeline.sources.webdoc``), verified (HTML, regjeringen.no, this
document's id) and used: they get a provenance record with ``method = "manual"`` and are not downloaded again.

When the site refuses (HTTP 403, its bot wall) or the machine is offline, :class:`FetchError` says in one line
which addresses to open in a browser and the folder to save them in; the next run picks them up.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx

from pipeline.errors import FetchError, InputFileError
from pipeline.sources.http import Provenance, adopt_manual_download, check_for_update, fetch, http_client, provenance_path
from pipeline.sources.webdoc import (
    PageRef,
    TocItem,
    WebDocumentError,
    page_identity,
    page_ref,
    read_web_page,
    web_page_files,
)

DEFAULT_PAUSE = 1.0  # seconds between two requests to the site


def page_file_name(ref: PageRef | TocItem, scheme: str | None = None) -> str:
    """``index.html`` for the front page, ``ch-N.html`` / ``sec-N.html`` for chapter N."""
    if isinstance(ref, TocItem):
        r = page_ref(ref.url)
        number, scheme = ref.number, (r.scheme if r else scheme) or "ch"
    else:
        number, scheme = ref.chapter, ref.scheme
    if number is None:
        return "index.html"
    return f"{'sec' if scheme == 'sec' else 'ch'}-{number}.html"


@dataclass
class WebFetchResult:
    folder: Path
    url: str
    downloaded: list[Path] = field(default_factory=list)  # new or changed content
    unchanged: list[Path] = field(default_factory=list)  # asked again: not modified
    adopted: list[Path] = field(default_factory=list)  # saved by a user, verified
    retired: list[Path] = field(default_factory=list)  # pages no longer in the contents, taken out of the folder
    chapters: int = 0

    @property
    def already_had(self) -> bool:
        return not self.downloaded


def saved_pages(folder: Path, document_id: str, *, verify: bool = False) -> dict[int | None, Path]:
    """Pages of ``document_id`` already in ``folder``: chapter number (None: front page) -> file.

    ``verify``: every saved page must be a page of this document (:class:`WebDocumentError` naming the file
    otherwise: a page of another document, another site, or saved before its scripts ran)."""
    out: dict[int | None, Path] = {}
    if not folder.is_dir():
        return out
    for p in web_page_files(folder):
        if verify:
            ref = read_web_page(p).ref
            if ref.document_id != document_id:
                raise WebDocumentError(f"is a page of {ref.document_id}, not of {document_id}", kind="several_documents",
                                       path=p, hint="move it out of the folder; each folder holds one web document")
        else:
            ref = page_identity(p)
        if ref is not None and ref.document_id == document_id:
            out.setdefault(ref.chapter, p)
    return out


def missing_pages(folder: Path, url: str) -> list[str]:
    """Addresses of the document's pages not saved in ``folder``: the front page, or the chapters its contents list."""
    ref = page_ref(url)
    if ref is None:
        return [url]
    have = saved_pages(folder, ref.document_id)
    if None not in have:
        return [ref.document_url]
    try:
        toc = read_web_page(have[None]).toc
    except InputFileError:
        return [ref.document_url]
    return [t.url for t in toc if t.number not in have]


def manual_pages_hint(urls: list[str], folder: Path, front_only: bool = False) -> str:
    """What to save from a browser, and where, when the site cannot be fetched from here."""
    shown = ", ".join(urls[:12]) + (f" and {len(urls) - 12} more chapter pages" if len(urls) > 12 else "")
    if front_only:  # the contents are not known yet: the chapters are the pages the front page links
        shown += " and every chapter page its table of contents links (…?ch=1, ?ch=2 … or …/sec1 …)"
    return (f"open {shown} in a browser and save each page (Save page as…, HTML only, any file name) into {folder}/, "
            "then run tiltak again: it checks the saved pages and uses them")


def _refused(exc: FetchError, folder: Path, url: str) -> FetchError:
    """The same failure, its hint listing every page still to be saved and where."""
    todo = missing_pages(folder, url)
    ref = page_ref(url)
    front_only = ref is not None and todo == [ref.document_url]
    err = FetchError(exc.message, path=folder, hint=manual_pages_hint(todo, folder, front_only))
    err.url = getattr(exc, "url", url)  # type: ignore[attr-defined]
    err.status = getattr(exc, "status", None)  # type: ignore[attr-defined]
    err.retryable = getattr(exc, "retryable", False)  # type: ignore[attr-defined]
    err.urls = todo  # type: ignore[attr-defined]
    return err


def _get(url: str, dest: Path, existing: Path | None, result: WebFetchResult, *, store: Path,
         client: httpx.Client) -> Path:
    """One page: adopt a user's copy, ask again for a fetched one (conditional GET), or download it."""
    if existing is not None:
        prov_file = provenance_path(existing)
        if not prov_file.is_file():
            adopt_manual_download(existing, url=url, store=store, expect="html")
            result.adopted.append(existing)
            return existing
        previous = Provenance.read(prov_file)
        check = check_for_update(url, previous, client=client)
        if not check.changed:
            result.unchanged.append(existing)
            return existing
        dest = existing
    got = fetch(url, store=store, dest=dest, expect="html", client=client)
    result.downloaded.append(got.path)
    return got.path


def fetch_web_document(url: str, folder: str | Path, *, store: str | Path, client: httpx.Client | None = None,
                       pause: float = DEFAULT_PAUSE, sleep: Callable[[float], None] = time.sleep,
                       retire_unlisted: bool = False) -> WebFetchResult:
    """Save the front page at ``url`` and every chapter it lists into ``folder`` (see the module docstring).

    ``retire_unlisted``: a saved chapter page the contents no longer list (the document lost a chapter) is taken
    out of the folder when the store holds its copy, so the folder is the current version (the watch flow).

    Raises :class:`FetchError` (one line, listing the pages still to save and the folder) when a request fails, and
    :class:`WebDocumentError` when a page in the folder belongs to another document or is not a document page.
    """
    ref = page_ref(url)
    if ref is None:
        raise FetchError(f"{url} is not a regjeringen.no document address (no /idNNN/)", path=folder,
                         hint="give the web document's front page in the manifest's url")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    store = Path(store)
    result = WebFetchResult(folder=folder, url=ref.document_url)
    have = saved_pages(folder, ref.document_id, verify=True)
    requests = 0
    try:
        with http_client(client) as c:
            def get(page_url: str, name: str, existing: Path | None) -> Path:
                nonlocal requests
                if existing is None or provenance_path(existing).is_file():  # a request to the site
                    if requests and pause > 0:
                        sleep(pause)
                    requests += 1
                return _get(page_url, folder / name, existing, result, store=store, client=c)

            front = read_web_page(get(ref.document_url, "index.html", have.get(None)))
            if front.ref.document_id != ref.document_id or not front.is_front:
                raise WebDocumentError(f"{front.ref.url} is not the front page of {ref.document_id}",
                                       kind="not_a_web_document", path=front.path,
                                       hint=f"save {ref.document_url} itself as the front page")
            for item in front.toc:
                page = read_web_page(get(item.url, page_file_name(item), have.get(item.number)))
                if page.ref.document_id != ref.document_id or page.chapter != item.number:
                    raise WebDocumentError(f"holds {page.ref.url}, not chapter {item.number} of {ref.document_id}",
                                           kind="not_a_web_document", path=page.path,
                                           hint=f"save {item.url} there instead")
            result.chapters = len(front.toc)
    except FetchError as exc:
        raise _refused(exc, folder, ref.document_url) from None
    if retire_unlisted:
        _retire_unlisted(folder, ref.document_id, {item.number for item in front.toc}, result)
    return result


def _retire_unlisted(folder: Path, document_id: str, listed: set[int], result: WebFetchResult) -> None:
    for number, page in saved_pages(folder, document_id).items():
        if number is None or number in listed:
            continue
        prov_file = provenance_path(page)
        stored = Provenance.read(prov_file).store_path if prov_file.is_file() else None
        if stored and Path(stored).is_file():  # the store keeps the copy: nothing is lost
            page.unlink()
            prov_file.unlink()
            result.retired.append(page)
