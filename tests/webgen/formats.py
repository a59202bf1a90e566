"""How measure headings and responsibility statements are printed in the web documents."""

from __future__ import annotations

from datetime import date

from tests.plangen import formats as plangen_formats
from tests.plangen import ministries as mins

from .spec import PartLook, WebMeasure

NUMBER_WORDS = {1: "ett", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte", 9: "ni", 10: "ti"}


join_og = plangen_formats._join_no  # "A, B og C"


def abbr(name: str, on: date) -> str:
    return mins.abbreviation(name, on)


def measure_heading(number: str, title: str, form: str) -> str:
    """"Tiltak 3: T" (tiltak_colon), "Tiltak 3 T" (tiltak_space), "Tiltak 3 – T" (tiltak_dash)."""
    if form == "tiltak_dash":
        return f"Tiltak {number} – {title}"
    return plangen_formats.measure_heading(number, title, form)


def responsibility(m: WebMeasure, look: PartLook, on: date) -> tuple[str, str]:
    """(label, names) of a body measure's responsibility line, e.g. ("Ansvarlig:", "Finansdepartementet")."""
    names = [m.lead] + m.co
    agency = f" ({m.agency_in_resp})" if m.agency_in_resp else ""
    if look.resp == "ansvarlig_full":  # "Ansvarlig: Justis- og beredskapsdepartementet i samarbeid med HOD-navnet"
        text = m.lead + (" i samarbeid med " + join_og(m.co) if m.co else "")
        return "Ansvarlig:", text
    if look.resp == "ansvarlig_og":  # "Ansvarlig: A og B" (full names)
        return "Ansvarlig:", join_og(names)
    if look.resp == "ansvar_abbr":  # "Ansvar: JD og HOD (Politidirektoratet)"
        return "Ansvar:", join_og([abbr(n, on) for n in names]) + agency
    if look.resp == "ansvarlig_dep":  # "Ansvarlig departement: JD" / "Ansvarlige departementer: JD, HOD"
        label = "Ansvarlige departementer:" if m.co else "Ansvarlig departement:"
        return label, ", ".join(abbr(n, on) for n in names) + agency
    raise ValueError(look.resp)


def resp_agency_printed(look: PartLook) -> bool:
    return look.resp in ("ansvar_abbr", "ansvarlig_dep")


def list_responsibility(m: WebMeasure, look: PartLook, on: date) -> str:
    """The parenthesis ending a "Regjeringen vil:" item: "(Ansvar: HOD og BFD)"."""
    if look.list_resp == "ansvar_paren_full":
        return f"(Ansvar: {join_og([m.lead] + m.co)})"
    return f"(Ansvar: {join_og([abbr(n, on) for n in [m.lead] + m.co])})"


def table_responsibility(m: WebMeasure, form: str, on: date, i: int) -> str:
    """A table cell naming the responsible ministries; "mixed" varies the form from row to row."""
    names = [m.lead] + m.co
    ab = [abbr(n, on) for n in names]
    if form == "mixed":
        form = ("abbr", "full", "abbr_samarbeid", "full_first")[i % 4]
    if form == "abbr":
        return ", ".join(ab)
    if form == "full":
        return ", ".join(names)
    if form == "abbr_samarbeid":  # "JD i samarbeid med Helse- og omsorgsdepartementet"
        return ab[0] + (" i samarbeid med " + join_og(names[1:]) if m.co else "")
    if form == "full_first":  # "Justis- og beredskapsdepartementet (hovedansvar), HOD"
        return names[0] + (" (hovedansvar), " + ", ".join(ab[1:]) if m.co else "")
    raise ValueError(form)
