"""Golden outputs: the files tiltak writes for a fixed test corpus, by sha256.

A refactoring must leave every output byte-identical; a change that is meant to alter outputs
updates the snapshot on purpose and the diff of ``outputs.sha256.json`` shows which files moved:

    .venv/bin/python -m tests.golden --update      # rewrite the snapshot
    .venv/bin/python -m tests.golden               # compare, listing the files that differ

The corpus: the plangen standard set (6 plans, 4 version pairs), the seed press release and the
synthetic regjeringen.no pages in ``tests/data/html``, run through the command line as a user runs it
(``tiltak extract`` on everything, ``tiltak diff`` on each pair). Parquet files are left out: their
footer names the writing library's version, which is not tiltak's behaviour.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SNAPSHOT = HERE / "outputs.sha256.json"
SEED = REPO / "corpus" / "pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt"
PAGES = sorted((REPO / "tests" / "data" / "html").glob("*.html"))
SKIP_SUFFIXES = {".parquet"}


def _invoke(args: list[str]) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    result = CliRunner().invoke(app, args)
    if result.exit_code not in (0, 1):  # 1: a document failed on purpose (e.g. the non-article page)
        raise RuntimeError(f"tiltak {' '.join(args)} exited {result.exit_code}: {result.output}")


def produce(plangen_dir: Path, out: Path) -> dict[str, str]:
    """Run the golden corpus into ``out``; return {relative path: sha256} of every file written.

    Inputs are copied next to ``out`` and named by relative paths from there, so the paths the
    run summary records are the same in every run.
    """
    manifest = json.loads((plangen_dir / "manifest.json").read_text(encoding="utf-8"))
    inputs = out.parent / (out.name + "-inputs")
    inputs.mkdir(parents=True, exist_ok=True)
    names = [e["pdf"] for e in manifest["plans"]] + [p for e in manifest["pairs"] for p in (e["old_pdf"], e["new_pdf"])]
    for name in names:
        (inputs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(plangen_dir / name, inputs / name)
    for page in (SEED, *PAGES):
        shutil.copyfile(page, inputs / page.name)
    cwd = os.getcwd()
    os.chdir(inputs)
    try:
        plans = [e["pdf"] for e in manifest["plans"]]
        _invoke(["extract", *plans, SEED.name, *(p.name for p in PAGES), "--out", str(out / "extract"), "--quiet"])
        for e in manifest["pairs"]:
            _invoke(["diff", e["old_pdf"], e["new_pdf"], "--out", str(out / "diff" / e["name"]), "--quiet"])
    finally:
        os.chdir(cwd)
    digests = {}
    for p in sorted(out.rglob("*")):
        if p.is_file() and p.suffix not in SKIP_SUFFIXES and not p.name.startswith("."):
            digests[p.relative_to(out).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return digests


def differences(expected: dict[str, str], got: dict[str, str]) -> list[str]:
    lines = []
    for name in sorted(set(expected) | set(got)):
        if name not in got:
            lines.append(f"missing: {name}")
        elif name not in expected:
            lines.append(f"new: {name}")
        elif expected[name] != got[name]:
            lines.append(f"changed: {name}")
    return lines
