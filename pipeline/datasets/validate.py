"""Checks every table passes before it is written.

Per table: the pandera schema derived from :mod:`pipeline.datasets.schema` (columns, order,
dtypes, nulls, enums, patterns, minimums, unique primary key). Across tables: foreign keys
(null values are not checked, as in Frictionless) and the measure identifier rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import pandas as pd

from pipeline.datasets.formats import _scalar
from pipeline.datasets.schema import TABLE_NAMES, pandera_schema, table
from pipeline.errors import TiltakError


class DatasetError(TiltakError):
    """A table breaks the published schema; nothing was written."""


def _first(values: list, n: int = 5) -> str:
    shown = ", ".join(repr(v) for v in values[:n])
    return shown + (f" (+{len(values) - n} more)" if len(values) > n else "")


def _failures(name: str, df: pd.DataFrame) -> list[str]:
    """Human-readable schema failures of one table, each naming the row by its primary key."""
    import pandera.errors as pe

    try:
        pandera_schema(name).validate(df, lazy=True)
    except pe.SchemaErrors as exc:
        pk = list(table(name).primary_key)
        out = []
        for _, r in exc.failure_cases.iterrows():
            where = ""
            idx = r.get("index")
            if idx is not None and not pd.isna(idx) and idx in df.index and set(pk) <= set(df.columns):
                key = ", ".join(f"{k}={_scalar(df.at[idx, k])!r}" for k in pk)
                where = f" at {key}"
            out.append(f"{name}.{r.get('column')}: {r.get('check')} failed for {r.get('failure_case')!r}{where}")
        return out
    return []


def _raise(failures: list[str]) -> None:
    shown = "; ".join(failures[:8]) + (f" (+{len(failures) - 8} more)" if len(failures) > 8 else "")
    raise DatasetError(
        f"tables break the schema: {shown}",
        hint="fix the extraction or the schema in pipeline/datasets/schema.py",
    )


def validate_table(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Validate one table with its pandera schema; raise :class:`DatasetError` listing the failures."""
    failures = _failures(name, df)
    if failures:
        _raise(failures)
    return df


def check_foreign_keys(tables: Mapping[str, pd.DataFrame]) -> None:
    """Every non-null foreign key value must exist in the referenced table."""
    for name, df in tables.items():
        t = table(name)
        for fk in t.foreign_keys:
            if fk.table not in tables:
                continue
            ref = tables[fk.table]
            known = {tuple(_scalar(v) for v in row) for row in ref[list(fk.reference_fields)].itertuples(index=False)}
            bad = []
            for row in df[list(fk.fields)].itertuples(index=False):
                key = tuple(_scalar(v) for v in row)
                if any(v is None for v in key):
                    continue
                if key not in known:
                    bad.append(key[0] if len(key) == 1 else key)
            if bad:
                bad = sorted(set(bad), key=str)
                raise DatasetError(
                    f"{name}.{'+'.join(fk.fields)} refers to {fk.table}.{'+'.join(fk.reference_fields)} "
                    f"but {len(bad)} value(s) are not there: {_first(bad)}",
                    hint=f"add the missing rows to {fk.table} (for ministries: the reference registry) or fix the extraction",
                )


def check_measure_ids(measures: pd.DataFrame) -> None:
    """measure_id is unique and starts with '<document_id>-' (set by the structure layer)."""
    ids = measures["measure_id"].tolist()
    dup = sorted({i for i in ids if ids.count(i) > 1}) if len(ids) != len(set(ids)) else []
    if dup:
        raise DatasetError(
            f"measures: duplicate measure_id {_first(dup)}",
            hint="the structure layer must give each measure a unique '<document_id>-<number>'",
        )
    wrong = [m for d, m in zip(measures["document_id"].tolist(), ids) if not str(m).startswith(f"{d}-")]
    if wrong:
        raise DatasetError(
            f"measures: measure_id not of the form '<document_id>-<number>': {_first(wrong)}",
            hint="the structure layer must build measure_id as f'{document_id}-{number}'",
        )


def validate_tables(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Validate a complete set of tables (every name in TABLE_NAMES); return them validated."""
    missing = [n for n in TABLE_NAMES if n not in tables]
    extra = [n for n in tables if n not in TABLE_NAMES]
    if missing or extra:
        raise DatasetError(
            f"table set incomplete: missing {missing}, unknown {extra}",
            hint="build tables with pipeline.datasets.build_tables",
        )
    failures = [f for n in TABLE_NAMES for f in _failures(n, tables[n])]
    if failures:
        _raise(failures)
    out = {n: tables[n] for n in TABLE_NAMES}
    check_measure_ids(out["measures"])
    check_foreign_keys(out)
    return out


def validate_package(out_dir: str | Path) -> list[str]:
    """Run Frictionless on ``out_dir/datapackage.json``; return its errors (empty list: valid).

    Needs the ``frictionless`` package (a dev dependency); raises :class:`DatasetError` without it.
    """
    try:
        import frictionless
    except ImportError:
        raise DatasetError(
            "frictionless is not installed", path=out_dir, hint="pip install frictionless, or use validate_tables"
        ) from None
    path = Path(out_dir) / "datapackage.json"
    if not path.exists():
        raise DatasetError("no datapackage.json", path=out_dir, hint="write the outputs with write_tables first")
    report = frictionless.validate(str(path))
    if report.valid:
        return []
    out = []
    for task in report.tasks:
        for err in task.errors:
            out.append(f"{task.name}: {err.message}")
    for err in report.errors:
        out.append(err.message)
    return out
