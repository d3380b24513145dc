"""`sitrep geoparse` and `sitrep evaluate --format geo-xml` end to end through the real CLI."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from sitrep.evaluate.geo_xml import geocoding_metrics, read_gold

FIXTURES = Path(__file__).parent / "fixtures" / "geo"
FIELDS = {"doc_id", "start", "end", "text", "name", "geonameid", "latitude", "longitude", "country_code",
          "admin1", "feature_class", "feature_code", "score"}


def _rows(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def _geoparse_by_text(run_cli, text: str) -> dict[str, dict]:
    """`sitrep geoparse -` over the text: its rows by toponym text (the command must succeed)."""
    result = run_cli("geoparse", "-", input=text)
    assert result.returncode == 0, result.stderr
    return {row["text"]: row for row in _rows(result.stdout)}


def test_geoparse_plain_text_from_stdin(run_cli):
    text = "Protesters gathered in Tripoli, in northern Lebanon, and marched on to Beirut."
    result = run_cli("geoparse", "-", input=text)
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert all(FIELDS <= set(row) for row in rows)
    by_text = {row["text"]: row for row in rows}
    assert by_text["Tripoli"]["country_code"] == "LB"
    assert text[by_text["Beirut"]["start"]:by_text["Beirut"]["end"]] == "Beirut"
    assert 0.0 < by_text["Beirut"]["score"] <= 1.0


def test_geoparse_finds_names_the_model_mistakes_for_people_after_al_or_a_direction(run_cli):
    text = "Rebels shelled Abboush in al-Hasakeh, and troops demolished a farm in Tayasir, east of Tubas."
    by_text = _geoparse_by_text(run_cli, text)
    assert by_text["al-Hasakeh"]["country_code"] == "SY" and text[by_text["al-Hasakeh"]["start"]:].startswith("al-Hasakeh")
    assert by_text["Tubas"]["country_code"] == "PS"


def test_geoparse_widens_a_name_the_model_cut_at_its_particle(run_cli):
    text = "On 5 May 2020, in Foz do Iguacu, Parana, a man was shot to death."
    by_text = _geoparse_by_text(run_cli, text)
    assert by_text["Foz do Iguacu"]["country_code"] == "BR" and by_text["Foz do Iguacu"]["start"] == text.index("Foz")
    text = "On 9 May 2020, municipality workers in Kut e Abdollah protested against 2 months of unpaid salaries."
    assert _geoparse_by_text(run_cli, text)["Kut e Abdollah"]["country_code"] == "IR"


def test_geoparse_reads_no_place_in_a_title_a_surname_or_a_foreign_compass_region(run_cli):
    text = ("Myanmar's Gen. Hlaing met whistleblower Chelsea Manning in Sri Lanka. Because of Manning, journalists "
            "in the North were safer, and an air base, Hama Airbase, was struck.")
    by_text = _geoparse_by_text(run_cli, text)
    assert "Gen" not in by_text and "Manning" not in by_text
    assert by_text.get("North", {}).get("country_code") in (None, "LK")
    assert by_text["Hama"]["country_code"] == "SY"


def test_geoparse_finds_an_unpopulated_village_of_the_country_the_text_names(run_cli):
    text = ("On 29 April 2020, protesters from the movement against the political system in Lebanon gathered at the public "
            "courtyard in Hasbaya in demonstration against the high US dollar exchange rate.")
    assert _geoparse_by_text(run_cli, text)["Hasbaya"]["country_code"] == "LB"


def test_geoparse_reads_a_state_abbreviation_as_the_parent_of_a_district(run_cli):
    # Poonch is a district on both sides of the Line of Control; "J&K" is the Indian side
    text = "On 9 May 2020, Indian and Pakistani forces exchanged fire in Degwar sector area (Poonch district, J&K)."
    by_text = _geoparse_by_text(run_cli, text)
    assert by_text["J&K"]["country_code"] == "IN" and by_text["J&K"]["feature_code"] == "ADM1"
    assert by_text["Poonch"]["country_code"] == "IN" and by_text["Poonch"]["admin1"] == "Jammu and Kashmir"


def test_geoparse_reads_a_district_under_another_vowel_spelling_in_its_state(run_cli):
    text = "Militants lobbed a grenade at CRPF personnel at Pakherpora town (Budgam district, J&K) on Tuesday."
    by_text = _geoparse_by_text(run_cli, text)
    assert by_text["Budgam"]["name"] == "Badgam" and by_text["Budgam"]["country_code"] == "IN"


def test_geoparse_file_argument(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Gunmen attacked a checkpoint near Rutba on Tuesday.", encoding="utf-8")
    result = run_cli("geoparse", str(article))
    assert result.returncode == 0, result.stderr
    [row] = _rows(result.stdout)
    assert row["geonameid"] == 98677 and row["relation"] == "near" and row["admin1"] == "Anbar"


def test_geoparse_jsonl_with_and_without_spans(run_cli):
    result = run_cli("geoparse", "--jsonl-input", str(FIXTURES / "articles.jsonl"))
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    detected = [r for r in rows if r["doc_id"] == "j1"]
    given = [r for r in rows if r["doc_id"] == "j2"]
    assert {r["text"] for r in detected} >= {"Hit", "Ramadi", "Anbar"}
    # with spans, exactly those spans, reported with the given offsets
    assert [(r["start"], r["end"], r["text"]) for r in given] == [(25, 28, "Hit"), (47, 52, "Anbar")]
    assert given[0]["geonameid"] == 95788
    assert given[1]["feature_code"] == "ADM1" and given[1]["admin1"] == "Anbar"


def test_geoparse_bad_jsonl_line_is_reported_and_skipped(run_cli):
    lines = '{"id": "ok", "text": "Clashes in Mosul."}\nnot json\n{"id": "s", "text": "abc", "spans": [[0, 99]]}\n'
    result = run_cli("geoparse", "--jsonl-input", "-", input=lines)
    assert result.returncode == 0
    assert [r["doc_id"] for r in _rows(result.stdout)] == ["ok"]
    assert "<stdin>:2" in result.stderr and "<stdin>:3" in result.stderr


def test_evaluate_geo_xml_with_gold_spans(run_cli, tmp_path):
    report = tmp_path / "report.json"
    result = run_cli("evaluate", "--format", "geo-xml", "--gold", str(FIXTURES / "lgl-sample.xml"), "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert "accuracy@161km" in result.stdout and "AUC" in result.stdout
    scores = json.loads(report.read_text())
    assert scores["mode"] == "gold spans"
    assert scores["articles"] == 3 and scores["toponyms_scored"] == 7
    assert scores["unresolved"] == 1  # the invented town
    assert 5 / 7 <= scores["accuracy_161km"] < 1.0


def test_evaluate_geo_xml_end_to_end_reports_spans(run_cli, tmp_path):
    report = tmp_path / "report.json"
    result = run_cli("evaluate", "--format", "geo-xml", "--no-gold-spans", "--gold", str(FIXTURES / "lgl-sample.xml"),
                     "--report", str(report))
    assert result.returncode == 0, result.stderr
    scores = json.loads(report.read_text())
    assert scores["mode"] == "end to end"
    spans = scores["spans"]
    assert spans["gold"] == 7 and spans["predicted"] >= 5
    assert spans["overlap"]["recall"] >= 5 / 7 and spans["exact"]["precision"] > 0.5


def test_evaluate_malformed_xml_is_one_line_error(run_cli, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article><text>oops</article>", encoding="utf-8")
    result = run_cli("evaluate", "--format", "geo-xml", "--gold", str(bad))
    assert result.returncode != 0 and str(bad) in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_geocoding_metrics_by_hand():
    scores = geocoding_metrics([0.0, 100.0, 200.0, 20039.0])
    assert scores["accuracy_161km"] == 0.5
    assert scores["median_error_km"] == 150.0
    assert scores["mean_error_km"] == pytest.approx((0 + 100 + 200 + 20039) / 4, abs=0.1)
    logs = [0.0, math.log(101), math.log(201), math.log(20040)]
    area = (logs[0] + logs[1]) / 2 + (logs[1] + logs[2]) / 2 + (logs[2] + logs[3]) / 2
    assert scores["auc"] == pytest.approx(area / (math.log(20039) * 3), abs=1e-4)


def test_gold_offsets_that_miss_by_one_are_aligned(tmp_path):
    xml = tmp_path / "virus.xml"
    xml.write_text("<articles><article><source>x</source><text>Cases rose in Pandi.</text><locations><location>"
                   "<name>Pandi</name><start>15</start><end>20</end><lat>14.87</lat><lon>120.95</lon>"
                   "</location></locations></article></articles>", encoding="utf-8")
    [article] = read_gold(xml)
    [toponym] = article.toponyms
    assert toponym.text == "Pandi" and (toponym.start, toponym.end) == (14, 19)


def test_geoparse_reads_a_transliterated_town_in_the_region_written_after_it(run_cli):
    text = "HPG reported that Turkish Military forces conducted airstrikes in Zap (Amadiya) region of Dahuk, Northern Iraq."
    by_text = _geoparse_by_text(run_cli, text)
    assert by_text["Amadiya"]["country_code"] == "IQ" and by_text["Amadiya"]["admin1"] == "Duhok"


def test_geoparse_reads_a_name_the_text_also_writes_in_lower_case_as_that_word(run_cli):
    # "Human" is an alternate name of Uman (Humań); the text also writes "human rights"
    rows = _geoparse_by_text(run_cli, "On 4 December 2020, the African Court on Human and People's Rights held that "
                                      "such laws violate human rights law. Police detained 20 people in Kigali.")
    assert "Human" not in rows and rows["Kigali"]["country_code"] == "RW"


def test_geoparse_reads_a_town_whose_district_has_no_point(run_cli):
    text = "Al-Shabaab militants have taken control of a strategic village 90 km south of Bossaso town."
    assert _geoparse_by_text(run_cli, text)["Bossaso"]["country_code"] == "SO"


def test_geoparse_finds_every_occurrence_of_a_name_found_as_a_place(run_cli):
    # the small model calls the first "Holubivske" an organisation and the second a place: one name, one place
    text = ("On 9 May 2020, the Ukrainian Forces fired 120mm mortars at the positions of the Luhansk People's Militia "
            "in the area of Holubivske, Luhansk. The OSCE SMM observed a total of 2 explosions near Holubivske.")
    result = run_cli("geoparse", "-", input=text)
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert [row["start"] for row in rows if row["text"] == "Holubivske"] == [text.index("Holubivske"), text.rindex("Holubivske")]
    assert [row["relation"] for row in rows if row["text"] == "Holubivske"] == ["in the area of", "near"]
    # a name inside a longer one is not repeated as a place
    assert not any(row["text"] == "Luhansk" and row["start"] < text.index("People") for row in rows)


def test_geoparse_reads_the_written_areas_of_a_place_the_gazetteer_knows_only_in_part(run_cli):
    # Nyabihanga is a district GeoNames gives no point, Mwaro a province it knows only as its town: both close the
    # bracket of Kibungere's hierarchy, so both are places, and Kibungere lies in Burundi
    text = "On 2 May 2020, Imbonerakure attacked and injured 2 CNL members in Kibungere (Nyabihanga, Mwaro)."
    by_text = _geoparse_by_text(run_cli, text)
    assert {"Kibungere", "Nyabihanga", "Mwaro"} <= set(by_text)
    assert by_text["Mwaro"]["country_code"] == "BI"
