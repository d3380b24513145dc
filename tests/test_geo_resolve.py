"""Toponym detection and resolution with context, on real text through the spaCy model."""

from __future__ import annotations

import pytest

from sitrep.geo.detect import given_mentions
from sitrep.geo.resolve import resolve_mentions, resolve_toponyms
from sitrep.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def geoparse(extractor):
    def run(text: str, dateline: str | None = None):
        article = Article(text=text, dateline=dateline)
        return resolve_toponyms(extractor.nlp(text), article, extractor.gazetteer)

    return run


def _by_text(toponyms):
    return {t.text: t for t in toponyms}


def test_tripoli_in_libya_by_context(geoparse):
    tops = _by_text(geoparse("Militias clashed in Tripoli on Sunday as the Libyan capital braced for more fighting near Misrata."))
    assert tops["Tripoli"].place.country_code == "LY"


def test_tripoli_in_lebanon_by_context(geoparse):
    tops = _by_text(geoparse("Protesters gathered in Tripoli, in northern Lebanon, and marched on to Beirut."))
    assert tops["Tripoli"].place.country_code == "LB"
    assert tops["Lebanon"].place.feature_code == "PCLI"


def test_palmyra_in_syria_vs_palmyra_in_the_us(geoparse):
    syria = _by_text(geoparse("Syrian government forces shelled Palmyra and the desert east of Homs on Monday."))
    assert syria["Palmyra"].place.country_code == "SY"
    missouri = _by_text(geoparse("The flood closed roads in Palmyra, Missouri, and in nearby Hannibal."))
    assert missouri["Palmyra"].place.country_code == "US"
    assert missouri["Palmyra"].place.admin1 == "Missouri"


def test_hays_in_yemen_vs_hays_in_kansas(geoparse):
    yemen = _by_text(geoparse("Houthi fighters attacked government positions in Hays, in Hodeidah province, Yemen."))
    assert yemen["Hays"].place.country_code == "YE"
    kansas = _by_text(geoparse("A tornado damaged homes in Hays, Kansas, on Tuesday night."))
    assert kansas["Hays"].place.country_code == "US"


def test_dateline_and_transliterations(geoparse):
    text = "QAIM, Iraq — Militants attacked a checkpoint near Rutba and later struck Al-Qaim again."
    tops = geoparse(text)
    names = {t.text: t.place.geonameid for t in tops if t.place}
    assert names["QAIM"] == 92138 and names["Al-Qaim"] == 92138
    assert names["Rutba"] == 98677


def test_relative_places_are_marked(geoparse):
    text = ("Gunmen attacked a checkpoint near Rutba. Shells fell 30 km south of Kirkuk. "
            "Troops patrolled along the border with Syria and outside Mosul.")
    tops = _by_text(geoparse(text))
    assert tops["Rutba"].relation == "near"
    assert tops["Kirkuk"].relation == "30 km south of"
    assert tops["Kirkuk"].place.feature_class == "P"  # the town, not the governorate
    assert tops["Syria"].relation == "along the border with"
    assert tops["Mosul"].relation == "outside"


def test_admin_hierarchy_in_text(geoparse):
    tops = _by_text(geoparse("A separate attack in Diyala, in eastern Iraq, targeted militiamen. Fighting spread in western Anbar."))
    assert tops["Diyala"].place.feature_code == "ADM1" and tops["Diyala"].place.country_code == "IQ"
    assert tops["Anbar"].place.admin1 == "Anbar" and tops["Anbar"].relation == "western"


def test_country_name_is_the_country(geoparse):
    tops = _by_text(geoparse("The USA and Iraq signed a security agreement."))
    assert tops["USA"].place.feature_code == "PCLI" and tops["USA"].place.country_code == "US"
    assert tops["Iraq"].place.feature_code == "PCLI"


def test_no_candidate_leaves_place_empty(extractor):
    text = "Rebels overran Zorblattville and Qxrtown before dawn."
    mentions = given_mentions(text, [(15, 28), (33, 40)])
    tops = resolve_mentions(text, mentions, Article(text=text), extractor.gazetteer, doc=extractor.nlp(text))
    assert [t.place for t in tops] == [None, None]
    assert all(t.score == 0.0 for t in tops)


def test_actor_demonyms_are_not_toponyms(geoparse):
    tops = geoparse("Iraqi forces and a Syrian group exchanged fire.")
    assert tops == []


def test_georgia_beside_atlanta_is_the_state(geoparse):
    text = "Storms knocked out power in Atlanta and Savannah on Monday, and Georgia officials closed schools."
    tops = _by_text(geoparse(text))
    assert tops["Georgia"].place.feature_code == "ADM1" and tops["Georgia"].place.country_code == "US"


