"""The `sitrep` command line: thin commands that parse arguments, call the library and print.

Each command group lives in its own module with a `register(app)` function; this file only
assembles them. The CLI is a stable contract: keep option names and output fields backward compatible.
"""

from __future__ import annotations

import typer

from sitrep.cli import actors_cmd, claims_cmd, evaluate_cmd, extract_cmd, geo_cmds, report_cmd, serve_cmd, store_cmds, watch_cmd

app = typer.Typer(
    help="Sitrep: conflict event data from news. ingest -> extract -> geocode -> deduplicate -> store -> serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (extract_cmd, store_cmds, watch_cmd, geo_cmds, evaluate_cmd, claims_cmd, serve_cmd, actors_cmd, report_cmd):
    module.register(app)


def main() -> None:
    app()
