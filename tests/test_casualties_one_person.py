"""One person named, or referred to by a pronoun, is one death: "X was stabbed to death", "the murder of X"."""

from __future__ import annotations

import pytest

from sitrep.extract.casualties import fatality_count, find_fatalities


def deaths(text: str) -> int:
    return fatality_count(find_fatalities(text))


@pytest.mark.parametrize(
    "text",
    [
        "Amina Yusuf, a radio presenter, was shot dead in Kano on Friday, officials said.",
        "Trade unionist Pedro Alvarez was beaten to death outside the factory gates.",
        "By the next morning she was dead, her family said.",
        "He was killed by unknown assailants near his home.",
        "The assassination of lawyer Tomas Reyes shocked the legal community.",
        "Okafor's killing in his shop remains unsolved, relatives said.",
        # the active voice, and a named person who died of it
        "Gunmen shot dead Ahmed Ali, a local journalist, in Mogadishu on Monday.",
        "As recently as 2014, the authorities executed Gholamreza Khosravi, convicted of helping the group.",
        "Police killed the protester Juan Perez-Lopez in Nairobi.",
        "36-year-old Kolade Johnson died from bullet wounds sustained after police officers opened fire.",
    ],
)
def test_a_single_named_or_pronoun_victim_is_one_death(text):
    assert deaths(text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "He was sentenced to death by a military court.",
        "Maria Santos was injured in the blast.",
        "The killing of farmers in Benue state continued.",
        "Moscow's killing of civilians was documented.",
        "Peter Obi was killed or injured, it is not clear.",
        "Students marched in Jos to protest the killing of activist Musa Bello.",
        # a group's name, a named man's property, a place after the verb, a lynching that did not happen
        "Troops killed Islamic State fighters near Mosul.",
        "The soldiers killed John Smith's cattle.",
        "A man accused of theft was held and nearly lynched in Colonia Emiliano Zapata.",
    ],
)
def test_no_death_or_no_single_person(text):
    assert deaths(text) == 0


def test_a_named_death_does_not_lower_a_larger_count():
    text = "Six villagers were killed in the raid. The chief, Musa Garba, was hacked to death in front of his house."
    assert deaths(text) == 6


def test_two_named_deaths_told_again_are_not_added():
    text = "Carlos Mendez was shot dead on Sunday. Hours later he was dead in hospital."
    assert deaths(text) == 1


def test_a_pronoun_victim_is_someone_already_counted():
    text = "A detainee was found dead in his cell on Monday. His brother said he was beaten to death by guards."
    assert deaths(text) == 1


def test_cli_extract_counts_a_named_man_shot_dead(extract_note):
    events = extract_note("On 4 May 2020, gunmen shot dead Ahmed Ali, a local journalist, in Mogadishu.", "2020-05-05")
    assert [(e["sub_event_type"], e["fatalities"]) for e in events] == [("Attack", 1)]
