"""ACLED country conventions for unattributed events: Donbas front-line fire, Brazilian drive-by killings, drug seizures."""

from __future__ import annotations

from datetime import date

from sitrep.extract.actor_conventions import (
    apply_drug_seizure,
    apply_conventions,
    conventions,
    front_areas_elsewhere,
    front_line_region,
    holder_of,
    place_key,
)
from sitrep.extract.actor_kb import ActorKB
from sitrep.records import Article, Event

PUBLISHED = date(2020, 5, 12)
NAF = "NAF: United Armed Forces of Novorossiya"
UKRAINE = "Military Forces of Ukraine (2019-)"


def _event(sub: str, **fields) -> Event:
    kind = {"Armed clash": "Battles", "Shelling/artillery/missile attack": "Explosions/Remote violence"}.get(sub, "Violence against civilians")
    return Event(doc_id="t", event_date=fields.pop("event_date", date(2020, 5, 10)), event_type=kind, sub_event_type=sub, **fields)


def _donbas():
    return conventions()[0][0]


def test_transliteration_variants_share_a_key():
    assert place_key("Khutir Vilny") == place_key("Khutir-Vilnyi")
    assert place_key("Kashtanovoye") == place_key("Kashtanove")
    assert place_key("Zolote-5") != place_key("Zolote")


def test_the_holder_comes_from_the_located_settlement_else_the_first_named_one():
    front = _donbas()
    assert holder_of(front, "Avdiivka", "") == "government"
    assert holder_of(front, None, "monitors heard 12 explosions near Yasynuvata and later near Avdiivka") == "separatists"
    # the region's name alone ("Donetsk") says nothing of which side holds the place
    assert holder_of(front, "Donetsk", "heard explosions near Donetsk") is None


def test_unattributed_shelling_of_a_separatist_held_village_is_coded_to_the_ukrainian_military():
    event = _event("Shelling/artillery/missile attack", country="Ukraine", location="Sakhanka")
    apply_conventions(event, "Monitors recorded 14 explosions near Sakhanka.", ActorKB.load())
    assert (event.actor1, event.inter1, event.actor2) == (UKRAINE, 1, None)


def test_an_exchange_of_fire_near_a_government_held_town_is_naf_against_the_army():
    event = _event("Armed clash", country="Ukraine", location="Marinka", actor1="Unidentified Armed Group (Ukraine)", inter1=3)
    apply_conventions(event, "Monitors heard bursts of small-arms fire near Marinka.", ActorKB.load())
    assert (event.actor1, event.inter1, event.actor2, event.inter2) == (NAF, 2, UKRAINE, 1)


def test_a_named_side_is_kept_and_the_other_side_filled_in():
    event = _event("Armed clash", country="Ukraine", location="Popasna", actor1=UKRAINE, inter1=1)
    apply_conventions(event, "Ukrainian troops exchanged fire near Popasna.", ActorKB.load())
    assert (event.actor1, event.actor2) == (UKRAINE, NAF)


def test_named_sides_are_left_alone():
    event = _event("Armed clash", country="Ukraine", location="Avdiivka", actor1=UKRAINE, actor2="Military Forces of Russia (2000-)")
    apply_conventions(event, "Fighting near Avdiivka.", ActorKB.load())
    assert event.actor2 == "Military Forces of Russia (2000-)"


def test_the_convention_ends_with_the_front_line_it_describes():
    event = _event("Shelling/artillery/missile attack", country="Ukraine", location="Avdiivka", event_date=date(2022, 3, 5))
    apply_conventions(event, "Shelling near Avdiivka.", ActorKB.load())
    assert event.actor1 is None


def test_a_monitors_report_is_placed_on_the_front_when_the_village_is_not_in_the_gazetteer():
    event = _event("Armed clash", country=None, location=None)
    apply_conventions(event, "The OSCE SMM recorded 20 shots near Khutir Vilnyi.", ActorKB.load())
    assert (event.actor1, event.actor2) == (NAF, UKRAINE)


