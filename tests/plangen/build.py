"""Build a :class:`PlanSpec` from a topic of the text bank, a plan date and a seed."""

from __future__ import annotations

import random
import re
from datetime import date

from . import ministries as mins
from .spec import MeasureSpec, MinisterSpec, PartSpec, PlanSpec
from .textbank import TOPICS, M, Topic

_FIRST = ["Anne", "Kari", "Ola", "Per", "Ingrid", "Lars", "Sigrid", "Torbjørn", "Marit", "Henrik", "Solveig", "Øystein",
          "Ragnhild", "Erlend", "Astrid", "Håkon", "Guro", "Vegard", "Tone", "Bjørnar"]
_LAST = ["Lindås", "Bergsmo", "Fjeldstad", "Haugvik", "Strømnes", "Åsheim", "Kvalvåg", "Rønningen", "Sætre",
         "Mykland", "Tveitan", "Grøndahl", "Nesheim", "Hovland", "Bjørklid", "Vatnaland"]

_XREF_FORMS = [
    "Tiltaket ses i sammenheng med tiltak {ref:%s}.",
    "Arbeidet skal samordnes med oppfølgingen av tiltak {ref:%s}.",
    "Se også tiltak {ref:%s}.",
    "Tiltaket bygger på kartleggingen i tiltak {ref:%s} (jf. tiltak {ref:%s}).",
]
_COORD_FORMS = [
    "{min:%s} skal koordinere arbeidet i samråd med {min:%s}.",
    "Arbeidet ledes av {min:%s}, som skal involvere {min:%s} underveis.",
]


def agency_names(on: date) -> list[str]:
    """Agency names and short forms valid on ``on`` (longest first, for matching)."""
    names: set[str] = set()
    for name, short, start, end in mins.AGENCIES:
        if start <= on <= end:
            names.add(name)
            if short:
                names.add(short)
    return sorted(names, key=lambda s: (-len(s), s))


def _all_agency_names() -> set[str]:
    out: set[str] = set()
    for name, short, *_ in mins.AGENCIES:
        out.add(name)
        if short:
            out.add(short)
    return out


