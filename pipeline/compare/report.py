"""Change reports (Markdown and self-contained HTML) and the rows of the ``changes`` table.

Both reports carry the same content: a summary (counts per change type, per part, per ministry with
names valid on the new document's date), then every change with a word-level diff of title and text
(``{+ inserted +}`` / ``[- deleted -]`` in Markdown, ``<ins>``/``<del>`` in HTML), renumberings and moves
("7 → 8", "Del 2 → Del 3"), and responsibility changes spelled out with ministry names; a footer
documents the method and thresholds.  Output bytes depend only on the inputs (no timestamps).
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.compare.align import CHANGE_TYPES, Comparison
from pipeline.compare.diff import Segment, word_diff
from pipeline.fileio import atomic_write_text
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


# --------------------------------------------------------------------------- table rows


def changes_rows(comparison: Comparison) -> list[dict]:
    """Rows of the ``changes`` table: the fields of :class:`pipeline.model.MeasureChange`, in row order.

    ``ministries_added`` / ``ministries_removed`` stay lists of ministry_ids (sorted).
    """
    return [asdict(c) for c in comparison.changes]


# --------------------------------------------------------------------------- view model


@dataclass
class _Item:
    """One section of the report: a pair, an added/removed measure, or a split/merge group."""

    kind: str
    heading: str
    facts: list[str] = field(default_factory=list)  # plain-text lines
    diffs: list[tuple[str, list[Segment]]] = field(default_factory=list)  # (label, segments)


def _num(n: str | None) -> str:
    return n if n else "?"


def _labels(comparison: Comparison) -> dict[str, str]:
    """ministry_id -> "Name (ABBR)", name and abbreviation on the new document's date (the id if no abbreviation)."""
    s = comparison.summary
    out: dict[str, str] = {}
    for mid, name in s.ministry_names.items():
        tag = s.ministry_abbreviations.get(mid) or mid
        out[mid] = f"{name} ({tag})" if name and name != tag else tag
    return out


def _ministry(mid: str, labels: dict[str, str]) -> str:
    return labels.get(mid, mid)


def _responsibility_facts(a: Measure, b: Measure, c: MeasureChange, names: dict[str, str]) -> list[str]:
    out: list[str] = []
    roles_b = {r.ministry_id: r.role for r in b.responsibilities}
    roles_a = {r.ministry_id: r.role for r in a.responsibilities}
    for mid in c.ministries_added:
        out.append(f"Responsibility added: {_ministry(mid, names)} ({ROLE_LABEL.get(roles_b.get(mid, ''), roles_b.get(mid, ''))})")
    for mid in c.ministries_removed:
        out.append(f"Responsibility removed: {_ministry(mid, names)} (was {ROLE_LABEL.get(roles_a.get(mid, ''), roles_a.get(mid, ''))})")
    if a.lead_ministry_id != b.lead_ministry_id:
        la = _ministry(a.lead_ministry_id, names) if a.lead_ministry_id else "none"
        lb = _ministry(b.lead_ministry_id, names) if b.lead_ministry_id else "none"
        out.append(f"Lead ministry: {la} → {lb}")
    for mid in sorted(set(roles_a) & set(roles_b)):
        if roles_a[mid] != roles_b[mid] and not (a.lead_ministry_id != b.lead_ministry_id and mid in (a.lead_ministry_id, b.lead_ministry_id)):
            out.append(f"Role of {_ministry(mid, names)}: {ROLE_LABEL.get(roles_a[mid], roles_a[mid])} → {ROLE_LABEL.get(roles_b[mid], roles_b[mid])}")
    return out


def _pair_facts(c: MeasureChange, a: Measure, b: Measure, names: dict[str, str]) -> list[str]:
    facts: list[str] = []
    if c.renumbered:
        facts.append(f"Renumbered: {_num(c.old_number)} → {_num(c.new_number)}")
    if c.part_changed:
        facts.append(f"Moved: {c.old_part or '(no part)'} → {c.new_part or '(no part)'}")
    if c.responsibility_changed:
        facts.extend(_responsibility_facts(a, b, c, names))
    if c.similarity is not None and c.change_type != "unchanged":
        facts.append(f"Similarity: {c.similarity:.2f}")
    return facts


