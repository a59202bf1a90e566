"""From pipeline records to one typed DataFrame per published table (:func:`build_tables`), and
an existing table set combined with new tables (:func:`merge_tables`)."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

import pandas as pd

from pipeline.datasets import rows as R
from pipeline.datasets.formats import coerce_frame, frame_from_rows, sort_frame
from pipeline.datasets.ministries import MinistryPeriod, ministry_rows, periods_from_records, registry_periods
from pipeline.datasets.schema import TABLE_NAMES, TABLES, empty_frame
from pipeline.model import ConsistencyCheck, DocumentInfo, MeasureChange, Mention, Minister, PlanExtraction, PressReleaseFacts


def build_tables(
    press_releases: Iterable[PressReleaseFacts] = (),
    plans: Iterable[PlanExtraction] = (),
    changes: Iterable[MeasureChange] = (),
    consistency: Iterable[ConsistencyCheck] = (),
    *,
    documents: Iterable[DocumentInfo] = (),
    document_ministers: Mapping[str, list[Minister]] | None = None,
    mentions: Iterable[Mention] = (),
    ministries: Iterable[MinistryPeriod] | None = None,
    agency_ids: Mapping[str, str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table (``TABLE_NAMES``) as a typed DataFrame sorted by primary key.

    ``documents``: further documents without extraction (e.g. landing pages), with the ministers they list
    in ``document_ministers`` (document_id -> ministers); ``mentions``: mentions
    found outside plans (e.g. in press releases); ``ministries``: registry periods (default: the
    reference registry, or the ministries named in the records if it is not importable);
    ``agency_ids``: canonical agency name -> registry id, for ``measure_agencies.agency_id``
    (names not in it are resolved with the reference registry when it is importable).
    The result is not yet validated across tables: :func:`write_tables` does that.
    """
    rows: dict[str, list[dict[str, Any]]] = {n: [] for n in TABLE_NAMES}
    named: list[tuple[str, str | None, str | None]] = []  # ministries seen, for the fallback registry
    for pr in press_releases:
        _add_press_release(rows, named, pr)
    agency_id = R.agency_resolver(agency_ids)
    for plan in plans:
        _add_plan(rows, named, plan, agency_id)
    for d in documents:
        _add_document(rows, named, d, None, (document_ministers or {}).get(d.document_id, []), [])
    rows["mentions"] += [R.mention_row(x) for x in mentions]
    named += [(r["ministry_id"], r["ministry_name"], None) for r in rows["mentions"]]
    named += [(d["publisher_ministry_id"], d["publisher_name"], None) for d in rows["documents"]]
    rows["changes"] = R.change_rows(changes)
    rows["consistency"] = [R.consistency_row(c) for c in consistency]
    rows["ministries"] = ministry_rows(_ministry_periods(ministries, named))
    return {n: frame_from_rows(n, R.dedupe(n, rows[n])) for n in TABLE_NAMES}


def _add_document(rows: dict[str, list], named: list, d: DocumentInfo, extracted: int | None, ministers, parts) -> None:
    """A document's own row, its ministers, parts and key points."""
    rows["documents"].append(R.document_row(d, extracted))
    rows["ministers"] += R.minister_rows(d.document_id, ministers)
    p, k = R.part_rows(d.document_id, parts)
    rows["parts"] += p
    rows["key_points"] += k
    named += [(m.ministry_id, m.ministry_name, m.abbreviation) for m in ministers]


def _add_press_release(rows: dict[str, list], named: list, pr: PressReleaseFacts) -> None:
    _add_document(rows, named, pr.document, None, pr.ministers, pr.parts)


def _add_plan(rows: dict[str, list], named: list, plan: PlanExtraction, agency_id) -> None:
    """A plan's document rows, then per measure its row, its ministries, agencies and entities; then its mentions."""
    d = plan.document
    _add_document(rows, named, d, len(plan.measures), plan.ministers, plan.parts)
    for m in plan.measures:
        R.check_measure_document(m, d.document_id)
        rows["measures"].append(R.measure_row(m))
        responsibility = R.measure_ministry_rows(m)
        rows["measure_ministries"] += responsibility
        named += [(r["ministry_id"], r["ministry_name"], r["abbreviation"]) for r in responsibility]
        rows["measure_agencies"] += R.measure_agency_rows(m, agency_id)
        rows["measure_entities"] += R.measure_entity_rows(m)
    rows["mentions"] += [R.mention_row(x) for x in plan.mentions]


def _ministry_periods(given: Iterable[MinistryPeriod] | None, named: list) -> Iterable[MinistryPeriod]:
    """The given periods, else the reference registry's, else periods made from the ministries named."""
    if given is not None:
        return given
    periods = registry_periods()
    return periods if periods is not None else periods_from_records(named)


def merge_tables(existing: Mapping[str, pd.DataFrame], new: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Combine an existing table set with new tables.

    Every row of a document present in the new ``documents`` (or in the new table itself) is
    replaced, so a re-extracted document never keeps stale rows; ``changes`` and ``consistency``
    are replaced per document pair, and their rows involving a re-extracted document are dropped
    (they must be recomputed); ``ministries`` is replaced whole when new rows are given.
    """
    new_docs = set(new["documents"]["document_id"].tolist()) if "documents" in new else set()
    out: dict[str, pd.DataFrame] = {}
    for t in TABLES:
        old_df = existing.get(t.name)
        new_df = new.get(t.name)
        if new_df is None:
            out[t.name] = old_df if old_df is not None else empty_frame(t.name)
            continue
        new_df = coerce_frame(t, new_df)
        if old_df is None or len(old_df) == 0:
            out[t.name] = sort_frame(t, new_df)
            continue
        old_df = coerce_frame(t, old_df)
        if not t.merge_scope:
            keep = old_df if len(new_df) == 0 else old_df.iloc[0:0]
        elif t.merge_scope == ("document_id",):
            replaced = new_docs | set(new_df["document_id"].tolist())
            keep = old_df[~old_df["document_id"].isin(replaced)]
        else:
            scope = list(t.merge_scope)
            replaced = set(map(tuple, new_df[scope].astype(object).itertuples(index=False)))
            # rows of a replaced pair, or involving a re-extracted document, are stale
            mask = [
                tuple(r) not in replaced and not (set(r) & new_docs)
                for r in old_df[scope].astype(object).itertuples(index=False)
            ]
            keep = old_df[mask]
        frames = [f for f in (keep, new_df) if len(f)]
        merged = pd.concat(frames, ignore_index=True) if frames else new_df
        out[t.name] = sort_frame(t, coerce_frame(t, merged))
    return out
