"""``extract_plan``: parts, measures, responsibilities, entities and signatories of a laid-out plan.

Steps: outline (parts) -> heading-style measures -> summary-table measures -> merge (each measure once) ->
responsibility resolution at the document date -> enrichment (agencies, target groups, mentions, cross-refs) ->
foreword signatories -> stated counts ("inneholder 26 tiltak").

"Alle departementer" convention: it names no particular ministry, so the measure keeps the phrase in
``responsibility_text`` and gets one row with role "all" for the publishing ministry of the plan (the ministry that
coordinates it); if the publisher is unknown, no row. Other named ministries on the same line keep their roles.
A ministry in brackets at the end of a title ("... (HOD)") is removed from the title and recorded with source
"responsibility_line" like a responsibility line. When a ministry is named both in the body and in the summary table,
one row is kept (the body's role and source); a second lead is demoted to co.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pipeline.model import (
    DocumentInfo,
    LaidOutDocument,
    Measure,
    Mention,
    MinistryOnDate,
    PlanExtraction,
    Responsibility,
)
from pipeline.structure.crossrefs import find_cross_references
from pipeline.structure.foreword import find_signatories
from pipeline.structure.headings import Outline, find_outline
from pipeline.structure.measures import RawMeasure, find_body_measures
from pipeline.structure.merge import merge_measures
from pipeline.structure.registry import MinistryRegistry, default_registry, nlp_module, try_resolve, try_resolve_agency
from pipeline.structure.responsibility import parse_responsibility, split_title_responsibility
from pipeline.structure.summary_table import find_table_measures
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
        if r.source == "table" and r.part_number is not None:
            continue
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
    enrich: bool = True,
) -> PlanExtraction:
    """Parts, measures (with ministries resolved at ``on``, default ``info.published``), mentions and signatories.

    ``enrich=False`` skips the NLP layer (agencies from text, target groups, mentions).
    Never raises on odd content: problems become ``PlanExtraction.warnings``.
    """
    on = on or info.published
    reg = registry if registry is not None else default_registry()
    warnings: list[str] = []
    outline = find_outline(doc)
    warnings.extend(outline.warnings)

    body = find_body_measures(doc, outline)
    table_sets = find_table_measures(doc, outline)
    table_rows = [m for ts in table_sets for m in ts.measures]
    _assign_parts(body, outline)
    _assign_parts(table_rows, outline)
    merged = merge_measures(body, table_rows)
    warnings.extend(merged.warnings)

    nlp = nlp_module() if enrich else None
    if enrich and nlp is None:
        warnings.append("pipeline.nlp is not importable: agencies in text, target groups and mentions were not extracted")

    measures: list[Measure] = []
    mentions: list[Mention] = []
    used_ids: set[str] = set()
    unnumbered = 0
    for raw in merged.measures:
        if not raw.number:
            unnumbered += 1
        mid = measure_id(info.document_id, raw.number, unnumbered)
        if mid in used_ids:
            k = 2
            while f"{mid}-{k}" in used_ids:
                k += 1
            warnings.append(f"measure {raw.number}: number printed twice; second one recorded as {mid}-{k}")
            mid = f"{mid}-{k}"
        used_ids.add(mid)
        label = f"measure {raw.number or '(unnumbered)'} ({mid})"

        title, paren = split_title_responsibility(raw.title, on, registry=reg)
        inputs: list[tuple[str, str]] = []
        if raw.responsibility_text:
            inputs.append((raw.responsibility_text, raw.responsibility_source))
        if paren:
            inputs.append((paren, "responsibility_line"))
        inputs.extend(raw.extra_responsibility)
        resps: list[Responsibility] = []
        agencies: list[str] = []
        all_text: str | None = None
        for text, source in inputs:
            parsed = parse_responsibility(text, on, source=source, registry=reg, use_nlp=enrich)  # type: ignore[arg-type]
            resps = _union(resps, parsed.responsibilities)
            for a in parsed.agencies:
                if a not in agencies:
                    agencies.append(a)
            if parsed.all_ministries:
                all_text = all_text or text
            for item in parsed.unresolved:
                warnings.append(f"{label}: unknown ministry or agency {item!r} in responsibility {text!r}")
        pub = _publisher(reg, info, on) if all_text is not None else None
        if pub is not None and not any(r.ministry_id == pub.ministry_id for r in resps):
            resps = _union(resps, [Responsibility(pub.ministry_id, pub.name, pub.abbreviation, "all",
                                                  "table" if raw.source == "table" else "responsibility_line",
                                                  "Alle departementer")])
        if not resps and not agencies and not all_text:
            warnings.append(f"{label}: no responsible ministry found")

        resp_texts = [t for t, _ in inputs]
        m = Measure(
            document_id=info.document_id,
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
        measures.append(m)
    if nlp is not None:
        _enrich_all(measures, nlp, reg, on, mentions, warnings)

    ministers, fw_warn = find_signatories(doc, on, reg)
    warnings.extend(fw_warn)

    document = replace(
        info,
        stated_measure_count=info.stated_measure_count or _stated_count(doc, STATED_MEASURES_RE, 1, 500),
        stated_part_count=info.stated_part_count or _stated_count(doc, STATED_PARTS_RE, 2, 20),
        page_count=info.page_count or doc.page_count,
    )
    if document.stated_measure_count is not None and document.stated_measure_count != len(measures):
        warnings.append(
            f"the plan states {document.stated_measure_count} measures but {len(measures)} were extracted"
        )
    return PlanExtraction(
        document=document,
        parts=outline.to_parts(),
        measures=measures,
        mentions=mentions,
        ministers=ministers,
        warnings=warnings,
    )


def _enrich_all(
    measures: list[Measure], nlp, reg: MinistryRegistry, on: date | None, mentions: list[Mention], warnings: list[str]
) -> None:
    """Agencies, target groups, children and mentions from one NLP pass over "title + text" of every measure.

    Mentions carry offsets into ``Measure.text`` (entities in the title are used for agencies only).
    """
    seps = [(m.title + "\n\n") if m.title else "" for m in measures]
    texts = [sep + m.text for sep, m in zip(seps, measures)]
    try:
        docs = list(nlp.analyse(texts, on))
        ents_all = [nlp.entities_of(d) for d in docs]
        groups_all = [list(nlp.groups_of(d)) for d in docs]
        child = set(nlp.groups.children_groups())
    except Exception as e:  # the NLP layer failing must not lose the measures
        warnings.append(f"NLP enrichment failed ({type(e).__name__}: {e}); agencies in text, target groups and mentions missing")
        return
    for m, sep, ents, groups in zip(measures, seps, ents_all, groups_all):
        off = len(sep)
        for e in ents:
            if e.label == "AGENCY" and e.text[:1].isupper():
                # Named agencies are capitalised in Norwegian; lower-case generic nouns ("politiet",
                # "påtalemyndigheten", "politidistrikter") stay mentions but are not listed as agencies.
                ag = try_resolve_agency(reg, e.text)
                name = getattr(ag, "name", None) or e.text
                if name not in m.agencies:
                    m.agencies.append(name)
            if e.start < off:
                continue
            mentions.append(
                Mention(
                    document_id=m.document_id,
                    page=m.page_start,
                    start=e.start - off,
                    end=e.end - off,
                    text=e.text,
                    label=e.label,
                    context=f"measure:{m.measure_id}",
                    ministry_id=e.ministry_id,
                    ministry_name=e.ministry_name,
                    agency_id=e.agency_id,
                )
            )
        m.target_groups = groups
        m.mentions_children = bool(child & set(groups))


__all__ = ["extract_plan"]