def test_georgia_beside_tbilisi_is_the_country(geoparse):
    tops = _by_text(geoparse("Protesters marched through Tbilisi as Georgia's parliament met."))
    assert tops["Georgia"].place.feature_code == "PCLI"


def test_province_abbreviation_places_a_town(geoparse):
    tops = _by_text(geoparse("Wildfires forced evacuations in Kelowna, B.C., on Thursday."))
    assert tops["Kelowna"].place.country_code == "CA"
    assert tops["Kelowna"].place.admin1 == "British Columbia"


def test_towns_of_an_area_support_the_area(extractor):
    # gold-style spans: "Cook County" among places of Illinois is Illinois' county, not another state's
    text = "Flooding hit Evanston, Skokie and other suburbs of Cook County on Sunday."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Evanston", "Skokie", "Cook County")]
    tops = resolve_mentions(text, given_mentions(text, spans), Article(text=text), extractor.gazetteer,
                            doc=extractor.nlp(text))
    assert tops[2].place.country_code == "US" and tops[2].place.admin1 == "Illinois"


def test_neighbours_of_the_article_country_count(extractor):
    # Gaza is a town of Palestine and a province of Mozambique; news about Israel and Egypt means
    # the one next door.
    text = "Israeli aircraft struck targets in Gaza overnight, and Egypt urged Israel to hold back."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Gaza", "Egypt", "Israel to")]
    spans[2] = (spans[2][0], spans[2][0] + len("Israel"))
    tops = resolve_mentions(text, given_mentions(text, spans), Article(text=text), extractor.gazetteer,
                            doc=extractor.nlp(text))
    assert tops[0].place.country_code == "PS"


def _given(extractor, text: str, names: list[str]):
    """Resolve the given names (each occurrence) of a text, as with gold or user spans."""
    import re

    spans = sorted((m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text))
    return resolve_mentions(text, given_mentions(text, spans), Article(text=text), extractor.gazetteer, doc=extractor.nlp(text))


def test_country_name_is_the_country_not_its_capital_by_an_alternate_name(extractor):
    text = "Health officials in Mexico reported 300 new cases on Friday, most of them in Puebla, Toluca and Cuernavaca."
    tops = _by_text(_given(extractor, text, ["Mexico", "Puebla", "Toluca", "Cuernavaca"]))
    assert tops["Mexico"].place.feature_code == "PCLI"


def test_first_level_area_beats_a_village_of_the_same_name(extractor):
    text = "Cases rose in Sheffield and Rotherham in England over the weekend, and in Wales."
    tops = _by_text(_given(extractor, text, ["Wales", "England", "Sheffield", "Rotherham"]))
    assert tops["Wales"].place.feature_code == "ADM1" and tops["Wales"].place.country_code == "GB"


def test_a_big_town_named_like_its_area_is_still_the_town(geoparse):
    tops = _by_text(geoparse("A car bomb exploded in Kirkuk on Sunday, police in the city said."))
    assert tops["Kirkuk"].place.feature_code not in ("ADM1", "ADM2")


def test_acronym_is_not_a_town_spelled_like_it(extractor):
    text = "The EU pledged new aid to Greece and Italy on Monday."
    tops = _by_text(_given(extractor, text, ["EU", "Greece", "Italy"]))
    assert tops["EU"].place is None  # not the French town Eu


def test_former_country_name_is_the_country(extractor):
    text = "Mobutu renamed the country Zaire in 1971; decades later, refugees fled from Zaire into Rwanda and Uganda."
    tops = _by_text(_given(extractor, text, ["Zaire", "Rwanda", "Uganda"]))
    assert tops["Zaire"].place.country_code == "CD" and tops["Zaire"].place.feature_code == "PCLI"


def test_lower_case_arabic_article_is_part_of_the_name(geoparse):
    # The small model takes "al-Hasakeh" for a person; the article stays with the name and "in" before it counts.
    tops = _by_text(geoparse("Turkish forces and opposition rebels shelled Abboush in al-Hasakeh using artillery fire."))
    assert tops["al-Hasakeh"].place.country_code == "SY" and tops["al-Hasakeh"].place.admin1 == "Al Hasakah"
    assert "Hasakeh" not in tops


def test_a_direction_or_edge_before_of_makes_an_anchor_place(geoparse):
    # "east of Tubas" (the model says ORG), "the northern countryside of Aleppo" (NORP): places all the same.
    tubas = _by_text(geoparse("Israeli forces demolished an agricultural structure in the village of Tayasir, east of Tubas."))
    assert tubas["Tubas"].place.country_code == "PS"
    aleppo = _by_text(geoparse("Turkish forces shelled Menagh and surrounding areas in the northern countryside of Aleppo."))
    assert aleppo["Aleppo"].place.country_code == "SY"
    # Without the direction, "of" before a name the model calls an organisation stays no place clue.
    assert "Tubas" not in _by_text(geoparse("The head of Tubas Charity Society spoke to reporters."))


