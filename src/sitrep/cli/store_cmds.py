"""`sitrep ingest`, `events`, `export`, `articles`: the commands that write and read the store."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sitrep.cli.common import check_user_actor_files, fail, parse_day, report_problem, show_progress
from sitrep.records import Article, IngestProblem

if TYPE_CHECKING:
    from sitrep.store import EventFilter, Store
    from sitrep.store.repository import SaveOutcome

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database: a SQLite file path or a postgresql:// URL (default: $SITREP_DB, else ./sitrep.db)."),
]
Since = Annotated[str | None, typer.Option(help="Events on or after this date (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Events on or before this date (YYYY-MM-DD).")]
Country = Annotated[str | None, typer.Option(help="Country name as ACLED spells it, or ISO3 code.")]
Admin1 = Annotated[str | None, typer.Option(help="First-level admin area (exact name).")]
EventType = Annotated[str | None, typer.Option("--type", help='ACLED event type, e.g. "Battles".')]
SubType = Annotated[str | None, typer.Option("--sub-type", help='ACLED sub-event type, e.g. "Armed clash".')]
Actor = Annotated[str | None, typer.Option(help="Actor name contains this (any role, case-insensitive).")]
TextOption = Annotated[str | None, typer.Option("--text", help="Notes, evidence, actors or places contain this (case-insensitive).")]
Bbox = Annotated[str | None, typer.Option(help="Map box MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.")]
Background = Annotated[bool, typer.Option("--include-background", help="Also past events told as context.")]
Generic = Annotated[bool, typer.Option("--include-generic", help="Also habits and patterns that are not countable events.")]
Limit = Annotated[int | None, typer.Option(min=0, help="At most this many (default: all).")]
Offset = Annotated[int, typer.Option(min=0, help="Skip this many first.")]

EXPORT_FORMATS = ("jsonl", "acled-csv", "geojson")


def open_store(db: str | None) -> Store:
    """Open the store named by --db / SITREP_DB, or exit 2 with a one-line reason."""
    from sitrep.settings import db_url_from
    from sitrep.store import Store, StoreError

    try:
        return Store.open(db_url_from(db))
    except StoreError as exc:
        fail(str(exc))


@contextlib.contextmanager
def database_errors(store: Store) -> Iterator[None]:
    """A database failure mid-command (lost server, lock timeout) as one line and exit 2."""
    import sqlalchemy as sa

    try:
        yield
    except sa.exc.SQLAlchemyError as exc:
        message = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        fail(f"{store.display_url}: {message[0] if message else type(exc).__name__}")


def build_filter(
    since: str | None = None, until: str | None = None, country: str | None = None, admin1: str | None = None,
    event_type: str | None = None, sub_event_type: str | None = None, actor: str | None = None,
    text: str | None = None, bbox: str | None = None, include_background: bool = False,
    include_generic: bool = False, limit: int | None = None, offset: int = 0,
) -> EventFilter:
    from sitrep.store import EventFilter

    return EventFilter(
        since=parse_day(since, "--since"), until=parse_day(until, "--until"), country=country, admin1=admin1,
        event_type=event_type, sub_event_type=sub_event_type, actor=actor, text=text, bbox=parse_bbox(bbox),
        include_background=include_background, include_generic=include_generic, limit=limit, offset=offset,
    )


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
    except ValueError:
        fail(f"--bbox: {value!r} is not MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
    if not (-90 <= min_lat <= max_lat <= 90 and -180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        fail(f"--bbox: {value!r} is outside the map (longitudes -180..180, latitudes -90..90, min <= max)")
    return (min_lon, min_lat, max_lon, max_lat)


@dataclass
class IngestCounts:
    read: int = 0
    new: int = 0
    already_stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    merged: int = 0  # of `events`: reports of an event already stored (another source)

    def add(self, outcome: SaveOutcome) -> None:
        """Count one article's save; a failure is reported on stderr at once."""
        if outcome.error:
            self.failed += 1
            typer.echo(f"sitrep: error: {outcome.error}", err=True)
        elif outcome.stored:
            self.new += 1
            self.events += outcome.events + outcome.merged
            self.merged += outcome.merged
        else:  # stored meanwhile by a concurrent ingest
            self.already_stored += 1

    def summary(self) -> str:
        line = (
            f"sitrep: {self.read} read, {self.new} new, {self.already_stored} already stored, "
            f"{self.skipped} skipped; {self.events} events stored"
        )
        if self.merged:
            line += f" ({self.merged} as another source of a stored event)"
        return line + (f"; {self.failed} failed to store" if self.failed else "")


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read; '-' reads stdin.")],
    db: DbOption = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that carry none.")] = None,
    jsonl_input: Annotated[bool, typer.Option("--jsonl-input", help='Each input line is {"id", "text", optional "published", "title", "url", "source"}.')] = False,
    engine: Annotated[str, typer.Option(help="local: a process pool on this machine | dask: a Dask cluster.")] = "local",
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: all cores for local, 2 for a Dask LocalCluster).")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: start a LocalCluster).")] = None,
) -> None:
    """Extract events, quotes and claims from articles and store them; articles already stored are skipped before any NLP work.

    Interrupted runs (Ctrl-C, a crash, kill -9) are resumed by running the same command again:
    each article is stored in its own transaction and stored articles are skipped."""
    from sitrep.ingest import read_inputs

    day = parse_day(published, "--published")
    if engine not in ("local", "dask"):
        fail(f"--engine: unknown engine {engine!r}; choose local or dask")
    if scheduler and engine != "dask":
        fail("--scheduler needs --engine dask")
    check_user_actor_files()
    store = open_store(db)
    counts = IngestCounts()
    seen: set[str] = set()

    def new_articles() -> Iterator[Article]:
        for item in read_inputs(paths, published=day, jsonl_input=jsonl_input):
            if isinstance(item, IngestProblem):
                counts.skipped += 1
                report_problem(item)
                continue
            counts.read += 1
            if item.hash in seen or store.has_article(item.hash):
                counts.already_stored += 1
                continue
            seen.add(item.hash)
            yield item

    try:
        from sitrep.engines import extract_results

        results = extract_results(new_articles(), engine=engine, workers=workers, scheduler=scheduler)
        # closing: on Ctrl-C the extraction (its process pools) is shut down here, in this thread, not
        # whenever and wherever the garbage collector would finalise the suspended generator.
        with database_errors(store), _progress(paths) as advance, contextlib.closing(results):
            for outcome in store.save_results(_resolve(results, store)):
                counts.add(outcome)
                advance()
    except KeyboardInterrupt:
        # Each article is its own transaction: what was saved stays, the article in flight is rolled back.
        typer.echo(counts.summary() + " (interrupted)", err=True)
        raise typer.Exit(130) from None
    finally:
        store.close()
    typer.echo(counts.summary(), err=True)
    if counts.skipped or counts.failed:
        raise typer.Exit(1)


