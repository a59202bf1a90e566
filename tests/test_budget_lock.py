"""Per-document budgets, the output-directory lock and the cache directory."""

from __future__ import annotations

import multiprocessing as mp
import os
import time

import pytest

from pipeline.runs.budget import Budget, run_with_budget
from pipeline.errors import InputFileError, OutputLockedError, ResourceLimitError
from pipeline.runs.lock import output_lock


def _square(x):
    return x * x


def _sleep(seconds):
    time.sleep(seconds)
    return "woke"


def _allocate(mb):
    blob = bytearray(mb * 1024 * 1024)
    return len(blob)


def _raise_input_error(path):
    raise InputFileError("file not found", path=path, hint="check the path")


def test_result_comes_back_from_the_child():
    assert run_with_budget(_square, 12, budget=Budget(timeout_s=30, memory_mb=0)) == 144


def test_time_budget_stops_a_slow_document():
    t0 = time.monotonic()
    with pytest.raises(ResourceLimitError) as info:
        run_with_budget(_sleep, 30, budget=Budget(timeout_s=0.5, memory_mb=0), label="corpus/slow.pdf")
    assert time.monotonic() - t0 < 10
    assert "corpus/slow.pdf" in str(info.value) and "time budget" in str(info.value)


def test_memory_budget_stops_a_bomb():
    with pytest.raises(ResourceLimitError) as info:
        run_with_budget(_allocate, 2048, budget=Budget(timeout_s=30, memory_mb=700), label="bomb.pdf")
    assert "memory budget" in str(info.value) and "bomb.pdf" in str(info.value)


def test_child_exception_is_reraised_with_its_type():
    with pytest.raises(InputFileError) as info:
        run_with_budget(_raise_input_error, "x.pdf", budget=Budget(timeout_s=30, memory_mb=0))
    assert str(info.value).startswith("x.pdf: file not found")


def test_disabled_budget_runs_in_process():
    assert run_with_budget(os.getpid, budget=Budget(timeout_s=0, memory_mb=0)) == os.getpid()


def test_budget_from_env(monkeypatch):
    monkeypatch.setenv("TILTAK_DOC_TIMEOUT_S", "12.5")
    monkeypatch.setenv("TILTAK_DOC_MEMORY_MB", "900")
    assert Budget.from_env() == Budget(timeout_s=12.5, memory_mb=900)


def _hold_lock(path, ready, release):
    with output_lock(path):
        ready.set()
        release.wait(20)


def test_second_run_on_same_output_dir_is_refused(tmp_path):
    ctx = mp.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(tmp_path, ready, release))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(OutputLockedError) as info:
            with output_lock(tmp_path, wait_s=0.3):
                pass
        assert str(tmp_path) in str(info.value) and "pid" in str(info.value)
    finally:
        release.set()
        holder.join(10)
    with output_lock(tmp_path, wait_s=1):  # released once the holder is gone
        pass


def test_lock_is_released_when_holder_is_killed(tmp_path):
    ctx = mp.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(tmp_path, ready, release))
    holder.start()
    assert ready.wait(10)
    holder.kill()
    holder.join(10)
    with output_lock(tmp_path, wait_s=2):
        pass


def test_cache_clear(tmp_path, monkeypatch):
    from pipeline.storage.cache import cache_dir, cache_usage, clear_cache

    monkeypatch.setenv("TILTAK_CACHE_DIR", str(tmp_path / "c"))
    (cache_dir() / "results").mkdir(parents=True)
    (cache_dir() / "results" / "k").write_bytes(b"x" * 10)
    (cache_dir() / "downloads").mkdir()
    (cache_dir() / "downloads" / "f.pdf").write_bytes(b"%PDF-")
    assert cache_usage() == {"downloads": 5, "results": 10}
    removed = clear_cache(keep_downloads=True)
    assert [p.name for p in removed] == ["results"]
    assert (cache_dir() / "downloads" / "f.pdf").exists()
    clear_cache()
    assert cache_usage() == {}


def test_lock_writes_nothing_into_the_directory(tmp_path):
    """The lock is a flock on the directory itself: an existing directory keeps its exact contents,
    and a directory the lock created is gone again if nothing was written into it."""
    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "measures.csv").write_bytes(b"document_id\n")
    with output_lock(existing):
        pass
    assert sorted(p.name for p in existing.iterdir()) == ["measures.csv"]
    new = tmp_path / "new"
    with output_lock(new):
        assert new.is_dir()
    assert not new.exists()
    with output_lock(new):
        (new / "x.csv").write_text("x\n")
    assert (new / "x.csv").exists()
