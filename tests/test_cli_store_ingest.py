"""`sitrep ingest` end to end through the real console script: stored once, re-runs cheap and idempotent."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "store" / "articles"

pytestmark = pytest.mark.slow


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_ingest_stores_articles_once_and_reruns_store_nothing_new(run_cli, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(ARTICLES, folder)
    first = run_cli("ingest", str(folder), "--published", "2019-07-21")
    assert first.returncode == 0, first.stderr
    assert "3 read, 3 new, 0 already stored, 0 skipped" in first.stderr
    stored = jsonl(run_cli("articles", "--format", "jsonl").stdout)
    assert sorted(Path(a["source_path"]).name for a in stored) == sorted(p.name for p in ARTICLES.iterdir())
    assert all(a["published"] == "2019-07-21" for a in stored)

    again = run_cli("ingest", str(folder), "--published", "2019-07-21")
    assert again.returncode == 0, again.stderr
    assert "3 read, 0 new, 3 already stored, 0 skipped; 0 events stored" in again.stderr
    assert len(jsonl(run_cli("articles", "--format", "jsonl").stdout)) == 3


def test_ingest_reports_unreadable_inputs_and_exits_1(run_cli, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00 not utf-8 \xff")
    result = run_cli("ingest", str(ARTICLES / "kirkuk-bomb.txt"), str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "sitrep: skipped" in result.stderr and "bad.txt" in result.stderr and "missing.txt" in result.stderr
    assert "1 read, 1 new, 0 already stored, 2 skipped" in result.stderr
    assert len(jsonl(run_cli("articles", "--format", "jsonl").stdout)) == 1


def test_kirkuk_sentence_becomes_a_stored_explosion_event(run_cli, tmp_path):
    """The founding example: needs the event extractor (fails until it lands)."""
    article = tmp_path / "kirkuk.txt"
    article.write_text("KIRKUK, Iraq — A roadside bomb killed two soldiers in Kirkuk on Monday.\n", encoding="utf-8")
    ingest = run_cli("ingest", str(article), "--published", "2019-07-21")
    assert ingest.returncode == 0, ingest.stderr
    events = jsonl(run_cli("events", "--format", "jsonl").stdout)
    assert any(e["event_type"] == "Explosions/Remote violence" for e in events), events


@pytest.mark.parametrize(
    "args, message",
    [
        (["--db", "/nonexistent-folder/x.db"], "folder /nonexistent-folder does not exist"),
        (["--db", "mysql://u@h/db"], "unsupported database"),
        (["--db", "postgresql://nobody@127.0.0.1:1/none"], "cannot open the database"),
        (["--published", "21/07/2019"], "--published"),
    ],
)
def test_ingest_bad_options_fail_with_one_line_and_exit_2(run_cli, tmp_path, args, message):
    result = run_cli("ingest", str(ARTICLES / "kirkuk-bomb.txt"), *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sitrep: error:") and message in lines[0]
    assert not (tmp_path / "sitrep.db").exists()


def test_every_store_command_has_help(run_cli):
    for command in ("ingest", "events", "export", "articles"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "--db" in result.stdout, command


def test_ctrl_c_leaves_a_consistent_store_and_a_rerun_finishes_the_job(tmp_path):
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    base = (ARTICLES / "mosul-clash.txt").read_text(encoding="utf-8")
    for i in range(120):
        (folder / f"{i:03d}.txt").write_text(f"Report {i}. {base}", encoding="utf-8")
    db = tmp_path / "sitrep.db"
    exe = Path(sys.executable).with_name("sitrep")
    env = {**os.environ, "SITREP_DB": str(db)}
    # A shell that starts a job in the background starts it with SIGINT ignored, and the ignore is inherited:
    # the run under test gets the default disposition, as a command typed at a terminal has.
    process = subprocess.Popen([str(exe), "ingest", str(folder), "--published", "2019-07-21"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

    def stored() -> int:
        if not db.exists():
            return 0
        try:  # read-only: polling must not create the database file the run is about to create
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
                return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            return 0

    deadline = time.monotonic() + 300
    while stored() < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, f"the run ended before the interruption: {process.communicate()[1]}"
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "(interrupted)" in err
    new = int(err.split(" new,")[0].rsplit(" ", 1)[-1])
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        kept = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        # The summary may miss the article whose commit the signal interrupted on its way back.
        assert new <= kept <= new + 1 and kept < 120
        # No event without its source article, no half-saved article.
        assert conn.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                            "(SELECT 1 FROM event_sources s WHERE s.event_id = e.event_id)").fetchone() == (0,)

    rerun = subprocess.run([str(exe), "ingest", str(folder), "--published", "2019-07-21"], env=env,
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"120 read, {120 - kept} new, {kept} already stored" in rerun.stderr


def test_two_reports_of_one_event_are_stored_as_one_event_with_two_sources(run_cli, tmp_path):
    """Ingest resolves each article against the store: the second report joins the first event."""
    (tmp_path / "a.txt").write_text("KIRKUK, Iraq — A roadside bomb killed two soldiers in Kirkuk on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "KIRKUK, Iraq — Two Iraqi soldiers were killed when a roadside bomb exploded near a patrol in Kirkuk "
        "on Monday, security sources said.\n", encoding="utf-8")
    result = run_cli("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--published", "2019-07-21")
    assert result.returncode == 0, result.stderr
    assert "(1 as another source of a stored event)" in result.stderr
    [event] = jsonl(run_cli("events", "--format", "jsonl").stdout)
    articles = {a["source_path"].rsplit("/", 1)[-1]: a["id"] for a in jsonl(run_cli("articles", "--format", "jsonl").stdout)}
    assert sorted(s["article_id"] for s in event["sources"]) == sorted(articles.values())
    assert all(s["fatalities"] == 2 and s["evidence"] for s in event["sources"])
