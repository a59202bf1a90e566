"""Prefect's own log lines go to a file when tiltak runs a flow from the command line.

The terminal shows tiltak's progress and summary; what Prefect says (the temporary server starting and
stopping, task states, a failed task's traceback) goes to ``<cache>/logs/prefect.log`` (by default
``.tiltak-cache/logs/prefect.log``; kept to about 5 MB, the previous file as ``prefect.log.1``).

Before Prefect is imported, this writes a logging configuration (Prefect's own ``logging.yml`` with its
terminal handlers replaced by the file) and points ``PREFECT_LOGGING_CONFIG_PATH`` at it, so the
temporary API server that Prefect starts in a subprocess logs to the same file. When Prefect is already
imported (Python sessions, tests), the terminal handlers of the running process are swapped for the file.
A user's own ``PREFECT_LOGGING_CONFIG_PATH`` is respected.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from pathlib import Path

from pipeline.storage.cache import cache_dir
from pipeline.storage.files import atomic_write_text

LOG_NAME = "prefect.log"
MAX_BYTES = 5 * 1024 * 1024
_ENV = "PREFECT_LOGGING_CONFIG_PATH"
_MARK = "_tiltak_log_file"


def prefect_log_path() -> Path:
    return cache_dir() / "logs" / LOG_NAME


def _rotate(path: Path) -> None:
    try:
        if path.stat().st_size > MAX_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
    except OSError:
        pass


def _file_handler_config(path: Path, formatter: str) -> dict:
    return {"level": 0, "class": "logging.FileHandler", "formatter": formatter, "filename": str(path),
            "encoding": "utf-8", "delay": True}


def _write_config(path: Path) -> Path | None:
    """Prefect's default logging configuration with the terminal handlers writing to ``path``."""
    import yaml  # a Prefect dependency

    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        return None
    default = Path(list(spec.submodule_search_locations)[0]) / "logging" / "logging.yml"
    try:
        config = yaml.safe_load(default.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    handlers = config.get("handlers", {})
    for name, formatter in (("console", "standard"), ("debug", "debug")):
        if name in handlers:
            handlers[name] = _file_handler_config(path, formatter)
    target = path.with_name("logging.yml")
    atomic_write_text(target, yaml.safe_dump(config, sort_keys=False))
    return target


def _swap_running_handlers(path: Path) -> None:
    """In a process where Prefect already configured logging: its stream handlers -> one file handler."""
    file_handler: logging.Handler | None = None
    loggers = [logging.getLogger()] + [
        lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    for lg in loggers:
        for h in list(lg.handlers):
            kind = type(h).__name__
            if kind in ("PrefectConsoleHandler", "_SafeStreamHandler") or getattr(h, _MARK, False):
                if file_handler is None:
                    file_handler = logging.FileHandler(path, encoding="utf-8", delay=True)
                    file_handler.setFormatter(h.formatter)
                    setattr(file_handler, _MARK, True)
                lg.removeHandler(h)
                lg.addHandler(file_handler)


def send_prefect_logs_to_file() -> Path | None:
    """Route Prefect's log lines to the log file (see the module docstring); returns its path, or None
    when the user's own ``PREFECT_LOGGING_CONFIG_PATH`` decides where they go."""
    path = prefect_log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    _rotate(path)
    if "prefect" not in sys.modules:
        if os.environ.get(_ENV):
            return None
        config = _write_config(path)
        if config is None:
            return None
        os.environ[_ENV] = str(config)
    else:
        _swap_running_handlers(path)
    return path