def test_a_brazilian_drive_by_killing_by_unnamed_gunmen_is_the_gang_or_police_militia_actor():
    event = _event("Attack", country="Brazil", actor1="Unidentified Armed Group (Brazil)", inter1=3)
    apply_conventions(event, "A man was shot dead in a drive-by shooting by two armed men on a motorcycle.", ActorKB.load())
    assert event.actor1 == "Unidentified Gang and/or Police Militia"
    other = _event("Attack", country="Brazil", actor1="Unidentified Armed Group (Brazil)", inter1=3)
    apply_conventions(other, "A man was beaten to death by a group of men.", ActorKB.load())
    assert other.actor1 == "Unidentified Armed Group (Brazil)"
    # a shooting from a motorcycle, a body found with the marks of a killing: the same actor
    for text in ["Two men on a motorcycle executed two young men in Vila Menck neighborhood.",
                 "The body of a man was found under a bridge with tied hands. Circumstances of death are unknown."]:
        found = _event("Attack", country="Brazil", actor1="Unidentified Armed Group (Brazil)", inter1=3)
        apply_conventions(found, text, ActorKB.load())
        assert found.actor1 == "Unidentified Gang and/or Police Militia"
    # not in another country
    mexico = _event("Attack", country="Mexico", actor1="Unidentified Armed Group (Mexico)", inter1=3)
    apply_conventions(mexico, "The body of a man was found with gunshot wounds.", ActorKB.load())
    assert mexico.actor1 == "Unidentified Armed Group (Mexico)"


def test_a_monitors_note_on_front_line_fire_gets_both_sides(extractor):
    text = "On 10 May 2020, the OSCE SMM recorded 35 shots and bursts in both directions of the contact line near Avdiivka, Donetsk."
    events = [e for e in extractor.extract_one(Article(text=text, published=PUBLISHED)).events if not e.background]
    assert len(events) == 1  # ", Donetsk" says where Avdiivka is: not a second place
    assert (events[0].actor1, events[0].actor2) == (NAF, UKRAINE)


def test_an_unnamed_side_in_a_drug_trade_report_is_a_gang():
    event = _event("Armed clash", country="Colombia", iso3="COL", actor1="Police Forces of Colombia (2018-2022)",
                   actor2="Unidentified Armed Group (Colombia)")
    apply_conventions(event, "Police exchanged fire with drug traffickers near the port.", ActorKB.load())
    assert event.actor2 == "Unidentified Gang (Colombia)"
    political = _event("Armed clash", country="Colombia", iso3="COL", actor2="Unidentified Armed Group (Colombia)")
    apply_conventions(political, "Soldiers exchanged fire with gunmen near the port.", ActorKB.load())
    assert political.actor2 == "Unidentified Armed Group (Colombia)"
    # only the Latin American and Caribbean desks name gangs: a drug dealer's attacker in Syria is an armed group
    syria = _event("Attack", country="Syria", iso3="SYR", actor1="Unidentified Armed Group (Syria)", inter1=3)
    apply_conventions(syria, "An IED targeted the vehicle of a soldier who is reportedly a known drug dealer.", ActorKB.load())
    assert syria.actor1 == "Unidentified Armed Group (Syria)"
    jamaica = _event("Armed clash", country="Jamaica", iso3="JAM", actor2="Unidentified Armed Group (Jamaica)")
    apply_conventions(jamaica, "Police exchanged fire with members of a drug gang.", ActorKB.load())
    assert jamaica.actor2 == "Unidentified Gang (Jamaica)"


def test_the_marks_of_an_organised_crime_killing_name_a_gang_on_the_latin_american_mainland():
    def killer(country: str, iso3: str, text: str) -> str | None:
        event = _event("Attack", country=country, iso3=iso3, actor1=f"Unidentified Armed Group ({country})", inter1=3,
                       actor2=f"Civilians ({country})", inter2=7)
        apply_conventions(event, text, ActorKB.load())
        return event.actor1

    assert killer("Mexico", "MEX", "A man was found dead in Celaya; his hands were tied.") == "Unidentified Gang (Mexico)"
    assert killer("Mexico", "MEX", "A man was shot dead in Celaya.") == "Unidentified Armed Group (Mexico)"
    # the Caribbean desk codes a drive-by by unnamed men as an armed group, as the Middle East's does
    assert killer("Puerto Rico", "PRI", "A man was shot and killed in a drive-by shooting.") == "Unidentified Armed Group (Puerto Rico)"
    assert killer("Yemen", "YEM", "Two armed men carried out a drive-by shooting.") == "Unidentified Armed Group (Yemen)"


