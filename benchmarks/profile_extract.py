"""Profile one plan extraction: where does the time go?

    .venv/bin/python benchmarks/profile_extract.py PDF [--engine auto|pdfium|pdfplumber] [--top 25]
                                                   [--date YYYY-MM-DD] [--pstats out.pstats] [--pyinstrument]

Loads the NLP pipeline first (its one-off cost is not part of an extraction), then profiles
``read_pdf`` + ``extract_plan`` under cProfile and prints the top functions by cumulative and by own
(tottime) time, each as a share of the whole extraction, plus a per-module own-time summary (which
layer — pdfminer, pypdfium2, pipeline.layout.*, pipeline.structure.*, spaCy — the time is spent in).
``--pyinstrument`` uses pyinstrument instead when it is installed (a call tree, less overhead).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Row:
    function: str  # "module/file.py:line(name)"
    calls: int
    own_s: float
    cumulative_s: float
    own_share: float  # of the whole profiled extraction
    cumulative_share: float


def _label(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return name  # built-in
    path = Path(filename)
    parts = path.parts
    for anchor in ("site-packages", "pipeline", "lib"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            rel = "/".join(parts[i + 1:] if anchor != "pipeline" else parts[i:])
            return f"{rel}:{line}({name})"
    return f"{path.name}:{line}({name})"


def _group(filename: str) -> str:
    """The layer a file belongs to: package (and sub-package for tiltak's own code)."""
    if filename == "~":
        return "(built-ins)"
    parts = Path(filename).parts
    if "pipeline" in parts:
        i = len(parts) - 1 - parts[::-1].index("pipeline")
        sub = parts[i + 1: i + 3]
        return "pipeline." + ".".join(p.removesuffix(".py") for p in sub[:2]) if len(sub) > 1 else "pipeline"
    if "site-packages" in parts:
        i = parts.index("site-packages")
        return parts[i + 1].removesuffix(".py") if len(parts) > i + 1 else "site-packages"
    if "python3" in "".join(parts) or "lib" in parts:
        return "(stdlib) " + Path(filename).stem
    return Path(filename).stem


def _extract(pdf: str | Path, engine: str, on: date | None):
    from pipeline.model import DocumentInfo
    from pipeline.layout import read_pdf
    from pipeline.documents.extract import plan_from_layout

    doc = read_pdf(pdf, engine=engine)
    info = DocumentInfo(document_id=Path(pdf).stem, kind="plan", title=Path(pdf).stem, published=on, page_count=doc.page_count)
    return doc, plan_from_layout(doc, info, on)


def profile_extraction(pdf: str | Path, engine: str = "auto", on: date | None = None, *,
                       warm_up: bool = True, timer: str = "cpu") -> tuple[pstats.Stats, float, int, int]:
    """cProfile of ``read_pdf`` + ``extract_plan``; returns (stats, wall seconds, pages, measures).

    ``warm_up``: extract the file once, unprofiled, first, so lazy imports and first-call caches
    (a one-off cost per process) do not show up as extraction time.
    ``timer``: ``cpu`` (``time.process_time``: a busy machine does not charge its waits to whatever
    function was running) or ``wall`` (cProfile's default, ``time.perf_counter``).
    """
    from pipeline.nlp import load_nlp
    from pipeline.layout.hyphenation import default_is_word

    load_nlp()
    default_is_word()
    if warm_up:
        _extract(pdf, engine, on)
    prof = cProfile.Profile(time.process_time) if timer == "cpu" else cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    doc, plan = _extract(pdf, engine, on)
    prof.disable()
    wall = time.perf_counter() - t0
    return pstats.Stats(prof), wall, doc.page_count, len(plan.measures)


def top_rows(stats: pstats.Stats, by: str = "cumulative", n: int = 25) -> list[Row]:
    """The ``n`` top functions by ``cumulative`` or ``own`` time."""
    raw = stats.stats  # type: ignore[attr-defined]
    total = stats.total_tt or 1e-12  # type: ignore[attr-defined]
    rows = [
        Row(_label(key), int(nc), float(tt), float(ct), float(tt) / total, float(ct) / total)
        for key, (cc, nc, tt, ct, _callers) in raw.items()
    ]
    rows.sort(key=(lambda r: r.cumulative_s) if by == "cumulative" else (lambda r: r.own_s), reverse=True)
    return rows[:n]


def by_module(stats: pstats.Stats) -> list[tuple[str, float, float]]:
    """(layer, own seconds, share) summed over every function of the layer, largest first.

    Own time of built-ins (``len``, ``str.endswith``, ``re.Pattern.match`` ...) is charged to the layers
    that called them, in proportion to each caller's share of the built-in's time."""
    raw = stats.stats  # type: ignore[attr-defined]
    total = stats.total_tt or 1e-12  # type: ignore[attr-defined]
    acc: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tt, _ct, callers) in raw.items():
        if filename == "~" and callers:
            per_caller = {c: (v[2] if isinstance(v, tuple) else 0.0) for c, v in callers.items()}
            spread = sum(per_caller.values())
            if spread > 0:
                for (cfile, _l, _n), ctt in per_caller.items():
                    acc[_group(cfile)] += tt * ctt / spread
                continue
        acc[_group(filename)] += tt
    return sorted(((k, v, v / total) for k, v in acc.items()), key=lambda t: -t[1])


