"""Unit tests of pipeline.compare on synthetic plan versions (see tests/test_compare_data.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.compare import Thresholds, changes_rows, compare_plans, render_html, render_markdown, simple_tokens, write_change_reports
from pipeline.compare.diff import word_diff, wording_changed
from tests.test_compare_data import BASE, NAMES, PARTS, base_entries, make_plan

_MIN = {
    "justis- og politidepartementet": "JD",
    "justis- og beredskapsdepartementet": "JD",
    "barne-, likestillings- og inkluderingsdepartementet": "BLD",
    "barne- og likestillingsdepartementet": "BLD",
}


def tok(text: str) -> list[str]:
    """Test tokenizer: simple_tokens plus ministry names -> min:<id> (stands in for pipeline.nlp)."""
    low = text.lower()
    for name, mid in _MIN.items():
        low = low.replace(name, f" zzmin{mid.lower()} ")
    return [f"min:{t[5:].upper()}" if t.startswith("zzmin") else t for t in simple_tokens(low)]


def cmp(old, new, **kw):
    return compare_plans(old, new, tokenize=tok, **kw)


def by_new(comp):
    return {c.new_number: c for c in comp.changes if c.new_number is not None}


def by_old(comp):
    return {c.old_number: c for c in comp.changes if c.old_number is not None}


def test_identical_plans_everything_unchanged(tmp_path):
    a = make_plan("v1", base_entries())
    b = make_plan("v2", base_entries())
    comp = cmp(a, b)
    assert len(comp.changes) == len(BASE)
    assert {c.change_type for c in comp.changes} == {"unchanged"}
    assert not any(c.renumbered or c.part_changed or c.responsibility_changed for c in comp.changes)
    assert [c.old_number for c in comp.changes] == [c.new_number for c in comp.changes]
    assert comp.summary.nothing_changed
    md = render_markdown(comp)
    assert "Nothing changed" in md and "No measure changed." in md
    p1 = write_change_reports(comp, tmp_path / "a")
    p2 = write_change_reports(cmp(a, b), tmp_path / "b")
    assert [p.name for p in p1] == ["change_report.md", "change_report.html"]
    for x, y in zip(p1, p2):
        assert x.read_bytes() == y.read_bytes()


def test_insertion_renumbers_but_is_not_a_change():
    entries = base_entries()
    new_entry = (1, "Gratis rettshjelp til ofre",
                 "Ofre for menneskehandel får rett til fri rettshjelp uten behovsprøving fra første samtale med politiet.",
                 "JD", [])
    a = make_plan("v1", entries)
    b = make_plan("v2", entries[:2] + [new_entry] + entries[2:])
    comp = cmp(a, b)
    types = [c.change_type for c in comp.changes]
    assert types.count("added") == 1 and types.count("unchanged") == len(BASE)
    added = next(c for c in comp.changes if c.change_type == "added")
    assert added.new_number == "3" and added.old_number is None
    for c in comp.changes:
        if c.change_type == "unchanged":
            assert c.renumbered == (int(c.old_number) >= 3)
            assert c.new_title == c.old_title
    assert [c.new_number for c in comp.changes] == [str(i) for i in range(1, len(BASE) + 2)]
    md = render_markdown(comp)
    assert "3 → 4" in md and "Renumbered" in md


def test_removal_is_placed_after_its_predecessor():
    keys = list(BASE)
    a = make_plan("v1", base_entries())
    b = make_plan("v2", base_entries(keys[:4] + keys[5:]))
    comp = cmp(a, b)
    removed = [c for c in comp.changes if c.change_type == "removed"]
    assert len(removed) == 1 and removed[0].old_number == "5" and removed[0].new_number is None
    assert [c.old_number for c in comp.changes][:6] == ["1", "2", "3", "4", "5", "6"]


def test_rewording_and_substantial_rewrite():
    entries = base_entries()
    p, title, text, lead, co = entries[1]
    reworded = text.replace("flere trygge botilbud", "flere gode og trygge botilbud").replace("over tid", "over lengre tid")
    p2, title2, _, lead2, co2 = entries[5]
    rewrite = ("Alle politidistrikter skal ha kompetanse på menneskehandel. Kripos får et nasjonalt ansvar for "
               "analyse og etterretning, og skal lære opp lokale etterforskere gjennom hospitering.")
    new_entries = list(entries)
    new_entries[1] = (p, title, reworded, lead, co)
    new_entries[5] = (p2, title2, rewrite, lead2, co2)
    comp = cmp(make_plan("v1", entries), make_plan("v2", new_entries))
    rows = by_new(comp)
    assert rows["2"].change_type == "reworded" and rows["2"].old_number == "2"
    assert rows["6"].change_type == "modified" and rows["6"].old_number == "6"
    assert rows["6"].similarity < rows["2"].similarity < 1.0
    assert sum(c.change_type == "unchanged" for c in comp.changes) == len(BASE) - 2
    md = render_markdown(comp)
    assert "{+ gode og +}" in md
    html = render_html(comp)
    assert "<ins>gode og</ins>" in html and "<del>" in html


def test_move_between_parts_and_renumbered_parts():
    keys = list(BASE)
    a = make_plan("v1", base_entries())
    # new version: a new part 1 is inserted (old parts renumbered 2..4), and "inndragning" moves to the last part
    parts_new = {1: "Forebygging blant unge", 2: PARTS[1], 3: PARTS[2], 4: PARTS[3]}
    entries = []
    for k in keys:
        p, t, x, lead, co = BASE[k]
        entries.append((4 if k == "inndragning" else p + 1, t, x, lead, co))
    entries.insert(0, (1, "Holdningskampanje i skolen",
                       "Det lages undervisningsopplegg for ungdomsskolen om utnyttelse, tvang og trygge arbeidsforhold.",
                       "KD", []))
    entries.sort(key=lambda e: e[0])
    b = make_plan("v2", entries, parts=parts_new)
    comp = cmp(a, b)
    rows = by_old(comp)
    moved = [c for c in comp.changes if c.part_changed]
    assert [c.old_number for c in moved] == [str(keys.index("inndragning") + 1)]
    assert moved[0].old_part.startswith("Del 2") and moved[0].new_part.startswith("Del 4")
    assert all(c.change_type == "unchanged" for c in rows.values())
    md = render_markdown(comp)
    assert "Del 2: Bedre organisering av politiets innsats → Del 4" in md
    assert comp.summary.parts[0] == (None, "Del 1: Forebygging blant unge", "added")
    assert comp.summary.parts[1] == (f"Del 1: {PARTS[1]}", f"Del 2: {PARTS[1]}", "renumbered")
    assert f"- Del 1: {PARTS[1]} → Del 2: {PARTS[1]} (renumbered)" in md
    assert not comp.summary.nothing_changed


def test_split_and_merge():
    entries = base_entries()
    bolig_p, _, _, lead, co = BASE["bolig"]
    split_a = (bolig_p, "Trygge botilbud med døgnbemanning",
               "Det etableres flere trygge botilbud med døgnbemanning for kvinner og menn som er utsatt for menneskehandel.",
               lead, co)
    split_b = (bolig_p, "Oppfølging av ofre over tid",
               "Tilbudet skal gi beskyttelse, helsehjelp og oppfølging over tid for ofre som bor i botilbudene.",
               "HOD", [])
    n_p, _, n_text, n_lead, n_co = BASE["norden"]
    e_text = BASE["europaraad"][2]
    merged = (n_p, "Nordisk og europeisk samarbeid", n_text + " " + e_text, n_lead, n_co)
    keys = list(BASE)
    new_entries = []
    for k, e in zip(keys, entries):
        if k == "bolig":
            new_entries += [split_a, split_b]
        elif k == "norden":
            new_entries.append(merged)
        elif k == "europaraad":
            continue
        else:
            new_entries.append(e)
    comp = cmp(make_plan("v1", entries), make_plan("v2", new_entries))
    splits = [c for c in comp.changes if c.change_type == "split"]
    merges = [c for c in comp.changes if c.change_type == "merged"]
    assert {(c.old_number, c.new_number) for c in splits} == {("2", "2"), ("2", "3")}
    assert len({c.group for c in splits}) == 1
    assert {(c.old_number, c.new_number) for c in merges} == {("11", "12"), ("12", "12")}
    assert len({c.group for c in merges}) == 1 and merges[0].group != splits[0].group
    assert not [c for c in comp.changes if c.change_type in ("added", "removed")]
    assert comp.summary.groups == {"split": 1, "merged": 1}
    md = render_markdown(comp)
    assert "Split: tiltak 2 split into 2, 3" in md and "Merged: tiltak 11, 12 merged into 12" in md
    # split and merge: one word diff of the joined old texts against the joined new texts
    from pipeline.compare.report_model import build_report

    sections = {sec.kind: sec for sec in build_report(comp).sections}
    merged_text = dict(sections["merged"].diffs)["Text 11, 12 → 12"]
    assert [seg.op for seg in merged_text] == ["equal"]  # word for word the two old texts: no edits shown
    split_text = dict(sections["split"].diffs)["Text 2 → 2, 3"]
    assert {seg.op for seg in split_text} == {"equal", "delete", "insert"}  # only what really changed
    assert sum(len(seg.text.split()) for seg in split_text if seg.op != "equal") < len(split_a[2].split()) + len(split_b[2].split())


def test_a_kept_measure_with_its_restatement_beside_it_is_a_split():
    """Title-only measures (list items, table rows): "X" -> "X" + "Evaluere arbeidet med X" right after it is a split;
    the same restatement far away is an unchanged measure and an added one."""
    entries = [(p, t, "", lead, co) for p, t, _x, lead, co in base_entries()]
    bolig = entries[1]
    follow_up = (bolig[0], "Evaluering av trygge botilbud for ofre", "", bolig[3], bolig[4])
    beside = entries[:2] + [follow_up] + entries[2:]
    comp = cmp(make_plan("v1", entries), make_plan("v2", beside))
    assert {(c.old_number, c.new_number) for c in comp.changes if c.change_type == "split"} == {("2", "2"), ("2", "3")}
    far = entries + [follow_up]
    comp = cmp(make_plan("v1", entries), make_plan("v2", far))
    assert by_old(comp)["2"].change_type == "unchanged" and by_new(comp)[str(len(far))].change_type == "added"


def test_responsibility_changes_by_id_not_name():
    entries = base_entries()
    old = make_plan("v1", entries, published=date(2010, 5, 1),
                    names={**NAMES, "JD": "Justis- og politidepartementet",
                           "BLD": "Barne-, likestillings- og inkluderingsdepartementet"})
    new_entries = list(entries)
    p, t, x, lead, co = entries[0]
    new_entries[0] = (p, t, x, lead, co + ["HOD"])  # added co-responsible
    p, t, x, lead, co = entries[4]  # barn: JD lead, BLD co -> swap
    new_entries[4] = (p, t, x, "BLD", ["JD"])
    new = make_plan("v2", new_entries, published=date(2013, 5, 1))
    comp = cmp(old, new)
    rows = by_new(comp)
    assert rows["1"].responsibility_changed and rows["1"].ministries_added == ["HOD"]
    assert rows["1"].ministries_removed == []
    assert rows["5"].responsibility_changed and not rows["5"].ministries_added and not rows["5"].ministries_removed
    others = [c for n, c in rows.items() if n not in ("1", "5")]
    assert not any(c.responsibility_changed for c in others)  # JD renamed: same id, not a change
    assert {c.change_type for c in comp.changes} == {"unchanged"}
    md = render_markdown(comp)
    assert "Responsibility added: Helse- og omsorgsdepartementet (HOD) (co-responsible)" in md
    # each version's ministries named as on its own date; the rename between them shown as a rename
    assert "Lead ministry: Justis- og politidepartementet (JD) → Barne- og likestillingsdepartementet (BLD)" in md
    assert "### Renamed ministries" in md
    assert "- Justis- og politidepartementet (JD) → Justis- og beredskapsdepartementet (JD)" in md


def test_renamed_ministry_in_text_is_not_a_wording_change():
    old = "Justis- og politidepartementet skal sammen med politiet sørge for gode rutiner."
    new = "Justis- og beredskapsdepartementet skal sammen med politiet sørge for gode rutiner."
    assert not wording_changed(old, new, tok)
    assert wording_changed(old, new, simple_tokens)  # without ministry knowledge it is a wording change
    assert wording_changed("Tiltaket gjelder barn.", "Tiltaket gjelder ikke barn.", tok)
    assert not wording_changed("Tiltaket gjelder barn.", "tiltaket  gjelder barn", tok)
    assert not wording_changed("Politi-direktoratet skal lede.", "Politidirektoratet skal lede.", tok)
    assert wording_changed("Politidirektoratet skal lede.", "Politidirektoratet skal ikke lede.", tok)
    segs = word_diff("a b c d", "a x c d e")
    assert [(s.op, s.text) for s in segs] == [("equal", "a"), ("delete", "b"), ("insert", "x"), ("equal", "c d"), ("insert", "e")]


def test_different_lengths_and_empty_plans():
    a = make_plan("v1", base_entries())
    empty = make_plan("v0", [])
    comp = cmp(empty, a)
    assert [c.change_type for c in comp.changes] == ["added"] * len(BASE)
    comp = cmp(a, empty)
    assert [c.change_type for c in comp.changes] == ["removed"] * len(BASE)
    assert "Removed" in render_markdown(comp)
    comp = cmp(empty, make_plan("v3", []))
    assert comp.changes == [] and comp.summary.nothing_changed


def test_html_is_self_contained_and_escaped():
    entries = base_entries()
    p, t, x, lead, co = entries[0]
    new_entries = list(entries)
    new_entries[0] = (p, t + " <script>alert(1)</script> & co", x + " Se <b>vedlegg</b>.", lead, co)
    comp = cmp(make_plan("v1", entries), make_plan("v2", new_entries))
    h = render_html(comp)
    assert "<script>" not in h and "&lt;script&gt;" in h and "&amp; co" in h
    assert "<b>vedlegg" not in h
    assert not re.search(r"(src|href)\s*=", h)  # no external assets, no links
    assert "@media print" in h and h.startswith("<!DOCTYPE html>")
    md = render_markdown(comp)
    assert "\\<script\\>" in md


def test_changes_rows_and_thresholds():
    a = make_plan("v1", base_entries())
    comp = cmp(a, make_plan("v2", base_entries()))
    rows = changes_rows(comp)
    assert rows[0]["change_type"] == "unchanged" and rows[0]["old_document_id"] == "v1"
    assert set(rows[0]) >= {"old_measure_id", "new_measure_id", "group", "ministries_added", "similarity"}
    # an impossible match threshold: nothing aligns
    comp = cmp(a, make_plan("v2", base_entries()), thresholds={"match": 1.01})
    assert {c.change_type for c in comp.changes} == {"added", "removed"}
    with pytest.raises(ValueError):
        cmp(a, a, thresholds={"nonsense": 1})
    assert isinstance(comp.thresholds, Thresholds)


@settings(max_examples=25, deadline=None)
@given(st.permutations(list(BASE)), st.data())
def test_reordering_never_breaks_alignment(order, data):
    """Any reordering (plus a dropped measure) keeps every surviving measure aligned to itself."""
    drop = data.draw(st.sampled_from(order))
    a = make_plan("v1", base_entries())
    kept = [k for k in order if k != drop]
    comp = cmp(a, make_plan("v2", base_entries(kept)))
    keys = list(BASE)
    for c in comp.changes:
        if c.change_type == "removed":
            assert keys[int(c.old_number) - 1] == drop
        else:
            assert c.change_type == "unchanged"
            assert keys[int(c.old_number) - 1] == kept[int(c.new_number) - 1]


def test_cross_reference_renumbering_is_not_a_wording_change():
    entries = base_entries()
    p, t, x, lead, co = entries[6]
    entries[6] = (p, t, x + " Se også tiltak 10 og 11.", lead, co)  # refers to forskning (10), norden (11)
    new_entries = list(entries)
    new_entries[6] = (p, t, x + " Se også tiltak 11 og 12.", lead, co)
    new_entries.insert(0, (1, "Ny veileder for kommunene",
                           "Kommunene får en ny veileder om bosetting av personer som har vært utsatt for utnyttelse.", "JD", []))
    comp = cmp(make_plan("v1", entries), make_plan("v2", new_entries))
    assert [c.change_type for c in comp.changes].count("unchanged") == len(BASE)
    # a reference that now points elsewhere is a wording change
    wrong = list(new_entries)
    wrong[7] = (p, t, x + " Se også tiltak 3 og 12.", lead, co)
    comp = cmp(make_plan("v1", entries), make_plan("v2", wrong))
    assert by_old(comp)["7"].change_type == "reworded"


def test_html_parses_and_marks_every_change():
    from lxml import html as lxml_html

    entries = base_entries()
    new_entries = list(entries)
    p, t, x, lead, co = entries[3]
    new_entries[3] = (p, t + " i hjemlandet", x.replace("målrettet", "treffsikker"), lead, co)
    del new_entries[9]
    comp = cmp(make_plan("v1", entries), make_plan("v2", new_entries))
    doc = lxml_html.fromstring(render_html(comp).encode("utf-8"))
    sections = doc.xpath("//section[contains(@class,'change')]")
    assert [s.get("class") for s in sections] == ["change reworded", "change removed"]
    assert [e.text for e in sections[0].xpath(".//ins")] == ["i hjemlandet", "treffsikker,"]
    assert [e.text for e in sections[0].xpath(".//del")] == ["målrettet,"]
    assert doc.xpath("//li[contains(., '11 → 10')]")  # renumbered list
    assert doc.xpath("//footer//p[contains(., 'Thresholds')]")


def test_text_missing_in_one_version_is_judged_on_titles():
    entries = base_entries()
    title_only = [(p, t, "", lead, co) for p, t, x, lead, co in entries]
    title_only[2] = (title_only[2][0], "Endret refleksjonsperiode for ofre", "", title_only[2][3], title_only[2][4])
    comp = cmp(make_plan("v1", title_only), make_plan("v2", entries))
    types = [c.change_type for c in comp.changes]
    assert types.count("unchanged") == len(BASE) - 1
    assert by_new(comp)["3"].change_type == "reworded"


_REPORT_SNIPPET = """
import hashlib, sys
sys.path.insert(0, {root!r})
from tests.test_compare_data import base_entries, make_plan
from pipeline.compare import compare_plans, render_html, render_markdown, simple_tokens
entries = base_entries()
new = list(entries)
p, t, x, lead, co = new[4]
new[4] = (p, t, x.replace("straks", "snarest"), lead, co + ["UD"])
new.insert(2, (1, "Ny veileder", "Kommunene får en ny veileder om bosetting av ofre.", "JD", []))
comp = compare_plans(make_plan("v1", entries), make_plan("v2", new[:-1]), tokenize=simple_tokens)
print(hashlib.sha256((render_markdown(comp) + render_html(comp)).encode()).hexdigest())
"""


def test_report_bytes_do_not_depend_on_hash_seed():
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[1])
    code = _REPORT_SNIPPET.format(root=root)
    digests = set()
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}, cwd=root)
        digests.add(out.stdout.strip())
    assert len(digests) == 1 and len(digests.pop()) == 64


def test_changed_text_never_shows_similarity_1():
    """Words that differ while their lemmas agree ("tiltak"/"tiltaket"): reworded, and never 1.00."""
    entries = base_entries()
    p, title, text, lead, co = entries[2]
    new_entries = list(entries)
    new_entries[2] = (p, title, text + " Tiltaket", lead, co)
    old_entries = list(entries)
    old_entries[2] = (p, title, text + " Tiltak", lead, co)
    lemma = lambda t: [w.removesuffix("et") for w in tok(t)]  # noqa: E731 - "tiltaket" -> "tiltak"
    comp = compare_plans(make_plan("v1", old_entries), make_plan("v2", new_entries), tokenize=lemma)
    row = by_new(comp)["3"]
    assert row.change_type == "reworded" and row.similarity < 1.0
    md = render_markdown(comp)
    assert "Similarity: 0.99" in md and "Similarity: 1.00" not in md


def test_renamed_ministry_in_a_changed_text_is_shown_as_a_rename():
    entries = base_entries()
    p, title, _, lead, co = entries[0]
    old_entries, new_entries = list(entries), list(entries)
    old_entries[0] = (p, title, "Justis- og politidepartementet skal sammen med politiet sørge for gode rutiner.", lead, co)
    new_entries[0] = (p, title, "Justis- og beredskapsdepartementet skal sammen med politiet sørge for bedre rutiner.", lead, co)
    comp = cmp(make_plan("v1", old_entries), make_plan("v2", new_entries))
    assert ("politidepartementet", "beredskapsdepartementet") in comp.renamed_words
    md, html = render_markdown(comp), render_html(comp)
    assert "{~~ politidepartementet → beredskapsdepartementet ~~}" in md and "[- gode -] {+ bedre +}" in md
    assert "[- politidepartementet -]" not in md
    assert '<span class="rename"' in html and "<del>politidepartementet</del>" not in html


def test_each_version_named_on_its_own_naming_date():
    """Undated versions: ministries named as on the date extraction inferred (DocumentInfo.naming_date)."""
    old = make_plan("v1", base_entries(), published=None)
    new = make_plan("v2", base_entries(), published=None)
    old.document.naming_date, new.document.naming_date = date(2010, 3, 5), date(2013, 6, 1)
    for plan in (old, new):  # the registry's id for JD, so names come from the registry by date
        for m in plan.measures:
            for r in m.responsibilities:
                if r.ministry_id == "JD":
                    r.ministry_id = "justice"
    comp = cmp(old, new)
    assert comp.summary.old_ministry_names["justice"] == "Justis- og politidepartementet"
    assert comp.summary.ministry_names["justice"] == "Justis- og beredskapsdepartementet"
    md = render_markdown(comp)
    assert "# Change report: Eksempelplan" in md and "(2010-03-05 → 2013-06-01)" in md.splitlines()[0]
    assert "- Old: v1 — Eksempelplan – syntetisk testdokument (v1) — undated; ministries named as of 2010-03-05 (inferred) — " in md
    assert "| Justis- og politidepartementet (JD) → Justis- og beredskapsdepartementet (JD) |" in md