def test_cli_extract_names_a_gang_by_the_marks_of_a_killing_where_the_desk_does(extract_note):
    mexico = extract_note("On 3 May 2020, in Culiacan, Sinaloa, the bodies of two men with their hands tied were found.", "2020-05-04")
    yemen = extract_note("On 9 May 2020, 2 unidentified armed men carried out a drive-by shooting in Tuban, Lahij, targeting "
                         "a member of the governorate's security, injuring his son.", "2020-05-10")
    assert [e["actor1"] for e in mexico] == ["Unidentified Gang (Mexico)"]
    assert [e["actor1"] for e in yemen] == ["Unidentified Armed Group (Yemen)"]


def test_a_fight_told_without_its_sides_takes_them_from_the_sentence_before(extractor):
    text = (
        "On 10 May 2020, in Niteroi, Rio de Janeiro, Military Police officers raided a hill community to stop drug trafficking. "
        "A shoot-out broke out and two suspects were wounded."
    )
    [event] = [e for e in extractor.extract_one(Article(text=text, published=PUBLISHED)).events if e.event_type == "Battles"]
    assert event.actor1.startswith("Military Forces of Brazil") and event.actor1.endswith("Military Police")
    assert event.actor2 == "Unidentified Gang and/or Police Militia"  # Brazil's desk: the suspects the police fight


def test_a_front_line_settlement_gives_its_region_when_the_event_is_not_placed_there():
    unplaced = _event("Armed clash", country=None, location=None)
    assert front_line_region(unplaced, "The OSCE SMM recorded 20 shots near Krymske.") == ("Ukraine", "Luhansk")
    # a namesake far from the front (the gazetteer's only "Sakhanka" in another oblast)
    namesake = _event("Armed clash", country="Ukraine", location="Sakhanka", admin1="Poltava")
    assert front_line_region(namesake, "Monitors heard explosions near Sakhanka.") == ("Ukraine", "Donetsk")


def test_a_front_line_region_never_overrides_the_report_or_a_placed_town():
    placed = _event("Armed clash", country="Ukraine", location="Shyrokyne", admin1="Donetsk")
    assert front_line_region(placed, "Fire near Shyrokyne.") is None
    written = _event("Armed clash", country="Ukraine", location="Sakhanka", admin1="Poltava")
    assert front_line_region(written, "Explosions near Sakhanka in Poltava oblast.") is None
    elsewhere = _event("Armed clash", country="Ukraine", location="Kharkiv", admin1="Kharkiv")
    assert front_line_region(elsewhere, "Shots in Kharkiv; earlier fire near Krymske.") is None
    after = _event("Armed clash", country=None, location=None, event_date=date(2022, 3, 5))
    assert front_line_region(after, "The OSCE SMM recorded shots near Krymske.") is None
    # Luhanske (Donetsk oblast) shares its key with Luhansk: a town placed in one front region stays there.
    luhanske = _event("Armed clash", country="Ukraine", location="Luhanske", admin1="Donetsk")
    assert front_line_region(luhanske, "The OSCE SMM observed 4 explosions near Luhanske.") is None


def test_a_front_report_placed_off_the_front_looks_for_a_namesake_on_it(extractor):
    off = _event("Armed clash", country="Ukraine", location="Shevchenko", admin1="Poltava")
    assert front_areas_elsewhere(off, "Monitors recorded shots near Shevchenko.") == ("Ukraine", {"donetsk", "donbas", "luhansk"})
    # the report names the region; a protest is no front report; a place abroad counts only in a monitors' report
    assert front_areas_elsewhere(off, "Shots near Shevchenko, Poltava oblast.") is None
    assert front_areas_elsewhere(_event("Peaceful protest", country="Ukraine", location="Shevchenko", admin1="Poltava"),
                                 "Villagers protested in Shevchenko.") is None
    abroad = _event("Armed clash", country="Russia", location="Komsomolets", admin1="Tambovskaya oblast")
    assert front_areas_elsewhere(abroad, "Fire near Komsomolets.") is None
    assert front_areas_elsewhere(abroad, "The OSCE SMM recorded fire near Komsomolets.") is not None
    # end to end: the Shevchenko of Donetsk oblast, not the bigger one of Poltava oblast
    text = "On 8 May 2020, the OSCE SMM observed a total of 12 shots involving small arms near Shevchenko."
    [event] = extractor.extract_one(Article(text=text, published=PUBLISHED)).events
    assert (event.country, event.admin1, event.location) == ("Ukraine", "Donetsk", "Shevchenko")
    protest = "On 3 May 2020, villagers protested in Shevchenko against a new landfill."
    [elsewhere] = extractor.extract_one(Article(text=protest, published=PUBLISHED)).events
    assert elsewhere.admin1 != "Donetsk"



