"""Options shared by several ``tiltak`` commands, each defined once (the library commands and the
Prefect-backed commands in ``flows/cli.py`` both use these)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from pipeline.errors import TiltakError
from pipeline.nlp.mode import MODEL, RULES, set_nlp_mode


def _use_nlp(value: Optional[str]) -> Optional[str]:
    """``--nlp``: the NLP mode for this command and the workers it starts (``$TILTAK_NLP``)."""
    if value is None:
        return None
    try:
        return set_nlp_mode(value)
    except TiltakError:
        raise typer.BadParameter(f"{value!r}: use {MODEL} or {RULES}") from None


CorpusOpt = Annotated[Path, typer.Option("--corpus", help="Corpus directory with manifest.toml.")]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Directory for the datasets and reports.")]
OutRequiredOpt = Annotated[
    Optional[Path],
    typer.Option("--out", "-o", help="Directory for the datasets and reports (required: outputs/ belongs to `tiltak run`)."),
]
DateOpt = Annotated[
    Optional[str], typer.Option("--date", help="Document date YYYY-MM-DD when the document does not state it.")
]
KindOpt = Annotated[Optional[str], typer.Option("--kind", help="press_release, landing_page or plan (default: detect).")]
EngineOpt = Annotated[str, typer.Option("--engine", help="PDF character engine: auto, pdfium or pdfplumber.")]
TimeoutOpt = Annotated[Optional[float], typer.Option("--timeout", help="Seconds allowed per document (0: no limit).")]
MemoryOpt = Annotated[Optional[int], typer.Option("--memory", help="Memory budget per document in MB (0: no limit).")]
WaitOpt = Annotated[float, typer.Option("--wait", help="Wait this long for another run holding --out to finish.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print a JSON summary (for scripts).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only failures.")]
NlpOpt = Annotated[
    Optional[str],
    typer.Option(
        "--nlp",
        metavar="model|rules",
        callback=_use_nlp,
        help="Entities: 'model' (default: tiltak's trained recogniser, with the registry's ministries, agencies and "
        "organisations on top) or 'rules' (the registry's rules only). Also $TILTAK_NLP.",
    ),
]

KINDS = ("press_release", "landing_page", "plan")


def parse_date(value: Optional[str]) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        usage_error(f"{value!r} is not a date: use YYYY-MM-DD")


def check_kind(kind: Optional[str]) -> None:
    if kind not in (None, *KINDS):
        usage_error("--kind must be " + ", ".join(KINDS[:-1]) + " or " + KINDS[-1])


def usage_error(message: str) -> None:
    """Bad usage: one line on standard error, exit 2, before any work."""
    from pipeline.cli.console import EXIT_USAGE, fail
    from pipeline.errors import TiltakError

    fail(TiltakError(message), EXIT_USAGE)
