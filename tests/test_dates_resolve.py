"""Date expressions resolved against the publication date (the seed article's date, 2019-07-21, a Sunday)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.dates import event_window, find_date_mentions, is_background, resolve_date
from sitrep.records import DateWindow

PUBLISHED = date(2019, 7, 21)


@pytest.mark.parametrize(
    ("expression", "start", "end", "precision"),
    [
        ("earlier this month", date(2019, 7, 1), date(2019, 7, 21), 3),
        ("last month", date(2019, 6, 1), date(2019, 6, 30), 3),
        ("on Monday", date(2019, 7, 15), date(2019, 7, 15), 1),
        ("Monday night", date(2019, 7, 15), date(2019, 7, 15), 1),
        ("late on Thursday", date(2019, 7, 18), date(2019, 7, 18), 1),
        ("yesterday", date(2019, 7, 20), date(2019, 7, 20), 1),
        ("today", date(2019, 7, 21), date(2019, 7, 21), 1),
        ("last night", date(2019, 7, 20), date(2019, 7, 20), 1),
        ("two days ago", date(2019, 7, 19), date(2019, 7, 19), 1),
        ("last week", date(2019, 7, 8), date(2019, 7, 14), 2),
        ("this week", date(2019, 7, 15), date(2019, 7, 21), 2),
        ("earlier this year", date(2019, 1, 1), date(2019, 7, 21), 3),
        ("this spring", date(2019, 3, 1), date(2019, 5, 31), 3),
        ("in the spring", date(2019, 3, 1), date(2019, 5, 31), 3),
        ("last winter", date(2018, 12, 1), date(2019, 2, 28), 3),
        ("in March", date(2019, 3, 1), date(2019, 3, 31), 3),
        ("in August", date(2018, 8, 1), date(2018, 8, 31), 3),  # after publication: the previous year's
        ("in November 2017", date(2017, 11, 1), date(2017, 11, 30), 3),
        ("in 2017", date(2017, 1, 1), date(2017, 12, 31), 3),
        ("last year", date(2018, 1, 1), date(2018, 12, 31), 3),
        ("recently", date(2019, 6, 21), date(2019, 7, 21), 3),
        ("a recent raid", date(2019, 6, 21), date(2019, 7, 21), 3),
        ("On 9 May 2020", date(2020, 5, 9), date(2020, 5, 9), 1),
        ("May 9", date(2019, 5, 9), date(2019, 5, 9), 1),
        ("July 2", date(2019, 7, 2), date(2019, 7, 2), 1),
        ("9-May-20", date(2020, 5, 9), date(2020, 5, 9), 1),
        ("2020-05-09", date(2020, 5, 9), date(2020, 5, 9), 1),
        ("Around 9 May 2020 (as reported)", date(2020, 5, 9), date(2020, 5, 9), 2),
        ("between 2 and 4 May", date(2019, 5, 2), date(2019, 5, 4), 2),
        ("from 30 April to 2 May 2020", date(2020, 4, 30), date(2020, 5, 2), 2),
        ("May 4-6, 2019", date(2019, 5, 4), date(2019, 5, 6), 2),
        ("over the weekend", date(2019, 7, 20), date(2019, 7, 21), 2),
        ("overnight", date(2019, 7, 20), date(2019, 7, 21), 1),
        ("Saturday's attack", date(2019, 7, 20), date(2019, 7, 20), 1),
        ("the past eight months", date(2018, 11, 21), date(2019, 7, 21), 3),
        ("over the past three days", date(2019, 7, 18), date(2019, 7, 21), 2),
        ("mid-May", date(2019, 5, 11), date(2019, 5, 20), 3),
        ("three weeks ago", date(2019, 6, 24), date(2019, 6, 30), 2),
        ("15 years ago", date(2004, 1, 1), date(2004, 12, 31), 3),
        ("15 years ago today", date(2004, 7, 21), date(2004, 7, 21), 1),  # an anniversary: that very day
        ("ten years ago this week", date(2009, 7, 20), date(2009, 7, 26), 2),
        ("two months ago today", date(2019, 5, 21), date(2019, 5, 21), 1),
        ("two months ago this week", date(2019, 5, 20), date(2019, 5, 26), 2),  # the week, as for years
        ("a decade ago", date(2009, 1, 1), date(2009, 12, 31), 3),
        ("from 2001 to 2018", date(2001, 1, 1), date(2018, 12, 31), 3),  # a span of years
        ("between 1989 and 2003", date(1989, 1, 1), date(2003, 12, 31), 3),
        ("in 2014 and 2019", date(2014, 1, 1), date(2014, 12, 31), 3),  # two years, not the span: the first
        ("since 2014", date(2014, 1, 1), date(2019, 7, 21), 3),
    ],
)
def test_resolve_relative_and_explicit_dates(expression, start, end, precision):
    window = resolve_date(expression, PUBLISHED)
    assert window is not None, expression
    assert (window.start, window.end, window.precision) == (start, end, precision)


def test_weekday_named_on_the_publication_day_is_that_day_unless_last():
    monday = date(2019, 7, 15)
    assert resolve_date("on Monday", monday).start == monday
    assert resolve_date("last Monday", monday).start == date(2019, 7, 8)


def test_relative_to_previous_date_in_the_text():
    text = "Gunmen stormed the village on 3 May 2020. Two days later, troops returned. The next day they left."
    mentions = find_date_mentions(text, date(2020, 5, 10))
    assert [m.window.start for m in mentions] == [date(2020, 5, 3), date(2020, 5, 5), date(2020, 5, 6)]
    within = find_date_mentions("The town fell on 1 June 2019 and was retaken within days.", PUBLISHED)
    assert within[1].window.start == date(2019, 6, 1) and within[1].window.end == date(2019, 6, 8)
    assert within[1].window.precision == 2


def test_a_written_year_sets_the_year_of_a_later_day_and_month():
    # published 1 May: "7 May" alone would be last year's; after "29 April 2020" it is the next 7 May
    text = "Around 29 April 2020 (midweek), a man was killed by unknown gunmen; his body was found on 7 May."
    assert [m.window.start for m in find_date_mentions(text, date(2020, 5, 1))] == [date(2020, 4, 29), date(2020, 5, 7)]
    assert find_date_mentions("On 3 January 2020 police said the attack of 29 December killed two.",
                              date(2020, 1, 5))[1].window.start == date(2019, 12, 29)
    # a relative date or a period sets no year: "on Monday" is itself read from publication
    late = find_date_mentions("On Monday police said the father found the bodies March 16.", date(2020, 12, 7))
    assert late[1].window.start == date(2020, 3, 16)
    assert find_date_mentions("Fighting since 2017 has displaced thousands; on 9 May gunmen attacked.",
                              date(2020, 5, 10))[1].window.start == date(2020, 5, 9)


@pytest.mark.parametrize(
    "text",
    [
        "Officials may decide to march on the capital.",
        "They may return, the commander said.",
        "Police counted 300 protesters and 12 vehicles.",
        "Troops march through the town every day.",
    ],
)
def test_words_that_only_look_like_dates_are_not_dates(text):
    assert find_date_mentions(text, PUBLISHED) == []


def test_mentions_carry_offsets_into_the_text():
    text = "The convoy was hit on Saturday near Qaim. Officials said last month was calmer."
    mentions = find_date_mentions(text, PUBLISHED)
    assert [text[m.start:m.end] for m in mentions] == ["on Saturday", "last month"]


def test_event_window_prefers_the_event_day_over_a_background_period():
    sentence = "Since 2017 the group has raided the area, and on Tuesday it killed two herders."
    window = event_window(sentence, PUBLISHED)
    assert (window.start, window.precision) == (date(2019, 7, 16), 1)


def test_event_window_takes_the_leading_date_of_the_sentence():
    sentence = "On 9 May 2020, troops arrived after a clash on 3 May 2020."
    assert event_window(sentence, date(2020, 5, 11)).start == date(2020, 5, 9)


def test_event_window_without_a_date_uses_fallback_then_publication_date():
    fallback = DateWindow(date(2019, 7, 15), date(2019, 7, 15), 1, "on Monday")
    assert event_window("Militants attacked a checkpoint.", PUBLISHED, fallback) is fallback
    default = event_window("Militants attacked a checkpoint.", PUBLISHED)
    assert (default.start, default.end, default.precision) == (PUBLISHED, PUBLISHED, 2)


def test_event_window_ignores_dates_after_publication():
    sentence = "Rebels attacked the base on Friday ahead of talks set for 3 August 2019."
    assert event_window(sentence, PUBLISHED).start == date(2019, 7, 19)


def test_is_background_threshold():
    assert not is_background(resolve_date("last month", PUBLISHED), PUBLISHED)
    assert not is_background(resolve_date("in May", PUBLISHED), PUBLISHED)  # ends 51 days before
    assert is_background(resolve_date("in March", PUBLISHED), PUBLISHED)
    assert is_background(resolve_date("last year", PUBLISHED), PUBLISHED)
    assert is_background(resolve_date("in 2014", PUBLISHED), PUBLISHED)
    assert not is_background(resolve_date("yesterday", PUBLISHED), PUBLISHED)


def test_unknown_expression_gives_none():
    assert resolve_date("at some point", PUBLISHED) is None


def test_a_body_found_on_a_day_is_dated_to_precision_two():
    window = event_window("On 3 May 2020, a man was found dead on a road outside the town.", date(2020, 5, 5))
    assert (window.start, window.precision) == (date(2020, 5, 3), 2)
    window = event_window("On 3 May 2020, the bodies of two men were recovered from a well.", date(2020, 5, 5))
    assert window.precision == 2
    assert event_window("On 3 May 2020, gunmen killed a man.", date(2020, 5, 5)).precision == 1


def test_relative_expression_anchored_on_the_fallback_window():
    campaign = resolve_date("earlier this month", PUBLISHED)
    window = event_window("Within days, they reported several militants killed.", PUBLISHED, campaign)
    assert (window.start, window.end, window.precision) == (date(2019, 7, 1), date(2019, 7, 8), 2)


def test_year_ranges_and_same_day():
    window = resolve_date("in 2013 and 2014", PUBLISHED)
    assert (window.start, window.end) == (date(2013, 1, 1), date(2014, 12, 31))
    mentions = find_date_mentions("Troops arrived on 2 July 2019 and later that day the shelling stopped.", PUBLISHED)
    assert mentions[1].window.start == date(2019, 7, 2)


def test_two_digit_years_and_capitalised_wire_dates():
    assert resolve_date("3 JAN 90", date(1990, 1, 5)).start == date(1990, 1, 3)
    assert resolve_date("9-May-20", date(2020, 5, 11)).start == date(2020, 5, 9)
    # A day before the month claims it: "On 3 May 20 soldiers ..." is 3 May, not 20 May.
    assert resolve_date("On 3 May 20 soldiers were killed", date(2020, 5, 21)).start == date(2020, 5, 3)


def test_listed_years_seasons_and_trailing_periods():
    assert resolve_date("in 2014 and 2019", PUBLISHED).end == date(2014, 12, 31)  # two years, not a span
    assert find_date_mentions("They handed out winter clothes.", PUBLISHED) == []
    assert resolve_date("in winter", PUBLISHED).start == date(2018, 12, 1)
    past = resolve_date("this past year", PUBLISHED)
    assert (past.start, past.end) == (date(2018, 7, 21), PUBLISHED)


@pytest.mark.parametrize("expression, start, end", [
    ("in the 1970s", date(1970, 1, 1), date(1979, 12, 31)),
    ("during the late 1990s", date(1996, 1, 1), date(1999, 12, 31)),
    ("in the early 2000s", date(2000, 1, 1), date(2003, 12, 31)),
    ("in the '80s", date(1980, 1, 1), date(1989, 12, 31)),
    ("since the 1990s", date(1990, 1, 1), PUBLISHED),
    ("in the 2010s", date(2010, 1, 1), PUBLISHED),  # a decade still running ends at publication
    ("during World War Two", date(1939, 9, 1), date(1945, 9, 2)),
    ("in the Second World War", date(1939, 9, 1), date(1945, 9, 2)),
    ("during WWII", date(1939, 9, 1), date(1945, 9, 2)),
    ("in World War I", date(1914, 7, 28), date(1918, 11, 11)),
])
def test_decades_and_the_world_wars(expression, start, end):
    window = resolve_date(expression, PUBLISHED)
    assert (window.start, window.end, window.precision) == (start, end, 3)


def test_ages_and_thousands_are_no_decade():
    assert find_date_mentions("A man in his 20s was shot; 1,000s of people fled.", PUBLISHED) == []


def test_a_war_or_decade_naming_a_thing_is_no_date():
    # "a World War II bomb exploded" happened now; the war only names the bomb
    for text in ("A World War II bomb exploded near the station.", "World War II veterans protested outside.",
                 "Rebels shelled the 1970s-era barracks.", "Troops stormed the 1970s era barracks."):
        assert find_date_mentions(text, PUBLISHED) == [], text
