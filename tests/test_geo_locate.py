"""Event location: which place of a sentence the event happened at, with ACLED geo_precision."""

from __future__ import annotations

import pytest
from event_helpers import sentence_locations

from sitrep.geo.locate import apply_location, locate_event
from sitrep.geo.resolve import resolve_toponyms
from sitrep.records import Article, Event

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def locate(extractor):
    """Locations of each sentence of a text: [[(location name, admin1, country, precision), ...], ...]."""

    def run(text: str):
        return sentence_locations(extractor, text)

    return run


def test_town_in_sentence_is_precision_1(locate):
    [locations] = locate("Islamic State fighters attacked a checkpoint in Rutba on Tuesday.")
    assert [(l.place.geonameid, l.geo_precision) for l in locations] == [(98677, 1)]


def test_relative_place_is_its_anchor_with_precision_2(locate):
    near, south = locate("Gunmen attacked a checkpoint near Rutba. A roadside bomb exploded 30 km south of Kirkuk.")
    assert [(l.place.geonameid, l.geo_precision) for l in near] == [(98677, 2)]
    assert len(south) == 1 and south[0].place.name == "Kirkuk" and south[0].geo_precision == 2


def test_admin_area_is_its_seat_with_precision_3(locate):
    [locations] = locate("Militants attacked an army post in Anbar province.")
    assert len(locations) == 1
    assert locations[0].place.geonameid == 98717  # Ramadi, the provincial capital
    assert locations[0].geo_precision == 3
    assert locations[0].toponym.text == "Anbar"


def test_actor_home_is_not_the_event_place(locate):
    [locations] = locate("Iraqi forces and the Baghdad government's troops clashed with militants in Hit.")
    assert [l.place.geonameid for l in locations] == [95788]  # Hīt, not Baghdad


def test_a_place_in_a_title_is_the_office_not_the_event_place(locate):
    # "Eastern Region Director": an Eastern Region is Uganda's, but here it is the party's office.
    text = ("A petrol bomb was hurled into the house of the opposition party's Eastern Region Director of Women "
            "in Balaka (Balaka, Southern).")
    [locations] = locate(text)
    assert {l.place.country_code for l in locations} == {"MW"}


def test_a_road_or_building_named_after_a_town_is_not_the_event_place(locate):
    # Murree is a town 45 km away; the protest was on the road named after it, in Rawalpindi.
    [road] = locate("Journalists held a protest on Murree road in Rawalpindi city (Rawalpindi, Punjab).")
    assert [l.place.name for l in road] == ["Rawalpindi"]
    [university] = locate("Residents blocked a road near the Simon Rodriguez University in El Vigia, Merida state.")
    assert {l.place.admin1 for l in university} == {"Merida"}
    # a kind of station may stand before the noun: the protest was in Minsk, not at a Voskhod 177 km away
    [metro] = locate("At least 6 members of the Youth Bloc held a flashmob protest near the Uskhod metro station in Minsk.")
    assert [(l.place.name, l.geo_precision) for l in metro] == [("Minsk", 1)]
    # Only capitalised words may stand between the name and the noun: "Mosul and the highway" keeps Mosul.
    [mosul] = locate("Militants attacked checkpoints in Mosul and the highway to Kirkuk on Sunday.")
    assert "Mosul" in {l.place.name for l in mosul}
    # The road alone still places the event: the town it is named after.
    [alone] = locate("Protesters blocked the Baghdad highway on Sunday.")
    assert [l.place.name for l in alone] == ["Baghdad"]


def test_places_in_a_company_name_or_a_list_of_origins_are_not_the_event_place(locate):
    [company] = locate("Workers at the Gafsa Phosphate Company barricaded roads with burning tires in Meknassy (Sidi Bou Zid).")
    assert {l.place.country_code for l in company} == {"TN"} and "Gafsa" not in {l.place.name for l in company}
    [origins] = locate("Migrants from UP and Bihar pelted stones at policemen in Vareli village (Surat, Gujarat).")
    assert {l.place.admin1 for l in origins} == {"Gujarat"}


