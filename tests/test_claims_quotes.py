"""Quotes and reported speech: quotation marks, speakers, pronouns, short names, anonymous sources."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.evaluate.claims import extract_item
from sitrep.extract.quotes import find_quoted_passages, paragraph_bounds

PUBLISHED = date(2021, 3, 15)


def quotes_of(extractor, text: str):
    quotes, _ = extract_item(extractor, text, PUBLISHED)
    return quotes


def by_text(quotes, fragment: str):
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


# --- quotation marks (no parsing) ---------------------------------------------------------


def test_curly_and_straight_marks_give_inner_text_without_trailing_comma():
    text = '“We stay,” she said. "We fight," he said.'
    passages = [p.text(text) for p in find_quoted_passages(text)]
    assert passages == ["We stay", "We fight"]


def test_quote_inside_a_quote_stays_one_passage():
    text = "“They shouted ‘leave now’ and fired,” he said. \"He told me \"go\" twice,\" she said."
    passages = [p.text(text) for p in find_quoted_passages(text)]
    assert passages == ["They shouted ‘leave now’ and fired", 'He told me "go" twice']


def test_quote_left_open_at_paragraph_end_runs_to_the_paragraph_end():
    text = "“First part of the story.\n\n“Second part,” he said."
    passages = find_quoted_passages(text)
    assert [p.text(text) for p in passages] == ["First part of the story.", "Second part"]
    assert passages[0].closed is False


def test_offsets_point_into_the_text():
    text = "Intro. “Exact words here,” said Ana Ruiz."
    (passage,) = find_quoted_passages(text)
    assert text[passage.start : passage.end] == "Exact words here"
    assert paragraph_bounds("a\n\nb") == [(0, 1), (3, 4)]


# --- speakers of direct quotes -------------------------------------------------------------


def test_speaker_after_quote_with_title_and_role(extractor):
    text = "“The road is closed,” said Maj. Tomas Ruiz, a spokesman for the border police."
    quote = by_text(quotes_of(extractor, text), "The road is closed")
    assert quote.speaker == "Maj. Tomas Ruiz"
    assert quote.speaker_role == "a spokesman for the border police"
    assert quote.direct and not quote.anonymous
    assert text[quote.start : quote.end] == quote.text


def test_split_quote_keeps_the_speaker_for_both_halves(extractor):
    text = "“We lost everything,” said Halima Osman, a farmer. “Our goats, our seeds. Nothing is left.”"
    quotes = quotes_of(extractor, text)
    assert [q.speaker for q in quotes] == ["Halima Osman", "Halima Osman"]
    assert quotes[1].text == "Our goats, our seeds. Nothing is left."


def test_continued_quote_in_next_paragraph_keeps_the_speaker(extractor):
    text = "“The bombs fell all night,” said Hassan Ali, a shopkeeper.\n\n“We hid in the basement with our neighbours.”"
    quotes = quotes_of(extractor, text)
    assert [q.speaker for q in quotes] == ["Hassan Ali", "Hassan Ali"]


def test_speaker_before_quote_with_colon(extractor):
    text = "Colonel Ivan Petrenko put it bluntly: “We are outgunned on every front.”"
    assert by_text(quotes_of(extractor, text), "outgunned").speaker == "Colonel Ivan Petrenko"


def test_nested_quote_is_part_of_the_outer_quote(extractor):
    text = "“They shouted ‘leave now or die’ and then they started shooting,” said Yusuf Kamara, a survivor."
    (quote,) = quotes_of(extractor, text)
    assert "‘leave now or die’" in quote.text and quote.speaker == "Yusuf Kamara"


def test_he_said_goes_to_the_nearest_compatible_antecedent(extractor):
    text = (
        "Describing the ambush, a senior police officer said the convoy was hit by two roadside bombs. "
        "“It was a trap,” he said."
    )
    quote = by_text(quotes_of(extractor, text), "It was a trap")
    assert quote.speaker == "a senior police officer"
    assert quote.anonymous


def test_she_said_after_a_named_person(extractor):
    text = "Fatima Bello runs the only clinic in the town. “We treat gunshot wounds every week,” she said."
    assert by_text(quotes_of(extractor, text), "gunshot").speaker == "Fatima Bello"


def test_they_said_goes_to_a_plural_subject(extractor):
    text = "Village elders met the governor on Friday. “We asked for protection,” they said."
    quote = by_text(quotes_of(extractor, text), "protection")
    assert quote.speaker == "Village elders"


def test_second_speaker_pronoun_goes_to_the_newer_person(extractor):
    text = (
        "“Bread costs three times more,” said Grace Achieng, a trader. Her neighbour, Paul Otieno, disagreed. "
        "“It has doubled, not tripled,” he said."
    )
    quotes = quotes_of(extractor, text)
    assert by_text(quotes, "doubled").speaker == "Paul Otieno"
    assert by_text(quotes, "three times").speaker == "Grace Achieng"


def test_surname_resolves_to_the_full_name_and_role(extractor):
    text = (
        "“The insurgency is changing shape,” said Priya Raman, a fellow at the Centre for Conflict Studies. "
        "“It is becoming more local,” said Raman."
    )
    later = by_text(quotes_of(extractor, text), "more local")
    assert later.speaker == "Priya Raman"
    assert later.speaker_role == "a fellow at the Centre for Conflict Studies"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“The attackers knew where the guards slept,” said a security official who spoke on condition of anonymity.", "a security official"),
        ("“We are running out of ammunition,” said a militia fighter.", "a militia fighter"),
        ("“They came at night,” a shopkeeper said.", "a shopkeeper"),
    ],
)
def test_unnamed_speakers_are_anonymous(extractor, text, speaker):
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker == speaker and quote.anonymous


def test_named_organisation_and_office_holder_are_not_anonymous(extractor):
    quotes = quotes_of(extractor, "The governor said that the curfew would be lifted. According to the Ministry of Defence, the drone was shot down.")
    assert [(q.speaker, q.anonymous) for q in quotes] == [("The governor", False), ("Ministry of Defence", False)]


def test_scare_quotes_and_titles_are_not_quotes(extractor):
    text = "Residents call the checkpoint “the gate of death.” The film “Return to Aleppo” was screened."
    assert quotes_of(extractor, text) == []


def test_condition_of_anonymity_marks_the_pronoun_speaker(extractor):
    text = (
        "Two officers described the raid. “We were outnumbered and outgunned,” one of them said. "
        "Both spoke on condition of anonymity."
    )
    (quote,) = quotes_of(extractor, text)
    assert quote.anonymous


# --- reported speech and "according to" -----------------------------------------------------


def test_according_to_at_the_end(extractor):
    text = "At least 12 civilians were killed in the shelling, according to local health officials."
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "At least 12 civilians were killed in the shelling"
    assert quote.speaker == "local health officials" and quote.anonymous and not quote.direct


def test_according_to_at_the_start(extractor):
    (quote,) = quotes_of(extractor, "According to a hospital doctor, 40 people were treated for burns.")
    assert quote.text == "40 people were treated for burns" and quote.speaker == "a hospital doctor"


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("Human Rights Watch reported that detainees had been beaten in custody.", "detainees had been beaten in custody", "Human Rights Watch"),
        ("Officials say the death toll is likely to rise.", "the death toll is likely to rise", "Officials"),
        ("The ministry announced the closure of all schools in the district.", "the closure of all schools in the district", "The ministry"),
        ("The group claimed that its fighters had captured two towns.", "its fighters had captured two towns", "The group"),
        ("The bridge was destroyed overnight, soldiers said, cutting the town off.", "The bridge was destroyed overnight", "soldiers"),
    ],
)
def test_reported_speech(extractor, text, content, speaker):
    (quote,) = quotes_of(extractor, text)
    assert (quote.text, quote.speaker, quote.direct) == (content, speaker, False)
    assert text[quote.start : quote.end] == content


def test_reported_speech_pronoun_subject_of_coordinated_verb(extractor):
    text = "Government forces launched a sweep on Monday. Within days, they reported the discovery of arms caches and said several militants had been killed."
    quotes = quotes_of(extractor, text)
    assert {q.speaker for q in quotes} == {"Government forces"}
    assert by_text(quotes, "several militants").direct is False


def test_pronoun_prefers_the_recent_speaker_over_a_name_in_object_position(extractor):
    text = (
        "The friend said the attacker was a follower of the preacher Ahmad Jibril and would watch videos of the cleric. "
        "“He used to listen to a lot of Jibril,” he told the BBC."
    )
    assert by_text(quotes_of(extractor, text), "listen to").speaker == "The friend"


def test_according_to_covers_only_its_own_clause(extractor):
    text = "Hundreds of prisoners are in jail, according to human rights groups, but opposition leaders continue to speak out."
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "Hundreds of prisoners are in jail"


def test_hearsay_said_to_be_is_not_speech(extractor):
    assert quotes_of(extractor, "In the 1990s, militant elements said to be linked with the movement began to gain influence.") == []


def test_quote_ending_its_sentence_is_not_attributed_to_the_next_sentence(extractor):
    text = (
        "“We can't sleep at night,” said Luis Gomez, a student. “I didn't think things could get worse, but they have.” "
        "Gabriela Ruiz, a former ombudsman, said the government was getting worse."
    )
    assert by_text(quotes_of(extractor, text), "get worse, but").speaker == "Luis Gomez"


@pytest.mark.parametrize(
    "text",
    [
        "He did not acknowledge the identification.",
        "No group has claimed responsibility for the explosion.",
    ],
)
def test_negated_speech_is_not_a_statement(extractor, text):
    assert quotes_of(extractor, text) == []


def test_straight_quotes_in_text_without_spaces_between_sentences(extractor):
    text = 'He studied the papers."There is nothing in here, no," said Joe McElroy, a clerk.'
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "There is nothing in here, no" and quote.speaker == "Joe McElroy"


def test_quoted_names_mid_sentence_are_not_quotes_but_one_word_answers_are(extractor):
    quotes = quotes_of(extractor, 'Ana Diaz said the man used the name "Robert Kling" at the motel.')
    assert [q.direct for q in quotes] == [False]  # her reported statement only
    (answer, rest) = quotes_of(extractor, "“Somalia,” said Henrique Lopes, an opposition leader. “We could become a failed state.”")
    assert (answer.text, answer.speaker) == ("Somalia", "Henrique Lopes")
    assert rest.speaker == "Henrique Lopes"


def test_a_request_is_not_a_reported_statement(extractor):
    text = "“We counted the bodies ourselves,” one volunteer said, asking that his name not be used."
    (quote,) = quotes_of(extractor, text)
    assert quote.direct and quote.speaker == "one volunteer"


def test_fronted_description_is_the_role(extractor):
    text = (
        "“We will hold the line,” said Col. Tariq Hassan. A veteran of every campaign in the valley, "
        "Hassan said he had been wounded twice."
    )
    reported = by_text(quotes_of(extractor, text), "wounded twice")
    assert reported.speaker == "Col. Tariq Hassan"
    assert reported.speaker_role == "A veteran of every campaign in the valley"
