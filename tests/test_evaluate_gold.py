"""`sitrep evaluate` on small gold files written for these tests (ACLED CSV, CASE-2021 TSV, MUC-4 JSONL)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.evaluate import acled, case2021, muc4, scoring
from sitrep.records import Event

GOLD = Path(__file__).parent / "fixtures" / "evaluate"


def test_acled_dates_in_every_export_spelling():
    assert acled.parse_date("9-May-20") == date(2020, 5, 9)
    assert acled.parse_date("2020-05-09") == date(2020, 5, 9)
    assert acled.parse_date("09 May 2020") == date(2020, 5, 9)
    with pytest.raises(ValueError):
        acled.parse_date("the ninth of May")


def test_acled_documents_one_per_note_published_two_days_later():
    docs = acled.documents(acled.read_gold(GOLD / "acled-small.csv"))
    assert len(docs) == 5
    shelling = next((a, rows) for a, rows in docs if "shelled Avdiivka" in a.text)
    assert len(shelling[1]) == 2 and shelling[0].published == date(2020, 5, 8)
    assert docs[1][0].published == date(2020, 5, 10)  # 2020-05-08 written ISO-style


@pytest.mark.parametrize(
    "name,message",
    [("acled-no-notes.csv", "missing column(s) notes"), ("acled-bad-date.csv", "line 2: unreadable event_date")],
)
def test_acled_malformed_files_raise_one_line_value_errors(name, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        acled.read_gold(GOLD / name)


def test_acled_matching_pairs_by_place_before_type():
    rows = acled.read_gold(GOLD / "acled-small.csv")
    avdiivka, horlivka = [r for r in rows if "Avdiivka" in r.notes]
    # Within 25 km of both gold points: the place name decides, then the date.
    at_horlivka = Event(doc_id="d", event_type="Battles", location="Horlivka", latitude=48.30, longitude=38.05, event_date=date(2020, 5, 6))
    at_avdiivka = Event(doc_id="d", event_type="Explosions/Remote violence", location="Avdiyivka", latitude=48.14, longitude=37.75)
    invented = Event(doc_id="d", event_type="Explosions/Remote violence", location="Mariupol", latitude=47.1, longitude=37.55)
    pairs, extra = acled.match([at_horlivka, invented, at_avdiivka], [avdiivka, horlivka])
    assert [(g.location, e.location) for g, e in pairs] == [("Avdiivka", "Avdiyivka"), ("Horlivka", "Horlivka")]
    assert extra == [invented]


def test_admin1_matches_only_in_the_gold_rows_country():
    row = acled.GoldRow(line=2, notes="n", event_date=date(2020, 5, 1), event_type="Battles", sub_event_type="Armed clash",
                        actor1="", actor2="", inter1="", inter2="", fatalities=0, admin1="Nord-Ouest", location="Bamenda",
                        latitude=5.96, longitude=10.15, country="Cameroon")
    in_haiti = Event(doc_id="d", country="Haiti", iso3="HTI", admin1="Nord-Ouest")
    in_cameroon = Event(doc_id="d", country="Cameroon", iso3="CMR", admin1="North-West")
    assert acled.same_admin1_of(in_cameroon, row) and not acled.same_admin1_of(in_haiti, row)
    row.country = ""  # an export without a country column: the name decides
    assert acled.same_admin1_of(in_haiti, row)


def test_geo_precision_agreement_on_matched_events_and_where_they_sit_at_the_gold_point():
    def gold(precision):
        return acled.GoldRow(line=2, notes="n", event_date=date(2020, 5, 1), event_type="Battles", sub_event_type="Armed clash",
                             actor1="", actor2="", inter1="", inter2="", fatalities=0, admin1="", location="X",
                             latitude=10.0, longitude=10.0, geo_precision=precision)

    def event(precision, lat):
        return Event(doc_id="d", event_type="Battles", latitude=lat, longitude=10.0, geo_precision=precision)

    pairs = [(gold(1), event(1, 10.0)), (gold(1), event(2, 10.0)), (gold(2), event(2, 12.0)), (gold(3), None)]
    report = acled.score(pairs, [], 0, 4, "gold.csv", None, lambda *args: False)
    matched = report["geo_precision"]["matched"]
    assert (matched["correct"], matched["total"]) == (2, 3) and matched["value"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["geo_precision"]["matched_within_25km"] == {"value": 0.5, "correct": 1, "total": 2}
    assert "geo_precision    same as gold (matched events) 0.667 (2/3)" in acled.render(report)
    rows = acled.read_gold(GOLD / "acled-small.csv")
    assert {r.geo_precision for r in rows} == {1}


def test_place_names_match_across_spellings():
    assert acled.same_place_name("Idlib", "Idleb") and acled.same_place_name("Arīḩā", "Ariha")
    assert acled.same_place_name("Anbar Province", "Al Anbar")
    assert not acled.same_place_name("North Darfur", "South Darfur") and not acled.same_place_name(None, "Kirkuk")


def test_scoring_metrics():
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", scoring.MISSING]
    assert scoring.accuracy(zip(gold, pred)) == {"value": 0.5, "correct": 2, "total": 4}
    # F1: A 0.667 (support 2), B 0.667 (1), C 0 (1)
    assert scoring.weighted_f1(gold, pred) == pytest.approx((2 * 2 / 3 + 2 / 3) / 4, abs=1e-3)
    assert scoring.macro_f1(gold, pred) == pytest.approx((2 / 3 + 2 / 3 + 0) / 3, abs=1e-3)
    assert scoring.confusion(gold, pred)["A"] == {"A": 1, "B": 1}
    assert scoring.haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)


@pytest.mark.slow
def test_evaluate_acled_end_to_end(run_cli, tmp_path):
    out = tmp_path / "scores.json"
    done = run_cli("evaluate", "--gold", str(GOLD / "acled-small.csv"), "--format", "acled", "--report", str(out))
    assert done.returncode == 0, done.stderr
    assert "event_type       accuracy" in done.stdout and "sub_event_type confusion" in done.stdout
    report = json.loads(out.read_text())
    assert report["documents"] == 5 and report["gold_events"] == 6
    assert report["event_type"]["accuracy"]["correct"] >= 5
    assert report["fatalities"]["exact"]["correct"] >= 5
    assert report["event_date"]["exact"]["value"] == 1.0
    assert report["geo_precision"]["matched"]["total"] >= 5 and "geo_precision    same as gold" in done.stdout
    limited = run_cli("evaluate", "--gold", str(GOLD / "acled-small.csv"), "--format", "acled", "--limit", "2")
    assert "documents 2, gold events 2" in limited.stdout


def test_inter_codes_as_numbers_or_as_the_2024_labels():
    assert acled.inter_number("1") == acled.inter_number("State forces") == 1
    assert acled.inter_number("External/Other forces") == 8 and acled.inter_number("Identity militia") == 4
    assert acled.inter_number("") is acled.inter_number("0") is None


def test_evaluate_reads_an_export_in_the_2024_layout_with_spelled_out_inter_codes(run_cli, tmp_path):
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    assert run_cli("evaluate", "--gold", str(GOLD / "acled-small.csv"), "--format", "acled", "--report", str(old)).returncode == 0
    done = run_cli("evaluate", "--gold", str(GOLD / "acled-2024-export.csv"), "--format", "acled", "--report", str(new))
    assert done.returncode == 0, done.stderr
    before, after = json.loads(old.read_text()), json.loads(new.read_text())
    assert after["inter1"] == before["inter1"] and after["inter2"] == before["inter2"]
    assert after["inter1"]["correct"] >= 4  # the same coding scores the same whichever way the export spells it


@pytest.mark.slow
def test_evaluate_malformed_acled_file_fails_with_one_line(run_cli):
    done = run_cli("evaluate", "--gold", str(GOLD / "acled-no-notes.csv"), "--format", "acled")
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "acled-no-notes.csv" in done.stderr and "notes" in done.stderr


@pytest.mark.slow
def test_evaluate_case2021_end_to_end(run_cli, tmp_path):
    out = tmp_path / "case.json"
    done = run_cli("evaluate", "--gold", str(GOLD / "case2021-small.tsv"), "--format", "case2021", "--report", str(out))
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    assert report["acled_snippets"] == 3 and report["accuracy"]["correct"] == 3
    assert report["non_acled_no_event"] == {"value": 1.0, "correct": 3, "total": 3}


def test_case2021_malformed_file(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id,text,label\n1,x,ATTACK\n", encoding="utf-8")
    with pytest.raises(ValueError, match="EventSnippet and SubType"):
        case2021.read_gold(bad)


@pytest.mark.slow
def test_evaluate_muc4_end_to_end(run_cli, tmp_path):
    out = tmp_path / "muc.json"
    done = run_cli("evaluate", "--gold", str(GOLD / "muc4-small.jsonl"), "--format", "muc4", "--report", str(out))
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    assert report["incident_type_accuracy"]["correct"] == 3
    assert report["roles"]["Weapon"]["tp"] == 1 and report["roles"]["Victim"]["tp"] >= 1


def test_muc4_incident_mapping_and_bad_lines(tmp_path):
    bomb = Event(doc_id="d", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED")
    kidnap = Event(doc_id="d", event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance")
    arson = Event(doc_id="d", event_type="Strategic developments", sub_event_type="Looting/property destruction", notes="they burned the office")
    protest = Event(doc_id="d", event_type="Protests", sub_event_type="Peaceful protest")
    assert [muc4.incident_type(e) for e in (bomb, kidnap, arson, protest)] == ["bombing", "kidnapping", "arson", None]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"docid": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        muc4.read_gold(bad)


def test_hrdsattack_country_names_and_fields_of_the_best_event():
    from sitrep.evaluate import hrdsattack
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.records import Event
    from sitrep.settings import Settings

    gazetteer = Gazetteer.open(Settings())
    assert hrdsattack.country_code("People's Republic of China", gazetteer) == "CHN"
    assert hrdsattack.country_code("Zimbabwe", gazetteer) == "ZWE"
    assert hrdsattack.country_code("Greece and India", gazetteer) is None and hrdsattack.country_code(None, gazetteer) is None
    gold = {"country": "Zimbabwe", "violation_types": ["arbitrary detention"], "year": "2020.0", "month": "07", "date": "20.0",
            "perpetrator_type": "state actor", "city": "Harare", "region": "None"}
    protest = Event(doc_id="d", event_type="Protests", sub_event_type="Peaceful protest", iso3="ZWE",
                    event_date=date(2020, 7, 21), date_start=date(2020, 7, 21), date_end=date(2020, 7, 21), inter1=6)
    arrest = Event(doc_id="d", event_type="Strategic developments", sub_event_type="Arrests", iso3="ZWE", location="Harare",
                   event_date=date(2020, 7, 20), date_start=date(2020, 7, 20), date_end=date(2020, 7, 20), inter1=1)
    assert hrdsattack.best_event([protest, arrest], gold, gazetteer) is arrest
    report = hrdsattack.score([(gold, [protest, arrest]), (gold, [protest])], "gold.json", gazetteer)
    assert report["violation:arbitrary detention"] == {"value": 0.5, "correct": 1, "total": 2}
    assert report["perpetrator:state"]["correct"] == 1 and report["day"]["correct"] == 1
    assert report["articles_with_event"]["value"] == 1.0


def test_hrdsattack_city_matches_a_town_the_gazetteer_knows_by_the_gold_name():
    from sitrep.evaluate import hrdsattack
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.settings import Settings

    gazetteer = Gazetteer.open(Settings())
    trichy = Event(doc_id="d", location="Tiruchirappalli", latitude=10.8155, longitude=78.69651, geo_precision=1)
    assert hrdsattack.same_city(trichy, "Tiruchi", gazetteer)  # a GeoNames alternate name of the town
    assert hrdsattack.same_city(trichy, "Tiruchirappalli", gazetteer)
    assert not hrdsattack.same_city(trichy, "Madurai", gazetteer)  # another town, 120 km away
    region_point = Event(doc_id="d", location="Tamil Nadu", latitude=10.8155, longitude=78.69651, geo_precision=3)
    assert not hrdsattack.same_city(region_point, "Tiruchi", gazetteer)


def test_evaluate_hrdsattack_end_to_end(run_cli, tmp_path):
    out = tmp_path / "scores.json"
    done = run_cli("evaluate", "--gold", str(GOLD / "hrdsattack-small.json"), "--format", "hrdsattack", "--report", str(out))
    assert done.returncode == 0, done.stderr
    assert "violation arbitrary detention" in done.stdout
    report = json.loads(out.read_text())
    assert report["articles"] == 3
    assert report["articles_with_event"]["total"] == 3
    assert report["country"]["total"] == 2  # "Switzerland and Africa" names no single country
    assert report["violation:arbitrary detention"]["correct"] == 1  # the police arrest in Harare
    not_hrds = tmp_path / "other.json"
    not_hrds.write_text('{"documents": []}')
    refused = run_cli("evaluate", "--gold", str(not_hrds), "--format", "hrdsattack")
    assert refused.returncode == 2 and "not HRDsAttack JSON" in refused.stderr
