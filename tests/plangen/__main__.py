"""``python -m tests.plangen OUTDIR``: write the standard set of synthetic plans and version pairs."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: python -m tests.plangen OUTDIR", file=sys.stderr)
        return 2
    from . import generate_standard_set

    t0 = time.perf_counter()
    pdfs = generate_standard_set(Path(argv[0]))
    print(f"wrote {len(pdfs)} plans (+ version pairs) to {argv[0]} in {time.perf_counter() - t0:.1f} s; see manifest.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
