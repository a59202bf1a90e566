"""``RawMeasure``: a measure as found in the layout (body or table), before registry resolution and enrichment."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawMeasure:
    """A measure as found in the layout, before registry resolution and enrichment."""

    number: str | None
    title: str
    text: str
    page_start: int | None
    page_end: int | None
    block_index: int  # heading block (body) or table block (table)
    source: str  # "body" | "table"
    responsibility_text: str | None = None
    responsibility_source: str = "responsibility_line"  # or "table"
    title_responsibility: str | None = None  # "(HOD)" removed from the title (set by the plan step)
    timeframe: str | None = None
    part_number: int | None = None
    part_title: str | None = None
    end_index: int | None = None
    row_index: int | None = None  # table row
    extra_responsibility: list[tuple[str, str]] = field(default_factory=list)  # (text, source): "co" = a co column
    # a body measure also listed in a summary table: the table row's responsibility texts and the row's page
    table_responsibility: list[tuple[str, str]] = field(default_factory=list)
    table_page: int | None = None