def _measure_line(m: Measure, part: str | None, names: dict[str, str]) -> str:
    resp = ", ".join(f"{_ministry(r.ministry_id, names)} ({ROLE_LABEL.get(r.role, r.role)})" for r in m.responsibilities)
    bits = [f"Tiltak {_num(m.number)}"]
    if part:
        bits.append(part)
    if resp:
        bits.append("responsible: " + resp)
    return "; ".join(bits)


def _items(comparison: Comparison) -> tuple[list[_Item], list[MeasureChange]]:
    """Report sections in row order, and the rows with nothing to show (unchanged, not moved)."""
    names = _labels(comparison)
    old_by = {m.measure_id: m for m in comparison.old.measures}
    new_by = {m.measure_id: m for m in comparison.new.measures}
    items: list[_Item] = []
    quiet: list[MeasureChange] = []
    seen_groups: set[int] = set()
    for c in comparison.changes:
        a = old_by.get(c.old_measure_id) if c.old_measure_id else None
        b = new_by.get(c.new_measure_id) if c.new_measure_id else None
        if c.change_type in ("split", "merged"):
            if c.group in seen_groups:
                continue
            seen_groups.add(c.group)
            rows = [r for r in comparison.changes if r.group == c.group]
            olds = list(dict.fromkeys(r.old_measure_id for r in rows))
            news = list(dict.fromkeys(r.new_measure_id for r in rows))
            on = ", ".join(_num(old_by[i].number) for i in olds)
            nn = ", ".join(_num(new_by[i].number) for i in news)
            verb = "split into" if c.change_type == "split" else "merged into"
            it = _Item(c.change_type, f"{TYPE_LABEL[c.change_type]}: tiltak {on} {verb} {nn}")
            for i in olds:
                m = old_by[i]
                line = "Old " + _measure_line(m, next(r.old_part for r in rows if r.old_measure_id == i), names)
                if c.change_type == "merged":
                    share = [x.similarity for x in rows if x.old_measure_id == i and x.similarity is not None]
                    if share:
                        line += f"; containment {max(share):.2f}"
                it.facts.append(line)
                it.diffs.append((f"Old {_num(m.number)}: {m.title}", [Segment("delete", m.text)] if m.text else []))
            for i in news:
                m = new_by[i]
                r = next(r for r in rows if r.new_measure_id == i)
                line = "New " + _measure_line(m, r.new_part, names)
                share = [x.similarity for x in rows if x.new_measure_id == i and x.similarity is not None]
                if share and c.change_type == "split":
                    line += f"; containment {max(share):.2f}"
                it.facts.append(line)
                it.diffs.append((f"New {_num(m.number)}: {m.title}", [Segment("insert", m.text)] if m.text else []))
            items.append(it)
            continue
        if c.change_type == "added" and b is not None:
            it = _Item("added", f"Added: tiltak {_num(b.number)} {b.title}".rstrip())
            it.facts.append(_measure_line(b, c.new_part, names))
            it.diffs.append(("Title", [Segment("insert", b.title)] if b.title else []))
            it.diffs.append(("Text", [Segment("insert", b.text)] if b.text else []))
            items.append(it)
            continue
        if c.change_type == "removed" and a is not None:
            it = _Item("removed", f"Removed: tiltak {_num(a.number)} {a.title}".rstrip())
            it.facts.append(_measure_line(a, c.old_part, names))
            it.diffs.append(("Title", [Segment("delete", a.title)] if a.title else []))
            it.diffs.append(("Text", [Segment("delete", a.text)] if a.text else []))
            items.append(it)
            continue
        assert a is not None and b is not None
        if c.change_type == "unchanged" and not (c.part_changed or c.responsibility_changed):
            quiet.append(c)  # unchanged, possibly renumbered: listed compactly
            continue
        num = _num(a.number) if a.number == b.number else f"{_num(a.number)} → {_num(b.number)}"
        it = _Item(c.change_type, f"{TYPE_LABEL[c.change_type]}: tiltak {num} {b.title}".rstrip())
        it.facts = _pair_facts(c, a, b, names)
        if c.change_type != "unchanged":
            title_diff = word_diff(a.title, b.title)
            if any(seg.op != "equal" for seg in title_diff):
                it.diffs.append(("Title", title_diff))
            it.diffs.append(("Text", word_diff(a.text, b.text)))
        items.append(it)
    return items, quiet


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def _md_segments(segs: list[Segment]) -> str:
    out = []
    for s in segs:
        if s.op == "equal":
            out.append(_md(s.text))
        elif s.op == "insert":
            out.append("{+ " + _md(s.text) + " +}")
        else:
            out.append("[- " + _md(s.text) + " -]")
    return " ".join(out) if out else "(empty)"


