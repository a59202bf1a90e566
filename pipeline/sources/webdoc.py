"""regjeringen.no *web documents*: a front page with the table of contents and one page per chapter.

Plans and strategies are published as ``/no/dokumenter/<slug>/id<N>/`` (the front page) and
``…/id<N>/?ch=1`` … (chapters; older archived documents ``…/id<N>/sec1`` …). This module reads such
pages as they were saved — by ``tiltak fetch`` (``index.html``, ``ch-1.html`` …) or by a browser ("Save page
as…", HTML only or complete, named after the page title) — and puts the pages of one document together:

* **Which page is this?** The page's own address (``og:url``, ``link[rel=canonical]``, the
  ``<!-- saved from url=… -->`` comment a browser writes, ``<base href>``, ``link[rel=alternate]``, JSON-LD
  ``url``), never the file name: the document id (``id3103576``) and the chapter (``?ch=N`` / ``/secN``) are
  read from it. Links in the site chrome name other ids and are never used for this.
* **Which pages belong together?** Pages are grouped by document id (:func:`group_web_pages`); a folder and
  the same files given as a list read the same.
* **In which order?** The front page's table of contents (links to ``?ch=N`` / ``secN`` without a
  ``#fragment``; deeper entries point into a chapter and are not chapters), else the chapter numbers.
  A chapter listed there but not saved is reported (:class:`MissingChapter`) with its title and URL.
* **What is content?** A chapter is the page's ``div.article-body`` (everything outside it — menus that
  list every ministry, breadcrumbs, sidebar, footer, cookie banner, scripts, the "Til innholdsfortegnelse"
  link — is site chrome). Turning the chapter into text blocks is :mod:`pipeline.layout.webdoc`'s job.

Errors name the file: a page from another site, a regjeringen.no page that is not part of a web document
(a press release), and a page saved before its scripts ran (no content, text only inside ``<script>``).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Comment, Tag

from pipeline.errors import InputFileError
from pipeline.model import Article
from pipeline.sources.articles import MAX_ARTICLE_BYTES, looks_like_html
from pipeline.sources.encoding import SourceWarning, decode_bytes, declared_charset
from pipeline.sources.regjeringen_html import SITE_ROOT, json_ld_urls, make_soup, meta_content, parse_html_article
from pipeline.storage.files import sha256_bytes

__all__ = [
    "WebDocumentError",
    "PageRef",
    "TocItem",
    "MissingChapter",
    "WebPage",
    "WebDocument",
    "page_ref",
    "page_identity",
    "WEB_SUFFIXES",
    "read_web_page",
    "group_web_pages",
    "read_web_document",
    "web_page_files",
    "parse_toc",
]

WEB_SUFFIXES = (".html", ".htm", ".xhtml")
_ID_RE = re.compile(r"/id(\d{3,})(?=/|$)")
_SEC_RE = re.compile(r"/sec(\d{1,3})/?$")
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)\s*(\S+)", re.IGNORECASE)
_BACK_TO_TOC = re.compile(r"^\s*til\s+(?:innholdsfortegnelse|innhaldsliste|innholdsfortegnelsen)\s*$", re.IGNORECASE)
_WS = re.compile(r"\s+")


class WebDocumentError(InputFileError):
    """Saved pages that cannot be read as (one) regjeringen.no web document.

    ``kind``: ``not_regjeringen`` (a page from another site), ``not_a_web_document`` (a regjeringen.no page
    without chapters, e.g. a press release), ``no_content`` (saved before its scripts ran), ``several_documents``
    (pages of two documents where one was expected), ``no_pages`` (a folder without saved pages).
    """

    def __init__(self, message: str, *, kind: str = "not_a_web_document", path=None, hint: str | None = None,
                 url: str | None = None, document_ids: list[str] | None = None):
        self.kind = kind
        self.url = url
        self.document_ids = list(document_ids or [])
        super().__init__(message, path=path, hint=hint)

    def __reduce__(self):  # keep every field when the error crosses a process boundary (budgeted workers)
        return (_web_document_error, (self.message, self.kind, self.path, self.hint, self.url, self.document_ids))


def _web_document_error(message, kind, path, hint, url, document_ids) -> WebDocumentError:
    return WebDocumentError(message, kind=kind, path=path, hint=hint, url=url, document_ids=document_ids)


# --------------------------------------------------------------------------- addresses


@dataclass(frozen=True)
class PageRef:
    """What a page address says: the document, and the chapter (None for the front page)."""

    url: str  # the page address, normalised (https, no fragment)
    document_id: str  # "id3103576"
    document_url: str  # the front page: ".../id3103576/"
    chapter: int | None  # N of ?ch=N or /secN
    scheme: str | None  # "ch" | "sec" | None (front page)


def _host_is_regjeringen(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "regjeringen.no" or host.endswith(".regjeringen.no")


def page_ref(url: str) -> PageRef | None:
    """The document and chapter an address names; None if it names no document (no ``/idNNN/``)."""
    parts = urlsplit(url)
    m = None
    for m in _ID_RE.finditer(parts.path):
        pass
    if m is None:
        return None
    doc_path = parts.path[: m.end()] + "/"
    rest = parts.path[m.end():]
    chapter, scheme = None, None
    if (sm := _SEC_RE.match(rest)) is not None:
        chapter, scheme = int(sm.group(1)), "sec"
    else:
        ch = parse_qs(parts.query).get("ch")
        if ch and ch[0].isdigit():
            chapter, scheme = int(ch[0]), "ch"
    document_url = urlunsplit(("https", parts.netloc.lower(), doc_path, "", ""))
    query = f"ch={chapter}" if scheme == "ch" else ""
    page = urlunsplit(("https", parts.netloc.lower(), parts.path if scheme == "sec" else doc_path, query, ""))
    return PageRef(url=page, document_id=f"id{m.group(1)}", document_url=document_url, chapter=chapter, scheme=scheme)


def _link(soup: BeautifulSoup, rel: str) -> str | None:
    for tag in soup.find_all("link", href=True):
        rels = tag.get("rel") or []
        if rel in (rels if isinstance(rels, list) else [rels]):
            return str(tag["href"]).strip()
    return None


def _stated_urls(soup: BeautifulSoup) -> list[str]:
    """Addresses the page states for itself, most specific first (og:url, canonical, saved-from, base, …)."""
    out: list[str] = []
    for cand in (meta_content(soup, "og:url"), _link(soup, "canonical")):
        if cand:
            out.append(cand)
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        if (m := _SAVED_FROM.search(str(node))) is not None:
            out.append(m.group(1))
            break
    base = soup.find("base", href=True)
    if base is not None:
        out.append(str(base["href"]))
    if (alt := _link(soup, "alternate")) is not None:
        out.append(alt)
    out += json_ld_urls(soup)
    if (dc := meta_content(soup, "DC.Identifier.URL")) is not None:
        out.append(dc)
    return [urljoin(SITE_ROOT, u) for u in out if u]


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class TocItem:
    """A chapter in the front page's table of contents."""

    number: int  # N of ?ch=N / secN
    title: str  # link text as printed
    url: str


