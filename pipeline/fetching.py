"""Fetch what the manifest names but the corpus does not hold yet.

Fetched files go to ``<corpus>/downloads/<source id>.<pdf|html>`` (git-ignored) with a
``.provenance.json`` beside them, and to the content-addressed store in
``.tiltak-cache/downloads`` (``pipeline.sources.fetch``). A plan without its own URL is
found through its landing page's PDF link. When a download is refused (regjeringen.no's
bot wall answers 403) or the machine is offline, the outcome's message names the URL to
open in a browser and the exact path to save the file to; the next run picks it up there.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

from pipeline.cache import downloads_dir
from pipeline.errors import FetchError, TiltakError

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

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def download_path(manifest, source) -> Path:
    """Where a fetched copy of ``source`` lives in the corpus."""
    return Path(manifest.root) / DOWNLOADS / f"{source.id}.{_EXT[source.kind]}"


def local_file(manifest, source) -> Path | None:
    """The file to read for ``source``: its manifest ``file``, else a fetched copy, else None."""
    if source.local_path is not None:
        return Path(source.local_path)
    fetched = download_path(manifest, source)
    return fetched if fetched.is_file() else None


def sources_to_fetch(manifest) -> list:
    """Sources with a URL (or, for plans, a landing page) and no file yet: landing pages first."""
    order = {"landing_page": 0, "press_release": 1, "plan": 2}
    todo = []
    for s in manifest.sources:
        if local_file(manifest, s) is not None:
            continue
        if s.url or (s.kind == "plan" and s.landing_page):
            todo.append(s)
    return sorted(todo, key=lambda s: (order[s.kind], s.id))


def fetch_source(manifest, source, *, store: Path | None = None, client=None) -> FetchOutcome:
    """Fetch one source. Never raises for a download problem: the outcome says what to do."""
    from pipeline.sources.fetch import fetch, fetch_plan_via_landing_page, find_plan_pdf_links

    store = store or downloads_dir()
    dest = download_path(manifest, source)
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
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
        return FetchOutcome(source.id, False, url=getattr(exc, "url", source.url), message=str(exc), retryable=bool(getattr(exc, "retryable", False)))
    except TiltakError as exc:
        return FetchOutcome(source.id, False, url=source.url, message=str(exc))
    return FetchOutcome(source.id, True, path=str(result.path), url=url, already_had=result.already_had)


def fetch_missing_sources(manifest, *, fetch_one: Callable | None = None, client=None) -> list[FetchOutcome]:
    """Fetch every missing source, landing pages before the plans found through them."""
    fetch_one = fetch_one or (lambda m, s: fetch_source(m, s, client=client))
    return [fetch_one(manifest, s) for s in sources_to_fetch(manifest)]
