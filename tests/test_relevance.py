"""The relevance cascade's cheap first pass: conflict leads pass, ordinary news does not."""

import pytest

from sitrep.extract.relevance import check_relevance, could_report_event
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
        "Members of the CJNG handed out groceries to families in two towns of Michoacan.",  # a cartel named by its acronym
        "Unknown people set fire to a textile factory in Bursa.",  # arson
        # a detention with the charge that makes it political, in a long text
        "Two British-Australian women have been detained in a Tehran jail on spy charges." + LONG_FILLER,
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
        "A man was detained at the county jail after a traffic stop on Monday." + LONG_FILLER,  # one weak group
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


@pytest.mark.parametrize(
    "text",
    [
        "A young couple opened a bakery; prices stayed stable as they explored new recipes." + LONG_FILLER,
        "Firefighters put out a kitchen fire; the state trooper directed traffic." + LONG_FILLER,
        "He died of a heart attack in March after a long battle with cancer, his family said." + LONG_FILLER,
        "The Raiders won at home; the bank warned of a warm spell and a diesel shortage." + LONG_FILLER,
        "Officials urged residents to combat the virus by washing hands; the Protestant church helped." + LONG_FILLER,
    ],
)
def test_everyday_words_sharing_a_stem_do_not_pass(text):
    decision = check_relevance(Article(text=text))
    assert not decision.relevant, decision.matched


@pytest.mark.parametrize(
    "text",
    [
        "The coup leaders closed the airport." + LONG_FILLER,
        "A man stabbed two guards and explosions shook the port." + LONG_FILLER,
        "Police used tear gas as crowds marched on the palace." + LONG_FILLER,
        "Dissident activist Chen was jailed for ten years." + LONG_FILLER,  # detention + a target group
    ],
)
def test_closed_stems_still_match_their_own_words(text):
    assert check_relevance(Article(text=text)).relevant


def test_a_long_article_passes_on_several_strong_words_after_the_lead():
    portrait = "Amina grew up in a village of farmers and teachers." + LONG_FILLER * 3
    one_late = portrait + " Militants attacked a checkpoint."
    assert not check_relevance(Article(text=one_late)).relevant  # two strong words in passing
    many_late = one_late + " Soldiers were ambushed the next day and a rocket hit the camp."
    decision = check_relevance(Article(text=many_late))
    assert decision.relevant and len(decision.matched) >= 3


def test_results_keep_the_input_order_when_some_articles_are_skipped(extractor):
    texts = [
        "The central bank left interest rates unchanged as inflation eased." + LONG_FILLER,
        "A roadside bomb struck a police patrol outside Kandahar on Sunday, killing two officers.",
        "The city council approved a new bus route and extended library hours." + LONG_FILLER,
        "Troops clashed with militants near Mopti on Friday.",
    ]
    articles = [Article(text=t, id=f"a{i}") for i, t in enumerate(texts)]
    results = list(extractor.extract(articles))
    assert [r.article.id for r in results] == ["a0", "a1", "a2", "a3"]
    assert [r.relevant for r in results] == [False, True, False, True]


# Passes the lead check (police, government, an epidemic's deaths) but holds no word that makes an event.
POLICE_AND_GOVERNMENT = ("Police and government officials said the flu season was the worst in a decade; "
                         "many of the elderly patients who died had not been vaccinated.")


def test_a_text_without_any_event_cue_cannot_report_an_event():
    assert check_relevance(Article(text=POLICE_AND_GOVERNMENT)).relevant
    assert not could_report_event(Article(text=POLICE_AND_GOVERNMENT))
    assert could_report_event(Article(text=POLICE_AND_GOVERNMENT + " Later, gunmen attacked a clinic."))


def test_without_claims_the_pipeline_skips_a_text_without_event_cues(extractor):
    article = Article(text=POLICE_AND_GOVERNMENT)
    assert extractor.extract_one(article).relevant is False
    with_claims = extractor.extract_one(article, claims=True)  # its quotes and claims are still wanted
    assert with_claims.relevant is True and with_claims.events == []