def _doc_line(plan) -> str:
    d = plan.document
    bits = [d.title or d.document_id, f"id {d.document_id}"]
    if d.published:
        bits.append(d.published.isoformat())
    bits.append(f"{len(plan.measures)} measures")
    return ", ".join(bits)


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
    labels = _labels(comparison)
    min_rows = [[_ministry(mid, labels)] + [str(c.get(t, 0)) for t in present] for mid, c in s.by_ministry.items()]
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


def _footer_lines(comparison: Comparison) -> list[str]:
    th = comparison.thresholds
    return [
        "Method: measures are aligned by text similarity, never by number (TF-IDF cosine of lemma tokens of title + "
        "text, combined with title similarity; global assignment with scipy's linear_sum_assignment). Splits and merges "
        "are found by containment (share of the smaller side's weighted tokens found in the larger side). Ministries are "
        "compared by ministry_id, so a renamed ministry is not a responsibility change; names shown are those valid on "
        "the new document's date.",
        f"Thresholds: match ≥ {th.match}; reworded if lemma sequence similarity ≥ {th.reworded}, else modified; "
        f"split/merge piece containment ≥ {th.contain}, joint coverage ≥ {th.cover} and ≥ {th.gain} above the best "
        f"single partner (whose coverage < {th.single_cover}); parts are the same part if title similarity ≥ {th.part}.",
        "Unchanged means the words as written differ at most in whitespace, punctuation, case, hyphens inside words, "
        "the name of a renamed ministry or a cross-reference number that follows the renumbering. When only one version "
        "has body text for a measure (e.g. a summary-table-only layout), the titles alone decide. Similarity: lemma "
        "sequence similarity for pairs, containment for split/merge rows.",
        f"Tokenizer: {comparison.tokenizer or 'unknown'}. Generated by tiltak (pipeline.compare).",
    ]


