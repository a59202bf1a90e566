"""``extract_plan``: parts, measures, responsibilities, entities and signatories of a laid-out plan.

Steps: outline (parts) -> heading-style measures -> summary-table measures -> merge (each measure once) ->
responsibility resolution at the document date -> cross-references ->
foreword signatories -> stated counts ("inneholder 26 tiltak").

"Alle departementer" convention: it names no particular ministry, so the measure keeps the phrase in
``responsibility_text`` and gets one row with role "all" for the publishing ministry of the plan (the ministry that
coordinates it), also when that ministry has a row of its own as lead or co; if the publisher is unknown, no row.
Other named ministries on the same line keep their roles.
A ministry in brackets at the end of a title ("... (HOD)") is removed from the title and recorded with source
"responsibility_line" like a responsibility line. A measure also listed in a summary (overview) table has two sources
of responsibility: when they agree, the text's rows stand for both; when they disagree, the table's differing rows are
kept beside the text's with source "table" and a warning names the measure and the pages (never silently pick one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from pipeline.model import (
    DocumentInfo,
    LaidOutDocument,
    Measure,
    MinistryOnDate,
    Part,
    PlanExtraction,
    Responsibility,
)
from pipeline.measures.chapters import chapter_outline, is_chaptered, parts_of_chapters, parts_with_locators
from pipeline.measures.crossrefs import find_cross_references
from pipeline.measures.lists import find_list_measures
from pipeline.structure.foreword import find_signatories
from pipeline.structure.headings import Outline, find_outline
from pipeline.measures.body import find_body_measures
from pipeline.measures.raw import RawMeasure
from pipeline.measures.merge import merge_measures
from pipeline.structure.registry import MinistryRegistry, default_registry, try_resolve
from pipeline.measures.responsibility import EntityFinder, parse_responsibility, split_title_responsibility
from pipeline.measures.summary_table import find_table_measures
from pipeline.structure.text import measure_id, normalize, parse_count

_COUNT = r"(\d{1,3}|[a-zæøå]+)"
STATED_MEASURES_RE = re.compile(
    rf"\b(?:inneholder|består\s+av|omfatter|presenterer|rommer|totalt|i\s+alt|til\s+sammen|samlet)\s+"
    rf"(?:totalt\s+|i\s+alt\s+|til\s+sammen\s+|hele\s+)?{_COUNT}\s+(?:nye\s+|konkrete\s+|ulike\s+|målrettede\s+)?tiltak\b",
    re.IGNORECASE,
)
STATED_PARTS_RE = re.compile(
    rf"\b{_COUNT}\s+(?:hoveddeler|deler|innsatsområder|hovedområder|satsingsområder|satsningsområder)\b", re.IGNORECASE
)


def _stated_count(doc: LaidOutDocument, rx: re.Pattern[str], lo: int, hi: int) -> int | None:
    for b in doc.blocks:
        if b.role in ("toc", "table"):
            continue
        for m in rx.finditer(normalize(b.text)):
            n = parse_count(m.group(1))
            if n is not None and lo <= n <= hi:
                return n
    return None


_PART_PREFIX = re.compile(r"^(\d{1,2})\.\d{1,3}[a-z]?$")


def _assign_parts(raws: list[RawMeasure], outline: Outline) -> None:
    for r in raws:
        if r.source == "table" and (r.part_number is not None or r.part_title):
            continue  # the table's own section rows placed it
        p = outline.part_at(r.block_index) if r.block_index >= 0 else None
        if p is not None:
            r.part_number, r.part_title = p.number, p.title
        elif r.source != "table":
            r.part_number, r.part_title = None, None
    # Table rows carrying only a part number: take the title from the outline.
    titles = {p.number: p.title for p in outline.parts}
    # Numbered within parts ("2.3"): a measure no part span or part row placed takes the part its number names,
    # when the document has such a part (a summary table without part rows, a measure outside every part span).
    for r in raws:
        if r.part_number is None and r.number and (m := _PART_PREFIX.match(r.number)):
            n = int(m.group(1))
            if n in titles:
                r.part_number = n
    for r in raws:
        if r.part_number is not None and not r.part_title:
            r.part_title = titles.get(r.part_number)


def _publisher(reg: MinistryRegistry, info: DocumentInfo, on: date | None) -> MinistryOnDate | None:
    """The publishing ministry as named on ``on`` (from its id, else from its name)."""
    mid = info.publisher_ministry_id
    name_on = getattr(reg, "name_on", None)
    if mid and name_on is not None:
        try:
            abbr_on = getattr(reg, "abbreviation_on", None)
            return MinistryOnDate(ministry_id=mid, name=name_on(mid, on),
                                  abbreviation=abbr_on(mid, on) if abbr_on else None, on=on)
        except Exception:
            pass
    for text in (info.publisher_name, mid):
        if text and (mod := try_resolve(reg, text, on)) is not None:
            return mod
    return None


def _union(
    base: list[Responsibility], new: list[Responsibility]
) -> list[Responsibility]:
    out = list(base)
    ids = {r.ministry_id for r in out}
    has_lead = any(r.role == "lead" for r in out)
    for r in new:
        if r.ministry_id in ids:
            continue
        if r.role == "lead" and has_lead:
            r = replace(r, role="co")
        has_lead = has_lead or r.role == "lead"
        ids.add(r.ministry_id)
        out.append(r)
    # lead first
    return sorted(out, key=lambda r: {"lead": 0, "all": 1, "co": 2}[r.role])


def extract_plan(
    doc: LaidOutDocument,
    info: DocumentInfo,
    on: date | None = None,
    *,
    registry: MinistryRegistry | None = None,
    find_entities: EntityFinder | None = None,
) -> PlanExtraction:
    """Parts, measures (with ministries resolved at ``on``, default ``info.published``) and signatories.

    ``find_entities`` (e.g. ``pipeline.nlp.find_entities``) looks for ministry and agency names inside
    responsibility items the registry cannot resolve as a whole. Agencies in the text, target groups
    and mentions are added afterwards by the enrichment layer (``pipeline.nlp.enrich``).
    Never raises on odd content: problems become ``PlanExtraction.warnings``.
    """
    on = on or info.published
    reg = registry if registry is not None else default_registry()
    warnings: list[str] = []
    chaptered = is_chaptered(doc)  # a web document: parts are the chapters (or themes) with measures
    outline = chapter_outline(doc) if chaptered else find_outline(doc)
    warnings.extend(outline.warnings)
    raws = _raw_measures(doc, outline, warnings, assign_parts=not chaptered)
    if chaptered:
        outline = parts_of_chapters(doc, raws)
    ids = _MeasureIds(info.document_id)
    resolver = _Responsibilities(reg, info, on, find_entities)
    measures = [_measure(info.document_id, raw, ids.next(raw, warnings), resolver, warnings) for raw in raws]
    for m, raw in zip(measures, raws):
        _locate(m, raw, doc, chaptered)
    ministers, fw_warn = find_signatories(doc, on, reg)
    warnings.extend(fw_warn)
    document = _with_stated_counts(doc, info, len(measures), warnings)
    parts = parts_with_locators(doc, outline) if chaptered else _pdf_parts(outline)
    return PlanExtraction(document=document, parts=_parts(parts, measures), measures=measures, ministers=ministers,
                          warnings=warnings)


def _parts(parts: list[Part], measures: list[Measure]) -> list[Part]:
    """The outline's parts with their kind, then parts named only by a summary table's section rows.

    A numbered heading of the outline that holds no measure is a chapter ("1 Innledning", "Del I Innledning og
    bakgrunn", "7 Oppfølging og evaluering"), kept apart as kind "chapter"; numbers are as printed."""
    def same(a: str | None, b: str | None) -> bool:
        return normalize(a or "").lower() == normalize(b or "").lower()

    out: list[Part] = []
    for p in parts:
        held = any(m.part_number == p.number and (m.part_number is not None or same(m.part_title, p.title))
                   for m in measures)
        p.kind = "measures" if held else "chapter"
        out.append(p)
    for m in measures:
        if m.part_number is None and not m.part_title:
            continue
        if any((m.part_number is not None and q.number == m.part_number)
               or (m.part_number is None and q.number is None and same(q.title, m.part_title)) for q in out):
            continue
        out.append(Part(number=m.part_number, title=m.part_title or "", page_start=m.page_start, kind="measures",
                        chapter=m.chapter, locator=f"p. {m.page_start}" if m.page_start is not None else m.locator))
    return out


def _raw_measures(doc: LaidOutDocument, outline: Outline, warnings: list[str], *, assign_parts: bool = True
                  ) -> list[RawMeasure]:
    """Heading-style, list and table measures, placed in their parts, merged so each measure is there once."""
    body = sorted(find_body_measures(doc, outline) + find_list_measures(doc), key=lambda r: r.block_index)
    table_rows = [m for ts in find_table_measures(doc, outline) for m in ts.measures]
    if assign_parts:
        _assign_parts(body, outline)
        _assign_parts(table_rows, outline)
    merged = merge_measures(body, table_rows)
    warnings.extend(merged.warnings)
    return merged.measures


def _pdf_parts(outline: Outline) -> list:
    parts = outline.to_parts()
    for p in parts:
        p.locator = f"p. {p.page_start}" if p.page_start is not None else None
    return parts


def _locate(m: Measure, raw: RawMeasure, doc: LaidOutDocument, chaptered: bool) -> None:
    """Where the measure is printed: the chapter and URL with anchor (web), or its pages (PDF)."""
    if chaptered:
        b = doc.blocks[raw.block_index] if 0 <= raw.block_index < len(doc.blocks) else None
        m.chapter = b.page if b is not None else raw.page_start
        m.locator = b.locator if b is not None else None
        m.page_start = m.page_end = None  # a web document has chapters, not pages
    elif m.page_start is not None:
        end = m.page_end if m.page_end is not None else m.page_start
        m.locator = f"p. {m.page_start}" if end == m.page_start else f"pp. {m.page_start}-{end}"


class _MeasureIds:
    """Stable ids from the printed numbers (ordinals for unnumbered rows); a number printed twice gets -2."""

    def __init__(self, document_id: str):
        self.document_id = document_id
        self.used: set[str] = set()
        self.unnumbered = 0

    def next(self, raw: RawMeasure, warnings: list[str]) -> str:
        if not raw.number:
            self.unnumbered += 1
        mid = measure_id(self.document_id, raw.number, self.unnumbered)
        if mid in self.used:
            k = 2
            while f"{mid}-{k}" in self.used:
                k += 1
            warnings.append(f"measure {raw.number}: number printed twice; second one recorded as {mid}-{k}")
            mid = f"{mid}-{k}"
        self.used.add(mid)
        return mid


@dataclass
class _Responsibilities:
    """Resolves a measure's responsibility texts to ministries and agencies at the document date."""

    reg: MinistryRegistry
    info: DocumentInfo
    on: date | None
    find_entities: EntityFinder | None

    def resolve(self, raw: RawMeasure, inputs: list[tuple[str, str]], label: str, warnings: list[str]
                ) -> tuple[list[Responsibility], list[str], bool]:
        """Ministries (lead first), agencies, and whether "all ministries" was named."""
        resps: list[Responsibility] = []
        agencies: list[str] = []
        all_source: str | None = None
        for text, source in inputs:
            # a table's co-responsibility column ("co") names co-responsible ministries only
            src = "table" if source == "co" else source
            parsed = parse_responsibility(text, self.on, source=src, registry=self.reg,  # type: ignore[arg-type]
                                          find_entities=self.find_entities)
            found = parsed.responsibilities
            if source == "co":
                found = [replace(r, role="co") for r in found]
            resps = _union(resps, found)
            for a in parsed.agencies:
                if a not in agencies:
                    agencies.append(a)
            if parsed.all_ministries:
                all_source = all_source or ("table" if src == "table" or raw.source == "table" else "responsibility_line")
            for item in parsed.unresolved:
                warnings.append(f"{label}: unknown ministry or agency {item!r} in responsibility {text!r}")
        pub = _publisher(self.reg, self.info, self.on) if all_source is not None else None
        if pub is not None and not any(r.role == "all" for r in resps):
            # the row for "all ministries", recorded against the coordinating ministry, also when that ministry
            # leads the measure as well ("ASD i samarbeid med alle departementer", "KMD/Alle")
            all_row = Responsibility(pub.ministry_id, pub.name, pub.abbreviation, "all", all_source,  # type: ignore[arg-type]
                                     "Alle departementer")
            resps = sorted(resps + [all_row], key=lambda r: {"lead": 0, "all": 1, "co": 2}[r.role])
        return resps, agencies, all_source is not None

    def merged(self, raw: RawMeasure, inputs: list[tuple[str, str]], label: str, warnings: list[str]
               ) -> tuple[list[Responsibility], list[str]]:
        """The responsibilities a measure's text gives and those its summary-table row gives, compared.

        When the two sources name the same ministries in the same roles, the text's rows stand for both.
        When they disagree, neither is picked: the table's rows that the text does not have are kept too, with
        source "table", and a warning names the measure, its page and the table's page."""
        text_rows, agencies, named_all = self.resolve(raw, inputs, label, warnings)
        table_rows: list[Responsibility] = []
        if raw.table_responsibility:
            table_rows, more, table_all = self.resolve(raw, raw.table_responsibility, label, warnings)
            agencies += [a for a in more if a not in agencies]
            named_all = named_all or table_all
        if not text_rows:
            rows = table_rows
        else:
            have = {(r.ministry_id, r.role) for r in text_rows}
            extra = [r for r in table_rows if (r.ministry_id, r.role) not in have]
            rows = text_rows + extra
            if table_rows and (extra or have != {(r.ministry_id, r.role) for r in table_rows}):
                warnings.append(
                    f"{label} on page {raw.page_start}: responsibility disagreement: the text names "
                    f"{_roles_text(text_rows)}, the overview table on page {raw.table_page} names "
                    f"{_roles_text(table_rows)}; both kept (measure_ministries.source)")
        if not rows and not agencies and not named_all:
            warnings.append(f"{label}: no responsible ministry found")
        return rows, agencies


def _roles_text(rows: list[Responsibility]) -> str:
    return ", ".join(f"{r.abbreviation or r.ministry_id} ({r.role})" for r in rows)


def _measure(document_id: str, raw: RawMeasure, mid: str, resolver: _Responsibilities, warnings: list[str]) -> Measure:
    """One measure: title without its "(HOD)" suffix, responsibilities, cross-references."""
    label = f"measure {raw.number or '(unnumbered)'} ({mid})"
    title, paren = split_title_responsibility(raw.title, resolver.on, registry=resolver.reg)
    inputs: list[tuple[str, str]] = []
    if raw.responsibility_text:
        inputs.append((raw.responsibility_text, raw.responsibility_source))
    if paren:
        inputs.append((paren, "responsibility_line"))
    inputs.extend(raw.extra_responsibility)
    resps, agencies = resolver.merged(raw, inputs, label, warnings)
    resp_texts = [t for t, _ in inputs + raw.table_responsibility]
    return Measure(
        document_id=document_id,
        measure_id=mid,
        number=raw.number or "",
        title=title,
        text=raw.text,
        part_number=raw.part_number,
        part_title=raw.part_title,
        page_start=raw.page_start,
        page_end=raw.page_end,
        responsibilities=resps,
        responsibility_text="; ".join(dict.fromkeys(resp_texts)) if resp_texts else None,
        agencies=agencies,
        cross_references=find_cross_references(raw.text, raw.number),
        timeframe=raw.timeframe,
        sources=["body", "table"] if raw.source == "both" else [raw.source],
    )


def _with_stated_counts(doc: LaidOutDocument, info: DocumentInfo, extracted: int, warnings: list[str]) -> DocumentInfo:
    """The document with the counts the plan states ("inneholder 26 tiltak"), warning when they disagree."""
    document = replace(
        info,
        stated_measure_count=info.stated_measure_count or _stated_count(doc, STATED_MEASURES_RE, 1, 500),
        stated_part_count=info.stated_part_count or _stated_count(doc, STATED_PARTS_RE, 2, 20),
        page_count=info.page_count or (doc.page_count if not is_chaptered(doc) else None),
    )
    if document.stated_measure_count is not None and document.stated_measure_count != extracted:
        warnings.append(f"the plan states {document.stated_measure_count} measures but {extracted} were extracted")
    return document


__all__ = ["extract_plan"]
