"""End to end through `sitrep extract`: event dates and fatalities come out resolved the ACLED way."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLE = Path(__file__).resolve().parent / "fixtures" / "dates" / "baidoa_attack.txt"


def test_extract_resolves_weekday_and_counts_the_dead(run_cli):
    result = run_cli("extract", "--published", "2020-05-11", str(ARTICLE))
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    attack = [e for e in events if "Saturday night" in e["notes"]]
    assert attack, result.stdout
    # Published Monday 11 May 2020: "on Saturday night" is 9 May, known to the day.
    assert (attack[0]["event_date"], attack[0]["time_precision"]) == ("2020-05-09", 1)
    # "killing four police officers and wounding nine civilians": the wounded are not counted.
    assert attack[0]["fatalities"] == 4
    history = [e for e in events if "in 2017" in e["notes"]]
    assert all(e["background"] and e["event_date"].startswith("2017") for e in history)


def test_extract_dates_a_killing_by_its_lead_date_not_the_later_finding(extract_note):
    # published two days after the killing: "7 May" after "29 April 2020" is still ahead, so the lead date stands
    events = extract_note("Around 29 April 2020 (midweek), an old man's body was found in Al-Maabdaa town in Hasakeh "
                          "countryside with gunshot marks on his head, killed by an unknown gunmen his body was found on 7 May.",
                          "2020-05-01")
    assert [(e["event_type"], e["event_date"], e["background"]) for e in events] == [
        ("Violence against civilians", "2020-04-29", False)]


def test_extract_tells_history_by_its_decade_as_background(extract_note):
    events = extract_note("Syria first sent its troops into Lebanon in the 1970s. Some 76,000 Jews were arrested in "
                          "France during World War Two. On 9 May 2020, gunmen killed two soldiers in Baidoa.", "2020-05-11")
    assert [(e["event_type"], e["event_date"][:4], e["background"]) for e in events] == [
        ("Strategic developments", "1970", True), ("Strategic developments", "1939", True), ("Battles", "2020", False)]
