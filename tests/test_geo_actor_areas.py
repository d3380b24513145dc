"""The actor-area prior: the `areas` field of actor entries, the areas an article's actors imply, and the
choice of a namesake inside them (geo.namesakes.prefer_actor_areas), through the real model, gazetteer and KB.

"Novoselivka" names villages in several Ukrainian oblasts; the largest is in Odesa oblast, so a bare mention
with no other evidence reads as that one."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.extract.actor_countries import actor_area_hints, actor_hints
from sitrep.extract.actor_data import parse_actor
from sitrep.geo.locate import locate_event
from sitrep.geo.namesakes import prefer_actor_areas
from sitrep.records import Article, Toponym

BEFORE_INVASION = date(2019, 3, 12)


def _entry(**fields):
    raw = {"name": "Example Front", "country": "Ukraine", "inter": 2, "type": "rebel", "aliases": ["EF"], **fields}
    return parse_actor(raw, "test file: actor #1", "test")


# --- the field and its validation ---------------------------------------------------------------

def test_areas_are_read_as_iso_codes_with_a_period():
    (entry,) = _entry(areas=["ua-14", "UA-09"], areas_until="2022-02-24")
    assert entry.areas == ("UA-14", "UA-09")
    assert entry.areas_on(date(2020, 5, 1)) == ("UA-14", "UA-09")
    assert entry.areas_on(date(2022, 3, 1)) == ()


def test_an_unknown_area_code_is_a_clear_error():
    with pytest.raises(ValueError, match=r"test file: actor #1 \(Example Front\): unknown first-level area code\(s\) UA-99"):
        _entry(areas=["UA-14", "UA-99"])


def test_areas_must_be_a_list_and_a_period_needs_areas():
    with pytest.raises(ValueError, match="'areas' must be a non-empty list of ISO 3166-2 codes"):
        _entry(areas="UA-14")
    with pytest.raises(ValueError, match="'areas_until' without 'areas'"):
        _entry(areas_until="2022-02-24")


def test_the_shipped_kb_gives_areas_to_at_least_twenty_groups(extractor):
    named = {e.name for e in extractor.actors.entries if e.areas}
    assert len(named) >= 20
    assert {"NAF: United Armed Forces of Novorossiya", "Ambazonian Separatists (Cameroon)", "Al Shabaab"} <= named


# --- the areas an article's actors imply --------------------------------------------------------

def test_a_named_group_implies_its_areas(extractor):
    doc = extractor.nlp("Ambazonian separatists ambushed a convoy near a village on Tuesday.")
    assert actor_area_hints(extractor.actors, doc, date(2020, 5, 1)) == {"CM": {"07", "09"}}  # North-West, South-West


def test_a_front_line_marker_implies_both_sides_until_the_front_ends(extractor):
    doc = extractor.nlp("The OSCE SMM recorded 12 explosions near a village on Tuesday.")
    assert actor_area_hints(extractor.actors, doc, BEFORE_INVASION) == {"UA": {"05", "14"}}  # Donetsk, Luhansk
    assert actor_area_hints(extractor.actors, doc, date(2023, 5, 1)) == {}


def test_a_national_army_named_generically_takes_its_countrys_areas_until_they_end(extractor):
    doc = extractor.nlp("Ukrainian troops returned fire near a village on Tuesday.")
    assert actor_area_hints(extractor.actors, doc, BEFORE_INVASION) == {"UA": {"05", "14"}}
    assert actor_area_hints(extractor.actors, doc, date(2023, 5, 1)) == {}


def test_one_pass_gives_the_country_hints_and_the_areas(extractor):
    doc = extractor.nlp("NAF forces fired mortars at a village on Tuesday.")
    hints, areas = actor_hints(extractor.actors, doc, BEFORE_INVASION, extractor._country_codes)
    assert hints == {"UA": 1.0} and areas == {"UA": {"05", "14"}}


# --- choosing the namesake ------------------------------------------------------------------------

def _event_admin1(extractor, text: str, published: date = BEFORE_INVASION) -> str | None:
    events = extractor.extract_one(Article(text=text, published=published)).events
    return events[0].admin1 if events else None


def test_without_actor_areas_the_bare_village_is_the_largest_namesake(extractor):
    text = "Police detained two men after a brawl at a market in Novoselivka on Tuesday."
    assert _event_admin1(extractor, text) == "Odesa"


@pytest.mark.parametrize("text, admin1", [
    # the actors' areas pick the namesake inside them
    ("NAF forces fired 82mm mortars at Ukrainian army positions near Novoselivka on Tuesday.", "Donetsk"),
    # an area written in the text beats them
    ("NAF forces fired 82mm mortars at Ukrainian army positions near Novoselivka, Odesa oblast, on Tuesday.", "Odesa"),
    # so does another place of the first reading's area
    ("NAF forces shelled Novoselivka, a village 30 km from Izmail, on Tuesday.", "Odesa"),
])
def test_the_actors_areas_pick_a_namesake_unless_the_text_places_it(extractor, text, admin1):
    assert _event_admin1(extractor, text) == admin1


def _toponym(gazetteer, name: str, admin1: str) -> Toponym:
    (place,) = {c.place.geonameid: c.place for c in gazetteer.candidates(name)
                if c.place.country_code == "UA" and c.place.admin1 == admin1 and c.admin_level is None}.values()
    return Toponym(start=0, end=len(name), text=name, place=place, score=0.9)


def test_a_city_stays_against_a_village_but_not_against_a_town_of_its_size(extractor):
    gazetteer = extractor.gazetteer
    city = _toponym(gazetteer, "Shevchenko", "Poltava")  # ~150,000 people; the Donetsk namesakes are villages
    assert prefer_actor_areas([city], {"UA": {"05"}}, gazetteer)[0].place == city.place
    district = _toponym(gazetteer, "Kyivskyi", "Poltava")  # ~110,000; Donetsk's is larger
    assert prefer_actor_areas([district], {"UA": {"05"}}, gazetteer)[0].place.admin1 == "Donetsk"


def test_prefer_actor_areas_keeps_a_place_inside_or_a_country_without_areas(extractor):
    text = "Police detained two men after a brawl at a market in Novoselivka on Tuesday."
    doc = extractor.nlp(text)
    toponyms = extractor.extract_one(Article(text=text, published=BEFORE_INVASION)).toponyms
    gazetteer = extractor.gazetteer
    moved = prefer_actor_areas(toponyms, {"UA": {"05"}}, gazetteer)
    assert [t.place.admin1 for t in moved] == ["Donetsk"]
    assert prefer_actor_areas(moved, {"UA": {"05"}}, gazetteer)[0].place == moved[0].place  # already inside
    assert prefer_actor_areas(toponyms, {"CM": {"07"}}, gazetteer)[0].place == toponyms[0].place  # other country
    (location,) = locate_event(doc[:], toponyms, Article(text=text), gazetteer, actor_areas={"UA": {"05"}})
    assert location.place.admin1 == "Donetsk"


# --- end to end -----------------------------------------------------------------------------------

def test_cli_extract_reads_the_village_in_the_groups_areas(run_cli, tmp_path):
    article = tmp_path / "report.txt"
    article.write_text("On 12 March 2019, the OSCE SMM recorded 14 explosions near Novoselivka. No casualties were reported.\n")
    result = run_cli("extract", str(article), "--published", "2019-03-12")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events and events[0]["location"].startswith("Novoselivka")
    assert events[0]["admin1"] == "Donetsk"
