"""The overview figure at the top of the HTML change report, as data for an inline SVG (no JavaScript).

The old version's measure numbers in the left column, the new version's in the right column, each in
document order; a line joins each aligned pair (and each piece of a split or merge), coloured by change
type; an added measure's number is coloured on the right, a removed one's on the left. Hovering a number
shows the measure's title (SVG ``<title>``). The template ``change_report.html.j2`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COLOURS = {
    "unchanged": "#9aa0a6",
    "reworded": "#c9a400",
    "modified": "#d46a00",
    "added": "#1a7f37",
    "removed": "#b42318",
    "split": "#5b3cc4",
    "merged": "#b0369b",
}
LABELS = {"unchanged": "unchanged", "reworded": "reworded", "modified": "modified", "added": "added",
          "removed": "removed", "split": "split", "merged": "merged"}


@dataclass
class Mark:
    x: float
    y: float
    text: str
    colour: str
    tooltip: str = ""


@dataclass
class Link:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    kind: str


@dataclass
class Overview:
    width: int
    height: int
    row: float  # row height (font size follows it)
    description: str  # the figure in words (aria-label and caption)
    headers: list[Mark] = field(default_factory=list)
    legend: list[tuple[Mark, str]] = field(default_factory=list)  # (label, colour of its swatch)
    old: list[Mark] = field(default_factory=list)
    new: list[Mark] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def build_overview(comparison, width: int = 520) -> Overview | None:
    """The overview of ``comparison`` (None when neither version has measures)."""
    olds, news = comparison.old.measures, comparison.new.measures
    if not olds and not news:
        return None
    counts: dict[str, int] = {}
    for c in comparison.changes:
        counts[c.change_type] = counts.get(c.change_type, 0) + 1
    legend: list[tuple[Mark, str]] = []
    x, y = 10.0, 20.0
    for kind in COLOURS:
        if counts.get(kind):
            label = f"{LABELS[kind]} {counts[kind]}"
            step = 24 + 7.5 * len(label)
            if x + step > width:
                x, y = 10.0, y + 18
            legend.append((Mark(x + 16, y, label, "#111111"), COLOURS[kind]))
            x += step
    n = max(len(olds), len(news))
    row = 16.0 if n <= 80 else 11.0
    header_y = y + 26
    top = header_y + 20
    left_x, right_x = 70.0, width - 70.0
    y_old = {m.measure_id: top + i * row for i, m in enumerate(olds)}
    y_new = {m.measure_id: top + i * row for i, m in enumerate(news)}
    kind_old: dict[str, str] = {}
    kind_new: dict[str, str] = {}
    links: list[Link] = []
    for c in comparison.changes:
        if c.old_measure_id:
            kind_old.setdefault(c.old_measure_id, c.change_type)
        if c.new_measure_id:
            kind_new.setdefault(c.new_measure_id, c.change_type)
        if c.old_measure_id in y_old and c.new_measure_id in y_new:
            links.append(Link(left_x + 8, y_old[c.old_measure_id] - row / 3, right_x - 8, y_new[c.new_measure_id] - row / 3,
                              COLOURS[c.change_type], c.change_type))
    links.sort(key=lambda ln: ln.kind != "unchanged")  # changes drawn over the grey unchanged lines

    def marks(measures, ys, kinds, x):
        out = []
        for m in measures:
            kind = kinds.get(m.measure_id, "unchanged")
            colour = COLOURS[kind] if kind in ("added", "removed") else "#111111"
            out.append(Mark(x, ys[m.measure_id], m.number or "?", colour, f"Tiltak {m.number or '?'}: {m.title}"))
        return out

    od, nd = comparison.old.document, comparison.new.document
    description = (
        f"Overview: the {len(olds)} measures of {od.document_id} (left) and the {len(news)} of {nd.document_id} "
        "(right) in document order; a line joins each aligned pair, coloured by change type."
    )
    return Overview(
        width=width,
        height=int(top + n * row + 8),
        row=row,
        description=description,
        headers=[Mark(10.0, header_y, f"old: {od.document_id}", "#111111"),
                 Mark(width - 10.0, header_y, f"new: {nd.document_id}", "#111111")],
        legend=legend,
        old=marks(olds, y_old, kind_old, left_x),
        new=marks(news, y_new, kind_new, right_x),
        links=links,
    )
