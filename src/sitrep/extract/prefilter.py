"""Literal pre-filters for regular expressions: skip a regex search when the text cannot hold a match.

A regex search costs about a microsecond per character and pattern, a substring test far less, and most
sentences hold none of a pattern's words. The event cue lexicon (`triggers`) and the date rules (`dates`)
wrap their patterns in `PrefilteredPattern`; the cue lexicon also finds all its patterns' literals in a
text at once (`LiteralIndex`, an Aho-Corasick automaton from pyahocorasick).
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from collections.abc import Iterator

import ahocorasick


class PrefilteredPattern:
    """A compiled pattern with its literal pre-filter.

    `literals` are lower-case strings of which every match contains at least one (None: no such set
    was found, always search). `search`/`finditer` give what the pattern gives; they skip it only
    when the text (folded as the IGNORECASE engine folds) holds none of the literals.

    `on_folded`: the pattern is a case-sensitive one meant for the folded text (`ignorecase_fold`, same
    length and offsets as the text), where it matches what it would match with IGNORECASE in the text
    itself, about three times faster. Its matches are then over the folded text: read their offsets, and
    the text's own words as `text[m.start():m.end()]`.
    """

    __slots__ = ("pattern", "literals", "on_folded")

    def __init__(self, pattern: re.Pattern[str], on_folded: bool = False) -> None:
        self.pattern = pattern
        self.literals = required_literals(pattern.pattern)
        self.on_folded = on_folded

    def may_match(self, folded: str) -> bool:
        return self.literals is None or any(literal in folded for literal in self.literals)

    def subject(self, text: str, folded: str) -> str:
        """What the pattern is run on: the folded text or the text itself."""
        return folded if self.on_folded else text

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        folded = ignorecase_fold(text) if folded is None else folded
        if self.may_match(folded):
            yield from self.pattern.finditer(self.subject(text, folded))

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        folded = ignorecase_fold(text) if folded is None else folded
        if self.may_match(folded):
            return self.pattern.search(self.subject(text, folded))
        return None


class LiteralIndex:
    """The literals of several pre-filtered patterns, found in a text in one Aho-Corasick pass: which patterns
    may match it, without testing each pattern's literals one by one (29 event-cue patterns hold 486)."""

    def __init__(self, patterns: list[PrefilteredPattern]) -> None:
        self._automaton = ahocorasick.Automaton()
        for literal in {literal for p in patterns for literal in (p.literals or ())}:
            self._automaton.add_word(literal, literal)
        self._empty = not len(self._automaton)
        if not self._empty:
            self._automaton.make_automaton()

    def present(self, folded: str) -> frozenset[str]:
        """The literals that occur in `folded` (an `ignorecase_fold`-ed text)."""
        if self._empty:
            return frozenset()
        return frozenset(literal for _, literal in self._automaton.iter(folded))


def may_match_given(pattern: PrefilteredPattern, present: frozenset[str]) -> bool:
    """`pattern.may_match` from the literals a `LiteralIndex` found in the text."""
    return pattern.literals is None or not pattern.literals.isdisjoint(present)


# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into it.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def ignorecase_fold(text: str) -> str:
    """`text` lower-cased so that an ASCII literal the IGNORECASE engine would match is a substring of it."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case ASCII strings of which any match of `pattern` contains one, or None if none were found.

    Read from the parsed pattern: a run of literal characters must appear as it is; an alternation
    needs one of its branches; a repeat needs its body only when it must occur at least once. Lookarounds,
    classes and anything else are skipped (they narrow the matches, never widen them). In a sequence the
    most selective requirement is kept (longest shortest string).
    """
    found = _sequence_literals(_parser.parse(pattern))
    if found is None:
        return None
    # "april" holds "apr": when "apr" is looked for, "april" adds nothing.
    return frozenset(lit for lit in found if not any(other != lit and other in lit for other in found))


def _sequence_literals(items) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        found = None
        if op is _c.SUBPATTERN:  # a group; local flags such as (?-i:...) only narrow what the folded text holds
            found = _sequence_literals(av[3])
        elif op is _c.ATOMIC_GROUP:
            found = _sequence_literals(av)
        elif op is _c.BRANCH:
            branches = [_sequence_literals(branch) for branch in av[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _sequence_literals(av[2])
        elif op is _c.IN and av and all(o is _c.LITERAL and v < 128 for o, v in av):
            found = frozenset(chr(v).lower() for _, v in av)
        if found:
            options.append(found)
    if run:
        options.append(frozenset({"".join(run)}))
    if not options:
        return None
    return max(options, key=lambda lits: (min(map(len, lits)), -len(lits)))
