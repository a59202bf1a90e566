"""The committed fixture set: producer variants (styles) x content (topic, seed, date), and its split.

Split: ``calibrate`` fixtures may be used to tune thresholds; ``score`` fixtures are held out. They differ in
producer variant (no style is in both), in content seed, and the topic "rus" appears only in ``score``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .plan import Recipe, Style

# --------------------------------------------------------------------------- LibreOffice Writer (from .docx)
LO_INNSATS = Style(
    "lo_innsats_body", "libreoffice", "Carlito", 11, structure="body", part_label="innsatsomrade",
    measure_form="tiltak_heading", resp="abbr", closing_share=0.3, overview="bordered", overview_landscape=True,
    table_resp="mixed", twocol_part=1, toc_split=True, running_header=True, page_mm=(170, 240), margin_mm=20)
LO_CHAPTERS = Style(
    "lo_chapters_bold", "libreoffice", "Caladea", 11.5, structure="body", part_label="chapter", measure_form="bold_line",
    resp="full", closing_share=0.25, overview="borderless", table_resp="abbr", stats_landscape=True, toc_levels=2)
LO_TABLE = Style(
    "lo_table_rows", "libreoffice", "Carlito", 11, structure="table", part_label="row_plain", measure_form="table",
    table_resp="full", toc_levels=2, footnotes=False)
LO_DEL = Style(
    "lo_del_roman", "libreoffice", "Caladea", 11, structure="body", part_label="del_roman", measure_form="tiltak_heading",
    resp="abbr", closing_share=0.5, twocol_part=2, overview="borderless", table_resp="abbr", running_header=True)
LO_FLAT = Style(
    "lo_flat_numbered", "libreoffice", "Carlito", 11, structure="flat", part_label="none", measure_form="bold_line",
    resp="abbr", closing_share=0.4, toc_levels=2)

# --------------------------------------------------------------------------- Chromium print-to-PDF (from HTML)
CHR_SERIF_BODY = Style(
    "chr_serif_body", "chromium", "Liberation Serif", 11.5, structure="body", part_label="innsatsomrade",
    measure_form="tiltak_heading", resp="abbr", closing_share=0.3, overview="bordered", overview_landscape=True,
    table_resp="mixed", footnotes=False)
CHR_SERIF_TABLE = Style(
    "chr_serif_table", "chromium", "Liberation Serif", 11.5, structure="table", part_label="row_plain",
    measure_form="table", table_resp="mixed", footnotes=False, toc_levels=2)
CHR_SANS_BODY = Style(
    "chr_sans_body", "chromium", "DejaVu Sans", 10, structure="body", part_label="chapter", measure_form="bold_line",
    resp="full", closing_share=0.2, overview="borderless", table_resp="abbr", footnotes=False, toc_levels=2)
CHR_SANS_TABLE = Style(
    "chr_sans_table", "chromium", "DejaVu Sans", 10, structure="table", part_label="row_innsats", measure_form="table",
    table_resp="abbr", table_borders=False, footnotes=False, toc_levels=2)
CHR_NARROW_BODY = Style(
    "chr_narrow_body", "chromium", "Liberation Sans Narrow", 11, structure="body", part_label="del_roman",
    measure_form="bold_runin", resp="abbr", closing_share=0.4, overview="bordered", table_resp="abbr", footnotes=False,
    toc_levels=2)
CHR_NARROW_TABLE = Style(
    "chr_narrow_table", "chromium", "Liberation Sans Narrow", 11, structure="table", part_label="row_plain",
    measure_form="table", table_resp="full", footnotes=False, toc_levels=2)

_D = date
RECIPES: tuple[Recipe, ...] = (
    # calibrate
    Recipe("lo_vgo_carlito_innsats", "vgo", 1, _D(2018, 11, 1), LO_INNSATS, "calibrate", date_precision="month",
           consultation=("er", _D(2019, 2, 1))),
    Recipe("lo_arbeidsliv_caladea_chapters", "arbeidsliv", 2, _D(2019, 6, 1), LO_CHAPTERS, "calibrate",
           date_precision="month", consultation=("var", _D(2019, 2, 1)), n_measures=22),
    Recipe("chr_arbeidsliv_serif_body", "arbeidsliv", 5, _D(2017, 5, 12), CHR_SERIF_BODY, "calibrate", n_measures=20,
           title_index=1),
    Recipe("chr_vgo_serif_table", "vgo", 6, _D(2020, 9, 4), CHR_SERIF_TABLE, "calibrate"),
    Recipe("chr_vgo_sans_body", "vgo", 7, _D(2022, 10, 21), CHR_SANS_BODY, "calibrate", n_measures=20, title_index=1,
           consultation=("var", _D(2022, 5, 2))),
    Recipe("chr_arbeidsliv_sans_table", "arbeidsliv", 8, _D(2023, 11, 3), CHR_SANS_TABLE, "calibrate", title_index=1),
    # score (held out)
    Recipe("lo_rus_carlito_table", "rus", 3, _D(2021, 9, 10), LO_TABLE, "score", consultation=("var", _D(2021, 3, 15))),
    Recipe("lo_vgo_caladea_del", "vgo", 4, _D(2016, 4, 22), LO_DEL, "score", n_measures=22, title_index=1),
    Recipe("lo_rus_carlito_flat", "rus", 11, _D(2023, 3, 1), LO_FLAT, "score", date_precision="month", n_measures=14,
           title_index=1, consultation=("er", _D(2023, 6, 1))),
    Recipe("chr_rus_narrow_body", "rus", 10, _D(2024, 2, 9), CHR_NARROW_BODY, "score", n_measures=18),
    Recipe("chr_arbeidsliv_narrow_table", "arbeidsliv", 12, _D(2015, 10, 16), CHR_NARROW_TABLE, "score"),
)


@dataclass(frozen=True)
class PairRecipe:
    name: str
    topic: str
    seed: int
    old_date: date
    new_date: date
    style: Style
    split: str
    old_precision: str = "day"
    n_measures: int | None = None
    title_extension: tuple[str, str] | None = None  # (old title, new title): title extended, prose rewritten


PAIRS: tuple[PairRecipe, ...] = (
    # same number, part and responsibility; title extended and prose rewritten -> "modified" (no renames between dates)
    PairRecipe("pair_lo_arbeidsliv_2019_2021", "arbeidsliv", 21, _D(2019, 9, 6), _D(2021, 3, 5), LO_CHAPTERS, "calibrate",
               n_measures=22,
               title_extension=("Forebygging av tvangsarbeid i utsatte bransjer",
                                "Forebygging av tvangsarbeid og sosial dumping i utsatte bransjer")),
    # ministries renamed between the dates (ASD -> AID, KMD -> KDD, KUD -> Kultur- og likestillingsdepartementet)
    PairRecipe("pair_chr_rus_2021_2023", "rus", 22, _D(2021, 6, 4), _D(2023, 2, 3), CHR_NARROW_BODY, "score", n_measures=18),
)
