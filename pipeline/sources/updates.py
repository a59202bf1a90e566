"""Has a plan PDF appeared or changed on its landing page? (library part of the watch flow)

For each plan in the manifest that is fetched through the network (no ``file`` of its
own), ``check_plan_update`` reads the landing page, finds the plan's PDF link, and asks
the server whether the PDF changed since the last retrieval (ETag / Last-Modified, then
sha256). New content is stored (content-addressed, so every earlier version stays in
``.tiltak-cache/downloads``) and becomes ``corpus/downloads/<plan id>.pdf``; the previous
version's stored copy is returned so the caller can write a change report against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pipeline.errors import FetchError
from pipeline.sources.downloads import download_path, local_file
from pipeline.sources.http import Provenance, check_for_update, fetch, provenance_path
from pipeline.sources.press_release import find_plan_pdf_links
from pipeline.storage.cache import downloads_dir

Status = Literal["new", "changed", "unchanged", "failed"]


@dataclass
class PlanUpdate:
    plan_id: str
    status: Status
    url: str | None = None
    old_path: Path | None = None
    new_path: Path | None = None
    old_sha256: str | None = None
    new_sha256: str | None = None
    message: str = ""


def watched_plans(manifest) -> list:
    """Plans the watch flow looks after: those with a landing page or URL and no own file."""
    return [s for s in manifest.sources if s.kind == "plan" and s.local_path is None and (s.url or s.landing_page)
            and not s.is_web_document]  # a web document has no PDF to watch


def _current_pdf_url(manifest, plan, *, store: Path, client) -> str:
    if plan.url:
        return plan.url
    landing = manifest.by_id(plan.landing_page)
    if not landing.url:
        page = local_file(manifest, landing)
        if page is None:
            raise FetchError(f"landing page {landing.id} has neither a URL nor a file", path=manifest.path)
        links = find_plan_pdf_links(page.read_bytes(), "https://www.regjeringen.no/")
    else:
        page = fetch(landing.url, store=store, dest=download_path(manifest, landing), expect="html", client=client)
        links = find_plan_pdf_links(page.path.read_bytes(), page.provenance.final_url)
    if not links:
        raise FetchError(
            f"no PDF link on the landing page of {plan.id}",
            path=download_path(manifest, landing),
            hint=f"check {landing.url} in a browser: the plan may have moved",
        )
    return links[0].url


def check_plan_update(manifest, plan, *, client=None, store: Path | None = None) -> PlanUpdate:
    """Check one plan; never raises for network problems (status "failed" with the reason)."""
    store = store or downloads_dir()
    dest = download_path(manifest, plan)
    prov_file = provenance_path(dest)
    previous = Provenance.read(prov_file) if prov_file.is_file() else None
    old_path = Path(previous.store_path) if previous and previous.store_path else None
    if old_path is not None and not old_path.is_file():
        old_path = dest if dest.is_file() else None
    try:
        url = _current_pdf_url(manifest, plan, store=store, client=client)
        if previous is not None and previous.url == url:
            check = check_for_update(url, previous, client=client)
            if not check.changed:
                return PlanUpdate(plan.id, "unchanged", url=url, old_path=old_path, new_path=dest,
                                  old_sha256=previous.sha256, new_sha256=previous.sha256, message=check.reason)
        result = fetch(url, store=store, dest=dest, expect="pdf", client=client)
    except FetchError as exc:
        return PlanUpdate(plan.id, "failed", old_path=old_path, old_sha256=previous.sha256 if previous else None, message=str(exc))
    new_sha = result.provenance.sha256
    if previous is not None and new_sha == previous.sha256:
        return PlanUpdate(plan.id, "unchanged", url=url, old_path=old_path, new_path=result.path,
                          old_sha256=new_sha, new_sha256=new_sha, message="same-content")
    return PlanUpdate(
        plan.id,
        "new" if previous is None else "changed",
        url=url,
        old_path=old_path,
        new_path=result.path,
        old_sha256=previous.sha256 if previous else None,
        new_sha256=new_sha,
        message="first retrieval" if previous is None else "new content",
    )
