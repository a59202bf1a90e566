"""Manifest-aware helpers: read a manifest entry's article and follow its relations.

These glue the manifest (``corpus/manifest.toml``) to the readers so callers (CLI, flows) need
one call per document:

* ``plan_url_for(manifest, plan_id)``: the plan's URL from its own entry or, failing that, from the
  PDF link on its landing page (when the landing page has been saved locally);
* ``press_release_facts(manifest, source_id)``: read a press release entry and extract its facts,
  with the publication date, sha256, source URL and plan URL taken from the manifest.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from pipeline.errors import InputFileError, ManifestError
from pipeline.fileio import sha256_file
from pipeline.model import PressReleaseFacts
from pipeline.sources.articles import read_article
from pipeline.sources.manifest import Manifest, Source
from pipeline.sources.press_release import extract_landing_page, extract_press_release

__all__ = ["plan_url_for", "press_release_facts", "require_file"]

def require_file(manifest: Manifest, source: Source) -> None:
    """Raise a clear error when an entry has no local file (yet)."""
    if source.local_path is None:
        raise InputFileError(
            f"source {source.id!r} has no local file",
            path=manifest.path,
            hint=f"download {source.url or 'it'} and add file = \"...\" to the entry",
        )
    if not source.local_path.is_file():
        raise InputFileError(
            f"file of source {source.id!r} is missing",
            path=source.local_path,
            hint=f"open {source.url} in a browser and save it as {source.local_path}" if source.url
            else "restore the file or fix the 'file' entry in the manifest",
        )


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
    from pipeline.fetching import local_file  # the manifest's file, or the copy `tiltak fetch` saved

    page = local_file(manifest, lp)
    if page is None:
        return None
    info, _links = extract_landing_page(read_article(page, url=lp.url), lp.id, registry=registry)
    return info.plan_url


def press_release_facts(manifest: Manifest, source_id: str, *, registry: Any | None = None) -> PressReleaseFacts:
    """Read the press release ``source_id`` and extract its facts, using the manifest's metadata."""
    src = manifest.by_id(source_id)
    if src.kind != "press_release":
        raise ManifestError(f"source {source_id!r} is a {src.kind}, not a press_release", path=manifest.path,
                            hint="pass the id of a press_release entry")
    require_file(manifest, src)
    article = read_article(src.local_path, url=src.url)
    if article.publisher_name is None and src.publisher:
        article = dataclasses.replace(article, publisher_name=src.publisher)
    plan_url = plan_url_for(manifest, src.announces, registry=registry) if src.announces else None
    facts = extract_press_release(
        article,
        src.id,
        on=src.published,
        sha256=sha256_file(src.local_path),
        source_url=src.url,
        plan_url=plan_url,
        registry=registry,
    )
    facts.document.local_path = str(src.local_path)
    return facts
