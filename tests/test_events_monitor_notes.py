"""Monitor-style notes and armed groups' non-violent activity: sub-types, the cue's head, and place qualifiers."""

from __future__ import annotations

from datetime import date

from event_helpers import current_events_on

from sitrep.extract.classifier import Report, RuleClassifier
from sitrep.extract.triggers import find_cues
from sitrep.records import Article

PUBLISHED = date(2020, 5, 12)


def sub_type(text: str) -> str | None:
    kind = RuleClassifier().classify(Report(text, find_cues(text)))
    return kind.sub_event_type if kind else None


def test_counted_fire_from_heavy_weapons_is_a_shelling():
    assert sub_type("Monitors counted 30 bursts of fire involving heavy machineguns near the village.") == "Shelling/artillery/missile attack"
    assert sub_type("Monitors counted 12 projectiles/explosions/shots involving unknown weapons near the village.") == "Shelling/artillery/missile attack"


def test_small_arms_or_fire_both_ways_is_an_armed_clash():
    assert sub_type("Monitors counted 9 shots involving small arms near the village.") == "Armed clash"
    assert sub_type("Monitors counted 40 explosions/shots in both directions of the contact line near the village.") == "Armed clash"
    assert sub_type("Soldiers exchanged fire with militants after mortar shells landed near the base.") == "Armed clash"


def test_a_crowd_gathered_somewhere_demanding_something_is_a_protest():
    # the cue's last word may be inflected: "demanding", "chanting" (the cue once needed "demand" and "chant" whole)
    assert sub_type("Nearly 2000 migrant laborers gathered at Gota area of Ahmedabad city, demanding to return home.") == "Peaceful protest"
    assert sub_type("Villagers gathered at a health checkpoint in Choeng Thale, chanting for local officers.") == "Peaceful protest"
    assert sub_type("Nearly 2000 migrant laborers gathered at the station and boarded a train home.") is None


def test_cli_extract_finds_the_protest_of_a_crowd_gathered_demanding(extract_note):
    events = extract_note("On 8 May 2020, nearly 2000 migrant laborers gathered at Gota area of Ahmedabad city (Ahmedabad, "
                          "Gujarat), demanding to return home during the coronavirus lockdown and were eventually dispersed "
                          "by police. [size=nearly 2000]", "2020-05-09")
    assert [(e["sub_event_type"], e["admin1"]) for e in events] == [("Protest with intervention", "Gujarat")]


def test_an_armed_group_handing_out_aid_is_a_change_to_its_activity():
    assert sub_type("Gunmen of the Gulf Cartel handed out boxes of food to families in the town.") == "Change to group/activity"
    assert sub_type("Members of Los Zetas delivered food packages to families.") == "Change to group/activity"
    # a charity's handout is no ACLED event
    assert sub_type("Volunteers of the Red Cross distributed food packages in the town.") is None


def test_the_group_named_before_a_split_cue_is_its_actor(extractor):
    # the parse reads "Michoacan, members of the CJNG" as an apposition: the cue is still headed by its verb
    text = "As reported on 10 May 2020, in Uruapan, Michoacan, members of the CJNG delivered food packages to families."
    [event] = extractor.extract_one(Article(text=text, published=PUBLISHED)).events
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1 == "CJNG: Jalisco New Generation Cartel"


def test_a_region_named_after_a_comma_is_not_a_second_place(extractor):
    text = "On 10 May 2020, separatist forces fired mortars at government positions near Orikhove, Luhansk."
    events = extractor.extract_one(Article(text=text, published=PUBLISHED)).events
    assert len(events) == 1
    # a real list of places still gives one event per place
    listed = extractor.extract_one(Article(text="On 10 May 2020, troops shelled Kabul and Kandahar.", published=PUBLISHED)).events
    assert len(listed) == 2


