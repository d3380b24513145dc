"""Ordinary news that is no event: sports results, figurative fights and battles, road deaths, heart attacks,
firefighting, local crime stories. Each still gives its event when it also carries a sign of political violence."""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import current_events_on, current_rows

from sitrep.extract.triggers import criminal_case_story, find_cues, out_of_scope

current = current_events_on(date(2020, 5, 12))


@pytest.mark.parametrize("text", [
    "A teenager who is fighting leukaemia has joined a slimming club.",
    "Manhattan High East student battles cancer.",
    "The lopsided vote failed to reflect the contentious political battle that preceded it.",
    "The couple fought a long legal battle over the land.",
    "He battled the blaze for an hour.",
])
def test_figurative_fights_and_battles_are_no_clash(text):
    assert "clash" not in {c.cue for c in find_cues(text)}


@pytest.mark.parametrize("text", [
    "Heavy fighting broke out in Idlib on Sunday.",
    "Troops battled militants in the hills.",
    "The rebels fought the army for hours near the border.",
    "Fighting between the army and the Taliban killed 12.",
])
def test_real_fights_still_cue_a_clash(text):
    assert "clash" in {c.cue for c in find_cues(text)}


@pytest.mark.parametrize("text, kind", [
    ("Al-Gaish produced an impressive display to beat Ittihad 4-1 on Saturday.", "sport"),
    ("Saturday's clash with Arsenal ended 2-2.", "sport"),
    ("The striker was injured in the Champions League semi-final.", "sport"),
    ("Man, 34, struck, killed by car.", "disaster"),
    ("A Goose Creek man was hit by a car and killed early Sunday morning.", "disaster"),
    ("A 72-year-old man died of an apparent heart attack Saturday.", "disaster"),
    ("Firefighters launched an initial attack on the flames.", "disaster"),
])
def test_sports_road_deaths_and_heart_attacks_are_out_of_scope(text, kind):
    assert out_of_scope(text) == kind


@pytest.mark.parametrize("text", [
    "The siege ended 3-4 weeks later.",  # a range, not a score
    "Militants beat two villagers 3-4 times a week.",
    "Gunmen killed two soldiers with a car bomb near the stadium.",  # a sign of political violence
])
def test_ranges_and_political_violence_are_in_scope(text):
    assert out_of_scope(text) != "sport"
    assert out_of_scope("A soldier was hit by a car bomb and killed.") is None


def test_a_match_report_gives_no_event_but_fans_rioting_after_it_do(extractor):
    assert current(extractor, "On 10 May 2020, Al-Gaish beat Ittihad 4-1 in Cairo. Ahli coach Manuel Jose "
                              "made two substitutions during the second half.") == []
    assert current(extractor, "On 10 May 2020, Saturday's clash with Zamalek in Cairo ended 2-2.") == []
    [riot] = current(extractor, "On 10 May 2020, fans clashed with police after the cup final in Cairo, "
                                "throwing stones at officers.")
    assert riot.event_type == "Riots"


def test_extract_cli_keeps_the_attack_and_drops_the_ordinary_news(extract_note):
    events = extract_note(
        "On 10 May 2020, Islamic State gunmen attacked an army checkpoint near Baqubah, Diyala, killing two soldiers.\n\n"
        "In Baghdad, Al-Shorta beat Al-Zawraa 3-1 on Saturday in the Iraqi Premier League.\n\n"
        "A 60-year-old man was hit by a car and killed on Palestine Street on Sunday.\n\n"
        "A local teacher who has been fighting leukaemia for two years opened a school library.\n",
        "2020-05-11",
    )
    assert [(e["sub_event_type"], e["fatalities"]) for e in current_rows(events)] == [("Armed clash", 2)], events


# A local crime story: its killing and arrest sentences carry no crime word of their own.
CRIME_STORY = (
    "Man found fatally shot in parked car.\n\n"
    "A 24-year-old man was found shot dead in a parked car on Elm Street early Sunday, police said.\n\n"
    "Sheriff's deputies arrested a 19-year-old neighbour on Monday. He was charged with second-degree murder "
    "and is held at the county jail on a $500,000 bond."
)


