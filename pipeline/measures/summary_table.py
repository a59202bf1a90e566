"""Table-style measures: a summary table ("Oversikt over tiltak": Nr. / Tiltak / Ansvar / Tidsramme).

Columns are found by header words (fuzzy, rapidfuzz), with a content fallback when the header is missing or
unusual: a column of small numbers is the number column, one of years/periods the timeframe, one whose cells
are ministries the responsibility column, the longest text the title. Rows with an empty number cell continue
the previous row (a row broken over a page). Section rows (one text across the table, flagged by the layout
when it is one bold cell spanning the table) set the part for the rows below: "Del 2: ..." and "2 Title" with the
printed number, a part title of the outline with its number, any other heading-like text as an unnumbered part.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.model import LaidOutDocument, Table
from pipeline.structure.headings import KEYWORD_PART_RE, Outline
from pipeline.layout.hyphenation import join_lines  # the layout layer's rules for line-end hyphens
from pipeline.measures.body import NUM_RE, TILTAK_RE
from pipeline.measures.raw import RawMeasure
from pipeline.structure.text import clean_number, normalize, parse_number_token

COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "number": ("nr", "nr.", "#", "tiltak nr", "tiltaksnr", "tiltaksnummer", "nummer", "løpenr", "no"),
    "title": ("tiltak", "tiltakets navn", "tiltaksbeskrivelse", "navn på tiltak", "tittel", "tiltak/beskrivelse"),
    "description": ("beskrivelse", "innhold", "omtale", "kort beskrivelse", "mål"),
    "responsibility": (
        "ansvar", "ansvarlig", "ansvarlige", "ansvarlig departement", "ansvarlige departementer", "hovedansvar",
        "ansvarsdepartement", "departement", "ansvar for oppfølging", "ansvarlig for oppfølging", "oppfølgingsansvar",
    ),
    "co": ("medansvar", "medansvarlig", "medansvarlige", "i samarbeid med", "samarbeid med", "samarbeidspartnere",
           "bidragsytere", "delansvar"),
    "timeframe": ("tidsramme", "periode", "tidsplan", "tidsperiode", "tidspunkt", "når", "gjennomføring", "frist",
                  "oppfølging", "år", "tid", "gjennomføringsperiode"),
    "part": ("del", "kapittel", "innsatsområde", "område", "hovedområde", "satsingsområde", "tema"),
}
_PRIORITY = ("number", "title", "responsibility", "co", "timeframe", "part", "description")
_YEARISH = re.compile(r"^\s*(?:(?:19|20)\d{2}|løpende|kontinuerlig|fortløpende|varig|innen|fra|i\s+planperioden|planperioden|hele)", re.IGNORECASE)
_NUMBERISH = re.compile(r"^\s*\d{1,3}(?:[.,]\d{1,2})?[a-z]?\.?\s*$")
_MINISTRYISH = re.compile(r"departement|^(?:[A-ZÆØÅ]{2,5}|Alle)\b(?:\s*(?:[,/&]|og)\s*[A-ZÆØÅ]{2,5})*", re.IGNORECASE)


def _key(header: str) -> str:
    return re.sub(r"\s+", " ", normalize(header).lower().replace("\n", " ")).strip(" :.")


def classify_header(header: list[str]) -> dict[str, int]:
    """Column kind -> column index, from header words."""
    scores: list[tuple[float, str, int]] = []
    for col, h in enumerate(header):
        k = _key(h)
        if not k:
            continue
        for kind, words in COLUMN_WORDS.items():
            best = max(fuzz.ratio(k, w) for w in words)
            if best >= 82:
                scores.append((best, kind, col))
    scores.sort(key=lambda x: (-x[0], _PRIORITY.index(x[1]), x[2]))
    out: dict[str, int] = {}
    used: set[int] = set()
    for _, kind, col in scores:
        if kind in out or col in used:
            continue
        out[kind] = col
        used.add(col)
    if "title" not in out and "description" in out:
        out["title"] = out.pop("description")
    return out


def _frac(rows: list[list[str]], col: int, pred: Callable[[str], bool]) -> float:
    vals = [r[col].strip() for r in rows if col < len(r) and r[col].strip()]
    if not vals:
        return 0.0
    return sum(1 for v in vals if pred(v)) / len(vals)


def classify_content(rows: list[list[str]], ncols: int, known: dict[str, int]) -> dict[str, int]:
    """Fill missing column kinds from the cells."""
    out = dict(known)
    rows = [r for r in rows if len({c for c in r if c}) >= 2] or rows  # section rows say nothing about columns
    if "number" not in out and "title" in out and _frac(rows, out["title"], lambda v: bool(_NUMBERISH.match(v))) >= 0.8:
        # "Tiltak" heading a column of numbers: it is the number column; the description holds the titles
        out["number"] = out.pop("title")
        if "description" in out:
            out["title"] = out.pop("description")
    free = [c for c in range(ncols) if c not in out.values()]
    if "number" not in out:
        for c in free:
            if _frac(rows, c, lambda v: bool(_NUMBERISH.match(v))) >= 0.8:
                out["number"] = c
                free.remove(c)
                break
    if "timeframe" not in out:
        for c in free:
            if _frac(rows, c, lambda v: bool(_YEARISH.match(v))) >= 0.7:
                out["timeframe"] = c
                free.remove(c)
                break
    if "responsibility" not in out:
        for c in free:
            if _frac(rows, c, lambda v: len(v) < 120 and bool(_MINISTRYISH.search(v))) >= 0.7:
                out["responsibility"] = c
                free.remove(c)
                break
    if "responsibility" not in out and "timeframe" in out:
        # "Oppfølging" may head the responsible ministries rather than a period: look at the cells
        c = out["timeframe"]
        if _frac(rows, c, lambda v: len(v) < 120 and bool(_MINISTRYISH.search(v)) and not _YEARISH.match(v)) >= 0.7:
            out["responsibility"] = out.pop("timeframe")
    if "title" not in out and free:
        lengths = {c: sum(len(r[c]) for r in rows if c < len(r)) for c in free}
        out["title"] = max(free, key=lambda c: (lengths[c], -c))
    return out


def _cell_text(cell: str | None) -> str:
    if not cell:
        return ""
    lines = [ln.strip() for ln in str(cell).splitlines() if ln.strip()]
    if len(lines) > 1:
        try:
            return normalize(join_lines(lines))
        except Exception:
            pass
    return normalize(" ".join(lines))


@dataclass
class TableMeasures:
    table: Table
    columns: dict[str, int]
    measures: list[RawMeasure]


def is_measure_table(table: Table) -> dict[str, int] | None:
    """Column map if ``table`` lists measures, else None."""
    header = [_cell_text(h) for h in table.header]
    rows = [[_cell_text(c) for c in r] for r in table.rows]
    ncols = max([len(header)] + [len(r) for r in rows]) if (header or rows) else 0
    if ncols < 2:
        return None
    cols = classify_header(header)
    header_is_data = not cols and header and _NUMBERISH.match(header[0] or "")
    if header_is_data:
        rows = [header] + rows
    cols = classify_content(rows, ncols, cols)
    title_words = (table.title or "") + " " + " ".join(header)
    has_tiltak = bool(re.search(r"tiltak", title_words, re.IGNORECASE))
    if "title" not in cols:
        return None
    if not has_tiltak and re.search(r"\b(?:mål|delmål|indikator\w*|resultat\w*|status)\b", title_words, re.IGNORECASE):
        return None  # a table of goals/indicators, not of measures
    if "responsibility" in cols and ("number" in cols or has_tiltak):
        return cols
    if has_tiltak and "number" in cols:
        return cols
    return None


def table_measures(
    table: Table, block_index: int | None, outline: Outline | None = None, carry: RawMeasure | None = None
) -> TableMeasures | None:
    """Measures listed in ``table`` (source "table"), or None if it is not a measures table."""
    cols = is_measure_table(table)
    if cols is None:
        return None
    header = [_cell_text(h) for h in table.header]
    rows = [[_cell_text(c) for c in r] for r in table.rows]
    pages = list(table.row_pages) + [table.page_end] * max(0, len(rows) - len(table.row_pages))
    if not classify_header(header) and header and _NUMBERISH.match(header[0] or ""):
        rows = [header] + rows
        pages = [table.page_start] + pages

    part_span = outline.part_at(block_index) if (outline is not None and block_index is not None) else None
    part_number = part_span.number if part_span else None
    part_title = part_span.title if part_span else None

    def cell(r: list[str], kind: str) -> str:
        c = cols.get(kind)
        return r[c] if c is not None and c < len(r) else ""

    out: list[RawMeasure] = []
    header_key = [_key(h) for h in header]
    shift = len(rows) - len(table.rows)  # the header taken as a data row
    sections = {k + shift for k in table.section_rows}
    for k, (r, page) in enumerate(zip(rows, pages)):
        filled = [x for x in r if x]
        if not filled or [_key(c) for c in r] == header_key:
            continue  # empty, or the header repeated on a new page
        if not out and carry is not None and "number" in cols and not cell(r, "number") and cell(r, "title"):
            out.append(carry)  # the previous table's last row continues here (a table split at a page break)
        distinct = list(dict.fromkeys(filled))
        num_cell = cell(r, "number")
        if len(distinct) == 1 and not _NUMBERISH.match(distinct[0]):
            found = _part_row(distinct[0], outline)
            if found is not None:
                part_number, part_title = found
                continue
            # A section row: one text across merged cells (one bold cell spanning the table), or only in the
            # number column. One that reads as a heading names the part of the rows below, as printed.
            if k in sections or len(filled) > 1 or ("number" in cols and num_cell) or not out:
                if _heading_like(distinct[0]):
                    part_number, part_title = None, distinct[0]
                continue
        if "number" in cols and not num_cell and out:
            prev = out[-1]  # continuation of the previous row (broken over a page)
            prev.title = _join(prev.title, cell(r, "title"))
            prev.text = _join(prev.text, cell(r, "description"))
            prev.responsibility_text = _join(prev.responsibility_text or "", cell(r, "responsibility")) or None
            prev.timeframe = _join(prev.timeframe or "", cell(r, "timeframe")) or None
            co = cell(r, "co")
            if co:
                prev.extra_responsibility.append((co, "co"))
            prev.page_end = max(prev.page_end or page, page)
            continue
        title = cell(r, "title")
        if not title:
            continue
        num_cell = re.sub(r"^tiltak\s*(?:nr\.?\s*)?", "", num_cell, flags=re.IGNORECASE)
        mt = TILTAK_RE.match(title) or (NUM_RE.match(title) if not num_cell else None)
        if mt and mt.group("title"):  # "Tiltak 3: Title" / "3. Title" in the title cell
            title = mt.group("title").strip()
            num_cell = num_cell or mt.group("num")
        p_num, p_title = part_number, part_title
        if "part" in cols and (pc := cell(r, "part")):
            m = KEYWORD_PART_RE.match(pc)
            n = parse_number_token(m.group("num")) if m else parse_number_token(pc.split()[0])
            if n is not None:
                p_num, p_title = n, (m.group("title").strip(" :.–-") if m else None) or None
        resp = cell(r, "responsibility")
        rm = RawMeasure(
            number=clean_number(num_cell) if num_cell else None,
            title=title,
            text=cell(r, "description"),
            page_start=page,
            page_end=page,
            block_index=block_index if block_index is not None else -1,
            source="table",
            responsibility_text=resp or None,
            responsibility_source="table",
            timeframe=cell(r, "timeframe") or None,
            part_number=p_num,
            part_title=p_title,
            row_index=len(out),
        )
        co = cell(r, "co")
        if co:
            rm.extra_responsibility.append((co, "co"))
        out.append(rm)
    if out and out[0] is carry:
        out = out[1:]
    return TableMeasures(table=table, columns=cols, measures=out)


_NUMBERED_PART = re.compile(r"^(?P<num>\d{1,2})\.?\s+(?P<title>[A-ZÆØÅ].*)$")


def _heading_like(text: str) -> bool:
    """A section row that can name a part: a short title in sentence case, not a sentence or a note."""
    t = text.strip()
    return bool(t) and t[:1].isupper() and not t.endswith((".", ":", ";", ",")) and len(t.split()) <= 14


def _part_row(text: str, outline: Outline | None) -> tuple[int, str | None] | None:
    """A section row naming a part: "Del 2: Politiet", "2 Politiet", or a part title from the outline."""
    m = KEYWORD_PART_RE.match(text) or _NUMBERED_PART.match(text)
    if m and (n := parse_number_token(m.group("num"))) is not None:
        return n, m.group("title").strip(" :.–-") or None
    if outline is not None and outline.parts:
        best = max(outline.parts, key=lambda p: fuzz.ratio(p.title.lower(), text.lower()))
        if fuzz.ratio(best.title.lower(), text.lower()) >= 90:
            return best.number, best.title
    return None


def _join(a: str, b: str) -> str:
    a, b = (a or "").strip(), (b or "").strip()
    if not b:
        return a
    if not a:
        return b
    if a.endswith("-") and b[:1].islower() and not re.match(r"(og|eller)\b", b):
        return a[:-1] + b
    return f"{a} {b}"


def find_table_measures(doc: LaidOutDocument, outline: Outline | None = None) -> list[TableMeasures]:
    """All measure tables of the document, in reading order."""
    out: list[TableMeasures] = []
    seen: set[int] = set()
    for i, b in enumerate(doc.blocks):
        if b.role == "table" and b.table is not None:
            seen.add(id(b.table))
            carry = None
            if out and out[-1].measures and out[-1].table.page_end + 1 >= b.table.page_start:
                carry = out[-1].measures[-1]
            tm = table_measures(b.table, i, outline, carry)
            if tm is not None and tm.measures:
                out.append(tm)
    for t in doc.tables:
        if id(t) in seen:
            continue
        if any(b.role == "table" and b.table is not None and b.table.page_start == t.page_start
               and b.table.header == t.header and b.table.rows == t.rows for b in doc.blocks):
            continue  # same table, a copy
        tm = table_measures(t, None, outline)
        if tm is not None and tm.measures:
            out.append(tm)
    return out
