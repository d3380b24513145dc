"""`sitrep watch`: poll live RSS/Atom feeds and store the events of new items, until stopped."""

from __future__ import annotations

import re
import signal
import threading
from typing import Annotated

import typer

from sitrep.cli.common import check_user_actor_files, fail, report_problem
from sitrep.cli.store_cmds import DbOption, IngestCounts, database_errors, open_store, store_resolver
from sitrep.records import Article, FeedState, IngestProblem

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, None: 1}


def parse_interval(value: str) -> float:
    """'90', '30s', '15m', '1h' -> seconds."""
    match = _DURATION.match(value)
    if not match or float(match.group(1)) <= 0:
        fail(f"--every: {value!r} is not a duration such as 30s, 15m or 1h")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def watch(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs (http or https) to poll.")],
    db: DbOption = None,
    every: Annotated[str, typer.Option(help="Time between polls of each feed: 30s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once and exit (for cron); exit 1 if a feed failed.")] = False,
    cycles: Annotated[int | None, typer.Option(min=1, help="Stop after this many polls of every feed (default: until stopped).")] = None,
    fetch_pages: Annotated[
        bool, typer.Option("--fetch-pages", help="Fetch the page of each new item whose feed text is only a teaser (pages already stored are not fetched).")
    ] = False,
    timeout: Annotated[float, typer.Option(min=1, help="Seconds to wait for a feed or page.")] = 20.0,
) -> None:
    """Poll RSS/Atom feeds and store the events of their new items; Ctrl-C or SIGTERM stops between articles.

    Each poll sends the feed's last ETag / Last-Modified (kept in the database), so an unchanged feed
    costs one short answer. New items go through the same extraction, merging and store as
    `sitrep ingest`; items already stored are skipped. A feed that fails is reported and polled
    again next time."""
    from sitrep.ingest.live import http_client, poll_feed
    from sitrep.ingest.reader import MARKUP_FACTOR
    from sitrep.settings import Settings

    for url in feeds:
        if not re.match(r"^https?://[^\s/]+", url):
            fail(f"{url}: not an http(s) feed URL (use `sitrep ingest FILE` for a feed saved on disk)")
    interval = parse_interval(every)
    rounds = 1 if once else cycles
    settings = Settings()
    check_user_actor_files(settings)
    store = open_store(db)
    stop = _stop_on_signals()
    pipeline = _Pipeline(store, settings)
    failed_feeds = 0
    done = 0
    try:
        with database_errors(store), http_client(timeout) as client:
            while not stop.is_set():
                failed_feeds = 0
                for url in feeds:
                    if stop.is_set():
                        break
                    poll = poll_feed(
                        client, store.feed_state(url) or FeedState(url),
                        max_bytes=settings.max_article_chars * MARKUP_FACTOR, max_chars=settings.max_article_chars,
                        fetch_pages=fetch_pages, known_url=store.has_article_url,
                    )
                    counts = pipeline.store_items(poll.items, stop)
                    counts.read += poll.known
                    counts.already_stored += poll.known
                    if not stop.is_set():  # an interrupted feed is polled afresh next time
                        store.save_feed_state(poll.state)
                    failed_feeds += poll.state.error is not None
                    typer.echo(_feed_line(url, poll.state, counts, poll.not_modified), err=True)
                done += 1
                if rounds is not None and done >= rounds:
                    break
                stop.wait(interval)
    finally:
        store.close()
    if once and failed_feeds:
        raise typer.Exit(1)


class _Pipeline:
    """Extraction, cross-source resolution and storage, loaded once for the whole watch."""

    def __init__(self, store, settings) -> None:
        self.store, self.settings = store, settings
        self._extractor = None
        self._resolver = None

    def store_items(self, items: list[Article | IngestProblem], stop: threading.Event) -> IngestCounts:
        counts = IngestCounts()
        new: list[Article] = []
        new_hashes: set[str] = set()
        for item in items:
            if isinstance(item, IngestProblem):
                counts.skipped += 1
                report_problem(item)
                continue
            counts.read += 1
            if item.hash in new_hashes or self.store.has_article(item.hash):
                counts.already_stored += 1
            else:
                new_hashes.add(item.hash)
                new.append(item)
        if not new:
            return counts
        results = self._resolve(self._extract(new, stop))
        for outcome in self.store.save_results(results):
            counts.add(outcome)
        return counts

    def _extract(self, articles: list[Article], stop: threading.Event):
        if self._extractor is None:
            from sitrep.pipeline import Extractor

            self._extractor = Extractor(self.settings)
        for result in self._extractor.extract(articles, claims=True):
            yield result
            if stop.is_set():  # what was stored stays; the rest comes again with the next poll
                return

    def _resolve(self, results):
        if self._resolver is None:
            self._resolver = store_resolver(self.store)
        return self._resolver.resolve_all(results)


def _feed_line(url: str, state: FeedState, counts: IngestCounts, not_modified: bool) -> str:
    if state.error:
        return f"sitrep: {url}: failed: {state.error}"
    if not_modified:
        return f"sitrep: {url}: not modified since the last poll"
    return f"sitrep: {url}: " + counts.summary().removeprefix("sitrep: ")


def _stop_on_signals() -> threading.Event:
    """Ctrl-C and SIGTERM (systemd, docker stop) set the event; the loop stops between articles."""
    stop = threading.Event()

    def request_stop(signum, frame) -> None:
        if stop.is_set():  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        typer.echo("sitrep: stopping after the article in hand (Ctrl-C again to stop now)", err=True)
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    return stop


def feeds(db: DbOption = None) -> None:
    """List the feeds `sitrep watch` has polled: when, the HTTP status, and the last error."""
    store = open_store(db)
    try:
        with database_errors(store):
            states = store.feed_states()
    finally:
        store.close()
    for state in states:
        when = state.polled_at.strftime("%Y-%m-%d %H:%M:%SZ") if state.polled_at else "never"
        outcome = f"failed: {state.error}" if state.error else f"HTTP {state.status}"
        typer.echo(f"{state.url}\t{when}\t{outcome}")


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
    app.command("feeds")(feeds)
