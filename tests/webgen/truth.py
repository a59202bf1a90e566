"""Ground truth for a web document (``<name>.truth.json``), in the format of ``tests/plangen/truth.py`` plus web fields.

Plangen fields keep their meaning (see tests/plangen/README.md); for web documents:

* ``page_start``/``page_end``/``table_page`` are ``null`` and ``heading_pages`` is ``[]`` (pages do not exist);
* ``number``: the number as printed ("7", or "2.3" with by-part numbering); ``null`` for "Regjeringen vil:" list
  items, which print none (``number_printed: false``); ``ordinal`` is the measure's 1-based position in the document;
* ``title``: exact, as printed, without "Tiltak 7:", without the footnote marker and without the responsibility
  parenthesis of list items (list items start in lower case, as printed after "Regjeringen vil:");
* ``text``: the measure's prose as printed (paragraphs joined by one space); ``""`` for list items and table rows;
* ``style``: "body" (heading, paragraphs, responsibility line), "both" (body + a row in the summary table),
  "list" ("Regjeringen vil:" item) or "table" (a row of a tiltak table only);
* ``part_number``: the part's number as printed (an innsatsområde's own number, or the chapter number printed in
  its heading); for themes printed without a number, their position (``parts[].number_printed: false``);
* ``chapter``: the index N of the page holding the measure (``?ch=N`` / ``secN``), NOT a printed number;
  ``url``: that page's address + ``#anchor`` (the measure's own anchor, else the nearest heading above it);
* ``timeframe``: only where printed (a table with a period column).
"""

from __future__ import annotations

from typing import Any

from tests.plangen import ministries as mins
from tests.plangen.truth import mentions_children

from .chrome import site_ministry_names
from .formats import list_responsibility, measure_heading, resp_agency_printed, responsibility, table_responsibility
from .render import Rendered, contentassets
from .spec import SYNTHETIC_NOTICE, WebDoc, printed_title


def _style(m) -> str:
    return "both" if m.style == "body" and m.in_summary else m.style


def measures_truth(doc: WebDoc, rendered: Rendered | None, chapter_files: dict[int, str] | None = None) -> list[dict[str, Any]]:
    """One row per measure; without ``rendered`` (the print version) the web locators are null."""
    numbers = doc.numbers()
    on = doc.date
    out: list[dict[str, Any]] = []
    ordinal = 0
    for p in doc.parts:
        for m in p.measures:
            ordinal += 1
            loc = rendered.locs[m.key] if rendered else None
            text = " ".join(m.text(numbers, on).split()) if m.style == "body" else ""
            title = printed_title(m)
            n = numbers[m.key]
            body = m.style == "body"
            heading = loc.heading if loc else (measure_heading(n, m.title, p.look.heading_form) if body else None)
            row = {
                "key": m.key,
                "number": n,
                "title": title,
                "text": text,
                "part_number": p.number,
                "part_title": p.title,
                "page_start": None,
                "page_end": None,
                "lead": m.lead or None,
                "co": list(m.co),
                "all_ministries": m.all_ministries,
                "lead_abbreviation": mins.abbreviation(m.lead, on) if m.lead else None,
                "co_abbreviations": [mins.abbreviation(c, on) for c in m.co],
                "agencies": list(m.agencies),
                "responsibility_agency": m.agency_in_resp if body and resp_agency_printed(p.look) else None,
                "mentions_children": mentions_children(m.title + " " + text),
                "cross_references": [numbers[k] for k in m.xrefs],
                "timeframe": m.timeframe if m.style == "table" and p.look.table_timeframe else None,
                "style": _style(m),
                "heading_as_printed": heading,
                "responsibility_as_printed": loc.resp if loc else _resp_printed(doc, p, m, numbers),
                "table_page": None,
                "heading_pages": [],
                "responsibility_on_next_page": False,
                # ---- web fields
                "number_printed": n is not None,
                "ordinal": ordinal,
                "chapter": loc.chapter if loc else None,
                "url": (doc.chapter_url(loc.chapter) + "#" + loc.anchor) if loc else None,
                "anchor": loc.anchor if loc else None,
                "file": chapter_files.get(loc.chapter) if loc and chapter_files else None,
                "heading_tag": p.look.heading_tag if body else None,
                "footnote_marker": loc.footnote_marker if loc else None,
                "footnote_text": m.footnote if m.style != "list" else None,
                "table_caption": loc.table_caption if loc else None,
                "summary_row": ({"chapter": loc.summary_chapter, "url": doc.chapter_url(loc.summary_chapter) + "#" + loc.summary_anchor,
                                 "responsibility_as_printed": loc.summary_resp}
                                if loc and loc.summary_chapter else None),
            }
            out.append(row)
    return out


