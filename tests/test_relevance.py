"""The relevance cascade's cheap first pass: conflict leads pass, ordinary news does not."""

import pytest

from sitrep.extract.relevance import check_relevance
from sitrep.records import Article

LONG_FILLER = " The council will meet again next month to review the budget and the new library hours." * 8


@pytest.mark.parametrize(
    "text",
    [
        "A roadside bomb struck a police patrol outside Kandahar on Sunday.",
        "Hundreds of teachers marched to parliament to demand unpaid salaries.",
        "Villagers said bandits abducted eleven farmers near Gusau.",
        "Troops retook the town after a week of fighting.",
        "On 3 May, residents blocked the highway to denounce water cuts.",  # short: one weak group is enough
        "Two men were found dead on a road outside the town.",
    ],
)
def test_conflict_and_protest_leads_pass(text):
    assert check_relevance(Article(text=text)).relevant


@pytest.mark.parametrize(
    "text",
    [
        "The city council approved a new bus route and extended library hours." + LONG_FILLER,
        "Health officials reported 40 new influenza cases and two deaths at the county hospital." + LONG_FILLER,
        "The central bank left interest rates unchanged as inflation eased." + LONG_FILLER,
    ],
)
def test_ordinary_news_is_skipped(text):
    decision = check_relevance(Article(text=text))
    assert not decision.relevant, decision.matched


def test_only_the_headline_and_lead_are_read():
    late = "The council approved the budget." + LONG_FILLER * 3 + " Militants attacked a checkpoint."
    assert not check_relevance(Article(text=late)).relevant
    assert check_relevance(Article(text=late, title="Militants attack checkpoint")).relevant


def test_words_are_matched_at_word_starts_only():
    # "according" is not "accord", "strategy" has no "rat", "Afghanistan" no "gang".
    text = "According to the plan, the strategy for Afghanistan trade will change." + LONG_FILLER
    assert not check_relevance(Article(text=text)).relevant


def test_skipped_articles_come_back_from_the_pipeline_without_events(extractor):
    skipped = Article(text="The central bank left interest rates unchanged as inflation eased." + LONG_FILLER)
    results = list(extractor.extract([skipped]))
    assert len(results) == 1 and results[0].relevant is False and results[0].events == []