@dataclass(frozen=True)
class MissingChapter:
    """A chapter the table of contents lists but no saved page holds."""

    number: int
    title: str
    url: str

    def message(self, folder: str | Path | None = None) -> str:
        where = f" in {folder}" if folder else ""
        return (f"chapter {self.number} ({self.title}) is listed in the table of contents but not saved{where}: "
                f"its measures are missing; save {self.url} there and extract again")


@dataclass
class WebPage:
    """One saved page of a web document."""

    path: Path
    ref: PageRef
    soup: BeautifulSoup
    sha256: str
    title: str  # the document title (``header.article-header h1``: chapter pages show the document's title)
    body: Tag | None  # ``div.article-body``
    toc: list[TocItem] = field(default_factory=list)  # front pages

    @property
    def chapter(self) -> int | None:
        return self.ref.chapter

    @property
    def is_front(self) -> bool:
        return self.ref.chapter is None

    @property
    def chapter_title(self) -> str | None:
        """The chapter title as printed: the first ``h2`` of the chapter body."""
        if self.body is None:
            return None
        h = self.body.find(["h1", "h2"])
        return _text(h) or None


def _text(el) -> str:
    if el is None:
        return ""
    return _WS.sub(" ", el.get_text(" ")).strip()


def _article_root(soup: BeautifulSoup) -> Tag | None:
    for sel in ("div.article-content", "article", "main"):
        el = soup.select_one(sel)
        if el is not None:
            return el
    return None


