"""What a producer fixture says (content) and how it is laid out (style), independent of the producer.

The content is a plangen :class:`~tests.plangen.spec.PlanSpec` built from :mod:`tests.producers.textbank`
(so the version-pair truth of :mod:`tests.plangen.versions` applies unchanged); a :class:`ProducerPlan`
adds what the plangen spec has no field for: how parts are numbered *as printed* (or not at all), which
measures close their paragraph with "(Ansvar: …)", the title-page date as printed, the consultation sentence.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date

from tests.plangen import ministries as mins
from tests.plangen.build import agencies_in, era_text, measure_from_seed, sentence_valid
from tests.plangen.fonts import MONTHS
from tests.plangen.spec import MeasureSpec, MinisterSpec, PartSpec, PlanSpec
from tests.plangen.textbank import M

from .textbank import FIRST_NAMES, LAST_NAMES, TOPICS, Extras

PRODUCERS = ("libreoffice", "chromium")


@dataclass(frozen=True)
class Style:
    """Presentation choices of one producer variant (every field is something real plans vary in)."""

    name: str
    producer: str  # "libreoffice" | "chromium"
    font: str  # font family as the producer names it, e.g. "Carlito", "Liberation Sans Narrow"
    size_pt: float = 11.0
    structure: str = "body"  # "body": measures in the text | "table": only in a table | "flat": no parts
    part_label: str = "innsatsomrade"  # innsatsomrade | chapter | del_roman | row_plain | row_innsats | none
    measure_form: str = "tiltak_heading"  # tiltak_heading | bold_line | bold_runin | table
    resp: str = "abbr"  # body responsibility line: "abbr" ("Ansvarlig: KD, ASD") | "full" (official names)
    closing_share: float = 0.0  # share of body measures whose paragraph closes with "(Ansvar: JD og KMD)"
    table_resp: str = "abbr"  # cells: "abbr" ("KD/ASD", "KMD/Alle", "Alle") | "full" (names, wrap) | "mixed"
    overview: str | None = None  # None | "bordered" | "borderless": an overview table of all measures at the end
    overview_landscape: bool = False
    table_borders: bool = True  # table-only plans: ruled measures table
    twocol_part: int | None = None  # index of the part set in two columns (its own section)
    stats_landscape: bool = False  # the statistics table on a landscape page of its own
    justify: bool = True
    hyphenate: bool = True
    toc_levels: int = 3
    toc_split: bool = False  # tune the layout until the TOC's page break falls inside a wrapped entry
    footnotes: bool = True
    running_header: bool = False
    page_mm: tuple[int, int] = (210, 297)  # portrait width x height; landscape sections swap them
    margin_mm: int = 25


@dataclass
class ProducerPlan:
    spec: PlanSpec  # plangen content: parts (PartSpec.number = ordinal), measures, ministers, foreword
    extras: Extras
    style: Style
    date_text: str  # title-page date as printed ("November 2018")
    date_precision: str  # "day" | "month"
    consultation: str | None  # the consultation-deadline sentence in the introduction
    consultation_deadline: date | None
    resp_form: dict[str, str] = field(default_factory=dict)  # measure key -> "line" | "closing"
    footnote_measure: str | None = None  # key of the measure whose text carries a footnote

    # ------------------------------------------------------------------ printed numbering
    def part_number(self, p: PartSpec) -> int | None:
        """The part's number as printed (None where the plan prints no number or no part)."""
        lab = self.style.part_label
        if lab in ("innsatsomrade", "row_innsats"):
            return p.number
        if lab == "chapter":
            return p.number + 2  # "1 Innledning", "2 Utfordringer og mål", then the parts
        if lab == "del_roman":
            return p.number + 1  # "Del I Innledning og bakgrunn", then the parts
        return None

    def part_stated(self) -> bool:
        return self.style.part_label != "none"

    def part_heading(self, p: PartSpec) -> str:
        n = self.part_number(p)
        lab = self.style.part_label
        if lab in ("innsatsomrade", "row_innsats"):
            return f"Innsatsområde {n}: {p.title}"
        if lab == "chapter":
            return f"{n}\t{p.title}"
        if lab == "del_roman":
            return f"Del {roman(n)} {p.title}"
        if lab == "row_plain":
            return p.title
        raise ValueError(f"{lab}: parts are not printed")


def roman(n: int) -> str:
    out = ""
    for v, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def month_text(on: date) -> str:
    return f"{MONTHS[on.month - 1].capitalize()} {on.year}"


def day_text(on: date) -> str:
    return f"{on.day}. {MONTHS[on.month - 1]} {on.year}"


