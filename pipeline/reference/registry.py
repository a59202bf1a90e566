"""The ministry registry: names, abbreviations and minister titles resolved by date.

A *lineage* (``ministry_id``, e.g. ``"justice"``) is one ministry across its renamings
(Justis- og politidepartementet -> Justis- og beredskapsdepartementet). Mergers, splits and
abolitions link lineages through ``successor_ids``/``predecessor_ids``.

Resolution (:meth:`Registry.resolve`) is exact after normalisation (case, whitespace,
NBSP, soft hyphens, dashes, "- og" spacing, genitive -s, definite/indefinite form);
among the registry forms that match, the one valid on ``on`` wins, then the one that
ended most recently before ``on``, then the one starting soonest after it. The chosen lineage is then moved to the lineage
valid on ``on`` (successors if it had ended, predecessors if it had not yet started)
and that lineage's official name on ``on`` is returned. Dates before the coverage start
(the earliest ``valid_from``, 1990-01-01) are resolved as of the coverage start.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process, utils

from pipeline.errors import TiltakError, UnknownMinistryError
from pipeline.model import MinistryOnDate
from pipeline.reference.agencies import Agency, AgencyIndex
from pipeline.reference.loader import Lineage, NamePeriod, ReferenceData, covers, load
from pipeline.reference.normalize import iter_key_variants, normalize_key
from pipeline.reference.organisations import Organisation, OrganisationIndex

SurfaceKind = Literal["name", "short", "abbreviation", "title"]
_KIND_PRIORITY = {"name": 0, "short": 1, "abbreviation": 2, "title": 3}


@dataclass(frozen=True)
class SurfaceForm:
    """A written form of a ministry the NLP entity ruler should match.

    ``kind``: "name" (official Bokmål name), "short" (common short/older form),
    "abbreviation" (match case-sensitively in running text), "title" (minister title,
    lower case as in running text; capitalised at sentence start).
    ``valid_from``/``valid_to``: the period the form was in use (None = open).
    """

    text: str
    ministry_id: str
    kind: SurfaceKind
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class _Form:
    text: str
    ministry_id: str
    kind: str
    valid_from: date | None
    valid_to: date | None
    order: int


def _as_date(on: date | datetime | str | None) -> date | None:
    if on is None:
        return None
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, date):
        return on
    if isinstance(on, str):
        try:
            return date.fromisoformat(on[:10])
        except ValueError:
            raise TiltakError(f"date {on!r} is not YYYY-MM-DD", hint="pass a datetime.date") from None
    raise TypeError(f"on must be a date, not {type(on).__name__}")


class Registry:
    """Ministries, minister titles, agencies and organisations, with date-aware resolution.

    Build with :func:`default_registry` (package data) or ``Registry.from_directory(path)``.
    """

    def __init__(self, data: ReferenceData):
        self._data = data
        self._lineages: dict[str, Lineage] = {}
        # dates before the earliest lineage are treated as that day when resolving
        self._coverage_start = min((lin.valid_from for lin in data.lineages), default=date.min)
        for lin in data.lineages:
            if lin.ministry_id in self._lineages:
                raise TiltakError(
                    f"duplicate ministry_id {lin.ministry_id!r}",
                    path=Path(data.source) / "ministries.csv",
                    hint="each lineage has one row",
                )
            self._lineages[lin.ministry_id] = lin
        for rec in (*data.names, *data.titles, *data.aliases):
            if rec.ministry_id not in self._lineages:
                raise UnknownMinistryError(rec.ministry_id, path=Path(data.source) / "ministries.csv")

        self._periods: dict[str, list[NamePeriod]] = {}
        for p in data.names:
            self._periods.setdefault(p.ministry_id, []).append(p)
        for ps in self._periods.values():
            ps.sort(key=lambda p: p.valid_from)
        self._period_starts = {mid: [p.valid_from for p in ps] for mid, ps in self._periods.items()}
        missing = [mid for mid in self._lineages if mid not in self._periods]
        if missing:
            raise TiltakError(
                f"lineage(s) without a name: {', '.join(missing)}",
                path=Path(data.source) / "ministry_names.csv",
                hint="add a name period",
            )

        forms: list[_Form] = []
        for p in data.names:
            forms.append(_Form(p.name, p.ministry_id, "name", p.valid_from, p.valid_to, len(forms)))
        for p in data.names:
            if p.abbreviation:
                forms.append(_Form(p.abbreviation, p.ministry_id, "abbreviation", p.valid_from, p.valid_to, len(forms)))
        for a in data.aliases:
            forms.append(_Form(a.alias, a.ministry_id, a.kind, a.valid_from, a.valid_to, len(forms)))
        self._forms = forms
        self._title_forms = [
            _Form(t.title, t.ministry_id, "title", t.valid_from, t.valid_to, i) for i, t in enumerate(data.titles)
        ]
        # English names resolve too (they are not surface forms for Norwegian text).
        self._en_forms = [
            _Form(p.name_en, p.ministry_id, "name", p.valid_from, p.valid_to, len(forms) + i)
            for i, p in enumerate(data.names)
            if p.name_en
        ]

        self._index: dict[str, list[_Form]] = {}
        for f in (*forms, *self._en_forms):
            self._index.setdefault(normalize_key(f.text), []).append(f)
        self._title_index: dict[str, list[_Form]] = {}
        for f in self._title_forms:
            self._title_index.setdefault(normalize_key(f.text), []).append(f)

        names: list[str] = []
        for f in forms:
            if f.kind in ("name", "short") and f.text not in names:
                names.append(f.text)
        self._candidate_names = names
        self._agencies = AgencyIndex(data.agencies)
        self._organisations = OrganisationIndex(data.organisations)
        self._cached_resolve = lru_cache(maxsize=8192)(self._resolve_uncached)

    def __repr__(self) -> str:
        return f"Registry({len(self._lineages)} lineages, {len(self._data.titles)} titles, " \
               f"{len(self._data.agencies)} agencies, {len(self._data.organisations)} organisations from {self._data.source!r})"

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_directory(cls, directory: str | Path) -> "Registry":
        """A registry from the CSV files in ``directory`` (same layout as the package data)."""
        return cls(load(directory))

    @property
    def source(self) -> str:
        return self._data.source

    # ------------------------------------------------------------------ resolution

    def resolve(self, text: str, on: date | None = None) -> MinistryOnDate:
        """The ministry written as ``text`` (name, short form, abbreviation, English name or,
        failing those, a minister title), as named on ``on`` (None = today).

        Raises :class:`~pipeline.errors.UnknownMinistryError` (with the 3 closest names).
        """
        r = self.try_resolve(text, on)
        if r is None:
            raise UnknownMinistryError(text, self._candidates(text, False))
        return r

    def try_resolve(self, text: str, on: date | None = None) -> MinistryOnDate | None:
        """Like :meth:`resolve`, but None for an unknown text."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        return self._cached_resolve(text, _as_date(on), False)

    def resolve_title(self, title: str, on: date | None = None) -> MinistryOnDate:
        """The ministry of a minister title ("Justis- og beredskapsminister", "justisministeren"),
        as named on ``on``. A person's name after the title is ignored
        ("Utenriksminister Børge Brende"). Raises UnknownMinistryError.
        """
        r = self.try_resolve_title(title, on)
        if r is None:
            raise UnknownMinistryError(title, self._candidates(title, True))
        return r

    def try_resolve_title(self, title: str, on: date | None = None) -> MinistryOnDate | None:
        """Like :meth:`resolve_title`, but None for an unknown title."""
        if not isinstance(title, str):
            raise TypeError(f"title must be str, not {type(title).__name__}")
        return self._cached_resolve(title, _as_date(on), True)

    def _resolve_uncached(self, text: str, on: date | None, title: bool) -> MinistryOnDate | None:
        d = max(on or date.today(), self._coverage_start)
        key = normalize_key(text)
        if title:
            hits = self._lookup_title(key)
        else:
            hits = self._lookup(self._index, key) or self._lookup(self._title_index, key)
        if not hits:
            return None
        form = hits[0] if len(hits) == 1 else min(hits, key=lambda f: self._rank(f, d))
        target = self.lineage_on(form.ministry_id, d)
        p = self._period(target, d)
        return MinistryOnDate(
            ministry_id=target,
            name=p.name,
            abbreviation=p.abbreviation,
            name_en=p.name_en,
            on=on,
            matched=form.text,
        )

    @staticmethod
    def _lookup(index: dict[str, list[_Form]], key: str) -> list[_Form]:
        for k in iter_key_variants(key):
            hits = index.get(k)
            if hits:
                return hits
        return []

    def _lookup_title(self, key: str) -> list[_Form]:
        hits = self._lookup(self._title_index, key)
        if hits:
            return hits
        # a person's name (or other words) after the title: longest matching word prefix
        words = key.split(" ")
        for n in range(len(words) - 1, 0, -1):
            hits = self._lookup(self._title_index, " ".join(words[:n]))
            if hits:
                return hits
        return []

    def _rank(self, f: _Form, d: date) -> tuple[int, int, int, int]:
        prio = _KIND_PRIORITY.get(f.kind, 9)
        if covers(f.valid_from, f.valid_to, d):
            return (0, 0, prio, f.order)
        if f.valid_to is not None and f.valid_to < d:
            return (1, (d - f.valid_to).days, prio, f.order)
        start = f.valid_from or d
        return (2, (start - d).days, prio, f.order)

    def _candidates(self, text: str, title: bool) -> list[str]:
        choices = [f.text for f in self._title_forms] if title else self._candidate_names
        if not utils.default_process(text):
            return []
        out: list[str] = []
        for choice, _score, _i in process.extract(
            text, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=10
        ):
            if choice not in out:
                out.append(choice)
            if len(out) == 3:
                break
        return out

    # ------------------------------------------------------------------ lineages over time

    def _lineage(self, ministry_id: str) -> Lineage:
        try:
            return self._lineages[ministry_id]
        except KeyError:
            close = process.extract(str(ministry_id), sorted(self._lineages), scorer=fuzz.WRatio, limit=3)
            raise UnknownMinistryError(ministry_id, [c for c, _s, _i in close]) from None

    def successor_on(self, ministry_id: str, on: date | None = None) -> str:
        """Follow primary successor links from ``ministry_id`` until a lineage valid on ``on``.

        Returns ``ministry_id`` itself if it is valid on ``on`` or has not ended by then;
        the last lineage reached if the chain ends without one valid on ``on``.
        """
        d = _as_date(on) or date.today()
        cur = self._lineage(ministry_id)
        seen = {cur.ministry_id}
        while cur.valid_to is not None and cur.valid_to < d and cur.successor_ids:
            nxt = self._lineage(cur.successor_ids[0])
            if nxt.ministry_id in seen:
                break
            seen.add(nxt.ministry_id)
            cur = nxt
        return cur.ministry_id

    def lineage_on(self, ministry_id: str, on: date | None = None) -> str:
        """The lineage standing for ``ministry_id`` on ``on``: successors if it had ended,
        a predecessor valid on ``on`` if it had not yet been created, else itself."""
        d = _as_date(on) or date.today()
        lin = self._lineage(ministry_id)
        if lin.valid_to is not None and lin.valid_to < d:
            return self.successor_on(ministry_id, d)
        seen = {lin.ministry_id}
        while not lin.covers(d) and lin.valid_from > d:
            nxt = None
            for pid in lin.predecessor_ids:
                p = self._lineage(pid)
                if pid not in seen and p.valid_from <= d:
                    nxt = p
                    break
            if nxt is None:
                break
            seen.add(nxt.ministry_id)
            lin = nxt
            if lin.valid_to is not None and lin.valid_to < d:  # predecessor ended too: go forward again
                return self.successor_on(lin.ministry_id, d)
        return lin.ministry_id

    def _period(self, ministry_id: str, d: date) -> NamePeriod:
        ps = self._periods[ministry_id]
        i = bisect.bisect_right(self._period_starts[ministry_id], d) - 1
        return ps[max(i, 0)]

    def name_on(self, ministry_id: str, on: date | None = None) -> str:
        """Official name of the lineage on ``on`` (None = today). Outside the lineage's
        period: its first name (before) or last name (after)."""
        self._lineage(ministry_id)
        return self._period(ministry_id, _as_date(on) or date.today()).name

    def abbreviation_on(self, ministry_id: str, on: date | None = None) -> str | None:
        self._lineage(ministry_id)
        return self._period(ministry_id, _as_date(on) or date.today()).abbreviation

    def name_en_on(self, ministry_id: str, on: date | None = None) -> str | None:
        self._lineage(ministry_id)
        return self._period(ministry_id, _as_date(on) or date.today()).name_en

    def on_date(self, ministry_id: str, on: date | None = None) -> MinistryOnDate:
        """The lineage as named on ``on`` (no successor following), as a MinistryOnDate."""
        self._lineage(ministry_id)
        p = self._period(ministry_id, _as_date(on) or date.today())
        return MinistryOnDate(ministry_id, p.name, p.abbreviation, p.name_en, on=_as_date(on), matched=None)

    # ------------------------------------------------------------------ listings

    def ministry_ids(self) -> list[str]:
        return sorted(self._lineages)

    def lineages(self) -> list[dict]:
        """Rows of the ``ministries`` dataset: one per lineage, with its current/last name."""
        out = []
        for lin in sorted(self._lineages.values(), key=lambda x: x.ministry_id):
            last = self._periods[lin.ministry_id][-1]
            out.append(
                {
                    "ministry_id": lin.ministry_id,
                    "name": last.name,
                    "name_en": last.name_en,
                    "abbreviation": last.abbreviation,
                    "valid_from": lin.valid_from,
                    "valid_to": lin.valid_to,
                    "predecessor_ids": ";".join(lin.predecessor_ids) or None,
                    "successor_ids": ";".join(lin.successor_ids) or None,
                    "note": lin.note,
                }
            )
        return out

    def name_periods(self) -> list[dict]:
        """Rows of the ``ministry_names`` dataset: one per official name period."""
        return [
            {
                "ministry_id": p.ministry_id,
                "name": p.name,
                "name_en": p.name_en,
                "abbreviation": p.abbreviation,
                "valid_from": p.valid_from,
                "valid_to": p.valid_to,
                "note": p.note,
            }
            for mid in sorted(self._periods)
            for p in self._periods[mid]
        ]

    def title_periods(self) -> list[dict]:
        """Rows of ``minister_titles.csv``: title, ministry_id, valid_from, valid_to, note."""
        return [
            {"title": t.title, "ministry_id": t.ministry_id, "valid_from": t.valid_from, "valid_to": t.valid_to, "note": t.note}
            for t in self._data.titles
        ]

    def surface_forms(self) -> list[SurfaceForm]:
        """Every form the entity ruler should match (names, short forms, abbreviations, titles)."""
        out: list[SurfaceForm] = []
        seen: set[tuple] = set()
        for f in (*self._forms, *self._title_forms):
            sf = SurfaceForm(f.text, f.ministry_id, f.kind, f.valid_from, f.valid_to)  # type: ignore[arg-type]
            if sf not in seen:
                seen.add(sf)
                out.append(sf)
        return out

    # ------------------------------------------------------------------ agencies

    def resolve_agency(self, text: str) -> Agency | None:
        """The agency written as ``text`` (name, abbreviation or alias; any case; genitive), or None."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        return self._agencies.resolve(text)

    def agency(self, agency_id: str) -> Agency | None:
        return self._agencies.get(agency_id)

    def agencies(self) -> list[Agency]:
        return self._agencies.agencies()

    def agency_forms(self) -> list[tuple[str, str]]:
        """(form, agency_id) for every name, abbreviation and alias of every agency."""
        return self._agencies.forms()

    # ------------------------------------------------------------------ organisations

    def resolve_organisation(self, text: str) -> Organisation | None:
        """The organisation written as ``text`` (name, abbreviation or alias; any case; genitive), or None."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        return self._organisations.resolve(text)

    def organisation(self, organisation_id: str) -> Organisation | None:
        return self._organisations.get(organisation_id)

    def organisations(self) -> list[Organisation]:
        return self._organisations.items()

    def organisation_forms(self) -> list[tuple[str, str]]:
        """(form, organisation_id) for every name, abbreviation and alias of every organisation."""
        return self._organisations.forms()

    # ------------------------------------------------------------------ integrity

    def check_integrity(self) -> list[str]:
        """Problems in the data (empty list = consistent). See tests/test_reference_data.py."""
        problems: list[str] = []
        for lin in self._lineages.values():
            for sid in (*lin.successor_ids, *lin.predecessor_ids):
                if sid not in self._lineages:
                    problems.append(f"{lin.ministry_id}: unknown linked id {sid!r}")
            if lin.valid_to is not None and not lin.successor_ids:
                problems.append(f"{lin.ministry_id}: ended without successor")
            if lin.valid_to is None and lin.successor_ids:
                problems.append(f"{lin.ministry_id}: successor listed but lineage has not ended")
            for sid in lin.successor_ids:
                s = self._lineages.get(sid)
                if s is not None and lin.ministry_id not in s.predecessor_ids:
                    problems.append(f"{lin.ministry_id}: successor {sid} does not list it as predecessor")
            # name periods: no overlap, no gap, exactly cover the lineage
            ps = self._periods[lin.ministry_id]
            if ps[0].valid_from != lin.valid_from:
                problems.append(f"{lin.ministry_id}: first name starts {ps[0].valid_from}, lineage {lin.valid_from}")
            if ps[-1].valid_to != lin.valid_to:
                problems.append(f"{lin.ministry_id}: last name ends {ps[-1].valid_to}, lineage {lin.valid_to}")
            for a, b in zip(ps, ps[1:]):
                if a.valid_to is None or a.valid_to >= b.valid_from:
                    problems.append(f"{lin.ministry_id}: names {a.name!r} and {b.name!r} overlap")
                elif (b.valid_from - a.valid_to).days != 1:
                    problems.append(f"{lin.ministry_id}: gap between {a.name!r} and {b.name!r}")
        # a form may not name two lineages on the same day
        by_key: dict[tuple[str, str], list[_Form]] = {}
        for f in (*self._forms, *self._title_forms):
            by_key.setdefault((f.kind == "title" and "t" or "n", normalize_key(f.text)), []).append(f)
        for (_k, key), fs in by_key.items():
            for i, a in enumerate(fs):
                for b in fs[i + 1:]:
                    if _overlap(a, b):
                        if a.ministry_id != b.ministry_id:
                            problems.append(f"{a.text!r} names {a.ministry_id} and {b.ministry_id} at the same time")
                        elif a.kind == b.kind == "title":
                            problems.append(f"title {a.text!r} has overlapping periods")
        for t in self._title_forms:
            lin = self._lineages[t.ministry_id]
            if not (covers(lin.valid_from, lin.valid_to, t.valid_from) and (
                t.valid_to is None and lin.valid_to is None or t.valid_to is not None and lin.covers(t.valid_to)
            )):
                problems.append(f"title {t.text!r} ({t.valid_from}..{t.valid_to}) outside lineage {t.ministry_id}")
        ministry_keys = {normalize_key(f.text) for f in self._forms}
        for a in self._agencies.agencies():
            if a.ministry_id not in self._lineages:
                problems.append(f"agency {a.agency_id}: unknown ministry_id {a.ministry_id!r}")
            elif a.valid_to is None and self._lineages[a.ministry_id].valid_to is not None:
                problems.append(f"agency {a.agency_id}: parent {a.ministry_id} no longer exists")
            for form in a.forms:
                if normalize_key(form) in ministry_keys:
                    problems.append(f"agency {a.agency_id}: form {form!r} is also a ministry form")
        for form, aid, other in self._agencies.clashes():
            problems.append(f"agency form {form!r} names {aid} and {other}")
        agency_keys = {normalize_key(f) for f, _ in self._agencies.forms()}
        for o in self._organisations.items():
            for form in o.forms:
                if normalize_key(form) in ministry_keys | agency_keys:
                    problems.append(f"organisation {o.organisation_id}: form {form!r} is also a ministry or agency form")
        for form, oid, other in self._organisations.clashes():
            problems.append(f"organisation form {form!r} names {oid} and {other}")
        return problems


def _overlap(a: _Form, b: _Form) -> bool:
    lo = max(a.valid_from or date.min, b.valid_from or date.min)
    hi = min(a.valid_to or date.max, b.valid_to or date.max)
    return lo <= hi


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry loaded from the package CSVs (cached)."""
    return Registry(load())
