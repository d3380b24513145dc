"""Actors named by a pronoun are read from the sentence before; unnamed attackers stay unidentified."""

from __future__ import annotations

from datetime import date

from event_helpers import current_events_on

PUBLISHED = date(2019, 7, 21)


current_events = current_events_on(PUBLISHED)


def test_they_in_the_event_sentence_are_the_forces_of_the_sentence_before(extractor):
    text = (
        "Iraqi security forces announced on Monday the start of a new campaign to clear the desert west of Ramadi. "
        "Within days, they reported the discovery of a bomb-making workshop."
    )
    [event] = [e for e in current_events(extractor, text) if e.sub_event_type == "Disrupted weapons use"]
    assert event.actor1 and event.actor1.startswith("Military Forces of Iraq")


def test_an_unnamed_bomber_is_not_borrowed_from_the_sentence_before(extractor):
    text = (
        "Security forces patrolled the main roads of Kirkuk over the weekend. "
        "A roadside bomb killed two civilians in Kirkuk on Monday."
    )
    [event] = [e for e in current_events(extractor, text) if e.event_type == "Explosions/Remote violence"]
    assert event.actor1 == "Unidentified Armed Group (Iraq)"
    assert event.actor2 == "Civilians (Iraq)"


def test_the_target_of_an_attack_is_actor2_even_when_the_parse_misses_it(extractor):
    text = "A separate attack in Diyala, in eastern Iraq, targeted militiamen assigned with hunting down militants."
    [event] = current_events(extractor, text)
    assert event.actor2 and "Militia" in event.actor2
    assert event.actor1 and "Militia" not in event.actor1


def test_officers_are_the_branch_their_paragraph_named_before(extractor):
    text = ("On 7 May 2020, in Barra Mansa, Rio de Janeiro, Military Police officers went to the Paraiso de Cima "
            "neighborhood to check a tip. Officers were attacked by suspects and a shoot-out broke out.")
    [event] = current_events_on(date(2020, 5, 8))(extractor, text)
    assert event.actor1 == "Military Forces of Brazil (2019-2023) Military Police"
    # a branch of another kind is no antecedent: soldiers after the federal police are the military
    text = ("On 7 May 2020, federal police raided a house in Itaituba, Para. Soldiers clashed with gunmen near the "
            "house, killing one.")
    events = current_events_on(date(2020, 5, 8))(extractor, text)
    assert [e.actor1 for e in events if e.sub_event_type == "Armed clash"] == ["Military Forces of Brazil (2019-2023)"]


def test_cli_extract_codes_a_fight_to_the_branch_named_before(extract_note):
    events = extract_note("On 4 May 2020, in Rio de Janeiro, Military Police officers of the Pacifying Police Unit carried "
                          "out an operation near the port area. Officers were attacked and a shoot-out broke out.", "2020-05-05")
    assert [(e["sub_event_type"], e["actor1"]) for e in events] == [
        ("Armed clash", "Military Forces of Brazil (2019-2023) Military Police")]
