"""Which date names a plan's ministries, when nobody said?

Ministries are named as they were on the document's date (a 2010 plan says Justis- og
politidepartementet). When neither ``--date`` nor the manifest gives that date,
``infer_naming_date`` looks in the plan itself, most specific first:

1. a full date in the front matter (cover, colophon, foreword signature: "Oslo, 14. desember 2016");
2. a month and year on the front pages ("Mars 2010") -> the first of that month;
3. the PDF's creation date from its metadata, when it is plausible (1990 .. today).

The result is used to *name* ministries only; it is never reported as a publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.model import LaidOutDocument
from pipeline.sources.dates import find_dates

FRONT_PAGES = 4
_MONTHS = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}
_MONTH_YEAR = re.compile(rf"(?<![\w.])({'|'.join(_MONTHS)})\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")


@dataclass(frozen=True)
class NamingDate:
    on: date
    basis: str  # human-readable: where the date came from


def _plausible(d: date) -> bool:
    return date(1990, 1, 1) <= d <= date.today()


def infer_naming_date(doc: LaidOutDocument) -> NamingDate | None:
    front = [b for b in doc.blocks if b.page <= FRONT_PAGES and b.role != "toc"]
    for block in front:
        for d in find_dates(block.text):
            if _plausible(d):
                return NamingDate(d, f"the date {d.isoformat()} on page {block.page}")
    for block in front:
        m = _MONTH_YEAR.search(block.text)
        if m:
            d = date(int(m.group(2)), _MONTHS[m.group(1).lower()], 1)
            if _plausible(d):
                return NamingDate(d, f"'{m.group(0)}' on page {block.page}")
    raw = doc.metadata.get("CreationDate") or ""
    m = _PDF_DATE.search(raw)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        if _plausible(d) and d != date(2000, 1, 1):  # 2000-01-01: reportlab's "invariant" placeholder
            return NamingDate(d, f"the PDF's creation date {d.isoformat()}")
    return None
