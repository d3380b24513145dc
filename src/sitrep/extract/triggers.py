"""Event cues: find the words that signal each kind of ACLED event in a piece of text.

The lexicon lives in `data/lexicons/event_cues.yaml` (regular expressions written for Sitrep from
the ACLED Codebook definitions). This module only finds cues and target nouns with their
character offsets; deciding what they add up to is the classifier's job.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# Cues that on their own make a sentence report an event (the others only colour one).
CORE_CUES = frozenset({
    "protest", "riot", "mob", "clash", "attack_verb", "gov_regains", "overtakes", "nonviolent_transfer",
    "air", "shelling", "ied", "suicide", "grenade", "chemical", "sexual", "abduct", "kill", "harm",
    "arrest", "disrupted", "hq", "loot", "agreement", "change", "other", "excessive_force", "premature",
})  # fmt: skip


@dataclass(frozen=True)
class CueMatch:
    cue: str  # the lexicon entry, e.g. "shelling"
    start: int  # offsets into the text the cues were searched in
    end: int
    text: str


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, Cue]
    targets: dict[str, Cue]
    generic: Cue
    nonpolitical: dict[str, Cue]


class Cue:
    """A compiled lexicon entry with a literal pre-filter: a regex search costs about a microsecond per
    character and pattern, a substring test far less, and most sentences hold none of a cue's words.

    `literals` are lower-case strings of which every match contains at least one (None: no such set
    was found, always search). `search`/`finditer` give what the pattern gives; they skip it only
    when the text (folded as the IGNORECASE engine folds) holds none of the literals.
    """

    __slots__ = ("pattern", "literals")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.literals = required_literals(pattern.pattern)

    def may_match(self, folded: str) -> bool:
        return self.literals is None or any(literal in folded for literal in self.literals)

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        if self.may_match(fold(text) if folded is None else folded):
            yield from self.pattern.finditer(text)

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        if self.may_match(fold(text) if folded is None else folded):
            return self.pattern.search(text)
        return None


# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into it.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
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


def _compile(patterns: list[str]) -> Cue:
    return Cue(re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("sitrep").joinpath("data/lexicons/event_cues.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return Lexicon(
        cues={name: _compile(patterns) for name, patterns in data["cues"].items()},
        targets={name: _compile(patterns) for name, patterns in data["targets"].items()},
        generic=_compile(data["generic"]),
        nonpolitical={name: _compile(patterns) for name, patterns in data["nonpolitical"].items()},
    )


def find_cues(text: str, offset: int = 0) -> list[CueMatch]:
    """Every cue in `text`, sorted by position; offsets are shifted by `offset` (the text's start in the article)."""
    lexicon = load_lexicon()
    folded = fold(text)
    found = [
        CueMatch(name, m.start() + offset, m.end() + offset, m.group(0))
        for name, cue in lexicon.cues.items()
        for m in cue.finditer(text, folded)
        if m.end() > m.start()
    ]
    return sorted(found, key=lambda c: (c.start, c.cue))


def find_targets(text: str) -> dict[str, list[str]]:
    """The armed and civilian nouns in `text` ({"armed": [...], "civilian": [...]})."""
    folded = fold(text)
    return {name: [m.group(0).lower() for m in cue.finditer(text, folded)] for name, cue in load_lexicon().targets.items()}


def generic_marker(text: str) -> str | None:
    """The frequency expression that makes `text` describe a habit ("several times per week"), if any."""
    match = load_lexicon().generic.search(text)
    return match.group(0) if match else None


def out_of_scope(text: str, kinds: tuple[str, ...] = ("disaster", "crime")) -> str | None:
    """"disaster" or "crime" when `text` is about an accident, disaster, epidemic or ordinary crime and
    carries no sign of political or organised violence; None otherwise."""
    patterns = load_lexicon().nonpolitical
    folded = fold(text)
    if patterns["political"].search(text, folded):
        return None
    for kind in kinds:
        if patterns[kind].search(text, folded):
            return kind
    return None


def has_core_cue(cues: list[CueMatch]) -> bool:
    return any(c.cue in CORE_CUES for c in cues)