@dataclass(frozen=True)
class Recipe:
    """One committed fixture: content (topic, seed, date) x style (producer variant), and its split."""

    name: str
    topic: str
    seed: int
    date: date
    style: Style
    split: str  # "calibrate" | "score"
    date_precision: str = "day"
    consultation: tuple[str, date] | None = None  # ("var" | "er", deadline)
    n_measures: int | None = None
    title_index: int = 0


def _measure(seed: M, key: str, on: date, rng: random.Random, pool: list[str], period: tuple[int, int]) -> MeasureSpec:
    """plangen's measure builder; ``"ALL"`` among the co-responsible lineages means lead + all ministries."""
    m = measure_from_seed(seed, key, on, rng, pool, period, extra_sentences=(1, 2))
    if "ALL" in seed.co.split(","):
        m.all_ministries = True
    return m


def _consultation_sentence(tense: str, deadline: date) -> str:
    if tense == "er":
        return ("Forslagene til regelendringer i planen sendes på høring samtidig med at planen legges fram. "
                f"Høringsfristen er {day_text(deadline)}.")
    return ("Et utkast til planen var på offentlig høring, og departementet mottok mange uttalelser. "
            f"Høringsfristen var {day_text(deadline)}.")


def build(r: Recipe) -> ProducerPlan:
    """The content of a fixture (deterministic for the recipe)."""
    topic, extras = TOPICS[r.topic]
    on = r.date
    rng = random.Random(f"producers-{r.topic}-{on.isoformat()}-{r.seed}")
    pool = [s for s in (era_text(x, on) for x in topic.pool) if sentence_valid(s, on)]
    rng.shuffle(pool)
    pool = pool + pool[::-1]  # enough for every measure; a sentence is used at most twice per plan
    period = (on.year, on.year + 3)
    seeds = [list(p.measures) for p in topic.parts]
    while r.n_measures is not None and sum(map(len, seeds)) > r.n_measures:  # drop at random, >= 3 left per part
        part = seeds[rng.choice([i for i, s in enumerate(seeds) if len(s) > 3])]
        part.pop(rng.randrange(len(part)))
    parts: list[PartSpec] = []
    k = 0
    for i, (pseed, ss) in enumerate(zip(topic.parts, seeds), start=1):
        ms = []
        for s in ss:
            k += 1
            ms.append(_measure(s, f"m{k:02d}", on, rng, pool, period))
        parts.append(PartSpec(number=i, title=pseed.title, intro=list(extras.background[i - 1]), measures=ms))
    if r.style.part_label == "none":  # one run of measures, no parts printed
        parts = [PartSpec(number=1, title="", intro=[], measures=[m for p in parts for m in p.measures])]
    for m in (m for p in parts for m in p.measures):
        m.agencies = agencies_in(m.title + " " + m.text({}, on), on)
    ministers = []
    firsts, lasts = rng.sample(FIRST_NAMES, len(topic.ministers)), rng.sample(LAST_NAMES, len(topic.ministers))
    for lin, first, last in zip(topic.ministers, firsts, lasts):
        if mins.exists(lin, on):
            mn = mins.ministry(lin, on)
            ministers.append(MinisterSpec(name=f"{first} {last}", title=mn.minister_title, ministry=mn.name))
    title = topic.titles[r.title_index % len(topic.titles)]
    spec = PlanSpec(
        name=r.name, title=title, subtitle=topic.subtitles[r.title_index % len(topic.subtitles)], date=on,
        publisher=ministers[0].ministry, ministers=ministers, parts=parts, foreword=list(topic.foreword),
        government=mins.government(on), topic=r.topic,
    )
    plan = ProducerPlan(
        spec=spec, extras=extras, style=r.style,
        date_text=month_text(on) if r.date_precision == "month" else day_text(on),
        date_precision=r.date_precision,
        consultation=_consultation_sentence(*r.consultation) if r.consultation else None,
        consultation_deadline=r.consultation[1] if r.consultation else None,
    )
    assign_forms(plan, rng)
    return plan


def assign_forms(plan: ProducerPlan, rng: random.Random) -> None:
    """Choose the responsibility form per measure and the measure that carries a footnote."""
    st = plan.style
    ms = plan.spec.measures()
    plan.resp_form = {m.key: ("closing" if rng.random() < st.closing_share else "line") for m in ms}
    if st.closing_share and ms and "closing" not in plan.resp_form.values():
        plan.resp_form[ms[len(ms) // 2].key] = "closing"
    if st.footnotes and st.structure != "table":
        cands = [m for m in ms if len(m.sentences) >= 3]
        plan.footnote_measure = cands[len(cands) // 3].key if cands else None


def copy_plan(plan: ProducerPlan, **changes) -> ProducerPlan:
    return replace(plan, spec=plan.spec.copy(), resp_form=dict(plan.resp_form), **changes)
