"""The change report as data: everything the Markdown and HTML reports say, built once from a
:class:`~pipeline.compare.align.Comparison` (:func:`build_report`) and rendered by the templates in
``pipeline/compare/templates`` (``pipeline.compare.report``).

The report: a header labelling both versions (id, title, date or naming date, measure count), an
overview figure (HTML only: old numbers left, new right, a line per aligned pair coloured by change
type), a summary (headline, counts per change type, part structure, counts per part and per ministry,
each version's ministries named as on its own date, renamed ministries as renames), every change with
word-level diffs of title and text (a split or merge as one diff of the joined old texts against the
joined new texts; a ministry renamed in the text as a rename), renumberings and moves ("7 → 8", "Del 2 →
Del 3"), where each measure is printed (pages in a PDF, the chapter address with its anchor on the web),
responsibility changes spelled out with ministry names, and a footer documenting the method and
thresholds. It depends only on the comparison (no timestamps).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pipeline.compare.align import CHANGE_TYPES, CHANGED_MAX_SIMILARITY, Comparison
from pipeline.compare.diff import Segment, mark_renames, word_diff
from pipeline.compare.overview import Overview, build_overview
from pipeline.model import Measure, MeasureChange

TYPE_LABEL = {
    "unchanged": "Unchanged",
    "reworded": "Reworded",
    "modified": "Modified",
    "added": "Added",
    "removed": "Removed",
    "split": "Split",
    "merged": "Merged",
}
ROLE_LABEL = {"lead": "lead", "co": "co-responsible", "all": "all ministries"}


@dataclass
class CountTable:
    """A summary table: a header and rows whose first cell labels the row, the rest are counts."""

    header: list[str]
    rows: list[list[str]]


@dataclass
class Renumbered:
    old_number: str
    new_number: str
    title: str


@dataclass
class Section:
    """One change in the report: a pair, an added/removed measure, or a split/merge group."""

    kind: str
    heading: str
    facts: list[str] = field(default_factory=list)  # plain-text lines
    diffs: list[tuple[str, list[Segment]]] = field(default_factory=list)  # (label, segments)


def _num(n: str | None) -> str:
    return n if n else "?"


def _label_map(names: dict[str, str], abbrs: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for mid, name in names.items():
        tag = abbrs.get(mid) or mid
        out[mid] = f"{name} ({tag})" if name and name != tag else tag
    return out


def _labels(comparison: Comparison) -> dict[str, str]:
    """ministry_id -> "Name (ABBR)" on the new document's naming date (the id if no abbreviation)."""
    s = comparison.summary
    return _label_map(s.ministry_names, s.ministry_abbreviations)


def _old_labels(comparison: Comparison) -> dict[str, str]:
    """ministry_id -> "Name (ABBR)" on the old document's naming date (new labels where unknown)."""
    s = comparison.summary
    old = getattr(s, "old_ministry_names", None) or {}
    return {**_labels(comparison), **_label_map(old, getattr(s, "old_ministry_abbreviations", None) or {})}


def _ministry(mid: str, labels: dict[str, str]) -> str:
    return labels.get(mid, mid)


def _both(mid: str, old: dict[str, str], new: dict[str, str]) -> str:
    """The ministry as named on each version's date: "old → new" when it was renamed in between."""
    a, b = _ministry(mid, old), _ministry(mid, new)
    return b if a == b else f"{a} → {b}"


def _responsibility_facts(a: Measure, b: Measure, c: MeasureChange, old: dict[str, str], new: dict[str, str]) -> list[str]:
    out: list[str] = []
    roles_b = {r.ministry_id: r.role for r in b.responsibilities}
    roles_a = {r.ministry_id: r.role for r in a.responsibilities}
    for mid in c.ministries_added:
        out.append(f"Responsibility added: {_ministry(mid, new)} ({ROLE_LABEL.get(roles_b.get(mid, ''), roles_b.get(mid, ''))})")
    for mid in c.ministries_removed:
        out.append(f"Responsibility removed: {_ministry(mid, old)} (was {ROLE_LABEL.get(roles_a.get(mid, ''), roles_a.get(mid, ''))})")
    if a.lead_ministry_id != b.lead_ministry_id:
        la = _ministry(a.lead_ministry_id, old) if a.lead_ministry_id else "none"
        lb = _ministry(b.lead_ministry_id, new) if b.lead_ministry_id else "none"
        out.append(f"Lead ministry: {la} → {lb}")
    for mid in sorted(set(roles_a) & set(roles_b)):
        if roles_a[mid] != roles_b[mid] and not (a.lead_ministry_id != b.lead_ministry_id and mid in (a.lead_ministry_id, b.lead_ministry_id)):
            out.append(f"Role of {_both(mid, old, new)}: {ROLE_LABEL.get(roles_a[mid], roles_a[mid])} → {ROLE_LABEL.get(roles_b[mid], roles_b[mid])}")
    return out