def test_a_story_told_in_the_words_of_a_criminal_case_is_ordinary_crime():
    assert criminal_case_story(CRIME_STORY)
    # the same words about an activist, or about bandits, are a case ACLED or a rights monitor codes
    assert not criminal_case_story(CRIME_STORY.replace("a 19-year-old neighbour", "a 19-year-old human rights activist"))
    assert not criminal_case_story(CRIME_STORY.replace("A 24-year-old man", "Bandits said a 24-year-old man"))
    assert not criminal_case_story(CRIME_STORY + " Soldiers guarded the courthouse.")
    # a public defender is the accused's lawyer, not a human rights defender
    assert criminal_case_story(CRIME_STORY + " His public defender asked for a lower bond.")
    # one such word is any conflict report's: "police said ... in custody"
    assert not criminal_case_story("Two men were shot dead in Kaduna on Sunday, police said. One suspect is in custody.")


# Local news tells a shooting in the words of a police investigation, before anyone is charged.
INVESTIGATION_STORY = (
    "One dead, one hurt in North Side shooting.\n\n"
    "One person is dead and another has life-threatening injuries from a shooting this afternoon in a residential "
    "neighborhood, a police department spokesman said. Investigators are looking at surveillance video; anyone with "
    "information is asked to call the tip line."
)


def test_a_story_told_in_the_words_of_a_police_investigation_is_ordinary_crime(extractor):
    assert criminal_case_story(INVESTIGATION_STORY)
    assert current(extractor, INVESTIGATION_STORY) == []
    # the same words beside an armed group ACLED codes, or one of them alone, leave a conflict report as it is
    assert not criminal_case_story(INVESTIGATION_STORY.replace("a shooting", "a shooting by gunmen"))
    assert not criminal_case_story("Gunmen killed two villagers in Kaduna on Sunday. Investigators are at the scene.")
    gang = current(extractor, INVESTIGATION_STORY.replace("a shooting this", "a gang shooting this"))
    assert [e.event_type for e in gang] == ["Violence against civilians"]
    # a hospital's and a victim's words to the police are the same kind of story
    jogger = ("A woman was stabbed while jogging near Briarcliff Road on Tuesday, county police said. She is in stable "
              "condition, and told police she did not know her attacker.")
    assert criminal_case_story(jogger) and current(extractor, jogger) == []
    assert not criminal_case_story(jogger.replace("A woman was", "A woman journalist was"))


def test_a_crime_story_gives_no_event_unless_a_mob_or_a_public_cause_is_in_it(extractor):
    assert current(extractor, CRIME_STORY) == []
    activist = current(extractor, CRIME_STORY.replace("A 24-year-old man", "A 24-year-old journalist"))
    assert "Violence against civilians" in {e.event_type for e in activist}
    [mob] = current(extractor, CRIME_STORY + "\n\nA mob beat the suspect before deputies arrived.")
    assert mob.sub_event_type == "Mob violence"


def test_extract_cli_drops_the_crime_story_but_not_the_killing_of_a_journalist(extract_note):
    assert current_rows(extract_note(CRIME_STORY, "2020-05-11")) == []
    assert current_rows(extract_note(INVESTIGATION_STORY, "2020-05-11")) == []
    killing = current_rows(extract_note(CRIME_STORY.replace("A 24-year-old man", "A 24-year-old journalist"), "2020-05-11"))
    assert ("Attack", 1) in [(e["sub_event_type"], e["fatalities"]) for e in killing], killing


@pytest.mark.parametrize("text, transfer", [
    ("3 Fulani were killed and 2 handed over to Military Forces.", False),
    ("The suspects were handed over to police on Monday.", False),
    ("The army handed Kidal back to the rebels.", True),
    ("A swathe of territory was recently handed over by Armenian forces to Azerbaijani control.", True),
    ("Government troops handed over the positions to the rebels without a fight.", True),
])
def test_people_handed_over_to_forces_are_no_transfer_of_territory(text, transfer):
    assert ("nonviolent_transfer" in {c.cue for c in find_cues(text)}) is transfer


@pytest.mark.parametrize("text, cue, found", [
    ("Police officers intervened and shot in the air to regain control in the prison.", "gov_regains", False),
    ("Guards regained control of the jail after the riot.", "gov_regains", False),
    ("The army regained control of the town after heavy fighting.", "gov_regains", True),
    ("Hundreds of people blocked the Champoton bridge demanding food subsidies.", "protest", True),
])
def test_control_of_a_prison_is_no_territory_and_a_blocked_bridge_a_protest(text, cue, found):
    assert (cue in {c.cue for c in find_cues(text)}) is found