def format_rows(rows: list[Row], title: str) -> str:
    out = [title, f"{'cum %':>7} {'own %':>7} {'cum s':>8} {'own s':>8} {'calls':>9}  function"]
    for r in rows:
        out.append(f"{100 * r.cumulative_share:>6.1f}% {100 * r.own_share:>6.1f}% {r.cumulative_s:>8.3f} {r.own_s:>8.3f} {r.calls:>9}  {r.function}")
    return "\n".join(out)


def report(pdf: str | Path, engine: str = "auto", on: date | None = None, top: int = 25, pstats_out: str | None = None,
           *, warm_up: bool = True, timer: str = "cpu") -> str:
    """The text report: header, top functions by cumulative and own time, own time by layer."""
    stats, wall, pages, measures = profile_extraction(pdf, engine, on, warm_up=warm_up, timer=timer)
    if pstats_out:
        stats.dump_stats(pstats_out)
    total = stats.total_tt  # type: ignore[attr-defined]
    head = (f"{pdf}: {pages} pages, {measures} measures, engine {engine}; {wall:.2f} s wall under cProfile, "
            f"{total:.2f} s profiled ({timer} timer; {1000 * total / max(1, pages):.0f} ms/page; cProfile adds overhead "
            "to Python-heavy code, so rank by the shares)")
    mods = by_module(stats)
    mod_lines = ["Own time by layer (built-ins charged to their callers):"] + [f"{100 * share:>6.1f}% {secs:>8.3f} s  {name}" for name, secs, share in mods[:20]]
    return "\n\n".join([
        head,
        format_rows(top_rows(stats, "cumulative", top), f"Top {top} by cumulative time:"),
        format_rows(top_rows(stats, "own", top), f"Top {top} by own time:"),
        "\n".join(mod_lines),
    ])


def _pyinstrument(pdf: str, engine: str, on: date | None) -> str | None:
    try:
        from pyinstrument import Profiler  # type: ignore[import-not-found]
    except ImportError:
        return None
    from pipeline.nlp import load_nlp

    load_nlp()
    _extract(pdf, engine, on)  # warm-up
    prof = Profiler()
    prof.start()
    _extract(pdf, engine, on)
    prof.stop()
    return prof.output_text(unicode=True, color=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdf")
    ap.add_argument("--engine", default="auto", choices=("auto", "pdfium", "pdfplumber"))
    ap.add_argument("--date", default=None, help="document date YYYY-MM-DD (ministry names resolved on it)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--pstats", default=None, help="also write the raw cProfile stats here (snakeviz, pstats)")
    ap.add_argument("--pyinstrument", action="store_true", help="use pyinstrument if installed")
    ap.add_argument("--timer", choices=("cpu", "wall"), default="cpu", help="profiler clock (default cpu: robust on a busy machine)")
    ap.add_argument("--cold", action="store_true", help="no unprofiled warm-up run (include lazy imports and first-call costs)")
    args = ap.parse_args(argv)
    if not Path(args.pdf).is_file():
        ap.error(f"{args.pdf}: not a file")
    on = date.fromisoformat(args.date) if args.date else None
    if args.pyinstrument:
        text = _pyinstrument(args.pdf, args.engine, on)
        if text is not None:
            print(text)
            return 0
        print("pyinstrument is not installed; using cProfile", file=sys.stderr)
    buf = io.StringIO()
    buf.write(report(args.pdf, args.engine, on, args.top, args.pstats, warm_up=not args.cold, timer=args.timer))
    print(buf.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
