"""Every ACLED sub-event type from sentences written for these tests, and the precedence rules between types."""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import current_events_on

PUBLISHED = date(2021, 3, 10)

SUB_TYPES = [
    ("Battles", "Armed clash", "On Monday, soldiers clashed with Al Shabaab militants near the village of Bulo Burte, killing four fighters."),
    ("Battles", "Government regains territory", "On Sunday, the Iraqi army recaptured the town of Hit from Islamic State militants after a three-day assault."),
    ("Battles", "Non-state actor overtakes territory", "On Monday, Taliban fighters seized control of the district centre of Ghormach in Faryab province."),
    ("Explosions/Remote violence", "Chemical weapon", "On Sunday, government forces dropped chlorine gas canisters on the town of Saraqib, residents said."),
    ("Explosions/Remote violence", "Air/drone strike", "On Monday, an air strike by coalition warplanes hit a weapons depot in Hodeidah, killing three militants."),
    ("Explosions/Remote violence", "Suicide bomb", "On Monday, a suicide bomber blew himself up at a checkpoint in Kabul, killing two policemen."),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "On Sunday, separatist forces shelled the outskirts of Avdiivka with 122mm artillery."),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "On Monday, a roadside bomb exploded under a minibus near Kandahar, killing five passengers."),
    ("Explosions/Remote violence", "Grenade", "On Saturday, an unidentified man threw a hand grenade into a bar in Bujumbura, wounding six people."),
    ("Violence against civilians", "Sexual violence", "On Sunday, soldiers raped two women in the village of Kavumu, local activists said."),
    ("Violence against civilians", "Attack", "On Monday, gunmen shot dead a farmer and his son on their farm near Jos."),
    ("Violence against civilians", "Abduction/forced disappearance", "On Sunday, armed men kidnapped three aid workers on the road between Maiduguri and Damboa."),
    ("Protests", "Peaceful protest", "On Monday, about 200 teachers protested outside the education ministry in Nairobi, demanding unpaid salaries."),
    ("Protests", "Protest with intervention", "On Sunday, police fired tear gas to disperse hundreds of students who were protesting against fee increases in Kampala."),
    ("Protests", "Excessive force against protesters", "On Saturday, security forces opened fire on protesters in Mandalay with live ammunition, killing three demonstrators."),
    ("Riots", "Violent demonstration", "On Monday, protesters threw stones at police and set fire to tyres in Conakry during a demonstration against the fuel price rise."),
    ("Riots", "Mob violence", "On Sunday, an angry mob lynched a man accused of theft in the town of Kisii."),
    ("Strategic developments", "Agreement", "On Monday, the government and the rebel coalition signed a ceasefire agreement in Juba."),
    ("Strategic developments", "Arrests", "On Sunday, security forces arrested the opposition leader Ahmed Ali at his home in Mogadishu."),
    ("Strategic developments", "Change to group/activity", "On Monday, the army deployed reinforcements to the border town of Kurmuk."),
    ("Strategic developments", "Disrupted weapons use", "On Sunday, police defused an explosive device planted near the market in Garissa."),
    ("Strategic developments", "Headquarters or base established", "On Monday, the rebels established a new base in the village of Mabanga."),
    ("Strategic developments", "Looting/property destruction", "On Sunday, militiamen looted shops and burned houses in the village of Djugu."),
    ("Strategic developments", "Non-violent transfer of territory", "On Monday, government troops withdrew from the town of Kafr Nabl and handed over the positions to the rebels without a fight."),
    ("Strategic developments", "Other", "On Monday, hundreds of families fled their villages near Tillaberi after threats by militants, local officials said."),
]  # fmt: skip


current = current_events_on(PUBLISHED)


@pytest.mark.slow
@pytest.mark.parametrize("event_type,sub_type,text", SUB_TYPES, ids=[s for _, s, _ in SUB_TYPES])
def test_each_sub_event_type(extractor, event_type, sub_type, text):
    events = current(extractor, text)
    assert events, f"no event from: {text}"
    assert (events[0].event_type, events[0].sub_event_type) == (event_type, sub_type)


def test_all_25_sub_types_are_covered():
    from sitrep.extract.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    assert {s for _, s, _ in SUB_TYPES} == {sub.name for sub in taxonomy.sub_event_types}
    assert len(taxonomy.sub_event_types) == 25 and len(taxonomy.event_types) == 6


