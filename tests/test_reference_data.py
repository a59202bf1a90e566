"""Integrity of the shipped reference data, and loader errors on malformed files."""

from __future__ import annotations

import csv
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from pipeline.errors import TiltakError, UnknownMinistryError
from pipeline.reference import Registry, default_registry
from pipeline.reference.loader import FILES, package_data_dir

DATA = package_data_dir()


@pytest.fixture(scope="module")
def reg() -> Registry:
    return default_registry()


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_check_integrity_is_clean(reg):
    assert reg.check_integrity() == []


@pytest.mark.parametrize("name", sorted(FILES))
def test_csv_headers_exact(name):
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == FILES[name]


def test_ministry_ids_are_ascii_slugs():
    for row in _rows("ministries.csv"):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["ministry_id"]), row


def test_every_linked_id_exists(reg):
    ids = set(reg.ministry_ids())
    for lin in reg.lineages():
        for col in ("successor_ids", "predecessor_ids"):
            for mid in (lin[col] or "").split(";"):
                if mid:
                    assert mid in ids, (lin["ministry_id"], col, mid)


def test_no_overlapping_name_periods_and_full_coverage(reg):
    by_id: dict[str, list[dict]] = {}
    for p in reg.name_periods():
        by_id.setdefault(p["ministry_id"], []).append(p)
    for lin in reg.lineages():
        ps = sorted(by_id[lin["ministry_id"]], key=lambda p: p["valid_from"])
        for a, b in zip(ps, ps[1:]):
            assert a["valid_to"] is not None and a["valid_to"] < b["valid_from"], (a, b)
            assert b["valid_from"] - a["valid_to"] == timedelta(days=1), (a, b)  # no gap
        assert ps[0]["valid_from"] == lin["valid_from"]
        assert ps[-1]["valid_to"] == lin["valid_to"]


def test_every_lineage_has_a_name_on_each_day_it_is_valid(reg):
    """Sampled every 30 days plus every period boundary."""
    for lin in reg.lineages():
        start = lin["valid_from"]
        end = lin["valid_to"] or date(2026, 12, 31)
        days = {start, end}
        d = start
        while d <= end:
            days.add(d)
            d += timedelta(days=30)
        for p in reg.name_periods():
            if p["ministry_id"] == lin["ministry_id"]:
                days.update(x for x in (p["valid_from"], p["valid_to"]) if x)
        for d in sorted(days):
            names = [
                p for p in reg.name_periods()
                if p["ministry_id"] == lin["ministry_id"]
                and p["valid_from"] <= d and (p["valid_to"] is None or d <= p["valid_to"])
            ]
            assert len(names) == 1, (lin["ministry_id"], d, names)


def test_every_title_maps_to_a_lineage_valid_in_its_period(reg):
    lineages = {lin["ministry_id"]: lin for lin in reg.lineages()}
    for t in reg.title_periods():
        lin = lineages[t["ministry_id"]]
        assert lin["valid_from"] <= t["valid_from"], t
        if lin["valid_to"] is not None:
            assert t["valid_to"] is not None and t["valid_to"] <= lin["valid_to"], t
        assert t["title"] == t["title"].lower()


def test_titles_have_no_overlapping_periods(reg):
    by_title: dict[str, list[dict]] = {}
    for t in reg.title_periods():
        by_title.setdefault(t["title"], []).append(t)
    for title, rows in by_title.items():
        rows.sort(key=lambda r: r["valid_from"])
        for a, b in zip(rows, rows[1:]):
            assert a["valid_to"] is not None and a["valid_to"] < b["valid_from"], title


def test_no_form_names_two_lineages_on_the_same_day(reg):
    # coarse independent check on official names: for each year, each name -> one lineage
    for year in range(1990, 2027):
        d = date(year, 7, 1)
        seen: dict[str, str] = {}
        for p in reg.name_periods():
            if p["valid_from"] <= d and (p["valid_to"] is None or d <= p["valid_to"]):
                for form in (p["name"], p["abbreviation"]):
                    if form:
                        assert seen.setdefault(form, p["ministry_id"]) == p["ministry_id"], (year, form)


