"""Which mentions count as an event's actors: labels, descriptors, the US-led coalition in Syria, and the
country of an event geo could not place."""

from __future__ import annotations

from datetime import date

from event_helpers import current_events_on

PUBLISHED = date(2020, 5, 12)


current = current_events_on(PUBLISHED)


def test_a_label_before_the_report_names_no_actor(extractor):
    [event] = current(extractor, "Troop movements: On 10 May 2020, Turkish forces sent a convoy of reinforcements to a base near Idlib.")
    assert event.actor1 == "Military Forces of Turkey (2016-)"


def test_military_describing_a_thing_is_not_the_army(extractor):
    [event] = current(extractor, "On 10 May 2020, Turkish forces brought military reinforcements to a base near Idlib.")
    assert event.actor1 == "Military Forces of Turkey (2016-)"
    [shelling] = current(extractor, "On 10 May 2020, the military shelled Saraqib in Idlib.")
    assert shelling.actor1.startswith("Military Forces of Syria")


def test_us_troops_in_syria_are_the_coalition_elsewhere_the_us_military(extractor):
    [syria] = current(extractor, "On 10 May 2020, US troops brought reinforcements to their base in Shaddadi in Hasakah, Syria.")
    assert syria.actor1 == "Global Coalition Against Daesh"
    [iraq] = current(extractor, "On 10 May 2020, US forces arrested two men in a raid in Kirkuk, Iraq.")
    assert iraq.actor1.startswith("Military Forces of the United States")


def test_an_unplaced_event_takes_the_country_of_its_named_actors(extractor):
    [event] = current(extractor, "On 10 May 2020, unidentified gunmen shot dead a member of the Syrian Democratic Forces near Qwxzyville.")
    # no place is known: the event is coded to the one country the SDF operate in, with no point
    assert (event.country, event.latitude, event.geo_precision) == ("Syria", None, 3)
    assert event.actor1 == "Unidentified Armed Group (Syria)"


def test_french_forces_in_the_sahel_are_the_french_military_not_the_operation(extractor):
    [event] = current(extractor, "On 10 May 2020, Barkhane forces carried out air strikes on jihadist positions near Menaka, Mali.")
    assert event.actor1 == "Military Forces of France (2017-)" and event.inter1 == 8


def test_named_arson_and_bandit_groups(extractor):
    [arson] = current(extractor, "On 10 May 2020, the Children of Fire Initiative set fire to a textile factory in Bursa.")
    assert arson.actor1 == "Children of Fire"
    [clash] = current(extractor, "On 10 May 2020, dahalo clashed with gendarmes near Ihosy, Madagascar.")
    assert clash.sub_event_type == "Armed clash" and clash.actor1 == "Dahalo Militia"


def test_a_killing_by_one_of_two_named_groups_is_coded_to_both(extractor):
    [event] = current(extractor, "On 10 May 2020, suspected JNIM or ISGS militants shot dead a trader in Gorom-Gorom, Burkina Faso.")
    assert event.actor1 == "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"


def test_the_aircraft_that_carried_out_the_raids_are_the_attacker(extractor):
    [event] = current(extractor, "On 10 May 2020, Israeli warplanes carried out several raids on militia positions near Albu Kamal, Syria.")
    assert event.actor1.startswith("Military Forces of Israel")


def test_named_gunmen_in_a_drive_by_killing_are_a_gang(extractor):
    [event] = current(extractor, "On 10 May 2020, in Culiacan, Sinaloa, armed men in a van carried out a drive-by shooting that killed a man.")
    assert event.actor1 == "Unidentified Gang (Mexico)"