def test_a_region_after_a_comma_under_its_conventional_name_is_not_a_second_place(extractor):
    # GeoNames calls the state "Veracruz de Ignacio de la Llave"; notes write "Veracruz", also a city.
    text = "On 8 May 2020, in Martinez de la Torre, Veracruz, two armed men attacked a taxi driver."
    [event] = extractor.extract_one(Article(text=text, published=PUBLISHED)).events
    assert event.location == "Martínez de la Torre" and event.admin1 == "Veracruz" and event.geo_precision == 1


def test_a_grenade_attack_answered_with_gunfire_is_an_armed_clash():
    assert sub_type("Attackers threw a hand grenade at an army checkpoint and soldiers responded with gunfire.") == "Armed clash"
    assert sub_type("Gunmen attacked a police patrol with grenades and rifles near the market.") == "Armed clash"
    assert sub_type("Unknown men threw a grenade into a bar, wounding four customers.") == "Grenade"


current = current_events_on(PUBLISHED)


def test_a_denied_harm_does_not_turn_an_arson_into_an_attack(extractor):
    text = (
        "On 10 May 2020, in Canete, Biobio, three lorries of a forestry firm were set on fire by a group of armed men. "
        "No people were reported injured or killed."
    )
    [event] = current(extractor, text)
    assert event.sub_event_type == "Looting/property destruction"


def test_a_denied_death_keeps_the_bombing():
    # the sentence's blast stays an event; only the harm words are set aside
    assert sub_type("A bomb exploded near the market on Sunday; no one was killed.") == "Remote explosive/landmine/IED"


def test_an_arson_attack_on_a_plant_is_not_an_industrial_accident(extractor):
    [event] = current(extractor, "On 10 May 2020, an anarchist cell carried out an arson attack on a chemical plant in Tuzla, Istanbul.")
    assert event.sub_event_type == "Looting/property destruction"
    assert current(extractor, "On 10 May 2020, a fire broke out at a chemical plant in Tuzla, Istanbul, killing two workers.") == []


def test_a_civilian_shot_with_small_arms_is_an_attack_not_a_clash(extractor):
    [event] = current(extractor, "On 10 May 2020, SDF members shot and killed a shepherd near Hasakah, Syria, using small arms fire.")
    assert event.sub_event_type == "Attack"
    [fight] = current(extractor, "On 10 May 2020, militants attacked soldiers with small arms near Marawi, killing two soldiers.")
    assert fight.sub_event_type == "Armed clash"


def test_a_drug_suspect_killed_in_a_police_raid_is_a_civilian():
    assert sub_type("A drug suspect was killed during a police raid in the village.") == "Attack"
    assert sub_type("Two suspects were killed in a shoot-out with police in the village.") == "Armed clash"


def test_what_a_paragraph_tells_after_a_fight_is_its_outcome_not_a_second_event(extractor):
    [clash] = current(extractor, "On 7 May 2020, soldiers clashed with Al Shabaab militants near Qoryooley, Lower Shabelle. "
                                 "The militants withdrew from the area after heavy gunfire.")
    assert clash.sub_event_type == "Armed clash"
    # the outcome does not recode the fight
    [clash] = current(extractor, "On 3 May 2020, soldiers clashed with rebels near Beni, Nord-Kivu, killing two rebels. "
                                 "Three rifles and a grenade were seized after the fighting.")
    assert (clash.sub_event_type, clash.fatalities) == ("Armed clash", 2)
    # told in a paragraph of its own, on another day, a seizure is an event of its own
    events = current(extractor, "On 3 May 2020, soldiers clashed with rebels near Beni, Nord-Kivu.\n\n"
                                "On 4 May 2020, police seized three rifles and a grenade in Butembo.")
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Disrupted weapons use"]


def test_cli_extract_gives_one_event_for_a_fight_and_its_outcome(extract_note):
    rows = extract_note("On 9 May 2020, GNA forces and LNA forces clashed near Ain Zara, south of Tripoli. "
                        "LNA forces seized a weapons depot and GNA forces withdrew from the area.", "2020-05-10")
    assert [row["sub_event_type"] for row in rows if not row["background"] and not row["generic"]] == ["Armed clash"], rows


