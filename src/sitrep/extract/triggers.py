"""Event cues: find the words that signal each kind of ACLED event in a piece of text.

The lexicon lives in `data/lexicons/event_cues.yaml` (regular expressions written for Sitrep from
the ACLED Codebook definitions). This module only finds cues and target nouns with their
character offsets; deciding what they add up to is the classifier's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitrep.datafiles import load_yaml
from sitrep.extract.prefilter import PrefilteredPattern, ignorecase_fold

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
    cues: dict[str, PrefilteredPattern]
    targets: dict[str, PrefilteredPattern]
    generic: PrefilteredPattern
    nonpolitical: dict[str, PrefilteredPattern]


def _compile(patterns: list[str]) -> PrefilteredPattern:
    return PrefilteredPattern(re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("sitrep").joinpath("data/lexicons/event_cues.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    return Lexicon(
        cues={name: _compile(patterns) for name, patterns in data["cues"].items()},
        targets={name: _compile(patterns) for name, patterns in data["targets"].items()},
        generic=_compile(data["generic"]),
        nonpolitical={name: _compile(patterns) for name, patterns in data["nonpolitical"].items()},
    )


def find_cues(text: str, offset: int = 0) -> list[CueMatch]:
    """Every cue in `text`, sorted by position; offsets are shifted by `offset` (the text's start in the article)."""
    lexicon = load_lexicon()
    folded = ignorecase_fold(text)
    found = [
        CueMatch(name, m.start() + offset, m.end() + offset, m.group(0))
        for name, cue in lexicon.cues.items()
        for m in cue.finditer(text, folded)
        if m.end() > m.start()
    ]
    return sorted(found, key=lambda c: (c.start, c.cue))


def holds_cue(text: str, names: frozenset[str] | None = None) -> bool:
    """Does `text` hold a cue (of the lexicon entries `names`, else of any)? `bool(find_cues(text))`
    restricted to `names`, stopping at the first match instead of collecting and sorting them all."""
    folded = ignorecase_fold(text)
    return any(
        m.end() > m.start()
        for name, cue in load_lexicon().cues.items()
        if names is None or name in names
        for m in cue.finditer(text, folded)
    )


def find_targets(text: str) -> dict[str, list[str]]:
    """The armed and civilian nouns in `text` ({"armed": [...], "civilian": [...]})."""
    folded = ignorecase_fold(text)
    return {name: [m.group(0).lower() for m in cue.finditer(text, folded)] for name, cue in load_lexicon().targets.items()}


def generic_marker(text: str) -> str | None:
    """The frequency expression that makes `text` describe a habit ("several times per week"), if any."""
    match = load_lexicon().generic.search(text)
    return match.group(0) if match else None


# Cues that make a sentence political violence or a demonstration whatever crime or accident words it has.
ALWAYS_POLITICAL = frozenset({"mob", "riot", "protest", "shelling", "suicide", "chemical", "grenade"})
# Cues a disaster story carries too: deaths, injuries, explosions.
CASUALTY_CUES = frozenset({"kill", "harm", "ied", "air", "clash", "overtakes", "gov_regains", "change", "other", "arrest"})


def dropped_as_out_of_scope(sentence: str, cues: list[CueMatch], disaster_story: bool) -> bool:
    """Is this sentence, with these cues, about something other than political violence?

    A disaster story drops its casualty and blast sentences (a fight or arson told in it stays); a
    sentence about an accident, ordinary crime or a sports result drops unless a cue makes it political
    (a sports "clash" is a match; fans who riot or clash with police still make a riot)."""
    if disaster_story and all(c.cue in CASUALTY_CUES for c in cues if c.cue in CORE_CUES):
        return True
    scope = out_of_scope(sentence)
    return scope is not None and not any(
        c.cue in ALWAYS_POLITICAL or (c.cue == "clash" and scope != "sport") or _deliberate_fire(c) for c in cues
    )


def _deliberate_fire(cue: CueMatch) -> bool:
    """Arson is an attack whatever it burns: "an arson attack on a chemical plant" is no industrial accident."""
    return cue.cue == "loot" and "arson" in cue.text.lower()


def out_of_scope(text: str, kinds: tuple[str, ...] = ("disaster", "crime", "sport")) -> str | None:
    """"disaster", "crime" or "sport" when `text` is about an accident, disaster, epidemic, ordinary crime
    or a sports result and carries no sign of political or organised violence; None otherwise."""
    patterns = load_lexicon().nonpolitical
    folded = ignorecase_fold(text)
    if patterns["political"].search(text, folded):
        return None
    for kind in kinds:
        if patterns[kind].search(text, folded):
            return kind
    return None
