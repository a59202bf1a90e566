"""Small, tested summaries the notebooks display (no parsing in notebooks).

Every function takes an :class:`~pipeline.datasets.loaders.Outputs` and returns a DataFrame
(possibly empty, with its columns) so a notebook can show a note instead of crashing.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from pipeline.datasets.loaders import Outputs


def plan_ids(o: Outputs) -> list[str]:
    """Plans that have measures, newest publication first (undated last, then by id)."""
    if o.measures.empty:
        return []
    with_measures = set(o.measures["document_id"].tolist())
    docs = o.documents[o.documents["document_id"].isin(with_measures)].copy()
    missing = sorted(with_measures - set(docs["document_id"].tolist()))
    docs["_p"] = docs["published"].astype(object)
    docs = docs.sort_values(["_p", "document_id"], ascending=[False, True], na_position="last")
    return docs["document_id"].tolist() + missing


def _plan(o: Outputs, document_id: str | None) -> str | None:
    ids = plan_ids(o)
    if document_id is None:
        return ids[0] if ids else None
    return document_id


def _ministry_label(o: Outputs, document_ids: list[str] | None = None) -> dict[str, str]:
    """ministry_id -> abbreviation for compact labels: as written in the given documents, else the
    registry's latest abbreviation, else the id itself (use ``.get(id, id)``)."""
    labels: dict[str, str] = {}
    mins = o.ministries.sort_values(["ministry_id", "period"])
    for mid, abbr in zip(mins["ministry_id"].tolist(), mins["abbreviation"].tolist()):
        if isinstance(abbr, str):
            labels[mid] = abbr  # the last period wins
    mm = o.measure_ministries
    if document_ids is not None:
        mm = mm[mm["document_id"].isin(document_ids)]
    seen: set[str] = set()
    for mid, abbr in zip(mm["ministry_id"].tolist(), mm["abbreviation"].tolist()):
        if mid not in seen and isinstance(abbr, str):
            labels[mid] = abbr
            seen.add(mid)
    return labels


def measures_of(o: Outputs, document_id: str | None = None) -> pd.DataFrame:
    pid = _plan(o, document_id)
    return o.measures[o.measures["document_id"] == pid].reset_index(drop=True)