def test_a_name_the_model_cut_at_its_particle_is_widened_to_the_known_whole(geoparse):
    # The small model gives "Foz" (Foz do Douro, Portugal) and "Rocha" (Uruguay); the gazetteer knows the whole names.
    tops = _by_text(geoparse("In Foz do Iguacu, Parana, a man was shot. In Catole do Rocha, Paraiba, two bodies were found."))
    assert tops["Foz do Iguacu"].place.country_code == "BR" and tops["Catole do Rocha"].place.country_code == "BR"
    assert "Foz" not in tops and "Rocha" not in tops
    two_particles = _by_text(geoparse("In Martinez de la Torre, Veracruz, two armed men attacked a taxi driver."))
    assert two_particles["Martinez de la Torre"].place.country_code == "MX"
    # A capitalised article may open the whole: "Al" alone is a Norwegian town, "Los Angeles" a Californian city.
    tetela = _by_text(geoparse("On 5 May 2020, in Los Angeles Tetela, Puebla, two men were lynched."))
    assert tetela["Los Angeles Tetela"].place.admin1 == "Puebla" and "Los Angeles" not in tetela
    al_bab = _by_text(geoparse("A man's body was found in Al Bab city in Aleppo countryside."))
    assert al_bab["Al Bab"].place.country_code == "SY" and "Al" not in al_bab
    # a Persian ezafe joins the parts of one name: the model's "Kut" is Iraq's Kut, the whole an Iranian town
    kut = _by_text(geoparse("On 9 May 2020, a group of municipality workers in Kut e Abdollah protested against unpaid salaries."))
    assert kut["Kut e Abdollah"].place.country_code == "IR" and "Kut" not in kut


def test_widening_takes_no_kind_word_or_possessive(extractor):
    from sitrep.geo.mentions import Mention
    from sitrep.geo.name_rules import name_runs
    from sitrep.geo.name_rules import widened as widen_mentions

    def widened(text, part):
        start = text.index(part)
        return widen_mentions([Mention(start, start + len(part), part, "ner:GPE")], text, extractor.gazetteer,
                              name_runs(text))[0].text

    # "Dublin City" is an Irish area, but "City" here belongs to the manager's title.
    assert widened("It came at the request of Dublin City Manager Terry Foegler.", "Dublin") == "Dublin"
    assert widened("They added 50,000 acres to Virginia's Jefferson National Forest.", "Virginia") == "Virginia"
    assert widened("Deputies seized a meth lab near Batesburg-Leesville, authorities said.", "Batesburg") == "Batesburg-Leesville"


def test_a_kind_of_place_before_of_or_after_the_name_makes_it_a_place(geoparse):
    # "the town of Hasbaya": a village GeoNames gives no population, and the model does not see it as a place.
    hasbaya = _by_text(geoparse("Protesters in Lebanon held a march through the town of Hasbaya on Saturday."))
    assert hasbaya["Hasbaya"].place.country_code == "LB"
    # "Mbouda subdivision" is found, and with it "Ouest" is Cameroon's region, not Haiti's department.
    mbouda = _by_text(geoparse("Residents beat up a gendarmerie commander in Balatchi village, Mbouda subdivision (Bamboutos, Ouest)."))
    assert mbouda["Mbouda"].place.country_code == "CM" and mbouda["Ouest"].place.country_code == "CM"
    # "the island of Lesvos" (the model: a product), "the state of Punjab" (the model: a nationality).
    lesvos = _by_text(geoparse("Asylum seekers staged a sit-in outside the camp, on the island of Lesvos, demanding protection."))
    assert lesvos["Lesvos"].place.country_code == "GR"
    punjab = _by_text(geoparse("The party staged a roof top protest all across the state of Punjab against the government."))
    assert punjab["Punjab"].place.feature_code == "ADM1"
    # "Maungdaw Township": the model's entity loses the kind word the gazetteer does not know it with.
    maungdaw = _by_text(geoparse("In Maungdaw Township, Rakhine State, border guard police and ARSA clashed."))
    assert maungdaw["Maungdaw"].place.country_code == "MM"


def test_an_area_named_x_and_y_is_one_place_but_a_list_of_two_towns_stays_two(geoparse):
    iran = _by_text(geoparse("A protest was held in Kohgiluyeh and Boyer-Ahmad province against the diversion of water."))
    area = iran["Kohgiluyeh and Boyer-Ahmad"].place
    assert area.country_code == "IR" and area.feature_code == "ADM1"
    listed = _by_text(geoparse("Clashes hit Mosul and Kirkuk on Sunday."))
    assert {"Mosul", "Kirkuk"} <= set(listed)
    # "/" joins a Trinidadian region's two names; "Tunapuna" alone is its town, and Maracas no Brazilian town there
    trinidad = _by_text(geoparse("On 28 April 2020, in Maracas, Tunapuna/Piarco, a man was shot and wounded in a drive-by shooting."))
    assert trinidad["Tunapuna/Piarco"].place.feature_code == "ADM1" and trinidad["Maracas"].place is None


