"""The cues of one article found once: each rough sentence searched on its own, asked about by part."""

from sitrep.extract.relevance import could_report_event
from sitrep.extract.triggers import find_cues, rough_sentences, text_cues
from sitrep.records import Article

REPORT = (
    "ISTANBUL: Police detained 160 people on Sunday.\n\n"
    "In the meantime, thousands gathered on the Asian side of Istanbul in an authorized rally to celebrate May Day. "
    "“Long live our May Day struggle,” they chanted. Mr. Lynch said the square was calm."
)


def test_each_rough_sentence_has_the_cues_find_cues_finds_in_it():
    index = text_cues(REPORT)
    assert len(index.pieces) == 4  # "Mr. Lynch" is no sentence break
    for start, end in index.pieces:
        assert index.within(start, end) == find_cues(REPORT[start:end], start)
    # A protest cue of its own in each of the two sentences, not one match running from "gathered" to "chanted".
    rally, chanted = index.pieces[1], index.pieces[2]
    assert [c.text for c in index.within(*rally)] == ["rally"]
    assert [c.text for c in index.within(*chanted)] == ["chanted"]


def test_a_range_that_is_no_rough_sentence_is_searched_on_its_own():
    index = text_cues(REPORT)
    start = REPORT.index("thousands")
    end = REPORT.index("chanted.") + len("chanted.")
    assert index.within(start, end) == find_cues(REPORT[start:end], start)


def test_a_paragraph_holds_a_cue_when_one_of_its_sentences_does():
    index = text_cues(REPORT)
    second = REPORT.index("In the meantime")
    assert index.in_sentences(0, second)
    assert index.in_sentences(second, len(REPORT), frozenset({"protest"}))
    assert not index.in_sentences(second, len(REPORT), frozenset({"air"}))
    calm = REPORT.index("Mr. Lynch")
    assert not index.in_sentences(calm, len(REPORT))


def test_a_title_dot_ends_no_rough_sentence_but_other_dots_do():
    text = "Gov. John Lynch spoke. Gunmen attacked a bank.\nRebels fled"
    assert [text[s:e] for s, e in rough_sentences(text)] == ["Gov. John Lynch spoke.", "Gunmen attacked a bank.", "Rebels fled"]


def test_a_rough_sentence_keeps_its_closing_quotes_and_starts_at_its_first_word():
    # as the parser cuts them, so that the events stage finds its sentences among them
    text = "He said “we will stand till the end.” Police fired.\n  By Costa Nkomo"
    assert [text[s:e] for s, e in rough_sentences(text)] == ["He said “we will stand till the end.”", "Police fired.", "By Costa Nkomo"]


def test_the_cascade_reads_a_capitalised_cue_with_the_whole_text_around_it():
    # Cut at its full stop, the sentence ends on "Shooting Stars Children Hospice": too few lower-case words
    # around it to tell a name; with the next sentence's words it is one, and the text reports nothing.
    text = (
        "The pub will hold a quiz on Sunday to support charities including the British Heart Foundation, "
        "Cancer Research UK and Shooting Stars Children Hospice. For more call the pub or see its page online."
    )
    piece = rough_sentences(text)[0]
    assert [c.cue for c in text_cues(text).within(*piece)] == ["harm"]
    assert not could_report_event(Article(text=text))
    assert could_report_event(Article(text=text + " Gunmen shot two guards at the mine."))
