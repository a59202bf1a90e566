"""Change reports between plan versions, and press release vs plan consistency.

>>> from pipeline.compare import compare_plans, write_change_reports, check_consistency, consistency_markdown

``compare_plans(old, new)`` aligns measures by text (never by number) and classifies each as unchanged,
reworded, modified, added, removed, split or merged; ``write_change_reports`` writes ``change_report.md``
and ``change_report.html``; ``changes_rows`` gives the rows of the ``changes`` table.
"""

from pipeline.compare.align import CHANGE_TYPES, Comparison, ComparisonSummary, compare_plans
from pipeline.compare.consistency import check_consistency, consistency_markdown
from pipeline.compare.report import changes_rows, render_html, render_markdown, write_change_reports
from pipeline.compare.thresholds import DEFAULT_THRESHOLDS, Thresholds
from pipeline.compare.tokens import simple_tokens

__all__ = [
    "CHANGE_TYPES",
    "Comparison",
    "ComparisonSummary",
    "DEFAULT_THRESHOLDS",
    "Thresholds",
    "changes_rows",
    "check_consistency",
    "compare_plans",
    "consistency_markdown",
    "render_html",
    "render_markdown",
    "simple_tokens",
    "write_change_reports",
]
