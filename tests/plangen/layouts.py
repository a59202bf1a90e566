"""Layout descriptions: everything about how a plan looks, nothing about what it says."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

B5ISH = (170 * mm, 240 * mm)  # the common Norwegian government report format


@dataclass(frozen=True)
class Layout:
    name: str
    pagesize: tuple[float, float] = A4
    margins: tuple[float, float, float, float] = (25 * mm, 25 * mm, 25 * mm, 22 * mm)  # left, right, top, bottom
    columns: int = 1  # 1 or 2
    mixed: bool = False  # with columns=2: part heading and intro full width over two columns
    gutter: float = 7 * mm
    fonts: str = "dejavu"  # "dejavu" | "times" | "helvetica"
    body_size: float = 10.0
    leading: float = 13.0
    justify: bool = False
    # "tiltak_colon" "Tiltak 7: T" | "tiltak_space" "Tiltak 7 T" | "number_dot" "7. T" | "tiltak_label" "Tiltak 7" / "T"
    measure_heading: str = "tiltak_colon"
    measure_heading_bold: bool = True
    measure_heading_delta: float = 1.0  # heading size = body + delta
    part_heading: str = "del"  # "del" "Del 1: T" | "number" "1 T" | "kapittel" "Kapittel 1 T"
    part_new_page: bool = True
    resp: str = "abbr"  # "abbr" | "ansvar_og" | "full_dept" | "full_samarbeid" | "title_suffix"
    resp_italic: bool = False
    measures: str = "body"  # "body" | "table" | "both"
    table_resp: str = "abbr_slash"  # "abbr_slash" "KD/HOD" | "abbr_comma" | "full" | "mixed"
    table_part_rows: bool = False  # part rows spanning the summary table
    table_where: str = "end"  # "end" | "front" (after the foreword)
    footer: str = "n_center"  # "n_center" | "n_outer" | "side_n_av_m"
    header: str = "title_left"  # "title_left" | "title_center" | "title_rule"
    numbering: str = "physical"  # "physical" | "roman_front" (front matter i, ii ...; body from 1)
    toc_measures: bool = False
    colophon: bool = False
    scanned_appendix: bool = False
    force_resp_next_page: bool = True  # ensure >= 1 responsibility line lands on the page after its text
    outline: bool = False  # PDF bookmarks for the TOC entries
    bullets: bool = False  # measures with >= 4 sentences: first sentence as prose, the rest as "•" items


LAYOUTS: dict[str, Layout] = {
    # single column, Times, "7. Title", full-name responsibility lines, scanned appendix, roman front matter
    "classic": Layout(
        name="classic", fonts="times", body_size=12, leading=16, margins=(30 * mm, 30 * mm, 28 * mm, 25 * mm), justify=True, measure_heading="number_dot",
        part_heading="number", resp="full_samarbeid", resp_italic=True, numbering="roman_front",
        scanned_appendix=True, colophon=True, footer="n_outer", header="title_rule", outline=True,
    ),
    # two columns on the 170x240 format, DejaVu, "Tiltak 7: Title", abbreviations, body + summary table
    "twocol": Layout(
        name="twocol", pagesize=B5ISH, margins=(18 * mm, 18 * mm, 20 * mm, 18 * mm), columns=2, gutter=6 * mm,
        body_size=9, leading=11.5, measure_heading="tiltak_colon", part_heading="del", resp="abbr",
        measures="both", table_resp="abbr_slash", footer="side_n_av_m", header="title_center", toc_measures=True,
        outline=True,
    ),
    # mixed: full-width part headings over two columns, Helvetica, table only
    "mixed_table": Layout(
        name="mixed_table", columns=2, mixed=True, fonts="helvetica", body_size=10, leading=13,
        measure_heading="tiltak_space", part_heading="kapittel", measures="table", table_resp="mixed",
        table_part_rows=True, footer="n_center", header="title_left",
    ),
    # single column 170x240, DejaVu, "Tiltak 7 Title" in larger non-bold type, title suffix "(HOD)", both
    "report": Layout(
        name="report", pagesize=B5ISH, margins=(20 * mm, 20 * mm, 22 * mm, 20 * mm), body_size=10.5, leading=14.5,
        measure_heading="tiltak_space", measure_heading_bold=False, measure_heading_delta=2.5, part_heading="del",
        resp="title_suffix", measures="both", table_resp="full", table_where="front", footer="side_n_av_m",
        header="title_rule", colophon=True,
    ),
    # single column A4 Helvetica, "Ansvar: BLD og JD", bullet points in measures, parts run on without page breaks
    "compact": Layout(
        name="compact", fonts="helvetica", body_size=10.5, leading=14, part_new_page=False, measure_heading="tiltak_colon",
        part_heading="del", resp="ansvar_og", footer="n_outer", header="title_left", toc_measures=True, bullets=True,
    ),
    # two columns A4 Times, "7. Title", "Ansvarlig departement: ..." full names
    "twocol_times": Layout(
        name="twocol_times", columns=2, fonts="times", body_size=10, leading=12.5, justify=True,
        measure_heading="number_dot", part_heading="number", resp="full_dept", footer="n_center",
        header="title_center", part_new_page=True,
    ),
}


def layout(name: str, **changes) -> Layout:
    return replace(LAYOUTS[name], **changes)
