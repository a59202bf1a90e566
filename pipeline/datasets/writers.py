"""Validated table sets to files: for every table ``<table>.csv`` and ``<table>.parquet``, plus
``datapackage.json`` and ``README.md``, committed as one transaction (``pipeline.datasets.transaction``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

import pandas as pd

from pipeline.datasets.docs import render_readme
from pipeline.datasets.formats import coerce_frame, csv_bytes, parquet_bytes, sort_frame
from pipeline.datasets.loaders import read_present
from pipeline.datasets.schema import TABLE_NAMES, TABLES, datapackage, empty_frame
from pipeline.datasets.tables import merge_tables
from pipeline.datasets.transaction import commit, locked, recover
from pipeline.datasets.validate import DatasetError, validate_tables
from pipeline.storage.files import sha256_bytes


@dataclass
class WriteResult:
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)


def render_files(tables: Mapping[str, pd.DataFrame]) -> dict[str, bytes]:
    """File name -> bytes for a validated table set (CSV, Parquet, datapackage.json, README.md)."""
    files: dict[str, bytes] = {}
    hashes: dict[str, tuple[str, int]] = {}
    for t in TABLES:
        df = tables[t.name]
        data = csv_bytes(t, df)
        files[f"{t.name}.csv"] = data
        hashes[t.name] = (sha256_bytes(data), len(data))
        files[f"{t.name}.parquet"] = parquet_bytes(t, df)
    files["datapackage.json"] = (json.dumps(datapackage(hashes), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    files["README.md"] = render_readme().encode("utf-8")
    return files


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | Path,
    *,
    merge: bool = False,
    extra_files: Callable[[Mapping[str, bytes]], Mapping[str, bytes]] | None = None,
) -> WriteResult:
    """Validate and write a table set to ``out_dir`` (see the module docstring).

    ``tables`` may omit tables (they are written empty, or kept from ``out_dir`` with ``merge``).
    ``merge=True`` combines with the tables already in ``out_dir`` (:func:`merge_tables`).
    ``extra_files`` receives the rendered table files (name -> bytes) and returns further files
    (relative paths -> bytes, e.g. a run summary and reports) committed in the same transaction,
    so a reader never sees tables and reports from two different runs.
    Raises :class:`DatasetError` (nothing written) if a table breaks the schema.
    """
    out_dir = Path(out_dir)
    unknown = [n for n in tables if n not in TABLE_NAMES]
    if unknown:
        raise DatasetError(f"unknown table(s) {unknown}", path=out_dir, hint=f"known tables: {', '.join(TABLE_NAMES)}")
    with locked(out_dir):
        recover(out_dir)
        try:
            if merge:
                full = merge_tables(read_present(out_dir), tables)
            else:
                full = {
                    t.name: sort_frame(t, coerce_frame(t, tables[t.name])) if t.name in tables else empty_frame(t.name)
                    for t in TABLES
                }
        except (KeyError, ValueError, TypeError) as exc:
            msg = exc.args[0] if exc.args else str(exc)
            raise DatasetError(str(msg), path=out_dir, hint="build the tables with pipeline.datasets.build_tables") from None
        full = validate_tables(full)
        files = render_files(full)
        if extra_files is not None:
            extra = dict(extra_files(files))
            clash = sorted(set(extra) & set(files))
            if clash:
                raise DatasetError(f"extra files would replace table files {clash}", path=out_dir)
            files.update(extra)
        commit(out_dir, files)
    return WriteResult(
        out_dir=out_dir,
        files=[out_dir / n for n in sorted(files)],
        row_counts={n: len(full[n]) for n in TABLE_NAMES},
    )
