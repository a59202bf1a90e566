"""Three DuckDB queries over the Parquet outputs, each with its pandas twin.

The SQL is printed in ``outputs/README.md``; paths are relative to the repository root
(``outputs/<table>.parquet``). Tests run each query with DuckDB (when installed) against
freshly written outputs and check it returns the same rows as the pandas function.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from pipeline.datasets.loaders import Outputs


@dataclass(frozen=True)
class Query:
    name: str
    title: str
    sql: str
    pandas: Callable[[Outputs], pd.DataFrame]


def measures_per_ministry(o: Outputs) -> pd.DataFrame:
    mm = o.measure_ministries
    g = mm.groupby(["document_id", "ministry_id"], sort=False)
    out = pd.DataFrame(
        {
            "ministry_name": g["ministry_name"].min(),
            "measures": g["measure_id"].nunique(),
            "lead": mm[mm["role"] == "lead"].groupby(["document_id", "ministry_id"])["measure_id"].nunique(),
        }
    ).reset_index()
    out["lead"] = out["lead"].fillna(0)
    out = out.astype({"measures": "int64", "lead": "int64"})
    return out.sort_values(["document_id", "measures", "ministry_id"], ascending=[True, False, True]).reset_index(drop=True)


def children_measures(o: Outputs) -> pd.DataFrame:
    m = o.measures
    m = m[m["mentions_children"].fillna(False).astype(bool)]
    cols = ["document_id", "measure_id", "number", "title", "lead_ministry_id", "part_title"]
    return m.sort_values(["document_id", "measure_id"])[cols].reset_index(drop=True)


def changed_measures(o: Outputs) -> pd.DataFrame:
    c = o.changes
    c = c[c["change_type"] != "unchanged"].copy()
    c["title"] = c["new_title"].fillna(c["old_title"])
    cols = [
        "old_document_id",
        "new_document_id",
        "change_type",
        "old_number",
        "new_number",
        "title",
        "similarity",
        "ministries_added",
        "ministries_removed",
    ]
    return c.sort_values(["old_document_id", "new_document_id", "change_number"])[cols].reset_index(drop=True)


QUERIES: tuple[Query, ...] = (
    Query(
        "measures_per_ministry",
        "Measures per ministry (and how many it leads), per plan",
        """SELECT document_id, ministry_id,
       min(ministry_name)                                     AS ministry_name,
       count(DISTINCT measure_id)                             AS measures,
       count(DISTINCT measure_id) FILTER (WHERE role = 'lead') AS lead
FROM 'outputs/measure_ministries.parquet'
GROUP BY document_id, ministry_id
ORDER BY document_id, measures DESC, ministry_id;""",
        measures_per_ministry,
    ),
    Query(
        "children_measures",
        "Measures concerning children and minors",
        """SELECT document_id, measure_id, number, title, lead_ministry_id, part_title
FROM 'outputs/measures.parquet'
WHERE mentions_children
ORDER BY document_id, measure_id;""",
        children_measures,
    ),
    Query(
        "changed_measures",
        "What changed between two versions of a plan",
        """SELECT old_document_id, new_document_id, change_type, old_number, new_number,
       coalesce(new_title, old_title) AS title, similarity,
       ministries_added, ministries_removed
FROM 'outputs/changes.parquet'
WHERE change_type <> 'unchanged'
ORDER BY old_document_id, new_document_id, change_number;""",
        changed_measures,
    ),
)


def run_duckdb(query: Query, out_dir: str) -> pd.DataFrame:
    """Run ``query`` with DuckDB against the Parquet files in ``out_dir`` (needs the ``duckdb`` package)."""
    import duckdb

    sql = query.sql.replace("'outputs/", f"'{str(out_dir).rstrip('/')}/")
    con = duckdb.connect()
    try:
        return con.execute(sql).df()
    finally:
        con.close()