def test_ended_lineages_have_successors(reg):
    for lin in reg.lineages():
        if lin["valid_to"] is not None:
            assert lin["successor_ids"], lin


def test_ministry_count_today(reg):
    """Since 2024-01-01 (Digitaliserings- og forvaltningsdepartementet): 16 ministries plus SMK."""
    today = date(2026, 1, 1)
    current = [lin for lin in reg.lineages() if lin["valid_to"] is None or lin["valid_to"] >= today]
    assert len(current) == 17


def test_ministry_count_2016(reg):
    """Solberg's government in 2016: 15 ministries plus the Prime Minister's Office."""
    d = date(2016, 6, 1)
    current = [lin for lin in reg.lineages() if lin["valid_from"] <= d and (lin["valid_to"] is None or d <= lin["valid_to"])]
    assert len(current) == 16


def test_agencies_parents_exist_and_forms_unique(reg):
    ids = set(reg.ministry_ids())
    forms: dict[str, str] = {}
    for a in reg.agencies():
        assert a.ministry_id in ids
        for f in a.forms:
            assert forms.setdefault(f.casefold(), a.agency_id) == a.agency_id, f


# ---------------------------------------------------------------- loader errors


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    return d


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_copy_loads(data_copy):
    r = Registry.from_directory(data_copy)
    assert r.resolve("JD", date(2016, 1, 1)).ministry_id == "justice"
    assert r.source == str(data_copy)


def test_bad_date_names_file_and_line(data_copy):
    _edit(data_copy / "ministry_names.csv", "2011-12-31", "31.12.2011")
    with pytest.raises(TiltakError) as ei:
        Registry.from_directory(data_copy)
    msg = str(ei.value)
    assert "ministry_names.csv" in msg and "line" in msg and "YYYY-MM-DD" in msg
    assert "\n" not in msg


def test_missing_file(data_copy):
    (data_copy / "agencies.csv").unlink()
    with pytest.raises(TiltakError, match="agencies.csv"):
        Registry.from_directory(data_copy)


def test_missing_column(data_copy):
    _edit(data_copy / "minister_titles.csv", "title,ministry_id", "titel,ministry_id")
    with pytest.raises(TiltakError, match="missing column"):
        Registry.from_directory(data_copy)


def test_unknown_ministry_in_names(data_copy):
    _edit(data_copy / "ministry_names.csv", "justice,Justis- og politidepartementet", "justis,Justis- og politidepartementet")
    with pytest.raises(UnknownMinistryError):
        Registry.from_directory(data_copy)


def test_reversed_period(data_copy):
    _edit(data_copy / "ministries.csv", "labour-administration,1990-01-01,2004-09-30",
          "labour-administration,2005-01-01,2004-09-30")
    with pytest.raises(TiltakError, match="valid_to before valid_from"):
        Registry.from_directory(data_copy)


def test_integrity_detects_overlap(data_copy):
    _edit(data_copy / "ministry_names.csv", "Justis- og beredskapsdepartementet,Ministry of Justice and Public Security,JD,2012-01-01",
          "Justis- og beredskapsdepartementet,Ministry of Justice and Public Security,JD,2011-06-01")
    problems = Registry.from_directory(data_copy).check_integrity()
    assert any("overlap" in p for p in problems)


def test_integrity_detects_dangling_successor(data_copy):
    _edit(data_copy / "ministries.csv", "2013-12-31,,trade-industry-fisheries", "2013-12-31,,no-such-id")
    problems = Registry.from_directory(data_copy).check_integrity()
    assert any("no-such-id" in p for p in problems)


def test_successor_cycle_terminates(data_copy):
    # fisheries-coastal <-> a lineage that also ended: must not loop
    _edit(data_copy / "ministries.csv", "2013-12-31,,trade-industry-fisheries", "2013-12-31,,social-affairs")
    _edit(data_copy / "ministries.csv", "2004-09-30,health-care,labour-social", "2004-09-30,health-care,fisheries-coastal")
    r = Registry.from_directory(data_copy)
    assert r.successor_on("fisheries-coastal", date(2020, 1, 1)) in {"fisheries-coastal", "social-affairs"}
    assert r.resolve("FKD", date(2020, 1, 1)).ministry_id in {"fisheries-coastal", "social-affairs"}
