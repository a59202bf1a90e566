"""Table <-> bytes: dtype coercion, deterministic row order, CSV and Parquet serialisation.

CSV: UTF-8, header, comma, ``\\n`` line ends, minimal quoting, null as the empty field,
booleans ``true``/``false``, dates ``YYYY-MM-DD``, numbers in Python's shortest round-trip form.
Parquet: the Arrow schema from :mod:`pipeline.datasets.schema`, fixed writer settings and no
timestamps, so identical tables give byte-identical files.
"""

from __future__ import annotations

import csv
import io
import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.datasets.schema import Column, TableSchema, arrow_schema, pandas_dtype, table

# Fixed Parquet writer settings: changing them changes the bytes of every file.
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
    "store_schema": True,
}

_CHUNK = re.compile(r"(\d+)")


def natural_key(value: Any) -> tuple:
    """Sort key ordering text number-aware ("plan-2" < "plan-10"); ``None`` first; other values as is."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return (0,)
    if isinstance(value, str):
        parts = _CHUNK.split(value)
        return (1, tuple((0, int(p), p) if p.isdigit() else (1, p) for p in parts if p != ""))
    return (1, ((0, value),))


def _scalar(v: Any) -> Any:
    """A Python scalar for a pandas cell, ``None`` for any missing value."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            return v.item()
        except (ValueError, AttributeError):
            return v
    return v


def _coerce_value(v: Any, col: Column) -> Any:
    v = _scalar(v)
    if v is None:
        return None
    t = col.type
    if t == "string":
        s = str(v)
        return s if s != "" else None
    if t == "integer":
        if isinstance(v, bool):
            return int(v)
        if isinstance(v, float):
            if not v.is_integer():
                raise ValueError(f"{col.name}: {v!r} is not an integer")
            return int(v)
        return int(v)
    if t == "number":
        return float(v)
    if t == "boolean":
        if isinstance(v, str):
            low = v.strip().lower()
            if low in ("true", "1"):
                return True
            if low in ("false", "0"):
                return False
            raise ValueError(f"{col.name}: {v!r} is not a boolean")
        return bool(v)
    if t == "date":
        if isinstance(v, datetime):
            return v.date()
        if isinstance(v, date):
            return v
        if isinstance(v, pd.Timestamp):
            return v.date()
        return date.fromisoformat(str(v)[:10])
    raise AssertionError(t)


def series_for(values: Iterable[Any], col: Column) -> pd.Series:
    """A Series of the column's pandas dtype from Python values (``None`` = missing, "" = missing for text)."""
    vals = [_coerce_value(v, col) for v in values]
    dtype = pandas_dtype(col)
    if col.type == "date":
        return pd.Series(pd.array(pa.array(vals, type=pa.date32()), dtype=dtype), name=col.name)
    return pd.Series(pd.array(vals, dtype=dtype), name=col.name)


def frame_from_rows(name: str, rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """Build table ``name`` from dict rows (missing keys = null); typed and sorted by primary key."""
    t = table(name)
    rows = list(rows)
    unknown = sorted({k for r in rows for k in r} - set(t.column_names))
    if unknown:
        raise KeyError(f"table {name}: unknown column(s) {unknown}")
    data = {c.name: series_for([r.get(c.name) for r in rows], c) for c in t.columns}
    df = pd.DataFrame(data) if rows else pd.DataFrame({c.name: series_for([], c) for c in t.columns})
    return sort_frame(t, df)


def coerce_frame(t: TableSchema, df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with exactly the schema's columns, in order, with the schema's dtypes.

    Missing columns raise KeyError; extra columns are dropped.
    """
    missing = [c for c in t.column_names if c not in df.columns]
    if missing:
        raise KeyError(f"table {t.name}: missing column(s) {missing}")
    cols = {}
    for c in t.columns:
        try:
            cols[c.name] = series_for(df[c.name].tolist(), c)
        except (ValueError, TypeError, OverflowError) as exc:
            raise ValueError(f"table {t.name}, column {c.name} ({c.type}): {exc}") from None
    out = pd.DataFrame(cols)
    out.index = pd.RangeIndex(len(out))
    return out


def sort_frame(t: TableSchema, df: pd.DataFrame) -> pd.DataFrame:
    """Rows in primary-key order (text keys number-aware), fresh RangeIndex."""
    if len(df) == 0:
        return df.reset_index(drop=True)
    keys = [[natural_key(_scalar(v)) for v in df[c].tolist()] for c in t.primary_key]
    order = sorted(range(len(df)), key=lambda i: tuple(k[i] for k in keys))
    return df.iloc[order].reset_index(drop=True)


# --------------------------------------------------------------------------- CSV


def _csv_cell(v: Any, col: Column) -> str:
    v = _scalar(v)
    if v is None:
        return ""
    if col.type == "boolean":
        return "true" if v else "false"
    if col.type == "date":
        return (v.date() if isinstance(v, datetime) else v).isoformat()
    if col.type == "number":
        return repr(float(v))
    if col.type == "integer":
        return str(int(v))
    return str(v)


def csv_bytes(t: TableSchema, df: pd.DataFrame) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(t.column_names)
    cols = [(df[c.name].tolist(), c) for c in t.columns]
    for i in range(len(df)):
        w.writerow([_csv_cell(values[i], c) for values, c in cols])
    return buf.getvalue().encode("utf-8")


def read_csv(t: TableSchema, path: str | Path) -> pd.DataFrame:
    """Read a CSV written by :func:`csv_bytes` (or edited by hand) into the schema's dtypes."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8")
    raw = raw.replace({"": None})
    return coerce_frame(t, raw)


# --------------------------------------------------------------------------- Parquet


def arrow_table(t: TableSchema, df: pd.DataFrame) -> pa.Table:
    schema = arrow_schema(t)
    arrays = []
    for c, f in zip(t.columns, schema):
        values = [_scalar(v) for v in df[c.name].tolist()]
        arrays.append(pa.array(values, type=f.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def parquet_bytes(t: TableSchema, df: pd.DataFrame) -> bytes:
    sink = io.BytesIO()
    pq.write_table(arrow_table(t, df), sink, **PARQUET_OPTIONS)
    return sink.getvalue()


def read_parquet(t: TableSchema, path: str | Path) -> pd.DataFrame:
    tbl = pq.read_table(path)
    df = tbl.to_pandas(types_mapper=lambda typ: pd.ArrowDtype(typ) if typ == pa.date32() else None)
    return coerce_frame(t, df)
