"""Rows of the ``ministries`` table: the reference registry, one row per name period.

:func:`registry_periods` reads :func:`pipeline.reference.default_registry` (its ``name_periods()``
and ``lineages()``); :func:`periods_from_records` is the fallback when no registry is importable:
the ministries named in the records themselves, without dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Mapping

from pipeline.reference import default_registry


@dataclass(frozen=True)
class MinistryPeriod:
    """One name period of a ministry lineage (a row of ``ministries``)."""

    ministry_id: str
    name: str
    name_en: str | None = None
    abbreviation: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    successor_ids: tuple[str, ...] = ()
    predecessor_ids: tuple[str, ...] = ()


def _get(obj: Any, *names: str) -> Any:
    for n in names:
        if isinstance(obj, Mapping):
            if n in obj:
                return obj[n]
        elif hasattr(obj, n):
            return getattr(obj, n)
    return None


def _ids(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.replace(",", ";").split(";") if v.strip())
    out = []
    for v in value:
        vid = v if isinstance(v, str) else _get(v, "ministry_id", "id")
        if vid:
            out.append(str(vid))
    return tuple(out)


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def registry_periods(registry: Any | None = None) -> list[MinistryPeriod] | None:
    """Name periods from the reference registry; ``None`` if ``pipeline.reference`` is not available.

    Accepts records with attributes or keys ``ministry_id``, ``name``, ``name_en``, ``abbreviation``,
    ``valid_from``, ``valid_to``; lineages give ``successor_ids``/``predecessor_ids`` (or
    ``successors``/``predecessors``) per ``ministry_id``.
    """
    if registry is None:
        registry = default_registry()
    periods = registry.name_periods()
    lineages = registry.lineages() if hasattr(registry, "lineages") else []
    links: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    items = lineages.values() if isinstance(lineages, Mapping) else lineages
    keys = list(lineages.keys()) if isinstance(lineages, Mapping) else None
    for i, lin in enumerate(items):
        mid = _get(lin, "ministry_id", "id") or (keys[i] if keys else None)
        if not mid:
            continue
        links[str(mid)] = (
            _ids(_get(lin, "successor_ids", "successors")),
            _ids(_get(lin, "predecessor_ids", "predecessors")),
        )
    out = []
    for p in periods:
        mid = str(_get(p, "ministry_id", "id"))
        succ, pred = links.get(mid, ((), ()))
        out.append(
            MinistryPeriod(
                ministry_id=mid,
                name=str(_get(p, "name")),
                name_en=_get(p, "name_en"),
                abbreviation=_get(p, "abbreviation"),
                valid_from=_as_date(_get(p, "valid_from", "start")),
                valid_to=_as_date(_get(p, "valid_to", "end")),
                successor_ids=_ids(_get(p, "successor_ids")) or succ,
                predecessor_ids=_ids(_get(p, "predecessor_ids")) or pred,
            )
        )
    return out


def periods_from_records(named: Iterable[tuple[str, str | None, str | None]]) -> list[MinistryPeriod]:
    """Fallback registry from ``(ministry_id, name, abbreviation)`` triples seen in the records.

    One period per distinct (id, name); dates unknown (null). Used only when no registry is importable.
    """
    seen: dict[tuple[str, str], MinistryPeriod] = {}
    for mid, name, abbr in named:
        if not mid:
            continue
        key = (mid, name or mid)
        if key not in seen:
            seen[key] = MinistryPeriod(ministry_id=mid, name=name or mid, abbreviation=abbr)
    return list(seen.values())


def ministry_rows(periods: Iterable[MinistryPeriod]) -> list[dict[str, Any]]:
    """Rows of ``ministries``: periods numbered per lineage in date order (undated first)."""
    by_id: dict[str, list[MinistryPeriod]] = {}
    for p in periods:
        by_id.setdefault(p.ministry_id, []).append(p)
    rows = []
    for mid, ps in by_id.items():
        ps = sorted(
            set(ps),
            key=lambda p: (
                p.valid_from or date.min,
                p.valid_to or date.max,
                p.name,
                p.name_en or "",
                p.abbreviation or "",
                p.successor_ids,
                p.predecessor_ids,
            ),
        )
        for i, p in enumerate(ps, start=1):
            rows.append(
                {
                    "ministry_id": mid,
                    "period": i,
                    "name": p.name,
                    "name_en": p.name_en,
                    "abbreviation": p.abbreviation,
                    "valid_from": p.valid_from,
                    "valid_to": p.valid_to,
                    "successor_ids": ";".join(p.successor_ids) or None,
                    "predecessor_ids": ";".join(p.predecessor_ids) or None,
                }
            )
    return rows
