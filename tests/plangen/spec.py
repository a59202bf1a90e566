"""The plan specification: what a synthetic plan says, independent of its layout.

A :class:`PlanSpec` is rendered to PDF by :func:`tests.plangen.render.render_plan`; the
ground truth is derived from the spec plus the page positions recorded while rendering.
Measures carry a stable ``key`` so that version pairs can track them across renumbering;
cross-references are stored as keys and resolved to printed numbers by :meth:`PlanSpec.numbered`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

SYNTHETIC_NOTICE = "Eksempelplan – syntetisk testdokument, ikke en offentlig plan"


@dataclass(frozen=True)
class MinisterSpec:
    name: str  # invented person name
    title: str  # e.g. "Justis- og beredskapsminister"
    ministry: str  # official ministry name on the plan date


@dataclass
class MeasureSpec:
    key: str  # stable identity across versions, e.g. "m07"
    title: str
    sentences: list[str]  # 2-6 Norwegian sentences; may contain "{ref:KEY}" placeholders
    lead: str  # official ministry name valid on the plan date
    co: list[str] = field(default_factory=list)  # official names
    agencies: list[str] = field(default_factory=list)  # agency names as written in the text
    timeframe: str | None = None  # "2016–2018"
    xrefs: list[str] = field(default_factory=list)  # keys of measures referred to ("jf. tiltak N")
    agency_in_resp: str | None = None  # agency put in brackets in the responsibility line
    all_ministries: bool = False  # responsibility "Alle departementer" (lead is then "")

    def text(self, numbers: dict[str, str], on: date) -> str:
        """The prose with placeholders resolved: ``{ref:KEY}`` -> printed number, ``{min:LINEAGE}`` -> name on ``on``."""
        from .ministries import ministry

        out = " ".join(self.sentences)
        out = re.sub(r"\{ref:([^}]+)\}", lambda m: numbers[m.group(1)], out)
        return re.sub(r"\{min:([^}]+)\}", lambda m: ministry(m.group(1), on).name, out)


@dataclass
class PartSpec:
    number: int
    title: str
    intro: list[str]  # paragraphs of intro prose
    measures: list[MeasureSpec] = field(default_factory=list)


@dataclass
class PlanSpec:
    name: str  # file stem, e.g. "plan2016_menneskehandel"
    title: str
    subtitle: str
    date: date
    publisher: str  # official name of the publishing ministry on ``date``
    ministers: list[MinisterSpec]
    parts: list[PartSpec]
    foreword: list[str]  # paragraphs
    government: str | None = None
    topic: str = ""
    numbering: str = "sequential"  # "sequential": 1..N through the plan | "by_part": "2.3" = part 2, measure 3

    # ------------------------------------------------------------------ helpers
    def measures(self) -> list[MeasureSpec]:
        return [m for p in self.parts for m in p.measures]

    def numbers(self) -> dict[str, str]:
        """key -> printed number: "1".."N" through the plan, or "<part>.<i>" with ``numbering="by_part"``."""
        if self.numbering == "by_part":
            return {m.key: f"{p.number}.{i}" for p in self.parts for i, m in enumerate(p.measures, start=1)}
        return {m.key: str(i) for i, m in enumerate(self.measures(), start=1)}

    def part_of(self, key: str) -> PartSpec:
        for p in self.parts:
            if any(m.key == key for m in p.measures):
                return p
        raise KeyError(key)

    def measure(self, key: str) -> MeasureSpec:
        for m in self.measures():
            if m.key == key:
                return m
        raise KeyError(key)

    def copy(self) -> "PlanSpec":
        """A deep-enough copy for editing (parts and measures are new objects)."""
        parts = [
            replace(
                p,
                intro=list(p.intro),
                measures=[
                    replace(m, sentences=list(m.sentences), co=list(m.co), agencies=list(m.agencies), xrefs=list(m.xrefs))
                    for m in p.measures
                ],
            )
            for p in self.parts
        ]
        return replace(self, parts=parts, ministers=list(self.ministers), foreword=list(self.foreword))