def render_markdown(comparison: Comparison) -> str:
    present, type_rows, part_rows, min_rows = _summary_tables(comparison)
    items, quiet = _items(comparison)
    L: list[str] = []
    L.append(f"# Change report: {_md(comparison.old.document.title or comparison.old_document_id)} → "
             f"{_md(comparison.new.document.title or comparison.new_document_id)}")
    L.append("")
    L.append(f"- Old: {_md(_doc_line(comparison.old))}")
    L.append(f"- New: {_md(_doc_line(comparison.new))}")
    L.append("")
    L.append("## Summary")
    L.append("")
    L.append(f"**{_md(_headline(comparison))}**")
    L.append("")

    def table(header: list[str], rows: list[list[str]]) -> None:
        L.append("| " + " | ".join(_md(h) for h in header) + " |")
        L.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        for r in rows:
            L.append("| " + " | ".join([_md(r[0])] + r[1:]) + " |")
        L.append("")

    table(["Change type", "Rows"], type_rows)
    part_changes = [r for r in comparison.summary.parts if r[2] != "same"]
    if part_changes:
        L.append("### Part structure")
        L.append("")
        for o, n, status in part_changes:
            L.append(f"- {_md(o or '—')} → {_md(n or '—')} ({_md(status)})")
        L.append("")
    if part_rows:
        L.append("### Per part")
        L.append("")
        table(["Part"] + [TYPE_LABEL[t] for t in present], part_rows)
    if min_rows:
        L.append("### Per ministry")
        L.append("")
        table(["Ministry"] + [TYPE_LABEL[t] for t in present], min_rows)
    L.append("## Changes")
    L.append("")
    if not items:
        L.append("No measure changed.")
        L.append("")
    for it in items:
        L.append(f"### {_md(it.heading)}")
        L.append("")
        for f in it.facts:
            L.append(f"- {_md(f)}")
        if it.facts:
            L.append("")
        for label, segs in it.diffs:
            L.append(f"**{_md(label)}:** {_md_segments(segs)}")
            L.append("")
    renum = [c for c in quiet if c.renumbered]
    same = [c for c in quiet if not c.renumbered]
    if renum:
        L.append("## Renumbered, otherwise unchanged")
        L.append("")
        for c in renum:
            L.append(f"- {_md(_num(c.old_number))} → {_md(_num(c.new_number))}: {_md(c.new_title or '')}")
        L.append("")
    if same:
        L.append("## Unchanged")
        L.append("")
        L.append("Tiltak " + ", ".join(_md(_num(c.new_number)) for c in same) + ": same wording, number, part and responsibility.")
        L.append("")
    L.append("---")
    L.append("")
    for f in _footer_lines(comparison):
        L.append(f"_{_md(f)}_")
        L.append("")
    return "\n".join(L).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- html

