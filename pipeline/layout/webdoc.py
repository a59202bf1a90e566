"""A regjeringen.no web document (:class:`pipeline.sources.webdoc.WebDocument`) -> ``LaidOutDocument``.

The chapters' ``div.article-body`` elements are read in chapter order into the same blocks a PDF gives, so
that structure, measures and enrichment run unchanged:

* ``h2`` … ``h6`` -> role ``heading`` with ``heading_level`` 1 … 5 (the chapter title is the ``h2``);
* paragraphs -> ``body`` (a paragraph set wholly in bold is ``bold``, like a bold line in a PDF); ``<br>`` breaks
  are the block's ``lines``;
* list items -> ``list_item`` (nested lists: further items);
* data tables (with ``th``/``thead``/``caption``) -> ``table`` blocks with a :class:`Table` (header, rows, the
  caption as title; a group row spanning the table keeps its text in the first cell); layout tables (signatures
  under a foreword) -> one ``body`` block per cell;
* fact boxes (``.factbox``, ``aside``) -> ``caption`` blocks: context that is read, never a heading or a measure.

Not content, dropped: figures (the photo's alt text and the credit), footnote markers (``sup`` linking to a
``#note``) and the footnote list, navigation (``nav``), forms and buttons, scripts, the "Til innholdsfortegnelse"
link. ``Block.page`` is the chapter number (N of ``?ch=N`` / ``secN``); ``Block.locator`` is the chapter page's
URL with the anchor of the block itself (its ``id``, or an ``<a id>`` inside it) or else of the nearest heading
before it. Sizes are nominal (headings larger than the body) so typography-based rules read them as a PDF's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import Comment, NavigableString, Tag

from pipeline.model import Block, LaidOutDocument, Table
from pipeline.sources.webdoc import WebDocument, WebPage

BODY_SIZE = 10.0
_HEADING_SIZE = {1: 18.0, 2: 15.0, 3: 13.0, 4: 12.0, 5: 11.0}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "form", "nav", "input",
         "select", "textarea", "button", "img", "picture", "video", "audio", "figure", "head", "meta", "link"}
_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "blockquote", "address", "details", "summary",
          "dl", "dt", "dd", "pre", "center"}
_HEADINGS = {"h1": 1, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}
_LISTS = {"ul", "ol"}
_BR = "\n"
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
_BACK_TO_TOC = re.compile(r"^\s*til\s+(?:innholdsfortegnelse|innholdsfortegnelsen|innhaldsliste)\s*$", re.IGNORECASE)
_NOTES_HEADING = re.compile(r"^\s*(?:fotnoter|fotnotar|fotnote|noter|sluttnoter)\s*$", re.IGNORECASE)
_CONTEXT_CLASS = re.compile(r"fact|fakta", re.IGNORECASE)
_NOTE_CLASS = re.compile(r"footnote|fotnote", re.IGNORECASE)


def _classes(el: Tag) -> str:
    c = el.get("class") or []
    return " ".join(c) if isinstance(c, list) else str(c)


def _clean(text: str) -> str:
    return _WS.sub(" ", _INVISIBLE.sub("", text)).strip()


@dataclass
class _Inline:
    """Text of one block-level element: its lines, whether all of it is bold, an anchor inside it."""

    parts: list[str] = field(default_factory=list)
    bold_chars: int = 0
    chars: int = 0
    anchor: str | None = None

    def lines(self) -> list[str]:
        return [ln for ln in (_clean(x) for x in "".join(self.parts).split(_BR)) if ln]


class _ChapterReader:
    """Walks one chapter's content and appends blocks."""

    def __init__(self, page: WebPage, number: int, page_url: str, note_targets: set[str]):
        self.page = page
        self.number = number
        self.page_url = page_url
        self.notes = note_targets
        self.blocks: list[Block] = []
        self.anchor: str | None = None  # of the nearest heading (or anchored element) so far
        self.context = 0  # > 0 inside a fact box

    # ------------------------------------------------------------------ helpers

    def _skip(self, el: Tag) -> bool:
        name = (el.name or "").lower()
        if name in _SKIP or el.get("hidden") is not None or el.get("aria-hidden") == "true":
            return True
        if _NOTE_CLASS.search(_classes(el)):
            return True  # footnote markers, the footnote list, back links
        if el.get("id") in self.notes:
            return True
        if name == "sup" and (a := el.find("a", href=True)) is not None and str(a["href"]).startswith("#"):
            return True  # a footnote marker without a telling class
        if name in _LISTS:
            items = el.find_all("li", recursive=False)
            if items and all(li.get("id") in self.notes for li in items):
                return True  # the list of footnotes
        return False

    def _locator(self, anchor: str | None) -> str:
        a = anchor or self.anchor
        return f"{self.page_url}#{a}" if a else self.page_url

    def _inline(self, el: Tag) -> _Inline:
        acc = _Inline()
        self._inline_nodes(el.children, acc)
        return acc

    def _inline_nodes(self, nodes, acc: _Inline, bold: bool = False) -> None:
        """Text of inline ``nodes`` into ``acc`` (markers, scripts and figures left out; ``<br>`` = line break)."""
        for node in nodes:
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                s = str(node)
                acc.parts.append(s)
                n = len(s.strip())
                acc.chars += n
                acc.bold_chars += n if bold else 0
                continue
            if not isinstance(node, Tag) or self._skip(node):
                continue
            name = (node.name or "").lower()
            if name == "br":
                acc.parts.append(_BR)
                continue
            if name == "a" and acc.anchor is None and (node.get("id") or node.get("name")) and not node.get("href"):
                acc.anchor = str(node.get("id") or node.get("name"))
            if name in _LISTS or name == "table":
                acc.parts.append(_BR)
            self._inline_nodes(node.children, acc, bold or name in ("strong", "b"))
            if name in _BLOCK or name in ("li", "tr") or name in _HEADINGS:
                acc.parts.append(_BR)
            elif name in ("td", "th"):
                acc.parts.append(" ")

    def _add(self, text_lines: list[str], role: str, *, level: int | None = None, bold: bool = False,
             anchor: str | None = None, table: Table | None = None) -> None:
        text = " ".join(text_lines).strip()
        if not text and table is None:
            return
        if self.context and role in ("heading", "body", "list_item"):
            role, level = "caption", None  # context: read, never a heading or a measure
        size = _HEADING_SIZE.get(level or 0, BODY_SIZE) if role == "heading" else (9.0 if role == "caption" else BODY_SIZE)
        k = float(len(self.blocks))
        self.blocks.append(Block(
            text=text, page=self.number, page_end=self.number, x0=0.0, top=k, x1=0.0, bottom=k + 1, size=size,
            bold=bold or role == "heading", role=role, heading_level=level if role == "heading" else None,
            lines=list(text_lines), table=table, locator=self._locator(anchor)))

    # ------------------------------------------------------------------ elements

    def walk(self, el: Tag) -> None:
        buf: list = []  # inline children waiting for the next block boundary

        def flush() -> None:
            if not buf:
                return
            acc = _Inline()
            self._inline_nodes(list(buf), acc)
            buf.clear()
            self._paragraph(acc)

        for node in el.children:
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                if str(node).strip():
                    buf.append(node)
                continue
            if not isinstance(node, Tag) or self._skip(node):
                continue
            name = (node.name or "").lower()
            if name in _HEADINGS:
                flush()
                self._heading(node, _HEADINGS[name])
            elif name in _LISTS:
                flush()
                self._list(node)
            elif name == "table":
                flush()
                self._table(node)
            elif name == "aside" or _CONTEXT_CLASS.search(_classes(node)):
                flush()
                self.context += 1
                self.walk(node)
                self.context -= 1
            elif name == "p" or (name in _BLOCK and not self._has_block_children(node)):
                flush()
                self._paragraph(self._inline(node), own_id=node.get("id"))
            elif name in _BLOCK:
                flush()
                if node.get("id") and not self.context:
                    self.anchor = str(node["id"])
                self.walk(node)
            else:
                buf.append(node)
        flush()

    @staticmethod
    def _has_block_children(el: Tag) -> bool:
        return any(isinstance(c, Tag) and ((c.name or "").lower() in _BLOCK | _LISTS | set(_HEADINGS) or c.name == "table")
                   for c in el.children)

    def _paragraph(self, acc: _Inline, own_id=None) -> None:
        lines = acc.lines()
        text = " ".join(lines)
        if not text or _BACK_TO_TOC.match(text):
            return
        anchor = str(own_id) if own_id else acc.anchor
        if anchor and not self.context:
            self.anchor = anchor
        bold = acc.chars > 0 and acc.bold_chars >= acc.chars
        self._add(lines, "body", bold=bold, anchor=anchor)

    def _heading(self, el: Tag, level: int) -> None:
        acc = self._inline(el)
        lines = acc.lines()
        text = " ".join(lines)
        if not text or _NOTES_HEADING.match(text):
            return
        anchor = el.get("id") or acc.anchor
        if anchor and not self.context:
            self.anchor = str(anchor)
        self._add([text], "heading", level=level, anchor=str(anchor) if anchor else None)

    def _list(self, el: Tag) -> None:
        for li in el.find_all("li", recursive=False):
            if self._skip(li):
                continue
            nested = [c for c in li.children if isinstance(c, Tag) and (c.name or "").lower() in _LISTS]
            acc = _Inline()
            self._inline_nodes([c for c in li.children if not any(c is n for n in nested)], acc)
            lines = acc.lines()
            if lines:
                self._add([" ".join(lines)], "list_item", anchor=li.get("id") or acc.anchor)
            for n in nested:
                self._list(n)

    def _cells(self, tr: Tag) -> list[tuple[str, int, bool]]:
        out = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            try:
                span = max(1, int(str(cell.get("colspan") or "1")))
            except ValueError:
                span = 1
            out.append((" ".join(self._inline(cell).lines()), span, cell.name == "th"))
        return out

    def _table(self, el: Tag) -> None:
        rows = [tr for tr in el.find_all("tr") if tr.find_parent("table") is el]
        if not rows:
            return
        caption = el.find("caption")
        is_data = caption is not None or el.find("th") is not None or el.find("thead") is not None
        anchor = el.get("id") or (el.parent.get("id") if isinstance(el.parent, Tag) else None)
        if not is_data:  # a layout table (signatures): its cells are paragraphs
            for tr in rows:
                for cell in tr.find_all(["td", "th"], recursive=False):
                    if self._has_block_children(cell):
                        self.walk(cell)
                    else:
                        self._paragraph(self._inline(cell))
            return
        head = el.find("thead")
        header_rows = [tr for tr in rows if head is not None and tr.find_parent("thead") is head]
        if not header_rows and all(c[2] for c in self._cells(rows[0])) and len(self._cells(rows[0])) > 1:
            header_rows = [rows[0]]
        ncols = max(sum(span for _, span, _ in self._cells(tr)) for tr in rows)

        def expand(tr: Tag) -> list[str]:
            cells: list[str] = []
            for text, span, _ in self._cells(tr):
                cells += [text] + [""] * (span - 1)
            return cells + [""] * (ncols - len(cells))

        header = expand(header_rows[-1]) if header_rows else []
        body = [expand(tr) for tr in rows if tr not in header_rows]
        title = " ".join(self._inline(caption).lines()) if caption is not None else None
        table = Table(header=header, rows=body, row_pages=[self.number] * len(body), page_start=self.number,
                      page_end=self.number, title=title or None)
        if self.context:
            self._add([title or " ".join(header)], "caption", anchor=str(anchor) if anchor else None)
            return
        self._add([title or " ".join(header)], "table", anchor=str(anchor) if anchor else None, table=table)


