"""Runs over many documents, as the CLI and the Prefect flows make them.

``jobs`` (extraction jobs and comparison pairs from the manifest), ``inputs`` (documents named on
the command line), ``budget`` (time and memory per document, in a forked worker), ``lock`` (one
run per output directory), ``outputs`` (a run's tables, reports and summary written as one
transaction).
"""
