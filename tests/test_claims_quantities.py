"""Quantitative claims: numbers, ranges, vague counts, units, periods, their sources and events."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.evaluate.claims import extract_item
from sitrep.extract.claims import extract_quotes_and_claims
from sitrep.extract.context import ExtractionContext
from sitrep.records import Article, Event, Evidence, SourceReport

PUBLISHED = date(2021, 3, 15)


def claims_of(extractor, text: str, published: date = PUBLISHED):
    _, claims = extract_item(extractor, text, published)
    return claims


def test_approximate_count_with_period_and_speaker(extractor):
    text = (
        "About 1,000 fighters have crossed into the province during the past eight months, most of them after "
        "the fall of the town in March, said Leyla Aziz, a researcher who studies the group."
    )
    (claim,) = claims_of(extractor, text, date(2019, 7, 21))
    assert (claim.quantity, claim.quantity_max, claim.approximate, claim.unit) == (1000, None, True, "fighters")
    assert claim.what == "fighters have crossed into the province"
    assert (claim.period_start, claim.period_end) == (date(2018, 11, 21), date(2019, 7, 21))
    assert claim.speaker == "Leyla Aziz" and claim.speaker_role == "a researcher who studies the group"
    assert text[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    "text, quantity, quantity_max, approximate, unit",
    [
        ("Between 200 and 300 fighters crossed the border last month, a UN report said.", 200, 300, False, "fighters"),
        ("Dozens of homes were burned in the attack, witnesses said.", 24, 99, True, "homes"),
        ("Tens of thousands of people have been displaced by the fighting this year.", 20_000, 99_999, True, "people"),
        ("Up to 60 soldiers may have been captured, a military source said.", None, 60, True, "soldiers"),
        ("Nearly 40 percent of the city's water supply has been cut, according to engineers.", 40, None, True, "percent"),
        ("The militia has recruited more than 500 children since January, the agency said.", 500, None, True, "children"),
        ("The army built a 120-kilometre trench along the frontier last year.", 120, None, False, "kilometre"),
        ("Commanders reported the capture of three weapons depots.", 3, None, False, "depots"),
    ],
)
def test_quantities(extractor, text, quantity, quantity_max, approximate, unit):
    (claim,) = claims_of(extractor, text)
    assert (claim.quantity, claim.quantity_max, claim.approximate, claim.unit) == (quantity, quantity_max, approximate, unit)


def test_measure_keeps_what_is_measured(extractor):
    (claim,) = claims_of(extractor, "Troops were sent to the country's 370-mile border with the north.")
    assert (claim.quantity, claim.unit) == (370, "mile")
    assert claim.what.startswith("the country's border")  # the number is not part of what is measured


def test_dates_years_and_source_counts_are_not_claims(extractor):
    text = "The town was retaken in 2019 after a siege that lasted until March. Two diplomats said talks had stalled."
    assert claims_of(extractor, text) == []


def test_period_resolves_relative_to_publication(extractor):
    (claim,) = claims_of(extractor, "Some 15,000 refugees crossed into the neighbouring country in the past two weeks, aid agencies said.")
    assert (claim.period_start, claim.period_end) == (date(2021, 3, 1), date(2021, 3, 15))
    assert claim.speaker == "aid agencies"


def test_claim_inside_a_claim_keeps_its_own_source(extractor):
    text = "The army said five soldiers were killed in the assault, while the group's news agency claimed that 20 soldiers died."
    claims = claims_of(extractor, text)
    assert [(c.quantity, c.speaker) for c in claims] == [(5, "The army"), (20, "the group's news agency")]


def test_unattributed_figure_has_no_speaker(extractor):
    (claim,) = claims_of(extractor, "Hundreds of protesters gathered outside the parliament on Saturday.")
    assert claim.speaker is None and claim.quantity == 200 and claim.quantity_max == 999


def _run_with_event(extractor, text: str, sentence: str, fatalities: int):
    article = Article(text=text, id="a1", published=PUBLISHED)
    start = text.index(sentence)
    evidence = [Evidence(start=start, end=start + len(sentence), text=sentence)]
    event = Event(
        doc_id="a1", event_id="ev1", event_type="Battles", fatalities=fatalities, evidence=evidence,
        sources=[SourceReport(article_id="a1", fatalities=fatalities, evidence=evidence)],
    )
    context = ExtractionContext(article=article, gazetteer=extractor.gazetteer, actors=extractor.actors)
    quotes, claims = extract_quotes_and_claims(extractor.nlp(text), context, [event])
    return event, quotes, claims


def test_disagreeing_figures_are_kept_as_claims_linked_to_the_event(extractor):
    sentence = "The army said four soldiers were killed in the ambush, while the rebels' radio station claimed that 25 soldiers died."
    text = "Rebels attacked a convoy near the river on Saturday. " + sentence
    event, _, claims = _run_with_event(extractor, text, sentence, fatalities=4)
    figures = {(c.quantity, c.speaker, c.event_id) for c in claims}
    assert (4, "The army", "ev1") in figures and (25, "the rebels' radio station", "ev1") in figures
    assert event.fatalities == 4  # the event keeps the conservative figure; the claims keep the rest


def test_event_takes_the_according_to_attribution(extractor):
    sentence = "Gunmen attacked a checkpoint near the border on Sunday, according to security officials."
    text = "The road was quiet in the morning. " + sentence
    event, _, _ = _run_with_event(extractor, text, sentence, fatalities=0)
    assert event.attribution == "according to security officials"
    assert event.sources[0].attribution == "according to security officials"


def test_event_without_attributed_sentence_is_left_alone(extractor):
    sentence = "Gunmen attacked a checkpoint near the border on Sunday."
    event, _, _ = _run_with_event(extractor, sentence + " “We fought back,” said Tomas Ruiz, a guard.", sentence, 0)
    assert event.attribution is None


def test_since_clause_runs_the_period_to_publication(extractor):
    text = "More than 1,200 people have been detained since the protests began in July, according to lawyers."
    (claim,) = claims_of(extractor, text, date(2023, 9, 20))
    assert (claim.period_start, claim.period_end) == (date(2023, 7, 1), date(2023, 9, 20))


def test_hyphenated_range_with_qualifier(extractor):
    (claim,) = claims_of(extractor, "On 9 May 2020, around 500-1000 migrant workers staged a protest in the city.", date(2020, 5, 9))
    assert (claim.quantity, claim.quantity_max, claim.approximate, claim.unit) == (500, 1000, True, "workers")
    assert (claim.period_start, claim.period_end) == (date(2020, 5, 9), date(2020, 5, 9))


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May 2020, the forces fired 120mm mortars near the town.",
        "Forces shelled the houses of 50 Street and the old market.",
    ],
)
def test_calibres_and_numbered_names_are_not_claims(extractor, text):
    assert claims_of(extractor, text) == []


def test_what_keeps_words_apart_across_a_cut(extractor):
    (claim,) = claims_of(extractor, "More than 20 members of the union for catering, tourism and hotels went on strike.")
    assert claim.what == "members of the union for catering went on strike"
