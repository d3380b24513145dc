"""`sitrep extract`: stateless extraction, events printed to stdout."""

from __future__ import annotations

import sys
from contextlib import closing
from typing import Annotated

import typer

from sitrep.cli.common import check_user_actor_files, fail, parse_day, report_problem
from sitrep.records import IngestProblem
from sitrep.report.formats import write_events


def extract(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders to read; '-' (or nothing) reads stdin.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that carry none.")] = None,
    jsonl_input: Annotated[bool, typer.Option("--jsonl-input", help='Each input line is {"id", "text", optional "published", "title", "url", "source"}.')] = False,
    fmt: Annotated[str, typer.Option("--format", help="jsonl | acled-csv | geojson | table")] = "jsonl",
    claims: Annotated[bool, typer.Option("--claims", help='Also print quotes and claims as records with "record": "quote"|"claim" (jsonl only).')] = False,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: all cores when there are many articles). Output keeps the input order.")] = None,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="Merge events that several inputs report (same type, overlapping dates, nearby places, compatible actors) "
            "into one event listing every source, with ACLED's lowest fatality figure. Prints after all input is read.",
        ),
    ] = False,
) -> None:
    """Extract events from articles and print them; no database is touched."""
    from sitrep.engines import extract_results
    from sitrep.ingest import read_inputs
    from sitrep.settings import Settings

    if fmt not in ("jsonl", "acled-csv", "geojson", "table"):
        fail(f"--format: unknown format {fmt!r}; choose jsonl, acled-csv, geojson or table")
    if claims and fmt != "jsonl":
        fail("--claims needs --format jsonl")
    if claims and merge:
        fail("--merge cannot be combined with --claims (claims point at the events of their own article); use `sitrep ingest`")
    day = parse_day(published, "--published")
    failed = False

    def articles():
        nonlocal failed
        # The same article read twice (two files, a feed and its archive) is extracted once; records
        # that carry their own distinct ids are kept apart, since callers match events by doc_id.
        seen: set[tuple[str | None, str]] = set()
        for item in read_inputs(paths or ["-"], published=day, jsonl_input=jsonl_input):
            if isinstance(item, IngestProblem):
                failed = True
                report_problem(item)
            elif (item.id, item.hash) not in seen:
                seen.add((item.id, item.hash))
                yield item

    settings = Settings()
    check_user_actor_files(settings)
    results = extract_results(articles(), workers=workers, claims=claims, settings=settings)
    with closing(results):  # an interrupt shuts the process pools down here, in this thread
        if claims:
            from sitrep.report.records_jsonl import write_results_jsonl

            write_results_jsonl(results, sys.stdout)
        else:
            events = (event for result in results for event in result.events)
            if merge:
                from sitrep.resolve.dedup import deduplicate

                events = deduplicate(events)
            write_events(events, fmt, sys.stdout)
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
