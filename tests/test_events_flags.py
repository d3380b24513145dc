"""Non-events (negation, threats, plans, calls, hypotheticals, denials, condemnations, out-of-scope news)
and the background / generic flags, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import Article

PUBLISHED = date(2021, 3, 10)


def events_of(extractor, text: str, published: date = PUBLISHED):
    return extractor.extract_one(Article(text=text, published=published)).events


def current(events):
    return [e for e in events if not e.background and not e.generic]


NOT_EVENTS = [
    "The rebels did not attack the town of Beni on Monday, the army said.",
    "Al Shabaab threatened to attack government buildings in Mogadishu.",
    "The militants are planning to bomb the bridge near Kismayo next week.",
    "Opposition leaders called for protests in Harare on Friday.",
    "If the talks fail, the army will launch airstrikes on rebel positions near Kidal.",
    "The army denied that its soldiers had shelled the village of Mahagi.",
    "The minister condemned the attack on aid workers in Goma.",
    "Officials warned of possible attacks on polling stations in Kano.",
    "The police chief said two men in Kano had conspired to kill the governor.",
    "No clashes were reported in the district of Ghazni on Monday.",
    "No arrests or clashes were reported in the district of Ghazni on Monday.",  # "no" covers both nouns
    # what something protects from is no event: a product, not a grenade thrown
    "Fargo sped up the dike building with a portable wall system used to protect soldiers in Iraq from bullets and grenades.",
    # a time still to come next to the noun: held later, if at all
    "Police released videos showing the men buying weapons for opposition protests next month in Tbilisi.",
    "Police in Lagos closed roads around the venue of the protests next week.",
    "Police in Lagos closed roads around the venue of the upcoming protests.",
]

OUT_OF_SCOPE = [
    "On Monday, a strong earthquake struck the province of Van, killing 12 people.",
    "On Sunday, a gas cylinder explosion at a restaurant in Lahore killed three people.",
    "On Monday, police arrested two drug traffickers and seized 40 kg of heroin in Karachi.",
    "The foreign ministers of Kenya and Uganda met in Nairobi on Monday to discuss trade.",
    "Covid-19 infections rose again in Punjab, with 1,200 new cases reported on Monday.",
    "A deadly strain of bacteria has killed 12 elderly patients and infected 300 others at a hospital in Leeds.",
    "An estimated 1,400 have been killed across Bihar, as waterborne diseases have proliferated.",
]

# A court ruling on an act: the act is an earlier event, the ruling is no ACLED event.
COURT_CASES = [
    "A court in Mosul on Sunday sentenced four men to death for the 2016 bombing of a bus station that killed nine people.",
    "A military tribunal convicted two militia commanders of the abduction of an engineer near Sirte.",
    "The three soldiers were found guilty of the murder of a farmer in Kasese district.",
    "Prosecutors opened the trial over the attack on the governor's convoy in Jalalabad.",
    "A high court in Port Harcourt convicted five police officers for killing two young men in Rivers state.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", NOT_EVENTS + COURT_CASES)
def test_negated_irrealis_reported_speech_and_court_rulings_give_no_event(extractor, text):
    assert current(events_of(extractor, text)) == []


@pytest.mark.slow
def test_a_past_clause_before_a_call_is_told_as_fact(extractor):
    # the model hangs "protested" on "called" (a comma splice); the protest still happened
    text = ("On 7 March 2021, university students protested, in Jerusalem city, against the latest decisions of the Council "
            "for Higher Education, the students also called for financial help since many of them lost their jobs.")
    assert [e.sub_event_type for e in current(events_of(extractor, text))] == ["Peaceful protest"]
    # a call for a protest is still no protest
    assert current(events_of(extractor, "Opposition leaders called for protests in Harare on Friday.")) == []


@pytest.mark.slow
@pytest.mark.parametrize("text", OUT_OF_SCOPE)
def test_texts_outside_acled_scope_give_no_event(extractor, text):
    assert events_of(extractor, text) == []


@pytest.mark.slow
def test_a_sentence_keeps_the_arrest_but_not_the_crime(extractor):
    text = "Police in Jos on Monday arrested a man who was jailed in 2015 for the killing of a village head."
    events = current(events_of(extractor, text))
    assert [e.sub_event_type for e in events] == ["Arrests"]
    assert events[0].fatalities == 0


@pytest.mark.slow
def test_a_charge_may_be_the_first_report_of_the_act(extractor):
    text = "A 20-year-old man was charged on Monday with the sexual assault of a woman in her apartment in Kisumu."
    assert [e.sub_event_type for e in current(events_of(extractor, text))] == ["Sexual violence"]


@pytest.mark.slow
def test_an_attempt_is_not_a_trial(extractor):
    text = "On Monday, gunmen tried to attack a police post in Kano but were repelled by officers."
    assert [e.event_type for e in current(events_of(extractor, text))] == ["Battles"]


@pytest.mark.slow
def test_past_event_told_as_context_is_background(extractor):
    text = "The commander said he was wounded in a firefight near the town of Tal Afar in 2017."
    events = events_of(extractor, text, date(2019, 6, 1))
    assert len(events) == 1 and events[0].background and events[0].event_type == "Battles"
    assert events[0].date_end.year == 2017


@pytest.mark.slow
def test_an_anniversary_dates_the_event_years_back_not_today(extractor):
    text = "Gunmen murdered a priest in Kabul 15 years ago today, and nobody was ever charged."
    events = events_of(extractor, text, date(2009, 3, 20))
    assert len(events) == 1 and events[0].background and events[0].event_date == date(1994, 3, 20)


@pytest.mark.slow
def test_a_past_event_beside_one_still_to_come_is_kept(extractor):
    text = "Hundreds protested in Batumi on Sunday, ahead of opposition rallies next month."
    assert [(e.sub_event_type, e.event_date) for e in current(events_of(extractor, text))] == [("Peaceful protest", date(2021, 3, 7))]


@pytest.mark.slow
def test_vague_period_months_before_publication_is_background(extractor):
    text = "This spring, government forces retook the village of Hajin after weeks of heavy fighting."
    events = events_of(extractor, text, date(2019, 7, 21))
    assert events and all(e.background for e in events)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The insurgents carry out ambushes and roadside bombings several times per week.",
        "Bandits frequently kidnap travellers on the highway between Abuja and Kaduna.",
        "Armed groups often attack villages in the region.",
        # A running toll told in the perfect with "since" a year, a month or the war's start: counting its
        # thousands as one event's dead is the classic false event of machine coding.
        "The conflict in eastern Ukraine has killed more than 13,000 people since 2014, the United Nations says.",
        "Boko Haram's insurgency has killed 30,000 people since 2009 and displaced two million.",
        "More than 400 people have been killed since the war began in the region.",
        "Militants have killed at least 200 soldiers since January in attacks across the north.",
        # deaths over a span of years, in any tense
        "Over 22,000 people were killed by acts of terror in Nigeria from 2001 to 2019, the index reports.",
        "The conflict has left more than 3,200 dead in the past three years, RSF notes.",
    ],
)
def test_habits_patterns_and_tolls_over_time_are_generic(extractor, text):
    events = events_of(extractor, text)
    assert events and all(e.generic for e in events)


@pytest.mark.slow
def test_a_toll_told_in_an_events_sentence_is_not_its_dead(extractor):
    events = current(events_of(extractor, "On Monday, gunmen killed 12 people in Tripoli, where clashes have killed 300 since 2019."))
    assert [e.fatalities for e in events] == [12]


def test_a_toll_over_time_is_told_by_a_perfect_and_a_long_since():
    from sitrep.extract.event_fields import _toll_over_time

    def toll(text: str, count: str) -> bool:
        start = text.index(count)
        return _toll_over_time(text, start, start + len(count))

    assert toll("The conflict has killed more than 13,000 people since 2014, the UN says.", "killed more than 13,000 people")
    assert toll("Since the war began, 400 people have been killed in the region.", "400 people have been killed")
    assert toll("Gunmen killed 12 people, where clashes have killed 300 since 2019.", "killed 300")
    assert not toll("Gunmen killed 12 people, where clashes have killed 300 since 2019.", "killed 12 people")
    assert not toll("Fighting has killed 12 people in Tripoli since Monday.", "killed 12 people")  # a recent day
    assert not toll("Gunmen killed 12 people on 3 May, the most since 2019.", "killed 12 people")  # no perfect
    assert not toll("Clashes have killed 300 since 2019. Gunmen killed 12 people on Monday.", "killed 12 people")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "He is the fifth journalist killed in Mexico since the start of the year, police said on Monday.",
        "Fighting has killed 12 people in Tripoli since Monday, medics said.",
        # the perfect of another verb: one detention, ongoing
        "The journalist Zhang Wei has been detained without trial in Beijing since January.",
    ],
)
def test_a_count_since_a_recent_day_or_an_ordinal_since_keeps_its_event(extractor, text):
    assert current(events_of(extractor, text))


@pytest.mark.slow
def test_current_event_is_neither_background_nor_generic(extractor):
    events = events_of(extractor, "On Monday, gunmen shot dead two teachers in the town of Garissa.")
    assert len(events) == 1
    assert not events[0].background and not events[0].generic
    assert events[0].event_date == date(2021, 3, 8) and events[0].time_precision == 1


@pytest.mark.slow
def test_negation_of_casualties_keeps_the_event(extractor):
    events = current(events_of(extractor, "On Monday, a roadside bomb exploded near a police patrol in Kirkuk. No one was hurt."))
    assert len(events) == 1 and events[0].sub_event_type == "Remote explosive/landmine/IED" and events[0].fatalities == 0


@pytest.mark.slow
def test_no_before_another_noun_does_not_negate_the_clashes(extractor):
    events = current(events_of(extractor, "On Monday there were no injuries at first, and clashes erupted later between "
                                          "police and protesters in Ghazni."))
    assert [e.event_type for e in events] == ["Riots"]


@pytest.mark.slow
def test_burning_without_a_crowd_is_the_attackers_deed_and_livestock_are_no_dead(extractor):
    # "They set fire to the village" (no crowd) is what the attackers did, not a riot that keeps its clause an event
    # of its own: one armed clash, the attack repelled by the forces, with no one dead.
    text = ("On 28 April 2020, suspected Islamic militants attacked Nacoba village (Quissanga, Cabo Delgado). No fatalities "
            "reported. They set fire to the village, burned down 20 huts and killed 15 livestock before being repelled "
            "by security forces (assumed military).")
    events = current(events_of(extractor, text, date(2020, 4, 29)))
    assert [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in events] == [
        ("Armed clash", "Islamist Militia (Mozambique)", "Military Forces of Mozambique (1990-)", 0)]
    # people killed with the animals are casualties
    herders = current(events_of(extractor, "On 2 May 2020, gunmen killed 15 cattle and two herders in Bokkos.", date(2020, 5, 3)))
    assert [(e.sub_event_type, e.fatalities) for e in herders] == [("Attack", 2)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Police officers in Kabul are killing stray dogs, animal rights campaigners said on Monday.",
    "Pets left behind by evacuees in New Orleans are being shot, animal rights campaigners said on Monday.",
    "In a pond in Hamburg, more than 1,000 toads have expanded and then exploded this week.",
])
def test_a_harm_done_only_to_animals_is_no_event(extractor, text):
    assert current(events_of(extractor, text)) == []


@pytest.mark.slow
def test_a_harm_verb_whose_object_is_no_one_harms_nobody(extractor):
    # "injured no one" made a clash of its own; the arson is the event.
    text = "On 3 May 2020, in Huaraz, the terrorists set fire to the offices of the development corporation but injured no one."
    events = current(events_of(extractor, text, date(2020, 5, 4)))
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]


def test_fighting_a_deal_ended_or_a_ceasefire_followed_is_context_not_the_event(extractor):
    [truce] = current(events_of(extractor, "Iraqi government forces and Peshmerga forces have agreed to a temporary ceasefire "
                                           "in a town northwest of Mosul, following nearly two weeks of fighting."))
    assert truce.sub_event_type == "Agreement"
    [handover] = current(events_of(extractor, "A swathe of territory was handed over by Armenian forces to Azerbaijan as part "
                                              "of a peace deal ending eight weeks of fighting in Nagorno-Karabakh."))
    assert handover.sub_event_type == "Non-violent transfer of territory"
