"""Parts and measures ("tiltak") of a laid-out action plan.

``extract_plan(doc, info, on=None) -> PlanExtraction`` is the entry point. Focused modules:
``headings`` (parts outline), ``measures`` (heading-style measures), ``summary_table`` (table-style measures),
``merge`` (body + table, each measure once), ``responsibility`` (responsibility lines and cells -> ministries),
``foreword`` (signing ministers), ``crossrefs`` ("jf. tiltak 7"). ``pipeline.reference`` and ``pipeline.nlp`` are
imported lazily (see ``registry``).
"""

from pipeline.structure.crossrefs import find_cross_references
from pipeline.structure.plan import extract_plan
from pipeline.structure.responsibility import ParsedResponsibility, parse_responsibility

__all__ = ["extract_plan", "parse_responsibility", "ParsedResponsibility", "find_cross_references"]
