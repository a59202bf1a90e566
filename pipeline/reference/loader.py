"""Loading and validating the reference CSV files (``pipeline/reference/data``).

One job: read the CSVs into typed, immutable records and fail with a one-line
:class:`~pipeline.errors.TiltakError` naming the file and row when a value is malformed.
Cross-file integrity (dangling ids, overlapping periods) is checked by
:func:`pipeline.reference.registry.Registry.check_integrity`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Iterable

from pipeline.errors import TiltakError

FormKind = str  # "name" | "short" | "abbreviation" | "title"


@dataclass(frozen=True)
class Lineage:
    """A ministry lineage: one ministry across its renamings (row of ``ministries.csv``)."""

    ministry_id: str
    valid_from: date
    valid_to: date | None
    predecessor_ids: tuple[str, ...] = ()
    successor_ids: tuple[str, ...] = ()  # first = primary successor
    note: str | None = None

    def covers(self, on: date) -> bool:
        return covers(self.valid_from, self.valid_to, on)


@dataclass(frozen=True)
class NamePeriod:
    """An official name of a lineage during a period (row of ``ministry_names.csv``)."""

    ministry_id: str
    name: str
    name_en: str | None
    abbreviation: str | None
    valid_from: date
    valid_to: date | None
    note: str | None = None


@dataclass(frozen=True)
class TitlePeriod:
    """A minister title and the lineage it belonged to during a period (``minister_titles.csv``)."""

    title: str
    ministry_id: str
    valid_from: date
    valid_to: date | None
    note: str | None = None


@dataclass(frozen=True)
class AliasPeriod:
    """A common non-official form of a ministry name (``ministry_aliases.csv``)."""

    alias: str
    ministry_id: str
    kind: FormKind  # "short" | "abbreviation"
    valid_from: date | None
    valid_to: date | None
    note: str | None = None


@dataclass(frozen=True)
class AgencyRow:
    """A state agency (row of ``agencies.csv``)."""

    agency_id: str
    name: str
    abbreviation: str | None
    aliases: tuple[str, ...]
    ministry_id: str
    valid_from: date | None
    valid_to: date | None
    note: str | None = None


#: Kinds of organisation in ``organisations.csv``.
ORGANISATION_KINDS = ("ngo", "international", "social_partner")


@dataclass(frozen=True)
class OrganisationRow:
    """A voluntary organisation, international body or social partner (row of ``organisations.csv``)."""

    organisation_id: str
    name: str
    abbreviation: str | None
    aliases: tuple[str, ...]
    kind: str
    name_en: str | None
    note: str | None = None


def covers(valid_from: date | None, valid_to: date | None, on: date) -> bool:
    """True if ``on`` lies in the closed period [valid_from, valid_to] (None = open)."""
    return (valid_from is None or valid_from <= on) and (valid_to is None or on <= valid_to)


@dataclass(frozen=True)
class ReferenceData:
    lineages: tuple[Lineage, ...]
    names: tuple[NamePeriod, ...]
    titles: tuple[TitlePeriod, ...]
    aliases: tuple[AliasPeriod, ...]
    agencies: tuple[AgencyRow, ...]
    source: str  # directory the files were read from
    organisations: tuple[OrganisationRow, ...] = ()


FILES = {
    "ministries.csv": ("ministry_id", "valid_from", "valid_to", "predecessor_ids", "successor_ids", "note"),
    "ministry_names.csv": ("ministry_id", "name", "name_en", "abbreviation", "valid_from", "valid_to", "note"),
    "minister_titles.csv": ("title", "ministry_id", "valid_from", "valid_to", "note"),
    "ministry_aliases.csv": ("alias", "ministry_id", "kind", "valid_from", "valid_to", "note"),
    "agencies.csv": ("agency_id", "name", "abbreviation", "aliases", "ministry_id", "valid_from", "valid_to", "note"),
    "organisations.csv": ("organisation_id", "name", "abbreviation", "aliases", "kind", "name_en", "note"),
}


class _Reader:
    def __init__(self, path: Path, columns: tuple[str, ...]):
        self.path = path
        self.columns = columns

    def rows(self) -> Iterable[tuple[int, dict[str, str]]]:
        try:
            with open(self.path, encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                missing = [c for c in self.columns if c not in (reader.fieldnames or [])]
                if missing:
                    raise TiltakError(
                        f"missing column(s) {', '.join(missing)}",
                        path=self.path,
                        hint="see pipeline/reference/README.md for the columns",
                    )
                for lineno, row in enumerate(reader, start=2):
                    if None in row or any(v is None for v in row.values()):
                        raise TiltakError(
                            f"line {lineno}: wrong number of fields", path=self.path, hint="quote values containing commas"
                        )
                    yield lineno, {k: v.strip() for k, v in row.items()}
        except FileNotFoundError:
            raise TiltakError("reference file missing", path=self.path, hint="reinstall tiltak or restore the file") from None
        except UnicodeDecodeError:
            raise TiltakError("not UTF-8", path=self.path, hint="save the file as UTF-8") from None

    def text(self, lineno: int, row: dict[str, str], col: str, required: bool = True) -> str | None:
        v = row.get(col, "")
        if not v:
            if required:
                raise TiltakError(f"line {lineno}: {col} is empty", path=self.path, hint=f"fill in {col}")
            return None
        return v

    def date(self, lineno: int, row: dict[str, str], col: str, required: bool = False) -> date | None:
        v = self.text(lineno, row, col, required)
        if v is None:
            return None
        try:
            return date.fromisoformat(v)
        except ValueError:
            raise TiltakError(
                f"line {lineno}: {col} {v!r} is not a date", path=self.path, hint="write dates as YYYY-MM-DD"
            ) from None

    def period(self, lineno: int, row: dict[str, str], required_from: bool) -> tuple[date | None, date | None]:
        start = self.date(lineno, row, "valid_from", required_from)
        end = self.date(lineno, row, "valid_to")
        if start and end and end < start:
            raise TiltakError(f"line {lineno}: valid_to before valid_from", path=self.path, hint="swap or fix the dates")
        return start, end


def _ids(v: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (v or "").split(";") if x.strip())


def package_data_dir() -> Path:
    return Path(str(resources.files("pipeline.reference") / "data"))


def load(directory: str | Path | None = None) -> ReferenceData:
    """Read all reference CSVs from ``directory`` (default: the package data)."""
    d = Path(directory) if directory is not None else package_data_dir()
    rd = {name: _Reader(d / name, cols) for name, cols in FILES.items()}

    lineages = []
    r = rd["ministries.csv"]
    for n, row in r.rows():
        start, end = r.period(n, row, True)
        lineages.append(
            Lineage(
                ministry_id=r.text(n, row, "ministry_id"),
                valid_from=start,
                valid_to=end,
                predecessor_ids=_ids(row.get("predecessor_ids")),
                successor_ids=_ids(row.get("successor_ids")),
                note=r.text(n, row, "note", False),
            )
        )

    names = []
    r = rd["ministry_names.csv"]
    for n, row in r.rows():
        start, end = r.period(n, row, True)
        names.append(
            NamePeriod(
                ministry_id=r.text(n, row, "ministry_id"),
                name=r.text(n, row, "name"),
                name_en=r.text(n, row, "name_en", False),
                abbreviation=r.text(n, row, "abbreviation", False),
                valid_from=start,
                valid_to=end,
                note=r.text(n, row, "note", False),
            )
        )

    titles = []
    r = rd["minister_titles.csv"]
    for n, row in r.rows():
        start, end = r.period(n, row, True)
        title = r.text(n, row, "title")
        if title != title.lower():
            raise TiltakError(f"line {n}: title {title!r} is not lower case", path=r.path, hint="write titles in lower case")
        titles.append(TitlePeriod(title, r.text(n, row, "ministry_id"), start, end, r.text(n, row, "note", False)))

    aliases = []
    r = rd["ministry_aliases.csv"]
    for n, row in r.rows():
        start, end = r.period(n, row, False)
        kind = r.text(n, row, "kind")
        if kind not in ("short", "abbreviation"):
            raise TiltakError(f"line {n}: kind {kind!r}", path=r.path, hint="kind must be 'short' or 'abbreviation'")
        aliases.append(
            AliasPeriod(r.text(n, row, "alias"), r.text(n, row, "ministry_id"), kind, start, end, r.text(n, row, "note", False))
        )

    agencies = []
    r = rd["agencies.csv"]
    for n, row in r.rows():
        start, end = r.period(n, row, False)
        agencies.append(
            AgencyRow(
                agency_id=r.text(n, row, "agency_id"),
                name=r.text(n, row, "name"),
                abbreviation=r.text(n, row, "abbreviation", False),
                aliases=_ids(row.get("aliases")),
                ministry_id=r.text(n, row, "ministry_id"),
                valid_from=start,
                valid_to=end,
                note=r.text(n, row, "note", False),
            )
        )

    organisations = []
    r = rd["organisations.csv"]
    for n, row in r.rows():
        kind = r.text(n, row, "kind")
        if kind not in ORGANISATION_KINDS:
            raise TiltakError(f"line {n}: kind {kind!r}", path=r.path, hint="kind must be " + " or ".join(ORGANISATION_KINDS))
        organisations.append(
            OrganisationRow(
                organisation_id=r.text(n, row, "organisation_id"),
                name=r.text(n, row, "name"),
                abbreviation=r.text(n, row, "abbreviation", False),
                aliases=_ids(row.get("aliases")),
                kind=kind,
                name_en=r.text(n, row, "name_en", False),
                note=r.text(n, row, "note", False),
            )
        )

    return ReferenceData(
        tuple(lineages), tuple(names), tuple(titles), tuple(aliases), tuple(agencies), str(d), tuple(organisations)
    )
