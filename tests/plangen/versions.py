"""Version pairs: an old and a new plan with every kind of change, and the exact change truth.

``make_version_pair(spec, edits, seed)`` applies :class:`Edit` operations to a copy of ``spec``
(optionally at a later date, so that ministries renamed in between get their new official names:
a rename is *not* a responsibility change) and returns ``(old_spec, new_spec, truth)``.

Truth rows follow ``pipeline.model.MeasureChange``: one row per old/new measure pair, one row per
added or removed measure, and for a split (merge) one row per new (old) measure sharing a ``group``.
Ministries added/removed are official names (on the new/old plan date) of lineages that really
entered/left the measure's responsibility.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.storage.files import atomic_write_text

from . import ministries as mins
from .build import agencies_in, era_text, measure_from_seed, sentence_valid
from .spec import MeasureSpec, PlanSpec
from .textbank import REWORDINGS, TOPICS

EDIT_KINDS = ("insert", "remove", "reword", "modify", "move", "split", "merge", "add_co")


@dataclass(frozen=True)
class Edit:
    kind: str  # one of EDIT_KINDS
    key: str | None = None  # the measure edited (insert: ignored)
    key2: str | None = None  # merge: the measure merged into ``key``
    part: int | None = None  # insert/move: target part number
    position: int = 0  # insert/move: index within the target part
    lineage: str | None = None  # add_co: ministry lineage added
    extra: int = 0  # insert: which extra seed of the topic


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s and not s[:2].isupper() else s


def _reword(sentences: list[str], rng: random.Random) -> list[str]:
    """Change a few words (2-3 substitutions), keeping the meaning."""
    out = list(sentences)
    subs = [(a, b) for a, b in REWORDINGS if any(a in s for s in out)]
    rng.shuffle(subs)
    done = 0
    for a, b in subs:
        for i, s in enumerate(out):
            if a in s:
                out[i] = s.replace(a, b, 1)
                done += 1
                break
        if done >= 2:
            break
    if done == 0:  # nothing matched: a small insertion in the first sentence
        out[0] = out[0].replace(" skal ", " skal blant annet ", 1) if " skal " in out[0] else "Videre: " + out[0]
    return out


_TITLE_REWORDINGS = (
    ("Bedre ", "Forbedret "), ("Styrket ", "Forsterket "), ("Kurs ", "Opplæring "), ("Nasjonal ", "Landsdekkende "),
    (" for alle", " for hele befolkningen"), (" i kommunene", " i kommunesektoren"), ("digitale ", "elektroniske "),
    ("Digital ", "Elektronisk "), (" og ", " samt "), ("Egne ", "Særskilte "), ("Trygge ", "Sikre "),
)


def _reword_title(title: str) -> str:
    """A light rewording of a title (one substitution, else a short addition)."""
    for a, b in _TITLE_REWORDINGS:
        if a in title:
            return title.replace(a, b, 1)
    return title + " i hele landet"


def _refs(m: MeasureSpec) -> set[str]:
    return set(re.findall(r"\{ref:([^}]+)\}", " ".join(m.sentences)))


def _replace_ref(spec: PlanSpec, old: str, new: str) -> None:
    for m in spec.measures():
        m.sentences = [s.replace("{ref:%s}" % old, "{ref:%s}" % new) for s in m.sentences]
        m.xrefs = [new if x == old else x for x in m.xrefs]


def _rename_all(spec: PlanSpec, on: date) -> None:
    """Give every ministry its official name on ``on`` (the lineage is unchanged)."""
    for m in spec.measures():
        if m.lead:
            m.lead = mins.rename(m.lead, on)
        m.co = [mins.rename(c, on) for c in m.co]
    spec.publisher = mins.rename(spec.publisher, on)
    ministers = []
    for mn in spec.ministers:
        new = mins.ministry(mins.lineage_of(mn.ministry), on)
        ministers.append(replace(mn, ministry=new.name, title=new.minister_title))
    spec.ministers = ministers


def _unname(text: str) -> str:
    """Replace every official ministry name by its lineage id (to compare texts across renames)."""
    for mn in sorted(mins._TABLE, key=lambda x: -len(x.name)):
        text = text.replace(mn.name, mn.lineage)
    return text


def _lineages(m: MeasureSpec) -> list[str]:
    return [mins.lineage_of(n) for n in ([m.lead] if m.lead else []) + m.co]


def default_edits(spec: PlanSpec, seed: int) -> list[Edit]:
    """One edit of every kind on distinct measures, chosen deterministically from ``seed``.

    The insertion is early in part 1 (so everything after it is renumbered), the split in part 2,
    the removal and the merge in the last part, and the moved measure goes from the middle of
    part 1 to the middle of the last part.
    """
    rng = random.Random(f"edits-{spec.name}-{seed}")
    referenced = set().union(*(_refs(m) for m in spec.measures()))
    free = {m.key for m in spec.measures() if m.key not in referenced and not _refs(m)}
    by_part = {p.number: [m.key for m in p.measures] for p in spec.parts}
    first, second, last = spec.parts[0].number, spec.parts[1].number, spec.parts[-1].number

    def take(part: int | None = None, inner: bool = False) -> str:
        pool = [k for k in (by_part[part] if part else [m.key for m in spec.measures()]) if k in free]
        if inner and part:
            pool = [k for k in pool if k not in (by_part[part][0], by_part[part][-1])] or pool
        if not pool:
            raise ValueError(f"{spec.name}: no free measure left for an edit (part {part})")
        k = rng.choice(sorted(pool))
        free.discard(k)
        return k

    edits = [Edit("insert", part=first, position=1, extra=seed)]
    # merge two neighbours in the last part
    ks = by_part[last]
    pairs = [(a, b) for a, b in zip(ks, ks[1:]) if a in free and b in free]
    a, b = pairs[rng.randrange(len(pairs))]
    free -= {a, b}
    edits.append(Edit("merge", a, key2=b))
    edits.append(Edit("remove", take(last)))
    edits.append(Edit("split", take(second, inner=True)))
    edits.append(Edit("move", take(first, inner=True), part=last, position=1))
    edits.append(Edit("reword", take()))
    edits.append(Edit("reword", take()))
    edits.append(Edit("modify", take()))
    k = take()
    present = set(_lineages(spec.measure(k)))
    cand = [lin for lin in ("HOD", "KD", "UD", "KUD", "BLD", "JD", "AD") if lin not in present]
    edits.append(Edit("add_co", k, lineage=cand[0]))
    return edits


def make_version_pair(spec: PlanSpec, edits: list[Edit] | None = None, seed: int = 0, *,
                      new_date: date | None = None, new_name: str | None = None,
                      table_only: bool = False) -> tuple[PlanSpec, PlanSpec, dict]:
    """Apply ``edits`` (default: :func:`default_edits`) to a copy of ``spec``; return (old, new, truth).

    ``table_only``: the versions will be rendered in a table-only layout, where prose is not printed;
    "reword" then rewords the title and "modify" edits are dropped (they would be invisible).
    """
    rng = random.Random(f"pair-{spec.name}-{seed}")
    edits = default_edits(spec, seed) if edits is None else edits
    if table_only:
        edits = [e for e in edits if e.kind != "modify"]
    old = spec
    new = spec.copy()
    new.name = new_name or spec.name + "_ny"
    on = new_date or spec.date
    new.date = on
    _rename_all(new, on)
    topic = TOPICS[spec.topic]
    kind: dict[str, str] = {}  # old key -> reworded/modified
    splits: dict[str, list[str]] = {}
    merges: dict[str, list[str]] = {}
    added: list[str] = []
    removed: list[str] = []
    resp_edit: set[str] = set()
    used_pool = {s for m in spec.measures() for s in m.sentences}
    pool = [s for s in (era_text(x, on) for x in topic.pool) if s not in used_pool and sentence_valid(s, on)]
    rng.shuffle(pool)
    period = (on.year, on.year + 3)

    def locate(key: str) -> tuple[Any, int]:
        for p in new.parts:
            for i, m in enumerate(p.measures):
                if m.key == key:
                    return p, i
        raise KeyError(key)

    for e in edits:
        if e.kind == "insert":
            seed_m = topic.extra_titles[e.extra % len(topic.extra_titles)]
            key = f"n{len(added) + 1:02d}"
            m = measure_from_seed(seed_m, key, on, rng, pool, period)
            part = next(p for p in new.parts if p.number == e.part)
            part.measures.insert(e.position, m)
            added.append(key)
        elif e.kind == "remove":
            p, i = locate(e.key)
            p.measures.pop(i)
            removed.append(e.key)
        elif e.kind == "reword":
            p, i = locate(e.key)
            if table_only:
                p.measures[i].title = _reword_title(p.measures[i].title)
            else:
                p.measures[i].sentences = _reword(p.measures[i].sentences, rng)
            kind[e.key] = "reworded"
        elif e.kind == "modify":
            p, i = locate(e.key)
            m = p.measures[i]
            keep = m.sentences[:1]
            fresh = [pool.pop() for _ in range(min(3, len(pool)))]
            m.sentences = [_reword(keep, rng)[0]] + fresh + [
                "Tiltaket er lagt om etter erfaringene fra den første planperioden.",
                "Målgruppen er utvidet, og arbeidet skal nå også omfatte oppfølging over tid.",
            ]
            kind[e.key] = "modified"
        elif e.kind == "move":
            p, i = locate(e.key)
            m = p.measures.pop(i)
            target = next(pp for pp in new.parts if pp.number == e.part)
            target.measures.insert(min(e.position, len(target.measures)), m)
        elif e.kind == "split":
            p, i = locate(e.key)
            m = p.measures.pop(i)
            half = max(1, len(m.sentences) // 2)
            a = replace(m, key=e.key + "a", sentences=m.sentences[:half] + [
                "Denne delen av tiltaket gjelder utviklingen av selve ordningen."], co=list(m.co), xrefs=[])
            b = replace(m, key=e.key + "b", title="Oppfølging: " + _lower_first(m.title),
                        sentences=["Denne delen av tiltaket gjelder gjennomføringen og oppfølgingen."] + m.sentences[half:],
                        co=list(m.co), xrefs=[], agency_in_resp=None)
            p.measures[i:i] = [a, b]
            splits[e.key] = [a.key, b.key]
            _replace_ref(new, e.key, a.key)
        elif e.kind == "merge":
            p, i = locate(e.key)
            m = p.measures[i]
            p2, j = locate(e.key2)
            m2 = p2.measures.pop(j)
            m.title = m.title + " og " + _lower_first(m2.title)
            m.sentences = m.sentences + m2.sentences
            for c in ([m2.lead] if m2.lead else []) + m2.co:
                if c != m.lead and c not in m.co:
                    m.co.append(c)
            merges[e.key] = [e.key, e.key2]
            _replace_ref(new, e.key2, e.key)
        elif e.kind == "add_co":
            p, i = locate(e.key)
            name = mins.ministry(e.lineage, on).name
            p.measures[i].co.append(name)
            resp_edit.add(e.key)
        else:
            raise ValueError(f"unknown edit kind {e.kind!r}")

    # agencies follow the (possibly) edited text
    numbers_new = new.numbers()
    for m in new.measures():
        m.agencies = agencies_in(m.title + " " + m.text(numbers_new, on), on)
    truth = _change_truth(old, new, kind, splits, merges, added, removed)
    truth["edits"] = [e.__dict__ for e in edits]
    return old, new, truth


def _change_truth(old: PlanSpec, new: PlanSpec, kind: dict[str, str], splits: dict[str, list[str]],
                  merges: dict[str, list[str]], added: list[str], removed: list[str]) -> dict:
    on_old, on_new = old.date, new.date
    n_old, n_new = old.numbers(), new.numbers()
    new_keys = {m.key for m in new.measures()}
    rows: list[dict[str, Any]] = []
    group = 0

    def row(change: str, ko: str | None, kn: str | None, grp: int | None = None) -> dict[str, Any]:
        mo = old.measure(ko) if ko else None
        mn = new.measure(kn) if kn else None
        lo = _lineages(mo) if mo else []
        ln = _lineages(mn) if mn else []
        po = old.part_of(ko) if ko else None
        pn = new.part_of(kn) if kn else None
        both = mo is not None and mn is not None
        ma = [mins.ministry(x, on_new).name for x in ln if x not in lo] if both else []
        mr = [mins.ministry(x, on_old).name for x in lo if x not in ln] if both else []
        text_o = mo.text(n_old, on_old) if mo else None
        text_n = mn.text(n_new, on_new) if mn else None
        return {
            "change_type": change,
            "old_key": ko, "new_key": kn,
            "old_number": n_old[ko] if ko else None, "new_number": n_new[kn] if kn else None,
            "old_title": mo.title if mo else None, "new_title": mn.title if mn else None,
            "renumbered": bool(both and n_old[ko] != n_new[kn]),
            "part_changed": bool(both and po.title != pn.title),
            "old_part": po.title if po else None, "new_part": pn.title if pn else None,
            "old_part_number": po.number if po else None, "new_part_number": pn.number if pn else None,
            "responsibility_changed": bool(both and (lo[:1] != ln[:1] or set(lo) != set(ln))),
            "ministries_added": ma, "ministries_removed": mr,
            "ministries_renamed": bool(both and mo.lead and mn.lead and
                                       ([mo.lead] + mo.co) != ([mn.lead] + mn.co) and lo == ln),
            "text_differs_only_by_renaming": bool(
                change == "unchanged" and both and text_o != text_n and _unname(text_o) == _unname(text_n)),
            "text_differs_only_in_references": bool(
                change == "unchanged" and both and text_o != text_n
                and re.sub(r"tiltak \d+", "tiltak N", text_o or "") == re.sub(r"tiltak \d+", "tiltak N", text_n or "")),
            "group": grp,
        }

    for m in old.measures():
        k = m.key
        if k in removed:
            rows.append(row("removed", k, None))
        elif k in splits:
            group += 1
            rows += [row("split", k, kn, group) for kn in splits[k]]
        elif any(k in ks for ks in merges.values()):
            target = next(t for t, ks in merges.items() if k in ks)
            if k == merges[target][0]:
                group += 1
                rows += [row("merged", ko, target, group) for ko in merges[target]]
        elif k in new_keys:
            change = kind.get(k)
            if change is None:
                mn = new.measure(k)
                same = mn.title == m.title and mn.sentences == m.sentences
                change = "unchanged" if same else "reworded"
            rows.append(row(change, k, k))
        else:
            raise AssertionError(f"old measure {k} lost without an edit")
    for k in added:
        rows.append(row("added", None, k))
    return {"old": {"name": old.name, "date": on_old.isoformat()},
            "new": {"name": new.name, "date": on_new.isoformat()},
            "changes": rows}


# --------------------------------------------------------------------------- standard pairs


@dataclass(frozen=True)
class PairRecipe:
    name: str
    topic: str
    old_date: date
    new_date: date
    old_layout: str
    new_layout: str
    seed: int
    n_measures: int | None = None


STANDARD_PAIRS: tuple[PairRecipe, ...] = (
    PairRecipe("pair_menneskehandel_2010_2013", "menneskehandel", date(2010, 3, 5), date(2013, 6, 1), "classic", "twocol_times", 11, 26),
    PairRecipe("pair_vold_barn_2019_2024", "vold_barn", date(2019, 2, 1), date(2024, 2, 1), "compact", "compact", 12, 26),
    PairRecipe("pair_digital_2024_2025", "digital", date(2024, 9, 2), date(2025, 3, 3), "mixed_table", "mixed_table", 13),
    PairRecipe("pair_vold_naere_2013_2016", "vold_naere", date(2013, 6, 20), date(2016, 9, 1), "twocol", "report", 14),
)


def generate_version_pairs(outdir: str | Path) -> list[dict[str, Any]]:
    """Write each pair's old/new PDFs + plan truths and ``<pair>.changes.json``; returns manifest entries."""
    from .build import build_plan
    from .standard import write_plan

    outdir = Path(outdir)
    out = []
    for r in STANDARD_PAIRS:
        spec = build_plan(r.topic, r.old_date, r.seed, name=f"{r.name}_old", n_measures=r.n_measures)
        from .layouts import LAYOUTS

        table_only = "table" in (LAYOUTS[r.old_layout].measures, LAYOUTS[r.new_layout].measures)
        old, new, truth = make_version_pair(spec, None, r.seed, new_date=r.new_date, new_name=f"{r.name}_new",
                                            table_only=table_only)
        opdf, otruth, _ = write_plan(old, outdir, r.old_layout)
        npdf, ntruth, _ = write_plan(new, outdir, r.new_layout)
        truth["old"].update({"pdf": opdf.name, "truth": otruth.name, "layout": r.old_layout})
        truth["new"].update({"pdf": npdf.name, "truth": ntruth.name, "layout": r.new_layout})
        cpath = outdir / f"{r.name}.changes.json"
        atomic_write_text(cpath, json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
        out.append({"name": r.name, "old_pdf": opdf, "new_pdf": npdf, "changes": cpath,
                    "old_layout": r.old_layout, "new_layout": r.new_layout})
    return out
