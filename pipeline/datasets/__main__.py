"""Maintenance commands for the published schema.

``python -m pipeline.datasets readme [PATH]``    write (or print) outputs/README.md from the schema
``python -m pipeline.datasets snapshot [PATH]``  write (or print) the schema snapshot (tests/data/schema_snapshot.json)
"""

from __future__ import annotations

import sys

from pipeline.datasets.docs import render_readme
from pipeline.datasets.schema import snapshot_json
from pipeline.storage.files import atomic_write_text


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    renderers = {"readme": render_readme, "snapshot": snapshot_json}
    if not argv or argv[0] not in renderers or len(argv) > 2:
        sys.stderr.write(__doc__ or "")
        return 2
    text = renderers[argv[0]]()
    if len(argv) == 2:
        atomic_write_text(argv[1], text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
