"""State agencies (directorates, inspectorates, police units ...) and their parent ministries.

One job: an index from every written form of an agency (name, abbreviation, aliases,
their genitive) to an :class:`Agency`. Data: ``pipeline/reference/data/agencies.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from pipeline.reference.loader import AgencyRow
from pipeline.reference.normalize import iter_key_variants, normalize_key


@dataclass(frozen=True)
class Agency:
    """A state agency. ``ministry_id`` is the lineage of its (current or last) parent ministry."""

    agency_id: str
    name: str
    abbreviation: str | None
    ministry_id: str
    aliases: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form: name, abbreviation, aliases (in that order, no duplicates)."""
        out: list[str] = []
        for f in (self.name, self.abbreviation, *self.aliases):
            if f and f not in out:
                out.append(f)
        return tuple(out)


class AgencyIndex:
    """Case-insensitive lookup of agencies by any form; first row wins on a clash."""

    def __init__(self, rows: Iterable[AgencyRow]):
        self._agencies: list[Agency] = []
        self._by_key: dict[str, Agency] = {}
        self._by_id: dict[str, Agency] = {}
        for r in rows:
            a = Agency(r.agency_id, r.name, r.abbreviation, r.ministry_id, tuple(r.aliases), r.valid_from, r.valid_to)
            self._agencies.append(a)
            self._by_id[a.agency_id] = a
            for form in a.forms:
                self._by_key.setdefault(normalize_key(form), a)

    def resolve(self, text: str) -> Agency | None:
        """The agency written as ``text`` (any case, genitive -s), or None."""
        key = normalize_key(text)
        for k in iter_key_variants(key):
            a = self._by_key.get(k)
            if a is not None:
                return a
        return None

    def get(self, agency_id: str) -> Agency | None:
        return self._by_id.get(agency_id)

    def agencies(self) -> list[Agency]:
        return list(self._agencies)

    def forms(self) -> list[tuple[str, str]]:
        """(form, agency_id) for every written form, in data order."""
        return [(f, a.agency_id) for a in self._agencies for f in a.forms]

    def clashes(self) -> list[tuple[str, str, str]]:
        """(form, agency_id, other agency_id) where two agencies share a normalised form."""
        seen: dict[str, str] = {}
        out = []
        for a in self._agencies:
            for f in a.forms:
                k = normalize_key(f)
                if k in seen and seen[k] != a.agency_id:
                    out.append((f, a.agency_id, seen[k]))
                seen.setdefault(k, a.agency_id)
        return out
