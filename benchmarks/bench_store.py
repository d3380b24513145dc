"""Time the map query (events in a box and a date range) on a store of N synthetic events.

    .venv/bin/python benchmarks/bench_store.py --events 1000000 [--db URL] [--queries 200]

Events are spread over a few conflict regions and eight years; each query asks for a random
box of 1-8 degrees and a random window of 7-365 days, as the dashboard does: the newest 500 events
(with their sources) and the count. Prints p50/p95/max in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sitrep.store import EventFilter, Store
from sitrep.store.engine import create_engine, current_revision, migrate, normalise_url
from sitrep.store.schema import events

REGIONS = [(44.0, 33.0, 6.0), (38.0, 35.0, 4.0), (45.0, 2.0, 5.0), (7.0, 11.0, 6.0), (31.0, 48.5, 5.0), (69.0, 34.0, 5.0)]
START = date(2018, 1, 1)
DAYS = 8 * 365


def fill(store: Store, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    now = datetime.now(timezone.utc)
    batch: list[dict] = []
    with store.engine.begin() as conn:
        for i in range(n):
            lon, lat, spread = rng.choice(REGIONS)
            day = START + timedelta(days=rng.randrange(DAYS))
            batch.append({
                "event_id": f"B{i:09d}", "doc_id": f"a{i // 3}", "event_date": day, "date_start": day, "date_end": day,
                "time_precision": 1, "event_type": rng.choice(["Battles", "Explosions/Remote violence", "Protests"]),
                "sub_event_type": "Armed clash", "actor1": None, "assoc_actor_1": None, "inter1": None, "actor2": None,
                "assoc_actor_2": None, "inter2": None, "country": "X", "iso3": "XXX", "admin1": f"A{rng.randrange(40)}",
                "admin2": None, "location": "L", "latitude": lat + rng.uniform(-spread, spread),
                "longitude": lon + rng.uniform(-spread, spread), "geo_precision": 1, "fatalities": rng.randrange(5),
                "notes": "", "evidence": [], "background": rng.random() < 0.05, "generic": False, "confidence": 0.5,
                "attribution": None, "search_text": "", "created_at": now, "updated_at": now,
            })
            if len(batch) == 20_000:
                conn.execute(events.insert(), batch)
                batch.clear()
        if batch:
            conn.execute(events.insert(), batch)
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE events")  # what autovacuum does soon after a bulk load


def measure(store: Store, queries: int, seed: int = 2) -> dict[str, list[float]]:
    rng = random.Random(seed)
    timings: dict[str, list[float]] = {"page of 500": [], "count": []}
    for _ in range(queries):
        lon, lat, _spread = rng.choice(REGIONS)
        size = rng.uniform(1, 8)
        since = START + timedelta(days=rng.randrange(DAYS))
        f = EventFilter(
            since=since, until=since + timedelta(days=rng.randrange(7, 366)),
            bbox=(lon - size / 2, lat - size / 2, lon + size / 2, lat + size / 2), limit=500,
        )
        t0 = time.perf_counter()
        store.query_events(f)
        t1 = time.perf_counter()
        store.count_events(f)
        t2 = time.perf_counter()
        timings["page of 500"].append((t1 - t0) * 1000)
        timings["count"].append((t2 - t1) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file); filled when it has no events, else reused")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = normalise_url(args.db or f"sqlite:///{Path(tmp) / 'bench.db'}")
        store = Store(create_engine(url), url)
        # Filled at revision 0002, then migrated: the R*Tree (0003) is built in bulk, as on a real upgrade.
        if current_revision(store.engine) is None:
            migrate(store.engine, url, revision="0002")
        if store.count_events(EventFilter(include_background=True, include_generic=True)) == 0:
            t0 = time.perf_counter()
            fill(store, args.events)
            print(f"{store.engine.dialect.name}: {args.events} events stored in {time.perf_counter() - t0:.0f} s")
        t0 = time.perf_counter()
        migrate(store.engine, url)
        print(f"migrated to head in {time.perf_counter() - t0:.0f} s")
        for name, values in measure(store, args.queries).items():
            values.sort()
            p95 = values[int(0.95 * (len(values) - 1))]
            print(f"  {name:12s} p50 {statistics.median(values):7.1f} ms  p95 {p95:7.1f} ms  max {values[-1]:7.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
