"""An exclusive lock on an output directory, so two runs never interleave their files.

``with output_lock(out_dir, wait_s=0):`` takes an advisory ``flock`` on the directory itself (no lock
file is written into it, so a command that ends up writing nothing leaves the directory exactly as it
was; a directory the lock had to create is removed again if it is still empty). A second run either
waits up to ``wait_s`` seconds or fails at once with ``OutputLockedError`` naming the holder's process
id (from ``/proc/locks`` where the system has it). The OS releases the lock when the holder exits, even
when it is killed, so a crashed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from pipeline.errors import OutputLockedError


def _holder(fd: int) -> str:
    """"pid N" of the process holding a flock on ``fd``'s inode, from /proc/locks (Linux); else a generic name."""
    st = os.fstat(fd)
    ident = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii") as fh:
            for line in fh:
                fields = line.split()
                # "1: FLOCK  ADVISORY  WRITE 12345 08:01:1234567 0 EOF"
                if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == ident and fields[4].isdigit():
                    return f"pid {fields[4]}"
    except OSError:
        pass
    return "another process"


def lock_holder(out_dir: str | Path) -> str | None:
    """"pid N" of the run holding ``out_dir`` (None if nobody does, or the system cannot say)."""
    try:
        fd = os.open(out_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    try:
        holder = _holder(fd)
    finally:
        os.close(fd)
    return holder if holder.startswith("pid ") else None


@contextmanager
def output_lock(out_dir: str | Path, *, wait_s: float = 0.0, poll_s: float = 0.2) -> Iterator[Path]:
    out = Path(out_dir)
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    deadline = time.monotonic() + max(wait_s, 0.0)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputLockedError(
                        f"another tiltak run is writing here ({_holder(fd)})",
                        path=out,
                        hint="wait for it to finish, pass --wait SECONDS, or choose another --out",
                    ) from None
                time.sleep(poll_s)
        yield out
    finally:
        try:
            if created:
                try:
                    out.rmdir()  # only if still empty: nothing was written
                except OSError:
                    pass
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
