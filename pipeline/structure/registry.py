"""The view of the ministry registry (``pipeline.reference``) that structure and measures use.

``MinistryRegistry`` names the methods they call, so tests can pass a small fake; the ``try_*``
helpers turn a registry error on odd input into "not found" instead of aborting a whole plan.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from pipeline.model import MinistryOnDate
from pipeline.reference import default_registry as reference_registry


class MinistryRegistry(Protocol):
    """The subset of ``pipeline.reference.Registry`` that structure uses."""

    def try_resolve(self, text: str, on: date | None = None) -> MinistryOnDate | None: ...

    def resolve_title(self, title: str, on: date | None = None) -> MinistryOnDate: ...

    def resolve_agency(self, text: str) -> Any: ...


def default_registry() -> MinistryRegistry:
    return reference_registry()


def try_resolve(reg: MinistryRegistry, text: str, on: date | None) -> MinistryOnDate | None:
    try:
        return reg.try_resolve(text, on)
    except Exception:  # a registry bug on odd input must not abort a whole plan
        return None


def try_resolve_title(reg: MinistryRegistry, title: str, on: date | None) -> MinistryOnDate | None:
    """The ministry of a minister title; a title the registry does not list is read by the naming convention
    "X-minister" of "X-departementet" ("Nærings- og fiskeriminister" -> Nærings- og fiskeridepartementet)."""
    try:
        return reg.resolve_title(title, on)
    except Exception:
        pass
    t = title.strip()
    if t.lower().endswith("minister") and len(t) > len("minister") + 2:
        return try_resolve(reg, t[: -len("minister")] + "departementet", on)
    return None


def try_resolve_agency(reg: MinistryRegistry, text: str) -> Any | None:
    fn = getattr(reg, "resolve_agency", None)
    if fn is None:
        return None
    try:
        return fn(text)
    except Exception:
        return None