def similarity_text(value: float, changed: bool = True) -> str:
    """Two decimals, rounded down for a changed text, so a changed text never reads 1.00."""
    if changed:
        value = math.floor(value * 100) / 100
    return f"{value:.2f}"


def _where(m: Measure) -> str:
    """Where a measure is printed: "p. 12" / "pp. 12-13" in a PDF, the chapter URL with its anchor on the web."""
    return m.locator or "(not located)"


def _where_fact(old: Measure | None, new: Measure | None) -> str:
    if old is not None and new is not None:
        return f"Where: old {_where(old)}; new {_where(new)}"
    return f"Where: {_where(old or new)}"


def _pair_facts(c: MeasureChange, a: Measure, b: Measure, old: dict[str, str], new: dict[str, str]) -> list[str]:
    facts: list[str] = [_where_fact(a, b)]
    if c.renumbered:
        facts.append(f"Renumbered: {_num(c.old_number)} → {_num(c.new_number)}")
    if c.part_changed:
        facts.append(f"Moved: {c.old_part or '(no part)'} → {c.new_part or '(no part)'}")
    if c.responsibility_changed:
        facts.extend(_responsibility_facts(a, b, c, old, new))
    if c.similarity is not None and c.change_type != "unchanged":
        facts.append(f"Similarity: {similarity_text(c.similarity)}")
    return facts


def _measure_line(m: Measure, part: str | None, names: dict[str, str]) -> str:
    resp = ", ".join(f"{_ministry(r.ministry_id, names)} ({ROLE_LABEL.get(r.role, r.role)})" for r in m.responsibilities)
    bits = [f"Tiltak {_num(m.number)}"]
    if part:
        bits.append(part)
    if resp:
        bits.append("responsible: " + resp)
    return "; ".join(bits)


def _group_section(c: MeasureChange, rows: list[MeasureChange], comparison: Comparison, old_by: dict, new_by: dict,
                   old: dict[str, str], new: dict[str, str]) -> Section:
    """A split or merge: which measures became which, and one word diff of the joined old texts against
    the joined new texts (a merge that joins two texts word for word shows no edits)."""
    renamed = getattr(comparison, "renamed_words", set())
    olds = list(dict.fromkeys(r.old_measure_id for r in rows))
    news = list(dict.fromkeys(r.new_measure_id for r in rows))
    on = ", ".join(_num(old_by[i].number) for i in olds)
    nn = ", ".join(_num(new_by[i].number) for i in news)
    verb = "split into" if c.change_type == "split" else "merged into"
    it = Section(c.change_type, f"{TYPE_LABEL[c.change_type]}: tiltak {on} {verb} {nn}")
    for i in olds:
        m = old_by[i]
        line = "Old " + _measure_line(m, next(r.old_part for r in rows if r.old_measure_id == i), old)
        if c.change_type == "merged":
            share = [x.similarity for x in rows if x.old_measure_id == i and x.similarity is not None]
            if share:
                line += f"; containment {similarity_text(max(share), changed=False)}"
        it.facts.append(line + f": {m.title} ({_where(m)})")
    for j in news:
        m = new_by[j]
        line = "New " + _measure_line(m, next(r.new_part for r in rows if r.new_measure_id == j), new)
        share = [x.similarity for x in rows if x.new_measure_id == j and x.similarity is not None]
        if share and c.change_type == "split":
            line += f"; containment {similarity_text(max(share), changed=False)}"
        it.facts.append(line + f": {m.title} ({_where(m)})")
    old_titles = " / ".join(old_by[i].title or "" for i in olds)
    new_titles = " / ".join(new_by[j].title or "" for j in news)
    it.diffs.append((f"Titles {on} → {nn}", mark_renames(word_diff(old_titles, new_titles), renamed)))
    old_text = " ".join(old_by[i].text or "" for i in olds)
    new_text = " ".join(new_by[j].text or "" for j in news)
    it.diffs.append((f"Text {on} → {nn}", mark_renames(word_diff(old_text, new_text), renamed)))
    return it


