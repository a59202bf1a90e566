"""From a manifest to extraction jobs and comparison pairs (no Prefect here)."""

from __future__ import annotations

from pipeline.errors import TiltakError
from pipeline.documents.extract import SourceJob
from pipeline.sources.downloads import local_file, plan_url_for


def jobs_from_manifest(manifest, notes: dict[str, str] | None = None) -> tuple[list[SourceJob], list[str]]:
    """One ``SourceJob`` per source that has a local file; notes for those that have none.

    A source whose ``file`` is declared but missing still becomes a job, so that its
    failure ("file not found") is reported for that document and the others complete.
    ``notes`` (source id -> text) replaces the default note for a source, e.g. why its
    download failed.
    """
    jobs: list[SourceJob] = []
    known = dict(notes or {})  # e.g. why a fetch failed, by source id
    notes: list[str] = []
    by_id = manifest.by_id
    for source in manifest.sources:
        path = local_file(manifest, source)
        if path is None:
            hint = f"fetch it with `tiltak fetch` (url: {source.url})" if source.url else "add its file to the corpus"
            if source.kind == "plan" and source.landing_page:
                hint = f"fetch it with `tiltak fetch`: its PDF link is read from landing page {source.landing_page}"
            notes.append(f"{source.id}: {known[source.id]}" if source.id in known else f"{source.id}: no local file yet; {hint}")
            continue
        plan_url = None
        if source.kind == "press_release" and source.announces:
            plan = by_id.get(source.announces)
            if plan is not None:
                # the PDF address when known (own url, or the link on a saved landing page),
                # else the plan's landing page, which links the PDF
                landing = by_id.get(plan.landing_page) if plan.landing_page else None
                try:
                    plan_url = plan_url_for(manifest, plan.id)
                except TiltakError:
                    plan_url = None
                plan_url = plan_url or (landing.url if landing is not None else None)
        jobs.append(
            SourceJob(
                path=path,
                document_id=source.id,
                kind=source.kind,
                on=source.published,
                source_url=source.url,
                title=source.title if source.kind == "plan" else None,
                plan_url=plan_url,
                local_name=source.file or f"downloads/{path.name}",
            )
        )
    return jobs, notes


def comparison_pairs(manifest) -> list[tuple[str, str]]:
    """(old, new) plan ids: declared ``[[comparison]]`` tables plus ``previous_version`` links."""
    pairs: list[tuple[str, str]] = []
    for comp in manifest.comparisons:
        pair = (comp.old, comp.new)
        if pair not in pairs:
            pairs.append(pair)
    for source in manifest.sources:
        if source.kind == "plan" and source.previous_version:
            pair = (source.previous_version, source.id)
            if pair not in pairs:
                pairs.append(pair)
    return pairs
