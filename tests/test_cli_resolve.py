"""End to end through `sitrep ingest`: one bombing told by three outlets is one event with three sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

OUTLETS = Path(__file__).parent / "fixtures" / "resolve" / "outlets"


@pytest.mark.slow
def test_three_reports_of_one_bombing_become_one_event_and_explain_says_why(run_cli, tmp_path):
    ingest = run_cli("ingest", str(OUTLETS))
    assert ingest.returncode == 0, ingest.stderr

    articles = [json.loads(line) for line in run_cli("articles", "--format", "jsonl").stdout.splitlines()]
    story = {a["title"]: a["story_id"] for a in articles}
    # The syndicated copy joins the wire story; the local outlet's own report is a story of its own.
    assert story["Five killed in Mogadishu car bombing"] == story["Car bomb kills five in Mogadishu"]
    assert story["Deadly blast at Mogadishu checkpoint"] != story["Car bomb kills five in Mogadishu"]

    events = [json.loads(line) for line in run_cli("events", "--format", "jsonl").stdout.splitlines()]
    bombings = [e for e in events if e["event_type"] == "Explosions/Remote violence" and e["location"] and "Mogadishu" in e["location"]]
    assert len(bombings) == 1, events
    bombing = bombings[0]
    figures = sorted(s["fatalities"] for s in bombing["sources"])
    assert len(bombing["sources"]) == 3 and figures == [5, 5, 9]
    assert bombing["fatalities"] == 5

    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run_cli("events", "--format", "acled-csv").stdout)))
    row = next(r for r in rows if r["event_id_cnty"] == bombing["event_id"])
    assert set(row["source"].split("; ")) >= {"Horn Wire Service", "Banadir Local News"}  # outlets, as ACLED names sources

    explain = run_cli("events", "--explain", bombing["event_id"])
    assert explain.returncode == 0, explain.stderr
    assert "merges (2)" in explain.stdout and "km apart" in explain.stdout
    assert "Banadir Local News" in explain.stdout

    again = run_cli("ingest", str(OUTLETS))
    assert again.returncode == 0 and "0 new" in again.stderr
    assert len([json.loads(line) for line in run_cli("events", "--format", "jsonl").stdout.splitlines()]) == len(events)

    missing = run_cli("events", "--explain", "no-such-event")
    assert missing.returncode == 2 and "no event 'no-such-event'" in missing.stderr


def test_extract_merge_prints_one_event_per_real_world_event_with_every_source(run_cli):
    plain = run_cli("extract", str(OUTLETS), "--format", "jsonl")
    assert plain.returncode == 0, plain.stderr
    separate = [json.loads(line) for line in plain.stdout.splitlines()]
    merged_run = run_cli("extract", str(OUTLETS), "--merge", "--format", "jsonl")
    assert merged_run.returncode == 0, merged_run.stderr
    merged = [json.loads(line) for line in merged_run.stdout.splitlines()]

    def bombings(events):
        return [e for e in events if e["event_type"] == "Explosions/Remote violence" and "Mogadishu" in (e["location"] or "")]

    assert len(bombings(separate)) == 3
    [bombing] = bombings(merged)
    assert sorted(s["fatalities"] for s in bombing["sources"]) == [5, 5, 9]
    assert bombing["fatalities"] == 5  # ACLED's most conservative figure
    assert bombing["event_id"] in {e["event_id"] for e in bombings(separate)}

    as_csv = run_cli("extract", str(OUTLETS), "--merge", "--format", "acled-csv")
    assert "Banadir Local News; Horn Wire Service" in as_csv.stdout or "Horn Wire Service; Banadir Local News" in as_csv.stdout

    refused = run_cli("extract", str(OUTLETS), "--merge", "--claims")
    assert refused.returncode != 0 and "--merge cannot be combined with --claims" in refused.stderr