def _resolve(results: Iterator, store: Store) -> Iterator:
    """Near-duplicate stories and cross-source deduplication against the store, one article at a
    time so that each sees the articles saved before it."""
    return store_resolver(store).resolve_all(results)


def store_resolver(store: Store):
    """A Resolver over the stories and events already in the store (ingest and watch)."""
    from sitrep.resolve.resolver import Resolver
    from sitrep.store.merge import StoreCandidates, load_story_index

    return Resolver(StoreCandidates(store), load_story_index(store))


@contextlib.contextmanager
def _progress(paths: list[str]) -> Iterator:
    """A progress bar with articles/s (and an ETA when the inputs can be counted) on a terminal only."""
    if not show_progress():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from sitrep.cli.ingest_progress import RateColumn, count_inputs

    total = count_inputs(paths)
    with Progress(
        SpinnerColumn(), TextColumn("ingesting"), BarColumn(), TextColumn("{task.completed}/{task.total}" if total else "{task.completed}"),
        RateColumn(), TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=total)
        yield lambda: progress.advance(task)


def events(
    db: DbOption = None, since: Since = None, until: Until = None, country: Country = None, admin1: Admin1 = None,
    event_type: EventType = None, sub_event_type: SubType = None, actor: Actor = None, text: TextOption = None,
    bbox: Bbox = None, include_background: Background = False, include_generic: Generic = False,
    limit: Limit = None, offset: Offset = 0,
    fmt: Annotated[str, typer.Option("--format", help="table | jsonl | acled-csv | geojson")] = "table",
    explain: Annotated[str | None, typer.Option("--explain", metavar="ID", help="Show one event: every source's account and why the sources were merged.")] = None,
) -> None:
    """Print stored events matching the filters, newest first."""
    from sitrep.report.formats import FORMATS, write_events

    if explain is not None:
        _explain(db, explain)
        return
    if fmt not in FORMATS:
        fail(f"--format: unknown format {fmt!r}; choose table, jsonl, acled-csv or geojson")
    event_filter = build_filter(since, until, country, admin1, event_type, sub_event_type, actor, text, bbox,
                                include_background, include_generic, limit, offset)
    store = open_store(db)
    try:
        with database_errors(store):
            write_events(store.iter_events(event_filter), fmt, sys.stdout)
    finally:
        store.close()


