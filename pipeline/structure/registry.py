"""The boundary to ``pipeline.reference`` and ``pipeline.nlp``: lazy imports, one place to adapt.

Structure code never imports those packages at module import time, so ``pipeline.structure`` stays
importable (and its pure parsers testable) even when the enrichment layers are broken or missing.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from pipeline.model import MinistryOnDate


class MinistryRegistry(Protocol):
    """The subset of ``pipeline.reference.Registry`` that structure uses."""

    def try_resolve(self, text: str, on: date | None = None) -> MinistryOnDate | None: ...

    def resolve_title(self, title: str, on: date | None = None) -> MinistryOnDate: ...

    def resolve_agency(self, text: str) -> Any: ...


def default_registry() -> MinistryRegistry:
    from pipeline.reference import default_registry as _default

    return _default()


def try_resolve(reg: MinistryRegistry, text: str, on: date | None) -> MinistryOnDate | None:
    try:
        return reg.try_resolve(text, on)
    except Exception:  # a registry bug on odd input must not abort a whole plan
        return None


def try_resolve_title(reg: MinistryRegistry, title: str, on: date | None) -> MinistryOnDate | None:
    try:
        return reg.resolve_title(title, on)
    except Exception:
        return None


def try_resolve_agency(reg: MinistryRegistry, text: str) -> Any | None:
    fn = getattr(reg, "resolve_agency", None)
    if fn is None:
        return None
    try:
        return fn(text)
    except Exception:
        return None


def nlp_module() -> Any | None:
    """``pipeline.nlp`` if importable, else None (enrichment is then skipped with a warning)."""
    try:
        import pipeline.nlp as nlp  # noqa: PLC0415

        return nlp
    except Exception:
        return None
