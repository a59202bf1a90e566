"""Datasets: schema-derived validation, deterministic CSV/Parquet, Frictionless package, merge, loaders."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests import datasets_examples as ex
from pipeline.datasets import (
    SCHEMA_VERSION,
    TABLE_NAMES,
    DatasetError,
    build_tables,
    load_outputs,
    merge_tables,
    validate_package,
    write_tables,
)
from pipeline.datasets import schema as S
from pipeline.datasets.formats import natural_key
from pipeline.datasets.transaction import COMMIT_RECORD
from pipeline.datasets.writers import render_files
from pipeline.errors import InputFileError, OutputLockedError
from pipeline.model import ConsistencyCheck

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tables():
    return build_tables(**ex.all_records())


@pytest.fixture(scope="module")
def written(tables, tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs")
    write_tables(tables, out)
    return out


# --------------------------------------------------------------------------- schema


def test_required_columns_exist_with_exact_names():
    required = {
        "documents": "document_id kind title publisher_ministry_id publisher_name government published source_url sha256 "
        "stated_measure_count stated_part_count plan_url page_count local_path extracted_measure_count",
        "ministers": "document_id name title ministry_id ministry_name abbreviation",
        "parts": "document_id part_number title page_start key_point_count",
        "key_points": "document_id part_number ordinal text",
        "measures": "document_id measure_id number title text part_number part_title page_start page_end lead_ministry_id "
        "ministry_ids agencies mentions_children target_groups cross_references timeframe responsibility_text",
        "measure_ministries": "document_id measure_id ministry_id ministry_name abbreviation role source as_written",
        "measure_agencies": "document_id measure_id agency agency_id",
        "measure_entities": "document_id measure_id text ner_label name source ministry_id agency_id organisation_id mentions",
        "mentions": "document_id page context start end text label ministry_id ministry_name agency_id ner_label source",
        "ministries": "ministry_id name name_en abbreviation valid_from valid_to successor_ids predecessor_ids",
        "changes": "old_document_id new_document_id change_type old_number new_number old_title new_title similarity "
        "renumbered part_changed old_part new_part responsibility_changed ministries_added ministries_removed "
        "old_measure_id new_measure_id group",
        "consistency": "press_release_id plan_id check stated extracted agrees detail",
    }
    assert set(required) == set(TABLE_NAMES)
    for name, cols in required.items():
        missing = set(cols.split()) - set(S.table(name).column_names)
        assert not missing, f"{name} lacks {missing}"


def test_schema_is_internally_consistent():
    for t in S.TABLES:
        names = t.column_names
        assert len(names) == len(set(names)), t.name
        assert set(t.primary_key) <= set(names), t.name
        for c in t.primary_key:
            assert not t.column(c).nullable, f"{t.name}.{c} is a key column and must be required"
        for fk in t.foreign_keys:
            assert set(fk.fields) <= set(names)
            assert set(fk.reference_fields) <= set(S.table(fk.table).column_names)
        assert set(t.merge_scope) <= set(names)
        assert all(c.description for c in t.columns)


def test_schema_snapshot_is_stable():
    """Consumers rely on these names and types: changing one needs a version bump."""
    frozen = json.loads((ROOT / "tests/data/schema_snapshot.json").read_text(encoding="utf-8"))
    current = S.snapshot()
    broken = []
    for table_name, cols in frozen["tables"].items():
        now = dict(map(tuple, current["tables"].get(table_name, [])))
        for col, typ in cols:
            if col not in now:
                broken.append(f"{table_name}.{col} removed or renamed")
            elif now[col] != typ:
                broken.append(f"{table_name}.{col} retyped {typ} -> {now[col]}")
    same_major = frozen["schema_version"].split(".")[0] == SCHEMA_VERSION.split(".")[0]
    assert not (broken and same_major), (
        "consumers break: " + "; ".join(broken) + ". Bump the major SCHEMA_VERSION in pipeline/datasets/schema.py, "
        "then regenerate with `python -m pipeline.datasets snapshot tests/data/schema_snapshot.json`"
    )
    assert frozen == current, (
        "schema changed without updating the snapshot: bump SCHEMA_VERSION (minor for added columns) and run "
        "`python -m pipeline.datasets snapshot tests/data/schema_snapshot.json`"
    )


def test_natural_key_orders_numbers_inside_text():
    vals = ["plan-10", "plan-2", "plan-1a", "plan-1", None]
    assert sorted(vals, key=natural_key) == [None, "plan-1", "plan-1a", "plan-2", "plan-10"]


# --------------------------------------------------------------------------- build


def test_build_tables_content(tables):
    m = tables["measures"]
    assert len(m) == 20 and m["measure_id"].is_unique
    assert m["measure_id"].tolist()[:3] == ["eksempelplan-2016-1", "eksempelplan-2016-2", "eksempelplan-2016-3"]
    assert m["measure_id"].tolist()[9] == "eksempelplan-2016-10"  # number-aware order
    row = m.set_index("measure_id").loc["eksempelplan-2016-5"]
    assert row["lead_ministry_id"] == "justice"
    assert row["ministry_ids"] == "justice;children-families"
    assert row["agencies"] == "Politidirektoratet;Barne-, ungdoms- og familiedirektoratet"
    assert bool(row["mentions_children"]) is True
    mm = tables["measure_ministries"]
    five = mm[mm["measure_id"] == "eksempelplan-2016-5"]
    assert five["role"].tolist() == ["lead", "co"] or sorted(five["role"]) == ["co", "lead"]
    assert set(five["as_written"]) == {"JD", "BLD"}
    ag = tables["measure_agencies"]
    assert len(ag[ag["measure_id"] == "eksempelplan-2016-5"]) == 2
    docs = tables["documents"].set_index("document_id")
    assert docs.loc["eksempelplan-2016", "extracted_measure_count"] == 10
    assert pd.isna(docs.loc[ex.PR_ID, "extracted_measure_count"])
    assert docs.loc[ex.PR_ID, "stated_measure_count"] == 26
    assert len(tables["ministers"]) == 6
    assert tables["ministers"]["ministry_id"].nunique() == 5
    kp = tables["key_points"]
    assert kp[kp["part_number"] == 1]["ordinal"].tolist() == [1, 2]
    parts = tables["parts"].set_index(["document_id", "part_number"])
    assert parts.loc[(ex.PR_ID, 1), "key_point_count"] == 2
    ch = tables["changes"]
    assert set(ch["change_type"]) == {"unchanged", "reworded", "modified", "added", "removed"}
    assert ch["change_number"].tolist() == list(range(1, len(ch) + 1))
    assert ch[ch["change_type"] == "modified"]["ministries_added"].tolist() == ["health-care"]


def test_dtypes_follow_schema(tables):
    for name, df in tables.items():
        for c in S.table(name).columns:
            assert df[c.name].dtype == S.pandas_dtype(c), f"{name}.{c.name}: {df[c.name].dtype}"


def test_empty_strings_become_null_and_required_text_is_enforced(tmp_path):
    plan = ex.plan_a()
    plan.measures[0].timeframe = ""
    t = build_tables(press_releases=[ex.press_release()], plans=[plan], ministries=ex.ministries())
    assert pd.isna(t["measures"].loc[0, "timeframe"])
    plan.measures[1].title = ""
    t = build_tables(press_releases=[ex.press_release()], plans=[plan], ministries=ex.ministries())
    with pytest.raises(DatasetError, match="measures.title: not_nullable"):
        write_tables(t, tmp_path)


def test_duplicate_measure_ids_rejected(tmp_path):
    plan = ex.plan_a()
    plan.measures[1] = replace(plan.measures[1], measure_id=plan.measures[0].measure_id, title="annen tittel")
    with pytest.raises(DatasetError, match="primary key"):
        build_tables(plans=[plan], ministries=ex.ministries())


def test_measure_id_must_carry_document_id(tmp_path):
    plan = ex.plan_a()
    plan.measures[0] = replace(plan.measures[0], measure_id="feil-1")
    t = build_tables(plans=[plan], ministries=ex.ministries())
    with pytest.raises(DatasetError, match="document_id"):
        write_tables(t, tmp_path)
    assert not (tmp_path / "measures.csv").exists()


def test_unknown_ministry_fails_foreign_key_and_writes_nothing(tmp_path):
    plan = ex.plan_a()
    r = plan.measures[0].responsibilities[0]
    plan.measures[0].responsibilities[0] = replace(r, ministry_id="no-such-ministry")
    t = build_tables(plans=[plan], ministries=ex.ministries())
    with pytest.raises(DatasetError, match="no-such-ministry"):
        write_tables(t, tmp_path)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == []


def test_enum_violation_reported(tmp_path, tables):
    bad = dict(tables)
    bad["documents"] = tables["documents"].copy()
    bad["documents"].loc[0, "kind"] = "brochure"
    with pytest.raises(DatasetError, match="kind"):
        write_tables(bad, tmp_path)


# --------------------------------------------------------------------------- files


def test_writes_all_files_and_frictionless_validates(written):
    frictionless = pytest.importorskip("frictionless")
    for n in TABLE_NAMES:
        assert (written / f"{n}.csv").exists() and (written / f"{n}.parquet").exists()
    report = frictionless.validate(str(written / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert validate_package(written) == []
    dp = json.loads((written / "datapackage.json").read_text(encoding="utf-8"))
    assert dp["version"] == SCHEMA_VERSION
    res = {r["name"]: r for r in dp["resources"]}
    assert res["measure_ministries"]["schema"]["foreignKeys"]
    assert res["measures"]["schema"]["primaryKey"] == ["measure_id"]


def test_frictionless_detects_tampering(written, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(written, copy)
    p = copy / "ministers.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("Anders Anundsen", "Anders Andersen"), encoding="utf-8")
    assert not frictionless.validate(str(copy / "datapackage.json")).valid
    errors = validate_package(copy)
    assert errors and any("ministers" in e and "hash" in e.lower() for e in errors), errors


def test_csv_conventions(written):
    text = (written / "documents.csv").read_text(encoding="utf-8")
    assert "\r" not in text
    lines = text.splitlines()
    assert lines[0].startswith("document_id,kind,title,")
    assert ",2016-06-20," in text
    assert "true" in (written / "measures.csv").read_text(encoding="utf-8")
    assert "True" not in (written / "measures.csv").read_text(encoding="utf-8")


def test_parquet_types_and_metadata(written):
    t = pq.read_table(written / "documents.parquet")
    assert str(t.schema.field("published").type) == "date32[day]"
    assert str(t.schema.field("stated_measure_count").type) == "int64"
    assert t.schema.metadata[b"tiltak.schema_version"].decode() == SCHEMA_VERSION
    assert t.schema.field("title").metadata[b"description"]
    m = pq.read_table(written / "measures.parquet")
    assert str(m.schema.field("mentions_children").type) == "bool"


def test_byte_identical_for_identical_inputs(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_tables(build_tables(**ex.all_records()), a)
    write_tables(build_tables(**ex.all_records()), b)
    names = sorted(p.name for p in a.iterdir() if not p.name.startswith("."))
    assert len(names) == 2 * len(TABLE_NAMES) + 2
    for n in names:
        assert (a / n).read_bytes() == (b / n).read_bytes(), n


def test_row_order_independent_of_input_order(tmp_path):
    rec = ex.all_records()
    rec2 = dict(rec, plans=list(reversed(rec["plans"])), changes=list(reversed(rec["changes"])))
    for p in rec2["plans"]:
        p.measures.reverse()
    f1 = render_files(build_tables(**rec))
    f2 = render_files(build_tables(**rec2))
    assert f1 == f2


def test_loader_roundtrip_parquet_and_csv(tables, written, tmp_path):
    o = load_outputs(written)
    assert o.missing == [] and o.schema_version == SCHEMA_VERSION
    for n in TABLE_NAMES:
        pd.testing.assert_frame_equal(o.table(n), tables[n], check_dtype=True)
    import shutil

    csv_only = tmp_path / "csv"
    shutil.copytree(written, csv_only)
    for p in csv_only.glob("*.parquet"):
        p.unlink()
    o2 = load_outputs(csv_only)
    for n in TABLE_NAMES:
        pd.testing.assert_frame_equal(o2.table(n), tables[n], check_dtype=True)
    assert o2.documents["published"].dropna().iloc[0] == date(2016, 6, 20)


def test_loader_missing_dir_and_missing_tables(tmp_path):
    with pytest.raises(InputFileError, match="TILTAK_OUTPUTS"):
        load_outputs(tmp_path / "nope")
    o = load_outputs(tmp_path)
    assert o.missing == list(TABLE_NAMES)
    assert o.measures.empty and list(o.measures.columns) == S.table("measures").column_names


def test_loader_rejects_file_with_missing_column(written, tmp_path):
    import shutil

    d = tmp_path / "o"
    shutil.copytree(written, d)
    (d / "parts.parquet").unlink()
    (d / "parts.csv").write_text("document_id,part_number\nx,1\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="parts.csv.*missing column"):
        load_outputs(d)


# --------------------------------------------------------------------------- merge and atomicity


def test_merge_replaces_documents_and_keeps_others(tmp_path):
    out = tmp_path / "o"
    write_tables(build_tables(**ex.all_records()), out)
    plan = ex.plan_a()
    plan.measures = plan.measures[:4]  # re-extracted: fewer measures
    new = build_tables(plans=[plan], ministries=ex.ministries())
    write_tables({k: v for k, v in new.items() if k not in ("ministries",)}, out, merge=True)
    o = load_outputs(out)
    a = o.measures[o.measures["document_id"] == ex.PLAN_A]
    assert len(a) == 4  # stale measures of the re-extracted plan are gone
    assert (o.measures["document_id"] == ex.PLAN_B).sum() == 10  # other plan kept
    assert len(o.ministers) == 6 and len(o.ministries) == len(ex.ministries())
    assert o.changes.empty  # comparisons involving the re-extracted plan are stale and dropped
    assert set(o.consistency["plan_id"]) == set()  # likewise its consistency checks
    docs = o.documents.set_index("document_id")
    assert docs.loc[ex.PLAN_A, "extracted_measure_count"] == 4


def test_merge_tables_function_scopes_changes_by_pair(tables):
    newch = tables["changes"].iloc[:2].copy()
    merged = merge_tables(tables, {"changes": newch})
    assert len(merged["changes"]) == 2  # the pair's rows were replaced
    other = newch.assign(old_document_id=ex.PLAN_B, new_document_id=ex.PLAN_A)
    merged = merge_tables(tables, {"changes": other})
    assert len(merged["changes"]) == len(tables["changes"]) + 2


def test_interrupted_write_is_completed_on_next_read(tmp_path, tables):
    out = tmp_path / "o"
    write_tables(tables, out)
    before = (out / "measures.csv").read_bytes()
    plan = ex.plan_a()
    plan.measures = plan.measures[:3]
    small = build_tables(plans=[plan], ministries=ex.ministries())
    files = render_files(
        __import__("pipeline.datasets.validate", fromlist=["x"]).validate_tables(
            {n: small[n] for n in TABLE_NAMES}
        )
    )
    staging = out / ".staging-test"
    staging.mkdir()
    for name, data in files.items():
        (staging / name).write_bytes(data)
    # simulate a crash after the commit record and after moving only one file
    (out / COMMIT_RECORD).write_text(json.dumps({"staging": staging.name, "files": sorted(files)}), encoding="utf-8")
    os.replace(staging / "documents.csv", out / "documents.csv")
    assert (out / "measures.csv").read_bytes() == before
    o = load_outputs(out)
    assert len(o.measures) == 3 and len(o.documents) == 1
    assert not (out / COMMIT_RECORD).exists() and not staging.exists()


def test_uncommitted_staging_is_discarded(tmp_path, tables):
    out = tmp_path / "o"
    write_tables(tables, out)
    junk = out / ".staging-crashed"
    junk.mkdir()
    (junk / "measures.csv").write_text("garbage", encoding="utf-8")
    write_tables(tables, out)
    assert not junk.exists()
    assert len(load_outputs(out).measures) == 20


def test_concurrent_writer_is_refused(tmp_path, tables):
    import fcntl

    out = tmp_path / "o"
    out.mkdir()
    with open(out / ".tiltak-datasets.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(OutputLockedError):
            write_tables(tables, out)


# --------------------------------------------------------------------------- docs and queries


def test_outputs_readme_matches_schema(written):
    from pipeline.datasets.docs import render_readme

    committed = (ROOT / "outputs/README.md").read_text(encoding="utf-8")
    assert committed == render_readme(), "outputs/README.md is stale: run `python -m pipeline.datasets readme outputs/README.md`"
    assert (written / "README.md").read_text(encoding="utf-8") == committed
    for t in S.TABLES:
        assert f"### `{t.name}`" in committed
        for c in t.columns:
            assert f"| `{c.name}` | {c.type} |" in committed


def test_queries_pandas(written):
    from pipeline.datasets.queries import changed_measures, children_measures, measures_per_ministry

    o = load_outputs(written)
    per = measures_per_ministry(o)
    a = per[per["document_id"] == ex.PLAN_A].set_index("ministry_id")
    assert a.loc["justice", "measures"] == 8 and a.loc["justice", "lead"] == 5
    assert a.loc["foreign-affairs", "measures"] == 2 and a.loc["foreign-affairs", "lead"] == 1
    kids = children_measures(o)
    assert sorted(kids[kids["document_id"] == ex.PLAN_A]["number"]) == ["5", "6", "8"]
    ch = changed_measures(o)
    assert sorted(ch["change_type"]) == ["added", "modified", "removed", "reworded"]


def test_queries_duckdb_match_pandas(written, tmp_path, monkeypatch):
    """The SQL exactly as printed in outputs/README.md, run from a directory holding outputs/."""
    duckdb = pytest.importorskip("duckdb")
    from pipeline.datasets.queries import QUERIES, run_duckdb

    (tmp_path / "outputs").symlink_to(written, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    readme = (ROOT / "outputs/README.md").read_text(encoding="utf-8")
    o = load_outputs(written)
    for q in QUERIES:
        assert q.sql in readme
        got = duckdb.connect().execute(q.sql).df()
        pd.testing.assert_frame_equal(got, run_duckdb(q, str(written)))
        want = q.pandas(o)
        assert list(got.columns) == list(want.columns), q.name
        assert len(got) == len(want) > 0, q.name
        for col in got.columns:
            g = [None if pd.isna(v) else v for v in got[col].tolist()]
            w = [None if pd.isna(v) else v for v in want[col].tolist()]
            assert g == w, (q.name, col)


# --------------------------------------------------------------------------- reference registry


def test_ministries_and_agency_ids_from_reference_registry(tmp_path):
    reference = pytest.importorskip("pipeline.reference")
    reg = reference.default_registry()
    rec = ex.all_records()
    rec.pop("ministries")
    t = build_tables(**rec)
    mins = t["ministries"]
    assert len(mins) == len(reg.name_periods())
    assert set(mins["ministry_id"]) == set(reg.ministry_ids())
    lab = mins[mins["ministry_id"] == "labour-social"]
    assert lab["period"].tolist() == list(range(1, len(lab) + 1))
    assert lab["valid_from"].is_monotonic_increasing
    lin = {r["ministry_id"]: r for r in reg.lineages()}
    assert lab["predecessor_ids"].iloc[0] == lin["labour-social"]["predecessor_ids"]
    ag = t["measure_agencies"].set_index(["measure_id", "agency"])["agency_id"]
    assert ag[("eksempelplan-2016-1", "Politidirektoratet")] == reg.resolve_agency("Politidirektoratet").agency_id
    write_tables(t, tmp_path)  # every ministry_id in the records exists in the registry


def test_wrong_columns_or_values_are_dataset_errors(tmp_path, tables):
    bad = dict(tables, documents=tables["documents"].drop(columns=["title"]))
    with pytest.raises(DatasetError, match="documents.*title"):
        write_tables(bad, tmp_path)
    bad = dict(tables, parts=tables["parts"].astype({"page_start": object}))
    bad["parts"].loc[0, "page_start"] = "two"
    with pytest.raises(DatasetError, match="parts, column page_start"):
        write_tables(bad, tmp_path)
    with pytest.raises(DatasetError, match="unknown table"):
        write_tables({"tiltak": tables["measures"]}, tmp_path)


def test_byte_identical_across_processes(tmp_path):
    """Hash randomisation must not change any byte (set iteration order never leaks into output)."""
    import hashlib
    import subprocess
    import sys

    code = (
        "import sys, hashlib; from tests import datasets_examples as ex;"
        "from pipeline.datasets import build_tables;"
        "from pipeline.datasets.writers import render_files;"
        "f = render_files(build_tables(**ex.all_records()));"
        "print(hashlib.sha256(b''.join(k.encode() + v for k, v in sorted(f.items()))).hexdigest())"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    got = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    f = render_files(build_tables(**ex.all_records()))
    assert got == hashlib.sha256(b"".join(k.encode() + v for k, v in sorted(f.items()))).hexdigest()


def test_conflicting_mentions_and_repeated_checks_do_not_fail_the_run(tmp_path):
    plan = ex.plan_a()
    m0 = plan.mentions[0]
    plan.mentions.append(replace(m0, ministry_id="children-families", ministry_name=ex.MIN["children-families"][0]))
    checks = ex.consistency() + [ConsistencyCheck(ex.PR_ID, ex.PLAN_A, "part_count", "4", "5", False, "again")]
    checks.append(checks[-1])  # an exact repeat is just dropped
    t = build_tables(press_releases=[ex.press_release()], plans=[plan], consistency=checks, ministries=ex.ministries())
    men = t["mentions"]
    same = men[(men["context"] == m0.context) & (men["start"] == m0.start)]
    assert same["ministry_id"].tolist() == [m0.ministry_id]  # first resolution kept
    assert sorted(t["consistency"]["check"]) == ["measure_count", "ministry:justice", "part_count", "part_count#2"]
    write_tables(t, tmp_path)


def test_reader_waits_for_writer(tmp_path, tables):
    """load_outputs blocks while a writer holds the directory, then sees the finished set."""
    import fcntl
    import threading
    import time

    out = tmp_path / "o"
    write_tables(tables, out)
    fh = open(out / ".tiltak-datasets.lock", "a")
    fcntl.flock(fh, fcntl.LOCK_EX)
    got = {}
    t = threading.Thread(target=lambda: got.setdefault("o", load_outputs(out)))
    t.start()
    time.sleep(0.3)
    assert "o" not in got  # still waiting
    fh.close()  # writer done
    t.join(10)
    assert len(got["o"].measures) == 20
