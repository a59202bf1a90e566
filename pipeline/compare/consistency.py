"""Does the press release agree with the plan it announces?

:func:`check_consistency` returns one :class:`pipeline.model.ConsistencyCheck` per check:

``measure_count``
    stated number of measures vs measures extracted.
``part_count``
    stated number of parts (or the number of part titles listed) vs parts extracted.
``part_title:<n>``
    each part title listed in the press release vs its best fuzzy match among the plan's part titles
    (rapidfuzz; score = max of ``ratio`` and ``token_sort_ratio`` on lower-cased titles without a leading
    "Del 2"/"2." label); agrees when the score is at least ``PART_TITLE_MIN`` and no other press part
    claimed the same plan part.  ``detail`` gives the best match and its score.
``ministry_count``
    stated number of ministries behind the plan vs distinct ministries responsible for measures.
``ministry:<id>``
    for every ministry behind the plan (the ministers' ministries) and every ministry responsible for a
    measure: is it on both sides?
``minors``
    the press release's emphasis on minors vs the number of measures mentioning children; when the press
    release says the emphasis runs through *all* parts, ``minors_part:<n>`` checks each part.

A check the press release does not state is still reported with ``stated`` None and ``agrees`` False
(cannot be confirmed), so the table has the same rows for every press release.
"""

from __future__ import annotations

import re
from typing import Callable

from rapidfuzz import fuzz

from pipeline import nlp  # lazy package: spaCy loads on first use
from pipeline.model import ConsistencyCheck, Measure, PlanExtraction, PressReleaseFacts

PART_TITLE_MIN = 0.85
_LABEL = re.compile(r"^\s*(?:(?:del|kapittel|kap\.?)\s*)?(?:\d+|[ivxlc]+)\s*[.:)\-–—]?\s+", re.IGNORECASE)
_ALL_PARTS = re.compile(r"\balle\b[^.]*\b(?:hoveddel\w*|del(?:er|ene)?|innsatsområd\w*|kapitl\w*)\b", re.IGNORECASE)


def _norm_title(t: str | None) -> str:
    t = " ".join((t or "").split())
    return _LABEL.sub("", t).lower().strip(" .:")


def part_title_score(a: str | None, b: str | None) -> float:
    """Similarity of two part titles in [0, 1]."""
    x, y = _norm_title(a), _norm_title(b)
    if not x or not y:
        return 0.0
    return max(fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y)) / 100.0


def _children_detector() -> Callable[[str], bool] | None:
    return nlp.mentions_children


def _mentions_children(m: Measure, detector: Callable[[str], bool] | None) -> bool:
    if m.mentions_children:
        return True
    if detector is None:
        return False
    return bool(detector(f"{m.title}\n{m.text}"))


def _plan_parts(plan: PlanExtraction) -> list[tuple[int | None, str]]:
    parts = [(p.number, p.title) for p in plan.parts if p.kind != "chapter"]
    if not parts:
        seen: dict[tuple, None] = {}
        for m in plan.measures:
            if m.part_number is not None or m.part_title:
                seen.setdefault((m.part_number, m.part_title or ""), None)
        parts = list(seen)
    return parts


