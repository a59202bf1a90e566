"""Which date names a plan's ministries, when nobody said?

Ministries are named as they were on the document's date (a 2010 plan says Justis- og
politidepartementet). When neither ``--date`` nor the manifest gives that date,
``infer_naming_date`` looks in the plan itself. Where a date stands decides what it is worth:

1. a full date on the title page (page 1);
2. a full date on a line of its own on the front pages (``FRONT_PAGES``): a colophon, the foreword's signature
   ("Oslo, 14. desember 2016") — if the title page gives a month and year, only a date in that month;
3. the title page's month and year ("November 2018" -> the first of the month);
4. a month and year on a date line, then a date in front-page prose (full dates before months);
5. the PDF's creation date from its metadata, when it is plausible (1990 .. today).

A date about a deadline is never the plan's date: "Høringsfristen er 1. februar 2019", "innen 1. mars",
"frist", "senest" in the same sentence before it.

The result is used to *name* ministries only; it is never reported as a publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.model import Block, LaidOutDocument
from pipeline.sources.dates import find_dates_at

FRONT_PAGES = 4
_MONTHS = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}
_MONTH_YEAR = re.compile(rf"(?<![\w.])({'|'.join(_MONTHS)})\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
# words that make a date a deadline when they stand before it in the same sentence
DEADLINE_RE = re.compile(r"\b(?:\w*frist\w*|innen|senest|høring\w*|søknad\w*|svar\w*)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\d)[.!?:;]\s+(?=[A-ZÆØÅ«\"])")  # not the dot of "1. februar"
LINE_WORDS = 8  # a block of at most this many words holding a date is a date line (colophon, signature, cover)


@dataclass(frozen=True)
class NamingDate:
    on: date
    basis: str  # human-readable: where the date came from


def _plausible(d: date) -> bool:
    return date(1990, 1, 1) <= d <= date.today()


def is_deadline(text: str, at: int) -> bool:
    """True if the date written at offset ``at`` of ``text`` is a deadline ("Høringsfristen er ...", "innen ...")."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, at):
        start = m.end()
    return bool(DEADLINE_RE.search(text, start, at))


def _dates(block: Block) -> tuple[list[date], list[tuple[date, str]]]:
    """Full dates and month-year dates of a block that are not deadlines."""
    text = block.text
    written = find_dates_at(text)
    full = [d for at, d in written if _plausible(d) and not is_deadline(text, at)]
    months = []
    for m in _MONTH_YEAR.finditer(text):
        if any(at <= m.start() <= at + 4 for at, _d in written):
            continue  # the month and year of a full date ("1. februar 2019")
        d = date(int(m.group(2)), _MONTHS[m.group(1).lower()], 1)
        if _plausible(d) and not is_deadline(text, m.start()):
            months.append((d, m.group(0)))
    return full, months


def infer_naming_date(doc: LaidOutDocument) -> NamingDate | None:
    front = [b for b in doc.blocks if b.page <= FRONT_PAGES and b.role not in ("toc", "table")]
    title_page = [(b, _dates(b)) for b in front if b.page == 1]
    date_lines = [(b, _dates(b)) for b in front if b.page > 1 and len(b.text.split()) <= LINE_WORDS]
    prose = [(b, _dates(b)) for b in front if b.page > 1 and len(b.text.split()) > LINE_WORDS]
    for b, (full, _months) in title_page:
        if full:
            return NamingDate(full[0], f"the date {full[0].isoformat()} on page {b.page}")
    cover = next(((b, months[0]) for b, (_full, months) in title_page if months), None)
    # a full date on a date line (the foreword's signature, the colophon) is more precise than the cover's month,
    # as long as it falls in that month
    for b, (full, _months) in date_lines:
        for d in full:
            if cover is None or (d.year, d.month) == (cover[1][0].year, cover[1][0].month):
                return NamingDate(d, f"the date {d.isoformat()} on page {b.page}")
    if cover is not None:
        b, (d, written) = cover
        return NamingDate(d, f"'{written}' on page {b.page}")
    for blocks in (date_lines, prose):
        for b, (full, _months) in blocks:
            if full:
                return NamingDate(full[0], f"the date {full[0].isoformat()} on page {b.page}")
        for b, (_full, months) in blocks:
            if months:
                d, written = months[0]
                return NamingDate(d, f"'{written}' on page {b.page}")
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
