"""Align the measures of two plan versions and classify what happened to each.

Steps (see :mod:`pipeline.compare.thresholds` for the scores and their calibration):

1. Tokenise title and text of every measure (lemmas; numbers never used for alignment, since an
   insertion renumbers everything after it).
2. Score all old × new pairs (TF-IDF cosine + title similarity) and choose pairs with a global
   assignment (``scipy.optimize.linear_sum_assignment``); pairs below ``thresholds.match`` are dropped.
3. Splits (one old → several new) and merges (several old → one new) by containment: every piece must
   be largely contained in the whole, the pieces together must cover the whole, clearly better than
   the whole's single best partner.
4. Matched pairs are ``unchanged`` / ``reworded`` / ``modified``; the rest ``added`` / ``removed``.
   Renumbering, moves between parts (parts aligned by title) and responsibility changes (by
   ``ministry_id``, so renamed ministries are not changes) are flagged on each row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from pipeline.reference import default_registry
from pipeline.compare.diff import changed_windows, rename_runs, wording_changed
from pipeline.compare.parts import PartAligner, part_key, part_label
from pipeline.compare.similarity import (
    MeasureTokens,
    SimilarityModel,
    build_model,
    containment,
    coverage,
    sequence_similarity,
)
from pipeline.compare.thresholds import Thresholds, resolve_thresholds
from pipeline.compare.tokens import Tokenizer, resolve_tokenizer
from pipeline.model import ChangeType, Measure, MeasureChange, PlanExtraction

CHANGE_TYPES: tuple[ChangeType, ...] = ("unchanged", "reworded", "modified", "added", "removed", "split", "merged")
CHANGED_MAX_SIMILARITY = 0.99  # the highest similarity a pair whose wording changed is given


@dataclass
class ComparisonSummary:
    """Counts of change rows.

    ``by_type``: rows per change type (every type present, zeros included).
    ``groups``: number of split and merge events (a split into two new measures is two rows, one group).
    ``by_part``: part label (new part; old part for removed rows) -> change type -> rows.
    ``by_ministry``: ministry_id -> change type -> rows where the ministry is responsible in either version.
    ``ministry_names``: ministry_id -> name valid on the new document's naming date (its publication date,
    else the date extraction inferred); ``old_ministry_names``: the same on the old document's date, so
    each version's ministries are named as of its own date and a renamed ministry shows as a rename.
    ``renumbered``, ``moved``, ``responsibility_changed``: rows with that flag.
    ``parts``: (old part label, new part label, status) for every part, status one of same,
    renumbered, retitled, renumbered and retitled, added, removed.
    """

    by_type: dict[str, int]
    groups: dict[str, int]
    by_part: dict[str, dict[str, int]]
    by_ministry: dict[str, dict[str, int]]
    ministry_names: dict[str, str]
    renumbered: int
    moved: int
    responsibility_changed: int
    old_measure_count: int
    new_measure_count: int
    parts: list[tuple[str | None, str | None, str]] = field(default_factory=list)  # (old, new, status)
    ministry_abbreviations: dict[str, str] = field(default_factory=dict)  # on the new document's date
    old_ministry_names: dict[str, str] = field(default_factory=dict)  # on the old document's date
    old_ministry_abbreviations: dict[str, str] = field(default_factory=dict)

    @property
    def nothing_changed(self) -> bool:
        return (
            self.by_type.get("unchanged", 0) == sum(self.by_type.values())
            and self.renumbered == 0
            and self.moved == 0
            and self.responsibility_changed == 0
            and all(status == "same" for _, _, status in self.parts)
        )


@dataclass
class Comparison:
    old_document_id: str
    new_document_id: str
    changes: list[MeasureChange]
    summary: ComparisonSummary
    old: PlanExtraction
    new: PlanExtraction
    thresholds: Thresholds = field(default_factory=Thresholds)
    tokenizer: str = ""
    # (old words, new words) of diff runs that are a ministry renamed between the versions, not a wording edit
    renamed_words: set[tuple[str, str]] = field(default_factory=set)


# --------------------------------------------------------------------------- helpers


def _norm_number(n: str | None) -> str:
    return (n or "").strip().rstrip(".").lower()


def _roles(m: Measure) -> dict[str, str]:
    roles: dict[str, str] = {}
    for r in m.responsibilities:
        roles.setdefault(r.ministry_id, r.role)
    return roles


def _responsibility_delta(old: Measure, new: Measure) -> tuple[bool, list[str], list[str]]:
    ro, rn = _roles(old), _roles(new)
    added = sorted(set(rn) - set(ro))
    removed = sorted(set(ro) - set(rn))
    swapped = any(ro[k] != rn[k] for k in set(ro) & set(rn)) or old.lead_ministry_id != new.lead_ministry_id
    return bool(added or removed or swapped), added, removed


def _assign(score: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    if score.size == 0:
        return []
    rows, cols = linear_sum_assignment(score, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols) if score[i, j] >= minimum)


@dataclass
class _Group:
    kind: ChangeType  # "split" or "merged"
    old: list[int]
    new: list[int]


def _find_groups(
    toks_old: list[MeasureTokens],
    toks_new: list[MeasureTokens],
    pairs: dict[int, int],
    model: SimilarityModel,
    th: Thresholds,
) -> list[_Group]:
    """One-to-many (split) and many-to-one (merge) groups, by containment."""
    idf = model.idf
    matched_new = {j: i for i, j in pairs.items()}
    groups: list[_Group] = []
    used_old: set[int] = set()
    used_new: set[int] = set()

    def detect(wholes, pieces_all, partner_of, free_pieces, used_whole, used_piece):
        found = []
        for w in range(len(wholes)):
            if w in used_whole:
                continue
            whole = wholes[w].all
            if not whole:
                continue
            partner = partner_of.get(w)
            cands = [p for p in free_pieces if p not in used_piece]
            if partner is not None:
                cands.append(partner)
            pieces = [p for p in sorted(set(cands)) if containment(pieces_all[p].all, whole, idf) >= th.contain]
            ok = len(pieces) >= 2
            if ok:
                cov = coverage(whole, [pieces_all[p].all for p in pieces], idf)
                best_single = max(coverage(whole, [pieces_all[p].all], idf) for p in pieces)
                ok = cov >= th.cover and best_single < th.single_cover and cov - best_single >= th.gain
            if not ok:
                pieces = _restating_pieces(wholes[w], pieces_all, partner, set(cands), idf, th)
                if not pieces:
                    continue
            found.append((w, pieces))
            used_whole.add(w)
            used_piece.update(pieces)
        return found

    free_new = [j for j in range(len(toks_new)) if j not in matched_new]
    for w, pieces in detect(toks_old, toks_new, pairs, free_new, used_old, used_new):
        groups.append(_Group("split", [w], pieces))
    free_old = [i for i in range(len(toks_old)) if i not in pairs and i not in used_old]
    partner_new = {j: i for j, i in matched_new.items() if i not in used_old}
    for w, pieces in detect(toks_new, toks_old, partner_new, free_old, used_new, used_old):
        groups.append(_Group("merged", pieces, [w]))
    return groups


def _restating_pieces(whole: MeasureTokens, pieces_all: list[MeasureTokens], partner: int | None, free: set[int],
                      idf: dict[str, float], th: Thresholds) -> list[int]:
    """A split coverage cannot see: the whole kept (nearly) word for word by its partner, and right beside it
    (consecutive positions) free measures whose titles each restate the whole's title with more words ("styrke X"
    -> "styrke X" + "evaluere arbeidet med å styrke X"). The partner alone covers the whole, so it looks like an
    unchanged measure plus an added one; the restated title next to it says split. Returns the pieces (partner
    included) in order, or [] when this is not such a split."""
    if partner is None or not whole.title or coverage(whole.all, [pieces_all[partner].all], idf) < th.single_cover:
        return []

    def restates(k: int) -> bool:
        t = pieces_all[k].title
        return bool(set(t) - set(whole.title)) and coverage(whole.title, [t], idf) >= th.single_cover

    run = [partner]
    for step in (-1, 1):
        k = partner + step
        while k in free and k != partner and restates(k):
            run.append(k)
            k += step
    return sorted(run) if len(run) > 1 else []


# --------------------------------------------------------------------------- main entry


def compare_plans(
    old: PlanExtraction,
    new: PlanExtraction,
    *,
    tokenize: Tokenizer | None = None,
    thresholds: Thresholds | dict | None = None,
) -> Comparison:
    """Compare two versions of a plan measure by measure.

    ``tokenize`` defaults to :func:`pipeline.nlp.comparison_tokens`.  Returns one row per aligned
    pair, per added or removed measure, and per piece of a split or merge (rows of one split/merge
    share ``group``).  Rows follow the new version's order; removed measures are placed after the new
    counterpart of their nearest preceding old neighbour.
    """
    tok, tok_name = resolve_tokenizer(tokenize)
    al = _align(old, new, tok, resolve_thresholds(thresholds))
    new_of_old: dict[int, int] = {}  # old index -> new index it went to (pairs, then groups)
    keyed = _pair_rows(al, new_of_old) + _group_rows(al, new_of_old) + _added_rows(al) + _removed_rows(al, new_of_old)
    keyed.sort(key=lambda kv: kv[0])
    changes = [c for _, c in keyed]
    summary = summarise(changes, old, new)
    summary.parts = al.parts.changes()
    return Comparison(
        old_document_id=old.document.document_id,
        new_document_id=new.document.document_id,
        changes=changes,
        summary=summary,
        old=old,
        new=new,
        thresholds=al.th,
        tokenizer=tok_name,
        renamed_words=_renamed_words(al),
    )


def _renamed_words(al: "_Alignment") -> set[tuple[str, str]]:
    """Diff runs of aligned texts (pairs, and joined split/merge texts) that only rename a ministry."""
    found: set[tuple[str, str]] = set()
    texts = [(al.mo[i], al.mn[j]) for i, j in al.pairs.items()]
    pairs = [(a.title, b.title) for a, b in texts] + [(a.text, b.text) for a, b in texts]
    for g in al.groups:
        pairs.append((" ".join(al.mo[i].text or "" for i in g.old), " ".join(al.mn[j].text or "" for j in g.new)))
    for old_text, new_text in pairs:
        found |= rename_runs(old_text, new_text, al.tok)
    return found


@dataclass
class _Alignment:
    """The measures of both versions, their tokens, and how they were aligned (pairs and groups)."""

    old: PlanExtraction
    new: PlanExtraction
    tok: Any
    th: Thresholds
    toks_old: list[MeasureTokens]
    toks_new: list[MeasureTokens]
    model: Any
    pairs: dict[int, int]  # old index -> new index, 1:1
    groups: list[_Group]  # splits and merges
    parts: PartAligner

    @property
    def mo(self) -> list[Measure]:
        return self.old.measures

    @property
    def mn(self) -> list[Measure]:
        return self.new.measures


def _align(old: PlanExtraction, new: PlanExtraction, tok, th: Thresholds) -> _Alignment:
    """Tokenise every measure, assign 1:1 pairs, find splits and merges, align the parts."""
    mo, mn = old.measures, new.measures
    tok.prime([m.title for m in mo] + [m.text for m in mo] + [m.title for m in mn] + [m.text for m in mn])
    toks_old = [MeasureTokens(tok(m.title or ""), tok(m.text or "")) for m in mo]
    toks_new = [MeasureTokens(tok(m.title or ""), tok(m.text or "")) for m in mn]
    model = build_model(toks_old, toks_new)
    pairs = dict(_assign(model.score, th.match))
    groups = _find_groups(toks_old, toks_new, pairs, model, th)
    in_group_old = {i for g in groups for i in g.old}
    in_group_new = {j for g in groups for j in g.new}
    pairs = {i: j for i, j in pairs.items() if i not in in_group_old and j not in in_group_new}
    parts = PartAligner(old, new, th.part, tok)
    flow_pairs = list(pairs.items()) + [(i, j) for g in groups for i in g.old for j in g.new]
    parts.add_measure_flow([(part_key(old, mo[i]), part_key(new, mn[j])) for i, j in flow_pairs])
    return _Alignment(old, new, tok, th, toks_old, toks_new, model, pairs, groups, parts)


def _change_row(al: _Alignment, kind: ChangeType, i: int | None, j: int | None, sim: float | None,
                group: int | None) -> MeasureChange:
    a = al.mo[i] if i is not None else None
    b = al.mn[j] if j is not None else None
    renumbered = part_changed = resp = False
    added: list[str] = []
    removed: list[str] = []
    if a is not None and b is not None:
        renumbered = _norm_number(a.number) != _norm_number(b.number)
        part_changed = al.parts.moved(part_key(al.old, a), part_key(al.new, b))
        resp, added, removed = _responsibility_delta(a, b)
    return MeasureChange(
        old_document_id=al.old.document.document_id,
        new_document_id=al.new.document.document_id,
        change_type=kind,
        old_measure_id=a.measure_id if a else None,
        new_measure_id=b.measure_id if b else None,
        old_number=a.number if a else None,
        new_number=b.number if b else None,
        old_title=a.title if a else None,
        new_title=b.title if b else None,
        similarity=None if sim is None else round(float(sim), 4),
        renumbered=renumbered,
        part_changed=part_changed,
        old_part=part_label(part_key(al.old, a)) if a else None,
        new_part=part_label(part_key(al.new, b)) if b else None,
        responsibility_changed=resp,
        ministries_added=added,
        ministries_removed=removed,
        group=group,
    )


Keyed = list[tuple[tuple, MeasureChange]]


def _pair_rows(al: _Alignment, new_of_old: dict[int, int]) -> Keyed:
    """1:1 pairs: unchanged, reworded or modified."""
    mo, mn, tok = al.mo, al.mn, al.tok
    number_map = {_norm_number(mo[i].number): _norm_number(mn[j].number)
                  for i, j in al.pairs.items() if mo[i].number and mn[j].number}
    windows: list[str] = []
    for i, j in al.pairs.items():
        for x, y in ((mo[i].title, mn[j].title), (mo[i].text, mn[j].text)):
            for seg in changed_windows(x, y, number_map=number_map) or []:
                windows.extend(seg)
    tok.prime(windows)
    keyed: Keyed = []
    for i, j in al.pairs.items():
        a, b = mo[i], mn[j]
        if bool((a.text or "").strip()) != bool((b.text or "").strip()):
            # one version prints the measure without body text (e.g. only in a summary table): the text
            # cannot be compared, so the titles decide
            changed = wording_changed(a.title, b.title, tok, number_map=number_map)
            sim = sequence_similarity(al.toks_old[i].title, al.toks_new[j].title)
        else:
            changed = wording_changed(a.title, b.title, tok, number_map=number_map) or wording_changed(
                a.text, b.text, tok, number_map=number_map
            )
            sim = sequence_similarity(al.toks_old[i].all, al.toks_new[j].all)
        kind: ChangeType = "unchanged" if not changed else ("reworded" if sim >= al.th.reworded else "modified")
        if not changed:
            sim = 1.0
        else:  # lemmas may agree where the words do not ("tiltak" / "tiltaket"): a changed text is never 1.0
            sim = min(sim, CHANGED_MAX_SIMILARITY)
        keyed.append(((j, 0, i), _change_row(al, kind, i, j, sim, None)))
        new_of_old[i] = j
    return keyed


def _group_rows(al: _Alignment, new_of_old: dict[int, int]) -> Keyed:
    """One row per (old, new) piece of a split or merge; similarity is the containment of the smaller side."""
    keyed: Keyed = []
    al.groups.sort(key=lambda g: (min(g.new), min(g.old)))
    for gno, g in enumerate(al.groups, start=1):
        for i in g.old:
            for j in g.new:
                small, big = (al.toks_new[j], al.toks_old[i]) if g.kind == "split" else (al.toks_old[i], al.toks_new[j])
                sim = containment(small.all, big.all, al.model.idf)
                keyed.append(((j, 0, i), _change_row(al, g.kind, i, j, sim, gno)))
            new_of_old.setdefault(i, min(g.new))
    return keyed


def _added_rows(al: _Alignment) -> Keyed:
    in_group_new = {j for g in al.groups for j in g.new}
    paired_new = set(al.pairs.values())
    return [((j, 0, -1), _change_row(al, "added", None, j, None, None))
            for j in range(len(al.mn)) if j not in paired_new and j not in in_group_new]


def _removed_rows(al: _Alignment, new_of_old: dict[int, int]) -> Keyed:
    """Old measures with no counterpart, placed after the new counterpart of their nearest aligned predecessor."""
    keyed: Keyed = []
    for i in range(len(al.mo)):
        if i in new_of_old:
            continue
        anchor = -1
        for k in range(i - 1, -1, -1):
            if k in new_of_old:
                anchor = new_of_old[k]
                break
        keyed.append(((anchor, 1, i), _change_row(al, "removed", i, None, None, None)))
    return keyed


# --------------------------------------------------------------------------- summary


def naming_date(plan: PlanExtraction) -> date | None:
    """The date a version's ministries are named as of: its publication date, else the date extraction
    inferred (``DocumentInfo.naming_date``), else None (today)."""
    return plan.document.published or plan.document.naming_date


def _names_on(plans: tuple[PlanExtraction, ...], on: date | None) -> tuple[dict[str, str], dict[str, str]]:
    """ministry_id -> name / abbreviation on ``on`` for every ministry responsible in ``plans``: from the
    registry when it knows the id, else as extracted (the first plan's names first)."""
    names: dict[str, str] = {}
    abbrs: dict[str, str] = {}
    for plan in plans:
        for m in plan.measures:
            for r in m.responsibilities:
                names.setdefault(r.ministry_id, r.ministry_name or r.ministry_id)
                if r.abbreviation:
                    abbrs.setdefault(r.ministry_id, r.abbreviation)
    reg = default_registry()
    if reg is not None:
        for mid in list(names):
            try:
                names[mid] = reg.name_on(mid, on)
                abbr = reg.abbreviation_on(mid, on)
                if abbr:
                    abbrs[mid] = abbr
            except Exception:  # an id the registry does not know (e.g. test data): keep what was extracted
                pass
    return dict(sorted(names.items())), dict(sorted(abbrs.items()))


def ministry_names(old: PlanExtraction, new: PlanExtraction) -> tuple[dict[str, str], dict[str, str]]:
    """(names, abbreviations): ministry_id -> name / abbreviation valid on the new document's naming date."""
    return _names_on((new, old), naming_date(new))


def old_ministry_names(old: PlanExtraction, new: PlanExtraction) -> tuple[dict[str, str], dict[str, str]]:
    """(names, abbreviations) valid on the old document's naming date."""
    return _names_on((old, new), naming_date(old))


def summarise(changes: list[MeasureChange], old: PlanExtraction, new: PlanExtraction) -> ComparisonSummary:
    by_type = {t: 0 for t in CHANGE_TYPES}
    groups: dict[str, set[int]] = {"split": set(), "merged": set()}
    by_part: dict[str, dict[str, int]] = {}
    by_ministry: dict[str, dict[str, int]] = {}
    old_by_id = {m.measure_id: m for m in old.measures}
    new_by_id = {m.measure_id: m for m in new.measures}
    for c in changes:
        by_type[c.change_type] += 1
        if c.group is not None and c.change_type in groups:
            groups[c.change_type].add(c.group)
        label = c.new_part if c.new_measure_id is not None else c.old_part
        label = label or "(no part)"
        by_part.setdefault(label, {})
        by_part[label][c.change_type] = by_part[label].get(c.change_type, 0) + 1
        mids: set[str] = set()
        if c.old_measure_id in old_by_id:
            mids.update(old_by_id[c.old_measure_id].ministry_ids)
        if c.new_measure_id in new_by_id:
            mids.update(new_by_id[c.new_measure_id].ministry_ids)
        for mid in mids:
            d = by_ministry.setdefault(mid, {})
            d[c.change_type] = d.get(c.change_type, 0) + 1
    names, abbrs = ministry_names(old, new)
    old_names, old_abbrs = old_ministry_names(old, new)
    return ComparisonSummary(
        by_type=by_type,
        groups={k: len(v) for k, v in groups.items()},
        by_part=by_part,
        by_ministry=dict(sorted(by_ministry.items(), key=lambda kv: (names.get(kv[0], kv[0]), kv[0]))),
        ministry_names=names,
        ministry_abbreviations=abbrs,
        old_ministry_names=old_names,
        old_ministry_abbreviations=old_abbrs,
        renumbered=sum(c.renumbered for c in changes),
        moved=sum(c.part_changed for c in changes),
        responsibility_changed=sum(c.responsibility_changed for c in changes),
        old_measure_count=len(old.measures),
        new_measure_count=len(new.measures),
    )