def test_a_neighbourhood_named_like_a_town_elsewhere_gives_the_town_of_the_text(locate):
    # Sossego (Paraiba) and Colonia (Uruguay) are towns elsewhere; here they are parts of the town named.
    [first, second] = locate("In Ribeirao das Neves, Minas Gerais, police dismantled a crack lab. "
                             "Two armed men exchanged fire with the police in Sossego neighborhood.")
    assert {l.place.admin1 for l in second} == {"Minas Gerais"}
    [colonia] = locate("On 8 May 2020, in Culiacan, Sinaloa, two armed men attacked a man in Colonia Pemex.")
    assert {l.place.country_code for l in colonia} == {"MX"}
    # A ward is the town's own: "Siliguri Ward No. 40" is in Siliguri.
    [ward] = locate("Residents staged a protest outside the office under Siliguri Ward No. 40 (Darjeeling district, West Bengal).")
    assert [l.place.name for l in ward] == ["Siliguri"]


def test_the_areas_in_brackets_are_not_event_places_of_their_own(locate):
    # Lisala is a town too, but "(Lisala, Mongala)" gives Binga's territory and province.
    [first, second] = locate("Traders confronted the police in Binga (Lisala, Mongala). The police shot a demonstrator.")
    assert [l.place.name for l in first] == ["Binga"] and [l.place.name for l in second] == ["Binga"]


def test_several_places_give_several_locations(locate):
    [locations] = locate("Car bombs exploded in Mosul and in Kirkuk on Sunday.")
    assert sorted(l.place.name for l in locations) == ["Kirkuk", "Mosul"]
    assert all(l.geo_precision == 1 for l in locations)


def test_town_in_area_named_together_gives_the_town(locate):
    [locations] = locate("A separate attack in Rutba, in Anbar province, killed two policemen.")
    assert [l.place.geonameid for l in locations] == [98677]


def test_reporting_place_is_skipped(locate):
    [locations] = locate("Airstrikes hit Palmyra, the Syrian Observatory for Human Rights said in London.")
    assert [l.place.country_code for l in locations] == ["SY"]


def test_no_place_falls_back_to_previous_sentence(locate):
    first, second = locate("Clashes erupted in Hit on Monday. Two soldiers were killed in the fighting.")
    assert second and second[0].place.geonameid == 95788
    assert second[0].geo_precision == 1  # the paragraph's scene, as if the sentence named it
    first, second = locate("Clashes erupted in Hit on Monday.\n\nTwo soldiers were killed in the fighting.")
    assert [(l.place.geonameid, l.geo_precision) for l in second] == [(95788, 2)]  # another paragraph: near it at best


def test_dateline_is_context_not_the_sentence_place(locate):
    first, second = locate("QAIM, Iraq — Militants attacked a checkpoint near Rutba. Later a mortar round hit the market.")
    assert [l.place.geonameid for l in first] == [98677]
    assert [(l.place.geonameid, l.geo_precision) for l in second] == [(98677, 2)]  # the nearest place before it


def test_only_a_country_gives_a_marked_country_level_location(locate):
    [locations] = locate("Militants attacked a convoy in Iraq.")
    assert len(locations) == 1
    location = locations[0]
    assert location.place.feature_code == "PCLI" and location.geo_precision == 3
    assert location.place.latitude is None and location.place.longitude is None  # never a silent centroid
    event = Event(doc_id="x")
    apply_location(event, location)
    assert (event.country, event.iso3, event.location, event.latitude) == ("Iraq", "IRQ", None, None)


def test_nothing_known_gives_no_location(locate):
    [locations] = locate("Two soldiers were killed.")
    assert locations == []


def test_apply_location_fills_acled_fields(locate):
    [[location]] = locate("Gunmen attacked a checkpoint near Rutba.")
    event = Event(doc_id="x")
    apply_location(event, location)
    assert event.country == "Iraq" and event.iso3 == "IRQ" and event.admin1 == "Anbar"
    assert event.location == "Ar Ruţbah" and event.geo_precision == 2
    assert event.latitude == pytest.approx(33.037, abs=0.01) and event.longitude == pytest.approx(40.286, abs=0.01)


def test_sentence_without_place_takes_the_town_not_its_state_named_after_it(locate):
    raid, attack = locate("On Monday, in Sobral, Ceara, police raided a house. Officers were attacked by gunmen.")
    assert [(l.place.name, l.geo_precision) for l in raid] == [("Sobral", 1)]
    assert [(l.place.name, l.geo_precision) for l in attack] == [("Sobral", 1)]  # the town, not the state seat


