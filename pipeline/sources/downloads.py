"""The corpus's downloads: what the manifest names but the corpus does not hold yet, fetched
with provenance, and the files a run reads for each source.

Fetched files go to ``<corpus>/downloads/<source id>.<pdf|html>`` (git-ignored) with a
``.provenance.json`` beside them, and to the content-addressed store in
``.tiltak-cache/downloads`` (``pipeline.sources.http``). A plan without its own URL is
found through its landing page's PDF link (``plan_url_for``, ``fetch_plan_via_landing_page``).
A web document (``format = "web"``) is fetched into the folder ``<corpus>/downloads/<source id>/``:
its front page and every chapter page (``pipeline.sources.webfetch``).
When a download is refused (regjeringen.no's bot wall answers 403) or the machine is offline,
the outcome's message names the URL(s) to open in a browser and the exact path (or folder) to
save them to; the next run picks them up there.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

import httpx

from pipeline.errors import FetchError, ManifestError, TiltakError
from pipeline.model import Attachment
from pipeline.sources.articles import read_article
from pipeline.sources.http import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    FetchResult,
    fetch,
    fetch_error,
    http_client,
    manual_download_hint,
)
from pipeline.sources.manifest import Manifest
from pipeline.sources.press_release import extract_landing_page, find_plan_pdf_links
from pipeline.sources.webdoc import web_page_files
from pipeline.sources.webfetch import fetch_web_document, manual_pages_hint, missing_pages
from pipeline.storage.cache import downloads_dir

DOWNLOADS = "downloads"
_EXT = {"plan": "pdf", "landing_page": "html", "press_release": "html"}


@dataclass
class FetchOutcome:
    source_id: str
    ok: bool
    path: str | None = None
    url: str | None = None
    message: str = ""
    retryable: bool = False
    already_had: bool = False
    unreachable: bool = False  # no connection to the host at all (offline, DNS, refused)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def download_path(manifest, source) -> Path:
    """Where a fetched copy of ``source`` lives in the corpus (a folder for a web document)."""
    if getattr(source, "is_web_document", False):
        return Path(manifest.root) / DOWNLOADS / source.id
    return Path(manifest.root) / DOWNLOADS / f"{source.id}.{_EXT[source.kind]}"


def local_file(manifest, source) -> Path | None:
    """The file to read for ``source``: its manifest ``file``, else a fetched copy, else None.

    For a web document: the folder of its saved pages (the manifest's ``file``, else ``downloads/<id>/``) once it
    holds at least one page; chapters still missing are reported when it is extracted."""
    if source.local_path is not None:
        return Path(source.local_path)
    fetched = download_path(manifest, source)
    if getattr(source, "is_web_document", False):
        return fetched if fetched.is_dir() and web_page_files(fetched) else None
    return fetched if fetched.is_file() else None


def _needs_fetch(manifest, s) -> bool:
    if getattr(s, "is_web_document", False):  # a folder: fetch until every page its contents list is saved
        return s.local_path is None and bool(s.url) and bool(missing_pages(download_path(manifest, s), s.url))
    return local_file(manifest, s) is None and bool(s.url or (s.kind == "plan" and s.landing_page))


def sources_to_fetch(manifest) -> list:
    """Sources with a URL (or, for plans, a landing page) and no file yet: landing pages first."""
    order = {"landing_page": 0, "press_release": 1, "plan": 2}
    todo = [s for s in manifest.sources if _needs_fetch(manifest, s)]
    return sorted(todo, key=lambda s: (order[s.kind], s.id))


def fetch_source(manifest, source, *, store: Path | None = None, client=None) -> FetchOutcome:
    """Fetch one source. Never raises for a download problem: the outcome says what to do."""
    store = store or downloads_dir()
    dest = download_path(manifest, source)
    dest.parent.mkdir(parents=True, exist_ok=True)  # (a web document's folder is made by fetch_web_document)
    try:
        if getattr(source, "is_web_document", False):
            web = fetch_web_document(source.url, dest, store=store, client=client)
            return FetchOutcome(source.id, True, path=str(web.folder), url=web.url, already_had=web.already_had)
        if source.kind == "plan" and not source.url:
            landing = manifest.by_id(source.landing_page)
            page_file = local_file(manifest, landing)
            if page_file is not None:
                base = landing.url or "https://www.regjeringen.no/"
                links = find_plan_pdf_links(page_file.read_bytes(), base)
                if not links:
                    raise FetchError(
                        f"no PDF link on the landing page of {source.id}",
                        path=page_file,
                        hint=f"open {landing.url} in a browser, download the plan PDF and save it as {dest}",
                    )
                result = fetch(links[0].url, store=store, dest=dest, expect="pdf", client=client)
                url = links[0].url
            else:
                if not landing.url:
                    raise FetchError(f"landing page {landing.id} has neither a file nor a URL", path=manifest.path)
                _page, result, link = fetch_plan_via_landing_page(
                    landing.url, store=store, plan_dest=dest, landing_dest=download_path(manifest, landing), client=client
                )
                url = link.url
        else:
            expect = "pdf" if source.kind == "plan" else "html"
            result = fetch(source.url, store=store, dest=dest, expect=expect, client=client)
            url = source.url
    except FetchError as exc:
        return FetchOutcome(source.id, False, url=getattr(exc, "url", source.url), message=str(exc),
                            retryable=bool(getattr(exc, "retryable", False)),
                            unreachable=bool(getattr(exc, "unreachable", False)))
    except TiltakError as exc:
        return FetchOutcome(source.id, False, url=source.url, message=str(exc))
    return FetchOutcome(source.id, True, path=str(result.path), url=url, already_had=result.already_had)


def fetch_missing_sources(
    manifest,
    *,
    client=None,
    retry_delays: tuple[float, ...] = (1.0, 5.0),
    sleep: Callable[[float], None] = time.sleep,
) -> list[FetchOutcome]:
    """Fetch every missing source, landing pages before the plans found through them.

    A transient failure (a timeout or lost connection after connecting, HTTP 429 or 5xx) is retried after
    each of ``retry_delays``. A host that cannot be connected to at all (offline, DNS failure, refused) is
    not retried: it is detected once, and the other sources on that host are not tried in this call
    (measured offline: the retries only added 1 + 5 s of waiting for the same answer). A plan whose landing
    page could not be fetched is not tried either.
    """
    outcomes: list[FetchOutcome] = []
    failed: dict[str, FetchOutcome] = {}
    unreachable: dict[str, str] = {}  # host -> id of the source that found it unreachable
    for source in sources_to_fetch(manifest):
        host = _host(manifest, source)
        if source.kind == "plan" and source.landing_page in failed:
            outcome = FetchOutcome(source.id, False, url=source.url,
                                   message=f"its landing page {source.landing_page} could not be fetched")
        elif host in unreachable:
            # the hint of the first failure serves the others, except a web document's own list of pages and folder
            extra = f"; {manual_hint(manifest, source)}" if getattr(source, "is_web_document", False) else ""
            outcome = FetchOutcome(source.id, False, url=source.url,
                                   message=f"{host} could not be reached (see {unreachable[host]}){extra}")
        else:
            outcome = fetch_source(manifest, source, client=client)
            for delay in retry_delays:
                if outcome.ok or not outcome.retryable:
                    break
                sleep(delay)
                outcome = fetch_source(manifest, source, client=client)
            if not outcome.ok and outcome.unreachable and host:
                unreachable.setdefault(host, source.id)
        if not outcome.ok:
            failed[source.id] = outcome
        outcomes.append(outcome)
    return outcomes


def manual_hint(manifest, source) -> str:
    """What a user with a browser saves for ``source``, and where, when tiltak cannot download it."""
    dest = download_path(manifest, source)
    if getattr(source, "is_web_document", False):
        return manual_pages_hint([source.url], dest, front_only=True)
    return manual_download_hint(source.url, dest)


def fetch_notes(outcomes: list[FetchOutcome]) -> dict[str, str]:
    """{source id: why it was not fetched}, for the run report."""
    return {o.source_id: f"not fetched: {o.message}" for o in outcomes if not o.ok}


def _host(manifest, source) -> str | None:
    url = source.url
    if not url and source.kind == "plan" and source.landing_page:
        url = manifest.by_id(source.landing_page).url
    return urlsplit(url).hostname if url else None

def fetch_plan_via_landing_page(
    landing_url: str,
    *,
    store: str | Path,
    plan_dest: str | Path | None = None,
    landing_dest: str | Path | None = None,
    client: httpx.Client | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> tuple[FetchResult, FetchResult, Attachment]:
    """Fetch a landing page, pick its plan PDF link, fetch the PDF: (page, pdf, chosen link)."""
    with http_client(client, timeout) as c:
        page = fetch(landing_url, store=store, dest=landing_dest, expect="html", client=c, timeout=timeout)
        links = find_plan_pdf_links(page.path.read_bytes(), page.provenance.final_url)
        if not links:
            raise fetch_error(f"no PDF link found on the landing page {landing_url}", landing_url, plan_dest,
                              manual=False,
                              hint=f"open {landing_url} in a browser, download the plan PDF"
                                   + (f" and save it as {plan_dest}" if plan_dest else ""))
        link = links[0]
        pdf = fetch(link.url, store=store, dest=plan_dest, expect="pdf", client=c, max_bytes=max_bytes,
                    timeout=timeout)
    return page, pdf, link


def plan_url_for(manifest: Manifest, plan_id: str, *, registry: Any | None = None) -> str | None:
    """The plan's URL: its own ``url``, else the best PDF link of its saved landing page, else None."""
    plan = manifest.by_id(plan_id)
    if plan.kind != "plan":
        raise ManifestError(f"source {plan_id!r} is a {plan.kind}, not a plan", path=manifest.path,
                            hint="pass the id of a plan entry")
    if plan.url:
        return plan.url
    if not plan.landing_page:
        return None
    lp = manifest.by_id(plan.landing_page)
    page = local_file(manifest, lp)  # the manifest's file, or the copy `tiltak fetch` saved
    if page is None:
        return None
    info, _links = extract_landing_page(read_article(page, url=lp.url), lp.id, registry=registry)
    return info.plan_url
