"""Words that cue an event in one sense and not in another: a name that holds a cue word ("Battle Ground
Academy", "Gov. John Lynch"), an election result ("beating the challenger by 26,000 votes"), a motor
rally, a rocket into space, a patrol car. Each keeps its cue in the sense that reports an event."""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import current_events_on, current_rows

from sitrep.extract.triggers import find_cues, holds_cue, out_of_scope

current = current_events_on(date(2020, 5, 12))


def cues(text: str) -> set[str]:
    return {c.cue for c in find_cues(text)}


@pytest.mark.parametrize("text, cue", [
    ("Eighth-grade French students at Battle Ground Academy recently celebrated Mardi Gras.", "clash"),
    ("And Gov. John Lynch came to yesterday's ceremony, standing among the mourners.", "mob"),
    ("The tenant will move in next month, said Dick Lynch, executive director of the association.", "mob"),
    ("Residents of the town are preparing for Tropical Storm Harvey, officials said.", "attack_verb"),
    ("A delegation of the Sudan People's Liberation Army arrived in Juba on Monday.", "gov_regains"),
])
def test_a_cue_word_inside_a_name_in_running_text_is_no_cue(text, cue):
    assert cue not in cues(text)
    assert not holds_cue(text, frozenset({cue}))


@pytest.mark.parametrize("text, cue", [
    ("At Least 17 Slain in Dagestani Battle.", "clash"),  # a title-case headline keeps its cues
    ("OSCE Envoy Condemns Dvani Attack that Killed One Policeman.", "attack_verb"),
    ("Blast Injures Three in Abkhazia.", "ied"),
    ("Clashes in Daraa left three dead.", "clash"),  # a capitalised first word is no name
    ("He fled to Kabul. Attacks continued there on Monday.", "attack_verb"),  # a full stop ends the run
    ("A mob lynched two men in the village.", "mob"),
    ("Timeline of school abductions.\n19th Feb. 2018: Dapchi Girls Captured\nthe girls were freed later.", "arrest"),
    ("the boys were freed by the abductors.\nGunmen Kidnap Kankara Boys\nthe school stayed shut.", "abduct"),
])
def test_headlines_and_sentence_starts_keep_their_cues(text, cue):
    assert cue in cues(text)


@pytest.mark.parametrize("text, cue", [
    ("Body found in Kish River identified.", "disrupted"),  # "identified" ends in "ied"
    ("Police found the stolen tractor on one of the farms.", "disrupted"),  # "farms" ends in "arms"
    ("Shoppers gathered at the market, where merchants sell fish.", "protest"),  # "merchants" ends in "chants"
])
def test_a_cue_after_free_text_starts_a_word(text, cue):
    assert cue not in cues(text)


def test_a_cue_after_free_text_still_matches_whole_words():
    assert "disrupted" in cues("Police found an IED and two rifles in the house.")
    assert "protest" in cues("Residents gathered outside the governor's office, chanting slogans.")


@pytest.mark.parametrize("text, cue", [
    ("Officials decided to host an annual biker rally this summer.", "protest"),
    ("The Panthers rallied from an early ten point deficit to win.", "protest"),
    ("America was a reality that influenced their art, as demonstrated by his later work.", "protest"),
    ("The study demonstrated that the vaccine works.", "protest"),
    ("The soldier helped build a hospital to combat Ebola in Africa.", "clash"),
    ("The prisoners were released to combat the spread of the coronavirus.", "clash"),
    ("She took part in the fight against the sprawl of HIV.", "clash"),
    ("Chester suggested that a falling Russian booster rocket caused the boom.", "shelling"),
    ("The Russian rocket lifted off on schedule from the Baikonur cosmodrome.", "shelling"),
    ("Species like the common rocket frog are dying.", "shelling"),
    ("An aircraft fitter celebrated 30 years with the company.", "air"),
    ("A patrol car blocks the dealership entrance.", "change"),
    ("Extra staff have been brought in to answer calls.", "change"),
    ("Students are being recruited and lured to schools to play sports.", "change"),
    ("Foreign interests are out to make a quick kill.", "kill"),
    ("A new detention facility is planned for the district.", "arrest"),
    ("Shingleton opened up his campaign headquarters at 319 Main St.", "hq"),
    ("Celebrities have handed over their own clothes for swishing parties.", "nonviolent_transfer"),
    ("They used 84mm mortar systems and cannons of infantry fighting vehicles.", "clash"),
    ("He drove his car out of the garage.", "gov_regains"),
    ("The county judge fired him at the emergency operations center on Tuesday.", "harm"),
    ("A shoot-out took place in the Grama neighborhood on Tuesday.", "overtakes"),
    ("Scouts must demonstrate leadership skills to earn the rank.", "protest"),
    ("The two companies are demonstrating a belief in the future of the mall.", "protest"),
    ("Minutes after blast-off, the crew waved for the camera.", "ied"),
    ("The Soyuz capsule blasts off from Baikonur on Thursday.", "ied"),
    ("The store is recalling shelled pistachios sold in 10-ounce bags.", "shelling"),
    ("He will visit the Gori-based first artillery brigade.", "shelling"),
    ("Moscow opposes the anti-missile defences being built in Poland.", "shelling"),
    ("The interceptor missiles and radars of the system are in Poland.", "shelling"),
    ("A man was stung a thousand times in the worst bee attack around Las Vegas in 20 years.", "attack_verb"),
    ("The executive recruitment firm presented its plan to the school board.", "change"),
])
def test_cue_words_in_their_other_sense_are_no_cue(text, cue):
    assert cue not in cues(text)


