"""Ground truth for a rendered plan (written as ``<name>.truth.json`` next to the PDF).

Definitions (the contract with the helpers that score against it):

* ``page_start``: physical 1-based page of the measure's heading (body/both) or its table row (table).
* ``page_end``: physical page of the last printed line of the measure: its responsibility line if it
  has one, else its last text line (body/both), or the table row (table).
* ``title``: exact title without number, and without the "(HOD)" responsibility suffix in layouts
  that print one. ``text``: exact prose, whitespace-normalised, line-end hyphenation removed;
  "" for measures that exist only as a table row.
* ``lead``/``co``: official ministry names valid on the plan date; ``all_ministries`` is true and
  ``lead`` null for "Alle departementer".
* ``agencies``: agency names as written in title + text, in order of appearance.
* ``mentions_children``: title or text mentions children (barn*, mindreårig*, "unge under 18"),
  after removing ministry and directorate names (so "Barne- og familiedepartementet" does not count).
* ``style``: "body", "table" or "both".
* ``part_stated``: the PDF says which part the measure belongs to (a part heading above it, a part row of its
  table, or a number "2.3" within the part); where it does not, ``part_number`` and ``part_title`` are null.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import ministries as mins
from .build import agencies_in
from .furniture import scan_lines
from .layouts import Layout
from .spec import SYNTHETIC_NOTICE, PlanSpec

_CHILD = re.compile(r"\b(barn\w*|mindreårig\w*|unge under 18)\b", re.IGNORECASE)
_NAMES_WITH_BARN = re.compile(
    r"Barne-,? (?:og |ungdoms- og |likestillings- og )?\w*(?:departementet|direktoratet)|Barne- og ungdomspsykiatrien"
)


def mentions_children(text: str) -> bool:
    return bool(_CHILD.search(_NAMES_WITH_BARN.sub(" ", text)))


def build_truth(spec: PlanSpec, L: Layout, info: dict, labels: dict[int, str | None], page_count: int, pdf: Path) -> dict:
    numbers = spec.numbers()
    on = spec.date
    style = L.measures
    measures: list[dict[str, Any]] = []
    # A measure printed only as a row of a summary table without part rows is placed in no part by the PDF (unless
    # its number carries the part: "2.3"): the truth then states no part either.
    stated = not (style == "table" and not L.table_part_rows and spec.numbering != "by_part")
    for p in spec.parts:
        for m in p.measures:
            r = info["records"][m.key]
            text = m.text(numbers, on) if style != "table" else ""
            if style == "table":
                ps = pe = r.table_page
            else:
                ps = r.heading_pages[0]
                pe = (r.resp_pages or r.text_pages or r.heading_pages)[-1]
            measures.append({
                "key": m.key,
                "number": numbers[m.key],
                "title": m.title,
                "text": " ".join(text.split()),
                "part_number": p.number if stated else None,
                "part_title": p.title if stated else None,
                "part_stated": stated,
                "page_start": ps,
                "page_end": pe,
                "lead": m.lead or None,
                "co": list(m.co),
                "all_ministries": m.all_ministries,
                "lead_abbreviation": mins.abbreviation(m.lead, on) if m.lead else None,
                "co_abbreviations": [mins.abbreviation(c, on) for c in m.co],
                "agencies": list(m.agencies) if style != "table" else agencies_in(m.title, on),
                "responsibility_agency": m.agency_in_resp if L.resp in ("abbr", "ansvar_og") and style != "table" else None,
                "mentions_children": mentions_children(m.title + " " + text),
                "cross_references": [numbers[k] for k in m.xrefs] if style != "table" else [],
                "timeframe": m.timeframe if style in ("table", "both") else None,
                "style": style,
                "heading_as_printed": r.heading,
                "responsibility_as_printed": r.resp,
                "table_page": r.table_page,
                "heading_pages": sorted(set(r.heading_pages)),
                "responsibility_on_next_page": bool(r.resp_pages and r.text_pages and r.resp_pages[0] != r.text_pages[-1]),
            })
    parts = [
        {"number": p.number, "title": p.title, "heading_as_printed": info["parts"][p.number]["heading"],
         "page_start": info["parts"][p.number]["page_start"], "measure_count": len(p.measures),
         "kind": "measures" if stated else "chapter"}
        for p in spec.parts
    ]
    toc = [
        {"title": title, "level": level, "page": info["anchors"][a], "page_label": labels.get(info["anchors"][a])}
        for a, title, level in info["toc"]
    ]
    return {
        "generator": "tests.plangen",
        "synthetic": True,
        "notice": SYNTHETIC_NOTICE,
        "document": {
            "name": spec.name,
            "file": pdf.name,
            "title": spec.title,
            "subtitle": spec.subtitle,
            "date": on.isoformat(),
            "government": mins.government(on),
            "publisher": spec.publisher,
            "publisher_abbreviation": mins.abbreviation(spec.publisher, on),
            "topic": spec.topic,
            "layout": L.name,
            "columns": "mixed" if L.mixed else L.columns,
            "fonts": L.fonts,
            "measure_style": style,
            "numbering": spec.numbering,
            "page_count": page_count,
            "page_labels": {str(k): v for k, v in sorted(labels.items())},
            "scanned_pages": list(info["scanned"]),
            # what the image-only page shows (for OCR tests): heading + one "ABBR – Ministry name" line each
            "scanned_text": {str(pg): ["Vedlegg 1 Forkortelser", *scan_lines(spec)] for pg in info["scanned"]},
            "table_pages": list(info["table_pages"]),
            "toc": toc,
            "outline": [e for e in toc] if L.outline else [],  # PDF bookmarks (same entries as the TOC)
            "pdf_page_labels": L.numbering == "roman_front",  # /PageLabels in the PDF match page_labels
            "ministers": [{"name": m.name, "title": m.title, "ministry": m.ministry} for m in spec.ministers],
            "ministry_count": len({m.ministry for m in spec.ministers}),
            "measure_count": len(measures),
            "part_count": len(parts),
        },
        "parts": parts,
        "measures": measures,
    }
