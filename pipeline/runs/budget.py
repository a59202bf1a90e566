"""Run one document's extraction under a time and memory budget.

A hostile PDF (a decompression bomb, a 5,000-page scan) must not take a whole corpus
run down with it. ``run_with_budget`` runs a function in a forked child process with an
address-space limit (``RLIMIT_AS``: what it inherits from the parent plus the memory
budget) and kills it when the wall-clock budget is spent;
the parent gets the result, the child's exception, or a ``ResourceLimitError`` naming
the file and the budget. Fork keeps the parent's imported modules and loaded NLP
pipeline, so the per-document overhead is a few milliseconds.

Budgets come from ``Budget`` (defaults overridable with the environment variables
``TILTAK_DOC_TIMEOUT_S`` and ``TILTAK_DOC_MEMORY_MB``); a value of 0 disables a limit.
Where ``fork`` is unavailable (non-POSIX) the function runs in-process without limits.
"""

from __future__ import annotations

import faulthandler
import multiprocessing as mp
import os
import pickle
import traceback
from dataclasses import dataclass
from typing import Any, Callable

from pipeline.errors import ResourceLimitError, TiltakError


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Budget:
    timeout_s: float = 300.0  # wall clock per document
    memory_mb: int = 4096  # address space the worker may add to what it inherits from the parent

    @classmethod
    def from_env(cls) -> "Budget":
        return cls(
            timeout_s=_env_float("TILTAK_DOC_TIMEOUT_S", cls.timeout_s),
            memory_mb=int(_env_float("TILTAK_DOC_MEMORY_MB", cls.memory_mb)),
        )

    @classmethod
    def resolve(cls, timeout_s: float | None = None, memory_mb: int | None = None) -> "Budget":
        """The environment's budget, with explicit values (CLI options, flow parameters) taking precedence."""
        env = cls.from_env()
        return cls(
            timeout_s=env.timeout_s if timeout_s is None else timeout_s,
            memory_mb=env.memory_mb if memory_mb is None else memory_mb,
        )

    @property
    def enabled(self) -> bool:
        return self.timeout_s > 0 or self.memory_mb > 0


class _ChildFailure:
    """An exception raised in the child, carried back to the parent."""

    def __init__(self, exc: BaseException):
        self.type_name = type(exc).__name__
        self.message = str(exc)
        self.trace = traceback.format_exc()
        try:
            pickle.dumps(exc)
            self.exc: BaseException | None = exc
        except Exception:
            self.exc = None


def _address_space_bytes() -> int:
    """This process's current virtual address space (0 if unknown, e.g. not Linux)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _child(conn, fn, args, kwargs, memory_mb):
    # A native library that runs out of the address-space budget aborts the worker (SIGABRT): the parent
    # reports that as the document's failure, so the worker must not print a crash dump of its own.
    faulthandler.disable()
    if memory_mb and memory_mb > 0:
        try:
            import resource

            # The budget is what the document may add: a forked worker inherits the parent's
            # mappings (NLP models, thread arenas of a long-running flow), which can by themselves
            # exceed an absolute limit and make every document fail in odd ways.
            limit = _address_space_bytes() + int(memory_mb) * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
    try:
        result = fn(*args, **kwargs)
        payload: Any = ("ok", result)
    except MemoryError as exc:
        payload = ("memory", _ChildFailure(exc))
    except BaseException as exc:  # noqa: BLE001 - carried to the parent
        payload = ("error", _ChildFailure(exc))
    try:
        conn.send(payload)
    except Exception as exc:  # result not picklable or too large for memory budget
        conn.send(("error", _ChildFailure(RuntimeError(f"could not return result: {exc}"))))
    finally:
        conn.close()


def run_with_budget(fn: Callable[..., Any], *args: Any, budget: Budget | None = None, label: str = "document", **kwargs: Any) -> Any:
    """Call ``fn(*args, **kwargs)`` within ``budget``; re-raise its exception in the caller.

    ``label`` (usually the file path) is named in a ``ResourceLimitError``.
    """
    budget = budget or Budget.from_env()
    if not budget.enabled or "fork" not in mp.get_all_start_methods():
        return fn(*args, **kwargs)
    ctx = mp.get_context("fork")
    parent_conn, child_conn = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child_conn, fn, args, kwargs, budget.memory_mb), daemon=True)
    proc.start()
    child_conn.close()
    timeout = budget.timeout_s if budget.timeout_s > 0 else None
    try:
        if not parent_conn.poll(timeout):
            proc.kill()
            proc.join(5)
            raise ResourceLimitError(
                f"stopped after the time budget of {budget.timeout_s:g} s",
                path=label,
                hint="a very large or malformed document; raise TILTAK_DOC_TIMEOUT_S (or --timeout) if it is genuine",
            )
        try:
            status, value = parent_conn.recv()
        except EOFError:
            proc.join(5)
            code = proc.exitcode
            raise ResourceLimitError(
                f"the extraction process died (exit code {code}), most likely over the memory budget of {budget.memory_mb} MB",
                path=label,
                hint="raise TILTAK_DOC_MEMORY_MB (or --memory) if the document is genuine",
            ) from None
    finally:
        parent_conn.close()
        if proc.is_alive():
            proc.join(1)
            if proc.is_alive():
                proc.kill()
                proc.join(1)
    if status == "ok":
        return value
    failure: _ChildFailure = value
    if status == "memory":
        raise ResourceLimitError(
            f"ran out of its memory budget of {budget.memory_mb} MB",
            path=label,
            hint="raise TILTAK_DOC_MEMORY_MB (or --memory) if the document is genuine",
        )
    if failure.exc is not None:
        raise failure.exc
    raise TiltakError(f"{failure.type_name}: {failure.message}", path=label)
