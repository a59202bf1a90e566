"""Non-state organisations and international bodies that plans name as partners.

One job: an index from every written form of an organisation (name, abbreviation, aliases, their
genitive) to an :class:`Organisation`. Data: ``pipeline/reference/data/organisations.csv``: Norwegian
voluntary organisations (``ngo``), intergovernmental bodies (``international``) and the social
partners (``social_partner``). They are reference data like the ministries and agencies: the NLP
layer finds their names in a text and its spans win over the trained recogniser's, which does not
always type an organisation correctly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from pipeline.reference.loader import OrganisationRow
from pipeline.reference.names import FormIndex, written_forms


@dataclass(frozen=True)
class Organisation:
    """A voluntary organisation, international body or social partner."""

    organisation_id: str
    name: str
    abbreviation: str | None
    kind: str  # "ngo" | "international" | "social_partner"
    aliases: tuple[str, ...] = ()
    name_en: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form: name, abbreviation, aliases (in that order, no duplicates)."""
        return written_forms(self.name, self.abbreviation, self.aliases)


class OrganisationIndex(FormIndex[Organisation]):
    """Case-insensitive lookup of organisations by any form; first row wins on a clash."""

    def __init__(self, rows: Iterable[OrganisationRow]):
        organisations = (
            Organisation(r.organisation_id, r.name, r.abbreviation, r.kind, tuple(r.aliases), r.name_en) for r in rows
        )
        super().__init__(organisations, lambda o: o.organisation_id)
