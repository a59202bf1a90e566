"""Sections of ``benchmarks/results.md`` that other scripts than ``run.py`` write.

A section is the text between ``<!-- section:NAME -->`` and ``<!-- /section:NAME -->``. ``write_section`` replaces
it (or appends it); ``keep_sections`` carries every section of the existing file into a freshly rendered report,
so ``run.py`` does not erase what ``eval_producers.py`` wrote.
"""

from __future__ import annotations

import re
from pathlib import Path

_SECTION = re.compile(r"<!-- section:(?P<name>[\w.-]+) -->\n.*?<!-- /section:(?P=name) -->\n?", re.DOTALL)


def block(name: str, markdown: str) -> str:
    return f"<!-- section:{name} -->\n{markdown.strip()}\n<!-- /section:{name} -->\n"


def write_section(path: Path, name: str, markdown: str) -> None:
    from pipeline.storage.files import atomic_write_text

    text = path.read_text(encoding="utf-8") if path.exists() else ""
    new = block(name, markdown)
    for m in _SECTION.finditer(text):
        if m.group("name") == name:
            text = text[: m.start()] + new + text[m.end():]
            break
    else:
        text = text.rstrip("\n") + "\n\n" + new
    atomic_write_text(path, text)


def keep_sections(path: Path, rendered: str) -> str:
    """``rendered`` with the sections of the existing ``path`` appended (those it does not contain itself)."""
    if not path.exists():
        return rendered
    have = {m.group("name") for m in _SECTION.finditer(rendered)}
    kept = [m.group(0) for m in _SECTION.finditer(path.read_text(encoding="utf-8")) if m.group("name") not in have]
    return rendered.rstrip("\n") + ("\n\n" + "\n".join(k.rstrip("\n") + "\n" for k in kept) if kept else "\n")
