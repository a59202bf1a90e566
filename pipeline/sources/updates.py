"""Has a plan appeared or changed on regjeringen.no? (library part of the watch flow)

For each plan in the manifest that is fetched through the network (no ``file`` of its
own), ``check_plan_update`` asks the site whether the plan changed since the last retrieval
(ETag / Last-Modified, then sha256):

- a PDF plan: the landing page is read, the plan's PDF link found and the PDF checked. New
  content is stored (content-addressed, so every earlier version stays in
  ``.tiltak-cache/downloads``) and becomes ``corpus/downloads/<plan id>.pdf``; the previous
  version's stored copy is returned so the caller can write a change report against it;
- a web document (``format = "web"``): the front page and every chapter its contents list
  are checked (:func:`pipeline.sources.webfetch.fetch_web_document`). Its version is the set of
  its pages' hashes; when one page changed, appeared or left the contents, the previous
  version's pages are put together again from the store into
  ``.tiltak-cache/web-versions/<plan id>/<version>/`` and returned as ``old_path``.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pipeline.errors import FetchError, InputFileError
from pipeline.sources.downloads import download_path, local_file
from pipeline.sources.http import Provenance, check_for_update, fetch, provenance_path
from pipeline.sources.press_release import find_plan_pdf_links
from pipeline.sources.webdoc import web_page_files
from pipeline.sources.webfetch import DEFAULT_PAUSE, fetch_web_document
from pipeline.storage.cache import cache_dir, downloads_dir

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
    """Plans the watch flow looks after: those with a landing page or URL and no own file (PDFs and web documents)."""
    return [s for s in manifest.sources if s.kind == "plan" and s.local_path is None and (s.url or s.landing_page)]


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


def check_plan_update(manifest, plan, *, client=None, store: Path | None = None, pause: float | None = None) -> PlanUpdate:
    """Check one plan; never raises for network problems (status "failed" with the reason).

    ``pause``: seconds between two requests for the pages of a web document (default ``DEFAULT_PAUSE``)."""
    store = store or downloads_dir()
    if plan.is_web_document:
        return _check_web_document(manifest, plan, client=client, store=store,
                                   pause=DEFAULT_PAUSE if pause is None else pause)
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


# --------------------------------------------------------------------------- web documents


def _page_records(folder: Path) -> dict[str, Provenance]:
    """The pages in ``folder`` with a provenance record: file name -> record (pages of one document)."""
    out: dict[str, Provenance] = {}
    if not folder.is_dir():
        return out
    for page in web_page_files(folder):
        prov_file = provenance_path(page)
        if prov_file.is_file():
            out[page.name] = Provenance.read(prov_file)
    return out


def web_version_key(records: dict[str, Provenance]) -> str:
    """One hash for a version of a web document: of its pages' addresses and content hashes."""
    lines = sorted(f"{r.url} {r.sha256}" for r in records.values())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def web_version_folder(plan_id: str, records: dict[str, Provenance]) -> Path | None:
    """The pages of one earlier version, put together again from the content-addressed store (None when a page's
    stored copy is gone, e.g. after ``tiltak cache clear``)."""
    key = web_version_key(records)
    folder = cache_dir() / "web-versions" / plan_id / key[:16]
    if folder.is_dir() and len(web_page_files(folder)) == len(records):
        return folder
    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, record in records.items():
        stored = Path(record.store_path) if record.store_path else None
        if stored is None or not stored.is_file():
            shutil.rmtree(staging, ignore_errors=True)
            return None
        shutil.copyfile(stored, staging / name)
        record.write(provenance_path(staging / name))
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    return folder


def _check_web_document(manifest, plan, *, client, store: Path, pause: float) -> PlanUpdate:
    folder = download_path(manifest, plan)
    before: dict[str, Provenance] = {}
    try:
        before = _page_records(folder)
        old_key = web_version_key(before) if before else None
        result = fetch_web_document(plan.url, folder, store=store, client=client, pause=pause, retire_unlisted=True)
        after = _page_records(folder)
    except (FetchError, InputFileError) as exc:
        return PlanUpdate(plan.id, "failed", old_path=folder if before else None, old_sha256=old_key, message=str(exc))
    new_key = web_version_key(after)
    pages = f"{len(after)} pages"
    if old_key is None:
        return PlanUpdate(plan.id, "new", url=result.url, new_path=folder, new_sha256=new_key,
                          message=f"first retrieval ({pages})")
    if new_key == old_key:
        reason = "not-modified" if not result.downloaded else "same-content"
        return PlanUpdate(plan.id, "unchanged", url=result.url, old_path=folder, new_path=folder,
                          old_sha256=old_key, new_sha256=new_key, message=f"{reason} ({pages})")
    changed = sorted({n for n in after if n not in before or after[n].sha256 != before[n].sha256}
                     | {n for n in before if n not in after})
    return PlanUpdate(plan.id, "changed", url=result.url, old_path=web_version_folder(plan.id, before),
                      new_path=folder, old_sha256=old_key, new_sha256=new_key,
                      message=f"new content in {', '.join(changed)}")
