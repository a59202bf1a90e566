"""Reading regjeringen.no article pages (press releases, plan landing pages, consultations) from HTML.

The site's article template (2016 to today), which press releases and landing pages share::

    header.article-header h1          title
    div.article-info                  span.type ("Pressemelding"), span.date ("Dato: dd.mm.yyyy"),
                                      span.owner (publishing ministry, linked);
                                      archived pages add "Publisert under: Regjeringen X" and
                                      "Utgiver: <ministry>" and a "Historisk arkiv" label
    div.article-ingress               lead paragraph
    div.article-body                  body; attachments as /contentassets/<id>/<file>.pdf links
                                      followed by "(pdf)" or with "(PDF, 1 mb)" in the link text

Every field has fallbacks (``<meta name="DC.*">``, ``og:url``, canonical link, JSON-LD, the
"Dato:"/"Utgiver:" labels anywhere in the article) so older or slightly different layouts still
read. Script, style and navigation are ignored; relative links are made absolute against the page
URL (or https://www.regjeringen.no/ when the page's own URL is unknown).
"""

from __future__ import annotations

import json
import re
import warnings
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from pipeline.errors import NotAnArticleError
from pipeline.model import Article, Attachment
from pipeline.sources.dates import parse_date
from pipeline.sources.encoding import SourceWarning

__all__ = [
    "SITE_ROOT",
    "parse_html_article",
    "html_to_paragraphs",
    "find_attachments",
    "government_from_url",
    "make_soup",
    "meta_content",
    "json_ld_urls",
]

SITE_ROOT = "https://www.regjeringen.no/"

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "form", "nav", "input",
              "select", "textarea"}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "aside", "header", "footer", "main", "blockquote", "figure", "figcaption",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "dl", "dt", "dd", "pre",
    "address", "details", "summary", "hr", "caption",
}
_LIST_TAGS = {"ul", "ol"}
_BR = "\u2028"  # internal marker for <br>
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
_PDF_SUFFIX = re.compile(r"^\s*\(\s*pdf\b[^)]*\)", re.IGNORECASE)
_PAREN_PDF = re.compile(r"\(\s*pdf\b[^)]*\)", re.IGNORECASE)
_DOC_EXT = re.compile(r"\.(pdf|docx?|odt|rtf|xlsx?|epub)$", re.IGNORECASE)


def make_soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def _clean_inline(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    text = _WS.sub(" ", text)
    lines = [ln.strip() for ln in text.split(_BR)]
    return "\n".join(ln for ln in lines if ln)


def _text_of(el: Tag | None) -> str:
    """Whitespace-normalised text of an element, script/style excluded, on one line."""
    if el is None:
        return ""
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, NavigableString) and not isinstance(node, Comment):
            if any(p.name in _SKIP_TAGS for p in node.parents if isinstance(p, Tag)):
                continue
            parts.append(str(node))
    return _WS.sub(" ", _INVISIBLE.sub("", "".join(parts))).strip()