def test_an_armed_actor_named_is_no_act_when_the_sentence_says_what_they_did():
    assert sub_type("Police arrested three gunmen in Kaduna.") == "Arrests"
    assert sub_type("An armed group surrendered to the army in Beni.") == "Agreement"
    assert sub_type("Forty gunmen laid down their arms in Zamfara.") == "Agreement"
    # when the actor is all the sentence has, or it did harm, it is still an attack
    assert sub_type("Gunmen killed two farmers in Zamfara.") == "Attack"
    assert sub_type("Armed men on motorbikes stormed the village of Kadisau.") == "Attack"


def test_a_ceasefire_ended_or_broken_is_no_agreement(extractor):
    assert current(extractor, "On 5 May 2020, the ELN ended its ceasefire in Arauca.") == []
    assert current(extractor, "On 5 May 2020, the rebels announced the end of the unilateral ceasefire in Arauca.") == []
    [agreement] = current(extractor, "On 5 May 2020, the two sides agreed a ceasefire in Arauca.")
    assert agreement.sub_event_type == "Agreement"


def test_a_date_in_a_phrase_about_another_event_is_that_events_not_a_second_one(extractor):
    [protest] = current(extractor, "On 30 April 2020, dozens of people protested outside the courthouse in La Plata. It was the "
                                   "second day of protests, after riots in the country's prisons in the previous week.")
    assert (protest.sub_event_type, protest.event_date) == ("Peaceful protest", date(2020, 4, 30))
    # "recent demonstrations" are context for the riot, not a protest of their own
    [riot] = current(extractor, "On 8 May 2020, rioters threw a Molotov cocktail at a bank in Sidon. "
                                "This is likely related to recent demonstrations against banking policies.")
    assert riot.event_type == "Riots"


def test_demanding_the_release_of_detained_activists_is_the_protests_topic_not_an_intervention(extractor):
    [protest] = current(extractor, "On 8 May 2020, protesters gathered outside a bank in Nabatiye. "
                                   "Protesters also demanded the release of activists who had been detained in recent demonstrations.")
    assert protest.sub_event_type == "Peaceful protest"
    [dispersed] = current(extractor, "On 8 May 2020, protesters gathered outside a bank in Nabatiye. Several activists were detained by police.")
    assert dispersed.sub_event_type == "Protest with intervention"


def test_looting_in_a_violent_sentence_is_part_of_its_event(extractor):
    [attack] = current(extractor, "On 2 May 2020, militants attacked the village of Mamangou (Logobou, Tapoa), killed one civilian "
                                  "and wounded ten others, and shops were pillaged and burned.")
    assert (attack.sub_event_type, attack.fatalities) == ("Attack", 1)
    [abduction] = current(extractor, "On 30 April 2020, dahalo looted a village and abducted 7 civilians near Ambatofinandrahana.")
    assert abduction.sub_event_type == "Abduction/forced disappearance"


def test_a_vaguer_date_around_the_events_own_does_not_make_a_second_event(extractor):
    [clash] = current(extractor, "On 8 May 2020, clan militias clashed in Gaalkacyo, Mudug. A man was killed during the "
                                 "fighting, which was connected to recent retaliations between the clans.")
    assert (clash.sub_event_type, clash.fatalities) == ("Armed clash", 1)
    # another day is another event
    events = current(extractor, "On 8 May 2020, militants attacked a checkpoint in Gao. On 6 May, militants attacked a convoy near Gao.")
    assert sorted(e.event_date.day for e in events) == [6, 8]


def test_killed_misspelt_is_still_a_killing(extractor):
    [attack] = current(extractor, "On 5 May 2020, Tiv militiamen attacked Ananum village in Donga, Taraba. "
                                  "Militiamen kiled 3 residents and burnt down houses.")
    assert (attack.sub_event_type, attack.fatalities) == ("Attack", 3)


