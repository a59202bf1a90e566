"""A producer-neutral document model of a fixture plan, and the reading-order script to locate it in the PDF.

:func:`compose` turns a :class:`~tests.producers.plan.ProducerPlan` into a list of blocks (cover, TOC,
headings, paragraphs with runs and footnotes, numbered lists, tables with part rows, signatures, section
breaks for two columns and landscape pages). The docx and HTML writers render the same blocks, so both
producers print the same words. Alongside the blocks, :func:`compose` records :class:`Probe` s: what to
search for in the rendered PDF's text, in reading order, to find the page of each heading, measure start,
measure end and table row (see :mod:`tests.producers.locate`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.plangen import ministries as mins
from tests.plangen.spec import SYNTHETIC_NOTICE, MeasureSpec

from .plan import ProducerPlan
from .textbank import CLOSING


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None  # a footnote reference follows this run; the note's text


@dataclass
class Para:
    runs: list[Run]
    style: str = "body"  # body | resp | source | lead | place
    keep_with_next: bool = False


@dataclass
class Heading:
    level: int  # 1..3 (Word "Heading 1".."Heading 3", HTML h1..h3)
    text: str  # as printed; a tab separates a chapter number from its title
    id: str
    toc: bool = True
    kind: str = "other"  # level 1: front | intro | measures | closing | appendix


@dataclass
class NumList:
    items: list[str]


@dataclass
class Row:
    cells: list[str]
    part: bool = False  # one bold cell spanning the table
    key: str | None = None  # measure key of a measure row


@dataclass
class Table:
    header: list[str]
    rows: list[Row]
    widths: list[float]  # relative column widths
    borders: bool = True
    kind: str = "measures"  # measures | overview | stats
    caption: str | None = None


@dataclass
class Signatures:
    place_date: str
    people: list[tuple[str, str]]  # (name, title)


@dataclass
class Section:
    """Start a new section on a new page: ``columns`` and orientation hold until the next Section."""

    columns: int = 1
    landscape: bool = False


@dataclass
class PageBreak:
    pass


@dataclass
class Cover:
    title: str
    subtitle: str
    notice: str
    publisher: str
    date_text: str


@dataclass
class Toc:
    title: str = "Innhold"


@dataclass
class Probe:
    """Something to find in the PDF text, in reading order.

    kind: heading (id) | m_start, t_end (last sentence), m_end (responsibility), row: measure key | table (id)
    needle: the printed text (compared without whitespace and hyphens); for t_end and m_end the page of
    the needle's *last* character counts, searched from the measure's start.
    """

    kind: str
    ref: str
    needle: str


@dataclass
class Composed:
    blocks: list
    probes: list[Probe]
    headings: list[Heading]
    numbers: dict[str, str]
    heading_as_printed: dict[str, str] = field(default_factory=dict)  # measure key -> heading
    responsibility_as_printed: dict[str, str | None] = field(default_factory=dict)
    table_cells: dict[str, str] = field(default_factory=dict)  # measure key -> responsibility cell
    part_heading_id: dict[int, str] = field(default_factory=dict)  # PartSpec.number -> heading id

    def heading_page(self, pages: dict, h: Heading) -> int | None:
        """The located page of a heading (a measure heading is located as its measure's start)."""
        if h.kind == "measure":
            return pages.get(("m_start", h.id[2:]))
        return pages.get(("heading", h.id))


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


def responsibility_text(m: MeasureSpec, form: str, names: str, on) -> str:
    """The printed responsibility statement: ``form`` line|closing, ``names`` abbr|full."""
    label = "Ansvarlig: " if form == "line" else "(Ansvar: "
    end = "" if form == "line" else ")"
    if m.all_ministries and not m.lead:
        return f"{label}Alle departementer{end}"
    who = [m.lead] + list(m.co)
    shown = [mins.abbreviation(n, on) for n in who] if names == "abbr" else who
    if m.all_ministries:
        tail = " i samarbeid med alle departementer" if form == "line" else " og alle departementer"
        return f"{label}{_join(shown)}{tail}{end}"
    body = ", ".join(shown) if form == "line" else _join(shown)
    return f"{label}{body}{end}"


def table_cell(m: MeasureSpec, fmt: str, on, i: int) -> str:
    """The responsibility cell of a table row: "KD/ASD", "KMD/Alle", "Alle", "Alle departementer", full names."""
    if fmt == "mixed":
        fmt = ("abbr", "full")[i % 2]
    if m.all_ministries and not m.lead:
        return "Alle" if fmt == "abbr" else "Alle departementer"
    who = [m.lead] + list(m.co)
    if fmt == "abbr":
        return "/".join([mins.abbreviation(n, on) for n in who] + (["Alle"] if m.all_ministries else []))
    return ", ".join(who) + (" og alle departementer" if m.all_ministries else "")


def _paragraphs(sentences: list[str]) -> list[list[str]]:
    if len(sentences) >= 4:
        return [sentences[:2], sentences[2:]]
    return [sentences]


def compose(plan: ProducerPlan) -> Composed:
    spec, st, ex = plan.spec, plan.style, plan.extras
    on = spec.date
    numbers = spec.numbers()
    blocks: list = []
    probes: list[Probe] = []
    headings: list[Heading] = []
    out = Composed(blocks, probes, headings, numbers)
    count = {"chapter": 0, "sub": 0}

    def heading(level: int, text: str, hid: str, kind: str = "other", toc: bool = True) -> Heading:
        h = Heading(level, text, hid, toc=toc, kind=kind)
        blocks.append(h)
        headings.append(h)
        probes.append(Probe("heading", hid, text))
        return h

    def chapter(title: str, kind: str, hid: str, number: int | None = None) -> Heading:
        """A level-1 heading; numbered ("4\tForebygging") in plans with numbered chapters."""
        count["sub"] = 0
        if st.part_label == "chapter" and kind not in ("front", "appendix"):
            count["chapter"] = number if number is not None else count["chapter"] + 1
            return heading(1, f"{count['chapter']}\t{title}", hid, kind)
        return heading(1, title, hid, kind)

    def sub(title: str, hid: str) -> Heading:
        count["sub"] += 1
        prefix = f"{count['chapter']}.{count['sub']}\t" if st.part_label == "chapter" else ""
        return heading(2, prefix + title, hid)

    # ---------------------------------------------------------------- front matter
    blocks.append(Cover(spec.title, spec.subtitle, SYNTHETIC_NOTICE, spec.publisher, plan.date_text))
    blocks.append(PageBreak())
    blocks.append(Toc())  # every level-1 heading starts a new page
    heading(1, "Forord", "forord", "front")
    blocks += [Para([Run(p)]) for p in spec.foreword]
    blocks.append(Signatures(f"{ex.signature_place}, {plan.date_text[:1].lower() + plan.date_text[1:]}"
                             if plan.date_precision == "month" else f"{ex.signature_place}, {plan.date_text}",
                             [(m.name, m.title) for m in spec.ministers]))
    # ---------------------------------------------------------------- introduction
    if st.part_label == "del_roman":
        heading(1, "Del I Innledning og bakgrunn", "innledning", "intro")
    else:
        chapter("Innledning", "intro", "innledning")
    blocks.append(Para([Run(ex.intro[0])]))
    blocks.append(Para([Run(ex.intro[1])]))
    if plan.consultation:
        blocks.append(Para([Run(plan.consultation)]))
    blocks.append(Para([Run(ex.priorities_lead)], keep_with_next=True))
    blocks.append(NumList(list(ex.priorities)))
    blocks.append(Para([Run(ex.intro[2])]))
    stats = Table(list(ex.stats_header), [Row(list(r)) for r in ex.stats_rows], [3, 1, 1, 1], borders=True,
                  kind="stats", caption=ex.stats_caption)
    if st.part_label == "chapter":
        chapter("Utfordringer og mål", "intro", "utfordringer")
    else:
        sub("Utfordringer og mål", "innledning.utfordringer")
    blocks.append(Para([Run("Tabellen viser utviklingen de siste årene. Tallene er ikke tiltak, men "
                            "beskriver utgangspunktet for planen.")]))
    if st.stats_landscape:
        blocks.append(Section(columns=1, landscape=True))
    blocks.append(stats)
    blocks.append(Para([Run(ex.stats_source)], style="source"))
    if st.stats_landscape:
        blocks.append(Section(columns=1, landscape=False))
    # ---------------------------------------------------------------- measures
    if st.structure == "body":
        for i, p in enumerate(spec.parts):
            two = st.twocol_part == i
            if two:
                blocks.append(Section(columns=2))
            hid = f"part{p.number}"
            if st.part_label == "chapter":
                chapter(p.title, "measures", hid, plan.part_number(p))
            else:
                count["sub"] = 0
                heading(1, plan.part_heading(p), hid, "measures")
            out.part_heading_id[p.number] = hid
            sub("Status og utfordringer", f"{hid}.status")
            for j, para in enumerate(p.intro):
                note = ex.footnotes[(p.number - 1) % len(ex.footnotes)] if st.footnotes and j == 0 else None
                blocks.append(Para([Run(para, footnote=note)]))
            sub("Regjeringens tiltak", f"{hid}.tiltak")
            for m in p.measures:
                _body_measure(plan, out, m)
            if two:
                blocks.append(Section(columns=1))
    elif st.structure == "flat":
        chapter("Regjeringens tiltak", "measures", "tiltak")
        blocks.append(Para([Run("Regjeringen vil sette i gang følgende tiltak i planperioden:")]))
        for m in spec.parts[0].measures:
            _body_measure(plan, out, m)
    else:  # table
        chapter("Regjeringens tiltak", "measures", "tiltak")
        blocks.append(Para([Run("Tabellen gir en oversikt over tiltakene i planen, med ansvarlig departement og "
                                "tidsramme. Tiltakene er ordnet etter innsatsområde.")]))
        _measure_table(plan, out, "measures", st.table_borders)
    # ---------------------------------------------------------------- closing chapters
    for t, paras in CLOSING:
        chapter(t, "closing", "closing-" + t.split()[0].lower())
        blocks += [Para([Run(x.format(tema=ex.tema))]) for x in paras]
    if st.overview:
        if st.overview_landscape:
            blocks.append(Section(columns=1, landscape=True))
        heading(1, "Vedlegg: Oversikt over tiltakene", "vedlegg", "appendix")
        blocks.append(Para([Run("Oversikten viser alle tiltakene i planen med ansvarlig departement og tidsramme.")]))
        _measure_table(plan, out, "overview", st.overview == "bordered")
    return out


def _body_measure(plan: ProducerPlan, out: Composed, m: MeasureSpec) -> None:
    st, on = plan.style, plan.spec.date
    n = out.numbers[m.key]
    text = m.text(out.numbers, on)
    resolved = [MeasureSpec(m.key, "", [s], "").text(out.numbers, on) for s in m.sentences]
    assert " ".join(resolved) == text
    form = plan.resp_form.get(m.key, "line")
    resp = responsibility_text(m, form, st.resp, on)
    out.responsibility_as_printed[m.key] = resp
    paras = _paragraphs(resolved)
    note_at = 1 if plan.footnote_measure == m.key else None  # after the second sentence
    runs_per_para: list[list[Run]] = []
    k = 0
    for sents in paras:
        runs: list[Run] = []
        buf: list[str] = []
        for s in sents:
            buf.append(s)
            if note_at is not None and k == note_at:
                runs.append(Run(" ".join(buf), footnote=plan.extras.measure_footnote))
                buf = []
            k += 1
        if buf:
            runs.append(Run((" " if runs else "") + " ".join(buf)))
        runs_per_para.append(runs)
    if form == "closing":
        runs_per_para[-1].append(Run(" " + resp))
    if st.measure_form == "tiltak_heading":
        head = f"Tiltak {n}: {m.title}"
        out.blocks.append(Heading(3, head, f"m-{m.key}", toc=True, kind="measure"))
        out.headings.append(out.blocks[-1])
        out.probes.append(Probe("m_start", m.key, head))
        out.blocks += [Para(r) for r in runs_per_para]
    elif st.measure_form == "bold_line":
        head = f"{n}. {m.title}"
        out.blocks.append(Para([Run(head, bold=True)], style="lead", keep_with_next=True))
        out.probes.append(Probe("m_start", m.key, head))
        out.blocks += [Para(r) for r in runs_per_para]
    elif st.measure_form == "bold_runin":
        head = f"{n}. {m.title}."
        out.probes.append(Probe("m_start", m.key, head))
        first = runs_per_para[0]
        first[0] = Run(" " + first[0].text.lstrip(), footnote=first[0].footnote)
        out.blocks.append(Para([Run(head, bold=True)] + first))
        out.blocks += [Para(r) for r in runs_per_para[1:]]
    else:
        raise ValueError(st.measure_form)
    out.heading_as_printed[m.key] = head
    out.probes.append(Probe("t_end", m.key, resolved[-1]))
    if form == "line":
        label, rest = resp.split(": ", 1)
        out.blocks.append(Para([Run(label + ": ", bold=True), Run(rest)], style="resp"))
    out.probes.append(Probe("m_end", m.key, resp))


def _measure_table(plan: ProducerPlan, out: Composed, kind: str, borders: bool) -> None:
    st, on, spec = plan.style, plan.spec.date, plan.spec
    rows: list[Row] = []
    tid = f"table-{kind}"
    out.probes.append(Probe("table", tid, "Nr. Tiltak Ansvar Tidsramme"))
    i = 0
    for p in spec.parts:
        if plan.part_stated():
            label = plan.part_heading(p).replace("\t", " ")
            rows.append(Row([label], part=True))
            if kind == "measures":
                out.probes.append(Probe("heading", f"partrow{p.number}", label))
                out.part_heading_id[p.number] = f"partrow{p.number}"
        for m in p.measures:
            cell = table_cell(m, st.table_resp, on, i)
            i += 1
            n = out.numbers[m.key]
            rows.append(Row([n, m.title, cell, m.timeframe or ""], key=m.key))
            out.table_cells[m.key] = cell
            out.probes.append(Probe("row", m.key, f"{n} {m.title.split()[0]}"))
            if kind == "measures":
                out.heading_as_printed[m.key] = f"{n} {m.title}"
    full = st.table_resp != "abbr"
    out.blocks.append(Table(["Nr.", "Tiltak", "Ansvar", "Tidsramme"], rows,
                            [0.6, 5.0, 3.2 if full else 1.6, 1.4], borders=borders, kind=kind))