def test_a_front_report_whose_village_the_front_lacks_gets_no_point_far_off_the_front(extractor):
    """The gazetteer knows a Viktorivka only in Odesa oblast, 560 km from the front: the monitors' village is some
    other one on the front, so the event is coded to the country with no point, not to that namesake."""
    text = "On 8 May 2020, the OSCE SMM observed a total of 26 projectiles involving unknown weapons near Viktorivka."
    [event] = extractor.extract_one(Article(text=text, published=PUBLISHED)).events
    assert (event.country, event.admin1, event.location, event.latitude, event.geo_precision) == ("Ukraine", None, None, None, 3)
    # a report naming the village's region keeps the gazetteer's village
    text = "On 8 May 2020, shells hit a farm near Viktorivka, Odesa oblast, the OSCE SMM reported."
    [named] = extractor.extract_one(Article(text=text, published=PUBLISHED)).events
    assert (named.admin1, named.location) == ("Odesa", "Viktorivka")


def test_a_monitors_note_on_a_village_the_gazetteer_lacks_is_coded_to_its_region(run_cli, tmp_path):
    import json

    note = tmp_path / "note.jsonl"
    note.write_text(json.dumps({"id": "smm", "published": "2020-05-12",
                                "text": "On 10 May 2020, the OSCE SMM observed 14 explosions near Lopaskyne."}) + "\n")
    done = run_cli("extract", "--jsonl-input", str(note))
    assert done.returncode == 0, done.stderr
    [event] = [json.loads(line) for line in done.stdout.splitlines()]
    assert (event["country"], event["admin1"], event["geo_precision"]) == ("Ukraine", "Luhansk", 3)


def test_an_attack_on_a_victim_told_as_a_drug_trafficker_is_a_clash_with_a_gang():
    event = _event("Attack", country="Brazil", actor1="Unidentified Armed Group (Brazil)", inter1=3,
                   actor2="Civilians (Brazil)", inter2=7)
    apply_conventions(event, "A man was shot dead by two armed men. The victim had charges against him for several crimes, "
                             "including drug trafficking.", ActorKB.load())
    assert (event.event_type, event.sub_event_type, event.actor2, event.inter2) == (
        "Battles", "Armed clash", "Unidentified Gang (Brazil)", 3)
    # a drug-trade word about someone else does not make the victim a gang member
    other = _event("Attack", country="Brazil", actor1="Unidentified Armed Group (Brazil)", actor2="Civilians (Brazil)")
    apply_conventions(other, "A teacher who campaigned against drug trafficking was shot dead.", ActorKB.load())
    assert (other.sub_event_type, other.actor2) == ("Attack", "Civilians (Brazil)")


def test_cli_extract_reads_the_victims_record_told_after_the_killing(extract_note):
    events = extract_note("On 6 May 2020, in Iguatu, Ceara, a man was killed in a drive-by shooting by three armed men in a "
                          "car. The victim had charges against him for several crimes, including drug trafficking.", "2020-05-07")
    assert [(e["sub_event_type"], e["actor1"], e["actor2"], e["fatalities"]) for e in events] == [
        ("Armed clash", "Unidentified Gang and/or Police Militia", "Unidentified Gang (Brazil)", 1)]


def test_brazils_desk_puts_the_state_force_first_against_the_gang_or_police_militia_actor():
    military = "Military Forces of Brazil (2019-2023) Military Police"
    event = _event("Armed clash", country="Brazil", actor1="Unidentified Armed Group (Brazil)", inter1=2, actor2=military, inter2=1)
    apply_conventions(event, "Officers were attacked by suspects and a shoot-out broke out.", ActorKB.load())
    assert (event.actor1, event.inter1, event.actor2, event.inter2) == (military, 1, "Unidentified Gang and/or Police Militia", 3)
    # A side the report calls gang members stays a gang; a fight without state forces and another country's desk
    # are left alone.
    gang = _event("Armed clash", country="Brazil", actor1="Unidentified Gang (Brazil)", inter1=3, actor2=military, inter2=1)
    apply_conventions(gang, "Two gang members were killed after exchanging fire with military police forces.", ActorKB.load())
    assert (gang.actor1, gang.actor2) == (military, "Unidentified Gang (Brazil)")
    rivals = _event("Armed clash", country="Brazil", actor1="Unidentified Armed Group (Brazil)", inter1=2,
                    actor2="Unidentified Armed Group (Brazil)", inter2=2)
    apply_conventions(rivals, "A shoot-out took place in the Lixao community.", ActorKB.load())
    assert (rivals.actor1, rivals.actor2) == ("Unidentified Armed Group (Brazil)", "Unidentified Armed Group (Brazil)")
    mexico = _event("Armed clash", country="Mexico", actor1="Unidentified Armed Group (Mexico)", inter1=2,
                    actor2="Police Forces of Mexico (2018-2024)", inter2=1)
    apply_conventions(mexico, "Gunmen attacked police officers in the town.", ActorKB.load())
    assert mexico.actor1 == "Unidentified Armed Group (Mexico)"


