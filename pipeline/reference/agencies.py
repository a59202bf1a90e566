"""State agencies (directorates, inspectorates, police units ...) and their parent ministries.

One job: an index from every written form of an agency (name, abbreviation, aliases,
their genitive) to an :class:`Agency`. Data: ``pipeline/reference/data/agencies.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from pipeline.reference.loader import AgencyRow
from pipeline.reference.names import FormIndex, written_forms


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
        return written_forms(self.name, self.abbreviation, self.aliases)


class AgencyIndex(FormIndex[Agency]):
    """Case-insensitive lookup of agencies by any form; first row wins on a clash."""

    def __init__(self, rows: Iterable[AgencyRow]):
        agencies = (
            Agency(r.agency_id, r.name, r.abbreviation, r.ministry_id, tuple(r.aliases), r.valid_from, r.valid_to)
            for r in rows
        )
        super().__init__(agencies, lambda a: a.agency_id)

    def agencies(self) -> list[Agency]:
        return self.items()
