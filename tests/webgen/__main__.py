"""``python -m tests.webgen OUTDIR [--seed N] [--random K] [--pairs P] [--no-pdf]``: write synthetic web documents."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m tests.webgen",
                                 description="Write the standard set of synthetic regjeringen.no web documents to OUTDIR "
                                             "(or, with --random, K random documents).")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--random", type=int, default=0, metavar="K", help="write K random documents instead of the standard set")
    ap.add_argument("--pairs", type=int, default=0, metavar="P", help="with --random: also P random version pairs")
    ap.add_argument("--seed", type=int, default=0, help="seed for --random")
    ap.add_argument("--no-pdf", action="store_true", help="standard set: skip printing the PDF twin with Chromium")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    from .standard import generate_random_set, generate_standard_set

    if not (args.random or args.pairs or args.no_pdf) and not (shutil.which("chromium") or Path(CHROMIUM).exists()):
        print(f"python -m tests.webgen: the PDF twin needs Chromium ({CHROMIUM}); install it (apt-get install chromium) "
              "or pass --no-pdf", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    if args.random or args.pairs:
        m = generate_random_set(args.outdir, args.random, args.seed, args.pairs)
        msg = f"wrote {len(m['documents'])} random documents and {len(m['pairs'])} pairs (manifest_random.json)"
    else:
        m = generate_standard_set(args.outdir, pdf=not args.no_pdf)
        msg = (f"wrote {len(m['documents'])} documents, {len(m['pairs'])} pair, {len(m['pdf'])} PDF twin and "
               f"{len(m['bad'])} bad-input cases (manifest.json)")
    print(f"{msg} to {args.outdir} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
