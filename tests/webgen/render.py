"""Render a :class:`WebDoc` as saved regjeringen.no pages (front page + one page per chapter) and as a print version.

Page anatomy (chapter page)::

    <head> ... og:url = the page's own address (…/id9900001/?ch=4 or …/id9900001/sec4) ... </head>
    header.pageHeader (mega menu listing every ministry, breadcrumbs, share/print)
    main#mainContent div.article-content
        [div.article-archive-label "Historisk arkiv"]        documents of an earlier government
        header.article-header h1                               the DOCUMENT title
        div.synthetic-notice                                   "Eksempelplan – syntetisk testdokument ..."
        p.longdoc-toc-link a "Til innholdsfortegnelse"         -> the front page
        div.article-body.longdoc-chapter
            h2#kapN                                            the chapter title as printed
            figure (img alt + figcaption), h3 sections, paragraphs, fact boxes, tables, lists, measures
            div.footnotes                                      footnotes of this page
        nav.longdoc-pager                                      "Forrige: …" / "Neste: …"
    aside.article-sidebar, div.page-survey, footer.page-footer, scripts

The front page has the document title, ``div.article-info`` (type, "Dato: dd.mm.yyyy", owner; archived:
"Publisert under"/"Utgiver"), the ingress, a PDF link and ``nav.longdoc-toc`` (chapters in order, links
``?ch=N``/``secN``; with ``toc_depth`` 2 also each chapter's h3 sections, measure headings included).

While rendering, every measure's locator and printed forms are recorded in :class:`MeasureLoc` (read by
:mod:`tests.webgen.truth`), so the truth describes exactly what the pages show.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from datetime import timedelta

from tests.plangen import ministries as mins

from . import chrome
from .build import MONTHS
from .formats import list_responsibility, measure_heading, responsibility, table_responsibility
from .spec import (SITE, SYNTHETIC_NOTICE, Chapter, FactBox, Figure, MeasuresHere, Para, ProseList, Signatures,
                   StatsTable, Sub, SummaryTable, WebDoc, WebMeasure, WebPart, printed_title)

e = html.escape
NOTICE_TEXT = (f"{SYNTHETIC_NOTICE}. Teksten er skrevet for programvaretester i tiltak-prosjektet og er ikke "
               "regjeringens; personnavn og tall er oppdiktet.")
TOOL_VERSION = "0.1.0"
USER_AGENT = "tiltak/0.1.0 (forskningsdata fra regjeringen.no; syntetisk testdokument)"


@dataclass
class MeasureLoc:
    """Where and how one measure is printed."""

    chapter: int
    anchor: str
    title_printed: str
    heading: str | None = None  # heading text without footnote marker (body measures)
    heading_tag: str | None = None
    resp: str | None = None  # responsibility line / parenthesis / table cell as printed
    footnote_marker: str | None = None
    table_caption: str | None = None
    summary_chapter: int | None = None  # row of the summary table
    summary_anchor: str | None = None
    summary_resp: str | None = None


@dataclass
class Rendered:
    """All pages of a document, plus what the truth needs."""

    pages: list["Page"]
    locs: dict[str, MeasureLoc]
    part_anchor: dict[int, tuple[int, str]]  # part number -> (chapter, anchor of its heading)
    toc: list[dict]


@dataclass
class Page:
    kind: str  # "front" | "chapter"
    index: int | None  # chapter index (None for the front page)
    url: str
    title: str  # <title>
    html: str  # as served
    dom_html: str = ""  # as a browser's saved DOM ("Webpage, Complete")


class _Footnotes:
    def __init__(self, prefix: str) -> None:
        self.items: list[tuple[str, str]] = []
        self.prefix = prefix

    def mark(self, text: str) -> tuple[str, str]:
        n = str(len(self.items) + 1)
        self.items.append((n, text))
        fid = f"{self.prefix}fn{n}"
        return n, f'<sup class="footnote-ref"><a href="#{fid}" id="{fid}-ref">{n}</a></sup>'

    def html(self) -> str:
        if not self.items:
            return ""
        lis = "".join(f'<li id="{self.prefix}fn{n}"><a href="#{self.prefix}fn{n}-ref" class="footnote-back">{n}</a> '
                      f"{e(t)}</li>" for n, t in self.items)
        return f'\n<div class="footnotes"><h2 class="footnotes-title">Fotnoter</h2><ol>{lis}</ol></div>'


def anchor_of(number: str) -> str:
    return "tiltak-" + number.replace(".", "-")


def contentassets(doc: WebDoc) -> str:
    return "/contentassets/" + hashlib.sha1(doc.id_str.encode()).hexdigest()[:32] + "/"


class _Ctx:
    """Rendering context of one document (links differ between web pages and the print version)."""

    def __init__(self, doc: WebDoc, print_version: bool = False) -> None:
        self.doc = doc
        self.print = print_version
        self.numbers = doc.numbers()
        self.where: dict[str, tuple[int, str]] = {}  # numbered measure key -> (chapter, anchor) for cross-refs
        for c in doc.chapters:
            for pn in c.parts:
                for m in doc.part(pn).measures:
                    if self.numbers[m.key] is not None:
                        self.where[m.key] = (c.index, anchor_of(self.numbers[m.key]))
        self.locs: dict[str, MeasureLoc] = {}
        self.part_anchor: dict[int, tuple[int, str]] = {}

    def chapter_href(self, index: int, anchor: str = "") -> str:
        if self.print:
            return f"#{anchor or f'kap{index}'}"
        return self.doc.chapter_path(index) + (f"#{anchor}" if anchor else "")

    # ------------------------------------------------------------------ prose
    def sentence_html(self, s: str) -> str:
        on = self.doc.date
        s = re.sub(r"\{min:([^}]+)\}", lambda m: mins.ministry(m.group(1), on).name, s)
        out = []
        for i, piece in enumerate(re.split(r"\{ref:([^}]+)\}", s)):
            if i % 2 == 0:
                out.append(e(piece))
            else:
                ch, anc = self.where[piece]
                out.append(f'<a href="{e(self.chapter_href(ch, anc))}">{e(self.numbers[piece])}</a>')
        return "".join(out)

    # ------------------------------------------------------------------ blocks
    def chapter_body(self, ch: Chapter, fn: _Footnotes, dom: bool) -> str:
        doc = self.doc
        out = [f'<h2 id="{ch.anchor}">{e(ch.title)}</h2>']
        last_anchor = ch.anchor
        table_no = 0
        for b in ch.blocks:
            if isinstance(b, Para):
                marker = fn.mark(b.footnote)[1] if b.footnote else ""
                out.append(f"<p>{self.sentence_html(b.text)}{marker}</p>")
            elif isinstance(b, Sub):
                out.append(f'<h{b.level} id="{b.anchor}">{e(b.text)}</h{b.level}>')
                last_anchor = b.anchor
                for pn in ch.parts:  # a theme heading is its part's heading
                    p = doc.part(pn)
                    if not p.number_printed and p.title == b.text:
                        self.part_anchor[pn] = (ch.index, b.anchor)
            elif isinstance(b, Figure):
                if self.print:
                    out.append(f'<figure class="photo"><div class="photo-box"></div><figcaption>{e(b.caption)}</figcaption></figure>')
                else:
                    out.append(f'<figure class="article-image"><img src="{contentassets(doc)}{b.file}" alt="{e(b.alt)}" '
                               f'width="1200" height="675"><figcaption>{e(b.caption)}</figcaption></figure>')
            elif isinstance(b, FactBox):
                fid = f"faktaboks-{ch.index}-{len(out)}"
                inner = ("<ul>" + "".join(f"<li>{e(x)}</li>" for x in b.items) + "</ul>") if b.as_list else \
                    "".join(f"<p>{e(x)}</p>" for x in b.items)
                out.append(f'<div class="factbox"><h2 class="factbox-title"><button type="button" class="factbox-toggler" '
                           f'data-toggle-factbox="#{fid}" aria-controls="{fid}" aria-expanded="false"><span class="factbox-title-text">'
                           f'{e(b.title)}</span></button></h2><div id="{fid}" class="factbox-content">{inner}</div></div>')
            elif isinstance(b, StatsTable):
                table_no += 1
                out.append(self._wrap(self._stats(b, ch, table_no), dom))
            elif isinstance(b, ProseList):
                tag = "ol" if b.ordered else "ul"
                out.append(f"<p>{e(b.intro)}</p><{tag}>" + "".join(f"<li>{e(x)}</li>" for x in b.items) + f"</{tag}>")
            elif isinstance(b, MeasuresHere):
                p = doc.part(b.part)
                if p.number_printed:
                    self.part_anchor[p.number] = (ch.index, ch.anchor)
                html_, table_no = self._measures(p, ch, last_anchor, fn, dom, table_no)
                out.append(html_)
            elif isinstance(b, SummaryTable):
                out.append(self._wrap(self._summary(b, ch), dom))
            elif isinstance(b, Signatures):
                cells = "".join(f"<td><p>{e(m.name)}<br>{e(m.title)}</p></td>" for m in doc.ministers)
                out.append(f'<p>{e(b.place_date)}</p><table class="signatures"><tbody><tr>{cells}</tr></tbody></table>')
            else:
                raise TypeError(b)
        return "\n".join(out)

    def _wrap(self, table: str, dom: bool) -> str:
        if not dom:
            return table
        return ('<div class="wide-content-wrapper"><button type="button" class="show-full-table">Vis tabellen i full bredde'
                f"</button>{table}</div>")

    def _stats(self, b: StatsTable, ch: Chapter, k: int) -> str:
        head = "".join(f"<th>{e(h)}</th>" for h in b.header)
        rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in b.rows)
        caption = f"Tabell {ch.index}.{k} " + b.caption.removeprefix("Tabell: ")
        return (f"<table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
                f'<p class="table-source">{e(b.note)}</p>')

    # ------------------------------------------------------------------ measures
    def _measures(self, p: WebPart, ch: Chapter, last_anchor: str, fn: _Footnotes, dom: bool, table_no: int) -> tuple[str, int]:
        doc, on, look = self.doc, self.doc.date, p.look
        out: list[str] = []
        runs: list[list[WebMeasure]] = []
        for m in p.measures:  # consecutive measures of one style print together
            if runs and runs[-1][0].style == m.style:
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            style = run[0].style
            if style == "body":
                for m in run:
                    out.append(self._body(m, p, ch, fn))
            elif style == "list":
                label = look.list_intro
                out.append(f"<p><strong>{e(label)}</strong></p>\n<ul>")
                for m in run:
                    title = printed_title(m)
                    resp = list_responsibility(m, look, on)
                    end = "." if look.list_period else ""
                    out.append(f"<li>{e(title)} {e(resp)}{end}</li>")
                    self.locs[m.key] = MeasureLoc(ch.index, last_anchor, title, resp=resp)
                out.append("</ul>")
            elif style == "table":
                table_no += 1
                caption = f"Tabell {ch.index}.{table_no} Tiltak"
                head = "<th>Nr.</th><th>Tiltak</th><th>Ansvarlig departement</th>" + \
                    ("<th>Tidsperiode</th>" if look.table_timeframe else "")
                rows = []
                for i, m in enumerate(run):
                    n = self.numbers[m.key]
                    marker_n, marker = fn.mark(m.footnote) if m.footnote else (None, "")
                    resp = table_responsibility(m, look.table_resp, on, i)
                    tf = f"<td>{e(m.timeframe or '')}</td>" if look.table_timeframe else ""
                    rows.append(f"<tr><td>{e(n)}</td><td>{e(m.title)}{marker}</td><td>{e(resp)}</td>{tf}</tr>")
                    self.locs[m.key] = MeasureLoc(ch.index, last_anchor, m.title, resp=resp, footnote_marker=marker_n,
                                                  table_caption=caption)
                table = (f"<table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>"
                         + "\n".join(rows) + "</tbody></table>")
                out.append(self._wrap(table, dom))
            else:
                raise ValueError(style)
        return "\n".join(out), table_no

    def _body(self, m: WebMeasure, p: WebPart, ch: Chapter, fn: _Footnotes) -> str:
        on, look = self.doc.date, p.look
        n = self.numbers[m.key]
        heading = measure_heading(n, m.title, look.heading_form)
        anchor = anchor_of(n)
        marker_n, marker = fn.mark(m.footnote) if m.footnote else (None, "")
        if look.heading_tag == "p-strong":
            out = [f'<p><strong><a id="{anchor}"></a>{e(heading)}{marker}</strong></p>']
        else:
            t = look.heading_tag
            out = [f'<{t} id="{anchor}">{e(heading)}{marker}</{t}>']
        sents = [self.sentence_html(s) for s in m.sentences]
        k = max(1, min(look.paragraphs, len(sents)))
        size = -(-len(sents) // k)
        for i in range(0, len(sents), size):
            out.append("<p>" + " ".join(sents[i:i + size]) + "</p>")
        label, names = responsibility(m, look, on)
        lab = f"<strong>{e(label)}</strong>" if look.resp_strong else e(label)
        out.append(f"<p>{lab} {e(names)}</p>")
        self.locs[m.key] = MeasureLoc(ch.index, anchor, m.title, heading=heading, heading_tag=look.heading_tag,
                                      resp=f"{label} {names}", footnote_marker=marker_n)
        return "\n".join(out)

    def _summary(self, b: SummaryTable, ch: Chapter) -> str:
        doc, on = self.doc, self.doc.date
        rows = []
        i = 0
        for p in doc.parts:
            ms = [m for m in p.measures if m.in_summary]
            if not ms:
                continue
            rows.append(f'<tr class="table-group"><th colspan="3">{e(p.heading)}</th></tr>')
            for m in ms:
                resp = table_responsibility(m, "mixed", on, i)
                i += 1
                rows.append(f"<tr><td>{e(self.numbers[m.key])}</td><td>{e(m.title)}</td><td>{e(resp)}</td></tr>")
                loc = self.locs.get(m.key)
                if loc is not None:
                    loc.summary_chapter, loc.summary_anchor, loc.summary_resp = ch.index, b.anchor, resp
                else:  # the summary comes before the measure's own chapter
                    self.locs[m.key] = MeasureLoc(-1, "", m.title, summary_chapter=ch.index, summary_anchor=b.anchor,
                                                  summary_resp=resp)
        return (f'<table id="{b.anchor}"><caption>{e("Tabell: " + b.caption)}</caption><thead><tr><th>Nr.</th><th>Tiltak</th>'
                "<th>Ansvar</th></tr></thead><tbody>" + "\n".join(rows) + "</tbody></table>")


# --------------------------------------------------------------------------- pages


def _archived(doc: WebDoc) -> bool:
    return mins.government(doc.date) != mins.government(doc.saved_at.date())


def _crumbs(doc: WebDoc) -> list[tuple[str, str]]:
    if _archived(doc):
        return [("Forsiden", "/no/id4/"), ("Historisk arkiv", "/no/dokumentarkiv/id115322/"),
                (doc.government or "Historisk arkiv", chrome.government_link(doc.government or ""))]
    return [("Forsiden", "/no/id4/"), ("Dokument", "/no/dokument/id2000006/"),
            ("Rapporter, planer og strategier", "/no/dokument/rapporter_planer/id438817/")]


def _toc(ctx: _Ctx) -> tuple[str, list[dict]]:
    doc = ctx.doc
    items, toc = [], []
    for c in doc.chapters:
        href = ctx.chapter_href(c.index)
        toc.append({"title": c.title, "level": 1, "url": SITE + href if not ctx.print else None, "chapter": c.index})
        sub = ""
        if doc.toc_depth >= 2:
            subs = []
            for b in c.blocks:
                if isinstance(b, Sub) and b.level == 3:
                    subs.append((b.text, b.anchor))
                elif isinstance(b, MeasuresHere):
                    p = doc.part(b.part)
                    if p.look.style == "body" and p.look.heading_tag == "h3":
                        subs += [(measure_heading(ctx.numbers[m.key], m.title, p.look.heading_form), anchor_of(ctx.numbers[m.key]))
                                 for m in p.measures]
            if subs:
                sub = "<ol>" + "".join(f'<li><a href="{e(href)}#{a}">{e(t)}</a></li>' for t, a in subs) + "</ol>"
                toc += [{"title": t, "level": 2, "url": SITE + href + "#" + a, "chapter": c.index} for t, a in subs]
        items.append(f'<li><a href="{e(href)}">{e(c.title)}</a>{sub}</li>')
    return ('<nav class="longdoc-toc" aria-label="Innholdsfortegnelse"><h2 class="longdoc-toc-title">Innhold</h2><ol>'
            + "\n".join(items) + "</ol></nav>"), toc


def chapter_title_tag(doc: WebDoc, c: Chapter) -> str:
    return f"Kapittel {c.index} - {c.title} - regjeringen.no"


def _page(doc: WebDoc, *, url: str, title: str, og_title: str, article: str, dom: bool) -> str:
    archived = _archived(doc)
    owner = chrome.dep_link(doc.publisher, doc.date, archived, doc.government)
    description = doc.ingress
    parts = [
        "<!DOCTYPE html>",
        f'<html class="{"js" if dom else "no-js"}" lang="nb">',
        chrome.head(doc, title=title, url=url, og_title=og_title, description=description, canonical=doc.variant == "sec"),
        '<body class="page-longdocument ">',
        f"<!-- {SYNTHETIC_NOTICE}: syntetisk side laget av tests.webgen for tiltak-prosjektets tester. -->",
        chrome.cookie_banner(filled=dom),
        '<a id="top-of-page" tabindex="-1"></a>\n<a href="#mainContent" class="skipLink">Til hovedinnhold</a>',
        '<noscript><p class="enable-js">Aktiver Javascript i din nettleser for en bedre opplevelse på regjeringen.no</p></noscript>',
        chrome.header(doc, url, _crumbs(doc), doc.title),
        '<div class="megaMenuOverlay" data-megamenu-overlay></div>',
        '<main id="mainContent" tabindex="-1">\n<div class="mainContentArea">\n<div class="content-row article">',
        '<div class="content-col-2 article-content">',
        article,
        "</div>",
        chrome.sidebar(doc, owner, doc.doc_id + 1000),
        '</div>\n<div class="to-top-of-page"><a href="#top-of-page" class="btn btn-no-icon btn-to-top-of-page" '
        "data-to-top-of-page>Til toppen</a></div>\n</div>\n</main>",
        chrome.footer(doc, owner),
        chrome.scripts(),
        "</body>\n</html>\n",
    ]
    return "\n".join(parts)


def _notice() -> str:
    return f'<div class="synthetic-notice" role="note"><p><strong>{e(NOTICE_TEXT)}</strong></p></div>'


def _archive_label(doc: WebDoc) -> str:
    return '<div class="article-archive-label">Historisk arkiv</div>\n' if _archived(doc) else ""


def _front_article(ctx: _Ctx, toc_html: str, dom: bool) -> str:
    doc = ctx.doc
    archived = _archived(doc)
    owner = chrome.dep_link(doc.publisher, doc.date, archived, doc.government)
    d = doc.date.strftime("%d.%m.%Y")
    if archived:
        info = (f'<div class="article-info">\n<p><span class="type">{e(doc.doc_type)} |</span> <span class="date">Dato: {d}</span></p>\n'
                f'<p class="article-archive-info">Publisert under: <a href="{chrome.government_link(doc.government or "")}">'
                f"{e(doc.government or '')}</a></p>\n"
                f'<p class="article-archive-info">Utgiver: <a href="{owner}">{e(doc.publisher)}</a></p>\n</div>')
    else:
        info = (f'<div class="article-info">\n<p><span class="type">{e(doc.doc_type)} |</span> <span class="date">Dato: {d}</span> '
                f'<span class="owner">| <a href="{owner}">{e(doc.publisher)}</a></span></p>\n</div>')
    body = []
    if doc.pdf_file:
        body.append(f'<p><a href="{contentassets(doc)}{doc.pdf_file}" title="{e(doc.title)}">{e(doc.title)}</a> (pdf)</p>')
    body.append(toc_html)
    if doc.front_shows_first and doc.chapters:
        fn = _Footnotes("f-")
        body.append('<div class="longdoc-chapter">' + ctx.chapter_body(doc.chapters[0], fn, dom) + fn.html() + "</div>")
    return (_archive_label(doc) + f'<header class="article-header"><h1>{e(doc.title)}</h1></header>\n{info}\n{_notice()}\n'
            f'<div class="article-ingress">{e(doc.ingress)} ({e(SYNTHETIC_NOTICE)}.)</div>\n'
            '<div class="article-body">\n' + "\n".join(body) + "\n</div>")


def _chapter_article(ctx: _Ctx, c: Chapter, dom: bool) -> str:
    doc = ctx.doc
    fn = _Footnotes("")
    body = ctx.chapter_body(c, fn, dom)
    i = doc.chapters.index(c)
    pager = []
    if i > 0:
        p = doc.chapters[i - 1]
        pager.append(f'<a class="longdoc-pager-prev" rel="prev" href="{e(doc.chapter_path(p.index))}">Forrige: {e(p.title)}</a>')
    if i + 1 < len(doc.chapters):
        n = doc.chapters[i + 1]
        pager.append(f'<a class="longdoc-pager-next" rel="next" href="{e(doc.chapter_path(n.index))}">Neste: {e(n.title)}</a>')
    return (_archive_label(doc) + f'<header class="article-header"><h1>{e(doc.title)}</h1></header>\n{_notice()}\n'
            f'<p class="longdoc-toc-link"><a href="{e(doc.path)}">Til innholdsfortegnelse</a></p>\n'
            f'<div class="article-body longdoc-chapter">\n{body}{fn.html()}\n</div>\n'
            f'<nav class="longdoc-pager" aria-label="Kapitler">{" ".join(pager)}</nav>')


def render_document(doc: WebDoc) -> Rendered:
    """Every page of the document as served and as a browser's saved DOM (deterministic)."""
    ctx = _Ctx(doc)
    toc_html, toc = _toc(ctx)
    pages: list[Page] = []
    front_title = f"{doc.title} - regjeringen.no"
    for dom in (False, True):
        for c in doc.chapters:
            html_ = _page(doc, url=doc.chapter_url(c.index), title=chapter_title_tag(doc, c), og_title=c.title,
                          article=_chapter_article(ctx, c, dom), dom=dom)
            if dom:
                next(p for p in pages if p.index == c.index).dom_html = html_
            else:
                pages.append(Page("chapter", c.index, doc.chapter_url(c.index), chapter_title_tag(doc, c), html_))
        front = _page(doc, url=doc.url, title=front_title, og_title=doc.title, article=_front_article(ctx, toc_html, dom), dom=dom)
        if dom:
            pages[0].dom_html = front
        else:
            pages.insert(0, Page("front", None, doc.url, front_title, front))
    for k, loc in ctx.locs.items():  # the summary table comes after the measures it repeats
        if loc.chapter == -1:
            raise AssertionError(f"{doc.name}: measure {k} is printed only in the summary table")
    return Rendered(pages, ctx.locs, ctx.part_anchor, toc)