def test_cli_extract_codes_a_brazilian_police_shoot_out_as_the_desk_does(extract_note):
    events = extract_note("On 7 May 2020, in Aracaju, Sergipe, a man was killed after exchanging fire with military police "
                          "forces during a patrol in Santa Maria neighborhood.", "2020-05-08")
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events] == [
        ("Armed clash", "Military Forces of Brazil (2019-2023) Military Police", "Unidentified Gang and/or Police Militia")]


def test_cli_extract_reads_the_force_that_broke_up_a_riot_in_the_sentence_after(extract_note):
    events = extract_note("On 8 May 2020, hundreds of traders lit tires and blocked the road near the Korogocho market "
                          "(Ruaraka, Nairobi). Demonstrators damaged property next to the road. Police used teargas and "
                          "water cannons to disperse the crowd.", "2020-05-09")
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events] == [
        ("Violent demonstration", "Rioters (Kenya)", "Police Forces of Kenya (2013-2022)")]


def _arrest(country: str, iso3: str, inter1: int = 1) -> Event:
    return Event(doc_id="t", event_date=date(2020, 5, 6), event_type="Strategic developments", sub_event_type="Arrests",
                 actor1=f"Police Forces of {country} (2019-2023)", inter1=inter1, actor2=f"Civilians ({country})", inter2=7,
                 country=country, iso3=iso3)


def test_an_arrest_with_drugs_seized_is_the_gangs_property_destroyed_where_the_desk_codes_it_so():
    seized = "Federal police forces seized at least 3 tons of marijuana hidden in a truck. A man was arrested."
    lab = "Military police forces dismantled a cocaine lab in the Recife neighborhood. A man was arrested."
    for text in (seized, lab):
        event = _arrest("Brazil", "BRA")
        assert apply_drug_seizure(event, text)
        assert (event.event_type, event.sub_event_type, event.actor2, event.inter2) == (
            "Strategic developments", "Looting/property destruction", "Unidentified Gang (Brazil)", 3)
    jamaica = _arrest("Jamaica", "JAM")
    assert apply_drug_seizure(jamaica, "Police discovered nearly 4000 kilograms of marihuana. Four persons were arrested.")
    assert jamaica.actor2 == "Unidentified Gang (Jamaica)"


def test_other_arrests_and_other_regions_keep_their_coding():
    # no seizure told; a seizure of weapons (a disrupted weapons use, not drugs); a desk that codes no seizures;
    # an arrest by a non-state side
    for event, text in [
        (_arrest("Brazil", "BRA"), "Police arrested three protesters outside the governor's palace."),
        (_arrest("Brazil", "BRA"), "Police seized two rifles and arrested a man."),
        (_arrest("India", "IND"), "Police seized 20 kg of heroin and arrested two men."),
        (_arrest("Brazil", "BRA", inter1=3), "Gang members seized 3 tons of marijuana and held a man."),
    ]:
        assert not apply_drug_seizure(event, text)
        assert (event.sub_event_type, event.actor2) == ("Arrests", f"Civilians ({event.country})")


def test_cli_extract_codes_a_drug_lab_dismantled_with_an_arrest_as_property_destroyed(run_cli, tmp_path):
    import json

    note = tmp_path / "note.jsonl"
    note.write_text(json.dumps({"id": "br", "published": "2020-05-10", "text": (
        "On 8 May 2020, in Petrolina, Pernambuco, military police forces dismantled a cocaine lab in Loteamento Recife "
        "neighborhood. A man was arrested.")}) + "\n")
    done = run_cli("extract", "--jsonl-input", str(note))
    assert done.returncode == 0, done.stderr
    [event] = [json.loads(line) for line in done.stdout.splitlines()]
    assert (event["sub_event_type"], event["actor2"], event["inter2"]) == (
        "Looting/property destruction", "Unidentified Gang (Brazil)", 3)

