"""Version pairs from the producers: an old and a new plan and the expected change report.

The edits are chosen explicitly per pair (not at random) so that the cases the change evaluation must get
right are there by construction; the expected rows come from plangen's change truth
(:func:`tests.plangen.versions._change_truth`), so the format is that of ``tests/plangen`` pairs
(``pairs/<pair>.changes.json``). Ministries renamed between the two dates get their new official names
(:func:`tests.plangen.versions._rename_all`): a rename is not a responsibility change.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from tests.plangen import ministries as mins
from tests.plangen.build import agencies_in, measure_from_seed
from tests.plangen.spec import PlanSpec
from tests.plangen.versions import _change_truth, _lower_first, _rename_all

from .fixtures import PairRecipe
from .plan import ProducerPlan, Recipe, build, copy_plan, day_text, month_text

# Rewritten prose for the "title extended, body rewritten" case (invented for this project).
REWRITES = {
    "Forebygging av tvangsarbeid og sosial dumping i utsatte bransjer": [
        "Innsatsen mot tvangsarbeid utvides til også å omfatte sosial dumping.",
        "Arbeidstilsynet, politiet og Skatteetaten skal gjennomføre felles risikobaserte tilsyn i bransjene der "
        "utnyttingen er mest utbredt.",
        "Veiledningen til arbeidstakere som kan være utsatt, skal gis på de språkene de forstår, og gjennom "
        "organisasjoner de har tillit til.",
        "Erfaringene fra den første planperioden viser at mange saker om tvangsarbeid begynner som brudd på lønns- "
        "og arbeidsvilkår.",
    ],
}
GENERIC_REWRITE = [
    "Tiltaket er lagt om etter erfaringene fra den første planperioden.",
    "Innsatsen skal nå rettes mot færre kommuner med større behov, og oppfølgingen skal vare lenger.",
    "Tjenestene skal samarbeide om en felles plan for hver enkelt, og planen skal følges opp hver tredje måned.",
]


@dataclass(frozen=True)
class PEdit:
    kind: str  # insert | remove | reword | modify | extend_title | move | split | merge | add_co
    part: int  # ordinal (1-based) of the part the measure is taken from / inserted into
    index: int = 0  # measure index within that part (negative: from the end)
    to_part: int | None = None  # move: target part ordinal
    lineage: str | None = None  # add_co
    title: str | None = None  # extend_title: the new title


def _edits(pr: PairRecipe, old: ProducerPlan) -> list[PEdit]:
    if pr.title_extension:  # nothing before the extended measure may renumber it
        src, dst = pr.title_extension
        part = next(i for i, p in enumerate(old.spec.parts, 1) if any(m.title == src for m in p.measures))
        idx = next(j for j, m in enumerate(old.spec.parts[part - 1].measures) if m.title == src)
        return [PEdit("extend_title", part, idx, title=dst), PEdit("add_co", 1, 0, lineage="NFD"),
                PEdit("reword", 1, 1), PEdit("reword", 3, 0), PEdit("insert", 3, 1), PEdit("split", 3, 2),
                PEdit("move", 3, -1, to_part=4), PEdit("remove", 4, 0), PEdit("merge", 4, 1)]
    return [PEdit("insert", 1, 1), PEdit("modify", 2, 1), PEdit("reword", 2, 2), PEdit("reword", 4, 0),
            PEdit("move", 1, -2, to_part=4), PEdit("remove", 3, 1), PEdit("split", 2, 3), PEdit("merge", 4, 1),
            PEdit("add_co", 3, 0, lineage="KD")]


def _reword(sentences: list[str], subs: tuple[tuple[str, str], ...]) -> list[str]:
    out = list(sentences)
    done = 0
    for a, b in subs:
        for i, s in enumerate(out):
            if a in s and done < 2:
                out[i] = s.replace(a, b, 1)
                done += 1
                break
    if not done:
        out[0] = out[0].replace(" skal ", " skal blant annet ", 1) if " skal " in out[0] else "I planperioden: " + out[0]
    return out


def make_pair(pr: PairRecipe) -> tuple[ProducerPlan, ProducerPlan, dict]:
    """(old plan, new plan, change truth) for a pair recipe; deterministic."""
    old = build(Recipe(f"{pr.name}_old", pr.topic, pr.seed, pr.old_date, pr.style, pr.split,
                       date_precision=pr.old_precision, n_measures=pr.n_measures))
    on = pr.new_date
    new = copy_plan(old, date_text=day_text(on) if pr.old_precision == "day" else month_text(on))
    spec: PlanSpec = new.spec
    spec.name = f"{pr.name}_new"
    spec.date = on
    spec.government = mins.government(on)
    _rename_all(spec, on)
    rng = random.Random(f"pair-{pr.name}")
    used = {s for m in old.spec.measures() for s in m.sentences}
    from .textbank import TOPICS

    topic, extras = TOPICS[pr.topic]
    pool = [s for s in topic.pool if s not in used]
    kind: dict[str, str] = {}
    splits: dict[str, list[str]] = {}
    merges: dict[str, list[str]] = {}
    added: list[str] = []
    removed: list[str] = []
    # resolve every edit to a key of the OLD plan first (indices refer to the old plan)
    targets = [(e, old.spec.parts[e.part - 1].measures[e.index].key) if e.kind != "insert" else (e, None)
               for e in _edits(pr, old)]

    def locate(key: str):
        for p in spec.parts:
            for i, m in enumerate(p.measures):
                if m.key == key:
                    return p, i
        raise KeyError(key)

    for e, key in targets:
        if e.kind == "insert":
            seed = extras.extra_new[len(added) % len(extras.extra_new)]
            k = f"n{len(added) + 1:02d}"
            m = measure_from_seed(seed, k, on, rng, pool, (on.year, on.year + 3), extra_sentences=(1, 1))
            spec.parts[e.part - 1].measures.insert(e.index, m)
            new.resp_form[k] = "line"
            added.append(k)
        elif e.kind == "remove":
            p, i = locate(key)
            p.measures.pop(i)
            removed.append(key)
        elif e.kind == "reword":
            p, i = locate(key)
            p.measures[i].sentences = _reword(p.measures[i].sentences, extras.reword)
            kind[key] = "reworded"
        elif e.kind in ("modify", "extend_title"):
            p, i = locate(key)
            m = p.measures[i]
            if e.kind == "extend_title":
                m.title = e.title
                m.sentences = list(REWRITES[e.title])
            else:
                m.sentences = [_reword(m.sentences[:1], extras.reword)[0]] + GENERIC_REWRITE
            kind[key] = "modified"
        elif e.kind == "move":
            p, i = locate(key)
            m = p.measures.pop(i)
            spec.parts[e.to_part - 1].measures.insert(1, m)
        elif e.kind == "split":
            p, i = locate(key)
            m = p.measures.pop(i)
            half = max(1, len(m.sentences) // 2)
            a = replace(m, key=key + "a", sentences=m.sentences[:half] + [
                "Denne delen av tiltaket gjelder utformingen av ordningen."], co=list(m.co), xrefs=[])
            b = replace(m, key=key + "b", title="Oppfølging: " + _lower_first(m.title),
                        sentences=["Denne delen av tiltaket gjelder gjennomføringen."] + m.sentences[half:],
                        co=list(m.co), xrefs=[])
            p.measures[i:i] = [a, b]
            for x in (a, b):
                new.resp_form[x.key] = new.resp_form.get(key, "line")
            splits[key] = [a.key, b.key]
        elif e.kind == "merge":
            p, i = locate(key)
            m = p.measures[i]
            m2 = p.measures.pop(i + 1)
            m.title = m.title + " og " + _lower_first(m2.title)
            m.sentences = m.sentences + m2.sentences
            for c in ([m2.lead] if m2.lead else []) + m2.co:
                if c != m.lead and c not in m.co:
                    m.co.append(c)
            m.all_ministries = m.all_ministries or m2.all_ministries
            merges[key] = [key, m2.key]
        elif e.kind == "add_co":
            p, i = locate(key)
            name = mins.ministry(e.lineage, on).name
            assert name != p.measures[i].lead and name not in p.measures[i].co, (pr.name, key, name)
            p.measures[i].co.append(name)
        else:
            raise ValueError(e.kind)
    for m in spec.measures():
        m.agencies = agencies_in(m.title + " " + m.text(spec.numbers(), on), on)
    if new.footnote_measure and new.footnote_measure not in {m.key for m in spec.measures()}:
        new.footnote_measure = None
    truth = _change_truth(old.spec, spec, kind, splits, merges, added, removed)
    # part numbers as printed (plangen's rows carry the ordinal PartSpec.number)
    printed = {"old": {p.number: old.part_number(p) for p in old.spec.parts},
               "new": {p.number: new.part_number(p) for p in spec.parts}}
    for row in truth["changes"]:
        for side in ("old", "new"):
            if row[f"{side}_part_number"] is not None:
                row[f"{side}_part_number"] = printed[side][row[f"{side}_part_number"]]
    truth["edits"] = [{"kind": e.kind, "key": k, "part": e.part, "to_part": e.to_part, "lineage": e.lineage,
                       "title": e.title} for e, k in targets]
    return old, new, truth
