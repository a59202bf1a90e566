"""Every output file for the golden corpus is byte-identical to the snapshot (see tests/golden)."""

from __future__ import annotations

import json

import pytest

from tests.golden import SNAPSHOT, differences, produce


@pytest.mark.slow
def test_outputs_are_byte_identical_to_the_snapshot(plangen_dir, tmp_path):
    got = produce(plangen_dir, tmp_path)
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    diff = differences(expected, got)
    assert not diff, (
        "outputs differ from tests/golden/outputs.sha256.json; if the change is intended, run "
        "`.venv/bin/python -m tests.golden --update` and commit the snapshot:\n" + "\n".join(diff)
    )
