"""Bad input for the web-document reader: what users really put in a folder, and what the reader must say.

* ``mixed-two-documents/``: browser-saved pages of two documents in one folder (group by document id; warn);
* ``missing-chapter/``: a chapter listed in the contents but not saved (warn, naming the chapter and its URL);
* ``not-a-document/``: a regjeringen.no press release (an article, no chapters) and a page from another site;
* ``scripts-only/``: a page saved before its scripts ran: no content, the text only inside a script.

Each case has ``<case>.expected.json`` beside its folder (the expected documents, warnings and errors).
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.storage.files import atomic_write_bytes

from . import render
from .spec import SYNTHETIC_NOTICE, WebDoc

e = html.escape


def news_page(doc: WebDoc, saved_at: datetime) -> tuple[str, str, str]:
    """A regjeringen.no press release about ``doc``: an article page, but not a web document. (file name, html, url)"""
    news = WebDoc(name="pressemelding", title=f"Eksempel: {doc.doc_type.lower()} lagt fram (syntetisk testside)", subtitle="",
                  date=doc.date, publisher=doc.publisher, ministers=doc.ministers, parts=[], foreword=[],
                  government=doc.government, topic=doc.topic, doc_id=doc.doc_id + 1000, slug="eksempel-pressemelding",
                  doc_type="Pressemelding", ingress=f"Regjeringen har lagt fram «{doc.title}». Eksempel – syntetisk testside.",
                  saved_at=saved_at, section="aktuelt")
    d = doc.date.strftime("%d.%m.%Y")
    owner = "/no/dep/jd/id463/"
    names = "".join(f"<li>{e(m.title)} {e(m.name)}</li>" for m in doc.ministers)
    article = (f'<header class="article-header"><h1>{e(news.title)}</h1></header>\n'
               f'<div class="article-info"><p><span class="type">Pressemelding |</span> <span class="date">Dato: {d}</span> '
               f'<span class="owner">| <a href="{owner}">{e(doc.publisher)}</a></span></p></div>\n'
               f'<div class="synthetic-notice" role="note"><p><strong>{e(render.NOTICE_TEXT)}</strong></p></div>\n'
               f'<div class="article-ingress">{e(news.ingress)}</div>\n<div class="article-body">\n'
               f"<p>Dette er en oppdiktet pressemelding. {len(doc.ministers)} statsråder står bak:</p><ul>{names}</ul>\n"
               f'<p>Les mer: <a href="{doc.path}">{e(doc.title)}</a></p>\n</div>')
    page = render._page(news, url=news.url, title=f"{news.title} - regjeringen.no", og_title=news.title, article=article,
                        dom=False)
    return render.browser_file_name(f"{news.title} - regjeringen.no"), page, news.url


def other_site_page() -> tuple[str, str]:
    """A page from another web site that happens to print measure-like lines."""
    return "eksempel-fra-et-annet-nettsted.html", (
        "<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Våre tiltak – Eksempelforeningen</title>\n"
        '<meta property="og:url" content="https://www.example.org/tiltak/id1234567/">\n'
        f'<meta name="synthetic-test-document" content="{e(SYNTHETIC_NOTICE)}">\n</head><body>\n'
        f'<p class="notice"><strong>{e(SYNTHETIC_NOTICE)}.</strong> En oppdiktet side fra et annet nettsted.</p>\n'
        "<h1>Våre tiltak</h1>\n<h2>Tiltak 1: Åpne et nytt kontor</h2><p>Foreningen åpner et kontor i sentrum.</p>\n"
        "<p>Ansvarlig: Finansdepartementet</p>\n"
        '<p><a href="https://www.regjeringen.no/no/dokumenter/eksempel/id9900001/?ch=4">En lenke til regjeringen.no</a></p>\n'
        "</body></html>\n")


def scripts_only_page(doc: WebDoc, index: int) -> tuple[str, str]:
    """A chapter page saved before its scripts ran: head metadata, an empty app root, the text only in a script."""
    c = doc.chapter(index)
    data = {"title": c.title, "blocks": [m.title for p in c.parts for m in doc.part(p).measures]}
    title = render.chapter_title_tag(doc, c)
    return render.browser_file_name(title), (
        "<!DOCTYPE html>\n<html class=\"no-js\" lang=\"nb\"><head><meta charset=\"utf-8\">\n"
        f"<title>{e(title)}</title>\n"
        f'<meta property="og:url" content="{e(doc.chapter_url(index))}">\n'
        f'<meta name="synthetic-test-document" content="{e(SYNTHETIC_NOTICE)}">\n'
        f'<link rel="stylesheet" href="/dist-web/css/main.css?v=1" type="text/css">\n</head>\n<body class="page-longdocument ">\n'
        f"<!-- {SYNTHETIC_NOTICE}: syntetisk side laget av tests.webgen. -->\n"
        f'<noscript><p class="enable-js">Aktiver Javascript i din nettleser. ({e(SYNTHETIC_NOTICE)}.)</p></noscript>\n'
        '<div id="app" data-page="longdocument-chapter"></div>\n'
        f"<script>window.__PAGE_STATE__ = {json.dumps(data, ensure_ascii=False)};</script>\n"
        '<script src="/dist-web/js/longdocument-app.js?v=1"></script>\n</body></html>\n')


def write_case(outdir: Path, case: str, files: dict[str, bytes], expected: dict[str, Any]) -> Path:
    folder = outdir / case
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        atomic_write_bytes(folder / name, data)
    exp = {"case": case, "synthetic": True, "notice": SYNTHETIC_NOTICE, "files": sorted(files), **expected}
    path = outdir / f"{case}.expected.json"
    atomic_write_bytes(path, (json.dumps(exp, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return path