def test_a_capital_named_like_its_state_after_a_town_of_the_state_is_the_state(locate):
    # "Rio de Janeiro" after "Nova Iguacu," names the state, whatever reading the name got: one place, the town
    raid, deaths = locate("In Nova Iguacu, Rio de Janeiro, police raided a house. Two men died in the operation.")
    assert [(l.place.name, l.geo_precision) for l in raid] == [("Nova Iguaçu", 1)]
    assert [(l.place.name, l.geo_precision) for l in deaths] == [("Nova Iguaçu", 1)]
    [both] = locate("Police raided houses in Nova Iguacu and Rio de Janeiro.")  # a list keeps both
    assert {l.place.name for l in both} == {"Nova Iguaçu", "Rio de Janeiro"}


def test_namesake_abroad_is_not_the_event_place(extractor):
    from sitrep.records import Place, Toponym

    text = "Gunmen attacked Kelmora village near Tarvassa."
    village = Toponym(16, 23, "Kelmora", Place(name="Kelmora", country_code="BR", feature_class="P", feature_code="PPL",
                                                 population=3_000, latitude=-10.0, longitude=-60.0), 0.99)
    town = Toponym(37, 45, "Tarvassa", Place(name="Tarvassa", country_code="SY", feature_class="P", feature_code="PPL",
                                               population=40_000, latitude=35.0, longitude=40.0), 0.9)
    [location] = locate_event((0, len(text)), [village, town], Article(text=text), extractor.gazetteer)
    assert location.place.name == "Tarvassa"


def test_the_article_country_on_a_tie_is_the_first_named_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    # Two countries named once each: set order (which follows PYTHONHASHSEED) used to decide.
    code = ("from sitrep.geo.locate import _article_country\n"
            "from sitrep.records import Place, Toponym\n"
            "tops = [Toponym(0, 5, n, Place(name=n, country_code=c)) for n, c in "
            "[('Gulu', 'UG'), ('Aleppo', 'SY'), ('Kampala', 'UG'), ('Idlib', 'SY')]]\n"
            "print(_article_country(tops), _article_country(tops[::-1]))")
    answers = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(6)}
    assert answers == {"UG SY"}


def test_the_ends_of_a_road_are_not_the_place_when_the_sentence_gives_one(locate):
    [locations] = locate("Armed men cut off the road linking Aden to Taizz in At Turbah area (Ash Shamayatayn, Taizz).")
    assert [l.place.name for l in locations] == ["At Turbah"]
    # a road named only by its ends places the event once, at the first end
    [locations] = locate("Gunmen ambushed a convoy on the highway between Kabul and Jalalabad on Sunday.")
    assert [l.place.name for l in locations] == ["Kabul"]


def test_cli_extract_places_a_roadblock_where_the_note_says_not_at_the_roads_end(extract_note):
    events = extract_note("On 6 May 2020, armed men cut off the road linking Aden to Taizz in At Turbah area "
                          "(Ash Shamayatayn, Taizz) to pressure the authorities.", "2020-05-07")
    assert [(e["location"], e["admin1"]) for e in events] == [("At Turbah", "Taizz")]


def test_a_building_named_after_its_town_places_the_event_in_the_town(locate):
    # Only the town's own areas are named beside the hospital: the protest was in Uitenhage (Kariega), not the metro's seat.
    [locations] = locate("Health workers demonstrated outside the Uitenhage Provincial Hospital (Nelson Mandela Bay, Eastern Cape).")
    assert [(l.place.name, l.geo_precision) for l in locations] == [("Kariega", 1)]
    # a distance or a side still relates the event to the town, whatever follows its name
    [south] = locate("A roadside bomb exploded 30 km south of the Kirkuk Central Prison on Monday.")
    assert [(l.place.name, l.geo_precision) for l in south] == [("Kirkuk", 2)]


def test_a_stretch_of_land_is_coded_to_its_first_end(locate):
    # "from" opens the stretch here, not an origin; ACLED codes the stretch to its first end.
    [locations] = locate("Warplanes carried out raids on militia positions in the area stretching from Al Mayadin to Al-Bukamal "
                         "in Deir-ez-Zor.")
    assert [l.place.name for l in locations] == ["Al Mayādīn"]
    [origin] = locate("Fighters from Al Mayadin attacked a checkpoint in Al-Bukamal.")
    assert [l.place.name for l in origin] == ["Ālbū Kamāl"]


