"""Rows of the published tables from ``pipeline.model`` records (one function per table or record)."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from pipeline.datasets.formats import natural_key
from pipeline.datasets.schema import LIST_SEPARATOR, table
from pipeline.datasets.validate import DatasetError
from pipeline.model import ConsistencyCheck, DocumentInfo, Measure, MeasureChange, Mention, Minister, Part
from pipeline.reference import default_registry


def join(items: Iterable[str] | None) -> str | None:
    """Join list items with ';' (a ';' inside an item becomes ',' so the list stays splittable)."""
    vals = [str(i).replace(LIST_SEPARATOR, ",").strip() for i in (items or [])]
    vals = [v for v in vals if v]
    return LIST_SEPARATOR.join(vals) if vals else None


def document_row(d: DocumentInfo, extracted: int | None) -> dict[str, Any]:
    return {
        "document_id": d.document_id,
        "kind": d.kind,
        "title": d.title,
        "publisher_ministry_id": d.publisher_ministry_id,
        "publisher_name": d.publisher_name,
        "government": d.government,
        "published": d.published,
        "source_url": d.source_url,
        "sha256": d.sha256,
        "stated_measure_count": d.stated_measure_count,
        "stated_part_count": d.stated_part_count,
        "plan_url": d.plan_url,
        "page_count": d.page_count,
        "local_path": d.local_path,
        "extracted_measure_count": extracted,
        "source_format": d.source_format,
        "naming_date": d.naming_date,
        "status": d.status,
        "extracted_at": d.extracted_at,
    }


def minister_rows(document_id: str, ministers: list[Minister]) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id,
            "ordinal": i,
            "name": m.name,
            "title": m.title,
            "ministry_id": m.ministry_id,
            "ministry_name": m.ministry_name,
            "abbreviation": m.abbreviation,
        }
        for i, m in enumerate(ministers, start=1)
    ]


def part_rows(document_id: str, parts: list[Part]) -> tuple[list[dict], list[dict]]:
    prow, krow = [], []
    for ordinal, p in enumerate(parts, start=1):
        prow.append(
            {
                "document_id": document_id,
                "ordinal": ordinal,
                "part_number": p.number,
                "kind": p.kind,
                "title": p.title,
                "page_start": p.page_start,
                "key_point_count": len(p.key_points),
                "chapter": p.chapter,
                "locator": p.locator,
            }
        )
        for i, text in enumerate(p.key_points, start=1):
            krow.append({"document_id": document_id, "part_number": p.number, "ordinal": i, "text": text})
    return prow, krow


def mention_row(m: Mention) -> dict[str, Any]:
    return {
        "document_id": m.document_id,
        "page": m.page,
        "context": m.context,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "label": m.label,
        "ministry_id": m.ministry_id,
        "ministry_name": m.ministry_name,
        "agency_id": m.agency_id,
        "ner_label": m.ner_label,
        "source": m.source,
        "organisation_id": m.organisation_id,
    }


# How build_tables treats two different rows with one primary key. Default: an error (the record is
# wrong and must be fixed). Mentions: the same span and label resolved twice keeps the first resolution.
# Consistency: a check name repeated by the compare layer is kept as "<check>#2", "#3" ... so no
# check is lost and none overwrites another.
_ON_CONFLICT: dict[str, str] = {"mentions": "first", "consistency": "suffix:check"}


def dedupe(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop exact duplicate rows; resolve or reject two different rows with one primary key."""
    pk = table(name).primary_key
    policy = _ON_CONFLICT.get(name, "error")
    seen: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        key = tuple(r.get(c) for c in pk)
        if key in seen:
            if seen[key] == r or policy == "first":
                continue
            if policy.startswith("suffix:"):
                col = policy.split(":", 1)[1]
                n = 2
                while True:
                    alt = dict(r, **{col: f"{r[col]}#{n}"})
                    akey = tuple(alt.get(c) for c in pk)
                    if akey not in seen:
                        break
                    if seen[akey] == alt:
                        alt = None
                        break
                    n += 1
                if alt is not None:
                    seen[akey] = alt
                continue
            raise DatasetError(
                f"table {name}: two different rows share the primary key {dict(zip(pk, key))}",
                hint="each record must appear once; check the inputs passed to build_tables",
            )
        seen[key] = r
    return list(seen.values())