def _has_text(el: Tag | None) -> bool:
    if el is None:
        return False
    for node in el.find_all(string=True):
        if isinstance(node, Comment) or node.find_parent(("script", "style", "template", "noscript")) is not None:
            continue
        if node.strip():
            return True
    return False


def parse_toc(root: Tag | None, document_url: str) -> list[TocItem]:
    """Chapters linked from ``root`` in order: links to this document's ``?ch=N``/``secN`` without a fragment."""
    if root is None:
        return []
    items: dict[int, TocItem] = {}
    doc_ref = page_ref(document_url)
    for a in root.find_all("a", href=True):
        href = str(a["href"]).strip()
        url = urljoin(document_url, href)
        parts = urlsplit(url)
        if parts.fragment:
            continue  # a section or measure inside a chapter, not a chapter
        ref = page_ref(url)
        if ref is None or doc_ref is None or ref.document_id != doc_ref.document_id or ref.chapter is None:
            continue
        title = _text(a)
        if not title or _BACK_TO_TOC.match(title) or a.find_parent(["nav"], class_=re.compile("pager")) is not None:
            continue
        if title.lower().startswith(("forrige", "neste")):
            continue  # chapter navigation ("Forrige: …", "Neste: …"), not the contents
        items.setdefault(ref.chapter, TocItem(ref.chapter, title, ref.url))
    return list(items.values())


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputFileError("file not found", path=path, hint="check the path") from None
    if size > MAX_ARTICLE_BYTES:
        raise InputFileError(f"file is {size / 1e6:.1f} MB, too large for a saved page", path=path,
                             hint="save only the page itself (HTML only)")
    if size == 0:
        raise InputFileError("the file is empty", path=path, hint="save the page again from a browser")
    return path.read_bytes()


def _soup_of(path: Path) -> tuple[BeautifulSoup, bytes]:
    data = _read_bytes(path)
    if not looks_like_html(data):
        raise WebDocumentError("is not an HTML page", kind="not_a_web_document", path=path,
                               hint="save the page from a browser as HTML (Save page as…, HTML only)")
    decoded = decode_bytes(data, declared=declared_charset(data), name=str(path))
    return make_soup(decoded.text), data