def test_the_place_a_force_withdrew_from_is_where_the_withdrawal_happened(locate):
    [locations] = locate("The army withdrew from Kidal on Monday.")
    assert [l.place.name for l in locations] == ["Kidal"]
    [origin] = locate("Fighters from Kidal attacked a checkpoint in Gao on Monday.")
    assert [l.place.name for l in origin] == ["Gao"]


def test_a_town_an_unknown_place_is_written_in_is_near_the_event(locate, extractor):
    # Kanama is no place the gazetteer knows: the event is at Rafah's point (precision 2), as ACLED codes the nearest
    # known place, under the name the text gives it (`geo.written_places`).
    [locations] = locate("Attackers killed two people in Kanama (Rafah, North Sinai).")
    rafah = next(c.place for c in extractor.gazetteer.candidates("Rafah") if c.place.country_code == "EG")
    assert [(l.place.name, l.place.country_code, l.geo_precision) for l in locations] == [("Kanama", "EG", 2)]
    assert (locations[0].place.latitude, locations[0].place.longitude) == (rafah.latitude, rafah.longitude)
    [known] = locate("Attackers killed two people in Rafah (North Sinai).")
    assert [(l.place.country_code, l.geo_precision) for l in known] == [("EG", 1)]


def test_an_unknown_place_a_city_holds_is_near_the_city_only_when_the_text_relates_the_event_to_it(locate):
    # ACLED's "near Slavne, Donetsk": a village the gazetteer lacks, in the city's (and oblast's) name; the event is
    # near it, not at the city's point. A name written alone in a city is mostly a quarter of it: the city, precision 1.
    [near] = locate("Rebels fired heavy machine guns at government positions near Slavne, Donetsk.")
    [quarter] = locate("Police raided a house in Jacarezinho, Rio de Janeiro.")
    assert [(l.place.name, l.geo_precision) for l in near] == [("Donetsk", 2)]
    assert [(l.place.name, l.geo_precision) for l in quarter] == [("Rio de Janeiro", 1)]


def test_a_part_of_a_town_is_the_town_and_a_part_of_a_region_is_the_region(locate):
    [town] = locate("Activists organized a protest outside the party building in central Van.")
    [region] = locate("Militants attacked an army post in western Anbar.")
    assert [(l.place.name, l.geo_precision) for l in town] == [("Van", 1)]
    assert [(l.place.geonameid, l.geo_precision) for l in region] == [(98717, 3)]  # Ramadi, the province's seat


def test_a_district_named_like_its_seat_town_is_the_town_unless_the_text_says_district(locate):
    # "Guaymas" is a municipality of Sonora whose seat is Heroica Guaymas; "Nassriya city" is the district's seat
    [town] = locate("Several armed men attacked a group of people in Guaymas, Sonora.")
    [city] = locate("Hundreds of protesters gathered in Nassriya city on Thursday.")
    [district] = locate("Gunmen attacked a checkpoint in Sinjar district, Nineveh.")
    assert [(l.place.name, l.geo_precision) for l in town] == [("Heroica Guaymas", 1)]
    assert [(l.place.name, l.geo_precision) for l in city] == [("Nasiriyah", 1)]
    assert [l.geo_precision for l in district] == [2]


def test_in_the_area_of_a_town_is_near_it(locate):
    [area] = locate("Ukrainian forces fired 120mm mortars in the area of Donetskyi, Luhansk.")
    [town] = locate("Ukrainian forces fired 120mm mortars in Donetskyi, Luhansk.")
    assert [(l.place.name, l.geo_precision) for l in area] == [("Donetskyi", 2)]
    assert [(l.place.name, l.geo_precision) for l in town] == [("Donetskyi", 1)]


def test_a_natural_feature_inside_the_only_area_named_is_the_more_specific_place(locate):
    # Jabal al-Zawiya lies in the southern countryside of Idleb: the event is there, not at Idlib city (35 km off).
    [locations] = locate("Regime forces shelled the town of Kansafra in Jabal al-Zawiya in the southern countryside of Idleb.")
    assert [l.place.name for l in locations] == ["Jabal al-Zawiya"]
    # a town named beside a sea is still the place
    [ship] = locate("A ship was attacked in the Red Sea off Hodeidah.")
    assert [l.place.country_code for l in ship] == ["YE"] and ship[0].place.feature_class == "P"