def test_a_name_followed_by_the_area_it_lies_in_is_a_place_whatever_the_model_says(geoparse):
    # The model calls "Caripe" an organisation; "Monagas state" after it holds a Caripe.
    caripe = _by_text(geoparse("On 29 April 2020, Caripe, Monagas state, farmers blocked roads to demand fuel."))
    assert caripe["Caripe"].place.country_code == "VE" and caripe["Caripe"].place.admin1 == "Monagas"
    # No area after it, and no place clue: the organisation stays one.
    assert "Caripe" not in _by_text(geoparse("On 29 April 2020, Caripe said farmers blocked roads to demand fuel."))


def test_an_organisation_after_a_weak_locative_is_no_village_of_that_alternate_name(geoparse):
    # A Turkish village has "Taliban" among its alternate names; "between" does not make the group a place.
    tops = _by_text(geoparse("Clashes broke out between Taliban militants and Afghan forces in Khost province."))
    assert "Taliban" not in tops and tops["Khost"].place.country_code == "AF"
    # A verb of attack is a strong clue: "Avdiivka" (the model: a person) is Avdiyivka by an alternate name.
    shelled = _by_text(geoparse("On 6 May 2020, separatist forces shelled Avdiivka and Horlivka in Donetsk."))
    assert shelled["Avdiivka"].place.admin1 == "Donetsk"


def test_a_river_name_that_begins_a_longer_name_is_the_longer_name(geoparse):
    # "Rio Grande" is a river (and a city), but "Rio Grande do Sul" is the state; Coxilha lies in it.
    tops = _by_text(geoparse("On 27 April 2020, in Coxilha, Rio Grande do Sul, police seized a ton of marijuana."))
    assert tops["Rio Grande do Sul"].place.feature_code == "ADM1" and "Rio Grande" not in tops
    assert tops["Coxilha"].place.admin1 == "Rio Grande do Sul"


def test_a_lower_case_kind_word_is_no_part_of_the_name(geoparse):
    # "Hays City" is an alternate name of Hays, Kansas; "Hays city (Al Hudaydah)" is the Yemeni town.
    tops = _by_text(geoparse("Snipers opened fire on a civilian in the east of Hays city (Al Hudaydah), killing him."))
    assert tops["Hays"].place.country_code == "YE"


def test_the_anchor_of_rural_or_countryside_is_a_place_whatever_its_size(geoparse):
    # GeoNames gives these towns no population, and the model calls Tell Abiad an organisation.
    abiad = _by_text(geoparse("Turkish forces shelled several villages in the western countryside of Tell Abiad in Ar-Raqqa."))
    assert abiad["Tell Abiad"].place.country_code == "SY"
    ras = _by_text(geoparse("Rebels looted wheat and barley crops in Attia in rural Ras al Ain in al-Hasakeh."))
    assert ras["Ras al Ain"].place.country_code == "SY" and ras["Ras al Ain"].place.feature_class == "P"
    # "the" before the name: a family's home, not the Afghan village that has "Marsh" as an alternate name.
    assert "Marsh" not in _by_text(geoparse("Residents in the vicinity of the Marsh home said they smelled smoke."))


def test_a_place_of_a_country_the_text_names_is_found_after_in_whatever_its_size(geoparse):
    # cities500 gives Hasbaya no population, and the model calls it an organisation; the note names Lebanon.
    text = ("On 29 April 2020, protesters from the movement against the political system in Lebanon gathered at the public "
            "courtyard in Hasbaya in demonstration against the high US dollar exchange rate.")
    assert _by_text(geoparse(text))["Hasbaya"].place.country_code == "LB"
    # with no country named, an unpopulated entry the model calls an organisation stays unproposed
    assert "Hasbaya" not in _by_text(geoparse(text.replace("in Lebanon ", "")))


def test_each_name_of_a_list_closed_by_towns_is_a_place(geoparse):
    # the model calls Harim an organisation; "between Harim and Sarmada towns" makes both names places
    text = ("A man's body was found near the outskirts of Al Wadi Al Kabeer area between Harim and Sarmada towns in "
            "north-western Idleb.")
    assert _by_text(geoparse(text))["Harim"].place.country_code == "SY"
    assert "Harim" not in _by_text(geoparse("A man's body was found near the offices of Harim and Sarmada Holdings."))