def _explain(db: str | None, event_id: str) -> None:
    from sitrep.report.explain import write_explanation
    from sitrep.store.merge import merges_of

    store = open_store(db)
    try:
        with database_errors(store):
            event = store.get_event(event_id)
            if event is None:
                fail(f"--explain: no event {event_id!r} in {store.display_url}")

            def article_of(article_id: str):
                result = store.get_article(article_id)
                return result.article if result else None

            write_explanation(event, merges_of(store, event_id), article_of, sys.stdout)
    finally:
        store.close()


def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl | acled-csv | geojson")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (replaced atomically when complete).")],
    db: DbOption = None, since: Since = None, until: Until = None, country: Country = None, admin1: Admin1 = None,
    event_type: EventType = None, sub_event_type: SubType = None, actor: Actor = None, text: TextOption = None,
    bbox: Bbox = None, include_background: Background = False, include_generic: Generic = False,
) -> None:
    """Write the stored events (all, or those matching the filters) to a file; never leaves a half-written file."""
    from sitrep.report.formats import write_events

    if fmt not in EXPORT_FORMATS:
        fail(f"--format: unknown format {fmt!r}; choose jsonl, acled-csv or geojson")
    event_filter = build_filter(since, until, country, admin1, event_type, sub_event_type, actor, text, bbox,
                                include_background, include_generic)
    folder = output.expanduser().resolve().parent
    if not folder.is_dir():
        fail(f"--output: {output}: folder {folder} does not exist")
    if output.is_dir():
        fail(f"--output: {output} is a folder")
    store = open_store(db)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        store.close()
        fail(f"--output: {output}: cannot write: {exc.strerror}")
    try:
        with database_errors(store), os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            count = write_events(store.iter_events(event_filter), fmt, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, output)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    finally:
        store.close()
    typer.echo(f"sitrep: wrote {count} events to {output}", err=True)


def articles(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table | jsonl")] = "table",
    limit: Limit = None,
    offset: Offset = 0,
) -> None:
    """List the stored articles, most recently ingested first, with how many events each is a source of."""
    if fmt not in ("table", "jsonl"):
        fail(f"--format: unknown format {fmt!r}; choose table or jsonl")
    store = open_store(db)
    try:
        with database_errors(store):
            found = store.list_articles(limit=limit, offset=offset)
    finally:
        store.close()
    if fmt == "jsonl":
        for summary in found:
            typer.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for column in ("id", "published", "title", "outlet", "source", "events", "ingested"):
        table.add_column(column)
    for s in found:
        table.add_row(
            s.id, str(s.published or ""), s.title or "", s.outlet or "", s.url or s.source_path or "",
            str(s.events), s.ingested_at.strftime("%Y-%m-%d %H:%M"),
        )
    Console(file=sys.stdout, width=200 if not sys.stdout.isatty() else None).print(table)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("events")(events)
    app.command("export")(export)
    app.command("articles")(articles)
