"""The fetch stage of ``run_corpus``: one Prefect task per missing source, retried with
backoff on transient failures (timeouts, 5xx) and not on final ones (403, 404, wrong type)."""

from __future__ import annotations

import flows  # noqa: F401
from urllib.parse import urlsplit

from prefect import get_run_logger, task

from pipeline.fetching import FetchOutcome, fetch_source, sources_to_fetch


class TransientFetchError(RuntimeError):
    """Raised inside the task so that Prefect retries it."""


def _retry_transient(task, task_run, state) -> bool:
    try:
        state.result()
    except TransientFetchError:
        return True
    except Exception:
        return False
    return False


@task(
    name="fetch-source",
    task_run_name="fetch-{source_id}",
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=_retry_transient,
    persist_result=False,
)
def fetch_task(manifest, source, source_id: str) -> FetchOutcome:
    outcome = fetch_source(manifest, source)
    if not outcome.ok and outcome.retryable:
        raise TransientFetchError(outcome.message)
    return outcome


def _host(manifest, source) -> str | None:
    url = source.url
    if not url and source.kind == "plan" and source.landing_page:
        url = manifest.by_id(source.landing_page).url
    return urlsplit(url).hostname if url else None


def fetch_missing(manifest) -> dict[str, str]:
    """Fetch what is missing; returns {source id: note} for what could not be fetched.

    After a connection failure to a host (offline, DNS) the other sources on that host are
    not tried again in this run; a plan whose landing page failed is not tried either.
    """
    logger = get_run_logger()
    notes: dict[str, str] = {}
    unreachable: set[str] = set()
    for source in sources_to_fetch(manifest):
        host = _host(manifest, source)
        if source.kind == "plan" and source.landing_page in notes:
            notes[source.id] = f"not fetched: its landing page {source.landing_page} could not be fetched"
            continue
        if host in unreachable:
            notes[source.id] = f"not fetched: {host} could not be reached (see {sorted(notes)[0]})"
            continue
        state = fetch_task(manifest, source, source.id, return_state=True)
        value = state.result(raise_on_failure=False)
        if isinstance(value, BaseException):
            notes[source.id] = f"not fetched after retries: {value}"
            if "connect" in str(value).lower() and host:
                unreachable.add(host)
        elif not value.ok:
            notes[source.id] = f"not fetched: {value.message}"
        else:
            logger.info("fetched %s -> %s", source.id, value.path)
    for source_id, note in notes.items():
        logger.warning("%s: %s", source_id, note)
    return notes
