"""An exclusive lock on an output directory, so two runs never interleave their files.

``with output_lock(out_dir, wait_s=0):`` takes an advisory ``flock`` on
``<out_dir>/.tiltak.lock``. A second run either waits up to ``wait_s`` seconds or
fails at once with ``OutputLockedError`` naming the holder (pid, start time). The OS
releases the lock when the holder exits, even when it is killed, so a crashed run
never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from pipeline.errors import OutputLockedError

LOCK_NAME = ".tiltak.lock"


@contextmanager
def output_lock(out_dir: str | Path, *, wait_s: float = 0.0, poll_s: float = 0.2) -> Iterator[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lock_path = out / LOCK_NAME
    fh = open(lock_path, "a+", encoding="utf-8")
    deadline = time.monotonic() + max(wait_s, 0.0)
    try:
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    raise OutputLockedError(
                        f"another tiltak run is writing here ({holder})",
                        path=out,
                        hint="wait for it to finish, pass --wait SECONDS, or choose another --out",
                    ) from None
                time.sleep(poll_s)
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"pid": os.getpid(), "since": datetime.now(timezone.utc).isoformat(timespec="seconds")}))
        fh.flush()
        yield out
    finally:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        finally:
            fh.close()
