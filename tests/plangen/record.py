"""Where one measure was placed (filled in by the layout pass, read by the truth builder)."""

from __future__ import annotations

from dataclasses import dataclass, field

@dataclass
class Record:
    heading_pages: list[int] = field(default_factory=list)
    text_pages: list[int] = field(default_factory=list)
    resp_pages: list[int] = field(default_factory=list)
    table_page: int | None = None
    heading: str | None = None
    resp: str | None = None
    resp_region_last: bool = False  # text ended in the last region of its page
    room_after_text: float = 1e9
