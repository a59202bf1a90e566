"""Sources layer: the corpus manifest, reading regjeringen.no articles (HTML or text),
press-release facts, and fetching documents with provenance.

Public API::

    load_manifest(path) -> Manifest
    read_article(path, *, url=None) -> Article
    extract_press_release(article, document_id, *, on=None, sha256=None, source_url=None, plan_url=None)
        -> PressReleaseFacts
    extract_landing_page(article, document_id=None) -> (DocumentInfo, list[Attachment])
    fetch(url, *, store, dest=None, expect="any") -> FetchResult   (pipeline.sources.http)
    check_for_update(url, previous_provenance) -> UpdateCheck
    adopt_manual_download(path, *, url, store=None, expect="pdf") -> FetchResult
    find_plan_pdf_links(html, base_url) -> list[Attachment]
    plan_url_for(manifest, plan_id) -> str | None   (pipeline.sources.downloads: the corpus's downloads)
    read_web_document(folder | pages) -> WebDocument   (pipeline.sources.webdoc: saved regjeringen.no web documents)
    fetch_web_document(url, folder, store=...) -> WebFetchResult   (pipeline.sources.webfetch)
"""

from pipeline.sources.articles import parse_article_bytes, read_article
from pipeline.sources.downloads import fetch_plan_via_landing_page, plan_url_for
from pipeline.sources.dates import find_dates, parse_date
from pipeline.sources.encoding import SourceWarning
from pipeline.sources.http import (
    FetchResult,
    Provenance,
    UpdateCheck,
    adopt_manual_download,
    check_for_update,
    fetch,
)
from pipeline.sources.manifest import Comparison, Manifest, Source, load_manifest
from pipeline.sources.numbers import parse_count
from pipeline.sources.press_release import extract_landing_page, extract_press_release, find_ministers, find_plan_pdf_links

__all__ = [
    "Comparison",
    "FetchResult",
    "Manifest",
    "Provenance",
    "Source",
    "SourceWarning",
    "UpdateCheck",
    "adopt_manual_download",
    "check_for_update",
    "extract_landing_page",
    "extract_press_release",
    "fetch",
    "fetch_plan_via_landing_page",
    "find_dates",
    "find_ministers",
    "find_plan_pdf_links",
    "load_manifest",
    "parse_article_bytes",
    "parse_count",
    "parse_date",
    "plan_url_for",
    "read_article",
]
