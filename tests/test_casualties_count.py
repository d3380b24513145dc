"""Fatality mentions and ACLED's counting conventions, on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.extract.casualties import VAGUE_COUNTS, fatality_count, find_fatalities


def count(text: str) -> int:
    return fatality_count(find_fatalities(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen on motorbikes killed two motorcyclists near the market.", 2),
        ("Two people were killed when the roof collapsed under shelling.", 2),
        ("The mortar round landed in a courtyard, killing 6 civilians.", 6),
        ("The car bomb went off at noon, leaving 3 dead.", 3),
        ("By evening the death toll rose to 12, hospital staff said.", 12),
        ("12 bodies were found in a ditch outside the town.", 12),
        ("The drone strike claimed the lives of 4 shepherds.", 4),
        ("A rebel commander was killed in the ambush.", 1),
        ("A dozen policemen were killed at the checkpoint.", 12),
        ("More than half a dozen policemen were killed at the checkpoint.", 6),  # a fraction of the scale word
        ("As many as a quarter of a million people were killed in the civil war.", 250_000),
        ("The war killed a quarter of a million people.", 0),  # no count read, rather than one "quarter" killed
        ("Twenty-three villagers died in the raid.", 23),
        ("Officials said 1,200 people were killed in the siege.", 1200),
        ("Two police officers and a civilian were shot dead.", 3),
        ("Rebels killed two soldiers and three civilians.", 5),
        ("A 17-year-old student was stabbed to death outside the school.", 1),
        # the subject who fired back is no victim of the clause after "and"
        ("The police shot back and two unidentified armed men were killed.", 2),
        ("Three soldiers shot in the ambush died.", 3),
        # found after the deed: "found shot dead", "found beaten to death"
        ("A journalist was found shot dead in his car on Sunday.", 1),
        ("Two farmers were found beaten to death near the river.", 2),
        ("Attackers killed the village chief.", 1),
        ("The fighting resulted in the deaths of 7 herders.", 7),
        ("Five IS fighters were killed in the airstrike.", 5),
        ("The clashes left 2 rebel and 1 military fatality.", 3),
        ("3 fatalities.", 3),
        ("Fatalities: 4", 4),
    ],
)
def test_counts_in_news_sentences(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 5 people were killed.", 5),
        ("More than 20 fighters were killed.", 20),
        ("Up to 30 people were killed.", 30),
        ("Up to 30 people may have died.", 0),  # a hedge with "may have": no stated death
        ("Between 10 and 15 people were killed.", 10),
        ("Some 8-10 residents were killed.", 8),
    ],
)
def test_ranges_and_qualifiers_take_the_lowest_figure(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens were killed in the raid.", VAGUE_COUNTS["dozens"]),
        ("Hundreds dead after the attack on the camp.", VAGUE_COUNTS["hundreds"]),
        ("Several militants had been killed, the army said.", VAGUE_COUNTS["several"]),
        ("Many civilians were killed in the shelling.", VAGUE_COUNTS["many"]),
        ("Tens of people were killed.", VAGUE_COUNTS["tens"]),
        ("An unknown number of soldiers were killed.", 10),
    ],
)
def test_vague_numbers_follow_the_acled_codebook(text, expected):
    assert count(text) == expected
    assert all(m.approximate for m in find_fatalities(text) if m.count)


def test_codebook_values():
    assert (VAGUE_COUNTS["dozens"], VAGUE_COUNTS["hundreds"], VAGUE_COUNTS["several"]) == (12, 100, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants killed two soldiers and wounded five others.", 2),
        ("Five people were wounded and taken to hospital.", 0),
        ("Ten people were killed or injured.", 0),  # no count of the dead alone
        ("Three people were injured; one later died in hospital.", 1),
    ],
)
def test_injuries_are_not_fatalities(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "No casualties were reported.",
        "No one was killed in the blast, police said.",
        "The attack caused no deaths.",
        "Shops were looted but nobody was killed.",
    ],
)
def test_negated_deaths_count_zero(text):
    mentions = find_fatalities(text)
    assert any(m.kind == "none" for m in mentions)
    assert fatality_count(mentions) == 0


def test_negation_does_not_hide_reported_deaths():
    assert count("No civilians were harmed, but 3 militants were killed.") == 3


def test_conflicting_reports_take_the_most_conservative():
    text = "Police said 3 people were killed. Residents said 5 people died."
    assert count(text) == 3


def test_a_total_covers_its_subgroups():
    assert count("At least 12 people were killed. Among the dead were five children.") == 12


def test_suicide_attacker_is_counted():
    assert count("A suicide bomber blew himself up at a wedding, killing 5 guests.") == 6
    assert count("A suicide bomber detonated his vest, killing 5 people including the bomber.") == 5


def test_split_between_events_divides_conservatively():
    assert count("Clashes killed 20 fighters. 20 fatalities split up between 3 events.") == 6
    assert count("Unknown number of fatalities coded as 10 and split between 2 events.") == 5


def test_a_year_is_not_a_count():
    assert count("On 8 May 2020, 5 soldiers were killed.") == 5
    assert count("On 8 May 2020, a guard was shot dead.") == 1


def test_active_verb_subject_is_not_a_victim():
    mentions = find_fatalities("A roadside bomb killed two soldiers.")
    assert [(m.count, m.victim) for m in mentions] == [(2, "soldier")]


def test_mentions_have_offsets_into_the_text():
    text = "Shelling hit the market. It killed 4 traders."
    (mention,) = find_fatalities(text)
    assert text[mention.start:mention.end] == mention.text
    assert mention.text.startswith("killed 4")


def test_no_mentions_count_zero():
    assert fatality_count([]) == 0
    assert count("Protesters marched peacefully through the capital.") == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police beat a young man to death at the market.", 1),
        ("A trader was stoned and stabbed to death by a mob.", 1),
        ("A guard was shot in the chest and died in hospital.", 1),
        ("One villager was abducted and later found killed.", 1),
        ("Two policemen were killed on Monday. 2 other policemen were killed when reinforcements arrived.", 4),
        ("Three soldiers were killed in the ambush, and another soldier was killed by a mine.", 4),
        ("Seven GNA soldiers and alleged foreign fighters were reportedly killed.", 7),
        ("5 JTF and Kamuku militiamen were killed in the clash.", 5),
        ("Two militants and five security personnel including one policeman were killed.", 7),
        ("Gunmen opened fire, killing a man, the director of the school, and injuring five others.", 1),
        ("The raiders burned 20 huts and killed 15 livestock.", 0),
        ("They burned 20 huts and killed 15 livestock before being repelled by security forces.", 0),  # head before "before"
        ("Gunmen killed 15 villagers before fleeing into the forest.", 15),
        ("A man's body was found on the beach.", 1),
        ("78 BH/IS fighters were killed in the bombardment.", 78),
        ("The protest followed a coronavirus death in the town.", 0),
        ("He was sentenced to death by a military court.", 0),
    ],
)
def test_more_news_phrasings(text, expected):
    assert count(text) == expected


def test_a_clause_before_a_list_is_not_a_victim():
    assert count("A shoot-out broke out and two suspects died.") == 2
    assert count("After a heavy fight, five militants and one soldier were killed.") == 6
    assert count("Three suspects managed to flee and one was killed.") == 1


def test_retelling_with_other_words_is_not_added_twice():
    text = "At least nine tribesmen were killed in the raids. Nine tribe leaders in Tapaz town died."
    assert count(text) == 9


def test_different_groups_in_different_sentences_add_up():
    text = "5 pro-government militia members were killed. Officials said 4 Taliban militants were also killed."
    assert count(text) == 9
    assert count("Gunmen killed 4 civilians in one village and beheaded a man in another.") == 5


@pytest.mark.parametrize(
    "text",
    [
        "He visited a doctor, and one morning they were found dead.",
        "The court ruled that the men would not be executed.",
        "Militants were accused of beheading a group of farmers.",
        "The militia threatened to kill 17 hostages.",
    ],
)
def test_not_a_count_of_the_dead(text):
    assert count(text) == 0


def test_a_rejected_long_match_does_not_hide_the_real_statement():
    text = "Within days, officers reported the seizure of a rifle stockpile and said several insurgents had been killed."
    mentions = find_fatalities(text)
    assert [(m.count, m.victim) for m in mentions] == [(10, "insurgent")]


@pytest.mark.slow
def test_deaths_a_crowd_protests_over_are_no_deaths_of_its_protest(extractor):
    from datetime import date

    from sitrep.records import Article

    def deaths(text: str) -> list[tuple[str, int]]:
        events = extractor.extract_one(Article(text=text, published=date(2020, 5, 10))).events
        return [(e.event_type, e.fatalities) for e in events if not e.background]

    assert deaths("On 28 April 2020, a mob vandalized and set ablaze a rehab facility in Imphal over the death of a patient.") == [("Riots", 0)]
    assert deaths("On 6 May 2020, rioters burned the police station in Conakry after police shot dead two protesters.") == [("Riots", 0)]
    assert deaths("On 27 April 2020, residents blocked an avenue in Salvador to demonstrate against the death of an adolescent.") == [("Protests", 0)]
    # deaths in the riot itself still count
    assert deaths("On 6 May 2020, protesters clashed with police in Conakry and two demonstrators were killed.") == [("Riots", 2)]
