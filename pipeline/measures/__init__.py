"""Measures ("tiltak") of a structured plan and the ministries responsible for them.

``extract_plan(doc, info, on=None) -> PlanExtraction`` is the entry point. Focused modules:
``body`` (heading-style measures), ``summary_table`` (table-style measures), ``merge`` (body + table,
each measure once), ``responsibility`` (responsibility lines and cells -> ministries), ``crossrefs``
("jf. tiltak 7"), ``plan`` (the steps together).
"""

from pipeline.measures.crossrefs import find_cross_references
from pipeline.measures.plan import extract_plan
from pipeline.measures.responsibility import ParsedResponsibility, parse_responsibility

__all__ = ["extract_plan", "parse_responsibility", "ParsedResponsibility", "find_cross_references"]
