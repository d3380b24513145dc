"""The literal pre-filter of the cue and date patterns skips a search only when it cannot match, and the
date mention cache hands out results that are equal and independent."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sitrep.extract.dates import _COMPILED, find_date_mentions
from sitrep.extract.prefilter import LiteralIndex, PrefilteredPattern, ignorecase_fold, may_match_given, required_literals
from sitrep.extract.triggers import find_cues, load_lexicon

TEXTS = [
    "Gunmen attacked a police station in the north on Monday, killing two officers.",
    "HUNDREDS PROTESTED IN THE CAPITAL AND POLICE FIRED TEAR GAS.",
    "The \u212aILLING of three farmers was condemned; militants \u017ftormed the village.",  # Kelvin K, long s
    "\u0130ndian troops arrested the organisers two days later, on 3 March 2021.",  # dotted capital I
    "Shops reopened and the market was busy; the council met to discuss the budget.",
    "Residents said the army shelled the town overnight and an airstrike hit a school last week.",
    "",
]


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\b(?:protest(?:s|ed)?|march(?:ed)?)\b", {"protest", "march"}),
        (r"fired (?:\w+ )?(?:into|at) the crowd", {" the crowd"}),  # the longest run wins
        (r"(?:a|b)+c", {"c"}),
        (r"x?y*", None),  # nothing is required
        (r"(?-i:Sunday) \d+", {"sunday"}),  # local flags keep the literal
        (r"(?<!anti-)riot(?! police)", {"riot"}),  # lookarounds require nothing
        (r"apr|april", {"apr"}),  # "april" holds "apr"
    ],
)
def test_required_literals(pattern, literals):
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == literals


def test_fold_makes_ignorecase_matches_substrings():
    assert "killing" in ignorecase_fold("The \u212aILLING")
    assert "stormed" in ignorecase_fold("\u017ftormed")
    assert "indian" in ignorecase_fold("\u0130ndian") and "indian" in ignorecase_fold("\u0131ndian")


def _as_written(cue):
    """The lexicon's pattern as its authors wrote it: case-insensitive, over the text itself."""
    return re.compile(cue.pattern.pattern, re.IGNORECASE)


def test_cues_find_what_their_patterns_find():
    lexicon = load_lexicon()
    patterns = [*lexicon.cues.values(), *lexicon.targets.values(), lexicon.generic, *lexicon.nonpolitical.values()]
    assert sum(cue.on_folded for cue in patterns) > len(patterns) - 5  # all but those that need a capital
    for text in TEXTS:
        for cue in patterns:
            assert [m.span() for m in cue.finditer(text)] == [m.span() for m in _as_written(cue).finditer(text)]
            plain = _as_written(cue).search(text)
            assert (cue.search(text) or plain) is None or cue.search(text).span() == plain.span()


def test_find_cues_matches_every_pattern_of_the_lexicon():
    lexicon = load_lexicon()
    for text in TEXTS:
        expected = sorted(
            ((name, m.start() + 7, m.end() + 7, m.group(0)) for name, cue in lexicon.cues.items()
             for m in _as_written(cue).finditer(text) if m.end() > m.start()),
            key=lambda c: (c[1], c[0]),
        )
        assert [(c.cue, c.start, c.end, c.text) for c in find_cues(text, 7)] == expected
    assert {c.cue for c in find_cues(TEXTS[2])} >= {"kill"}  # found through the folded Kelvin sign


def test_the_literal_index_finds_every_literal_once_for_all_patterns():
    # nested and overlapping literals ("shell" in "shelling", "explo" in "explosion") are all found in one pass
    patterns = [PrefilteredPattern(re.compile(p, re.IGNORECASE)) for p in (r"\bshell(?:ed|ing)\b", r"\bshelling\b", r"explo\w*",
                                                                          r"\bexplosions?\b", r"\d+ km")]
    index = LiteralIndex(patterns)
    present = index.present(ignorecase_fold("Heavy SHELLING and an explosion near the town."))
    assert present >= {"shell", "shelling", "explo", "explosion"}
    assert [may_match_given(p, present) for p in patterns] == [True, True, True, True, False]
    lexicon = load_lexicon()
    for text in TEXTS:
        folded = ignorecase_fold(text)
        present = lexicon.cue_literals.present(folded)
        assert [may_match_given(c, present) for c in lexicon.cues.values()] == [c.may_match(folded) for c in lexicon.cues.values()]


def test_a_cue_without_its_literals_is_not_searched():
    cue = PrefilteredPattern(re.compile(r"\bshell(?:ed|ing)\b", re.IGNORECASE))
    assert cue.literals == {"shell"}
    assert not cue.may_match(ignorecase_fold("The market reopened."))
    assert [m.group(0) for m in cue.finditer("Troops SHELLED the town")] == ["SHELLED"]


def test_date_rules_find_what_their_patterns_find():
    # all but those that require capitals ("3 MAY 20", "May" the month)
    assert all(cue.on_folded == ("(?-i:" not in cue.pattern.pattern) for cue, _ in _COMPILED)
    assert sum(cue.on_folded for cue, _ in _COMPILED) > len(_COMPILED) / 2
    for text in TEXTS + ["ON 3 MAY 20 AND ON Monday, May 4"]:
        for cue, _ in _COMPILED:
            assert [m.span() for m in cue.finditer(text)] == [m.span() for m in _as_written(cue).finditer(text)]


def test_a_date_read_in_the_folded_text_keeps_its_words_as_written():
    assert next(cue for cue, resolver in _COMPILED if resolver.__name__ == "ago").on_folded
    text = "Two Days Ago troops left; they came back on Monday, May 4, and on 3 MAY 20."
    mentions = find_date_mentions(text, date(2020, 5, 9))
    assert [m.text for m in mentions] == ["Two Days Ago", "on Monday", "May 4", "3 MAY 20"]
    assert [m.window.text for m in mentions] == ["Two Days Ago", "on Monday", "May 4", "3 MAY 20"]
    assert mentions[0].window.start == date(2020, 5, 7)


def test_cached_date_mentions_are_equal_and_independent():
    text = "On 3 March 2021 troops arrived; two days later they left."
    first = find_date_mentions(text, date(2021, 3, 9))
    assert [m.text for m in first] == ["3 March 2021", "two days later"]
    first[0].window.precision = 3  # a caller changing its copy
    first[0].start = -1
    second = find_date_mentions(text, date(2021, 3, 9))
    assert second[0].window.precision == 1 and second[0].start >= 0
    assert [m.window for m in second[1:]] == [m.window for m in first[1:]]