class _Blocks:
    """Collects paragraphs and list blocks while walking an element tree."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.buf: list[str] = []

    def flush(self) -> None:
        text = _clean_inline("".join(self.buf))
        self.buf = []
        if text:
            self.blocks.append(text)

    def walk(self, el: Tag) -> None:
        for node in el.children:
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                self.buf.append(str(node))
                continue
            if not isinstance(node, Tag):
                continue
            name = node.name.lower() if node.name else ""
            if name in _SKIP_TAGS or node.get("hidden") is not None or node.get("aria-hidden") == "true":
                continue
            if name == "br":
                self.buf.append(_BR)
            elif name in _LIST_TAGS:
                self.flush()
                items = _list_items(node)
                if items:
                    self.blocks.append("\n".join(f"• {it}" for it in items))
            elif name in _BLOCK_TAGS:
                self.flush()
                self.walk(node)
                self.flush()
            elif name in ("td", "th"):
                self.walk(node)
                self.buf.append(" ")
            else:
                self.walk(node)


def _list_items(lst: Tag) -> list[str]:
    """Items of a ul/ol; nested lists become further items (flattened, in document order)."""
    items: list[str] = []
    for li in lst.find_all("li", recursive=False):
        nested = [c for c in li.find_all(list(_LIST_TAGS), recursive=False)]
        for n in nested:
            n.extract()
        collector = _Blocks()
        collector.walk(li)
        collector.flush()
        text = " ".join(b.replace("\n", " ") for b in collector.blocks).strip()
        if text:
            items.append(text)
        for n in nested:
            items.extend(_list_items(n))
    return items


def html_to_paragraphs(el: Tag | None) -> list[str]:
    """Blocks of an element: paragraphs (``<br>`` kept as newline) and lists ("• item" lines)."""
    if el is None:
        return []
    import copy

    c = _Blocks()
    c.walk(copy.copy(el))  # _list_items mutates nested lists
    c.flush()
    return c.blocks


def government_from_url(url: str | None) -> str | None:
    """The government of an archive address, from the segment after ``/dokumentarkiv/``.

    ``.../dokumentarkiv/regjeringen-solberg/...`` -> ``"Regjeringen Solberg"``;
    ``.../dokumentarkiv/stoltenberg-ii/...`` -> ``"Regjeringen Stoltenberg II"``.
    """
    if not url:
        return None
    m = re.search(r"/dokumentarkiv/([a-z\u00e6\u00f8\u00e5]+(?:-[a-z\u00e6\u00f8\u00e5]+){0,3})(?:/|$)",
                  urlsplit(url).path.lower())
    if not m:
        return None
    words = m.group(1).split("-")
    if words[0] == "regjeringen":
        words = words[1:]
    if not words or not (1 <= len(words) <= 2) or (len(words) == 2 and not re.fullmatch(r"[ivx]+", words[1])):
        return None
    out = [w.upper() if re.fullmatch(r"[ivx]+", w) else w.capitalize() for w in words]
    return "Regjeringen " + " ".join(out)


def meta_content(soup: BeautifulSoup, *names: str) -> str | None:
    """The content of the first ``<meta name=…>`` / ``<meta property=…>`` of ``names`` that has one."""
    for n in names:
        tag = soup.find("meta", attrs={"name": n}) or soup.find("meta", attrs={"property": n})
        if tag and tag.get("content"):
            v = _WS.sub(" ", str(tag["content"])).strip()
            if v:
                return v
    return None


def _page_url(soup: BeautifulSoup) -> str | None:
    cand = meta_content(soup, "og:url")
    if not cand:
        link = soup.find("link", rel=lambda v: v and "canonical" in (v if isinstance(v, list) else [v]))
        if link and link.get("href"):
            cand = str(link["href"])
    if not cand:
        cand = meta_content(soup, "DC.Identifier.URL")
    if not cand:
        cand = next(iter(json_ld_urls(soup)), None)
    if cand:
        cand = urljoin(SITE_ROOT, cand.strip())
        if urlsplit(cand).scheme in ("http", "https"):
            return cand
    return None


def json_ld_urls(soup: BeautifulSoup) -> list[str]:
    """The ``url`` of each JSON-LD object on the page, in page order."""
    out: list[str] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            continue
        if isinstance(data, dict) and isinstance(data.get("url"), str):
            out.append(data["url"])
    return out


def article_root(soup: BeautifulSoup) -> Tag | None:
    header = soup.select_one("header.article-header")
    anchor = header or soup.select_one("div.article-body") or soup.select_one("div.article-info")
    if anchor is None:
        return None
    for parent in anchor.parents:
        if not isinstance(parent, Tag):
            continue
        classes = parent.get("class") or []
        if any("article-content" in c for c in classes) or parent.name in ("article", "main"):
            return parent
    return anchor.parent if isinstance(anchor.parent, Tag) else None


def _label_value(text: str, label: str) -> str | None:
    """Value after ``label:`` in a run of article-info text, up to the next label or separator."""
    m = re.search(
        rf"(?:{label})\s*:\s*(.+?)(?=\s*(?:\||Publisert under\s*:|Utgiver\s*:|Utgjevar\s*:|Dato\s*:|Sist oppdatert\s*:|"
        r"Nr\.?\s*:|$))",
        text,
        re.IGNORECASE,
    )
    if not m:
        return None
    v = m.group(1).strip(" |·-–")
    return v or None


def find_attachments(root: Tag | None, base_url: str | None) -> list[Attachment]:
    """Document links (PDF and other attachments) inside ``root``, absolute, in page order, de-duplicated.

    A link counts when its address ends in a document extension, lies under ``/contentassets/``,
    or its text or the text right after it says "(pdf ...)". ``is_pdf`` is true for ``.pdf``
    addresses and for links labelled "(pdf ...)".
    """
    if root is None:
        return []
    base = base_url or SITE_ROOT
    out: list[Attachment] = []
    seen: set[str] = set()
    for a in root.find_all("a", href=True):
        if any(isinstance(p, Tag) and p.name in _SKIP_TAGS for p in a.parents):
            continue
        href = str(a["href"]).strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        url = urljoin(base, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            continue
        text = _text_of(a)
        suffix = ""
        sib = a.next_sibling
        if isinstance(sib, NavigableString):
            m = _PDF_SUFFIX.match(str(sib))
            if m:
                suffix = _WS.sub(" ", m.group(0)).strip()
        path = parts.path
        is_doc = bool(_DOC_EXT.search(path)) or "/contentassets/" in path.lower()
        labelled_pdf = bool(_PAREN_PDF.search(text) or suffix)
        if not (is_doc or labelled_pdf):
            continue
        if suffix and not _PAREN_PDF.search(text):
            text = f"{text} {suffix}".strip()
        if not text:
            text = str(a.get("title") or path.rsplit("/", 1)[-1])
        is_pdf = path.lower().endswith(".pdf") or labelled_pdf
        if url in seen:
            continue
        seen.add(url)
        out.append(Attachment(url=url, text=text, is_pdf=is_pdf))
    return out


def parse_html_article(html: str, *, path: str | None = None, url: str | None = None) -> Article:
    """Parse one regjeringen.no article page. Raises :class:`NotAnArticleError` for other pages."""
    soup = make_soup(html)
    has_template = bool(
        soup.select_one("header.article-header") or soup.select_one("div.article-body")
        or soup.select_one("div.article-info")
    )
    page_url = url or _page_url(soup)
    if not has_template:
        legacy = _legacy_container(soup, page_url)
        if legacy is None:
            raise NotAnArticleError(
                "not a regjeringen.no article page (no article-header, article-info or article-body)",
                path=path,
                hint="save the article page itself from regjeringen.no, or list the file with its correct kind",
            )
        return _parse_legacy(soup, legacy, path=path, url=page_url)
    root = article_root(soup) or soup.body or soup

    h1 = soup.select_one("header.article-header h1") or root.find("h1")
    title = _text_of(h1) or meta_content(soup, "DC.Title", "title", "og:title") or ""
    if not title:
        raise NotAnArticleError("article page has no title (no <h1>)", path=path,
                                hint="save the complete page (Ctrl+S, 'Webpage, complete' or 'HTML only')")

    info = soup.select_one("div.article-info")
    info_text = _text_of(info)
    doc_type = _text_of(info.select_one("span.type")).strip(" |") if info else ""
    doc_type = doc_type or meta_content(soup, "DC.Type") or None

    published = None
    if info is not None:
        published = parse_date(_text_of(info.select_one("span.date"))) or parse_date(_label_value(info_text, "Dato"))
    if published is None:
        published = parse_date(meta_content(soup, "DC.Date") or "")

    root_text = _text_of(root)
    publisher = None
    if info is not None:
        owner = info.select_one("span.owner a") or info.select_one("span.owner")
        publisher = _text_of(owner).strip(" |") or None
    publisher = publisher or _label_value(info_text, "Utgiver|Utgjevar") \
        or _label_value(root_text[:3000], "Utgiver|Utgjevar")
    publisher = publisher or meta_content(soup, "DC.Creator", "author")

    government = _label_value(info_text, "Publisert under") or _label_value(root_text[:3000], "Publisert under")
    government = government or government_from_url(page_url)

    header_zone = root_text[: root_text.find(title) + len(title) + 500] if title in root_text else root_text[:1500]
    historical = (
        "historisk arkiv" in header_zone.lower()
        or bool(re.search(r"Publisert under\s*:", root_text[:3000]))
        or "/dokumentarkiv/" in (page_url or "")
    )

    ingress_el = soup.select_one("div.article-ingress")
    ingress = " ".join(html_to_paragraphs(ingress_el)).strip() or None
    body_el = soup.select_one("div.article-body")
    body = "\n\n".join(html_to_paragraphs(body_el))
    attachments = find_attachments(root, page_url)
    if not body.strip():
        if not ingress and not attachments:
            raise NotAnArticleError("article page has no body text, ingress or attachments", path=path,
                                    hint="the page may not have loaded completely; save it again from a browser")
        warnings.warn(f"{path or 'page'}: article has no body text (ingress/attachments only)", SourceWarning,
                      stacklevel=2)
    return Article(
        title=title,
        body=body,
        ingress=ingress,
        doc_type=doc_type,
        publisher_name=publisher,
        government=government,
        published=published,
        attachments=attachments,
        source_url=page_url,
        historical=historical,
    )


# --------------------------------------------------------------------------- older layouts

_LEGACY_LABEL = re.compile(r"\b(?:Dato|Utgiver|Utgjevar|Publisert under)\s*:", re.IGNORECASE)


def _legacy_container(soup: BeautifulSoup, page_url: str | None) -> Tag | None:
    """For pages without the current template: the main content element, if this is evidently a
    regjeringen.no article (site named in address or metadata, an <h1>, and a date/publisher line
    or DC.Date metadata); else None."""
    host = (urlsplit(page_url).hostname or "") if page_url else ""
    site = host.endswith("regjeringen.no") or "regjeringen" in (meta_content(soup, "DC.Publisher") or "").lower() or \
        "regjeringen.no" in _text_of(soup.title).lower()
    if not site:
        return None
    container = soup.find("main") or soup.find(id=re.compile(r"^(?:content|maincontent|article|main)", re.I)) \
        or soup.body
    if container is None or container.find("h1") is None:
        return None
    if not (_LEGACY_LABEL.search(_text_of(container)) or meta_content(soup, "DC.Date")):
        return None
    return container


def _parse_legacy(soup: BeautifulSoup, container: Tag, *, path: str | None, url: str | None) -> Article:
    import copy

    box = copy.copy(container)
    h1 = box.find("h1")
    title = _text_of(h1)
    # drop everything up to and including the <h1> (breadcrumbs, labels), keep the label lines for metadata
    text_all = _text_of(box)
    if h1 is not None:
        h1.decompose()
    paragraphs = html_to_paragraphs(box)
    meta_lines = [p for p in paragraphs
                  if (len(p) < 200 and "\n" not in p and _LEGACY_LABEL.search(p)) or p.lower() == "historisk arkiv"]
    body = "\n\n".join(p for p in paragraphs if p not in meta_lines and p != title)
    if not body.strip():
        raise NotAnArticleError("article page has no body text", path=path,
                                hint="the page may not have loaded completely; save it again from a browser")
    label_text = " | ".join(meta_lines)
    published = parse_date(_label_value(label_text, "Dato")) or parse_date(meta_content(soup, "DC.Date") or "")
    publisher = _label_value(label_text, "Utgiver|Utgjevar") or meta_content(soup, "DC.Creator", "author")
    government = _label_value(label_text, "Publisert under") or government_from_url(url)
    return Article(
        title=title,
        body=body,
        ingress=None,
        doc_type=meta_content(soup, "DC.Type"),
        publisher_name=publisher,
        government=government,
        published=published,
        attachments=find_attachments(container, url),
        source_url=url,
        historical="historisk arkiv" in text_all.lower()[:2000] or "/dokumentarkiv/" in (url or ""),
    )
