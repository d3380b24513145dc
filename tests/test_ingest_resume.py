"""Interrupt `sitrep ingest` with a real kill -9 and re-run it: nothing lost, nothing stored twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOWNS = ["Kirkuk", "Mosul", "Tikrit", "Samarra", "Baqubah", "Ramadi", "Fallujah", "Hit", "Haditha", "Tuz Khurmatu"]
VICTIMS = ["farmers", "shepherds", "traders", "students", "workers", "villagers"]


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        town, victims = TOWNS[i % len(TOWNS)], VICTIMS[i % len(VICTIMS)]
        body = (
            f"{town.upper()}, Iraq — Gunmen attacked a group of {victims} outside {town} on Monday, killing {i % 5 + 1} "
            f"of them, police said. It was report number {i} in a series on rural security. "
            + "Local officials said patrols would be increased along the main road, and residents described "
            "a tense night in the surrounding villages as security forces searched nearby farms. " * 6
        )
        (folder / f"report-{i:03d}.txt").write_text(body, encoding="utf-8")


def stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def ingest_command(folder: Path, total: int, *options: str) -> tuple[list[str], Path]:
    """`sitrep ingest` over a corpus of `total` reports written under `folder`, and its database."""
    corpus, db = folder / "corpus", folder / "ingest.db"
    write_corpus(corpus, total)
    exe = str(Path(sys.executable).with_name("sitrep"))
    return [exe, "ingest", str(corpus), "--db", str(db), "--published", "2019-07-21", *options], db


def start_and_wait_for_stored(args: list[str], db: Path, count: int) -> subprocess.Popen:
    """Start the command in a process group of its own and return once it has stored `count` articles."""
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 300
    while stored_articles(db) < count and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return process


@pytest.mark.slow
def test_kill_minus_nine_then_rerun_continues_without_loss_or_duplicates(tmp_path):
    total = 120
    args, db = ingest_command(tmp_path, total)

    process = start_and_wait_for_stored(args, db, 5)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    killed_at = stored_articles(db)
    assert 0 < killed_at < total, f"the kill came at {killed_at} of {total} articles: not a mid-run interruption"

    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"

    rerun = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == total
        assert conn.execute("select count(distinct hash) from articles").fetchone()[0] == total
        # Every stored event has exactly the sources it should: no article counted twice for an event.
        dupes = conn.execute("select count(*) from (select event_id, article_id, count(*) c from event_sources group by 1, 2 having c > 1)").fetchone()[0]
        assert dupes == 0

    third = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert third.returncode == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == total


def processes_left(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.slow
def test_ctrl_c_stops_every_process_cleanly_then_rerun_continues(tmp_path):
    # Ctrl-C in a terminal sends SIGINT to the whole process group: the parent, its screening process
    # and its workers. Only the parent reports it (one line, exit 130); the pools are shut down with it.
    total = 600
    args, db = ingest_command(tmp_path, total, "--workers", "2")

    process = start_and_wait_for_stored(args, db, 5)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "(interrupted)" in stderr and "Traceback" not in stderr, stderr
    deadline = time.monotonic() + 20
    while processes_left(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not processes_left(process.pid), "a pool process outlived the interrupted run"
    interrupted_at = stored_articles(db)
    assert 0 < interrupted_at < total, f"the interrupt came at {interrupted_at} of {total} articles"

    rerun = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - interrupted_at} new, {interrupted_at} already stored" in rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(distinct hash) from articles").fetchone()[0] == total
        assert conn.execute("select count(*) from articles").fetchone()[0] == total
