"""From pipeline records to validated tables, and from tables to files.

:func:`build_tables` turns ``pipeline.model`` records into one DataFrame per table (schema dtypes,
rows in primary-key order). :func:`write_tables` validates a complete set and writes, for every
table, ``<table>.csv`` and ``<table>.parquet`` plus ``datapackage.json`` and ``README.md``:
all files are first written to a staging directory inside ``out_dir``, then a commit record is
written and the files are moved into place; an interrupted move is completed by the next
:func:`write_tables` or :func:`pipeline.datasets.load_outputs`, so readers never see a mix of two runs.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

import pandas as pd

from pipeline.datasets.formats import coerce_frame, csv_bytes, frame_from_rows, natural_key, parquet_bytes, sort_frame
from pipeline.datasets.ministries import MinistryPeriod, ministry_rows, periods_from_records, registry_periods
from pipeline.datasets.schema import LIST_SEPARATOR, TABLE_NAMES, TABLES, datapackage, empty_frame, table
from pipeline.datasets.validate import DatasetError, validate_tables
from pipeline.errors import OutputLockedError
from pipeline.fileio import atomic_write_text, sha256_bytes
from pipeline.model import (
    ConsistencyCheck,
    DocumentInfo,
    MeasureChange,
    Mention,
    Minister,
    Part,
    PlanExtraction,
    PressReleaseFacts,
)

COMMIT_RECORD = ".tiltak-datasets-commit.json"
LOCK_FILE = ".tiltak-datasets.lock"
STAGING_PREFIX = ".staging-"


# --------------------------------------------------------------------------- records -> rows


def _join(items: Iterable[str] | None) -> str | None:
    """Join list items with ';' (a ';' inside an item becomes ',' so the list stays splittable)."""
    vals = [str(i).replace(LIST_SEPARATOR, ",").strip() for i in (items or [])]
    vals = [v for v in vals if v]
    return LIST_SEPARATOR.join(vals) if vals else None


def _document_row(d: DocumentInfo, extracted: int | None) -> dict[str, Any]:
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
    }


def _minister_rows(document_id: str, ministers: list[Minister]) -> list[dict[str, Any]]:
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


def _part_rows(document_id: str, parts: list[Part]) -> tuple[list[dict], list[dict]]:
    prow, krow = [], []
    for p in parts:
        prow.append(
            {
                "document_id": document_id,
                "part_number": p.number,
                "title": p.title,
                "page_start": p.page_start,
                "key_point_count": len(p.key_points),
            }
        )
        for i, text in enumerate(p.key_points, start=1):
            krow.append({"document_id": document_id, "part_number": p.number, "ordinal": i, "text": text})
    return prow, krow


def _mention_row(m: Mention) -> dict[str, Any]:
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
    }


# How build_tables treats two different rows with one primary key. Default: an error (the record is
# wrong and must be fixed). Mentions: the same span and label resolved twice keeps the first resolution.
# Consistency: a check name repeated by the compare layer is kept as "<check>#2", "#3" ... so no
# check is lost and none overwrites another.
_ON_CONFLICT: dict[str, str] = {"mentions": "first", "consistency": "suffix:check"}


def _dedupe(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
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


def _change_rows(changes: Iterable[MeasureChange]) -> list[dict[str, Any]]:
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
                    "ministries_added": _join(c.ministries_added),
                    "ministries_removed": _join(c.ministries_removed),
                    "group": c.group,
                }
            )
    return rows


def _agency_resolver(agency_ids: Mapping[str, str] | None):
    """name -> agency_id: the given mapping first, then ``default_registry().resolve_agency``."""
    given = dict(agency_ids or {})
    try:
        from pipeline.reference import default_registry  # type: ignore[attr-defined]

        registry = default_registry()
        resolve = getattr(registry, "resolve_agency", None)
    except ImportError:
        resolve = None

    def agency_id(name: str) -> str | None:
        if name in given:
            return given[name]
        if resolve is not None:
            found = resolve(name)
            return getattr(found, "agency_id", None) if found is not None else None
        return None

    return agency_id


def build_tables(
    press_releases: Iterable[PressReleaseFacts] = (),
    plans: Iterable[PlanExtraction] = (),
    changes: Iterable[MeasureChange] = (),
    consistency: Iterable[ConsistencyCheck] = (),
    *,
    documents: Iterable[DocumentInfo] = (),
    mentions: Iterable[Mention] = (),
    ministries: Iterable[MinistryPeriod] | None = None,
    agency_ids: Mapping[str, str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table (``TABLE_NAMES``) as a typed DataFrame sorted by primary key.

    ``documents``: further documents without extraction (e.g. landing pages); ``mentions``: mentions
    found outside plans (e.g. in press releases); ``ministries``: registry periods (default: the
    reference registry, or the ministries named in the records if it is not importable);
    ``agency_ids``: canonical agency name -> registry id, for ``measure_agencies.agency_id``
    (names not in it are resolved with the reference registry when it is importable).
    The result is not yet validated across tables: :func:`write_tables` does that.
    """
    press_releases, plans = list(press_releases), list(plans)
    agency_id = _agency_resolver(agency_ids)
    rows: dict[str, list[dict[str, Any]]] = {n: [] for n in TABLE_NAMES}
    named: list[tuple[str, str | None, str | None]] = []  # ministries seen, for the fallback registry

    for pr in press_releases:
        d = pr.document
        rows["documents"].append(_document_row(d, None))
        rows["ministers"] += _minister_rows(d.document_id, pr.ministers)
        p, k = _part_rows(d.document_id, pr.parts)
        rows["parts"] += p
        rows["key_points"] += k
        named += [(m.ministry_id, m.ministry_name, m.abbreviation) for m in pr.ministers]

    for plan in plans:
        d = plan.document
        rows["documents"].append(_document_row(d, len(plan.measures)))
        rows["ministers"] += _minister_rows(d.document_id, plan.ministers)
        p, k = _part_rows(d.document_id, plan.parts)
        rows["parts"] += p
        rows["key_points"] += k
        named += [(m.ministry_id, m.ministry_name, m.abbreviation) for m in plan.ministers]
        for m in plan.measures:
            if m.document_id != d.document_id:
                raise DatasetError(
                    f"measure {m.measure_id} has document_id {m.document_id!r} inside plan {d.document_id!r}",
                    hint="the structure layer must set Measure.document_id to its plan's document_id",
                )
            rows["measures"].append(
                {
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
                    "ministry_ids": _join(m.ministry_ids),
                    "agencies": _join(m.agencies),
                    "mentions_children": m.mentions_children,
                    "target_groups": _join(m.target_groups),
                    "cross_references": _join(m.cross_references),
                    "timeframe": m.timeframe,
                    "responsibility_text": m.responsibility_text,
                    "sources": _join(m.sources),
                }
            )
            seen_keys: set[tuple] = set()
            for i, r in enumerate(m.responsibilities, start=1):
                key = (r.ministry_id, r.role, r.source)
                if key in seen_keys:
                    continue
                seen_keys.add(key)
                rows["measure_ministries"].append(
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
                named.append((r.ministry_id, r.ministry_name, r.abbreviation))
            for agency in dict.fromkeys(a for a in m.agencies if a):
                rows["measure_agencies"].append(
                    {
                        "document_id": m.document_id,
                        "measure_id": m.measure_id,
                        "agency": agency,
                        "agency_id": agency_id(agency),
                    }
                )
        rows["mentions"] += [_mention_row(x) for x in plan.mentions]

    rows["documents"] += [_document_row(d, None) for d in documents]
    rows["mentions"] += [_mention_row(x) for x in mentions]
    named += [(r["ministry_id"], r["ministry_name"], None) for r in rows["mentions"]]
    named += [(d["publisher_ministry_id"], d["publisher_name"], None) for d in rows["documents"]]
    rows["changes"] = _change_rows(changes)
    rows["consistency"] = [
        {
            "press_release_id": c.press_release_id,
            "plan_id": c.plan_id,
            "check": c.check,
            "stated": c.stated,
            "extracted": c.extracted,
            "agrees": c.agrees,
            "detail": c.detail or None,
        }
        for c in consistency
    ]

    if ministries is None:
        ministries = registry_periods()
        if ministries is None:
            ministries = periods_from_records(named)
    rows["ministries"] = ministry_rows(ministries)

    return {n: frame_from_rows(n, _dedupe(n, rows[n])) for n in TABLE_NAMES}


# --------------------------------------------------------------------------- merge


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


# --------------------------------------------------------------------------- files


@dataclass
class WriteResult:
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)


