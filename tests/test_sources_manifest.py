"""Manifest loading and validation (pipeline.sources.manifest)."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import ManifestError
from pipeline.sources.manifest import load_manifest, validate_https_url, validate_relative_path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

PR = """
[[source]]
id = "pm"
kind = "press_release"
title = "Pressemelding"
url = "https://www.regjeringen.no/no/aktuelt/pm/id1/"
file = "pm.txt"
publisher = "Justis- og beredskapsdepartementet"
published = 2016-10-20
announces = "plan"
"""
LP = """
[[source]]
id = "lp"
kind = "landing_page"
title = "Landingsside"
url = "https://www.regjeringen.no/no/dokumenter/lp/id2/"
"""
PLAN = """
[[source]]
id = "plan"
kind = "plan"
title = "Plan"
landing_page = "lp"
series = "s"
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "manifest.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_real_manifest_loads_with_relations():
    m = load_manifest(CORPUS / "manifest.toml")
    pr = m.by_id("pm-2016-styrket-samarbeid-mot-menneskehandel")
    assert pr.kind == "press_release"
    assert pr.publisher == "Justis- og beredskapsdepartementet"
    assert pr.local_path == (CORPUS / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt").resolve()
    assert pr.has_file
    assert pr.url.startswith("https://www.regjeringen.no/") and "id2522345" in pr.url
    plan = m.plan_for(pr.id)
    assert plan is not None and plan.kind == "plan" and plan.local_path is None
    lp = m.landing_page_for(plan.id)
    assert lp.url == "https://www.regjeringen.no/no/dokumenter/regjeringens-handlingsplan-mot-menneskehandel/id2522342/"
    assert m.press_releases_for(plan.id) == [pr]
    assert all(s.url is None or s.url.startswith("https://") for s in m.sources)


def test_minimal_manifest(tmp_path):
    plan2 = PLAN.replace('id = "plan"', 'id = "plan2"').replace('series = "s"', 'previous_version = "plan"')
    m = load_manifest(write(tmp_path, PR + LP + PLAN + '[[comparison]]\nold = "plan"\nnew = "plan2"\n' + plan2))
    assert [s.id for s in m.sources] == ["pm", "lp", "plan", "plan2"]
    assert m.by_id["pm"].published == date(2016, 10, 20)
    assert m.by_id("pm").local_path == (tmp_path / "pm.txt").resolve()
    assert m.root == tmp_path.resolve()
    assert m.comparisons[0].old == "plan" and m.comparisons[0].new == "plan2"
    assert [s.id for s in m.series_history("plan2")] == ["plan2", "plan"]
    with pytest.raises(ManifestError, match="no source with id 'nope'"):
        m.by_id("nope")


@pytest.mark.parametrize(
    "text, pattern",
    [
        (PR.replace('title = "Pressemelding"\n', "") + LP + PLAN, "missing field 'title'"),
        (PR.replace('kind = "press_release"', 'kind = "pressrelease"') + LP + PLAN, "unknown kind 'pressrelease'"),
        (PR + LP + PLAN + LP, "duplicate id"),
        (PR.replace('announces = "plan"', 'announces = "plan-x"') + LP + PLAN, "announces = 'plan-x' names no entry"),
        (PR + LP + PLAN.replace('landing_page = "lp"', 'landing_page = "pm"'),
         "is a press_release, expected a landing_page"),
        (PR.replace('file = "pm.txt"', 'file = "../../etc/passwd"') + LP + PLAN, "leaves the corpus directory"),
        (PR.replace('file = "pm.txt"', 'file = "/etc/passwd"') + LP + PLAN, "absolute"),
        (PR.replace("https://www.regjeringen.no/no/aktuelt/pm/id1/", "http://www.regjeringen.no/x"), "only https"),
        (PR.replace("https://www.regjeringen.no/no/aktuelt/pm/id1/", "file:///etc/passwd"), "only https"),
        (PR.replace("published = 2016-10-20", 'published = "oktober 2016"') + LP + PLAN, "is not a date"),
        (PR.replace("announces", "anounces") + LP + PLAN, "unknown field"),
        (LP.replace('url = "https://www.regjeringen.no/no/dokumenter/lp/id2/"\n', ""), "needs 'url' or 'file'"),
        (PR + LP + PLAN + '[[comparison]]\nold = "plan"\nnew = "pm"\n', "not a plan"),
        ("[[source]\n", "invalid TOML"),
    ],
)
def test_invalid_manifests(tmp_path, text, pattern):
    path = write(tmp_path, text)
    with pytest.raises(ManifestError, match=pattern) as exc:
        load_manifest(path)
    msg = str(exc.value)
    assert "\n" not in msg
    assert str(path) in msg  # names the manifest file
    assert "(" in msg  # and carries a hint


def test_previous_version_loop(tmp_path):
    a = PLAN.replace('series = "s"', 'previous_version = "plan2"')
    b = PLAN.replace('id = "plan"', 'id = "plan2"').replace('series = "s"', 'previous_version = "plan"')
    with pytest.raises(ManifestError, match="loops"):
        load_manifest(write(tmp_path, LP + a + b))


def test_symlink_escape_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "link").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ManifestError, match="outside the corpus"):
        validate_relative_path("link/secret.txt", corpus)


def test_missing_manifest(tmp_path):
    with pytest.raises(ManifestError, match="manifest not found"):
        load_manifest(tmp_path / "nope.toml")


_path_chars = st.text(alphabet=string.ascii_letters + string.digits + "./\\~-_ :\x00æø", max_size=40)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_path_chars)
def test_relative_path_property(tmp_path, value):
    """Any string either is refused with ManifestError or resolves strictly inside the corpus root."""
    root = tmp_path.resolve()
    try:
        p = validate_relative_path(value, root)
    except ManifestError as exc:
        assert "\n" not in str(exc)
        return
    assert root in p.parents
    assert ".." not in Path(value).parts and not value.startswith("/")


@given(st.sampled_from(["..", "../x", "a/../../b", "a/b/../../../c", "./../c"]),)
def test_traversal_always_refused(value):
    with pytest.raises(ManifestError):
        validate_relative_path(value, Path("/tmp/corpus-root-for-test"))


@settings(max_examples=200, deadline=None)
@given(scheme=st.sampled_from(["http", "ftp", "file", "javascript", "data", "HTTP", ""]),
       rest=st.text(alphabet=string.ascii_letters + "./:-", max_size=20))
def test_non_https_urls_refused(scheme, rest):
    with pytest.raises(ManifestError):
        validate_https_url(f"{scheme}://{rest}" if scheme else rest)


def test_local_only_document_needs_no_url(tmp_path):
    """A researcher's draft on disk (no public address yet) is a valid source."""
    (tmp_path / "utkast.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    path = write(tmp_path, '[[source]]\nid = "utkast"\nkind = "plan"\ntitle = "Utkast"\nfile = "utkast.pdf"\n')
    (source,) = load_manifest(path).sources
    assert source.url is None and source.local_path == tmp_path / "utkast.pdf"