def test_a_front_named_after_an_area_is_that_area(geoparse):
    # the model calls "Al Jawf" a person; "frontlines" after it makes it a place, and the governorate's own name wins
    # over an Abyan town that has "Al Jawf" only among its alternate names
    text = ("On 9 May 2020, clashes erupted between pro-Houthi forces and pro-Hadi forces on the Sirwah (Marib), Nihm "
            "(Sanaa), and Al Jawf frontlines.")
    place = _by_text(geoparse(text))["Al Jawf"].place
    assert (place.country_code, place.feature_code, place.admin1) == ("YE", "ADM1", "Al Jawf")
    # a capitalised Front is a name, not a place word
    assert "Patriotic" not in _by_text(geoparse("The Patriotic Front held a rally in Lusaka on Sunday."))


def test_a_village_the_model_calls_a_product_or_work_of_art_is_found_after_near(geoparse):
    # "Svitlodarsk" (GeoNames: Svetlodarsk) and "Hnutove": the small model's PRODUCT and WORK_OF_ART.
    svitlodarsk = _by_text(geoparse("The OSCE SMM observed a total of 11 shots involving small arms near Svitlodarsk."))
    assert svitlodarsk["Svitlodarsk"].place.country_code == "UA"
    hnutove = _by_text(geoparse("The OSCE SMM observed a total of 27 explosions involving unknown weapons near Hnutove."))
    assert hnutove["Hnutove"].place.country_code == "UA"


def test_a_town_the_model_calls_a_group_of_people_is_a_place_but_a_demonym_is_not(geoparse):
    # the small model tags "Tindouf" NORP: no demonym, and a town of 45,000 under its own name
    tops = _by_text(geoparse("The army fired on refugees trying to escape from Tindouf camps in the region."))
    assert tops["Tindouf"].place.country_code == "DZ"
    assert "Algerian" not in _by_text(geoparse("The army fired on refugees trying to escape from Algerian camps."))


def test_a_district_of_a_city_is_not_a_namesake_elsewhere(geoparse):
    # the gazetteer's only "Desnianskyi" is a district of Chernihiv, 120 km from Kyiv
    tops = _by_text(geoparse("Medics protested in Desnianskyi district of Kyiv on Wednesday."))
    assert tops["Desnianskyi"].place is None
    assert tops["Kyiv"].place.country_code == "UA"


def test_a_parent_written_after_a_kind_word_or_before_a_full_stop_makes_a_place(geoparse):
    # the small model calls all three people; the hierarchy written after them says they are places
    tops = _by_text(geoparse("Gunmen shot a man in Barangay Basak, Guihulngan, Negros Oriental. Police said he died."))
    assert tops["Guihulngan"].place.country_code == "PH" and tops["Guihulngan"].place.admin2 == "Negros Oriental"
    tops = _by_text(geoparse("A man was found dead at the borders between Escobedo and Monterrey municipalities, Nuevo Leon."))
    assert tops["Monterrey"].place.admin1 == "Nuevo Leon"
    assert tops["Nuevo Leon"].place.feature_code == "ADM1"


def test_a_bracketed_other_name_takes_the_area_written_after_the_bracket(geoparse):
    # "Nahri Sarah (Girishk) district, Helmand": Girishk is Gereshk, the district's town, by its consonants in Helmand
    tops = _by_text(geoparse("An IED destroyed an Afghan military APC in Khomano Kash area of Nahri Sarah (Girishk) district, Helmand."))
    assert (tops["Girishk"].place.name, tops["Girishk"].place.admin1) == ("Gereshk", "Helmand")


def test_an_unknown_spelling_is_the_place_of_its_written_area_with_the_same_consonants(geoparse):
    tops = _by_text(geoparse("A drone strike killed a militant in Nahri Saraj district, Helmand."))
    assert tops["Nahri Saraj"].place.name == "Nahr-e Sarāj" and tops["Nahri Saraj"].place.admin1 == "Helmand"
    # a name known as written is not re-spelled into its neighbour's area: a list of states
    tops = _by_text(geoparse("Cases were reported in Ohio, New York, Ohio and Indiana."))
    assert all(t.place is None or t.place.name != "Newark" for t in tops.values())


def test_of_an_areas_namesake_villages_the_one_by_the_city_of_the_same_name(geoparse):
    # Donetsk oblast holds two Vesele and two Opytne: "X, Donetsk" is read as the one by the city (7 and 10 km),
    # not the larger one 60-80 km away
    vesele = _by_text(geoparse("Forces fired grenade launchers at positions in the area of Vesele, Donetsk."))["Vesele"].place
    opytne = _by_text(geoparse("Rebels fired mortars at positions near Opytne, Donetsk."))["Opytne"].place
    assert (vesele.admin1, round(vesele.latitude, 2)) == ("Donetsk", 48.06)
    assert (opytne.admin1, round(opytne.latitude, 2)) == ("Donetsk", 48.1)
    # a town named like the area is no hint for a name written like the town itself
    text = "A meeting was held in Santa Ana, California. Officials from the City of Santa Ana, the Santa Ana school board and Irvine came."
    assert {t.place.country_code for t in geoparse(text) if t.text == "Santa Ana"} == {"US"}


