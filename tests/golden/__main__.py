"""``python -m tests.golden [--update] [--keep DIR]``: compare (or rewrite) the golden output snapshot."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.golden")
    ap.add_argument("--update", action="store_true", help="rewrite tests/golden/outputs.sha256.json")
    ap.add_argument("--keep", type=Path, help="write the outputs here (default: a temporary directory)")
    args = ap.parse_args()
    from tests.golden import SNAPSHOT, differences, produce
    from tests.plangen.standard import cached_standard_set

    with tempfile.TemporaryDirectory(prefix="tiltak-golden-") as tmp:
        plangen = Path(tmp) / "plangen"
        cached_standard_set(plangen)
        out = args.keep or Path(tmp) / "out"
        got = produce(plangen, out)
    if args.update:
        SNAPSHOT.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {SNAPSHOT} ({len(got)} files)")
        return 0
    diff = differences(json.loads(SNAPSHOT.read_text(encoding="utf-8")), got)
    print("\n".join(diff) if diff else f"all {len(got)} files byte-identical to the snapshot")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