def _note_targets(body: Tag) -> set[str]:
    """Ids that footnote markers (``sup`` links to ``#id``) point to: the notes themselves."""
    out: set[str] = set()
    for sup in body.find_all("sup"):
        for a in sup.find_all("a", href=True):
            href = str(a["href"])
            if href.startswith("#") and len(href) > 1:
                out.add(href[1:])
    return out


def chapter_blocks(page: WebPage, number: int, page_url: str, body: Tag | None = None) -> list[Block]:
    """The blocks of one chapter page (``body``: the element to read, default the page's article body)."""
    el = body if body is not None else page.body
    if el is None:
        return []
    reader = _ChapterReader(page, number, page_url, _note_targets(el))
    reader.walk(el)
    return reader.blocks


def layout_web_document(doc: WebDocument) -> LaidOutDocument:
    """Blocks of every saved chapter in reading order; warnings name missing chapters."""
    blocks: list[Block] = []
    for page in doc.chapters:
        blocks += chapter_blocks(page, page.chapter or 0, page.ref.url, page.body)
    path = str(doc.folder) if doc.folder is not None else str(doc.pages[0].path)
    return LaidOutDocument(
        path=path,
        page_count=len(doc.chapters),
        blocks=blocks,
        body_size=BODY_SIZE,
        warnings=list(doc.warnings),
        metadata={"Title": doc.title, "URL": doc.url, "DocumentId": doc.document_id},
        source_format="html",
    )
