"""Seed-like acceptance: a feature article (written for these tests) mixing current events, past
context and habits; only the current events count, each with its type, place, date, actors and deaths."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "events" / "mali-militants-regroup.txt"
PUBLISHED = "2020-03-15"


def _find(events, needle):
    found = [e for e in events if needle in e["notes"]]
    assert found, f"no event from the sentence with {needle!r}"
    return found


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    import os
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("sitrep")
    env = {**os.environ, "SITREP_DB": str(tmp_path_factory.mktemp("db") / "s.db")}
    done = subprocess.run([str(exe), "extract", str(FIXTURE), "--published", PUBLISHED], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.slow
def test_roadside_bomb_is_a_current_explosion_with_its_deaths(events):
    (bomb,) = _find(events, "roadside bomb earlier this month")
    assert (bomb["event_type"], bomb["sub_event_type"]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert bomb["fatalities"] == 3
    assert bomb["date_start"] == "2020-03-01" and bomb["date_end"] <= PUBLISHED and bomb["time_precision"] == 3
    assert bomb["country"] == "Mali" and bomb["actor2"] == "Civilians (Mali)"
    assert not bomb["background"] and not bomb["generic"]


@pytest.mark.slow
def test_separate_attack_on_soldiers_is_a_battle_in_its_region(events):
    (attack,) = _find(events, "separate attack in Segou")
    assert (attack["event_type"], attack["sub_event_type"]) == ("Battles", "Armed clash")
    assert attack["admin1"] == "Segou" and attack["geo_precision"] == 3
    assert attack["date_start"].startswith("2020-03") and attack["fatalities"] == 0
    assert not attack["background"] and not attack["generic"]


@pytest.mark.slow
def test_abduction_of_herders_has_low_time_precision(events):
    (abduction,) = _find(events, "cattle herders have been abducted")
    assert abduction["sub_event_type"] == "Abduction/forced disappearance"
    assert abduction["time_precision"] == 3 and not abduction["background"] and not abduction["generic"]


@pytest.mark.slow
def test_weapons_cache_is_disrupted_weapons_use_and_the_militants_killed_a_separate_event(events):
    found = _find(events, "discovery of a weapons cache")
    kinds = {e["sub_event_type"]: e for e in found}
    assert kinds["Disrupted weapons use"]["fatalities"] == 0
    assert kinds["Armed clash"]["fatalities"] > 0
    assert all(e["date_start"] == "2020-03-01" for e in found)


@pytest.mark.slow
def test_ambush_with_rocket_propelled_grenades_is_an_armed_clash_near_djenne(events):
    (ambush,) = _find(events, "recent ambush near the town of Djenne")
    assert (ambush["event_type"], ambush["sub_event_type"]) == ("Battles", "Armed clash")
    assert ambush["location"] == "Djenné" and ambush["geo_precision"] == 2
    assert ambush["actor1"].startswith("Police Forces of Mali")


@pytest.mark.slow
def test_past_context_is_background_and_habits_are_generic(events):
    (firefight,) = _find(events, "firefight near the town of Boni in 2016")
    (konna,) = _find(events, "retook the town of Konna")
    assert firefight["background"] and konna["background"]
    assert konna["sub_event_type"] == "Government regains territory"
    (habit,) = _find(events, "several times a week")
    assert habit["generic"]


@pytest.mark.slow
def test_only_the_six_current_events_count(events):
    current = [e for e in events if not e["background"] and not e["generic"]]
    assert len(current) == 6
    assert not any("war is not over" in e["notes"] or "chase them" in e["notes"] for e in current)


@pytest.mark.slow
def test_event_ids_are_stable_across_runs(events, run_cli):
    again = run_cli("extract", str(FIXTURE), "--published", PUBLISHED)
    assert [json.loads(line)["event_id"] for line in again.stdout.splitlines()] == [e["event_id"] for e in events]
    assert len({e["event_id"] for e in events}) == len(events)


@pytest.mark.slow
def test_every_field_is_traceable_to_its_sentence(extractor):
    from sitrep.records import Article

    article = Article(text=FIXTURE.read_text(encoding="utf-8"), id="mali", published=date(2020, 3, 15))
    events = extractor.extract_one(article).events
    assert len(events) >= 8
    for event in events:
        assert 0.0 < event.confidence <= 1.0
        assert event.notes == " ".join(e.text for e in event.evidence)
        for evidence in event.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.text
        (source,) = event.sources
        assert source.article_id == "mali" and source.fatalities == event.fatalities and source.evidence == event.evidence


@pytest.mark.slow
def test_acled_csv_and_geojson_outputs(run_cli):
    table = run_cli("extract", str(FIXTURE), "--published", PUBLISHED, "--format", "acled-csv")
    assert table.returncode == 0, table.stderr
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    bomb = next(r for r in rows if "roadside bomb earlier" in r["notes"])
    assert bomb["sub_event_type"] == "Remote explosive/landmine/IED" and bomb["fatalities"] == "3"
    geo = run_cli("extract", str(FIXTURE), "--published", PUBLISHED, "--format", "geojson")
    assert geo.returncode == 0, geo.stderr
    features = json.loads(geo.stdout)["features"]
    assert any(f["properties"]["sub_event_type"] == "Armed clash" for f in features)


@pytest.mark.slow
def test_jsonl_input_keeps_the_callers_doc_id(run_cli):
    line = json.dumps({"id": "wire-42", "text": "On 3 March 2021, gunmen shot dead two farmers near the town of Gao, Mali.", "published": "2021-03-05"})
    done = run_cli("extract", "--jsonl-input", input=line + "\n")
    assert done.returncode == 0, done.stderr
    (event,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert event["doc_id"] == "wire-42" and event["sources"][0]["article_id"] == "wire-42"
    assert (event["sub_event_type"], event["event_date"], event["fatalities"]) == ("Attack", "2021-03-03", 2)