@contextmanager
def _locked(out_dir: Path, *, shared: bool = False) -> Iterator[None]:
    """Exclusive lock for a writer (refused at once if held), or a shared lock for a reader (waits for
    a writer to finish; skipped if the directory is read-only)."""
    import fcntl

    if shared:
        try:
            fh = open(out_dir / LOCK_FILE, "a")
        except OSError:  # read-only outputs: nobody can be writing them
            yield
            return
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        fh = open(out_dir / LOCK_FILE, "a")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_SH if shared else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputLockedError(
                "another tiltak run is writing the datasets", path=out_dir, hint="wait for it to finish, then run again"
            ) from None
        yield
    finally:
        fh.close()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def recover(out_dir: str | Path) -> bool:
    """Complete a write that was interrupted after its commit record; drop uncommitted staging dirs.

    Call it holding the directory's lock (``write_tables`` and ``read_tables`` do). Returns True if an
    interrupted write was completed.
    """
    out_dir = Path(out_dir)
    done = False
    record = out_dir / COMMIT_RECORD
    if record.exists():
        try:
            info = json.loads(record.read_text(encoding="utf-8"))
        except FileNotFoundError:  # completed meanwhile by another reader
            info = None
        if info is not None:
            staging = out_dir / info["staging"]
            for name in info["files"]:
                (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.replace(staging / name, out_dir / name)
                except FileNotFoundError:  # already moved
                    pass
            _fsync_dir(out_dir)
            record.unlink(missing_ok=True)
            done = True
    for d in out_dir.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(d, ignore_errors=True)
    return done


def render_files(tables: Mapping[str, pd.DataFrame]) -> dict[str, bytes]:
    """File name -> bytes for a validated table set (CSV, Parquet, datapackage.json, README.md)."""
    from pipeline.datasets.docs import render_readme

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
    from pipeline.datasets.loaders import read_present

    out_dir = Path(out_dir)
    unknown = [n for n in tables if n not in TABLE_NAMES]
    if unknown:
        raise DatasetError(f"unknown table(s) {unknown}", path=out_dir, hint=f"known tables: {', '.join(TABLE_NAMES)}")
    with _locked(out_dir):
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
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
        for name, data in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            with open(staging / name, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        _fsync_dir(staging)
        atomic_write_text(out_dir / COMMIT_RECORD, json.dumps({"staging": staging.name, "files": sorted(files)}))
        recover(out_dir)
    return WriteResult(
        out_dir=out_dir,
        files=[out_dir / n for n in sorted(files)],
        row_counts={n: len(full[n]) for n in TABLE_NAMES},
    )