def test_a_town_under_another_spelling_after_a_verb_of_attack(geoparse):
    # "Tall Refaat" is Tall Rif'at only under the loose key; "shelled" says it is a place.
    tops = _by_text(geoparse("On 29 April 2020, Turkish forces shelled Tall Refaat and its vicinity in Aleppo using artillery fire."))
    assert tops["Tall Refaat"].place.country_code == "SY"


def test_a_name_written_in_its_area_or_before_lga_is_a_place(geoparse):
    daret = _by_text(geoparse("On 8 May 2020, several residents of Daret Azza in Aleppo held a vigil protesting HTS policies."))
    assert daret["Daret Azza"].place.country_code == "SY"
    faskari = _by_text(geoparse("On 6 May 2020, gunmen shot and injured the Divisional Police Officer of Faskari LGA (Katsina)."))
    assert faskari["Faskari"].place.country_code == "NG"


def test_a_lower_case_continuation_spelled_whole_elsewhere_in_the_text_is_part_of_the_name(geoparse):
    # "(Mirpur khas, Sindh)": not Mirpur of Azad Kashmir, which would also reject "Mirpur Khas city" before it.
    tops = geoparse("Journalists held a rally outside the press club in Mirpur Khas city (Mirpur khas, Sindh).")
    assert {t.text: t.place.admin1 for t in tops if t.place} == {"Mirpur Khas": "Sindh", "Mirpur khas": "Sindh", "Sindh": "Sindh"}


def test_a_kind_word_and_of_before_an_unknown_name_are_dropped(geoparse):
    tops = _by_text(geoparse("As reported on 28 April 2020, in the Municipality of Allende, Chihuahua, gang members handed out food."))
    assert tops["Allende"].place.admin1 == "Chihuahua"


def test_a_law_section_is_no_place(geoparse):
    # "Section" is a town in Alabama; the model marks "Section 6" as a law.
    tops = _by_text(geoparse("Press groups called for the removal of Section 6 from the journalists' protection legislation."))
    assert "Section" not in tops


def test_arabic_wa_joins_a_district_name(geoparse):
    tops = _by_text(geoparse("Coalition airstrikes reportedly targeted Khabb wa ash Shaaf district (Al Jawf)."))
    assert tops["Khabb wa ash Shaaf"].place.country_code == "YE" and "Shaaf" not in tops


def test_each_name_of_a_list_closed_by_a_plural_kind_word_is_an_area(geoparse):
    # "Al Jawf" alone would be a town of Abyan; "governorates" makes all three governorates.
    tops = _by_text(geoparse("Pro-Houthi forces reportedly shelled pro-Hadi groups in Al Jawf, Ad Dali and Taizz governorates."))
    assert {tops[name].place.feature_code for name in ("Al Jawf", "Ad Dali", "Taizz")} == {"ADM1"}
    assert tops["Al Jawf"].place.admin1 == "Al Jawf"


def test_direction_before_a_country_and_a_date_label_without_digits(geoparse):
    # "Northern Iraq" is Iraq; the model tags "Dahuk" a date.
    tops = _by_text(geoparse("Turkish forces conducted airstrikes in Gundu Mele area in Zap (Amadiya) region of Dahuk, Northern Iraq."))
    assert tops["Iraq"].place.feature_code == "PCLI" and tops["Dahuk"].place.country_code == "IQ"


def test_an_area_of_or_the_town_of_takes_a_loose_spelling(geoparse):
    tal = _by_text(geoparse("Regime forces looted civilians' properties in the town of Tal Tamer in the countryside of Al-Hasakeh."))
    assert tal["Tal Tamer"].place.country_code == "SY"
    spin = _by_text(geoparse("A Taliban sniper shot 2 Afghan soldiers in Mail area of Spin Boldak (Takhtah Pul) district, Kandahar."))
    assert spin["Spin Boldak"].place.admin1 == "Kandahar"


def test_a_name_under_another_transliteration_is_the_place_of_the_region_written_after_it(geoparse):
    # the model tags none of them; "(Amadiya) region of Dahuk" says Amadiya lies in Dahuk: Al 'Amadiyah
    tops = _by_text(geoparse("Turkish forces conducted airstrikes in Kuniska area in Zap (Amadiya) region of Dahuk, Northern Iraq."))
    assert tops["Amadiya"].place.name == "Al ‘Amādīyah" and tops["Amadiya"].place.admin1 == "Duhok"
    # without a written area such a reading stays out (a small town under another spelling)
    assert "Amadiya" not in _by_text(geoparse("Turkish forces conducted airstrikes near Amadiya on Sunday."))