PRECEDENCE = [
    # An explosion that kills civilians is still Explosions/Remote violence, not Violence against civilians.
    ("A car bomb exploded at a crowded market in Baidoa on Monday, killing seven civilians.", "Remote explosive/landmine/IED"),
    # Militants attacking soldiers is a battle; gunmen killing villagers is violence against civilians.
    ("On Monday, militants attacked an army post near Mopti, killing two soldiers.", "Armed clash"),
    ("On Monday, gunmen attacked the village of Kadji and killed nine villagers.", "Attack"),
    # A protest that turns violent is a riot; one that police break up is a protest with intervention.
    ("On Monday, demonstrators clashed with police and vandalised shops in Lagos.", "Violent demonstration"),
    # Forces firing on a demonstration, "killing" a number of people: lethal force ("the killing of" is a topic).
    ("On Monday, during demonstrations in Bamako, security forces opened fire, killing at least 14 people.", "Excessive force against protesters"),
    ("On Monday, students protested in Dhaka against the killing of two students by police.", "Peaceful protest"),
    # ... but a mob that vandalises a mosque over a dispute is no demonstration.
    ("On Monday, a mob vandalized and set ablaze a mosque in Dhing over a dispute between two factions.", "Mob violence"),
    ("On Monday, traders staged a protest in Harare. Police arrested 12 protesters.", "Protest with intervention"),
    # Rocket-propelled grenades are weapons of a ground fight, not a Grenade event.
    ("On Monday, insurgents fired rocket-propelled grenades at an army patrol near Tal Afar.", "Armed clash"),
    # Ground fighting with shelling alongside is an armed clash.
    ("On Monday, heavy fighting broke out between the army and rebels near Idlib, amid artillery shelling.", "Armed clash"),
    # Gunmen shooting at a police patrol that shoots back: both sides fired, an armed clash.
    ("On Monday, unidentified armed men arrived at a farm in Ahuachapan and started shooting. The police shot back and two of the men were killed.", "Armed clash"),
    # An attack that a militia or the army drives off is a fight.
    ("On Monday, suspected militiamen attacked the village of Bamba near Koro. Dozo hunters routed the assailants.", "Armed clash"),
    # The victim is the phrase's head, not its possessor: the mayor's police bodyguards are armed, a soldier's wife is not.
    ("On Monday, armed men intercepted the mayor's car near Teculutan and shot him dead. The mayor's bodyguards, two police "
     "agents, were also killed.",
     "Armed clash"),
    ("On Monday, gunmen shot dead a soldier's wife in her home in Gao.", "Attack"),
    # Security personnel off duty are civilians to ACLED.
    ("On Monday, armed men carried out a drive-by shooting against a police officer who was off-duty in Apodaca.", "Attack"),
    # Shelling the other side answers with fire is an armed clash.
    ("On Monday, rebel forces shelled army positions near Marib. The soldiers fired back, killing three fighters.", "Armed clash"),
    ("On Monday, government forces responded to rebel shelling in Sirwah district, west of Marib.", "Armed clash"),
    # A kidnapping that ends in murder is an attack.
    ("On Monday, gunmen kidnapped a pastor in Kaduna and later killed him.", "Attack"),
    # A raid that carries off goods is looting; one that only searches is a change to the group's activity.
    ("On Monday, Boko Haram raided several houses in Kerawa village, taking away clothes, foods and motorcycles.",
     "Looting/property destruction"),
    # ... but an attack on a village that also carries off goods stays an attack.
    ("On Monday, Boko Haram attacked the village of Amchide. They took away two motorcycles and clothes.", "Attack"),
    # Tyres lit, material burnt, a road blocked with a burning vehicle: a demonstration turned violent.
    ("On Monday, hundreds of traders lit tires and blocked the road near the market in Nairobi.", "Violent demonstration"),
    ("On Monday, demonstrators blocked Arwa road in Aden burning material, as they demanded the governor's removal.",
     "Violent demonstration"),
    ("On Monday, students protesting in Morelia blocked the road with a burning vehicle.", "Violent demonstration"),
    # Territory taken by a national force is regained, whatever words the sentence uses for its allies.
    ("On Monday, pro-Hadi forces and affiliated resistance fighters took control of the Burkan and Dhi Masal areas in "
     "Mukayras district from Houthi fighters.", "Government regains territory"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,sub_type", PRECEDENCE)
def test_precedence_between_types(extractor, text, sub_type):
    events = current(extractor, text)
    assert events and events[0].sub_event_type == sub_type


@pytest.mark.slow
def test_weapons_an_attack_destroyed_are_part_of_it_not_an_event(extractor):
    text = ("On Monday, coalition airstrikes targeted Houthi forces in Al Husha district, killing dozens of fighters and "
            "destroying heavy weapons.")
    assert [e.sub_event_type for e in current(extractor, text)] == ["Air/drone strike"]
    # weapons found and destroyed with no attack told are a disrupted weapons use of their own
    text = "On Monday, soldiers found and destroyed a cache of weapons near Kidal."
    assert [e.sub_event_type for e in current(extractor, text)] == ["Disrupted weapons use"]


def test_an_attack_on_members_of_a_group_the_knowledge_base_knows_as_armed_is_a_fight(extract_note):
    # "NDS members", "a CV member": an armed actor by its name, not by a noun the target words know
    nds = extract_note("On 3 May 2020, 2 NDS members were shot and killed by unknown gunmen in Ghoryan district, Herat.", "2020-05-05")
    cv = extract_note("On 4 May 2020, in Sinop, Mato Grosso, a CV member was stabbed by an armed man.", "2020-05-05")
    civilian = extract_note("On 3 May 2020, a shopkeeper was shot and killed by unknown gunmen in Ghoryan district, Herat.", "2020-05-05")
    assert [(e["sub_event_type"], e["actor2"]) for e in nds] == [
        ("Armed clash", "Police Forces of Afghanistan (2014-2021) National Directorate of Security")]
    assert [(e["sub_event_type"], e["actor2"]) for e in cv] == [("Armed clash", "CV: Red Command")]
    assert [(e["sub_event_type"], e["actor2"]) for e in civilian] == [("Attack", "Civilians (Afghanistan)")]


def test_a_group_named_in_a_modifier_of_the_victims_is_not_the_victim(extractor):
    # "North Sinai province" is also an alias of the Islamic State's Sinai Province: here it is where the mosque is
    text = ("Gunmen attacked a packed mosque in Egypt's restive North Sinai province on Friday and set off a bomb, "
            "wounding at least 75 people, health and police officials said")
    assert [e.sub_event_type for e in current(extractor, text)] == ["Attack"]