# --------------------------------------------------------------------------- saving


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f~]')


def browser_file_name(title: str) -> str:
    """The file name a browser's "Save page as" proposes for a page title (unsafe characters become "_")."""
    return _UNSAFE.sub("_", title).strip(" .") + ".html"


def fetch_file_name(doc: WebDoc, page: Page) -> str:
    """The layout chosen for ``tiltak fetch``: index.html, ch-N.html (sec-N.html for /secN documents)."""
    if page.kind == "front":
        return "index.html"
    return f"{'sec' if doc.variant == 'sec' else 'ch'}-{page.index}.html"


def _absolute(html_: str, stem: str) -> str:
    """A browser's "Webpage, Complete" save: resources into ``<stem>_files/``, other links made absolute."""
    files = f"./{stem}_files/"
    html_ = re.sub(r'(src|href)="/dist-web/[^"]*/([^/"?]+)(?:\?[^"]*)?"', lambda m: f'{m.group(1)}="{files}{m.group(2)}"', html_)
    html_ = re.sub(r'src="/contentassets/[^"]*/([^/"]+\.(?:jpg|png))"', lambda m: f'src="{files}{m.group(1)}"', html_)
    return re.sub(r'(href|action)="/(?!/)', lambda m: f'{m.group(1)}="{SITE}/', html_)