def test_the_last_name_before_a_plural_kind_of_area_is_that_area(geoparse):
    # the model calls Balkh a person; "Laghman, and Balkh provinces" makes it the province, not its town
    tops = _by_text(geoparse("Seven Taliban militants were killed during police operations in Kabul, Ghor, Laghman, and Balkh provinces."))
    assert tops["Balkh"].place.feature_code == "ADM1" and tops["Balkh"].place.country_code == "AF"
    assert tops["Laghman"].place.feature_code == "ADM1"


def test_a_repeated_name_is_no_evidence_for_its_own_reading(geoparse):
    # Tripoli twice and Beirut once: the two Tripolis' first guess (Libya's capital) must not outvote Beirut
    text = "Protesters gathered in Tripoli on Monday. Rioters in Tripoli later blocked the road to Beirut with burning tyres."
    assert {t.place.country_code for t in geoparse(text)} == {"LB"}
    # other names still count, however often they are repeated
    text = "Militias clashed in Tripoli on Sunday. Fighting near Misrata and Misrata's port went on."
    assert _by_text(geoparse(text))["Tripoli"].place.country_code == "LY"


def test_a_mixed_case_acronym_is_no_place_spelled_like_it(geoparse):
    # the model calls "JaS" (Jaysh al-Sharqiya) a place; GeoNames has "Jas" among the names of Iasi, Romania
    text = "Police forces, supported by Jaysh al Islam, JaS and the 9th Division, clashed with rebels in the town of Jarablus."
    tops = _by_text(geoparse(text))
    assert "JaS" not in tops or tops["JaS"].place is None
    assert tops["Jarablus"].place.country_code == "SY"


def test_the_other_end_of_a_route_makes_a_name_a_place(geoparse):
    # the model calls Al Mayadin a person; "from X to Al-Bukamal" with Al-Bukamal a known town says it is a place
    text = "Warplanes carried out raids on positions in the area stretching from Al Mayadin to Al-Bukamal in Deir-ez-Zor."
    assert _by_text(geoparse(text))["Al Mayadin"].place.country_code == "SY"
    # persons on either side stay persons
    assert not geoparse("The chairmanship passed from Ahmed to Mohammed and then from Ali to Hassan.")


def test_one_other_area_named_does_not_pull_a_capital_to_a_village_there(geoparse):
    # New York is the only other area named, but one of the article's several places: Cairo stays Egypt's
    # capital, not the village of Cairo, New York (its own mentions being no evidence either way)
    text = ("Sisi spoke on Friday after returning to Cairo from New York, where he attended the UN General Assembly. "
            "Egypt is a strong country, he told reporters after his return from New York. "
            "Rare protests erupted last week in Cairo and other cities. Police arrested hundreds in Cairo.")
    assert {t.place.country_code for t in geoparse(text) if t.text == "Cairo"} == {"EG"}


def test_an_air_base_named_after_its_town_is_at_the_town(geoparse):
    # The model calls "Hama Airbase" an organisation; the base is at Hama, as "Kandahar Air Field" is at Kandahar.
    hama = _by_text(geoparse("On 1 May 2020, drones controlled by an unidentified military group targeted Hama Airbase. "
                             "Neither injuries nor fatalities were reported."))
    assert hama["Hama"].place.country_code == "SY" and "Hama Airbase" not in hama
    kandahar = _by_text(geoparse("Rockets landed inside Kandahar Air Field on Tuesday, officials said."))
    assert kandahar["Kandahar"].place.country_code == "AF"


def test_the_first_word_of_a_known_longer_name_is_not_a_place_of_its_own(geoparse):
    # "Ain" alone is a French department, but "Ain Issa" is a Syrian town (Ayn Isa): no French place is read.
    tops = geoparse("On 1 May 2020, warplanes operated by the Turkish army struck Ain Issa, killing 2 civilians.")
    assert all(t.place is None or t.place.country_code != "FR" for t in tops)
    assert "Ain" not in _by_text(tops)


def test_titles_outlets_and_peoples_surnames_are_no_places(geoparse):
    # "Gen." is a general, not Gennes-sur-Seiche; an outlet opening the body like a dateline is no region of Syria.
    assert "Gen" not in _by_text(geoparse("The unprecedented snub of Gen. Hlaing was welcomed by the Burmese opposition."))
    assert "Al Jazeera" not in _by_text(geoparse("Al Jazeera — Ugandan rights activists say the images show torture."))
    # "Manning" after "Chelsea Manning" is the person, not Manning, South Carolina; a big place keeps its name.
    tops = _by_text(geoparse("Assange worked with whistleblower Chelsea Manning. Because of Manning, Assange and "
                             "WikiLeaks, we learned of civilian casualties."))
    assert "Manning" not in tops
    jordan = _by_text(geoparse("Michael Jordan visited refugees in Jordan last week."))
    assert jordan["Jordan"].place.country_code == "JO"


