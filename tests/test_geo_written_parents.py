"""Names read against the areas the text writes them in, and names read inside longer names: the readings
that put a place in another country than the one the text gives it are refused (real text, the spaCy model)."""

from __future__ import annotations

import json

import pytest

from sitrep.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def geoparse(extractor):
    from sitrep.geo.resolve import resolve_toponyms

    def run(text: str):
        toponyms = resolve_toponyms(extractor.nlp(text), Article(text=text), extractor.gazetteer)
        return {t.text: t.place for t in toponyms}

    return run


def test_the_area_written_as_a_parent_is_the_one_that_holds_the_name(geoparse):
    # Pakistan's Punjab is the bigger; the Punjab that holds a Rupnagar is India's ("Rupnagar" is also an alternate
    # name of a Pakistani village, which the bracket's own-name reading outweighs).
    places = geoparse("On 1 May 2020, INC staged a roof top protest in Rupnagar city (Punjab) against the Central government.")
    assert places["Punjab"].country_code == "IN"
    assert places["Rupnagar"].country_code == "IN"


def test_the_first_area_in_brackets_lies_in_the_second(geoparse):
    # Dessie (Ethiopia) is known as "Dessa"; "(Dessa, Tillaberi)" puts Dessa in Niger's Tillaberi region.
    places = geoparse("On 28 April 2020, the army killed two militants in Famale (Dessa, Tillaberi) who intended to attack.")
    assert places["Dessa"] is None
    assert places["Tillaberi"].country_code == "NE"


def test_a_province_known_only_as_its_town_still_closes_the_brackets_as_the_area(geoparse):
    # "Tillabery" is no spelling of the region GeoNames knows, only of its town: the town stands for it, and the name
    # before the bracket ("Gaigorou", which the model misses) need not be found for "(Y, Z)" to put Y in Z
    places = geoparse("On 5 May 2020, suspected ISGS militants attacked the village of Gaigorou (Dessa, Tillabery), "
                      "and killed two civilians.")
    assert places["Dessa"] is None
    assert places["Tillabery"].country_code == "NE"


def test_a_big_foreign_city_is_no_item_of_a_list_before_an_area(geoparse):
    # "Valencia, Sangre Grande": no Valencia the gazetteer knows lies in Trinidad's Sangre Grande; a list of places would
    # not open with Venezuela's third city before a Trinidadian region.
    places = geoparse("On 29 April 2020, in Valencia, Sangre Grande, police was shot by a man who was wanted by the police.")
    assert places["Valencia"] is None
    assert places["Sangre Grande"].country_code == "TT"
    places = geoparse("On 29 April 2020, in Rio Claro, Lara state, residents protested to demand domestic gas.")
    assert places["Rio Claro"] is None and places["Lara"].country_code == "VE"
    # a list of the country's own cities still is one
    places = geoparse("Fighting spread to Mosul, Kirkuk and Tikrit on Monday.")
    assert places["Mosul"].name == "Mosul" and places["Kirkuk"].country_code == "IQ"


def test_a_common_name_written_in_another_area_is_a_namesake_the_gazetteer_lacks(geoparse):
    # Mexico has Benito Juarez towns in 22 states but none in Nuevo Leon under that name; with no further list items
    # after the state, the name is no big Benito Juarez elsewhere, and the state's Ciudad Benito Juarez is its reading.
    places = geoparse("On 2 May 2020, in Benito Juarez, Nuevo Leon, a man was shot dead by three armed individuals.")
    assert places["Benito Juarez"].name == "Ciudad Benito Juárez" and places["Nuevo Leon"].feature_code == "ADM1"
    places = geoparse("On 2 May 2020, in Rio Bravo, Nuevo Leon, a man was shot dead by three armed individuals.")
    assert places["Rio Bravo"] is None and places["Nuevo Leon"].feature_code == "ADM1"  # Tamaulipas' Rio Bravo
    # a big town whose name the country has in one area only is that town, whatever area the text gives it
    places = geoparse("On 6 May 2020, in Apodaca, Jalisco, an armed man attacked a man in Colonia Prados de la Cienaguita.")
    assert places["Apodaca"].admin1 == "Nuevo Leon"