def saved_files(doc: WebDoc, rendered: Rendered, naming: str) -> dict[str, bytes]:
    """File name -> bytes for one naming scheme: "fetch", "browser" (saved DOM) or "browser_base" (source + <base>)."""
    out: dict[str, bytes] = {}
    for i, page in enumerate(rendered.pages):
        if naming == "fetch":
            name = fetch_file_name(doc, page)
            data = page.html.encode("utf-8")
            out[name] = data
            out[name + ".provenance.json"] = _provenance(doc, page, data, i)
            continue
        name = browser_file_name(page.title)
        if name in out:  # a browser numbers a second file of the same name
            name = name[:-5] + f" ({sum(1 for n in out if n.startswith(name[:-5]))}).html"
        if naming == "browser":
            html_ = _absolute(page.dom_html, name[:-5])
            html_ = html_.replace("<!DOCTYPE html>\n", f"<!DOCTYPE html>\n<!-- saved from url=({len(page.url):04d}){page.url} -->\n", 1)
        elif naming == "browser_base":
            html_ = page.html.replace("<head>\n", f'<head>\n<base href="{e(page.url)}">\n', 1)
        else:
            raise ValueError(naming)
        out[name] = html_.encode("utf-8")
    return out


def _provenance(doc: WebDoc, page: Page, data: bytes, i: int) -> bytes:
    """The ``<file>.provenance.json`` that ``tiltak fetch`` writes beside a download (pipeline.sources.fetch.Provenance)."""
    when = doc.saved_at + timedelta(seconds=3 * i)
    rec = {
        "content_type": "text/html; charset=utf-8", "etag": None, "final_url": page.url,
        "last_modified": None, "method": "http", "redirects": [], "retrieved_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "status": 200, "store_path": None,
        "tool_version": TOOL_VERSION, "url": page.url, "user_agent": USER_AGENT,
    }
    return (json.dumps(rec, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


# --------------------------------------------------------------------------- print version


def print_html(doc: WebDoc) -> str:
    """The whole document on one HTML page, for printing to PDF with Chromium (the "same content as a PDF")."""
    ctx = _Ctx(doc, print_version=True)
    on = doc.date
    css = ("@page { size: A4; margin: 22mm 20mm 24mm 20mm; } body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; "
           "line-height: 1.4; } .cover { page-break-after: always; padding-top: 50mm; } .cover h1 { font-size: 24pt; } "
           ".toc { page-break-after: always; } .toc li { list-style: none; margin: 2pt 0; } section.chapter { break-before: page; } "
           "h2 { font-size: 17pt; } h3 { font-size: 12pt; break-after: avoid; } h4 { font-size: 10.5pt; break-after: avoid; } "
           "table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6pt 0; } td, th { border: 1px solid #555; "
           "padding: 3px 5px; text-align: left; vertical-align: top; } caption { text-align: left; font-weight: bold; "
           "padding-bottom: 3pt; } .factbox { background: #eef2f5; padding: 4pt 10pt; margin: 8pt 0; } .factbox h2 { font-size: "
           "11pt; } .factbox button { all: unset; } .photo-box { height: 38mm; background: #d9dee3; } figcaption { font-size: 8pt; } "
           ".footnotes { font-size: 8pt; border-top: 1px solid #999; margin-top: 12pt; } .footnotes h2 { font-size: 9pt; } "
           "table.signatures td { border: none; }")
    out = ["<!DOCTYPE html>", '<html lang="nb"><head><meta charset="utf-8">',
           f"<title>{e(doc.title)} – {e(SYNTHETIC_NOTICE)}</title>",
           f'<meta name="description" content="{e(SYNTHETIC_NOTICE)}">', f"<style>{css}</style></head><body>",
           '<section class="cover">', f"<h1>{e(doc.title)}</h1>", f"<p>{e(doc.doc_type)}</p>",
           f"<p><strong>{e(SYNTHETIC_NOTICE)}</strong></p>", f"<p>{e(doc.publisher)}</p>",
           f"<p>{on.day}. {MONTHS[on.month - 1]} {on.year}</p>", "</section>",
           '<section class="toc"><h2>Innhold</h2><ul>']
    out += [f"<li>{e(c.title)}</li>" for c in doc.chapters]
    out.append("</ul></section>")
    for c in doc.chapters:
        fn = _Footnotes(f"c{c.index}-")
        out.append(f'<section class="chapter">{ctx.chapter_body(c, fn, dom=False)}{fn.html()}</section>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"