def agencies_in(text: str, on: date) -> list[str]:
    """Agencies named in ``text`` as written, in order of first appearance (longest match wins)."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for name in agency_names(on):
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w])", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), name))
    seen: list[str] = []
    for _, n in sorted(found):
        if n not in seen:
            seen.append(n)
    return seen


def sentence_valid(sentence: str, on: date) -> bool:
    """False if the sentence names an agency that did not exist (under that name) on ``on``."""
    valid = set(agency_names(on))
    for name in _all_agency_names() - valid:
        if re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w])", sentence):
            # a name valid on the date may contain this one (e.g. a short form); check the valid ones cover it
            if not any(name in v and v in sentence for v in valid):
                return False
    return True


# Agencies renamed or replaced over time: (name, successor, date the successor took over)
_ERA_NAMES = (
    ("Fylkesmannen", "Statsforvalteren", date(2021, 1, 1)),
    ("Direktoratet for forvaltning og IKT", "Digitaliseringsdirektoratet", date(2020, 1, 1)),
    ("Vox", "Kompetanse Norge", date(2014, 1, 1)),
    ("Kompetanse Norge", "Direktoratet for høyere utdanning og kompetanse", date(2021, 7, 1)),
)


def era_text(sentence: str, on: date) -> str:
    """Use the agency name valid on ``on`` (e.g. "Statsforvalteren" -> "Fylkesmannen" before 2021)."""
    for old, new, since in _ERA_NAMES:
        if on >= since:
            sentence = re.sub(r"(?<![\w-])" + re.escape(old) + r"(?![\w])", new, sentence)
    for old, new, since in reversed(_ERA_NAMES):
        if on < since:
            sentence = re.sub(r"(?<![\w-])" + re.escape(new) + r"(?![\w])", old, sentence)
    return sentence


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", text.strip()) if s]


def _lead_name(lineage: str, on: date) -> str:
    if mins.exists(lineage, on):
        return mins.ministry(lineage, on).name
    # lineages that did not exist yet (e.g. DFD before 2024): digital policy sat in the municipal ministry
    return mins.ministry("KMD", on).name


def _timeframe(rng: random.Random, start: int, end: int) -> str:
    r = rng.random()
    if r < 0.15:
        return "Løpende"
    a = rng.randint(start, end - 1)
    if r < 0.4:
        return str(a)
    return f"{a}–{rng.randint(a + 1, end)}"


def measure_from_seed(seed: M, key: str, on: date, rng: random.Random, pool: list[str], period: tuple[int, int],
                      extra_sentences: tuple[int, int] = (1, 3)) -> MeasureSpec:
    """A measure from a seed: its own sentences plus unused pool sentences (2-6 sentences in all)."""
    sentences = [s for s in (era_text(x, on) for x in split_sentences(seed.text)) if sentence_valid(s, on)]
    lo, hi = extra_sentences
    extra = rng.randint(lo, hi) if len(sentences) <= 2 else rng.randint(max(0, lo - 1), max(0, hi - 1))
    extra = max(extra, 2 - len(sentences))
    while extra and pool:
        s = pool.pop()
        if s not in sentences:
            sentences.append(s)
            extra -= 1
    all_min = seed.lead == "ALL"
    lead = "" if all_min else _lead_name(seed.lead, on)
    co: list[str] = []
    for lin in [c for c in seed.co.split(",") if c]:
        if mins.exists(lin, on):
            n = mins.ministry(lin, on).name
            if n != lead and n not in co:
                co.append(n)
    return MeasureSpec(
        key=key,
        title=seed.title,
        sentences=sentences[:6],
        lead=lead,
        co=co,
        timeframe=_timeframe(rng, *period),
        agency_in_resp=seed.agency if seed.agency and mins.agency_valid(seed.agency, on) else None,
        all_ministries=all_min,
    )


def build_plan(
    topic: str | Topic,
    on: date,
    seed: int,
    *,
    name: str,
    n_measures: int | None = None,
    title_index: int = 0,
    xref_rate: float = 0.15,
    coord_rate: float = 0.2,
    period_years: int = 3,
    extra_sentences: tuple[int, int] = (1, 3),
    minister_lineages: tuple[str, ...] | None = None,
    extra_ministers: tuple[tuple[str, str], ...] = (),
    numbering: str = "sequential",
) -> PlanSpec:
    """Assemble a plan spec. Deterministic for a given (topic, on, seed, options)."""
    t = TOPICS[topic] if isinstance(topic, str) else topic
    rng = random.Random(f"{t.key}-{on.isoformat()}-{seed}")
    pool = [s for s in (era_text(x, on) for x in t.pool) if sentence_valid(s, on)]
    rng.shuffle(pool)
    # measures beyond what the pool covers reuse pool sentences (a second shuffled copy, bottom of the stack)
    again = list(pool)
    rng.shuffle(again)
    pool = again + pool
    period = (on.year, on.year + period_years)

    seeds_by_part = [list(p.measures) for p in t.parts]
    total = sum(len(s) for s in seeds_by_part)
    if n_measures is not None and n_measures < total:
        # drop measures at random, keeping at least three per part
        drop = total - n_measures
        candidates = [(i, j) for i, s in enumerate(seeds_by_part) for j in range(len(s))]
        rng.shuffle(candidates)
        dropped: set[tuple[int, int]] = set()
        for i, j in candidates:
            if len(dropped) >= drop:
                break
            if len(seeds_by_part[i]) - sum(1 for a, _ in dropped if a == i) > 3:
                dropped.add((i, j))
        seeds_by_part = [[m for j, m in enumerate(s) if (i, j) not in dropped] for i, s in enumerate(seeds_by_part)]

    parts: list[PartSpec] = []
    k = 0
    for i, (pseed, seeds) in enumerate(zip(t.parts, seeds_by_part), start=1):
        ms = []
        for s in seeds:
            k += 1
            ms.append(measure_from_seed(s, f"m{k:02d}", on, rng, pool, period, extra_sentences))
        parts.append(PartSpec(number=i, title=pseed.title, intro=list(pseed.intro), measures=ms))

    spec_measures = [m for p in parts for m in p.measures]
    # cross-references to other measures (resolved to printed numbers at render time)
    for m in spec_measures:
        if rng.random() < xref_rate:
            other = rng.choice([o for o in spec_measures if o.key != m.key])
            form = rng.choice(_XREF_FORMS)
            m.sentences.insert(min(len(m.sentences), rng.randint(1, 2)), form.replace("%s", other.key))
            m.xrefs.append(other.key)
    # full ministry names in prose (suspended compounds such as "Justis- og ...")
    for m in spec_measures:
        if m.co and not m.all_ministries and rng.random() < coord_rate and len(m.sentences) < 6:
            lead_l, co_l = mins.lineage_of(m.lead), mins.lineage_of(m.co[0])
            m.sentences.append(rng.choice(_COORD_FORMS) % (lead_l, co_l))
    for m in spec_measures:
        m.agencies = agencies_in(m.title + " " + m.text({x.key: "0" for x in spec_measures}, on), on)

    ministers = []
    used_names: set[str] = set()
    signers: list[tuple[str, str | None]] = [(lin, None) for lin in (minister_lineages or t.ministers)]
    for lin, title in extra_ministers:  # a second minister in a ministry, e.g. JD's integration minister
        idx = max(i for i, (x, _) in enumerate(signers) if x == lin) + 1 if any(x == lin for x, _ in signers) else len(signers)
        signers.insert(idx, (lin, title))
    for lin, title in signers:
        if not mins.exists(lin, on):
            continue
        mn = mins.ministry(lin, on)
        while True:
            person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            if person not in used_names:
                used_names.add(person)
                break
        ministers.append(MinisterSpec(name=person, title=title or mn.minister_title, ministry=mn.name))
    publisher = ministers[0].ministry
    title = t.titles[title_index % len(t.titles)]
    return PlanSpec(
        name=name,
        title=f"{title} {period[0]}–{period[1]}" if title_index % 2 == 0 else title,
        subtitle=t.subtitles[title_index % len(t.subtitles)],
        date=on,
        publisher=publisher,
        ministers=ministers,
        parts=parts,
        foreword=list(t.foreword),
        topic=t.key,
        numbering=numbering,
    )