def test_the_countryside_of_an_area_is_written_as_its_parent(geoparse):
    # Mansura in Louisiana, Algeria and Egypt are exact spellings; the Raqqa countryside holds Al Mansurah.
    places = geoparse("On 1 May 2020, gunmen opened fire on QSD fighters in the town of Mansura in the western countryside "
                      "of Ar-Raqqa, killing 1 QSD fighter.")
    assert (places["Mansura"].country_code, places["Mansura"].admin1) == ("SY", "Raqqa")
    # a name with no reading there is a village the gazetteer lacks, not Bara in Nigeria
    assert geoparse("On 3 May 2020, regime forces shelled Bara in the south-western countryside of Idleb.")["Bara"] is None


def test_a_place_the_area_holds_only_with_a_qualifier_is_that_place(geoparse):
    # GeoNames has no plain Badah or Setharja in Sindh, but New Badah (Larkana) and Setharja Old (Khairpur).
    places = geoparse("On 27 April 2020, residents held a protest demonstration in Badah town (Larkana, Sindh), against load shedding.")
    assert places["Badah"].name == "New Badah" and places["Badah"].admin1 == "Sindh"
    places = geoparse("On 2 May 2020, residents of Rajpar community held a protest in Setharja town (Khairpur, Sindh).")
    assert places["Setharja"].name == "Setharja Old"
    # without a written area the qualified name is not looked for
    alone = geoparse("On 27 April 2020, residents held a protest demonstration in Badah.").get("Badah")
    assert alone is None or alone.name != "New Badah"


def test_a_village_named_like_a_region_is_the_village_when_written_in_its_area(geoparse):
    # Peru's La Libertad region cannot lie in Arequipa; Arequipa's village La Libertad does.
    places = geoparse("On 30 April 2020, in La Libertad, Arequipa, family members of prisoners staged a demonstration.")
    assert (places["La Libertad"].feature_code, places["La Libertad"].admin1) == ("PPL", "Arequipa")
    # a list of states is no hierarchy: Washington before West Virginia stays the state
    places = geoparse("Illnesses were reported in Texas, Utah, Virginia, Washington, West Virginia and Wyoming.")
    assert places["Washington"].feature_code == "ADM1"


def test_a_front_in_the_north_of_an_area_lies_in_it(geoparse):
    # no Al Alam the gazetteer knows lies in Marib: the front is none of Iraq's
    places = geoparse("Pro-Hadi forces shot down a drone over Al Alam front in the north of Marib (Marib, Marib) on Monday.")
    assert places["Al Alam"] is None


def test_a_district_without_a_point_is_no_village_of_another_district(geoparse):
    # GeoNames gives Istanbul's Kadikoy district no point; its namesake village lies in Silivri, 60 km away
    places = geoparse("On 8 May 2020, students held a demonstration in Kadikoy, Istanbul, in protest of the decision.")
    assert places["Kadikoy"] is None and places["Istanbul"].admin1 == "Istanbul"
    # "town center" is a kind word too: the Kadikoy of Yalova is not in Istanbul
    assert geoparse("On 6 May 2020, a demonstration was held in Kadikoy town center, Istanbul.")["Kadikoy"] is None
    # a town whose district GeoNames does not give is no other district's village: Somalia's Ceelbuur stays
    places = geoparse("On 29 April 2020, Al shabaab militants shot and killed three civilians in Ceel Buur town (Ceel Buur, Galgaduud).")
    assert places["Ceel Buur"].name == "Ceelbuur"


def test_village_of_and_district_center_write_the_area_a_name_lies_in(geoparse):
    # The Kirkoy GeoNames knows is in Mus, the Zari in Tibet; the text puts them in Bingol and Balkh.
    places = geoparse("Gendarmerie forces seized weapons during operations near Kirkoy village of Yayladere district, Bingol.")
    assert places["Kirkoy"] is None and places["Yayladere"].admin1 == "Bingol"
    places = geoparse("On 1 May 2020, 9 soldiers were killed following attacks by Taliban militants in Zari district center, Balkh.")
    assert places["Zari"] is None and places["Balkh"].country_code == "AF"


def test_a_suburb_or_sector_of_a_town_is_no_namesake_elsewhere(geoparse):
    # The San Jeronimo GeoNames knows is in Apurimac; the suburb of Cusco is not in cities500.
    places = geoparse("On 1 May 2020, in San Jeronimo suburb, Cusco city, prisoners staged a demonstration.")
    assert places["San Jeronimo"] is None and places["Cusco"].admin1 == "Cusco"
    # Petare's sector is not a municipality of the same name in Aragua (a district is no redistricted town)
    places = geoparse("On 4 May 2020, in the Jose Felix Ribas sector in Petare, Sucre municipality in Caracas, neighbors protested.")
    assert places["Jose Felix Ribas"] is None and places["Petare"].admin1 == "Miranda"


