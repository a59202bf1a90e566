"""The ``tiltak`` command line, library part (no Prefect here).

``commands`` holds the Typer app and the library commands (extract, diff, entities, fetch, cache);
``options`` every option more than one command takes, defined once; ``console`` printing, exit codes
and the one-line error. ``flows/cli.py`` adds the Prefect-backed commands (run, watch, flow ...) to the
same app and is the console-script entry point, so the dependency direction stays flows -> pipeline.
"""
