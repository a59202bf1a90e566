"""Enrichment of a plan's measures: agencies named in the text, target groups, whether the measure
concerns children, the entities each measure names (``Measure.entities``, the ``measure_entities``
table) and every entity as a ``mentions`` row, from one NLP pass over all measures."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from pipeline.model import Entity, Measure, MeasureEntity, Mention, PlanExtraction
from pipeline.nlp.analysis import analyse, entities_of
from pipeline.nlp.entities import AGENCY
from pipeline.nlp.groups import children_groups, groups_of
from pipeline.nlp.language import nlp_warning
from pipeline.nlp.mode import MODEL_NOT_USED
from pipeline.reference import default_registry


def enrich_plan(plan: PlanExtraction, on: date | None, registry: Any | None = None) -> None:
    """Add agencies, target groups, ``mentions_children``, entities and mentions to ``plan`` (in place).

    Reads "title + text" of every measure; mentions carry offsets into ``Measure.text`` (entities in
    the title count for agencies and ``Measure.entities`` only). If the NLP layer fails, the measures
    are kept and a warning says what is missing; if the trained recogniser is missing, a warning says
    the entities come from the registry's rules only.
    """
    reg = registry if registry is not None else default_registry()
    measures = plan.measures
    seps = [(m.title + "\n\n") if m.title else "" for m in measures]
    texts = [sep + m.text for sep, m in zip(seps, measures)]
    try:
        fallback = nlp_warning()
        docs = list(analyse(texts, on))
        ents_all = [entities_of(d) for d in docs]
        groups_all = [list(groups_of(d)) for d in docs]
        child = set(children_groups())
    except Exception as e:  # the NLP layer failing must not lose the measures
        plan.warnings.append(
            f"NLP enrichment failed ({type(e).__name__}: {e}); agencies in text, target groups and mentions missing"
        )
        return
    if fallback and measures:
        plan.warnings.append(f"{MODEL_NOT_USED}: {fallback}")
    for m, sep, ents, groups in zip(measures, seps, ents_all, groups_all):
        off = len(sep)
        for e in ents:
            if e.label == AGENCY and e.text[:1].isupper():
                # Named agencies are capitalised in Norwegian; lower-case generic nouns ("politiet",
                # "påtalemyndigheten", "politidistrikter") stay mentions but are not listed as agencies.
                name = _agency_name(reg, e.text) or e.text
                if name not in m.agencies:
                    m.agencies.append(name)
            if e.start < off:
                continue
            plan.mentions.append(entity_mention(e, m.document_id, f"measure:{m.measure_id}", page=m.page_start, offset=off))
        m.target_groups = groups
        m.mentions_children = bool(child & set(groups))
        m.entities = measure_entities(ents, reg)


def measure_entities(ents: Iterable[Entity], registry: Any | None = None) -> list[MeasureEntity]:
    """The entities of one measure with a NorNE type, one per (text as written, type), in order of first
    mention, counted. The registry's resolution wins for a text it found anywhere in the measure; ``name``
    is the registry's canonical name (ministry name on the document date, agency or organisation name)."""
    reg = registry if registry is not None else default_registry()
    out: dict[tuple[str, str], MeasureEntity] = {}
    for e in ents:
        if not e.ner_label:
            continue
        key = (e.text, e.ner_label)
        found = out.get(key)
        if found is not None:
            found.mentions += 1
            if found.source == "registry" or e.source != "registry":
                continue
        mentions = found.mentions if found is not None else 1
        out[key] = MeasureEntity(
            text=e.text,
            ner_label=e.ner_label,
            source=e.source,
            name=_canonical_name(reg, e) or e.text,
            mentions=mentions,
            ministry_id=e.ministry_id,
            agency_id=e.agency_id,
            organisation_id=e.organisation_id,
        )
    return list(out.values())


def entity_mention(e: Entity, document_id: str, context: str, *, page: int | None = None, offset: int = 0) -> Mention:
    """``e`` as a ``mentions`` row of ``document_id``; ``offset`` is subtracted from its offsets (the
    analysed text began with something that is not part of ``context``'s text)."""
    return Mention(
        document_id=document_id,
        page=page,
        start=e.start - offset,
        end=e.end - offset,
        text=e.text,
        label=e.label,
        context=context,
        ministry_id=e.ministry_id,
        ministry_name=e.ministry_name,
        agency_id=e.agency_id,
        ner_label=e.ner_label,
        source=e.source,
        organisation_id=e.organisation_id,
    )


def _canonical_name(reg: Any, e: Entity) -> str | None:
    try:
        if e.ministry_id:
            return e.ministry_name
        if e.agency_id:
            return getattr(reg.agency(e.agency_id), "name", None)
        if e.organisation_id:
            return getattr(reg.organisation(e.organisation_id), "name", None)
    except Exception:  # an odd registry must not abort the plan
        return None
    return None


def _agency_name(reg: Any, text: str) -> str | None:
    try:
        return getattr(reg.resolve_agency(text), "name", None)
    except Exception:  # an odd string must not abort the plan
        return None
