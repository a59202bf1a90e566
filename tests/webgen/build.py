"""Build a :class:`WebDoc` from a :class:`DocRecipe` (deterministic per recipe) or draw a random recipe."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, datetime

from tests.plangen import ministries as mins
from tests.plangen.build import agencies_in, era_text, sentence_valid, split_sentences
from tests.plangen.spec import MinisterSpec

from . import textbank as tb
from .formats import NUMBER_WORDS
from .spec import (Chapter, FactBox, Figure, MeasuresHere, Para, PartLook, ProseList, Signatures, StatsTable, Sub,
                   SummaryTable, WebDoc, WebMeasure, WebPart)

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
          "desember")
LAYOUTS = ("innsats", "numbered", "themed")
RESP_FORMS = ("ansvarlig_full", "ansvarlig_og", "ansvar_abbr", "ansvarlig_dep")
_XREF_FORMS = ("Tiltaket må ses i lys av tiltak {ref:%s}.", "Jf. også tiltak {ref:%s}.",
               "Arbeidet skal koordineres med tiltak {ref:%s}.")


@dataclass(frozen=True)
class DocRecipe:
    """Everything that decides a document; ``build_doc(recipe)`` is a pure function of it."""

    name: str
    topic: str
    date: date
    seed: int
    doc_id: int  # 9900001 ... (obviously synthetic ids)
    doc_type: str = "Strategi"  # "Strategi" | "Handlingsplan"
    layout: str = "innsats"  # innsats: "Innsatsområde 1 – T" chapters | numbered: "3 T" chapters | themed: one "Tiltak" chapter
    variant: str = "current"  # current (?ch=N) | sec (/secN, older documents)
    naming: str = "fetch"  # fetch | browser | browser_base (how the pages are saved; see render.py)
    n_parts: int = 4
    per_part: int = 4
    styles: tuple[str, ...] = ()  # per part: body | list | table (default body)
    heading_tags: tuple[str, ...] = ()  # per part: h2 | h3 | h4 | p-strong (default h3)
    resp: tuple[str, ...] = ()  # per part (default ansvarlig_full)
    list_resp: str = "ansvar_paren"  # "Regjeringen vil:" items end "(Ansvar: HOD og BFD)" | ansvar_paren_full (full names)
    heading_form: str = "tiltak_colon"
    front: tuple[str, ...] = ("forord", "sammendrag", "innledning")
    back: tuple[str, ...] = ("oppfolging", "konsekvenser")
    summary: bool = False  # an "Oversikt over tiltakene" chapter with a table of the numbered body measures
    numbering: str = "sequential"  # sequential | by_part
    footnotes: int = 2  # measure headings carrying a footnote marker
    toc_depth: int = 1
    title_index: int = 0
    period_years: int = 5
    xref_rate: float = 0.15
    num_sep: str = " "  # numbered layout: "3 T" | "3. T" | "3 – T"
    part_label: str = "Innsatsområde"
    earlier_fact: bool = False  # a fact box quoting measures of an earlier plan ("Tiltak 4 i forrige ...")
    table_timeframe: bool = False
    saved_at: datetime = datetime(2026, 7, 14, 9, 30)
    pdf: bool = True  # the front page offers the document as PDF
    front_shows_first: bool = False  # the front page shows the contents list and then the first chapter


def _fmt(text: str, ctx: dict[str, str], on: date) -> str:
    """Fill {tema}-style placeholders; {min:X} and agency eras are resolved too."""
    out = re.sub(r"\{(\w+)\}", lambda m: ctx.get(m.group(1), m.group(0)), text)
    out = re.sub(r"\{min:([^}]+)\}", lambda m: mins.ministry(m.group(1), on).name, out)
    return era_text(out, on)


def _lead_name(lineage: str, on: date) -> str:
    return mins.ministry(lineage if mins.exists(lineage, on) else "KMD", on).name


def _person(rng: random.Random, used: set[str]) -> str:
    while True:
        p = f"{rng.choice(tb.FIRST_NAMES)} {rng.choice(tb.LAST_NAMES)}"
        if p not in used:
            used.add(p)
            return p


def _timeframe(rng: random.Random, start: int, end: int) -> str:
    a = rng.randint(start, end - 1)
    return "Løpende" if rng.random() < 0.15 else (str(a) if rng.random() < 0.3 else f"{a}–{rng.randint(a + 1, end)}")


def measure_from_seed(seed: tb.Seed, key: str, on: date, rng: random.Random, pool: list[str], style: str,
                      period: tuple[int, int]) -> WebMeasure:
    """A measure from a seed. Body measures get 1-3 unused pool sentences; list and table measures print no prose."""
    sentences: list[str] = []
    if style == "body":
        sentences = [s for s in (era_text(x, on) for x in split_sentences(seed.text)) if sentence_valid(s, on)]
        for _ in range(rng.randint(1, 3)):
            if pool:
                sentences.append(pool.pop())
    lead = _lead_name(seed.lead, on)
    co: list[str] = []
    for lin in (c for c in seed.co.split(",") if c):
        if mins.exists(lin, on):
            n = mins.ministry(lin, on).name
            if n != lead and n not in co:
                co.append(n)
    agency = seed.agency if seed.agency and mins.agency_valid(seed.agency, on) and style == "body" else None
    return WebMeasure(key=key, title=era_text(seed.title, on), sentences=sentences, lead=lead, co=co,
                      timeframe=_timeframe(rng, *period), agency_in_resp=agency, style=style)


def _ctx(r: DocRecipe, t: tb.WebTopic, title: str, period: str, n_parts: int) -> dict[str, str]:
    return {"tema": t.tema, "tittel": title, "periode": period, "antall": NUMBER_WORDS.get(n_parts, str(n_parts)),
            "doktype": r.doc_type, "doktype_lower": r.doc_type.lower(), "antall_maal": NUMBER_WORDS[len(t.main_goals)]}


def build_doc(r: DocRecipe) -> WebDoc:
    """The document a recipe describes (same recipe, same document)."""
    t = tb.TOPICS[r.topic]
    on = r.date
    rng = random.Random(f"webgen-{r.name}-{r.topic}-{on.isoformat()}-{r.seed}")
    period_t = (on.year, on.year + r.period_years)
    period = f"{period_t[0]}–{period_t[1]}"
    title = t.titles[r.title_index % len(t.titles)].format(periode=period)
    pool = [s for s in (era_text(x, on) for x in t.pool) if sentence_valid(s, on)]
    rng.shuffle(pool)
    areas = list(t.areas[: r.n_parts])
    ctx = _ctx(r, t, title, period, len(areas))

    # ---- parts and measures
    parts: list[WebPart] = []
    k = 0
    styles = list(r.styles) + ["body"] * (len(areas) - len(r.styles))
    tags = list(r.heading_tags) + ["h3"] * (len(areas) - len(r.heading_tags))
    resps = list(r.resp) + ["ansvarlig_full"] * (len(areas) - len(r.resp))
    for i, area in enumerate(areas, start=1):
        seeds = list(area.seeds)
        if len(seeds) > r.per_part:  # keep the order, drop at random
            drop = set(rng.sample(range(len(seeds)), len(seeds) - r.per_part))
            seeds = [s for j, s in enumerate(seeds) if j not in drop]
        look = PartLook(style=styles[i - 1], heading_tag=tags[i - 1], heading_form=r.heading_form, resp=resps[i - 1],
                        resp_strong=rng.random() < 0.7, list_period=rng.random() < 0.4,
                        list_resp=r.list_resp,
                        table_timeframe=r.table_timeframe, paragraphs=rng.choice((1, 2, 2, 3)))
        ms = []
        for s in seeds:
            k += 1
            ms.append(measure_from_seed(s, f"m{k:02d}", on, rng, pool, look.style, period_t))
        parts.append(WebPart(number=i, title=area.title, intro=[_fmt(x, ctx, on) for x in area.intro], measures=ms,
                             look=look, goal=_fmt(area.goal, ctx, on), goals=[_fmt(x, ctx, on) for x in area.goals]))
    measures = [m for p in parts for m in p.measures]
    body = [m for m in measures if m.style == "body"]
    numbered = [m for m in measures if m.style != "list"]
    for m in body:
        if rng.random() < r.xref_rate and len(numbered) > 1:
            other = rng.choice([o for o in numbered if o.key != m.key])
            m.sentences.insert(min(len(m.sentences), rng.randint(1, 2)), rng.choice(_XREF_FORMS) % other.key)
            m.xrefs.append(other.key)
    for m in rng.sample(numbered, min(r.footnotes, len(numbered))):
        m.footnote = rng.choice(tb.MEASURE_FOOTNOTES)
    if r.summary:
        for m in body:
            m.in_summary = True

    # ---- ministers (invented persons, real ministry names on the date)
    used: set[str] = set()
    ministers = [MinisterSpec(_person(rng, used), mins.ministry(lin, on).minister_title, mins.ministry(lin, on).name)
                 for lin in t.ministers if mins.exists(lin, on)]

    doc = WebDoc(
        name=r.name, title=title, subtitle="", date=on, publisher=ministers[0].ministry, ministers=ministers,
        parts=parts, foreword=[_fmt(x, ctx, on) for x in tb.FORORD], government=mins.government(on), topic=t.key,
        numbering=r.numbering, doc_id=r.doc_id, slug=_slug(t, r, title), doc_type=r.doc_type,
        ingress=" ".join(_fmt(x, ctx, on) for x in t.ingress), variant=r.variant, saved_at=r.saved_at,
        toc_depth=r.toc_depth, part_label=r.part_label if r.layout == "innsats" else "",
        pdf_file=(_slug(t, r, title) + ".pdf") if r.pdf else None, period=period, seed=r.seed, recipe=r.name,
        front_shows_first=r.front_shows_first,
    )
    for m in measures:  # agencies follow the printed wording
        m.agencies = agencies_in(m.title + " " + m.text({x.key: "0" for x in measures}, on), on)
    doc.chapters = _chapters(doc, r, t, ctx, rng)
    return doc


def _slug(t: tb.WebTopic, r: DocRecipe, title: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")).strip("-")
    return base or t.slug


def _heading(r: DocRecipe, n: int | None, title: str) -> str:
    return title if n is None else f"{n}{r.num_sep}{title}"


def _chapters(doc: WebDoc, r: DocRecipe, t: tb.WebTopic, ctx: dict[str, str], rng: random.Random) -> list[Chapter]:
    on = doc.date
    figures = list(tb.FIGURES)
    rng.shuffle(figures)
    fnotes = list(tb.FOOTNOTES)
    chapters: list[Chapter] = []
    printed = 0  # printed chapter number (numbered / themed layouts; "Forord" is not numbered)

    def add(title: str, kind: str, blocks: list, numbered_title: bool = True) -> Chapter:
        nonlocal printed
        if r.layout in ("numbered", "themed") and numbered_title:
            printed += 1
            title = _heading(r, printed, title)
        c = Chapter(index=len(chapters) + 1, title=title, kind=kind, blocks=blocks, anchor=f"kap{len(chapters) + 1}")
        chapters.append(c)
        return c

    def sub(level: int, text: str) -> Sub:
        return Sub(level, text, f"kap{len(chapters) + 1}-{sum(isinstance(b, Sub) for b in cur) + 1}")

    def fig(i: int) -> Figure:
        alt, cap = figures[i % len(figures)]
        return Figure(alt, cap, f"illustrasjon-{i + 1}.jpg")

    for name in r.front:
        cur: list = []
        if name == "forord":
            cur += [Para(p) for p in doc.foreword]
            cur.append(Signatures(f"Oslo, {on.day}. {MONTHS[on.month - 1]} {on.year}"))
            add("Forord", "other", cur, numbered_title=False)
        elif name == "sammendrag":
            cur.append(Para(_fmt(tb.SAMMENDRAG[0], ctx, on)))
            items = tuple(p.title for p in doc.parts)
            cur.append(ProseList(_fmt(tb.SAMMENDRAG[1], ctx, on), items, ordered=True))
            add("Sammendrag", "other", cur)
        elif name == "innledning":
            cur.append(fig(0))
            cur += [Para(_fmt(x, ctx, on)) for x in tb.INNLEDNING]
            cur.append(ProseList(_fmt(tb.INNLEDNING_GOALS, ctx, on), t.main_goals, ordered=True))
            cur.append(sub(3, "Det som allerede er gjort"))
            cur.append(Para(_fmt(tb.ACHIEVEMENTS_INTRO, ctx, on)))
            cur.append(ProseList(tb.ACHIEVEMENTS_LIST, t.achievements))
            if r.earlier_fact:
                title, items = tb.EARLIER_PLAN_FACT
                cur.append(FactBox(_fmt(title, ctx, on), tuple(_fmt(x, ctx, on) for x in items), as_list=True))
            add("Innledning", "other", cur)
        elif name == "status":
            cur += [Para(_fmt(x, ctx, on), footnote=fnotes[1] if i == 0 else None) for i, x in enumerate(t.status)]
            for a in (t.areas[: r.n_parts] if r.layout == "themed" else ()):
                if a.stats:
                    cur.append(StatsTable(a.stats.caption, a.stats.header, a.stats.rows, a.stats.note))
            add("Status og utfordringer", "other", cur)
        else:
            raise ValueError(name)

    if r.layout == "themed":
        cur = [Para(f"Tiltakene i {doc.doc_type.lower()}en er ordnet under {NUMBER_WORDS[len(doc.parts)]} temaer.")]
        for p in doc.parts:
            cur.append(sub(3, p.title))
            cur.append(Para(p.intro[0]))
            cur.append(MeasuresHere(p.number))
        add("Tiltak", "measures", cur)
        for p in doc.parts:
            p.heading = p.title
            p.number_printed = False
    else:
        for i, (p, area) in enumerate(zip(doc.parts, t.areas), start=1):
            cur = []
            if i % 2 == 1 or r.layout == "innsats":
                cur.append(fig(i))
            cur.append(sub(3, "Innledning"))
            cur += [Para(x, footnote=(fnotes[(i + j) % len(fnotes)] if (i + j) % 3 == 0 else None))
                    for j, x in enumerate(p.intro)]
            cur.append(sub(3, "Mål for innsatsområdet" if r.layout == "innsats" else "Mål"))
            cur.append(Para(p.goal))
            cur.append(ProseList(tb.GOAL_INTRO, tuple(p.goals)))
            if area.fact:
                cur.append(FactBox(area.fact[0], tuple(_fmt(x, ctx, on) for x in area.fact[1])))
            if area.stats:
                cur.append(StatsTable(area.stats.caption, area.stats.header, area.stats.rows, area.stats.note))
            cur.append(sub(3, "Regjeringens tiltak" if p.look.style != "list" else "Dette vil regjeringen gjøre"))
            cur.append(MeasuresHere(p.number))
            if r.layout == "innsats":
                c = add(f"{r.part_label} {p.number} – {p.title}", "measures", cur)
                p.heading = c.title
            else:
                c = add(p.title, "measures", cur)
                p.heading = c.title
                p.number = printed  # the part's number is the chapter number as printed
    # part numbers may have changed (numbered layout): point the markers at the new numbers
    if r.layout == "numbered":
        for c, p in zip([c for c in chapters if c.kind == "measures"], doc.parts):
            c.blocks = [MeasuresHere(p.number, b.heading) if isinstance(b, MeasuresHere) else b for b in c.blocks]

    if r.summary:
        cur = [Para(_fmt(tb.SUMMARY_INTRO, ctx, on))]
        cur.append(SummaryTable("Oversikt over tiltakene", f"kap{len(chapters) + 1}-tabell"))
        add("Oversikt over tiltakene", "other", cur)
    for name in r.back:
        cur = []
        if name == "oppfolging":
            cur += [Para(_fmt(x, ctx, on)) for x in tb.OPPFOLGING]
            add("Oppfølging og evaluering", "other", cur)
        elif name == "konsekvenser":
            cur += [Para(_fmt(x, ctx, on)) for x in tb.KONSEKVENSER]
            add("Økonomiske og administrative konsekvenser", "other", cur)
        else:
            raise ValueError(name)
    return chapters


# --------------------------------------------------------------------------- random recipes


def random_recipe(rng: random.Random, name: str, doc_id: int) -> DocRecipe:
    """A recipe with every option drawn independently (for robustness evaluation)."""
    topic = rng.choice(sorted(tb.TOPICS))
    t = tb.TOPICS[topic]
    on = date(rng.randint(2009, 2026), rng.randint(1, 12), rng.randint(1, 28))
    layout = rng.choice(LAYOUTS)
    n_parts = rng.randint(2, len(t.areas))
    styles = tuple(rng.choice(("body", "body", "body", "list", "table")) for _ in range(n_parts))
    if "body" not in styles:
        styles = ("body",) + styles[1:]
    variant = "sec" if on.year < 2016 and rng.random() < 0.6 else "current"
    front = tuple(x for x in ("forord", "sammendrag", "innledning", "status") if rng.random() < 0.6) or ("innledning",)
    back = tuple(x for x in ("oppfolging", "konsekvenser") if rng.random() < 0.6)
    return DocRecipe(
        name=name, topic=topic, date=on, seed=rng.randint(0, 10**6), doc_id=doc_id,
        doc_type=rng.choice(("Strategi", "Handlingsplan")), layout=layout, variant=variant,
        naming=rng.choice(("fetch", "fetch", "browser", "browser_base")), n_parts=n_parts,
        per_part=rng.randint(2, 5), styles=styles,
        heading_tags=tuple(rng.choice(("h2", "h3", "h3", "h4", "p-strong" if variant == "sec" else "h3"))
                           for _ in range(n_parts)),
        resp=tuple(rng.choice(RESP_FORMS) for _ in range(n_parts)),
        heading_form=rng.choice(("tiltak_colon", "tiltak_colon", "tiltak_space", "tiltak_dash")),
        list_resp=rng.choice(("ansvar_paren", "ansvar_paren", "ansvar_paren_full")),
        front=front, back=back, summary=rng.random() < 0.3,
        numbering="by_part" if layout != "themed" and rng.random() < 0.25 else "sequential",
        footnotes=rng.randint(0, 3), toc_depth=rng.choice((1, 2)), title_index=rng.randint(0, 1),
        period_years=rng.choice((3, 4, 5)), num_sep=rng.choice((" ", ". ", " – ")),
        part_label=rng.choice(("Innsatsområde", "Innsatsområde", "Satsingsområde")),
        earlier_fact=rng.random() < 0.3, table_timeframe=rng.random() < 0.5,
        saved_at=datetime(2026, rng.randint(1, 7), rng.randint(1, 28), rng.randint(7, 20), rng.randint(0, 59)),
        pdf=rng.random() < 0.7,
    )
