"""`sitrep watch` end to end: a real feed server on 127.0.0.1, the CLI in a subprocess, a real SQLite store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from live_server import FeedSite


@pytest.fixture()
def site():
    with FeedSite() as running:
        yield running


def stored_events(run_cli):
    listing = run_cli("events", "--format", "jsonl")
    assert listing.returncode == 0, listing.stderr
    return [json.loads(line) for line in listing.stdout.splitlines()]


@pytest.mark.slow
def test_watch_once_stores_new_items_then_polls_conditionally(run_cli, site):
    feed = f"{site.base}/feed.xml"
    first = run_cli("watch", feed, "--once", "--fetch-pages")
    assert first.returncode == 0, first.stderr
    assert f"sitrep: {feed}: 2 read, 2 new, 0 already stored, 1 skipped" in first.stderr
    assert f"{feed}#item 3: too short to be an article" in first.stderr
    events = stored_events(run_cli)
    attack = [e for e in events if e["event_type"] == "Violence against civilians" and e["fatalities"]]
    assert len(attack) == 1 and attack[0]["fatalities"] == 3 and attack[0]["country"] == "Mali"
    assert attack[0]["event_date"] == "2023-03-13"  # "on Monday night", told on Tuesday the 14th
    articles = [json.loads(line) for line in run_cli("articles", "--format", "jsonl").stdout.splitlines()]
    assert {a["url"] for a in articles} == {f"{site.base}/mopti-attack", f"{site.base}/sevare-market"}

    second = run_cli("watch", feed, "--once", "--fetch-pages")
    assert second.returncode == 0, second.stderr
    assert "not modified since the last poll" in second.stderr
    assert site.conditional == ["/feed.xml"] and site.requests["/mopti-attack"] == 1

    site.feed_version = "v2"  # the feed changed: stored pages are not fetched again, nothing is stored twice
    third = run_cli("watch", feed, "--once", "--fetch-pages")
    assert third.returncode == 0, third.stderr
    assert "0 new" in third.stderr and site.requests["/mopti-attack"] == 1
    assert len(stored_events(run_cli)) == len(events)


def test_watch_reports_a_failing_feed_and_goes_on_with_the_others(run_cli, site):
    result = run_cli("watch", f"{site.base}/missing.xml", f"{site.base}/feed.xml", "--once")
    assert result.returncode == 1
    assert f"sitrep: {site.base}/missing.xml: failed: HTTP 404 Not Found" in result.stderr
    assert f"sitrep: {site.base}/feed.xml: 2 read, 2 new, 0 already stored, 1 skipped" in result.stderr
    listed = run_cli("feeds").stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == [f"{site.base}/feed.xml", f"{site.base}/missing.xml"]
    assert listed[0].endswith("HTTP 200") and listed[1].endswith("failed: HTTP 404 Not Found")


def test_watch_refuses_what_is_not_a_feed_url_or_a_duration(run_cli, tmp_path):
    local = run_cli("watch", str(tmp_path / "feed.xml"), "--once")
    assert local.returncode == 2 and "not an http(s) feed URL" in local.stderr
    bad = run_cli("watch", "http://127.0.0.1:9/feed", "--every", "soon")
    assert bad.returncode == 2 and "--every: 'soon' is not a duration" in bad.stderr


@pytest.mark.slow
def test_watch_polls_again_after_the_interval_and_stops_cleanly_on_sigterm(site, tmp_path):
    exe = Path(sys.executable).with_name("sitrep")
    env = {**os.environ, "SITREP_DB": str(tmp_path / "sitrep.db")}
    process = subprocess.Popen(
        [str(exe), "watch", f"{site.base}/feed.xml", "--every", "1s"], env=env, stderr=subprocess.PIPE, text=True, cwd=tmp_path
    )
    try:
        deadline = time.monotonic() + 120
        while site.requests["/feed.xml"] < 3 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        assert site.requests["/feed.xml"] >= 3, "the feed was not polled again"
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert "not modified since the last poll" in stderr and "stopping after the article in hand" in stderr
