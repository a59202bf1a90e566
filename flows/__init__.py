"""Prefect flows over the ``pipeline`` library (the only place Prefect is imported).

Importing this package applies tiltak's Prefect defaults before Prefect itself is
imported: no telemetry (machines are often offline; with analytics on, an offline
ephemeral server logs errors and "database is locked" tracebacks), and a longer
start-up timeout for the embedded server (measured 10-20 s on a 2-core machine,
against Prefect's 20 s default). Values already set in the environment win.
"""

import os

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_LOG_PRINTS": "true",
}
for _k, _v in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_k, _v)
