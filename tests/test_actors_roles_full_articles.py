"""Role order on full articles: claimers, trigger nouns that are the actor, unnamed opponents, state agents."""

from __future__ import annotations

from datetime import date

from event_helpers import current_events_on

PUBLISHED = date(2021, 6, 9)


current_events = current_events_on(PUBLISHED)


def test_the_group_that_claimed_to_have_attacked_is_actor1(extractor):
    [event] = current_events(extractor, "Al-Shabaab claimed to have ambushed an army patrol near Kismayo on Monday.")
    assert event.actor1 == "Al Shabaab"


def test_a_trigger_noun_that_names_the_attacker_is_actor1(extractor):
    [event] = current_events(extractor, "Turkish drones struck a farmhouse near Qamishli on Sunday.")
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 and event.actor1.startswith("Military Forces of Turkey")


def test_state_force_is_actor1_when_the_other_side_of_a_shootout_is_unnamed(extractor):
    [event] = current_events(extractor, "A gunman was killed after a shootout with federal police in Culiacan on Tuesday.")
    assert event.event_type == "Battles"
    assert event.actor1 and event.actor1.startswith("Police Forces of Mexico")
    assert event.actor2 == "Unidentified Armed Group (Mexico)"


def test_unnamed_men_who_clash_with_the_police_stay_first(extractor):
    [event] = current_events(extractor, "Armed men clashed with state police officers in Empalme, Sonora on Tuesday.")
    assert event.actor1 == "Unidentified Armed Group (Mexico)"
    assert event.actor2 and event.actor2.startswith("Police Forces of Mexico")


def test_the_state_force_on_an_operation_is_first_against_unnamed_men(extractor):
    [event] = current_events(
        extractor, "Armed men exchanged fire with military police officers during an operation in Vitoria, Brazil on Tuesday."
    )
    assert event.actor1 and event.actor1.startswith("Military Forces of Brazil")


def test_a_shootout_with_no_side_named_is_between_two_unidentified_groups(extractor):
    [event] = current_events(extractor, "A shoot-out took place in the Grama neighborhood of Nova Iguacu, Rio de Janeiro on Tuesday.")
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == event.actor2 == "Unidentified Armed Group (Brazil)"


def test_an_attack_on_state_forces_by_someone_unnamed_keeps_the_attacker_first(extractor):
    [event] = current_events(extractor, "Unknown assailants attacked a gendarmerie post near Diapaga on Tuesday.")
    assert event.actor1 == "Unidentified Armed Group (Burkina Faso)"


def test_at_the_hands_of_names_the_perpetrator(extractor):
    [event] = current_events(extractor, "A union organiser was badly beaten at the hands of the police in Harare on Monday.")
    assert event.actor1 and event.actor1.startswith("Police Forces of Zimbabwe")


def test_a_country_that_executes_people_is_the_state_perpetrator(extractor):
    [event] = current_events(extractor, "Iran executed three men on Thursday, the judiciary said.")
    assert event.actor1 and event.actor1.startswith("Military Forces of Iran")
    assert event.inter1 == 1


def test_a_country_speaking_of_its_own_executions_is_the_perpetrator(extractor):
    [event] = current_events(extractor, "Egypt said on Sunday it executed nine men in Cairo.")
    assert event.actor1 and event.actor1.startswith("Military Forces of Egypt")


def test_a_group_reporting_its_own_attack_is_actor1(extractor):
    [event] = current_events(extractor, "Al-Shabaab said they killed four soldiers near Afgoye on Monday.")
    assert event.actor1 == "Al Shabaab"


def test_a_police_source_is_not_the_perpetrator_of_a_shooting(extractor):
    [event] = current_events(extractor, "A shopkeeper was shot dead in Mardan on Friday, police said.")
    assert event.actor1 == "Unidentified Armed Group (Pakistan)"
    assert event.fatalities == 1


def test_a_government_that_is_the_subject_of_another_verb_is_not_the_perpetrator(extractor):
    text = "The government closed the border on Monday after two farmers were tortured near Sirte."
    [event] = [e for e in current_events(extractor, text) if e.event_type == "Violence against civilians"]
    assert event.actor1 == "Unidentified Armed Group (Libya)"


def test_a_government_that_acts_is_the_state_perpetrator(extractor):
    [event] = current_events(extractor, "The Saudi government executed 81 people in Riyadh on Saturday.")
    assert event.actor1 and event.actor1.startswith("Military Forces of Saudi Arabia")


def test_a_country_that_shells_a_city_is_actor1_through_its_forces(extractor):
    [event] = current_events(extractor, "Russia shelled Sumy on Tuesday, killing two civilians.")
    assert event.actor1 and event.actor1.startswith("Military Forces of Russia")
    assert event.inter1 == 8  # a foreign force acting in Ukraine


def test_the_custodian_is_the_perpetrator_of_abuse_in_custody(extractor):
    [event] = current_events(extractor, "A trader was beaten in police custody in Kaduna last week, his brother said.")
    assert event.actor1 and event.actor1.startswith("Police Forces of Nigeria")


def test_a_group_named_as_anothers_backer_or_link_is_no_participant(extractor):
    [event] = current_events(extractor, "Heavily armed al Qaeda linked al-Shabaab militants have taken control of a village "
                                        "near Bossaso on Monday.")
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 != "Al Shabaab"
