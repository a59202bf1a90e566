"""How headings and responsibility statements are printed (the textual conventions of a layout)."""

from __future__ import annotations

from datetime import date

from . import ministries as mins
from .spec import MeasureSpec



def _join_no(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def responsibility_line(m: MeasureSpec, fmt: str, on: date) -> str | None:
    """The printed responsibility line of a body measure (None for "title_suffix")."""
    ab = lambda n: mins.abbreviation(n, on)  # noqa: E731
    if m.all_ministries:
        return "Ansvarlig: Alle departementer" if fmt != "title_suffix" else None
    if fmt == "abbr":
        s = "Ansvarlig: " + ", ".join(ab(n) for n in [m.lead] + m.co)
        if m.agency_in_resp:
            s += f" ({m.agency_in_resp})"
        return s
    if fmt == "ansvar_og":
        s = "Ansvar: " + _join_no([ab(n) for n in [m.lead] + m.co])
        if m.agency_in_resp:
            s += f" ({m.agency_in_resp})"
        return s
    if fmt == "full_dept":
        if m.co:
            return "Ansvarlige departementer: " + _join_no([m.lead] + m.co)
        return "Ansvarlig departement: " + m.lead
    if fmt == "full_samarbeid":
        s = "Ansvarlig: " + m.lead
        if m.co:
            s += " i samarbeid med " + _join_no(m.co)
        return s
    if fmt == "title_suffix":
        return None
    raise ValueError(fmt)


def title_suffix(m: MeasureSpec, on: date) -> str:
    if m.all_ministries:
        return " (alle departementer)"
    return " (" + "/".join(mins.abbreviation(n, on) for n in [m.lead] + m.co) + ")"


def table_responsibility(m: MeasureSpec, fmt: str, on: date, i: int) -> str:
    if m.all_ministries:
        return "Alle departementer"
    names = [m.lead] + m.co
    ab = [mins.abbreviation(n, on) for n in names]
    if fmt == "mixed":
        fmt = ("abbr_slash", "full", "abbr_comma")[i % 3]
    if fmt == "abbr_slash":
        return "/".join(ab)
    if fmt == "abbr_comma":
        return ", ".join(ab)
    if fmt == "full":
        return ", ".join(names)
    raise ValueError(fmt)


def measure_heading(n: str, title: str, fmt: str) -> str:
    if fmt == "tiltak_colon":
        return f"Tiltak {n}: {title}"
    if fmt == "tiltak_space":
        return f"Tiltak {n} {title}"
    if fmt == "number_dot":
        return f"{n}. {title}"
    if fmt == "tiltak_label":  # "Tiltak 7" on a line of its own above the title
        return f"Tiltak {n}\n{title}"
    raise ValueError(fmt)


def part_heading(n: int, title: str, fmt: str) -> str:
    if fmt == "del":
        return f"Del {n}: {title}"
    if fmt == "number":
        return f"{n} {title}"
    if fmt == "kapittel":
        return f"Kapittel {n} {title}"
    raise ValueError(fmt)