def test_a_fire_set_after_an_attack_with_no_crowd_named_is_the_attackers_deed(extractor):
    [attack] = current(extractor, "On 28 April 2020, suspected Islamic militants attacked Nacoba village (Quissanga, Cabo Delgado). "
                                  "They set fire to the village.")
    assert attack.sub_event_type == "Attack"
    # a crowd that riots after an attack is a riot of its own
    events = current(extractor, "On 28 April 2020, gunmen killed a trader in the market of Beni. "
                                "Hundreds of residents then rioted and set fire to the town hall.")
    assert sorted(e.event_type for e in events) == ["Riots", "Violence against civilians"]


def test_a_definite_noun_after_an_event_is_that_event_whatever_its_word(extractor):
    # "injured in the clash" tells the villagers' riot again: no Armed clash of its own, no recoding
    text = ("On 2 May 2020, nearly 100 villagers vandalized a ration shop in Lalgola area (Murshidabad district, West "
            "Bengal) and clashed with the ration dealer. At least seven persons were reportedly injured in the clash.")
    events = current(extractor, text)
    assert len(events) == 1 and events[0].event_type == "Riots" and len(events[0].evidence) == 2


def test_drones_controlled_by_someone_that_strike_are_a_drone_strike():
    assert sub_type("Drones controlled by an unidentified military group targeted the airbase.") == "Air/drone strike"
    assert sub_type("Drones operated by the army struck a convoy near the town.") == "Air/drone strike"


def test_cli_extract_codes_a_drone_strike_on_an_air_base_at_its_town(extract_note):
    events = extract_note("On 1 May 2020, drones controlled by an unidentified military group targeted Hama Airbase. "
                          "Neither injuries nor fatalities were reported.", "2020-05-02")
    assert [(e["sub_event_type"], e["actor1"], e["location"] is not None, e["admin1"]) for e in events] == [
        ("Air/drone strike", "Unidentified Armed Group (Syria)", True, "Hama")]


def test_a_fight_of_unarmed_private_people_is_mob_violence():
    assert sub_type("Young members of the ruling party clashed with young members of the opposition party in the town.") == "Mob violence"
    assert sub_type("Clashes erupted between Palestinians and Israeli forces at the camp.") == "Mob violence"
    assert sub_type("A clash between two groups over a land dispute occurred in the town.") == "Mob violence"
    # a weapon named, or an organised armed side, keeps it a battle
    assert sub_type("Villagers armed with rifles clashed with herders from a nearby village.") == "Armed clash"
    assert sub_type("Residents clashed with militants who entered the village.") == "Armed clash"


def test_cli_extract_codes_a_street_fight_of_vendors_and_police_as_rioters(extract_note):
    events = extract_note("On 4 May 2020, in Temuco (Araucania), Mapuche fruit sellers, mostly women, clashed against police "
                          "when officers forced the group to stop selling their products on the streets.", "2020-05-05")
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events] == [
        ("Mob violence", "Rioters (Chile)", "Police Forces of Chile (2018-2022)")]


def test_deaths_in_clashes_told_next_are_the_mob_violence_just_told(extract_note):
    # "across two days of clashes" names the fight of the sentence before: one event, with its two dead.
    events = extract_note("On 9 May 2020, young members of the UDPS party clashed with young members of the UNAFEC party "
                          "in Kasumbalesa (Sakania, Haut-Katanga). Two UNAFEC members were killed across two days of "
                          "clashes.", "2020-05-10")
    assert [(e["sub_event_type"], e["fatalities"]) for e in events] == [("Mob violence", 2)]


def test_forces_that_march_into_a_place_are_no_protest():
    text = ("Syrian government forces have captured a central town and adjacent villages, and marched deeper into a "
            "rebel-held neighborhood of Damascus.")
    assert sub_type(text) != "Peaceful protest"
    assert sub_type("Army veterans marched in Kyiv to demand their pensions.") == "Peaceful protest"


def test_cli_extract_reads_the_side_named_first_in_a_coordinated_subject(extract_note):
    # "Syrian army and allied fighters": the army's capture, a government regaining territory
    events = extract_note("On 2 May 2020, the Syrian army and allied fighters captured a key neighborhood in the countryside "
                          "of Deir al-Zour.", "2020-05-03")
    assert [e["sub_event_type"] for e in events] == ["Government regains territory"]