def test_a_name_inside_a_longer_name_is_no_town_known_by_that_alternate_name(geoparse):
    # "Bir" is an alternate name of Beed (India), "Bar" a Montenegrin municipality: parts of Lebanese place names here.
    assert "Bir" not in geoparse("On 28 April 2020, doctors at the Rafic Hariri University Hospital in Bir Hasan held a demonstration.")
    assert "Bar" not in geoparse("On 28 April 2020, rioters smashed the windows of Byblos Bank in Bar Elias.")
    # a big city under its former name still counts inside a building's name
    places = geoparse("Health workers demonstrated outside the Uitenhage Provincial Hospital (Nelson Mandela Bay, Eastern Cape).")
    assert places["Uitenhage"].name == "Kariega"
    # "Colonia" opens a Mexican neighbourhood's name, not Uruguay's Colonia department
    assert "Colonia" not in geoparse("In Metepec, Mexico, armed men attacked two people in Colonia San Jeronimo Chicahualco.")


def test_a_place_called_a_village_is_no_big_city_of_that_name(geoparse):
    places = geoparse("The FARDC launched an offensive against a CODECO position in the village of Korogo, near Berunda (Mahagi, Ituri).")
    assert places["Korogo"] is None  # Korhogo, Ivory Coast, 440,000 people, has "Korogo" among its names
    assert places["Ituri"].country_code == "CD"


def test_cli_geoparse_refuses_a_foreign_reading_the_written_area_rules_out(run_cli, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("On 28 April 2020, in Maracas, Tunapuna, a man was shot. On 29 April 2020, in Valencia, Sangre Grande, "
                    "police was shot by a man who was wanted by the police.", encoding="utf-8")
    result = run_cli("geoparse", str(note))
    assert result.returncode == 0, result.stderr
    rows = {row["text"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert rows["Valencia"]["geonameid"] is None
    assert rows["Sangre Grande"]["country_code"] == "TT"


def test_cli_extract_codes_an_event_at_the_qualified_namesake_in_the_written_area(extract_note):
    events = extract_note("On 29 April 2020, teachers staged a protest demonstration in Badah town (Larkana, Sindh), demanding "
                          "the arrest of people who set fire to wheat crops in the area.", "2020-04-30")
    assert [(e["location"], e["admin1"], e["geo_precision"]) for e in events] == [("New Badah", "Sindh", 1)]


def test_a_name_in_a_list_of_one_countrys_states_is_a_state(extractor):
    from sitrep.geo.detect import given_mentions
    from sitrep.geo.resolve import resolve_mentions

    # Alone, "Washington" is the capital and "New Brunswick" the New Jersey city; in these lists they are states.
    text = ("The states with reported cases are Arizona, California, Georgia, Utah, Washington and Wisconsin. "
            "Illnesses in Canada occurred in British Columbia, Alberta, Manitoba, Ontario and New Brunswick.")
    names = ["Arizona", "California", "Georgia", "Utah", "Washington", "Wisconsin", "Canada", "British Columbia",
             "Alberta", "Manitoba", "Ontario", "New Brunswick"]
    spans = sorted((text.index(name), text.index(name) + len(name)) for name in names)
    places = {t.text: t.place for t in resolve_mentions(text, given_mentions(text, spans), Article(text=text),
                                                         extractor.gazetteer, doc=extractor.nlp(text))}
    assert (places["Washington"].country_code, places["Washington"].feature_code) == ("US", "ADM1")
    assert (places["New Brunswick"].country_code, places["New Brunswick"].feature_code) == ("CA", "ADM1")
    # a list of towns stays towns
    places = {t.text: t.place for t in resolve_mentions(
        "Fighting spread to Mosul, Kirkuk and Tikrit.", given_mentions("Fighting spread to Mosul, Kirkuk and Tikrit.",
                                                                      [(19, 24), (26, 32), (37, 43)]),
        Article(text="x"), extractor.gazetteer)}
    assert places["Kirkuk"].feature_code == "PPL"


def test_a_name_known_only_with_its_lower_case_article_is_found(geoparse):
    places = geoparse("On 29 April 2020, the IRGC in al-Bukamal heightened their security posture and sealed off the city.")
    assert places["al-Bukamal"].country_code == "SY"
