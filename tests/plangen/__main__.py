"""``python -m tests.plangen OUTDIR``: write the standard set of synthetic plans and version pairs."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m tests.plangen",
                                 description="Write the standard set of synthetic plans (+ version pairs) to OUTDIR.")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--random", type=int, default=0, metavar="N",
                    help="also write N plans with random layout options (manifest_random.json)")
    ap.add_argument("--seed", type=int, default=0, help="seed for --random")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    from . import generate_standard_set
    from .randomset import generate_random_set

    t0 = time.perf_counter()
    pdfs = generate_standard_set(args.outdir)
    msg = f"wrote {len(pdfs)} plans (+ version pairs)"
    if args.random:
        msg += f" and {len(generate_random_set(args.outdir, args.random, args.seed))} random plans"
    print(f"{msg} to {args.outdir} in {time.perf_counter() - t0:.1f} s; see manifest.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