def change_rows(changes: Iterable[MeasureChange]) -> list[dict[str, Any]]:
    by_pair: dict[tuple[str, str], list[MeasureChange]] = {}
    for c in changes:
        by_pair.setdefault((c.old_document_id, c.new_document_id), []).append(c)
    rows = []
    for (old, new), cs in by_pair.items():
        cs = sorted(
            cs,
            key=lambda c: (
                natural_key(c.new_number if c.new_number is not None else c.old_number),
                natural_key(c.old_number),
                natural_key(c.new_measure_id),
                natural_key(c.old_measure_id),
                c.change_type,
            ),
        )
        for i, c in enumerate(cs, start=1):
            rows.append(
                {
                    "old_document_id": old,
                    "new_document_id": new,
                    "change_number": i,
                    "change_type": c.change_type,
                    "old_measure_id": c.old_measure_id,
                    "new_measure_id": c.new_measure_id,
                    "old_number": c.old_number,
                    "new_number": c.new_number,
                    "old_title": c.old_title,
                    "new_title": c.new_title,
                    "similarity": c.similarity,
                    "renumbered": c.renumbered,
                    "part_changed": c.part_changed,
                    "old_part": c.old_part,
                    "new_part": c.new_part,
                    "responsibility_changed": c.responsibility_changed,
                    "ministries_added": join(c.ministries_added),
                    "ministries_removed": join(c.ministries_removed),
                    "group": c.group,
                }
            )
    return rows


def agency_resolver(agency_ids: Mapping[str, str] | None):
    """name -> agency_id: the given mapping first, then ``default_registry().resolve_agency``."""
    given = dict(agency_ids or {})
    resolve = getattr(default_registry(), "resolve_agency", None)

    def agency_id(name: str) -> str | None:
        if name in given:
            return given[name]
        if resolve is not None:
            found = resolve(name)
            return getattr(found, "agency_id", None) if found is not None else None
        return None

    return agency_id


def check_measure_document(m: Measure, document_id: str) -> None:
    if m.document_id != document_id:
        raise DatasetError(
            f"measure {m.measure_id} has document_id {m.document_id!r} inside plan {document_id!r}",
            hint="the structure layer must set Measure.document_id to its plan's document_id",
        )


def measure_row(m: Measure) -> dict[str, Any]:
    return {
        "document_id": m.document_id,
        "measure_id": m.measure_id,
        "number": m.number,
        "title": m.title,
        "text": m.text,
        "part_number": m.part_number,
        "part_title": m.part_title,
        "page_start": m.page_start,
        "page_end": m.page_end,
        "lead_ministry_id": m.lead_ministry_id,
        "ministry_ids": join(m.ministry_ids),
        "agencies": join(m.agencies),
        "mentions_children": m.mentions_children,
        "target_groups": join(m.target_groups),
        "cross_references": join(m.cross_references),
        "timeframe": m.timeframe,
        "responsibility_text": m.responsibility_text,
        "sources": join(m.sources),
        "chapter": m.chapter,
        "locator": m.locator,
    }


def measure_ministry_rows(m: Measure) -> list[dict[str, Any]]:
    """One row per (ministry, role, source) of a measure, in the measure's order (lead first)."""
    out: list[dict[str, Any]] = []
    seen_keys: set[tuple] = set()
    for i, r in enumerate(m.responsibilities, start=1):
        key = (r.ministry_id, r.role, r.source)
        if key in seen_keys:
            continue
        seen_keys.add(key)
        out.append(
            {
                "document_id": m.document_id,
                "measure_id": m.measure_id,
                "ministry_id": r.ministry_id,
                "ministry_name": r.ministry_name,
                "abbreviation": r.abbreviation,
                "role": r.role,
                "source": r.source,
                "as_written": r.as_written,
                "ordinal": i,
            }
        )
    return out


def measure_agency_rows(m: Measure, agency_id) -> list[dict[str, Any]]:
    return [
        {"document_id": m.document_id, "measure_id": m.measure_id, "agency": agency, "agency_id": agency_id(agency)}
        for agency in dict.fromkeys(a for a in m.agencies if a)
    ]


def measure_entity_rows(m: Measure) -> list[dict[str, Any]]:
    """One row per entity a measure names (``Measure.entities``: one per text as written and type)."""
    return [
        {
            "document_id": m.document_id,
            "measure_id": m.measure_id,
            "text": e.text,
            "ner_label": e.ner_label,
            "name": e.name,
            "source": e.source,
            "ministry_id": e.ministry_id,
            "agency_id": e.agency_id,
            "organisation_id": e.organisation_id,
            "mentions": e.mentions,
        }
        for e in m.entities
    ]


def consistency_row(c: ConsistencyCheck) -> dict[str, Any]:
    return {
        "press_release_id": c.press_release_id,
        "plan_id": c.plan_id,
        "check": c.check,
        "stated": c.stated,
        "extracted": c.extracted,
        "agrees": c.agrees,
        "detail": c.detail or None,
    }