def page_identity(path: str | Path) -> PageRef | None:
    """The page's document and chapter, if it is a saved regjeringen.no document page; else None (no error, no
    warning: a probe; whoever reads the file for real reports what is wrong with it)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SourceWarning)
            soup, _ = _soup_of(Path(path))
    except InputFileError:
        return None
    for u in _stated_urls(soup):
        if _host_is_regjeringen(u) and (ref := page_ref(u)) is not None:
            return ref
    return None


def read_web_page(path: str | Path) -> WebPage:
    """One saved page of a web document. Raises :class:`WebDocumentError` naming the file otherwise."""
    p = Path(path)
    soup, data = _soup_of(p)
    urls = _stated_urls(soup)
    if not urls:
        raise WebDocumentError("the page does not state its address (no og:url, canonical link or 'saved from' "
                               "comment)", kind="not_a_web_document", path=p,
                               hint="save the page again from a browser with File > Save page as…")
    regj = [u for u in urls if _host_is_regjeringen(u)]
    if not regj:
        raise WebDocumentError(f"not a regjeringen.no page ({urls[0]})", kind="not_regjeringen", path=p, url=urls[0],
                               hint="tiltak reads web documents published on regjeringen.no")
    ref = next((r for u in regj if (r := page_ref(u)) is not None and r.chapter is not None), None)
    ref = ref or next((r for u in regj if (r := page_ref(u)) is not None), None)
    if ref is None:
        raise WebDocumentError(f"the address {regj[0]} names no document (no /idNNN/)", kind="not_a_web_document",
                               path=p, url=regj[0], hint="save the document's front page or one of its chapter pages")
    root = _article_root(soup)
    body = None
    if root is not None:
        body = root.select_one("div.article-body") or root.find(class_=re.compile(r"\barticle-body\b"))
    if body is None:
        body = soup.select_one("div.article-body")
    h1 = (root or soup).select_one("header.article-header h1") or (root or soup).find("h1")
    title = _text(h1) or meta_content(soup, "DC.Title") or ""
    if ref.chapter is not None and not _has_text(body):
        raise WebDocumentError(f"chapter page {ref.url} has no readable content (saved before its scripts ran?)",
                               kind="no_content", path=p, url=ref.url,
                               hint="open the page in a browser, wait until the text shows, then save it again")
    toc = parse_toc(body or root, ref.document_url) if ref.chapter is None else []
    if ref.chapter is None and not toc:
        kind = "no_content" if not _has_text(body) and not title else "not_a_web_document"
        raise WebDocumentError(f"{ref.url} is a regjeringen.no page but not a document with chapters "
                               "(no table of contents linking ?ch=N or /secN pages)", kind=kind, path=p, url=ref.url,
                               hint="extract it on its own (a press release or landing page), or save the web "
                                    "document's front page and chapter pages")
    return WebPage(path=p, ref=ref, soup=soup, sha256=sha256_bytes(data), title=title, body=body, toc=toc)


# --------------------------------------------------------------------------- documents


@dataclass
class WebDocument:
    """The saved pages of one web document, chapters in reading order."""

    document_id: str
    url: str  # front page
    title: str
    front: WebPage | None
    chapters: list[WebPage]
    toc: list[TocItem] = field(default_factory=list)
    missing: list[MissingChapter] = field(default_factory=list)
    folder: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def pages(self) -> list[WebPage]:
        return ([self.front] if self.front is not None else []) + list(self.chapters)

    @property
    def sha256(self) -> str:
        """One hash for the document: of the page hashes in reading order (front page first)."""
        return sha256_bytes("\n".join(f"{p.ref.url} {p.sha256}" for p in self.pages).encode())

    def article(self) -> Article | None:
        """The front page's facts (type, date, owner, government, archive label, PDF link) as an ``Article``."""
        if self.front is None:
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SourceWarning)  # a front page's body is its contents list: expected
            try:
                return parse_html_article(str(self.front.soup), path=str(self.front.path), url=self.url)
            except InputFileError:
                return None


def web_page_files(folder: str | Path) -> list[Path]:
    """The saved pages directly in ``folder`` (``.html``/``.htm``), sorted by name."""
    d = Path(folder)
    return sorted(p for p in d.iterdir() if p.is_file() and p.suffix.lower() in WEB_SUFFIXES)


def _chapter_on_front(front: WebPage, item: TocItem) -> WebPage | None:
    """The chapter ``item`` as the front page prints it below the contents (archived documents show chapter 1
    there): the element holding an ``h2`` titled like the contents entry, outside the contents list."""
    if front.body is None:
        return None
    want = _WS.sub(" ", item.title).strip().lower()
    for h in front.body.find_all("h2"):
        if h.find_parent("nav") is not None or _text(h).lower() != want:
            continue
        box = h.parent
        if not isinstance(box, Tag) or box is front.body:
            return None
        ref = PageRef(url=item.url, document_id=front.ref.document_id, document_url=front.ref.document_url,
                      chapter=item.number, scheme=page_ref(item.url).scheme if page_ref(item.url) else "ch")
        return WebPage(path=front.path, ref=ref, soup=front.soup, sha256=front.sha256, title=front.title, body=box)
    return None


