"""When did it happen: date expressions in news text resolved against the publication date.

Every expression becomes a `DateWindow` (start, end, ACLED time_precision: 1 day, 2 week or a few days,
3 month or vaguer). News tells time relative to the day it is published ("on Monday", "earlier this
month", "two days ago"), so everything resolves *into the past* from `published`.

The rules are regular expressions written for news English (see docs/dates-and-fatalities.md for the
full table and the conventions). dateparser is only a last resort in `resolve_date` for a lone
expression none of the rules knows: run over whole sentences it mistakes "may" (the verb), "March"
(the verb) and bare numbers for dates.
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sitrep.extract.date_periods import decade, season, world_war
from sitrep.extract.date_resolvers import (
    DAY,
    DAYPART,
    FUTURE_GRACE_DAYS,
    MONTH,
    NUM,
    WEEKDAY,
    YEAR,
    Resolver,
    ago,
    day_range,
    day_word,
    full_date,
    iso_date,
    later,
    month,
    month_range_us,
    past_period,
    recent,
    relative_period,
    since_month,
    weekday,
    weekend,
    year_only,
)
from sitrep.extract.prefilter import PrefilteredPattern, ignorecase_fold
from sitrep.nlp.doctext import text_and_offset
from sitrep.records import DateWindow

# An event whose window ends more than this many days before publication is background: news reports
# events within days; a figure of two months leaves room for weekly and monthly round-ups and for
# "earlier this month"/"last month", while "last year", "in 2017" or "in March" told in July fall outside.
BACKGROUND_DAYS = 60


@dataclass
class DateMention:
    """A date expression found in a text: character offsets into the article text and its window."""

    start: int
    end: int
    text: str
    window: DateWindow


# ------------------------------------------------------------------------------------------------ rules
# (pattern, resolver). Overlapping matches keep the longest, so "9 May 2020" beats "9 May" and "May".

_PART = r"(?P<part>early|mid-?|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)"
_RULES: list[tuple[str, Resolver]] = [
    (rf"\b(?P<year>{YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b", iso_date),
    (rf"\b(?:between\s+|from\s+)?(?P<day1>{DAY})(?:\s+(?:of\s+)?(?P<month1>{MONTH})(?:,?\s+(?P<year1>{YEAR}))?)?"
     rf"\s*(?:and|to|until|till|-|–|—)\s*(?P<day2>{DAY})\s+(?:of\s+)?(?P<month2>{MONTH})(?:,?\s+(?P<year2>{YEAR}))?\b",
     day_range),
    (rf"\b(?:between\s+|from\s+)?(?P<month>{MONTH})\s+(?P<day1>{DAY})\s*(?:and|to|until|-|–|—)\s*(?P<day2>{DAY})"
     rf"(?:,?\s+(?P<year>{YEAR}))?\b", month_range_us),
    (rf"\b(?P<day>{DAY})(?:\s+of)?(?:\s+|-)(?P<month>{MONTH})(?:(?:,?\s+|-)(?P<year>{YEAR})\b|-(?P<year2>\d\d)\b)?",
     full_date),
    # Wire copy in capitals: "3 JAN 90".
    (rf"\b(?P<day>{DAY})\s+(?P<month>(?-i:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))\s+(?P<year2>\d\d)\b",
     full_date),
    (rf"(?<!\d\s)(?<!\d-)\b(?P<month>{MONTH})\s+(?P<day>{DAY})\b(?!\s*(?:,\d|\d|%|people|per))(?:,?\s+(?P<year>{YEAR})\b)?", full_date),
    (rf"\b(?:(?P<rel>last|this|next)\s+|(?:{_PART}\s*))?(?P<month>{MONTH})(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))\b",
     month),
    (rf"\b(?:(?P<rel>last|this)\s+|{_PART}\s*|(?:in|during|throughout|until|till|by|of|before|after)\s+"
     rf"(?:(?:early|mid-?|late)\s*)?)(?P<month>{MONTH})\b(?!\s+\d)", month),
    (rf"\bsince\s+(?P<part>early\s+|mid-?|late\s+)?(?P<month>{MONTH})\b(?!\s+\d)(?P<rel>)(?P<year>)", since_month),
    (rf"\b(?P<prep>in|during|since|throughout|of|by|until|early|mid-?|late)\s+(?P<part>(?:early|mid-?|late)\s*)?"
     rf"(?P<year>{YEAR})(?:\s*(?P<joint>and|to|-|–)\s*(?P<year_end>{YEAR}|\d\d))?\b(?!\s*(?:people|percent|%))", year_only),
    # A span of years: "from 2001 to 2019", "between 1989 and 2003" (the years of a toll, a war, a tenure).
    (rf"\b(?P<prep>from|between)\s+(?P<year>{YEAR})\s*(?P<joint>to|and|until|till|through|-|–)\s*(?P<year_end>{YEAR})\b",
     year_only),
    # A decade and the world wars told as the time of something: history ("sent its troops into Lebanon in the
    # 1970s", "arrested during World War Two"). Without the preposition they name things: "a World War II bomb
    # exploded", "World War II veterans protested", "the 1970s-era barracks".
    (r"\b(?P<prep>in|during|since|throughout|until|by|from)\s+the\s+(?P<part>(?:early|mid-?|late)\s*)?"
     r"(?P<decade>(?:1[89]|20)\d0|['’]\d0)['’]?s\b(?![-‐]era|\s+era)", decade),
    (r"\b(?:in|during|after|before|since|throughout|until)\s+(?:the\s+)?"
     r"(?:world\s+war\s+(?P<war>one|two|i{1,2}|[12])\b|(?P<war2>first|second)\s+world\s+war\b|ww\s?(?P<war3>i{1,2}|[12])\b)",
     world_war),
    (r"\b(?:the\s+day\s+before\s+yesterday|(?:earlier\s+|late\s+)?yesterday(?:\s+(?:morning|afternoon|evening|night))?"
     r"|(?:late\s+)?last\s+night|overnight|(?:earlier\s+)?today|tonight"
     r"|(?:early\s+|earlier\s+)?this\s+(?:morning|afternoon|evening))\b", day_word),
    # "15 years ago today" is an anniversary: that very day, not today and not the whole year.
    (rf"\b(?P<n>{NUM})\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago(?:\s+(?P<today>today|this\s+week))?\b", ago),
    (rf"\b(?:(?P<rel>last|this|on|early|late)\s+)?(?P<weekday>{WEEKDAY})(?:'s|’s|{DAYPART})\b", weekday),
    (r"\b(?:(?:earlier|later|late|early)\s+)?(?P<rel>this|last|past|previous)\s+(?P<unit>week(?:end)?|month|year)\b",
     relative_period),
    (r"\b(?:over|at|during)\s+the\s+(?:week-?end)\b", weekend),
    # A season needs a qualifier or a year: "winter clothes" is not a date.
    (rf"\b(?:(?:(?P<rel>this|last|past)\s+|(?:in|during|over)\s+(?:the\s+)?|(?:early|late)\s+)"
     rf"(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{YEAR}))?"
     rf"|(?P<season2>spring|summer|autumn|winter)\s+(?:of\s+)?(?P<year2>{YEAR}))\b", season),
    (rf"\b(?:(?P<rel>this|last|past)\s+(?P<season>fall)|(?P<season2>fall)\s+(?:of\s+)?(?P<year>{YEAR}))\b",
     season),
    (r"\b(?:in\s+)?recent\s+(?P<unit>days|weeks|months)\b|\brecent(?:ly)?\b", recent),
    (rf"\b(?:(?:over|in|during|for|within)\s+)?the\s+(?:past|last|previous)\s+(?:(?P<n>{NUM})\s+)?"
     r"(?P<unit>days?|weeks?|months?|years?)\b", past_period),
    (rf"\b(?:(?P<n>{NUM})\s+(?P<unit>days?|weeks?|months?)\s+later|within\s+days|days\s+later|hours\s+later"
     r"|(?:a|one)\s+day\s+later|the\s+(?:next|following)\s+day|the\s+day\s+after|(?:later|earlier)\s+that\s+day"
     r"|the\s+same\s+day)\b", later),
]


# Each rule with its literal pre-filter (a text without any month name, "ago", "week"... skips the search), run
# case-sensitively on the folded text (`PrefilteredPattern.on_folded`) unless it requires capitals ("3 MAY 20").
_COMPILED = [
    (PrefilteredPattern(re.compile(pattern), on_folded=True) if "(?-i:" not in pattern
     else PrefilteredPattern(re.compile(pattern, re.IGNORECASE)), resolver)
    for pattern, resolver in _RULES
]


class _WrittenMatch:
    """A match found in the folded text, read in the text as written: a resolver keeps the words it reads
    ("May 3", not "may 3")."""

    __slots__ = ("_match", "_text")

    def __init__(self, match: re.Match[str], text: str) -> None:
        self._match, self._text = match, text

    def group(self, key: int | str = 0) -> str | None:
        start, end = self._match.span(key)
        return None if start < 0 else self._text[start:end]

    def groupdict(self) -> dict[str, str | None]:
        return {key: self.group(key) for key in self._match.re.groupindex}

    def start(self) -> int:
        return self._match.start()

    def end(self) -> int:
        return self._match.end()
# "Around 9 May 2020 (as reported)", "As reported on 2 May": the day the report gives, not a witnessed date.
_HEDGE_BEFORE = re.compile(
    r"(?:\b(?:around|about|approximately|circa|as\s+reported\s+on|reported\s+on|as\s+of)\s+(?:on\s+)?)$", re.IGNORECASE
)
_HEDGE_AFTER = re.compile(r"^\s*\((?:as\s+reported|or\s+around|week\s+of|midweek|approximately)[^)]*\)", re.IGNORECASE)
_ANCHORED = {later}
# A written year ("On 29 April 2020") sets the year of a later day and month without one ("found on 7 May"): the
# occurrence nearest that date. Relative dates do not: they are themselves read from the publication date.
_WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_FOUND_DEAD = re.compile(
    r"\b(?:found|discovered)\s+(?:\w+\s+){0,2}?dead\b"
    r"|\b(?:body|bodies|corpses?|remains)\b[^.;]{0,60}?\b(?:was|were|been)\s+(?:\w+\s+)?"
    r"(?:found|discovered|recovered|retrieved)\b",
    re.IGNORECASE,
)


# ------------------------------------------------------------------------------------------- public API


def find_date_mentions(source: Any, published: date, anchor: DateWindow | None = None) -> list[DateMention]:
    """All date expressions in `source` (a str, or a spaCy Doc or Span), resolved against `published`.

    Offsets are into the article text: for a Span of the full Doc they include `span.start_char`.
    Expressions told relative to an earlier date ("two days later", "within days") resolve against the
    previous mention, or against `anchor` (e.g. the window of the preceding sentence) before the first.
    """
    text, offset = text_and_offset(source)
    key = None if anchor is None else astuple(anchor)
    # The events stage reads a sentence's paragraph once per mention and again per event: same text, same answer.
    found = _cached_mentions(text, offset, published, key)
    return [DateMention(m.start, m.end, m.text, replace(m.window)) for m in found]


@lru_cache(maxsize=128)  # repeats come within one article; whole texts may be long
def _cached_mentions(text: str, offset: int, published: date, anchor_key: tuple | None) -> tuple[DateMention, ...]:
    anchor = None if anchor_key is None else DateWindow(*anchor_key)
    return tuple(_find_date_mentions(text, offset, published, anchor))


def _find_date_mentions(text: str, offset: int, published: date, anchor: DateWindow | None) -> list[DateMention]:
    candidates: list[tuple[int, int, Any, Resolver]] = []
    folded = ignorecase_fold(text)
    for cue, resolver in _COMPILED:
        for match in cue.finditer(text, folded):
            candidates.append((match.start(), match.end(), _WrittenMatch(match, text) if cue.on_folded else match, resolver))
    # Longest first, then leftmost: greedy non-overlapping selection.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, Any, Resolver]] = []
    for cand in candidates:
        if all(cand[1] <= t[0] or cand[0] >= t[1] for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c[0])
    mentions: list[DateMention] = []
    year_anchor: DateWindow | None = None
    for start, end, match, resolver in taken:
        if resolver is full_date:
            window = resolver(match, published, year_anchor)
        else:
            window = resolver(match, published, anchor if resolver in _ANCHORED else None)
        if window is None:
            continue
        start, end, window = _hedge(text, start, end, window)
        mentions.append(DateMention(start=offset + start, end=offset + end, text=text[start:end], window=window))
        anchor = window
        if window.precision <= 2 and _WRITTEN_YEAR.search(match.group(0)):
            year_anchor = window
    return mentions


def resolve_date(expression: str, published: date) -> DateWindow | None:
    """The window of one date expression ("last month", "On 9 May 2020", "Saturday's attack"), or None.

    Falls back to dateparser (past-preferring, relative to `published`) for forms the rules lack.
    """
    mentions = find_date_mentions(expression, published)
    if mentions:
        best = max(mentions, key=lambda m: m.end - m.start)
        return best.window
    return _dateparser_fallback(expression, published)


def event_window(sentence: Any, published: date, fallback: DateWindow | None = None) -> DateWindow:
    """The window governing an event told in `sentence` (str, Span or Doc).

    `fallback` is the window in force before the sentence (the previous event's, or the article's); it
    also anchors relative expressions ("within days", "the next day").

    The first date of a week or finer in the sentence governs ("On 9 May, ... after a clash on 3 May"):
    news and ACLED notes both lead with the event's date. Failing that, the most specific of the
    vaguer ones, so that a period ("since 2017", "the past eight months") loses to "in March". Dates
    after publication are ignored (plans, deadlines). Without a date: `fallback` (the article's window)
    or, ACLED's convention for an undated report, the publication date at precision 2 (the event is
    known only to precede the report by a few days).
    """
    latest = published + timedelta(days=FUTURE_GRACE_DAYS)
    mentions = [m for m in find_date_mentions(sentence, published, fallback) if m.window.start <= latest]
    if mentions:
        fine = [m for m in mentions if m.window.precision <= 2 and not _is_period(m.window)]
        if fine:
            window = fine[0].window
        else:
            window = min(mentions, key=lambda m: (m.window.precision, _is_period(m.window), m.start)).window
        if window.precision == 1 and _FOUND_DEAD.search(text_and_offset(sentence)[0]):
            # A body found on a day: the death is known only to precede it (ACLED codes such dates at 2).
            window = DateWindow(window.start, window.end, 2, window.text)
        return window
    if fallback is not None:
        return fallback
    return DateWindow(start=published, end=published, precision=2, text="")


def is_background(window: DateWindow, published: date) -> bool:
    """True when the window ends more than BACKGROUND_DAYS (60) before publication: history, not news."""
    return (published - window.end).days > BACKGROUND_DAYS


# --------------------------------------------------------------------------------------------- private




def _is_period(window: DateWindow) -> bool:
    return (window.end - window.start).days > 31


def _hedge(text: str, start: int, end: int, window: DateWindow) -> tuple[int, int, DateWindow]:
    """Widen "Around 9 May" / "9 May (as reported)" to precision 2 and take the hedge into the mention."""
    hedged = False
    before = _HEDGE_BEFORE.search(text[max(0, start - 25):start])
    if before:
        start -= len(before.group(0))
        hedged = True
    after = _HEDGE_AFTER.match(text[end:end + 60])
    if after:
        end += after.end()
        hedged = True
    if hedged:
        window = DateWindow(window.start, window.end, max(window.precision, 2), text[start:end])
    return start, end, window


def _dateparser_fallback(expression: str, published: date) -> DateWindow | None:
    # Only expressions with a digit or a month/weekday name: dateparser reads "may" or "now" as dates.
    if not re.search(rf"\d|{MONTH}|{WEEKDAY}", expression):
        return None
    import dateparser  # slow to import; needed only here

    parsed = dateparser.parse(
        expression,
        languages=["en"],
        settings={"RELATIVE_BASE": datetime(published.year, published.month, published.day),
                  "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        return None
    day = parsed.date()
    return DateWindow(day, day, 1, expression)
