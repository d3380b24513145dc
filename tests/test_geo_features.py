"""Natural features and macro-regions in the gazetteer: the data file, the loader, lookup (one reading
per country), detection in text, resolution over namesake villages, event location, and the CLI."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from sitrep.geo import features as natural
from sitrep.geo.detect import find_mentions
from sitrep.geo.gazetteer import Gazetteer, _is_current
from sitrep.geo.locate import apply_location, locate_event
from sitrep.geo.resolve import resolve_toponyms
from sitrep.records import Article, Event
from sitrep.settings import Settings


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open(Settings())


# --- the data file and its loader --------------------------------------------------------------------


def test_shipped_file_has_several_hundred_valid_entries():
    entries = natural.load_features()
    assert len(entries) >= 500
    kinds = {e.kind for e in entries}
    assert {"ocean", "sea", "gulf", "strait", "lake", "river", "desert", "mountains", "island", "peninsula",
            "valley", "region", "continent"} <= kinds
    assert len({e.geonameid for e in entries}) == len(entries)
    assert all(natural.ID_BASE <= e.geonameid < natural.ID_BASE + natural.ID_SPAN for e in entries)
    red_sea = next(e for e in entries if e.name == "Red Sea")
    assert (red_sea.feature_class, red_sea.feature_code) == ("H", "SEA")
    assert {"YE", "SA", "EG", "ER"} <= set(red_sea.countries)
    assert next(e for e in entries if e.name == "Norwegian Sea").countries[0] == "NO"  # not YAML's false


def test_names_add_the_article_and_drop_the_file_qualifier():
    java = natural.NaturalFeature("Java (island)", "island", -7.5, 110.0, ("ID",), ("Jawa", "the Java Sea coast"))
    assert java.display_name == "Java"
    assert {"Java", "the Java", "Jawa", "the Jawa", "Java Sea coast", "the Java Sea coast"} == set(java.names())
    assert java.prior == 0 and natural.KINDS["island"][:2] == ("T", "ISL")


@pytest.mark.parametrize(("entry", "message"), [
    ("{name: X Sea, kind: puddle, lat: 1, lon: 1}", "unknown kind"),
    ("{name: X Sea, kind: sea, lat: 95, lon: 1}", "not a point on Earth"),
    ("{name: X Sea, kind: sea, lat: one, lon: 1}", "must be numbers"),
    ("{name: X Sea, kind: sea, lat: 1, lon: 1, countries: [Yemen]}", "alpha-2"),
    ("{name: X Sea, kind: sea, lat: 1, lon: 1, countries: [YE], admin1: {SA: Jizan}}", "admin1"),
    ("{kind: sea, lat: 1, lon: 1}", "needs at least a name"),
])
def test_loader_names_the_bad_entry(tmp_path, entry, message):
    path = tmp_path / "features.yaml"
    path.write_text(f"- {{name: Good Lake, kind: lake, lat: 0, lon: 0}}\n- {entry}\n", encoding="utf-8")
    with pytest.raises(natural.FeatureFileError, match=message) as error:
        natural.load_features(path)
    assert "entry 2" in str(error.value)


def test_prior_comes_from_the_kind_unless_given(tmp_path):
    path = tmp_path / "features.yaml"
    path.write_text("- {name: A Lake, kind: lake, lat: 0, lon: 0}\n- {name: B Lake, kind: lake, lat: 0, lon: 0, prior: 7}\n",
                    encoding="utf-8")
    first, second = natural.load_features(path)
    assert first.prior == natural.KINDS["lake"][2] and second.prior == 7


# --- the gazetteer -------------------------------------------------------------------------------------


def test_a_shared_sea_is_one_reading_per_country(gazetteer):
    seas = [c for c in gazetteer.candidates("Red Sea") if c.place.feature_code == "SEA"]
    assert [c.place.country_code for c in seas][:2] == ["YE", "SA"]  # the file's order: the main country first
    assert len({c.place.geonameid for c in seas}) == 1
    yemen = seas[0].place
    assert yemen.country == "Yemen" and yemen.admin1 is None and yemen.population == 0  # an area, not a town
    assert seas[0].population == natural.KINDS["sea"][2]  # the importance prior, as the candidate's population
    assert gazetteer.place(yemen.geonameid).country_code is None  # the entry itself belongs to no one country


@pytest.mark.parametrize(("written", "code"), [
    ("the Red Sea", "SEA"), ("Gulf of Aden", "GULF"), ("Strait of Hormuz", "STRT"), ("Bab al-Mandab", "STRT"),
    ("Lake Chad", "LK"), ("Euphrates River", "STM"), ("Sahara", "DSRT"), ("Ural Mountains", "MTS"),
    ("Sumatra", "ISL"), ("Sinai", "PEN"), ("Danube Delta", "DLTA"), ("Bekaa Valley", "VAL"), ("Americas", "CONT"),
    ("Middle East", "RGN"), ("Horn of Africa", "RGN"), ("the Balkans", "RGN"), ("Baltic Sea", "SEA"),
])
def test_features_are_found_by_name(gazetteer, written, code):
    assert any(c.place.feature_code == code for c in gazetteer.candidates(written))


def test_the_ocean_outweighs_a_village_of_the_same_name(gazetteer):
    found = gazetteer.candidates("Pacific")
    assert found[0].place.feature_code == "OCN"
    village = max((c for c in found if c.place.feature_class == "P"), key=lambda c: c.population)
    assert found[0].population > village.population * 1000


def test_a_region_carries_the_first_level_area_it_is_in(gazetteer):
    india = [c.place for c in gazetteer.candidates("Kashmir") if c.place.feature_code == "RGN" and c.place.country_code == "IN"]
    assert india and india[0].admin1 == "Jammu and Kashmir"
    swat = [c.place for c in gazetteer.candidates("Swat Valley") if c.place.feature_code == "VAL"]
    assert swat[0].country_code == "PK" and swat[0].admin1 == "Khyber Pakhtunkhwa"


def test_every_admin1_and_country_of_the_file_is_known(gazetteer):
    rows = gazetteer.conn.execute(
        "SELECT geonameid, country_code, admin1_code FROM feature_countries").fetchall()
    by_id = {}
    for gid, cc, a1 in rows:
        assert cc in gazetteer.countries
        by_id[(gid, cc)] = a1
    for feature in natural.load_features():
        for cc, area in feature.admin1.items():
            assert by_id.get((feature.geonameid, cc)), f"{feature.name}: {area} not found in {cc}"


def test_info_counts_the_natural_features(gazetteer):
    info = gazetteer.info()
    assert info["places_by_source"][natural.SOURCE] == len(natural.load_features())
    assert "natural_features.yaml" in info["sources"]
    assert info["places_by_feature_class"]["H"] > 200


def test_editing_the_features_file_makes_the_gazetteer_stale(gazetteer, tmp_path):
    assert _is_current(gazetteer.path)
    copy = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer.path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET value = 'an older file' WHERE key = 'natural_features_digest'")
    assert not _is_current(copy)


# --- detection, resolution and event location on real text -------------------------------------------


def _mentions(extractor, text: str) -> list[str]:
    return [m.text for m in find_mentions(extractor.nlp(text), text, Article(text=text), extractor.gazetteer)]


@pytest.mark.slow
def test_detection_takes_the_whole_feature_name(extractor):
    found = _mentions(extractor, "Houthi forces attacked a tanker in the Gulf of Aden and another ship on the Red Sea "
                                 "coast, while troops fought around Lake Chad and across the Sahel.")
    assert {"Gulf of Aden", "Red Sea", "Lake Chad", "Sahel"} <= set(found)
    assert "Aden" not in found


@pytest.mark.slow
def test_detection_leaves_longer_names_alone(extractor):
    found = _mentions(extractor, "The Black Sea Fleet sailed from Sevastopol. Trans-Pacific trade fell. "
                                 "Officials in Upper Nile said the river was rising.")
    assert "Black Sea" not in found and "Pacific" not in found and "Nile" not in found
    assert "Upper Nile" in found


@pytest.mark.slow
def test_detection_leaves_people_and_possessives_alone(extractor):
    found = _mentions(extractor, "Rhodes said the team would travel. Officials praised America’s response in Kenya.")
    assert "Rhodes" not in found  # a one-word name opening a sentence, read as a person
    assert "America’s" not in found and "Kenya" in found  # folded, "America’s" would be the Americas


@pytest.mark.slow
def test_the_pacific_is_the_ocean_over_namesake_villages(extractor):
    text = "The typhoon crossed the Pacific and hit the Philippines, then Japan."
    tops = {t.text: t for t in resolve_toponyms(extractor.nlp(text), Article(text=text), extractor.gazetteer)}
    assert tops["Pacific"].place.feature_code == "OCN"
    assert tops["Pacific"].place.country_code in {"PH", "JP"}  # the reading of the article's countries
    text = "Farmers in Missouri and Kansas said the storm that flooded St. Louis had formed over the Pacific Ocean."
    tops = {t.text: t for t in resolve_toponyms(extractor.nlp(text), Article(text=text), extractor.gazetteer)}
    assert tops["Pacific Ocean"].place.feature_code == "OCN" and tops["Pacific Ocean"].place.country_code == "US"


@pytest.mark.slow
def test_an_event_on_the_red_sea_is_a_large_area_in_the_article_country(extractor):
    text = "SANAA, Yemen — Houthi forces fired a missile at a cargo ship in the Red Sea on Tuesday."
    doc = extractor.nlp(text)
    article = Article(text=text)
    toponyms = resolve_toponyms(doc, article, extractor.gazetteer)
    [location] = locate_event(list(doc.sents)[-1], toponyms, article, extractor.gazetteer)
    event = Event(doc_id="red-sea")
    apply_location(event, location)
    assert (event.location, event.country, event.admin1, event.geo_precision) == ("Red Sea", "Yemen", None, 3)
    assert abs(event.latitude - 20.0) < 2 and abs(event.longitude - 38.5) < 2


@pytest.mark.slow
def test_a_region_inside_one_area_gives_that_area(extractor):
    text = "Taliban fighters attacked a police post in the Swat Valley on Monday."
    doc = extractor.nlp(text)
    article = Article(text=text)
    [location] = locate_event(doc[:], resolve_toponyms(doc, article, extractor.gazetteer), article, extractor.gazetteer)
    event = Event(doc_id="swat")
    apply_location(event, location)
    assert (event.country, event.location, event.geo_precision) == ("Pakistan", "Swat Valley", 3)
    assert event.admin1 == "Khyber Pakhtunkhwa"


# --- the CLI ------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_geoparse_cli_resolves_seas_and_straits(run_cli):
    text = ("ADEN, Yemen — Houthi forces fired on a tanker in the Red Sea and another near the Bab el-Mandeb strait, "
            "the coalition said, as shipping through the Strait of Hormuz slowed.")
    result = run_cli("geoparse", "-", input=text)
    assert result.returncode == 0, result.stderr
    rows = {row["text"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert (rows["Red Sea"]["feature_class"], rows["Red Sea"]["feature_code"]) == ("H", "SEA")
    assert rows["Red Sea"]["country_code"] == "YE" and rows["Red Sea"]["admin1"] is None
    assert rows["Bab el-Mandeb strait"]["feature_code"] == "STRT"  # the longest spelling the file has
    assert rows["Strait of Hormuz"]["feature_code"] == "STRT"
    assert text[rows["Red Sea"]["start"]:rows["Red Sea"]["end"]] == "Red Sea"


@pytest.mark.slow
def test_gazetteer_info_cli_reports_the_new_source(run_cli):
    result = run_cli("gazetteer", "info")
    assert result.returncode == 0, result.stderr
    assert "natural_features" in result.stdout and "natural_features.yaml" in result.stdout


def test_a_town_named_with_a_sea_is_the_events_place(extractor):
    from datetime import date

    from sitrep.records import Article

    text = "On Monday, Houthi forces fired a missile at a cargo ship in the Red Sea off Hodeidah, officials said."
    events = extractor.extract_one(Article(text=text, published=date(2024, 1, 10))).events
    assert events and events[0].location == "Al Ḩudaydah" and events[0].geo_precision in (1, 2)
