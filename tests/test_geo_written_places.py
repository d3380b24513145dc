"""Places the gazetteer lacks, written with the areas they lie in ("Bab Ghaliq (Qaatabah, Ad Dali)"): each is an
event place of its own, named as written and located at its area's seat with precision 2 (real text, the spaCy
model, the bundled gazetteer)."""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import sentence_locations

from sitrep.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def locate(extractor):
    """The event places of a one-sentence text: [(name, country code, admin1, precision, latitude), ...]."""

    def run(text: str):
        [locations] = sentence_locations(extractor, text)
        return [(loc.place.name, loc.place.country_code, loc.place.admin1, loc.geo_precision, loc.place.latitude)
                for loc in locations]

    return run


def test_each_unknown_place_of_a_list_is_a_place_of_its_own_at_its_district(locate, extractor):
    places = locate("On 6 May 2020, Houthi forces exchanged artillery with pro-Hadi forces on the fronts of Jabal al "
                    "Kirsh front (Al Qabbaytah, Lahij) and Bab Ghaliq (Qaatabah, Ad Dali), incurring fatalities.")
    assert [(name, country, precision) for name, country, _, precision, _ in places] == [
        ("Jabal al Kirsh", "YE", 2), ("Bab Ghaliq", "YE", 2)]
    # each at the seat of the district written for it: two districts, two points
    assert places[0][4] != places[1][4]
    qaatabah = next(c.place for c in extractor.gazetteer.candidates("Qaatabah") if c.place.feature_code == "ADM2")
    assert places[1][4] == extractor.gazetteer.seat(qaatabah).latitude


def test_one_bracket_after_a_list_holds_every_name_of_it(locate):
    places = locate("On 28 April 2020, Resistance forces took control of Burkan and Dhi Masal areas (Mukayras, Al Bayda) "
                    "from pro-Houthi forces.")
    assert [name for name, *_ in places] == ["Burkan", "Dhi Masal"]
    assert places[0][4] == places[1][4]  # the same district's seat, two places all the same


def test_a_namesake_abroad_written_in_its_areas_is_the_place_there(locate):
    # The gazetteer's only Salim lies in the West Bank; the note writes it in a Yemeni district. The sentence
    # runs through the square brackets (the parser used to end it at "[").
    places = locate("On 1 May 2020, Houthi forces reportedly shelled civilian areas of Salim [Al Fajir] (Qaatabah, "
                    "Ad Dali) and Shib Human (Qaatabah, Ad Dali) with no reports of injuries or fatalities.")
    assert [(name, country) for name, country, *_ in places] == [("Salim", "YE"), ("Shib Human", "YE")]


def test_a_place_the_gazetteer_knows_in_its_areas_stays_the_gazetteers(extractor):
    # and "Bafut town, Bamenda subdivision" is a town and its area: one event, not a list of two
    text = "On 30 April 2020, the military forces clashed with Ambazonian separatists in Bafut town, Bamenda subdivision (Mezam, Nord-Ouest)."
    events = extractor.extract_one(Article(text=text, published=date(2020, 5, 2))).events
    assert [(e.location, e.geo_precision) for e in events] == [("Bafut", 1)]


def test_areas_quarters_and_stretches_are_no_written_places(locate):
    # "in western Yemen (At Tuhayat, ...)": the country is no village
    places = locate("On 5 May 2020, pro-Houthi forces shelled Al Fazzah and Al Jabaliyah areas in western Yemen "
                    "(At Tuhayat, Al Hudaydah), injuring a number of fighters.")
    assert "Yemen" not in [name for name, *_ in places] and all(country == "YE" for _, country, *_ in places)
    # a quarter of a city is coded as the city
    places = locate("On 28 April 2020, LNA forces repelled attacks by GNA forces in Abu Salim (Tripoli).")
    assert [name for name, *_ in places] == ["Tripoli"]
    # the two ends of a stretch: one event, not one per end
    places = locate("On 8 May 2020, Al shabaab militants ambushed a military vehicle in the forest between Ceel-Gilow "
                    "and Gololey village (Balcad, Middle Shabelle).")
    assert "Gololey" not in [name for name, *_ in places]
    # an area named with its kind ("Doucoumbo Commune") is no village of its own
    places = locate("On 4 May 2020, JNIM militants destroyed a bridge in Songho, Doucoumbo Commune (Bandiagara, Mopti).")
    assert "Doucoumbo Commune" not in [name for name, *_ in places]


def test_an_area_repeated_after_the_brackets_is_no_second_place(locate):
    places = locate("On 4 May 2020, military forces of Armenia fired on the positions of the military forces of "
                    "Azerbaijan located at Nameless Hills (Gadabay Region), Gadabay.")
    assert [(name, precision) for name, _, _, precision, _ in places] == [("Nameless Hills", 2)]


def test_a_bracket_opened_mid_sentence_does_not_end_it(extractor):
    doc = extractor.nlp("Houthi forces shelled houses in Salim [Naqil Hajar] and Human villages (Qaatabah, Ad Dali). "
                        "(Reuters) Nobody was hurt.")
    assert [s.text for s in doc.sents][0].endswith("(Qaatabah, Ad Dali).")


def test_cli_extract_gives_one_event_per_listed_village(extract_note):
    rows = extract_note("On 5 May 2020, Tiv militias attacked the Ichen villages of Ananum, Gidan Adamu, Gankoi Yeba, "
                        "Zambana, Kwossa and Dadin Kowa (Donga, Taraba) and Suntai (Bali, Taraba). Militiamen killed "
                        "14 residents across the villages and burnt down houses.", "2020-05-10")
    events = [r for r in rows if not r.get("background")]
    assert [e["location"] for e in events] == ["Ananum", "Gidan Adamu", "Gankoi Yeba", "Zambana", "Kwossa", "Dadin Kowa", "Suntai"]
    assert {e["sub_event_type"] for e in events} == {"Attack"}
    assert {(e["country"], e["admin1"]) for e in events} == {("Nigeria", "Taraba")}
    assert {e["geo_precision"] for e in events} == {2}
    assert sum(e["fatalities"] for e in events) == 14  # the dead split across the villages, as ACLED splits them


def test_the_dead_of_a_list_are_split_as_acled_splits_them(extractor):
    def deaths(text: str) -> list[tuple[str, int]]:
        events = extractor.extract_one(Article(text=text, published=date(2020, 5, 10))).events
        return [(e.location, e.fatalities) for e in events if not e.background]

    # a toll across three villages: the remainder goes to the first ones, the total is kept
    assert deaths("On 5 May 2020, militiamen attacked Gidan Adamu, Zambana and Kwossa (Donga, Taraba), "
                  "killing 8 residents.") == [("Gidan Adamu", 3), ("Zambana", 3), ("Kwossa", 2)]
    # a note that states its own split already gives each event's share
    assert deaths("On 6 May 2020, Houthi forces exchanged artillery with pro-Hadi forces on the fronts of Jabal al Kirsh "
                  "front (Al Qabbaytah, Lahij) and Bab Ghaliq (Qaatabah, Ad Dali), incurring fatalities. Unclear "
                  "fatalities coded as 10 and spread between 2 locations.") == [("Jabal al Kirsh", 5), ("Bab Ghaliq", 5)]
