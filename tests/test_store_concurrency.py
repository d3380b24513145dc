"""Ingestion and serving at the same time: a writer process while this one reads, and two writers at once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from store_helpers import pg_url, store_url  # noqa: F401  (fixtures)

from sitrep.store import EventFilter, Store

TESTS = Path(__file__).resolve().parent

# Saves N distinct articles (one event each), one transaction each, starting at `first`.
WRITER = """
import sys
from store_helpers import make_result
from sitrep.store import Store
url, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with Store.open(url) as store:
    for i in range(first, first + count):
        outcome = store.save_result(make_result(f"ERBIL, Iraq - Report number {i}: a drone strike hit a vehicle near Erbil."))
        print(outcome.stored, flush=True)
"""


def start_writer(url: str, first: int, count: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-c", WRITER, url, str(first), str(count)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_reading_while_another_process_writes(store_url):
    reader = Store.open(store_url)  # creates the schema before the writer starts
    writer = start_writer(store_url, 0, 60)
    seen: list[int] = []
    while writer.poll() is None:
        seen.append(reader.count_events())
        reader.query_events(EventFilter(limit=20, bbox=(40.0, 30.0, 50.0, 40.0)))
        time.sleep(0.01)
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    assert out.split() == ["True"] * 60
    assert seen == sorted(seen)  # never a half-written article, never a count going back
    assert reader.count_events() == 60 and reader.count_articles() == 60
    reader.close()


def test_two_writers_storing_the_same_articles_store_each_once(store_url):
    Store.open(store_url).close()
    writers = [start_writer(store_url, 0, 40), start_writer(store_url, 20, 40)]  # 20..39 written by both
    outputs = [w.communicate() for w in writers]
    for writer, (_out, err) in zip(writers, outputs):
        assert writer.returncode == 0, err
    stored = sum(out.split().count("True") for out, _ in outputs)
    assert stored == 60
    with Store.open(store_url) as store:
        assert store.count_articles() == 60 and store.count_events() == 60