def _sections(comparison: Comparison) -> tuple[list[Section], list[MeasureChange]]:
    """Report sections in row order, and the rows with nothing to show (unchanged, not moved)."""
    new_names = _labels(comparison)
    old_names = _old_labels(comparison)
    renamed = getattr(comparison, "renamed_words", set())
    old_by = {m.measure_id: m for m in comparison.old.measures}
    new_by = {m.measure_id: m for m in comparison.new.measures}
    items: list[Section] = []
    quiet: list[MeasureChange] = []
    seen_groups: set[int] = set()
    for c in comparison.changes:
        a = old_by.get(c.old_measure_id) if c.old_measure_id else None
        b = new_by.get(c.new_measure_id) if c.new_measure_id else None
        if c.change_type in ("split", "merged"):
            if c.group not in seen_groups:
                seen_groups.add(c.group)
                rows = [r for r in comparison.changes if r.group == c.group]
                items.append(_group_section(c, rows, comparison, old_by, new_by, old_names, new_names))
            continue
        if c.change_type == "added" and b is not None:
            it = Section("added", f"Added: tiltak {_num(b.number)} {b.title}".rstrip())
            it.facts += [_measure_line(b, c.new_part, new_names), _where_fact(None, b)]
            it.diffs.append(("Title", [Segment("insert", b.title)] if b.title else []))
            it.diffs.append(("Text", [Segment("insert", b.text)] if b.text else []))
            items.append(it)
            continue
        if c.change_type == "removed" and a is not None:
            it = Section("removed", f"Removed: tiltak {_num(a.number)} {a.title}".rstrip())
            it.facts += [_measure_line(a, c.old_part, old_names), _where_fact(a, None)]
            it.diffs.append(("Title", [Segment("delete", a.title)] if a.title else []))
            it.diffs.append(("Text", [Segment("delete", a.text)] if a.text else []))
            items.append(it)
            continue
        assert a is not None and b is not None
        if c.change_type == "unchanged" and not (c.part_changed or c.responsibility_changed):
            quiet.append(c)  # unchanged, possibly renumbered: listed compactly
            continue
        num = _num(a.number) if a.number == b.number else f"{_num(a.number)} → {_num(b.number)}"
        it = Section(c.change_type, f"{TYPE_LABEL[c.change_type]}: tiltak {num} {b.title}".rstrip())
        it.facts = _pair_facts(c, a, b, old_names, new_names)
        if c.change_type != "unchanged":
            title_diff = mark_renames(word_diff(a.title, b.title), renamed)
            if any(seg.op != "equal" for seg in title_diff):
                it.diffs.append(("Title", title_diff))
            it.diffs.append(("Text", mark_renames(word_diff(a.text, b.text), renamed)))
        items.append(it)
    return items, quiet


def _date_part(plan) -> str:
    d = plan.document
    if d.published:
        return f"published {d.published.isoformat()}"
    if getattr(d, "naming_date", None):
        return f"undated; ministries named as of {d.naming_date.isoformat()} (inferred)"
    return "undated; ministries named as of today"


def _short(plan) -> str:
    """A version in a few words: its date (published, else the inferred naming date), else its id."""
    d = plan.document
    when = d.published or getattr(d, "naming_date", None)
    return when.isoformat() if when else d.document_id


def _doc_line(plan) -> str:
    """Version label: id, title, date (or naming date), measure count."""
    d = plan.document
    return f"{d.document_id} — {d.title or d.document_id} — {_date_part(plan)} — {len(plan.measures)} measures"


def _report_title(comparison: Comparison) -> str:
    old, new = comparison.old, comparison.new
    a, b = old.document.title or old.document.document_id, new.document.title or new.document.document_id
    versions = f"{_short(old)} → {_short(new)}"
    if _short(old) == _short(new):
        versions = f"{old.document.document_id} → {new.document.document_id}"
    return f"{b} ({versions})" if a == b else f"{a} → {b} ({versions})"


def _renamed_ministries(comparison: Comparison) -> list[str]:
    """Ministries named differently on the two versions' dates: "old → new" (a rename, not a change)."""
    old, new = _old_labels(comparison), _labels(comparison)
    return [f"{old[mid]} → {new[mid]}" for mid in sorted(new) if mid in old and old[mid] != new[mid]]


def _summary_tables(comparison: Comparison) -> tuple[list[str], list[list[str]], list[list[str]], list[list[str]]]:
    s = comparison.summary
    types = [t for t in CHANGE_TYPES]
    type_rows = []
    for t in types:
        n = s.by_type.get(t, 0)
        extra = ""
        if t in s.groups and s.groups[t]:
            extra = f" ({s.groups[t]} {'group' if s.groups[t] == 1 else 'groups'})"
        type_rows.append([TYPE_LABEL[t], f"{n}{extra}"])
    present = [t for t in types if s.by_type.get(t, 0)]
    part_rows = [[p] + [str(c.get(t, 0)) for t in present] for p, c in s.by_part.items()]
    old_labels, labels = _old_labels(comparison), _labels(comparison)
    min_rows = [[_both(mid, old_labels, labels)] + [str(c.get(t, 0)) for t in present] for mid, c in s.by_ministry.items()]
    return present, type_rows, part_rows, min_rows


