"""Enrichment of a plan's measures: agencies named in the text, target groups, whether the measure
concerns children, and every entity as a ``mentions`` row, from one NLP pass over all measures."""

from __future__ import annotations

from datetime import date
from typing import Any

from pipeline.model import Measure, Mention, PlanExtraction
from pipeline.nlp.analysis import analyse, entities_of
from pipeline.nlp.groups import children_groups, groups_of
from pipeline.reference import default_registry


def enrich_plan(plan: PlanExtraction, on: date | None, registry: Any | None = None) -> None:
    """Add agencies, target groups, ``mentions_children`` and mentions to ``plan`` (in place).

    Reads "title + text" of every measure; mentions carry offsets into ``Measure.text`` (entities in
    the title are used for agencies only). If the NLP layer fails, the measures are kept and a
    warning says what is missing.
    """
    reg = registry if registry is not None else default_registry()
    measures = plan.measures
    seps = [(m.title + "\n\n") if m.title else "" for m in measures]
    texts = [sep + m.text for sep, m in zip(seps, measures)]
    try:
        docs = list(analyse(texts, on))
        ents_all = [entities_of(d) for d in docs]
        groups_all = [list(groups_of(d)) for d in docs]
        child = set(children_groups())
    except Exception as e:  # the NLP layer failing must not lose the measures
        plan.warnings.append(
            f"NLP enrichment failed ({type(e).__name__}: {e}); agencies in text, target groups and mentions missing"
        )
        return
    for m, sep, ents, groups in zip(measures, seps, ents_all, groups_all):
        off = len(sep)
        for e in ents:
            if e.label == "AGENCY" and e.text[:1].isupper():
                # Named agencies are capitalised in Norwegian; lower-case generic nouns ("politiet",
                # "påtalemyndigheten", "politidistrikter") stay mentions but are not listed as agencies.
                name = _agency_name(reg, e.text) or e.text
                if name not in m.agencies:
                    m.agencies.append(name)
            if e.start < off:
                continue
            plan.mentions.append(_mention(m, e, off))
        m.target_groups = groups
        m.mentions_children = bool(child & set(groups))


def _agency_name(reg: Any, text: str) -> str | None:
    try:
        return getattr(reg.resolve_agency(text), "name", None)
    except Exception:  # an odd string must not abort the plan
        return None


def _mention(m: Measure, e: Any, off: int) -> Mention:
    return Mention(
        document_id=m.document_id,
        page=m.page_start,
        start=e.start - off,
        end=e.end - off,
        text=e.text,
        label=e.label,
        context=f"measure:{m.measure_id}",
        ministry_id=e.ministry_id,
        ministry_name=e.ministry_name,
        agency_id=e.agency_id,
    )
