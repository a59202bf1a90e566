"""Read published tables back with the schema's dtypes (Parquet if present, else CSV)."""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.datasets.formats import read_csv, read_parquet
from pipeline.datasets.schema import LIST_SEPARATOR, SCHEMA_VERSION, TABLE_NAMES, TABLES, empty_frame, table
from pipeline.datasets.transaction import COMMIT_RECORD, locked, recover
from pipeline.errors import InputFileError


def _read_one(out_dir: Path, name: str) -> pd.DataFrame | None:
    t = table(name)
    pq_path, csv_path = out_dir / f"{name}.parquet", out_dir / f"{name}.csv"
    try:
        if pq_path.exists():
            return read_parquet(t, pq_path)
        if csv_path.exists():
            return read_csv(t, csv_path)
    except KeyError as exc:
        raise InputFileError(
            f"does not match schema {SCHEMA_VERSION}: {exc.args[0]}",
            path=pq_path if pq_path.exists() else csv_path,
            hint="re-run `make run` to rewrite the outputs with this version",
        ) from None
    except (OSError, ValueError) as exc:
        raise InputFileError(
            f"cannot be read: {exc}", path=pq_path if pq_path.exists() else csv_path, hint="re-run `make run`"
        ) from None
    return None


def read_present(out_dir: Path) -> dict[str, pd.DataFrame]:
    """The tables that have a file in ``out_dir`` (no locking, no recovery: the caller holds the lock)."""
    out = {}
    for name in TABLE_NAMES:
        df = _read_one(out_dir, name)
        if df is not None:
            out[name] = df
    return out


def read_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The tables present in ``out_dir`` (absent ones are left out).

    Waits for a writer of the directory to finish (shared lock) and completes a write that was
    interrupted after its commit record, so the tables always come from one run.
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return {}
    with locked(out_dir, shared=True):
        if (out_dir / COMMIT_RECORD).exists():
            recover(out_dir)
        return read_present(out_dir)


@dataclass
class Outputs:
    """The published tables of one output directory, one DataFrame attribute per table."""

    out_dir: Path
    documents: pd.DataFrame
    ministers: pd.DataFrame
    parts: pd.DataFrame
    key_points: pd.DataFrame
    measures: pd.DataFrame
    measure_ministries: pd.DataFrame
    measure_agencies: pd.DataFrame
    measure_entities: pd.DataFrame
    mentions: pd.DataFrame
    ministries: pd.DataFrame
    changes: pd.DataFrame
    consistency: pd.DataFrame
    schema_version: str | None = None  # as recorded in datapackage.json
    missing: list[str] = field(default_factory=list)  # tables with no file (loaded as empty)

    def table(self, name: str) -> pd.DataFrame:
        table(name)  # KeyError for an unknown name
        return getattr(self, name)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {n: getattr(self, n) for n in TABLE_NAMES}

    def is_empty(self, name: str) -> bool:
        return len(self.table(name)) == 0

    def summary(self) -> pd.DataFrame:
        """Row count per table (a quick look at what a run produced)."""
        return pd.DataFrame(
            {"table": list(TABLE_NAMES), "rows": [len(getattr(self, n)) for n in TABLE_NAMES]}
        ).set_index("table")

    @staticmethod
    def split_list(value: Any) -> list[str]:
        """Items of a ';'-joined convenience column (empty list for null)."""
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            return []
        return [v for v in str(value).split(LIST_SEPARATOR) if v]


def load_outputs(out_dir: str | Path) -> Outputs:
    """Load every table of ``out_dir`` with proper dtypes (Parquet preferred, CSV otherwise).

    A table without a file is an empty DataFrame with the right columns (named in ``missing``).
    Raises :class:`InputFileError` if ``out_dir`` does not exist or a file does not match the schema.
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise InputFileError(
            "output directory not found", path=out_dir, hint="run `make run` first or set TILTAK_OUTPUTS to the outputs directory"
        )
    present = read_tables(out_dir)
    version = None
    dp = out_dir / "datapackage.json"
    if dp.exists():
        try:
            version = json.loads(dp.read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError):
            version = None
        if version is not None and version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            warnings.warn(
                f"{dp}: written with schema {version}, this code reads schema {SCHEMA_VERSION} (re-run `make run`)",
                stacklevel=2,
            )
    missing = [n for n in TABLE_NAMES if n not in present]
    frames = {n: present.get(n, empty_frame(n)) for n in TABLE_NAMES}
    return Outputs(out_dir=out_dir, schema_version=version, missing=missing, **frames)


__all__ = ["Outputs", "load_outputs", "read_present", "read_tables", "TABLES"]