def _headline(comparison: Comparison) -> str:
    s = comparison.summary
    if s.nothing_changed:
        return f"Nothing changed: all {s.new_measure_count} measures are unchanged (same wording, numbers, parts and responsibilities)."
    bits = [f"{n} {TYPE_LABEL[t].lower()}" for t, n in s.by_type.items() if n]
    flags = []
    if s.renumbered:
        flags.append(f"{s.renumbered} renumbered")
    if s.moved:
        flags.append(f"{s.moved} moved between parts")
    if s.responsibility_changed:
        flags.append(f"{s.responsibility_changed} with changed responsibility")
    line = f"{s.old_measure_count} → {s.new_measure_count} measures: " + ", ".join(bits) + "."
    if flags:
        line += " Of the rows, " + ", ".join(flags) + "."
    return line


def _short_date(plan) -> str:
    d = plan.document
    when = d.published or getattr(d, "naming_date", None)
    return when.isoformat() if when else "today"


def _footer_lines(comparison: Comparison) -> list[str]:
    th = comparison.thresholds
    return [
        "Method: measures are aligned by text similarity, never by number (TF-IDF cosine of lemma tokens of title + "
        "text, combined with title similarity; global assignment with scipy's linear_sum_assignment). Splits and merges "
        "are found by containment (share of the smaller side's weighted tokens found in the larger side). Ministries are "
        "compared by ministry_id, so a renamed ministry is not a responsibility change; each version's ministries are "
        f"named as on its own date (old: {_short_date(comparison.old)}, new: {_short_date(comparison.new)}), a rename "
        "between them shown as old → new; in the texts a run of words that only renames a ministry is marked as a "
        "rename, not as a wording edit.",
        f"Thresholds: match ≥ {th.match}; reworded if lemma sequence similarity ≥ {th.reworded}, else modified; "
        f"split/merge piece containment ≥ {th.contain}, joint coverage ≥ {th.cover} and ≥ {th.gain} above the best "
        f"single partner (whose coverage < {th.single_cover}); parts are the same part if title similarity ≥ {th.part}.",
        "Unchanged means the words as written differ at most in whitespace, punctuation, case, hyphens inside words, "
        "the name of a renamed ministry or a cross-reference number that follows the renumbering. When only one version "
        "has body text for a measure (e.g. a summary-table-only layout), the titles alone decide. Similarity: lemma "
        f"sequence similarity for pairs (at most {CHANGED_MAX_SIMILARITY:.2f} for a changed text, shown rounded down), "
        "containment for split/merge rows; a split or merge is shown as one word diff of the joined old texts "
        "against the joined new texts.",
        f"Tokenizer: {comparison.tokenizer or 'unknown'}. Generated by tiltak (pipeline.compare).",
    ]


@dataclass
class ChangeReport:
    title: str  # "Plan title (2016-12-14 → 2019-03-01)", or "old title → new title (...)"
    old_title: str
    new_title: str
    old_line: str  # "id — title — published 2016-12-14 — 26 measures"
    new_line: str
    headline: str
    types: CountTable
    part_changes: list[tuple[str, str, str]]  # (old part, new part, status) where the structure changed
    per_part: CountTable | None
    per_ministry: CountTable | None
    sections: list[Section]
    renumbered: list[Renumbered]  # renumbered, otherwise unchanged
    unchanged: list[str]  # numbers of measures with nothing to show
    footer: list[str]
    renamed_ministries: list[str] = field(default_factory=list)  # "old name (ABBR) → new name (ABBR)"
    overview: Overview | None = None  # the figure at the top of the HTML report


def build_report(comparison: Comparison) -> ChangeReport:
    present, type_rows, part_rows, min_rows = _summary_tables(comparison)
    sections, quiet = _sections(comparison)
    labels = [TYPE_LABEL[t] for t in present]
    return ChangeReport(
        title=_report_title(comparison),
        old_title=comparison.old.document.title or comparison.old_document_id,
        new_title=comparison.new.document.title or comparison.new_document_id,
        old_line=_doc_line(comparison.old),
        new_line=_doc_line(comparison.new),
        headline=_headline(comparison),
        types=CountTable(["Change type", "Rows"], type_rows),
        part_changes=[(o or "—", n or "—", status) for o, n, status in comparison.summary.parts if status != "same"],
        per_part=CountTable(["Part", *labels], part_rows) if part_rows else None,
        per_ministry=CountTable(["Ministry", *labels], min_rows) if min_rows else None,
        sections=sections,
        renumbered=[Renumbered(_num(c.old_number), _num(c.new_number), c.new_title or "") for c in quiet if c.renumbered],
        unchanged=[_num(c.new_number) for c in quiet if not c.renumbered],
        footer=_footer_lines(comparison),
        renamed_ministries=_renamed_ministries(comparison),
        overview=build_overview(comparison),
    )