def test_a_compass_word_is_an_area_only_of_a_country_the_article_names(geoparse):
    # Cameroon's regions are called "North" and "East"; in an article about Sri Lanka they are not read.
    tops = geoparse("Dozens of journalists have been assassinated in Sri Lanka, particularly in the North and the East.")
    assert all(t.place is None for t in tops if t.text in ("North", "East"))
    cameroon = _by_text(geoparse("YAOUNDE, Cameroon - Separatists attacked a school in the North and the Far North."))
    assert cameroon["North"].place.country_code == "CM" and cameroon["Far North"].place.feature_code == "ADM1"


def test_contractions_bare_state_abbreviations_and_a_persons_surname_are_no_places(geoparse):
    # "I'll" folds to Ill. (Illinois); "Miss" without its full stop is no Mississippi; the model's GPE "Fairfield"
    # after "Jennifer Fairfield" is the person. "Jackson, Miss." keeps both places.
    tops = _by_text(geoparse("\"I promise I'll do the best job possible,\" she said after winning the Miss category. "
                             "Jennifer Fairfield was charged in March. Fairfield declined to plead. She moved to "
                             "Jackson, Miss., last year."))
    assert "I'll" not in tops and "Fairfield" not in tops
    assert [t.start for t in geoparse("She won the Miss category.")] == []
    assert tops["Miss"].place.admin1 == "Mississippi" and tops["Jackson"].place.admin1 == "Mississippi"


def test_a_disease_or_newspaper_named_after_a_place_and_a_question_opener_are_no_places(geoparse):
    tops = _by_text(geoparse("The Soviet Union reportedly prepared Marburg virus samples. It was reported in the Washington "
                             "Post that China hid cases. People asked: \"Can the donors be trusted?\" Lassa fever spread "
                             "in Edo state, Nigeria."))
    assert not {"Marburg", "Washington", "Can", "Lassa"} & set(tops)
    assert tops["China"].place.country_code == "CN" and tops["Edo"].place.country_code == "NG"


def test_a_name_in_a_list_of_countries_is_a_country(geoparse):
    # "China, Japan" is no village called China in Japan when the list is one of countries
    found = geoparse("Health officials in other countries such as Mexico, China, Japan, Ukraine and Brazil also report cases.")
    assert [(t.text, t.place.country_code, t.place.feature_code) for t in found if t.text == "China"] == [("China", "CN", "PCLI")]
    found = geoparse("Many countries, among them China, Japan, and the United Kingdom, have warned the WHO.")
    assert [(t.place.country_code, t.place.feature_code) for t in found if t.text == "China"] == [("CN", "PCLI")]
    # two names are no list: "Atlanta, Georgia, USA" keeps the state
    found = geoparse("She moved to Atlanta, Georgia, USA, last year.")
    assert [(t.place.country_code, t.place.feature_code) for t in found if t.text == "Georgia"] == [("US", "ADM1")]



def test_a_name_found_as_a_place_once_is_repeated_only_with_place_evidence(extractor):
    from sitrep.geo.detect import _repeated_names
    from sitrep.geo.mentions import Mention

    text = ("Volunteers arrived in Torrington on Monday. Torrington firefighters called in help. Lincoln visited the "
            "capital in 1864. Lincoln lived long enough to see the Union win.")
    doc = extractor.nlp(text)
    # as if the model had tagged both first occurrences as places: only the one written after "in" is one
    mentions = [Mention(text.index("Torrington"), text.index("Torrington") + 10, "Torrington", "ner:GPE"),
                Mention(text.index("Lincoln"), text.index("Lincoln") + 7, "Lincoln", "ner:GPE")]
    repeated = _repeated_names(mentions, doc, text, extractor.gazetteer, None)
    assert [(m.text, m.start) for m in repeated] == [("Torrington", text.rindex("Torrington"))]


def test_a_big_citys_english_name_beats_the_small_towns_own_name(geoparse):
    """"Odessa" is the English name of Odesa (a million people), the own name of Odessa, Texas (114,000): alone it is
    Odesa; an article about Texas keeps its town, and one about Syria gives no Egyptian city its exonym."""
    alone = _by_text(geoparse("Activists blocked a road near Odessa in protest against a commemorative rally."))
    assert (alone["Odessa"].place.country_code, alone["Odessa"].place.name) == ("UA", "Odesa")
    texas = _by_text(geoparse("Police in Midland and Odessa, Texas, arrested two men after a shooting."))
    assert texas["Odessa"].place.country_code == "US"
    syria = _by_text(geoparse("On 8 May 2020, unidentified gunmen assassinated a QSD member on Mansura - al Tabqa road in Ar-Raqqa."))
    assert syria["Mansura"].place is None or syria["Mansura"].place.country_code != "EG"