def check_consistency(
    press: PressReleaseFacts,
    plan: PlanExtraction,
    *,
    mentions_children: Callable[[str], bool] | None = None,
) -> list[ConsistencyCheck]:
    """Compare what the press release states with what was extracted from the plan.

    ``mentions_children`` decides whether a measure text concerns children when the measure's own
    ``mentions_children`` flag is False; defaults to :func:`pipeline.nlp.mentions_children` if the NLP
    layer is importable, else only the flags are used.
    """
    pid = press.document.document_id
    plid = plan.document.document_id
    out: list[ConsistencyCheck] = []

    def add(check: str, stated, extracted, agrees: bool, detail: str = "") -> None:
        out.append(
            ConsistencyCheck(
                press_release_id=pid,
                plan_id=plid,
                check=check,
                stated=None if stated is None else str(stated),
                extracted=None if extracted is None else str(extracted),
                agrees=bool(agrees),
                detail=detail,
            )
        )

    # measures
    stated_n = press.document.stated_measure_count
    n = len(plan.measures)
    add("measure_count", stated_n, n, stated_n is not None and stated_n == n,
        "not stated in the press release" if stated_n is None else ("" if stated_n == n else f"difference {n - stated_n:+d}"))

    # parts
    plan_parts = _plan_parts(plan)
    stated_p = press.document.stated_part_count
    source = "stated"
    if stated_p is None and press.parts:
        stated_p, source = len(press.parts), "listed"
    add("part_count", stated_p, len(plan_parts), stated_p is not None and stated_p == len(plan_parts),
        "not stated in the press release" if stated_p is None else f"{source} in the press release")

    claimed: dict[int, int] = {}
    best_of: list[tuple[int | None, float]] = []
    for pp in press.parts:
        scores = [part_title_score(pp.title, t) for _, t in plan_parts]
        if scores:
            k = max(range(len(scores)), key=lambda i: (scores[i], -i))
            best_of.append((k, scores[k]))
            if scores[k] >= PART_TITLE_MIN:
                claimed[k] = claimed.get(k, 0) + 1
        else:
            best_of.append((None, 0.0))
    for pp, (k, score) in zip(press.parts, best_of):
        if k is None:
            add(f"part_title:{pp.number}", pp.title, None, False, "the plan has no parts")
            continue
        num, title = plan_parts[k]
        label = f"Del {num}" if num is not None else f"part {k + 1}"
        ok = score >= PART_TITLE_MIN and claimed.get(k, 0) == 1
        detail = f"best match {label} (score {score:.2f})"
        if num is not None and num != pp.number:
            detail += f"; press release lists it as part {pp.number}"
        if claimed.get(k, 0) > 1:
            detail += "; several press-release parts match this plan part"
        add(f"part_title:{pp.number}", pp.title, title, ok, detail)

    # ministries
    behind: dict[str, str] = {}
    unresolved: list[str] = []
    for mi in press.ministers:
        if mi.ministry_id:
            behind.setdefault(mi.ministry_id, mi.ministry_name or mi.ministry_id)
        else:
            unresolved.append(mi.title)
    responsible: dict[str, int] = {}
    names: dict[str, str] = dict(behind)
    for m in plan.measures:
        for mid in m.ministry_ids:
            responsible[mid] = responsible.get(mid, 0) + 1
        for r in m.responsibilities:
            names.setdefault(r.ministry_id, r.ministry_name)
    stated_m = press.stated_ministry_count
    detail = "not stated in the press release" if stated_m is None else f"{len(behind)} ministries from the listed ministers"
    if unresolved:
        detail += "; unresolved minister titles: " + ", ".join(unresolved)
    add("ministry_count", stated_m, len(responsible), stated_m is not None and stated_m == len(responsible), detail)
    for mid in sorted(set(behind) | set(responsible)):
        in_press, count = mid in behind, responsible.get(mid, 0)
        if in_press and count:
            detail = f"{names.get(mid, mid)}: behind the plan and responsible for {count} measure(s)"
        elif in_press:
            detail = f"{names.get(mid, mid)}: behind the plan but responsible for no measure"
        else:
            detail = f"{names.get(mid, mid)}: responsible for {count} measure(s) but not among the ministries behind the plan"
        add(f"ministry:{mid}", "behind the plan" if in_press else None,
            f"responsible for {count} measure(s)" if count else None, in_press and count > 0, detail)

    # minors
    detector = mentions_children if mentions_children is not None else _children_detector()
    flags = [_mentions_children(m, detector) for m in plan.measures]
    k = sum(flags)
    if press.emphasises_minors:
        add("minors", "emphasis on minors", f"{k} of {n} measures mention children", k > 0,
            press.emphasis_text or "")
    else:
        add("minors", None, f"{k} of {n} measures mention children", False, "no emphasis on minors stated")
    if press.emphasises_minors and press.emphasis_text and _ALL_PARTS.search(press.emphasis_text):
        for num, title in plan_parts:
            in_part = [f for m, f in zip(plan.measures, flags) if m.part_number == num and (num is not None or m.part_title == title)]
            c = sum(in_part)
            add(f"minors_part:{num}", "minors in every part", f"{c} of {len(in_part)} measures mention children", c > 0,
                title)
    return out


def consistency_markdown(checks: list[ConsistencyCheck]) -> str:
    """Markdown: per (press release, plan) pair a ``###`` heading, how many checks agree, and a table.

    Headings are level 3 so the text can sit inside a larger report's section.
    """

    def esc(s: str | None) -> str:
        return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", " ".join((s or "—").split()))

    if not checks:
        return "No press release vs plan checks.\n"
    pairs: dict[tuple[str, str], list[ConsistencyCheck]] = {}
    for c in checks:
        pairs.setdefault((c.press_release_id, c.plan_id), []).append(c)
    lines: list[str] = []
    for (press_id, plan_id), group in pairs.items():
        bad = [c for c in group if not c.agrees]
        lines += [
            f"### {esc(press_id)} → {esc(plan_id)}",
            "",
            f"**{len(group) - len(bad)} of {len(group)} checks agree.**"
            + (" Not confirmed: " + ", ".join(esc(c.check) for c in bad) + "." if bad else ""),
            "",
            "| Check | Press release | Plan | Agrees | Detail |",
            "|---|---|---|---|---|",
        ]
        for c in group:
            lines.append(
                f"| {esc(c.check)} | {esc(c.stated)} | {esc(c.extracted)} | {'yes' if c.agrees else 'no'} | {esc(c.detail)} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