def _resp_printed(doc: WebDoc, p, m, numbers) -> str | None:
    """Responsibility as printed, for the print version (same functions as the web pages)."""
    on = doc.date
    if m.style == "body":
        label, names = responsibility(m, p.look, on)
        return f"{label} {names}"
    if m.style == "list":
        return list_responsibility(m, p.look, on)
    i = [x.key for x in p.measures if x.style == "table"].index(m.key)
    return table_responsibility(m, p.look.table_resp, on, i)


def parts_truth(doc: WebDoc, rendered: Rendered | None) -> list[dict[str, Any]]:
    out = []
    for p in doc.parts:
        ch, anchor = rendered.part_anchor[p.number] if rendered else (None, None)
        out.append({"number": p.number, "title": p.title, "heading_as_printed": p.heading, "page_start": None,
                    "measure_count": len(p.measures), "number_printed": p.number_printed, "chapter": ch,
                    "url": doc.chapter_url(ch) + "#" + anchor if rendered else None})
    return out


def _measure_style(doc: WebDoc) -> str:
    styles = sorted({_style(m) for m in doc.measures()})
    return styles[0] if len(styles) == 1 else "mixed"


def document_truth(doc: WebDoc, rendered: Rendered | None, *, file: str, naming: str | None,
                   files: dict[str, str] | None = None, archived: bool = False, layout: str = "") -> dict[str, Any]:
    """The whole truth dict. ``files``: chapter index (str) or "front" -> saved file name."""
    on = doc.date
    chapter_files = {int(k): v for k, v in (files or {}).items() if k != "front"}
    measures = measures_truth(doc, rendered, chapter_files)
    web = rendered is not None
    document = {
        "name": doc.name, "file": file, "title": doc.title, "subtitle": doc.subtitle, "date": on.isoformat(),
        "government": mins.government(on), "publisher": doc.publisher,
        "publisher_abbreviation": mins.abbreviation(doc.publisher, on), "topic": doc.topic, "layout": layout,
        "columns": None, "fonts": None, "measure_style": _measure_style(doc), "numbering": doc.numbering,
        "page_count": None, "page_labels": {}, "scanned_pages": [], "scanned_text": {}, "table_pages": [],
        "toc": rendered.toc if web else [], "outline": [], "pdf_page_labels": False,
        "ministers": [{"name": m.name, "title": m.title, "ministry": m.ministry} for m in doc.ministers],
        "ministry_count": len({m.ministry for m in doc.ministers}), "measure_count": len(measures),
        "part_count": len(doc.parts),
        # ---- web fields
        "source_format": "html" if web else "pdf",
        "document_id": doc.id_str,
        "url": doc.url,
        "slug": doc.slug,
        "doc_type": doc.doc_type,
        "ingress": doc.ingress if web else None,
        "variant": doc.variant,
        "archived": archived,
        "saved_at": doc.saved_at.isoformat() if web else None,
        "naming": naming,
        "front_page": (files or {}).get("front"),
        "front_shows_first_chapter": doc.front_shows_first,
        "pdf_url": (doc.url.split("/no/")[0] + _pdf_path(doc)) if doc.pdf_file else None,
        "chapters": [{"number": c.index, "title": c.title, "url": doc.chapter_url(c.index), "kind": c.kind,
                      "parts": c.parts, "file": chapter_files.get(c.index)} for c in doc.chapters],
        "site_menu_ministries": site_ministry_names() if web else [],
        "seed": doc.seed,
    }
    return {"generator": "tests.webgen", "synthetic": True, "notice": SYNTHETIC_NOTICE, "document": document,
            "parts": parts_truth(doc, rendered), "measures": measures}


def _pdf_path(doc: WebDoc) -> str:
    return contentassets(doc) + (doc.pdf_file or "")
