"""Full news articles: speech sources are no participants, claims name the attacker, reactions and patterns are no events."""

from __future__ import annotations

import json
from datetime import date

from sitrep.extract.speech_sources import without_sources
from sitrep.records import Article

PUBLISHED = date(2021, 6, 9)


def events(extractor, text: str, *, current: bool = True):
    result = extractor.extract_one(Article(text=text, published=PUBLISHED))
    return [e for e in result.events if not current or (not e.background and not e.generic)]


def test_attribution_clauses_are_dropped():
    assert without_sources("Two farmers were shot dead in Gao on Friday, soldiers said.") == (
        "Two farmers were shot dead in Gao on Friday."
    )
    assert without_sources("According to the army, the convoy was ambushed.").strip() == "the convoy was ambushed."
    assert without_sources("Police said that gunmen abducted a teacher.") == "gunmen abducted a teacher."


def test_the_police_who_report_a_stabbing_neither_fight_nor_commit_it(extractor):
    text = "Amina Yusuf, a radio presenter, was stabbed to death in Kano on Friday, police said."
    [event] = events(extractor, text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 == "Unidentified Armed Group (Nigeria)"
    assert event.actor2 == "Civilians (Nigeria)"
    assert event.fatalities == 1


def test_a_group_claiming_the_blast_in_the_next_sentence_is_actor1(extractor):
    text = (
        "A roadside bomb struck a minibus near Baidoa on Sunday, killing three passengers, a district official said. "
        "Al-Shabaab claimed responsibility for the bombing."
    )
    [event] = [e for e in events(extractor, text) if e.event_type == "Explosions/Remote violence"]
    assert event.actor1 == "Al Shabaab"


def test_a_claim_of_responsibility_that_ends_its_sentence_names_the_bomber(extractor):
    text = "A roadside bomb struck a minibus near Baidoa on Sunday, killing three passengers. Al-Shabaab claimed responsibility."
    [event] = [e for e in events(extractor, text) if e.event_type == "Explosions/Remote violence"]
    assert event.actor1 == "Al Shabaab"


def test_a_claim_after_the_lead_names_the_bomber_whatever_paragraphs_the_event_spans(extractor):
    # the event's sentences are the headline, the lead and a later paragraph's: the claim follows the lead
    text = ("Car bomb kills five in Mogadishu\n\nMOGADISHU, Somalia — A car bomb exploded near a busy checkpoint in "
            "Mogadishu on Tuesday, killing five people, police said. Al-Shabaab claimed responsibility for the blast.\n\n"
            "Traders near the checkpoint said the explosion shattered windows along the road.")
    [event] = [e for e in events(extractor, text) if e.event_type == "Explosions/Remote violence"]
    assert event.actor1 == "Al Shabaab"  # not the forces of the checkpoint a later paragraph names


def test_no_claim_leaves_the_bomber_unidentified(extractor):
    text = (
        "A roadside bomb struck a minibus near Baidoa on Sunday, killing three passengers, a district official said. "
        "No group has claimed responsibility for the bombing, which officials blamed on Al-Shabaab."
    )
    found = [e for e in events(extractor, text) if e.event_type == "Explosions/Remote violence"]
    assert found and found[0].actor1 == "Unidentified Armed Group (Somalia)"


def test_a_killing_judged_by_a_speaker_is_not_a_new_event(extractor):
    text = "The envoy said the murder of Mr. Banda was a reminder of how fragile the peace remained."
    assert events(extractor, text, current=False) == []


def test_a_killing_deplored_is_not_a_new_event(extractor):
    text = "The bishops deplored the killing of two catechists in Mzuzu."
    assert events(extractor, text, current=False) == []


def test_repeated_attacks_over_recent_months_are_a_pattern(extractor):
    text = "Herders in the district have suffered repeated raids on their camps in recent months, elders said."
    found = events(extractor, text, current=False)
    assert found and all(e.generic for e in found)


def test_the_victim_of_an_assault_by_soldiers_is_a_civilian_attack(extractor):
    text = "By nightfall the student was dead, the victim of a savage beating by soldiers while officers looked on."
    [event] = events(extractor, text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 and event.actor1.startswith("Military Forces")
    assert event.fatalities == 1



def test_an_arrest_warrant_is_not_an_arrest(extractor):
    text = "Prosecutors said the arrest warrants for the two commanders were signed by a judge in Bangui on Monday."
    assert events(extractor, text, current=False) == []


def test_a_passenger_aircraft_or_its_door_is_no_air_strike(extractor):
    text = "Gunmen hijacked a passenger aircraft in Beirut on Monday. A hostage was pushed out of the aircraft door."
    assert all(e.sub_event_type != "Air/drone strike" for e in events(extractor, text, current=False))


HEADLINE_AND_LEAD = (
    "Gunmen attack checkpoint in Diyala.\n\n"
    "On 6 June 2021, Islamic State gunmen attacked an army checkpoint near Baqubah, Diyala, killing two soldiers.\n\n"
    "The army said it would respond."
)


def test_a_headline_that_tells_the_leads_event_is_that_event_not_a_second_one(extractor):
    [event] = events(extractor, HEADLINE_AND_LEAD)
    assert (event.event_date, event.location, event.fatalities) == (date(2021, 6, 6), "Baqubah", 2)
    assert [e.text for e in event.evidence][-1] == "Gunmen attack checkpoint in Diyala."


def test_a_headline_of_another_kind_or_a_lead_of_several_sentences_stays_its_own_event(extractor):
    other_kind = "Protesters rally in Baghdad.\n\n" + HEADLINE_AND_LEAD.split("\n\n", 1)[1]
    assert {e.event_type for e in events(extractor, other_kind)} == {"Protests", "Battles"}
    # a first paragraph of two sentences is a lead: its own dated report stays separate from the next paragraph's
    lead = ("On 5 June 2021, gunmen attacked a checkpoint in Tikrit. Two soldiers were wounded.\n\n"
            "On 6 June 2021, Islamic State gunmen attacked an army checkpoint near Baqubah, Diyala, killing two soldiers.")
    assert len(events(extractor, lead)) == 2


def test_extract_cli_gives_one_event_for_a_headline_and_its_lead(run_cli, tmp_path):
    article = tmp_path / "diyala.txt"
    article.write_text(HEADLINE_AND_LEAD, encoding="utf-8")
    result = run_cli("extract", "--published", "2021-06-09", str(article))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    current = [r for r in rows if not r["background"] and not r["generic"]]
    assert [(r["event_date"], r["location"], r["fatalities"]) for r in current] == [("2021-06-06", "Baqubah", 2)]


def test_forces_named_after_a_place_do_not_make_a_new_scene(extractor):
    # "Puntland forces" is an actor's name: the second sentence tells more of the capture, not a second event
    found = events(extractor, "Al-Shabaab militants have taken control of Af-Urur, a strategic village, 90 km south of "
                              "Bossaso town on Monday. The militants seized the area following the withdrawal of Puntland forces.")
    assert len(found) == 1
    assert found[0].location and found[0].location.startswith("Bosaso")


def test_a_capture_after_the_other_side_withdrew_is_a_non_violent_transfer(extractor):
    [event] = events(extractor, "Islamic State militants seized control of the last border point between Syria and Iraq on "
                                "Thursday. The militants took over the crossing after the Iraqi forces withdrew from it.")
    assert event.sub_event_type == "Non-violent transfer of territory"


def test_a_capture_fought_for_stays_a_capture_when_the_withdrawal_follows(extractor):
    [event] = events(extractor, "Rebels captured the town of Kidal on Monday after fierce fighting that killed 12 soldiers. "
                                "The army withdrew from the town.")
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_a_transfer_of_territory_is_coded_to_who_gains_it_against_who_withdrew(extractor):
    [event] = events(extractor, "The army withdrew from Kidal on Monday. Rebels then took control of the town.")
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.actor2 and event.actor2.startswith("Military Forces of Mali")
    assert event.location == "Kidal"