def _order(doc_id: str, pages: list[WebPage], folder: Path | None) -> WebDocument:
    fronts = [p for p in pages if p.is_front]
    front = max(fronts, key=lambda p: len(p.toc)) if fronts else None
    by_number: dict[int, WebPage] = {}
    for p in sorted((p for p in pages if not p.is_front), key=lambda p: (p.chapter, str(p.path))):
        by_number.setdefault(p.chapter, p)  # the same chapter saved twice: the first by name
    toc = front.toc if front is not None else []
    for t in toc:
        if t.number not in by_number and front is not None and (shown := _chapter_on_front(front, t)) is not None:
            by_number[t.number] = shown  # an archived front page shows the first chapter below its contents
    order = [t.number for t in toc if t.number in by_number]
    order += sorted(n for n in by_number if n not in order)
    first = front or by_number[order[0]]
    url = first.ref.document_url
    missing = [MissingChapter(t.number, t.title, t.url) for t in toc if t.number not in by_number]
    title = next((p.title for p in ([front] if front else []) + [by_number[n] for n in order] if p and p.title), "")
    doc = WebDocument(document_id=doc_id, url=url, title=title, front=front, chapters=[by_number[n] for n in order],
                      toc=list(toc), missing=missing, folder=folder)
    for mc in missing:
        doc.warnings.append(mc.message(folder))
    if front is None:
        doc.warnings.append(f"{doc_id}: the front page (table of contents) is not saved; chapters are read in the "
                            f"order of their numbers and missing chapters cannot be detected; save {url} too")
    return doc


def group_web_pages(paths: list[str | Path], *, folder: Path | None = None
                    ) -> tuple[list[WebDocument], list[str], list[WebDocumentError]]:
    """Saved pages -> documents (grouped by document id, in order of first appearance), warnings, and one error per
    file that is not a page of a web document."""
    groups: dict[str, list[WebPage]] = {}
    errors: list[WebDocumentError] = []
    for path in paths:
        try:
            page = read_web_page(path)
        except WebDocumentError as exc:
            errors.append(exc)
            continue
        groups.setdefault(page.ref.document_id, []).append(page)
    docs = [_order(doc_id, pages, folder) for doc_id, pages in groups.items()]
    warnings: list[str] = []
    if len(docs) > 1:
        where = f"{folder} holds" if folder else "the pages are"
        warnings.append(f"{where} pages of {len(docs)} web documents ({', '.join(d.document_id for d in docs)})")
    return docs, warnings, errors


def read_web_document(source: str | Path | list[str | Path]) -> WebDocument:
    """Exactly one web document from a folder of saved pages or a list of page files.

    Raises :class:`WebDocumentError` (one line, naming the folder or file) when there is no page, when a file is
    not a page of a web document, or when the pages belong to more than one document.
    """
    if isinstance(source, (str, Path)) and Path(source).is_dir():
        folder: Path | None = Path(source)
        paths = web_page_files(folder)
        if not paths:
            raise WebDocumentError("is a directory without saved web pages (.html)", kind="no_pages", path=folder,
                                   hint="name a plan PDF or a saved page, or a folder holding a web document's front "
                                        "page and chapter pages")
    else:
        paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
        parents = {p.parent for p in paths}
        folder = parents.pop() if len(parents) == 1 else None
    docs, _warnings, errors = group_web_pages(paths, folder=folder)
    if len(errors) == 1:
        raise errors[0]
    if errors:  # one line naming every file
        raise WebDocumentError(f"{len(errors)} files are not pages of a web document: "
                               + "; ".join(f"{Path(e.path).name}: {e.message}" for e in errors),
                               kind=errors[0].kind, path=folder or paths[0],
                               hint="keep only the saved pages of one regjeringen.no web document there")
    if len(docs) > 1:
        ids = [d.document_id for d in docs]
        raise WebDocumentError(f"holds pages of {len(docs)} web documents ({', '.join(ids)})", kind="several_documents",
                               path=folder or paths[0], document_ids=ids,
                               hint="save each document's pages in a folder of its own")
    return docs[0]
