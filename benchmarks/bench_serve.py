"""Benchmark the HTTP API and the dashboard over a store of N synthetic events (default 1,000,000).

    .venv/bin/python benchmarks/bench_serve.py [--events 1000000] [--db PATH] [--pg URL] [--requests 200] [--no-browser]

Fills a SQLite store (and a PostgreSQL one with --pg URL or SITREP_TEST_PG_URL) with bulk inserts
straight into the store's tables, starts the real `sitrep serve` in a subprocess on 127.0.0.1, and
times requests from one keep-alive client:

- events: GET /api/events with a random box of 1-6 degrees and a random window of 7-90 days
  (JSON page of 100 with total, and the dashboard's GeoJSON of up to 5000);
- aggregates: GET /api/aggregates per week for the same filters, and per month by admin1 over a
  country and a year;
- first render: the dashboard opened in headless Chromium until map, timeline and table are drawn.

Targets: events p95 < 100 ms, aggregates p95 < 300 ms, first render < 2 s. Not a test: run it by hand.
A store that already holds N events (same --db) is reused.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixtures.serve.live_server import free_port  # noqa: E402

from sitrep.store.repository import Store  # noqa: E402

# (country, iso3, centre lon, centre lat, spread in degrees, admin1 names)
COUNTRIES = [
    ("Iraq", "IRQ", 43.7, 33.2, 3.5, ["Baghdad", "Al Anbar", "Ninewa", "Kirkuk", "Diyala", "Salah al-Din", "Al Basrah"]),
    ("Syria", "SYR", 38.5, 35.0, 2.5, ["Aleppo", "Idleb", "Deir ez Zor", "Ar Raqqa", "Homs", "Damascus"]),
    ("Yemen", "YEM", 45.5, 15.0, 3.0, ["Sanaa", "Taizz", "Al Hudaydah", "Marib", "Aden"]),
    ("Somalia", "SOM", 45.3, 4.0, 4.0, ["Banadir", "Lower Shabelle", "Bay", "Hiraan", "Gedo"]),
    ("Nigeria", "NGA", 8.0, 10.0, 4.0, ["Borno", "Kaduna", "Zamfara", "Lagos", "Benue", "Plateau"]),
    ("Ukraine", "UKR", 34.0, 48.5, 4.0, ["Donetsk", "Kharkiv", "Zaporizhia", "Kherson", "Kyiv City"]),
    ("Afghanistan", "AFG", 67.0, 34.0, 3.5, ["Kabul", "Helmand", "Kandahar", "Nangarhar", "Kunduz"]),
]
TYPES = [
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"), ("Strategic developments", "Arrests"),
]
ACTORS = [f"Synthetic Armed Group {i}" for i in range(40)]
START = date(2017, 1, 1)
DAYS = 8 * 365
EVENT_COLUMNS = (
    "event_id", "doc_id", "event_date", "date_start", "date_end", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "inter1", "inter2", "country", "iso3", "admin1", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "notes", "evidence", "background", "generic", "confidence", "search_text",
    "created_at", "updated_at",
)


def synthetic_events(n: int, seed: int = 1) -> Iterator[tuple[tuple, tuple[int, ...]]]:
    """(events row, actor ids) for n events spread over seven countries and eight years."""
    rng = random.Random(seed)
    now = datetime.now(timezone.utc).isoformat(sep=" ")
    for i in range(n):
        country, iso3, lon, lat, spread, admins = rng.choice(COUNTRIES)
        event_type, sub_type = rng.choice(TYPES)
        day = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
        a1, a2 = rng.randrange(len(ACTORS)), rng.randrange(len(ACTORS))
        admin1 = rng.choice(admins)
        notes = f"{event_type} in {admin1} involving {ACTORS[a1]}"
        row = (
            f"S{i:09d}", f"synthetic-{i // 3}", day, day, day, 1, event_type, sub_type, ACTORS[a1], ACTORS[a2], 2, 3,
            country, iso3, admin1, f"Place {i % 5000}", round(lat + rng.uniform(-spread, spread), 4),
            round(lon + rng.uniform(-spread, spread), 4), 1, rng.choice((0, 0, 0, 1, 2, 5, 12)), notes, "[]",
            rng.random() < 0.03, False, 0.8, notes.lower(), now, now,
        )
        yield row, (a1 + 1, a2 + 1) if a1 != a2 else (a1 + 1,)


def count_events(store: Store) -> int:
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT count(*) FROM events")).scalar_one())


def fill_sqlite(path: Path, n: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    conn.executemany("INSERT INTO actors (id, name, name_lower, inter) VALUES (?, ?, ?, 2)",
                     [(i + 1, name, name.lower()) for i, name in enumerate(ACTORS)])
    placeholders = ", ".join("?" for _ in EVENT_COLUMNS)
    batch: list[tuple] = []
    links: list[tuple] = []
    for row, actor_ids in synthetic_events(n):
        batch.append(row)
        links.extend((row[0], actor, role) for actor, role in zip(actor_ids, ("actor1", "actor2")))
        if len(batch) == 50_000:
            _flush_sqlite(conn, placeholders, batch, links)
    _flush_sqlite(conn, placeholders, batch, links)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()


def _flush_sqlite(conn: sqlite3.Connection, placeholders: str, batch: list[tuple], links: list[tuple]) -> None:
    conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({placeholders})", batch)
    conn.executemany("INSERT INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)", links)
    conn.commit()
    batch.clear()
    links.clear()


def fill_postgres(url: str, n: int) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO actors (id, name, name_lower, inter) VALUES (%s, %s, %s, 2)",
                            [(i + 1, name, name.lower()) for i, name in enumerate(ACTORS)])
            with cur.copy(f"COPY events ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as events_copy:
                links: list[tuple] = []
                for row, actor_ids in synthetic_events(n):
                    events_copy.write_row(row)
                    links.extend((row[0], actor, role) for actor, role in zip(actor_ids, ("actor1", "actor2")))
            with cur.copy("COPY event_actors (event_id, actor_id, role) FROM STDIN") as links_copy:
                for link in links:
                    links_copy.write_row(link)
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE events")
        conn.execute("ANALYZE event_actors")


def prepare(url: str, n: int) -> None:
    store = Store.open(url)  # creates and migrates the schema
    have = count_events(store)
    store.close()
    if have == n:
        print(f"reusing {have:,} events in {url}", file=sys.stderr)
        return
    if have:
        raise SystemExit(f"{url} holds {have:,} events, not {n:,}: give another --db")
    started = time.perf_counter()
    if url.startswith("sqlite:///"):
        fill_sqlite(Path(url.removeprefix("sqlite:///")), n)
    else:
        fill_postgres(url, n)
    print(f"stored {n:,} synthetic events in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def random_filter(rng: random.Random) -> dict[str, str]:
    _, _, lon, lat, spread, _ = rng.choice(COUNTRIES)
    size = rng.uniform(1, 6)
    west, south = lon + rng.uniform(-spread, spread) - size / 2, lat + rng.uniform(-spread, spread) - size / 2
    since = START + timedelta(days=rng.randrange(DAYS - 90))
    until = since + timedelta(days=rng.randrange(7, 91))
    return {"bbox": f"{west:.3f},{south:.3f},{west + size:.3f},{south + size:.3f}", "since": since.isoformat(), "until": until.isoformat()}


def _year(year: int) -> dict[str, str]:
    return {"since": f"{year}-01-01", "until": f"{year}-12-31"}


def timed(client: httpx.Client, requests: int, make_params: Callable[[random.Random], dict], path: str, seed: int) -> list[float]:
    rng = random.Random(seed)
    client.get(path, params=make_params(rng))  # warm the connection
    times = []
    for _ in range(requests):
        params = make_params(rng)
        started = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return times


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return f"p50 {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms   max {ordered[-1]:6.1f} ms"


def first_render(base: str, runs: int = 5) -> list[float]:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            times.append(page.evaluate("() => window.__sitrepFirstRender"))  # ms since navigation start
            page.close()
        browser.close()
    return times


def bench(url: str, label: str, requests: int, browser: bool) -> None:
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("sitrep")), "serve", "--db", url, "--port", str(port), "--log-level", "warning"],
        env={k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(600):
                try:
                    client.get("/api/config")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            print(f"\n## {label}")
            cases = [
                ("events json, box + 7-90 days, limit 100", "/api/events", random_filter),
                ("events geojson, box + 7-90 days, limit 5000", "/api/events", lambda r: {**random_filter(r), "format": "geojson", "limit": 5000}),
                ("aggregates per week, box + 7-90 days", "/api/aggregates", lambda r: {**random_filter(r), "period": "week"}),
                ("aggregates per month by admin1, country + 1 year", "/api/aggregates",
                 lambda r: {"country": r.choice(COUNTRIES)[0], **_year(r.randrange(2017, 2025)), "period": "month", "by": "admin1"}),
                ("aggregates per week, whole store", "/api/aggregates", lambda r: {"period": "week"}),
            ]
            for name, path, params in cases:
                count = requests if "whole store" not in name else max(5, requests // 20)
                print(f"{name:52s} {summary(timed(client, count, params, path, seed=7))}   (n={count})")
        if browser:
            renders = first_render(base)
            print(f"{'dashboard first render (Chromium, 5 loads)':52s} median {statistics.median(renders):6.0f} ms   max {max(renders):6.0f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="SQLite file to fill (or reuse); default: a temp file")
    parser.add_argument("--pg", default=os.environ.get("SITREP_TEST_PG_URL"), help="Also benchmark this (empty) PostgreSQL database")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    print(f"# bench_serve: {args.events:,} events; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        url = f"sqlite:///{path.resolve()}"
        prepare(url, args.events)
        bench(url, f"SQLite ({path})", args.requests, not args.no_browser)
        if args.pg:
            prepare(args.pg, args.events)
            bench(args.pg, "PostgreSQL", args.requests, not args.no_browser)


if __name__ == "__main__":
    main()