def counts_per_part(o: Outputs, document_id: str | None = None) -> pd.DataFrame:
    """Columns: part_number, part_title, measures, children (measures concerning minors)."""
    m = measures_of(o, document_id)
    cols = ["part_number", "part_title", "measures", "children"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    m = m.assign(
        part_number=m["part_number"].astype("Float64").fillna(-1).astype(int),
        part_title=m["part_title"].fillna("(uten del)"),
        children=m["mentions_children"].fillna(False).astype(int),
    )
    g = m.groupby(["part_number", "part_title"], sort=True).agg(measures=("measure_id", "count"), children=("children", "sum"))
    out = g.reset_index()
    out["part_number"] = out["part_number"].astype("Int64").where(out["part_number"] >= 0)
    return out[cols]


def counts_per_ministry(o: Outputs, document_id: str | None = None) -> pd.DataFrame:
    """Columns: ministry_id, label, ministry_name, lead, co, all, total (distinct measures per role)."""
    pid = _plan(o, document_id)
    mm = o.measure_ministries[o.measure_ministries["document_id"] == pid]
    cols = ["ministry_id", "label", "ministry_name", "lead", "co", "all", "total"]
    if mm.empty:
        return pd.DataFrame(columns=cols)
    roles = mm.drop_duplicates(["measure_id", "ministry_id", "role"])
    t = roles.pivot_table(index="ministry_id", columns="role", values="measure_id", aggfunc="nunique", fill_value=0)
    for r in ("lead", "co", "all"):
        if r not in t.columns:
            t[r] = 0
    t["total"] = mm.groupby("ministry_id")["measure_id"].nunique()
    names = mm.groupby("ministry_id")["ministry_name"].min()
    labels = _ministry_label(o, [pid])
    out = t[["lead", "co", "all", "total"]].reset_index()
    out.columns.name = None
    out.insert(1, "label", [labels.get(i, i) for i in out["ministry_id"]])
    out.insert(2, "ministry_name", [names[i] for i in out["ministry_id"]])
    out = out.astype({"lead": int, "co": int, "all": int, "total": int})
    return out.sort_values(["total", "lead", "ministry_id"], ascending=[False, False, True]).reset_index(drop=True)[cols]


def responsibility_matrix(o: Outputs, document_id: str | None = None) -> pd.DataFrame:
    """Ministry (rows, by label) x part number (columns): number of measures the ministry is responsible for."""
    pid = _plan(o, document_id)
    mm = o.measure_ministries[o.measure_ministries["document_id"] == pid]
    if mm.empty:
        return pd.DataFrame()
    j = _with_part(o, pid, mm.drop_duplicates(["measure_id", "ministry_id"]))
    labels = _ministry_label(o, [pid])
    j["label"] = [labels.get(i, i) for i in j["ministry_id"]]
    mat = _part_matrix(j, "label", "ministry")
    return mat.loc[mat.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def _with_part(o: Outputs, document_id: str | None, rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (with a measure_id column) and the part_number of their measure (0 = no known part)."""
    parts = o.measures[o.measures["document_id"] == document_id][["measure_id", "part_number"]]
    j = rows.merge(parts, on="measure_id", how="left")
    j["part_number"] = j["part_number"].astype("Float64").fillna(0).astype(int)
    return j


def _part_matrix(rows: pd.DataFrame, index: str, name: str) -> pd.DataFrame:
    """``index`` (rows, named ``name``) x part number (columns): distinct measures."""
    mat = rows.pivot_table(index=index, columns="part_number", values="measure_id", aggfunc="nunique", fill_value=0)
    mat.columns.name = "part_number"
    mat.index.name = name
    return mat.astype(int)


def ministry_pairs(o: Outputs, document_id: str | None = None) -> pd.DataFrame:
    """Edges of the co-responsibility network: columns a, b (labels), shared (measures both are responsible for)."""
    pid = _plan(o, document_id)
    mm = o.measure_ministries[o.measure_ministries["document_id"] == pid]
    labels = _ministry_label(o, [pid])
    counts: dict[tuple[str, str], int] = {}
    for _, grp in mm.groupby("measure_id"):
        ids = sorted({labels.get(i, i) for i in grp["ministry_id"].tolist()})
        for a, b in combinations(ids, 2):
            counts[(a, b)] = counts.get((a, b), 0) + 1
    rows = [{"a": a, "b": b, "shared": n} for (a, b), n in counts.items()]
    out = pd.DataFrame(rows, columns=["a", "b", "shared"])
    return out.sort_values(["shared", "a", "b"], ascending=[False, True, True]).reset_index(drop=True)


def search_measures(o: Outputs, sok: str, document_id: str | None = None) -> pd.DataFrame:
    """Measures whose title, text, agencies or ministries contain ``sok`` (case-insensitive; all plans if no id)."""
    m = o.measures if document_id is None else o.measures[o.measures["document_id"] == document_id]
    cols = ["measure_id", "number", "title", "part_number", "lead_ministry_id", "ministry_ids", "agencies", "mentions_children"]
    sok = (sok or "").strip().casefold()
    if not sok or m.empty:
        return m[cols].reset_index(drop=True)
    hay = (
        m["title"].fillna("") + " " + m["text"].fillna("") + " " + m["agencies"].fillna("") + " " + m["ministry_ids"].fillna("")
    ).str.casefold()
    return m[hay.str.contains(sok, regex=False)][cols].reset_index(drop=True)


def comparisons(o: Outputs) -> list[tuple[str, str]]:
    """(old_document_id, new_document_id) pairs present in ``changes``."""
    c = o.changes
    if c.empty:
        return []
    return list(dict.fromkeys(zip(c["old_document_id"].tolist(), c["new_document_id"].tolist())))


def change_summary(o: Outputs, pair: tuple[str, str] | None = None) -> pd.DataFrame:
    """Count of measures per change_type for one comparison (the first if none given)."""
    pairs = comparisons(o)
    cols = ["change_type", "measures"]
    if not pairs:
        return pd.DataFrame(columns=cols)
    old, new = pair or pairs[0]
    c = o.changes[(o.changes["old_document_id"] == old) & (o.changes["new_document_id"] == new)]
    order = ["unchanged", "reworded", "modified", "added", "removed", "split", "merged"]
    counts = c["change_type"].value_counts()
    return pd.DataFrame({"change_type": order, "measures": [int(counts.get(t, 0)) for t in order]})


def responsibility_shifts(o: Outputs, pair: tuple[str, str] | None = None) -> pd.DataFrame:
    """Per ministry (``label`` = abbreviation): for how many measures it gained (``added``) or lost
    (``removed``) responsibility between the two versions.

    Every change row counts, not only aligned pairs: the ministries of an added measure gained it, those
    of a removed measure lost it, and a split or merge counts once, comparing the ministries of its old
    measures with those of its new ones (from ``measure_ministries``).
    """
    pairs = comparisons(o)
    cols = ["ministry_id", "label", "added", "removed"]
    if not pairs:
        return pd.DataFrame(columns=cols)
    old, new = pair or pairs[0]
    c = o.changes[(o.changes["old_document_id"] == old) & (o.changes["new_document_id"] == new)]
    responsible: dict[str, set[str]] = {}
    for mid, ministry in zip(o.measure_ministries["measure_id"].tolist(), o.measure_ministries["ministry_id"].tolist()):
        responsible.setdefault(mid, set()).add(ministry)
    units: dict[object, tuple[set[str], set[str]]] = {}  # one per pair, added/removed row, or split/merge group
    for i, (group, old_id, new_id) in enumerate(zip(c["group"].tolist(), c["old_measure_id"].tolist(), c["new_measure_id"].tolist())):
        key = ("group", group) if not pd.isna(group) else ("row", i)
        before, after = units.setdefault(key, (set(), set()))
        if isinstance(old_id, str):
            before.add(old_id)
        if isinstance(new_id, str):
            after.add(new_id)
    counts: dict[str, list[int]] = {}
    for before, after in units.values():
        had = set().union(*(responsible.get(m, set()) for m in before))
        has = set().union(*(responsible.get(m, set()) for m in after))
        for mid in has - had:
            counts.setdefault(mid, [0, 0])[0] += 1
        for mid in had - has:
            counts.setdefault(mid, [0, 0])[1] += 1
    labels = _ministry_label(o, [new, old])
    out = pd.DataFrame(
        [{"ministry_id": m, "label": labels.get(m, m), "added": a, "removed": r} for m, (a, r) in counts.items()],
        columns=cols,
    )
    return out.sort_values("ministry_id").reset_index(drop=True)


# --------------------------------------------------------------------------- named entities (measure_entities)

#: What kind of organisation a ``measure_entities`` row names, from the registry's ids; "other": no id (found by
#: the recogniser, or a ministry-like name the registry does not know, e.g. a foreign ministry).
ORGANISATION_KINDS = ("ministry", "agency", "organisation", "other")


def _organisation_rows(o: Outputs, document_id: str | None) -> pd.DataFrame:
    """ORG rows of ``measure_entities`` of one plan, with ``kind`` and ``part_number`` (0 = no part)."""
    pid = _plan(o, document_id)
    me = o.measure_entities
    me = me[(me["document_id"] == pid) & (me["ner_label"] == "ORG")]
    if me.empty:
        return me.assign(kind=pd.Series(dtype=object), part_number=pd.Series(dtype=int))
    kind = pd.Series("other", index=me.index, dtype=object)
    for col, name in (("organisation_id", "organisation"), ("agency_id", "agency"), ("ministry_id", "ministry")):
        kind = kind.mask(me[col].notna(), name)
    return _with_part(o, pid, me.assign(kind=kind))


def organisations_named(o: Outputs, document_id: str | None = None) -> pd.DataFrame:
    """Organisations the measures of one plan name (``measure_entities`` with ner_label ORG, by ``name``).

    Columns: name, kind (see :data:`ORGANISATION_KINDS`), measures (distinct measures naming it), mentions.
    Most measures first.
    """
    cols = ["name", "kind", "measures", "mentions"]
    rows = _organisation_rows(o, document_id)
    if rows.empty:
        return pd.DataFrame(columns=cols)
    rank = {k: i for i, k in enumerate(ORGANISATION_KINDS)}
    rows = rows.assign(_rank=rows["kind"].map(rank))
    g = rows.groupby("name", sort=True).agg(_rank=("_rank", "min"), measures=("measure_id", "nunique"), mentions=("mentions", "sum"))
    g["kind"] = [ORGANISATION_KINDS[int(r)] for r in g["_rank"]]
    out = g.reset_index().astype({"measures": int, "mentions": int})
    return out.sort_values(["measures", "mentions", "name"], ascending=[False, False, True]).reset_index(drop=True)[cols]


def organisation_matrix(o: Outputs, document_id: str | None = None, top: int = 20) -> pd.DataFrame:
    """Organisation (rows: the ``top`` named in most measures) x part number (columns): measures naming it."""
    rows = _organisation_rows(o, document_id)
    if rows.empty:
        return pd.DataFrame()
    keep = organisations_named(o, document_id)["name"].head(top).tolist()
    return _part_matrix(rows[rows["name"].isin(keep)], "name", "organisation").loc[keep]


def entity_types_per_part(o: Outputs, document_id: str | None = None) -> pd.DataFrame:
    """NorNE type (rows) x part number (columns): measures of the part naming at least one entity of the type."""
    pid = _plan(o, document_id)
    me = o.measure_entities[o.measure_entities["document_id"] == pid]
    if me.empty:
        return pd.DataFrame()
    return _part_matrix(_with_part(o, pid, me), "ner_label", "ner_label")
