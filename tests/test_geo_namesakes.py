"""Namesakes abroad: a small place read in a country the rest of the article never points to is not the
event's place (sitrep.geo.namesakes.namesakes_abroad). Pure records, no model: the rule reads resolved toponyms."""

from __future__ import annotations

from sitrep.geo.namesakes import namesakes_abroad
from sitrep.records import Place, Toponym


def _top(text: str, code: str, kind: str = "PPL", population: int = 5_000, score: float = 0.99) -> Toponym:
    place = Place(name=text, country_code=code, feature_class="A" if kind.startswith(("ADM", "PCL")) else "P",
                  feature_code=kind, population=population, admin1=f"{code}-area")
    return Toponym(start=0, end=len(text), text=text, place=place, score=score)


def test_village_abroad_beside_an_area_of_another_country_is_a_namesake():
    village = _top("Kelmora", "BR")
    area = _top("Tarvassa", "SY", "ADM1", 1_000_000)
    assert namesakes_abroad([village, area]) == {id(village)}


def test_place_in_a_country_the_article_names_is_kept():
    village = _top("Kelmora", "BR")
    area = _top("Tarvassa", "SY", "ADM1", 1_000_000)
    country = _top("Brazil", "BR", "PCLI", 200_000_000)
    assert namesakes_abroad([village, area, country]) == set()


def test_place_with_another_place_of_its_country_is_kept():
    village, neighbour = _top("Kelmora", "BR"), _top("Ostrana", "BR")
    area = _top("Tarvassa", "SY", "ADM1", 1_000_000)
    assert namesakes_abroad([village, neighbour, area]) == {id(area)}  # two names abroad outweigh one area


def test_big_cities_and_capitals_are_never_namesakes():
    city = _top("Velgrad", "FR", population=2_000_000)
    capital = _top("Mirapol", "DE", "PPLC", 50_000)
    area = _top("Tarvassa", "SY", "ADM1", 1_000_000)
    assert namesakes_abroad([city, capital, area]) == set()


def test_no_clear_other_country_keeps_everything():
    village = _top("Kelmora", "BR")
    one, two = _top("Tarvassa", "SY", "ADM1", 1_000_000), _top("Doruna", "IQ", "ADM1", 1_000_000)
    assert namesakes_abroad([village, one, two]) == set()  # no country holds 60% of the other places


def test_of_two_towns_the_smaller_is_the_namesake():
    small, big = _top("Kelmora", "NO", population=3_000), _top("Ostrana", "SY", population=40_000)
    assert namesakes_abroad([small, big]) == {id(small)}


def test_an_area_needs_two_names_or_a_surer_area_against_it():
    area = _top("Tarvassa", "SD", "ADM1", 1_000_000, score=0.7)
    town = _top("Ostrana", "YE", population=400_000)
    assert namesakes_abroad([area, town]) == set()  # one town does not overrule an area
    second = _top("Doruna", "YE", "ADM2", 200_000)
    assert namesakes_abroad([area, town, second]) == {id(area)}


def test_of_two_areas_the_less_sure_is_the_namesake():
    sure, unsure = _top("Tarvassa", "ZA", "ADM1", 6_000_000, 0.99), _top("Doruna", "US", "ADM2", 40_000, 0.6)
    assert namesakes_abroad([sure, unsure]) == {id(unsure)}


def test_a_namesake_town_is_no_evidence_against_the_area_the_note_names():
    village = _top("Kelmora", "SI")  # read abroad, judged first
    area = _top("Tarvassa", "SS", "ADM1", 1_000_000, score=0.9)
    assert namesakes_abroad([village, area]) == {id(village)}


def test_a_name_repeated_counts_once():
    village = _top("Kelmora", "BR", population=60_000)
    again = [_top("Ostrana", "SY", population=30_000, score=0.4) for _ in range(3)]
    assert id(village) not in namesakes_abroad([village, *again])  # one smaller town of weight 0.4 is not enough


def test_a_reporting_place_is_no_evidence():
    text = "Airstrikes hit Kelmora, the monitor said in Velgrad."
    at = text.index("Velgrad")
    village = Toponym(15, 22, "Kelmora", Place(name="Kelmora", country_code="SY", feature_code="PPL", population=50_000), 0.99)
    city = Toponym(at, at + 7, "Velgrad", Place(name="Velgrad", country_code="GB", feature_code="PPL", population=9_000_000), 0.99)
    assert namesakes_abroad([village, city]) == {id(village)}  # without the text, the city counts
    assert namesakes_abroad([village, city], text) == set()


def test_a_natural_feature_is_never_a_namesake():
    sea = _top("Velmar Sea", "SD", "SEA", 50_000)
    sea.place.feature_class = "H"
    towns = [_top("Tarvassa", "YE", population=400_000), _top("Doruna", "YE", "ADM1", 2_000_000)]
    assert namesakes_abroad([sea, *towns]) == set()