_CSS = """
:root { --ins: #d7f5dd; --ins-ink: #0b5d1e; --del: #fbe0e0; --del-ink: #8a1111; --muted: #555; }
* { box-sizing: border-box; }
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; color: #111; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #ccc; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
.docs { color: var(--muted); margin: 0 0 1rem; padding-left: 1.2rem; }
.headline { font-weight: bold; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #bbb; padding: .2rem .5rem; vertical-align: top; }
th { background: #f0f0f0; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
section.change { border-left: 4px solid #999; padding: .1rem 0 .1rem .8rem; margin: 1rem 0; page-break-inside: avoid; break-inside: avoid; }
section.reworded { border-color: #c9a400; } section.modified { border-color: #d46a00; }
section.added { border-color: #1a7f37; } section.removed { border-color: #b42318; }
section.split, section.merged { border-color: #5b3cc4; } section.unchanged { border-color: #777; }
.facts { margin: .2rem 0; padding-left: 1.2rem; }
.diff { margin: .3rem 0; }
.diff .label { font-weight: bold; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: underline; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
footer { margin-top: 2rem; border-top: 1px solid #ccc; color: var(--muted); font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  ins { background: none; color: #000; text-decoration: underline; font-weight: bold; }
  del { background: none; color: #000; text-decoration: line-through; }
  h2 { page-break-after: avoid; break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


def _h(text: str | None) -> str:
    return html.escape(" ".join((text or "").split()), quote=True)


def _html_segments(segs: list[Segment]) -> str:
    out = []
    for s in segs:
        if s.op == "equal":
            out.append(_h(s.text))
        elif s.op == "insert":
            out.append(f"<ins>{_h(s.text)}</ins>")
        else:
            out.append(f"<del>{_h(s.text)}</del>")
    return " ".join(out) if out else "<em>(empty)</em>"


def render_html(comparison: Comparison) -> str:
    present, type_rows, part_rows, min_rows = _summary_tables(comparison)
    items, quiet = _items(comparison)
    title = (f"Change report: {comparison.old.document.title or comparison.old_document_id} → "
             f"{comparison.new.document.title or comparison.new_document_id}")
    H: list[str] = []
    H.append("<!DOCTYPE html>")
    H.append('<html lang="en">')
    H.append("<head>")
    H.append('<meta charset="utf-8">')
    H.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    H.append(f"<title>{_h(title)}</title>")
    H.append(f"<style>\n{_CSS}\n</style>")
    H.append("</head>")
    H.append("<body>")
    H.append(f"<h1>{_h(title)}</h1>")
    H.append('<ul class="docs">')
    H.append(f"<li>Old: {_h(_doc_line(comparison.old))}</li>")
    H.append(f"<li>New: {_h(_doc_line(comparison.new))}</li>")
    H.append("</ul>")
    H.append('<h2 id="summary">Summary</h2>')
    H.append(f'<p class="headline">{_h(_headline(comparison))}</p>')

    def table(header: list[str], rows: list[list[str]], caption: str | None = None) -> None:
        H.append("<table>")
        if caption:
            H.append(f"<caption>{_h(caption)}</caption>")
        H.append("<thead><tr>" + "".join(f'<th scope="col">{_h(x)}</th>' for x in header) + "</tr></thead>")
        H.append("<tbody>")
        for r in rows:
            H.append("<tr><th scope=\"row\">" + _h(r[0]) + "</th>" + "".join(f'<td class="n">{_h(x)}</td>' for x in r[1:]) + "</tr>")
        H.append("</tbody></table>")

    table(["Change type", "Rows"], type_rows)
    part_changes = [r for r in comparison.summary.parts if r[2] != "same"]
    if part_changes:
        H.append("<h3>Part structure</h3>")
        H.append("<ul>" + "".join(f"<li>{_h(o or '—')} → {_h(n or '—')} ({_h(status)})</li>" for o, n, status in part_changes) + "</ul>")
    if part_rows:
        H.append("<h3>Per part</h3>")
        table(["Part"] + [TYPE_LABEL[t] for t in present], part_rows)
    if min_rows:
        H.append("<h3>Per ministry</h3>")
        table(["Ministry"] + [TYPE_LABEL[t] for t in present], min_rows)
    H.append('<h2 id="changes">Changes</h2>')
    if not items:
        H.append("<p>No measure changed.</p>")
    for it in items:
        H.append(f'<section class="change {_h(it.kind)}">')
        H.append(f"<h3>{_h(it.heading)}</h3>")
        if it.facts:
            H.append('<ul class="facts">' + "".join(f"<li>{_h(f)}</li>" for f in it.facts) + "</ul>")
        for label, segs in it.diffs:
            H.append(f'<p class="diff"><span class="label">{_h(label)}:</span> {_html_segments(segs)}</p>')
        H.append("</section>")
    renum = [c for c in quiet if c.renumbered]
    same = [c for c in quiet if not c.renumbered]
    if renum:
        H.append('<h2 id="renumbered">Renumbered, otherwise unchanged</h2>')
        H.append('<ul class="renumbered">')
        for c in renum:
            H.append(f"<li>{_h(_num(c.old_number))} → {_h(_num(c.new_number))}: {_h(c.new_title)}</li>")
        H.append("</ul>")
    if same:
        H.append('<h2 id="unchanged">Unchanged</h2>')
        H.append("<p>Tiltak " + _h(", ".join(_num(c.new_number) for c in same)) + ": same wording, number, part and responsibility.</p>")
    H.append("<footer>")
    for f in _footer_lines(comparison):
        H.append(f"<p>{_h(f)}</p>")
    H.append("</footer>")
    H.append("</body>")
    H.append("</html>")
    return "\n".join(H) + "\n"


# --------------------------------------------------------------------------- files


def write_change_reports(comparison: Comparison, out_dir: str | Path) -> list[Path]:
    """Write ``change_report.md`` and ``change_report.html`` atomically; return their paths."""
    out = Path(out_dir)
    md_path = out / "change_report.md"
    html_path = out / "change_report.html"
    atomic_write_text(md_path, render_markdown(comparison))
    atomic_write_text(html_path, render_html(comparison))
    return [md_path, html_path]