@pytest.mark.parametrize("text, cue", [
    ("Supporters of the opposition rallied outside the court.", "protest"),
    ("Students demonstrated outside the ministry on Monday.", "protest"),
    ("Hundreds demonstrated their anger outside parliament.", "protest"),  # the object is no "to show" here
    ("Thousands of teachers demonstrate in the capital.", "protest"),
    ("A blast ripped through the market.", "ied"),
    ("The army shelled the village with artillery on Monday.", "shelling"),
    ("Artillery units shelled the village.", "shelling"),  # the unit is named, and "shelled" tells the shelling
    ("Houthi forces fired two ballistic missiles at Marib.", "shelling"),
    ("114 people were killed in anti-coup demonstrations that coincided with Armed Forces Day.", "protest"),
    ("Rebels fired rockets at the army base.", "shelling"),
    ("Combat between the two groups lasted all night.", "clash"),
    ("Fighter jets and military aircraft struck the village.", "air"),
    ("The army deployed patrols along the border.", "change"),
    ("Turkish police on patrol along the border fired shots in the air.", "change"),
    ("The government announced it was withdrawing 2 Patriot Missile batteries and 300 troops.", "change"),
    ("Troops were brought in to restore order.", "change"),
    ("The militia recruited children from the camps.", "change"),
    ("Police detained five men; their detention was extended.", "arrest"),
    ("Militants established a base near the village.", "hq"),
    ("The militia handed the town over to the army.", "nonviolent_transfer"),
    ("The rebels handed back the city of Goma.", "nonviolent_transfer"),
    ("Heavy fighting broke out near the village.", "clash"),
    ("The army units drove the ISIL terrorists out of key areas in Homs province.", "gov_regains"),
])
def test_cue_words_in_their_event_sense_keep_their_cue(text, cue):
    assert cue in cues(text)


@pytest.mark.parametrize("text", [
    "Democratic incumbent Linda Pierce was re-elected, beating Republican challenger Reba Rae by more than 26,000 votes.",
    "This is the second time Walker has beaten out Melvin for the school board's District 3 seat.",
    "Bogdanov captured a measly 1.3 percent of the vote.",
    "He is raising cash for the impending battle with the winner of the Democratic primary.",
])
def test_election_results_are_out_of_scope(text):
    assert out_of_scope(text) == "contest"


def test_election_violence_stays_in_scope():
    assert out_of_scope("Supporters of the losing candidate clashed with police after the election.") is None
    assert out_of_scope("The villagers were beaten out of their homes by men in uniform.") is None
    assert out_of_scope("Gunmen attacked the candidate's convoy, a week after he won the primary.") is None


def test_local_news_in_these_senses_gives_no_event_but_the_attack_does(extractor):
    assert current(extractor, "On 10 May 2020, Democratic incumbent Linda Pierce secured the office in Columbus, "
                              "beating Republican challenger Reba Rae by more than 26,000 votes.") == []
    assert current(extractor, "On 10 May 2020, students at Battle Ground Academy in Franklin, Tennessee, "
                              "celebrated Mardi Gras.") == []
    [attack] = current(extractor, "On 10 May 2020, gunmen attacked a school near Battle Ground Academy in "
                                  "Franklin, Tennessee, killing two teachers.")
    assert attack.event_type == "Violence against civilians"


def test_extract_cli_drops_the_election_result_and_the_rocket_launch(extract_note):
    events = extract_note(
        "On 10 May 2020, Islamic State gunmen attacked an army checkpoint near Baqubah, Diyala, killing two soldiers.\n\n"
        "In Columbus, Linda Pierce won re-election on Saturday, beating her challenger by more than 26,000 votes.\n\n"
        "The Russian rocket lifted off on schedule from the Baikonur cosmodrome on Sunday.\n\n"
        "Gov. John Lynch came to Sunday's ceremony at Battle Ground Academy.\n",
        "2020-05-11",
    )
    assert [(e["sub_event_type"], e["fatalities"]) for e in current_rows(events)] == [("Armed clash", 2)], events


def test_a_person_seized_is_abducted_and_property_seized_is_looted(extractor):
    assert "abduct" in cues("Mugombeyi was seized from his Harare home by some unidentified men.")
    assert "loot" not in cues("Mugombeyi was seized from his Harare home by some unidentified men.")
    assert "loot" in cues("Militants seized land and homes from the villagers.")
    [event] = current(extractor, "On 10 May 2020, Mugombeyi was seized from his home in Harare by some unidentified "
                                 "men after he led a strike by doctors.")
    assert event.sub_event_type == "Abduction/forced disappearance"


def test_a_thing_seized_by_the_authorities_is_no_abduction():
    assert "abduct" not in cues("It has since been seized by Dutch authorities in Rotterdam.")
    assert "abduct" not in cues("All his properties in that country were seized by the authorities in 2017.")
    assert "abduct" in cues("The journalist was seized at a checkpoint by armed men.")


def test_the_pandemic_as_a_setting_is_no_disaster_story():
    assert out_of_scope("They were arrested for violating quarantine measures amid the COVID-19 pandemic.") is None
    assert out_of_scope("Three more patients died of COVID-19 in the city's hospitals on Monday.") == "disaster"
    assert out_of_scope("The ministry reported 1,200 new COVID-19 cases on Monday.") == "disaster"


def test_protesters_arrested_for_breaking_a_covid_quarantine_make_a_protest_with_intervention(extractor):
    [event] = current(extractor, "On 1 May 2020, at least 12 workers staged a demonstration to mark Labor Day in Rodriguez, Rizal. "
                                 "They were arrested for violating quarantine measures in place amid the COVID-19 pandemic.")
    assert event.sub_event_type == "Protest with intervention"