def test_no_place_known_takes_the_one_country_the_actors_operate_in(extractor):
    text = "The monitors observed a total of 2 explosions involving unknown weapons near Novovyboeve."
    doc = extractor.nlp(text)
    article = Article(text=text)
    toponyms = resolve_toponyms(doc, article, extractor.gazetteer)
    [sentence] = list(doc.sents)
    assert locate_event(sentence, toponyms, article, extractor.gazetteer) == []
    [country] = locate_event(sentence, toponyms, article, extractor.gazetteer, actor_areas={"UA": {"05", "14"}})
    assert (country.place.country_code, country.place.feature_code, country.place.latitude) == ("UA", "PCLI", None)
    # actors of two countries say nothing about where
    assert locate_event(sentence, toponyms, article, extractor.gazetteer, actor_areas={"UA": {"05"}, "RU": {"61"}}) == []


def test_cli_extract_gives_a_front_line_note_without_a_known_place_its_country(extract_note):
    [event] = extract_note("On 7 May 2020, the OSCE SMM observed a total of 2 explosions involving unknown weapons near "
                           "Novovyboeve.", "2020-05-08")
    assert (event["country"], event["iso3"], event["latitude"], event["geo_precision"]) == ("Ukraine", "UKR", None, 3)


def test_cli_extract_codes_a_district_without_a_point_at_its_city(extract_note):
    [event] = extract_note("On 8 May 2020, a group of high school students held a demonstration outside the district "
                           "administration in Kadikoy, Istanbul, in protest of the decision.", "2020-05-09")
    assert (event["location"], event["admin1"]) == ("Istanbul", "Istanbul")


def test_a_dateline_places_the_event_of_the_sentence_it_opens(extract_note):
    # the lead names no other place: the dateline town, "near" it (precision 2), not the country alone
    [event] = extract_note("BAGHDAD — A car bomb killed five people in a market on Monday.", "2020-05-12")
    assert (event["location"], event["geo_precision"]) == ("Baghdad", 2)
    [event] = extract_note("BAGHDAD (Reuters) - A car bomb killed five people in a market in Mosul on Monday.", "2020-05-12")
    assert (event["location"], event["geo_precision"]) == ("Mosul", 1)


def test_a_natural_feature_in_a_written_area_is_the_feature_in_that_area(locate):
    # The gazetteer holds the Hamrin Mountains without an area: written in Saladin province, the event is at the
    # mountains (not at the province's seat) and in the province.
    [locations] = locate("PMF forces killed 7 militants in operations across the Hamrin mountains in Saladin province.")
    assert [(l.place.name, l.place.admin1, l.place.country_code, l.geo_precision) for l in locations] == [
        ("Hamrin Mountains", "Salah ad Din", "IQ", 3)]
    # A feature far from the area written after it is not placed in it: the area's seat is.
    [far] = locate("Fighters clashed near the Euphrates in Basra province.")
    assert [(l.place.admin1, l.geo_precision) for l in far] == [("Basra", 3)] and far[0].place.feature_class == "P"


def test_a_capital_standing_for_its_government_is_no_place_of_the_event(locate):
    """"Beijing said", "Moscow's crackdown": the name is an actor; the event stays where the story is. A place after
    a preposition is a place whatever verb follows ("residents in Mosul said")."""
    _, said, arrested = locate("Hong Kong media tycoon Jimmy Lai was arrested in Hong Kong on Monday.\n\n"
                               "Beijing said it supported Lai's arrest.\n\n"
                               "Other senior staff of his newspaper were also arrested.")
    assert [l.place.name for l in said] == [l.place.name for l in arrested] == ["Hong Kong"]
    [mosul] = locate("Residents in Mosul said militants attacked a checkpoint on Monday.")
    assert [l.place.name for l in mosul] == ["Mosul"]


def test_an_event_in_a_city_state_is_in_its_city(locate):
    singapore, iraq = locate("Hundreds of people protested in Singapore on Monday. A car bomb exploded in Iraq.")
    assert [(l.place.name, l.geo_precision, l.place.latitude is not None) for l in singapore] == [("Singapore", 1, True)]
    assert [(l.place.name, l.geo_precision, l.place.latitude) for l in iraq] == [("Iraq", 3, None)]  # a country: no point


def test_cli_extract_places_a_hong_kong_arrest_in_the_city(extract_note):
    events = extract_note("On 10 August 2020, police arrested media tycoon Jimmy Lai in Hong Kong.", "2020-08-11")
    assert [(e["location"], e["geo_precision"], round(e["latitude"])) for e in events] == [("Hong Kong", 1, 22)]
