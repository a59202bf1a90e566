"""Ground truth of a producer fixture, in the plangen truth format (``tests/plangen/truth.py``) plus fields.

Same fields and meanings as plangen's truth, so ``benchmarks/eval_plans.py`` scores these files unchanged.
Added (never a changed meaning):

* ``measures[].part_stated``: the PDF states which part the measure belongs to (a part heading above it or a
  part row in its table). ``part_number`` is the number *as printed* ("Innsatsområde 2" -> 2, "Del III" -> 3,
  chapter "4 Forebygging" -> 4) or null where the plan prints no number (unnumbered part rows) or no part;
  ``part_title`` is null where no part is stated. ``part_ordinal``: 1-based position of the part in the plan
  (null without parts) — for diagnostics only, never what the PDF says.
* ``parts[]``: only the parts that hold measures, each with ``kind: "measures"`` and ``ordinal``.
  ``chapters[]``: every level-1 heading in order with ``number`` (as printed or null), ``title``,
  ``heading_as_printed``, ``page_start`` and ``kind``: front (Forord) | intro (Innledning, Utfordringer og
  mål) | measures | closing (Oppfølging, Økonomiske konsekvenser) | appendix (Vedlegg).
* ``document.date_on_title_page`` (as printed, "November 2018"), ``date_precision`` ("day" | "month": then
  ``date`` is the first of the month), ``consultation_deadline`` (a later date printed in the introduction
  that is NOT the plan's date, or null), ``producer``, ``producer_version``, ``style`` (all layout choices),
  ``toc_split`` (where a TOC entry breaks across a page: page and the two printed lines, or null).
* ``measures[].responsibility_form``: "line" ("Ansvarlig: …" paragraph), "closing" ("(Ansvar: JD og KMD)" at the
  end of the measure's last paragraph) or "table"; ``table_responsibility_as_printed``: the table cell
  ("KD/Alle", "Alle", full names), or null; ``footnote``: text of a footnote whose mark stands inside the
  measure's text (the mark is not part of ``text``), or null.
* A measure responsible "JD/Alle" (lead plus all ministries) has ``lead`` = the lead and ``all_ministries`` true.

Pages are physical and 1-based, found in the rendered PDF's text (:mod:`tests.producers.locate`); a page that
could not be found is null (the evaluator skips it).
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

from tests.plangen import ministries as mins
from tests.plangen.build import agencies_in
from tests.plangen.spec import SYNTHETIC_NOTICE
from tests.plangen.truth import mentions_children

from .document import Composed
from .locate import Located
from .plan import ProducerPlan

_NUM = re.compile(r"^(\d+)\t")


def _printed(text: str) -> str:
    return text.replace("\t", " ")


def build_truth(plan: ProducerPlan, comp: Composed, loc: Located, *, pdf: Path, page_count: int,
                producer_version: str, toc_split: dict | None) -> dict:
    spec, st = plan.spec, plan.style
    on = spec.date
    numbers = comp.numbers
    style = "table" if st.structure == "table" else ("both" if st.overview else "body")
    pg = loc.pages
    stated = plan.part_stated()
    measures = []
    for ordinal, p in enumerate(spec.parts, start=1):
        for m in p.measures:
            k = m.key
            text = " ".join(m.text(numbers, on).split()) if style != "table" else ""
            row = pg.get(("row", k))
            if style == "table":
                ps = pe = row
                form = "table"
            else:
                ps = pg.get(("m_start", k))
                pe = pg.get(("m_end", k))
                form = plan.resp_form.get(k, "line")
            t_end = pg.get(("t_end", k))
            measures.append({
                "key": k,
                "number": numbers[k],
                "title": m.title,
                "text": text,
                "part_number": plan.part_number(p) if stated else None,
                "part_title": p.title if stated else None,
                "part_stated": stated,
                "part_ordinal": ordinal if stated else None,
                "page_start": ps,
                "page_end": pe,
                "lead": m.lead or None,
                "co": list(m.co),
                "all_ministries": m.all_ministries,
                "lead_abbreviation": mins.abbreviation(m.lead, on) if m.lead else None,
                "co_abbreviations": [mins.abbreviation(c, on) for c in m.co],
                "agencies": list(m.agencies) if style != "table" else agencies_in(m.title, on),
                "responsibility_agency": None,
                "mentions_children": mentions_children(m.title + " " + text),
                "cross_references": [],
                "timeframe": m.timeframe if style in ("table", "both") else None,
                "style": style,
                "heading_as_printed": comp.heading_as_printed.get(k),
                "responsibility_as_printed": comp.responsibility_as_printed.get(k) if style != "table" else None,
                "responsibility_form": form,
                "table_responsibility_as_printed": comp.table_cells.get(k),
                "footnote": plan.extras.measure_footnote if plan.footnote_measure == k and style != "table" else None,
                "table_page": row,
                "heading_pages": [ps] if ps is not None else [],
                "responsibility_on_next_page": bool(style != "table" and form == "line" and pe is not None
                                                    and t_end is not None and pe > t_end),
            })
    parts = []
    if stated:
        for ordinal, p in enumerate(spec.parts, start=1):
            hid = comp.part_heading_id.get(p.number)
            head = next((h.text for h in comp.headings if h.id == hid), None) or plan.part_heading(p)
            parts.append({"number": plan.part_number(p), "title": p.title, "kind": "measures", "ordinal": ordinal,
                          "heading_as_printed": _printed(head), "page_start": pg.get(("heading", hid)),
                          "measure_count": len(p.measures)})
    chapters = []
    for h in comp.headings:
        if h.level != 1:
            continue
        m = _NUM.match(h.text)
        if h.text.startswith("Del "):
            number = _roman_value(h.text.split()[1])
        else:
            number = int(m.group(1)) if m else None
        m2 = re.match(r"^Innsatsområde (\d+): ", h.text)
        if m2:
            number = int(m2.group(1))
        title = _title_of(h.text)
        chapters.append({"number": number, "title": title, "kind": h.kind, "heading_as_printed": _printed(h.text),
                         "page_start": pg.get(("heading", h.id))})
    toc = [{"title": _printed(h.text), "level": h.level, "page": comp.heading_page(pg, h),
            "page_label": str(comp.heading_page(pg, h)) if comp.heading_page(pg, h) else None}
           for h in comp.headings if h.toc and h.level <= st.toc_levels]
    outline = [dict(e) for e in comp_outline(comp, pg)] if st.producer == "libreoffice" else []
    table_pages = sorted({v for (kind, _), v in pg.items() if kind == "row" and v is not None})
    labels = {str(n): (None if n == 1 else str(n)) for n in range(1, page_count + 1)}
    return {
        "generator": "tests.producers",
        "synthetic": True,
        "notice": SYNTHETIC_NOTICE,
        "document": {
            "name": spec.name,
            "file": pdf.name,
            "title": spec.title,
            "subtitle": spec.subtitle,
            "date": on.isoformat(),
            "date_on_title_page": plan.date_text,
            "date_precision": plan.date_precision,
            "consultation_deadline": plan.consultation_deadline.isoformat() if plan.consultation_deadline else None,
            "government": mins.government(on),
            "publisher": spec.publisher,
            "publisher_abbreviation": mins.abbreviation(spec.publisher, on),
            "topic": spec.topic,
            "layout": st.name,
            "producer": st.producer,
            "producer_version": producer_version,
            "style": asdict(st),
            "columns": "mixed" if st.twocol_part is not None else 1,
            "fonts": st.font,
            "measure_style": style,
            "numbering": spec.numbering,
            "page_count": page_count,
            "page_labels": labels,
            "scanned_pages": [],
            "scanned_text": {},
            "table_pages": table_pages,
            "toc": toc,
            "toc_split": toc_split,
            "outline": outline,
            "pdf_page_labels": False,
            "ministers": [{"name": m.name, "title": m.title, "ministry": m.ministry} for m in spec.ministers],
            "ministry_count": len({m.ministry for m in spec.ministers}),
            "measure_count": len(measures),
            "part_count": len(parts),
        },
        "parts": parts,
        "chapters": chapters,
        "measures": measures,
    }


def comp_outline(comp: Composed, pg: dict) -> list[dict]:
    """PDF bookmarks LibreOffice writes for Word headings: every heading, nested by level."""
    return [{"title": _printed(h.text), "level": h.level, "page": comp.heading_page(pg, h)} for h in comp.headings]


def _roman_value(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = vals[a]
        total += -v if b in vals and vals[b] > v else v
    return total


def _title_of(text: str) -> str:
    text = _NUM.sub("", text)
    text = re.sub(r"^Innsatsområde \d+: ", "", text)
    text = re.sub(r"^Del [IVX]+ ", "", text)
    return text
