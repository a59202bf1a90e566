"""A table set written as one transaction, and the lock readers and writers share.

``commit(out_dir, files)`` writes every file to a staging directory inside ``out_dir``, then a
commit record, then moves the files into place; ``recover`` completes a move that was interrupted
after its commit record (and drops uncommitted staging directories), so readers never see a mix
of two runs. ``locked`` is the directory lock: exclusive for a writer, shared for a reader.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping

from pipeline.errors import OutputLockedError
from pipeline.storage.files import atomic_write_text

COMMIT_RECORD = ".tiltak-datasets-commit.json"
LOCK_FILE = ".tiltak-datasets.lock"
STAGING_PREFIX = ".staging-"


@contextmanager
def locked(out_dir: Path, *, shared: bool = False) -> Iterator[None]:
    """Exclusive lock for a writer (refused at once if held), or a shared lock for a reader (waits for
    a writer to finish; skipped if the directory is read-only)."""
    if shared:
        try:
            fh = open(out_dir / LOCK_FILE, "a")
        except OSError:  # read-only outputs: nobody can be writing them
            yield
            return
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        fh = open(out_dir / LOCK_FILE, "a")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_SH if shared else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputLockedError(
                "another tiltak run is writing the datasets", path=out_dir, hint="wait for it to finish, then run again"
            ) from None
        yield
    finally:
        fh.close()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def recover(out_dir: str | Path) -> bool:
    """Complete a write that was interrupted after its commit record; drop uncommitted staging dirs.

    Call it holding the directory's lock (``write_tables`` and ``read_tables`` do). Returns True if an
    interrupted write was completed.
    """
    out_dir = Path(out_dir)
    done = False
    record = out_dir / COMMIT_RECORD
    if record.exists():
        try:
            info = json.loads(record.read_text(encoding="utf-8"))
        except FileNotFoundError:  # completed meanwhile by another reader
            info = None
        if info is not None:
            staging = out_dir / info["staging"]
            for name in info["files"]:
                (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.replace(staging / name, out_dir / name)
                except FileNotFoundError:  # already moved
                    pass
            _fsync_dir(out_dir)
            record.unlink(missing_ok=True)
            done = True
    for d in out_dir.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(d, ignore_errors=True)
    return done


def commit(out_dir: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` (relative path -> bytes) into ``out_dir`` as one transaction (hold ``locked``)."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    for name, data in files.items():
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        with open(staging / name, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    _fsync_dir(staging)
    atomic_write_text(out_dir / COMMIT_RECORD, json.dumps({"staging": staging.name, "files": sorted(files)}))
    recover(out_dir)