# Stories whose every event cue sits in a sentence the events stage drops as out of scope.
OUT_OF_SCOPE_STORIES = [
    # a disaster story: its deaths and injuries are no attack
    "A strong earthquake on Java killed eight people and damaged more than 1,300 buildings, officials said. "
    "Dozens were injured by falling rocks.",
    # ordinary crime
    "The burglar shot the shop owner during a robbery on Main Street. The shop reopened on Monday.",
    # a sports result
    "Arsenal beat Chelsea 4-1 in a fierce clash on Saturday. The win lifts them to third in the league.",
    # a local crime story, told in the words of a criminal case
    "A man was found shot dead in a parked car on Elm Street, police said. Sheriff's deputies arrested a neighbour, "
    "who was charged with murder and held on a $500,000 bond.",
    # the same, told in the words of a police investigation before anyone is charged
    "A man was shot dead on Elm Street this afternoon, a police department spokesman said. Investigators are "
    "looking at surveillance video.",
]


@pytest.mark.parametrize("text", OUT_OF_SCOPE_STORIES)
def test_a_text_whose_cue_sentences_are_all_out_of_scope_cannot_report_an_event(text):
    assert check_relevance(Article(text=text)).relevant  # the lead check lets it through
    assert not could_report_event(Article(text=text))
    # one sentence about political violence is enough
    assert could_report_event(Article(text=text + " Later, gunmen attacked a clinic in the town."))


def test_a_cue_told_with_a_modal_is_no_event_to_parse():
    assert not could_report_event(Article(text="Ahli drew with Ismaily on Monday. The two teams will clash again in Ismailia next week."))
    assert not could_report_event(Article(text="Officials said hundreds could be killed if the dam bursts near Mosul."))
    # one cue told as fact is enough
    assert could_report_event(Article(text="The two groups clashed in Ismailia on Monday and will clash again, police said."))


def test_a_cue_sentence_counts_as_out_of_scope_only_together_with_its_neighbours():
    # Cut before any parse, "p.m." ends a sentence here; spaCy may join the two, and the rebels of the
    # second would then make the robbery political: the text is kept.
    crime = "Police said the burglar shot the shop owner during a robbery at 5 p.m."
    assert not could_report_event(Article(text=crime + " The shop reopened on Monday."))
    assert could_report_event(Article(text=crime + " Rebels in the hills deny any link."))
    # The out-of-scope word must be in the cue sentence itself, not only next to it.
    assert could_report_event(Article(text="Gunmen killed two guards at the mine. The burglar fled."))


def test_skipping_out_of_scope_texts_loses_no_event(tmp_path_factory):
    from sitrep.pipeline import Extractor
    from sitrep.settings import Settings

    data_dir = tmp_path_factory.getbasetemp() / "sitrep-data"
    cascade, everything = Extractor(Settings(data_dir=data_dir)), Extractor(Settings(data_dir=data_dir, cascade=False))
    articles = [Article(text=t, id=f"s{i}") for i, t in enumerate(OUT_OF_SCOPE_STORIES)]
    assert [r.relevant for r in cascade.extract(articles)] == [False] * len(articles)
    assert [r.events for r in everything.extract(articles)] == [[]] * len(articles)


def test_cli_extract_gives_the_same_events_with_and_without_the_cascade(run_cli, tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    for i, text in enumerate(OUT_OF_SCOPE_STORIES):
        (folder / f"story{i}.txt").write_text(text, encoding="utf-8")
    (folder / "attack.txt").write_text("Gunmen attacked a clinic in Gao on Sunday, killing two guards.", encoding="utf-8")
    with_cascade = run_cli("extract", str(folder), "--published", "2024-03-07")
    without = run_cli("extract", str(folder), "--published", "2024-03-07", env={"SITREP_CASCADE": "0"})
    assert with_cascade.returncode == 0 and without.returncode == 0, with_cascade.stderr + without.stderr
    assert "Gao" in with_cascade.stdout and with_cascade.stdout == without.stdout
