"""Official Bokmål ministry names and abbreviations by date, for the synthetic plans.

Only what the generator needs: a handful of lineages with the name valid on a date.
(The product's own registry lives in ``pipeline/reference``; this table is independent
on purpose so that tests do not check the registry against itself.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

_MIN = date(1900, 1, 1)
_MAX = date(2100, 1, 1)


@dataclass(frozen=True)
class MinistryName:
    lineage: str  # stable id used by the generator, e.g. "JD"
    name: str
    abbreviation: str
    minister_title: str
    valid_from: date
    valid_to: date  # inclusive


def _d(s: str) -> date:
    return date.fromisoformat(s)


_TABLE: list[MinistryName] = [
    MinistryName("JD", "Justis- og politidepartementet", "JD", "Justis- og politiminister", _MIN, _d("2011-12-31")),
    MinistryName("JD", "Justis- og beredskapsdepartementet", "JD", "Justis- og beredskapsminister", _d("2012-01-01"), _MAX),
    MinistryName("BLD", "Barne- og likestillingsdepartementet", "BLD", "Barne- og likestillingsminister", _d("2006-01-01"), _d("2009-12-31")),
    MinistryName("BLD", "Barne-, likestillings- og inkluderingsdepartementet", "BLD", "Barne-, likestillings- og inkluderingsminister", _d("2010-01-01"), _d("2013-12-31")),
    MinistryName("BLD", "Barne- og likestillingsdepartementet", "BLD", "Barne- og likestillingsminister", _d("2014-01-01"), _d("2018-12-31")),
    MinistryName("BLD", "Barne- og familiedepartementet", "BFD", "Barne- og familieminister", _d("2019-01-01"), _MAX),
    MinistryName("AD", "Arbeids- og inkluderingsdepartementet", "AID", "Arbeids- og inkluderingsminister", _d("2006-01-01"), _d("2009-12-31")),
    MinistryName("AD", "Arbeidsdepartementet", "AD", "Arbeidsminister", _d("2010-01-01"), _d("2013-12-31")),
    MinistryName("AD", "Arbeids- og sosialdepartementet", "ASD", "Arbeids- og sosialminister", _d("2014-01-01"), _d("2021-12-31")),
    MinistryName("AD", "Arbeids- og inkluderingsdepartementet", "AID", "Arbeids- og inkluderingsminister", _d("2022-01-01"), _MAX),
    MinistryName("HOD", "Helse- og omsorgsdepartementet", "HOD", "Helse- og omsorgsminister", _MIN, _MAX),
    MinistryName("UD", "Utenriksdepartementet", "UD", "Utenriksminister", _MIN, _MAX),
    MinistryName("KD", "Kunnskapsdepartementet", "KD", "Kunnskapsminister", _MIN, _MAX),
    MinistryName("KMD", "Kommunal- og regionaldepartementet", "KRD", "Kommunal- og regionalminister", _MIN, _d("2013-12-31")),
    MinistryName("KMD", "Kommunal- og moderniseringsdepartementet", "KMD", "Kommunal- og moderniseringsminister", _d("2014-01-01"), _d("2021-12-31")),
    MinistryName("KMD", "Kommunal- og distriktsdepartementet", "KDD", "Kommunal- og distriktsminister", _d("2022-01-01"), _MAX),
    MinistryName("KUD", "Kulturdepartementet", "KUD", "Kulturminister", _MIN, _d("2021-12-31")),
    MinistryName("KUD", "Kultur- og likestillingsdepartementet", "KUD", "Kultur- og likestillingsminister", _d("2022-01-01"), _MAX),
    MinistryName("FAD", "Fornyings-, administrasjons- og kirkedepartementet", "FAD", "Fornyings-, administrasjons- og kirkeminister", _d("2010-01-01"), _d("2013-12-31")),
    MinistryName("DFD", "Digitaliserings- og forvaltningsdepartementet", "DFD", "Digitaliserings- og forvaltningsminister", _d("2024-01-01"), _MAX),
    MinistryName("FIN", "Finansdepartementet", "FIN", "Finansminister", _MIN, _MAX),
    MinistryName("NFD", "Nærings- og handelsdepartementet", "NHD", "Nærings- og handelsminister", _MIN, _d("2013-12-31")),
    MinistryName("NFD", "Nærings- og fiskeridepartementet", "NFD", "Nærings- og fiskeriminister", _d("2014-01-01"), _MAX),
    MinistryName("FD", "Forsvarsdepartementet", "FD", "Forsvarsminister", _MIN, _MAX),
]


def ministry(lineage: str, on: date) -> MinistryName:
    """The name of ``lineage`` valid on ``on`` (KeyError if the lineage did not exist then)."""
    for m in _TABLE:
        if m.lineage == lineage and m.valid_from <= on <= m.valid_to:
            return m
    raise KeyError(f"{lineage} on {on}")


def exists(lineage: str, on: date) -> bool:
    try:
        ministry(lineage, on)
        return True
    except KeyError:
        return False


def by_name(name: str) -> MinistryName:
    for m in _TABLE:
        if m.name == name:
            return m
    raise KeyError(name)


def lineage_of(name: str) -> str:
    return by_name(name).lineage


def abbreviation(name: str, on: date) -> str:
    """Abbreviation of the ministry called ``name`` (valid on ``on``)."""
    for m in _TABLE:
        if m.name == name and m.valid_from <= on <= m.valid_to:
            return m.abbreviation
    return by_name(name).abbreviation


def rename(name: str, on: date) -> str:
    """The name the lineage of ``name`` had on ``on`` (for a later plan version)."""
    return ministry(by_name(name).lineage, on).name


# Agencies: (name as written, short form, valid_from, valid_to)
AGENCIES: list[tuple[str, str | None, date, date]] = [
    ("Politidirektoratet", "POD", _MIN, _MAX),
    ("Kripos", None, _MIN, _MAX),
    ("Økokrim", None, _MIN, _MAX),
    ("Utlendingsdirektoratet", "UDI", _MIN, _MAX),
    ("Barne-, ungdoms- og familiedirektoratet", "Bufdir", _MIN, _MAX),
    ("Helsedirektoratet", None, _MIN, _MAX),
    ("Arbeids- og velferdsetaten", "NAV", _MIN, _MAX),
    ("Arbeidstilsynet", None, _MIN, _MAX),
    ("Skatteetaten", None, _MIN, _MAX),
    ("Kriminalomsorgsdirektoratet", "KDI", _MIN, _MAX),
    ("Utdanningsdirektoratet", None, _MIN, _MAX),
    ("Domstoladministrasjonen", None, _MIN, _MAX),
    ("Statens barnehus", None, _MIN, _MAX),
    ("Integrerings- og mangfoldsdirektoratet", "IMDi", _MIN, _MAX),
    ("Direktoratet for forvaltning og IKT", "Difi", _MIN, _d("2019-12-31")),
    ("Digitaliseringsdirektoratet", "Digdir", _d("2020-01-01"), _MAX),
    ("Husbanken", None, _MIN, _MAX),
    ("Nasjonalt kunnskapssenter om vold og traumatisk stress", "NKVTS", _MIN, _MAX),
    ("Statistisk sentralbyrå", "SSB", _MIN, _MAX),
    ("Kompetanse Norge", None, _d("2014-01-01"), _d("2021-06-30")),
    ("Direktoratet for høyere utdanning og kompetanse", "HK-dir", _d("2021-07-01"), _MAX),
    ("Vox", None, _MIN, _d("2013-12-31")),
    ("Nasjonal kommunikasjonsmyndighet", "Nkom", _MIN, _MAX),
    ("Datatilsynet", None, _MIN, _MAX),
    ("Fylkesmannen", None, _MIN, _d("2018-12-31")),
    ("Statsforvalteren", None, _d("2021-01-01"), _MAX),
    ("Fylkesmannen", None, _d("2019-01-01"), _d("2020-12-31")),
]


def agency_valid(name: str, on: date) -> bool:
    return any(a[0] == name and a[2] <= on <= a[3] for a in AGENCIES)


# Governments (Bokmål "Regjeringen <statsminister>") by start date
GOVERNMENTS: list[tuple[date, str]] = [
    (date(2005, 10, 17), "Regjeringen Stoltenberg II"),
    (date(2013, 10, 16), "Regjeringen Solberg"),
    (date(2021, 10, 14), "Regjeringen Støre"),
]


def government(on: date) -> str | None:
    """The government in office on ``on`` (None before 2005-10-17)."""
    out = None
    for start, name in GOVERNMENTS:
        if on >= start:
            out = name
    return out
