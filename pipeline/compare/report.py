"""Change reports (Markdown and self-contained HTML) and the rows of the ``changes`` table.

Both reports are rendered from one :class:`~pipeline.compare.report_model.ChangeReport` through the
Jinja2 templates ``templates/change_report.md.j2`` and ``templates/change_report.html.j2``, so they
say the same things: a summary (counts per change type, per part, per ministry with names valid on
the new document's date), then every change with a word-level diff of title and text
(``{+ inserted +}`` / ``[- deleted -]`` in Markdown, ``<ins>``/``<del>`` in HTML), renumberings and
moves, responsibility changes spelled out with ministry names; a footer documents the method and
thresholds. Output bytes depend only on the inputs (no timestamps).
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from pipeline.compare.align import Comparison
from pipeline.compare.report_model import build_report
from pipeline.storage.files import atomic_write_text


# --------------------------------------------------------------------------- table rows


def changes_rows(comparison: Comparison) -> list[dict]:
    """Rows of the ``changes`` table: the fields of :class:`pipeline.model.MeasureChange`, in row order.

    ``ministries_added`` / ``ministries_removed`` stay lists of ministry_ids (sorted).
    """
    return [asdict(c) for c in comparison.changes]


# --------------------------------------------------------------------------- rendering

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#])")


def _md_escape_raw(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_escape(text: object) -> str:
    """Markdown-safe text with whitespace folded."""
    return _md_escape_raw(" ".join(str(text or "").split()))


def html_text(value: object) -> Markup:
    """HTML-escaped text with whitespace folded; markup the template built itself passes unchanged."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(" ".join(str(value if value is not None else "").split()), quote=True))


_URL = re.compile(r"https://[^\s;()<>\"]+")


def _with_links(value: object, escape, link) -> str:
    """``value`` with whitespace folded, its https addresses (a web plan's chapter with its anchor) made links by
    ``link`` and the text between them escaped by ``escape``."""
    text = " ".join(str(value if value is not None else "").split())
    out, last = [], 0
    for m in _URL.finditer(text):
        out += [escape(text[last:m.start()]), link(m.group(0))]
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def html_links(value: object) -> Markup:
    """HTML-escaped text in which https addresses are links."""
    def link(url: str) -> str:
        url = html.escape(url, quote=True)
        return f'<a href="{url}">{url}</a>'
    return Markup(_with_links(value, lambda t: html.escape(t, quote=True), link))


def md_links(value: object) -> str:
    """Markdown-escaped text in which https addresses are autolinks (``<https://…>``, not escaped)."""
    return _with_links(value, _md_escape_raw, lambda url: f"<{url}>")


@lru_cache(maxsize=None)
def _environment(kind: str) -> jinja2.Environment:
    loader = jinja2.PackageLoader("pipeline.compare", "templates")
    common = dict(loader=loader, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                  undefined=jinja2.StrictUndefined)
    if kind == "html":
        env = jinja2.Environment(autoescape=True, finalize=html_text, **common)
        env.filters["links"] = html_links
        return env
    env = jinja2.Environment(autoescape=False, **common)
    env.filters["md"] = md_escape
    env.filters["mdlinks"] = md_links
    return env


def _css() -> Markup:
    return Markup(resources.files("pipeline.compare").joinpath("templates/change_report.css").read_text(encoding="utf-8").strip())


def render_markdown(comparison: Comparison) -> str:
    text = _environment("md").get_template("change_report.md.j2").render(r=build_report(comparison))
    return text.rstrip("\n") + "\n"


def render_html(comparison: Comparison) -> str:
    return _environment("html").get_template("change_report.html.j2").render(r=build_report(comparison), css=_css())


# --------------------------------------------------------------------------- files


def write_change_reports(comparison: Comparison, out_dir: str | Path) -> list[Path]:
    """Write ``change_report.md`` and ``change_report.html`` atomically; return their paths."""
    out = Path(out_dir)
    md_path = out / "change_report.md"
    html_path = out / "change_report.html"
    atomic_write_text(md_path, render_markdown(comparison))
    atomic_write_text(html_path, render_html(comparison))
    return [md_path, html_path]
