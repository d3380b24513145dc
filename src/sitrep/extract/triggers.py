"""Event cues: find the words that signal each kind of ACLED event in a piece of text.

The lexicon lives in `data/lexicons/event_cues.yaml` (regular expressions written for Sitrep from
the ACLED Codebook definitions). This module only finds cues and target nouns with their
character offsets; deciding what they add up to is the classifier's job.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from sitrep.datafiles import load_yaml
from sitrep.extract.prefilter import LiteralIndex, PrefilteredPattern, ignorecase_fold, may_match_given
from sitrep.nlp.lines import line_words_around

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
    cue_literals: LiteralIndex  # the literals of all `cues`, found in a text in one pass


def _compile(patterns: list[str]) -> PrefilteredPattern:
    source = r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b"
    if "(?-i:" in source:  # a capital letter required somewhere: the text as written, case-insensitively elsewhere
        return PrefilteredPattern(re.compile(source, re.IGNORECASE))
    return PrefilteredPattern(re.compile(source), on_folded=True)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("sitrep").joinpath("data/lexicons/event_cues.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    cues = {name: _compile(patterns) for name, patterns in data["cues"].items()}
    return Lexicon(
        cues=cues,
        cue_literals=LiteralIndex(list(cues.values())),
        targets={name: _compile(patterns) for name, patterns in data["targets"].items()},
        generic=_compile(data["generic"]),
        nonpolitical={name: _compile(patterns) for name, patterns in data["nonpolitical"].items()},
    )


def _cue_matches(text: str, names: frozenset[str] | None = None) -> Iterator[tuple[str, re.Match[str]]]:
    """(lexicon entry, match) for the cues in `text`, entry by entry, lazily; only the entries whose literals the
    text holds are searched (of `names`, else of all)."""
    lexicon = load_lexicon()
    folded = ignorecase_fold(text)
    present = lexicon.cue_literals.present(folded)
    for name, cue in lexicon.cues.items():
        if (names is None or name in names) and may_match_given(cue, present):
            for m in cue.pattern.finditer(cue.subject(text, folded)):
                if m.end() > m.start() and not inside_proper_name(text, m.start(), m.end()):
                    yield name, m


def find_cues(text: str, offset: int = 0) -> list[CueMatch]:
    """Every cue in `text`, sorted by position; offsets are shifted by `offset` (the text's start in the article)."""
    found = [CueMatch(name, m.start() + offset, m.end() + offset, text[m.start() : m.end()]) for name, m in _cue_matches(text)]
    return sorted(found, key=lambda c: (c.start, c.cue))


class TextCues:
    """The cues of one text, sentence by sentence, each sentence searched once: the cascade, the selective parse
    and the events stage each ask about parts of the same article (a sentence, a paragraph), and searching each
    part again read every character three or four times.

    The sentences are the text's rough sentences (`rough_sentences`: cut at sentence-final punctuation and
    line breaks), searched one by one as before, so a cue never runs from one sentence into the next ("gathered
    ... in an authorized rally ... “Long live May Day,” they chanted" is two cues, not one). A range that is not
    one of them (a parsed sentence the parser cut elsewhere) is searched on its own."""

    __slots__ = ("text", "pieces", "_piece_of", "_found")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pieces = rough_sentences(text)
        self._piece_of = {piece: i for i, piece in enumerate(self.pieces)}
        self._found: dict[int, list[CueMatch]] = {}

    def of_piece(self, i: int) -> list[CueMatch]:
        """The cues of the i-th rough sentence."""
        if i not in self._found:
            start, end = self.pieces[i]
            self._found[i] = find_cues(self.text[start:end], start)
        return self._found[i]

    def within(self, start: int, end: int) -> list[CueMatch]:
        """The cues of `text[start:end]` as `find_cues` finds them there, sorted by position."""
        i = self._piece_of.get((start, end))
        return list(self.of_piece(i)) if i is not None else find_cues(self.text[start:end], start)  # a copy: the kept list stays as found

    def in_sentences(self, start: int, end: int, names: frozenset[str] | None = None) -> bool:
        """Does `text[start:end]` (a paragraph, a block of sentences) hold a cue (of `names`, else of any) of
        its rough sentences?"""
        first = max(0, bisect_left(self.pieces, (start, start)) - 1)  # the one before may reach into the range
        for i in range(first, len(self.pieces)):
            if self.pieces[i][0] >= end:
                break
            if any(start <= c.start and c.end <= end and (names is None or c.cue in names) for c in self.of_piece(i)):
                return True
        return False


def _after_title(text: str, sentence_end: re.Match[str]) -> bool:
    end = sentence_end.start()
    if "\n" in sentence_end.group(0) or text[end - 1 : end] != ".":
        return False
    return text[max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1 : end].lower() in _TITLES


@lru_cache(maxsize=256)  # a batch's articles pass the cascade, then the parse, then the events stage
def text_cues(text: str) -> TextCues:
    """The cues of a whole article text, each of its sentences searched once however often it is asked about."""
    return TextCues(text)


# A sentence ends after its closing quotes and brackets ("... so forth.”"); the next starts at its first word.
_ROUGH_SENTENCE_END = re.compile(r"(?<=[.!?])(?P<closing>[\"'\u201d\u2019)\]]*)\s+|\n\s*")


def rough_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text's sentences cut at sentence-final punctuation and at line breaks (no parse), as
    the parser mostly cuts them: a sentence keeps its closing quotes, and none starts with white space."""
    pieces, start = [], 0
    for match in _ROUGH_SENTENCE_END.finditer(text):
        if _after_title(text, match):
            continue  # "Mr. Lynch said": a title's dot ends no sentence
        end = match.start() + len(match.group("closing") or "")
        if end > start:
            pieces.append((start, end))
        start = match.end()
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces


def holds_cue(text: str, names: frozenset[str] | None = None) -> bool:
    """Does `text` hold a cue (of the lexicon entries `names`, else of any)? `bool(find_cues(text))`
    restricted to `names`, stopping at the first match instead of collecting and sorting them all."""
    return next(_cue_matches(text, names), None) is not None


# Titles that end in a dot inside a name ("Gov. John Lynch"); any other word ending in a dot ends a sentence.
_TITLES = frozenset({
    "gov.", "mr.", "mrs.", "ms.", "dr.", "st.", "lt.", "sgt.", "gen.", "col.", "capt.", "rep.", "sen.", "maj.",
    "cpl.", "pvt.", "rev.", "prof.", "mt.", "ft.", "jr.", "sr.",
})  # fmt: skip
# Words a title-case name or headline leaves in lower case ("Liberation Tigers of Tamil Eelam", "Attack that Killed").
_MINOR_WORDS = frozenset({
    "of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "by", "with", "from", "de", "al", "that", "as", "but",
    "or", "nor", "over", "into", "up", "off", "out", "per", "via", "vs", "than",
})  # fmt: skip
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")  # a name does not run across a line break
_WORD_AFTER = re.compile(r"[ \t]+(\S+)")
_WORDS = re.compile(r"\b[^\W\d_][\w'’-]*")  # not the "th" of "19th"


def inside_proper_name(text: str, start: int, end: int) -> bool:
    """Is the capitalised cue at `text[start:end]` part of a name in running text?

    "Battle Ground Academy", "Gov. John Lynch", "the Sudan People's Liberation Army" and "Tropical Storm
    Harvey" name a school, a man, an armed group and a storm; the cue matched their word only because
    cues match case-insensitively. A capitalised cue is a name's word when a capitalised word touches it
    (no punctuation between) and the words around that run are running text: a title-case headline
    ("Blast Injures Three in Abkhazia", "At Least 17 Slain in Dagestani Battle") keeps its cues.
    """
    if not text[start].isupper():
        return False  # most cue matches: nothing to read
    cue = text[start:end]
    words = cue.split()
    # "KILLING" is emphasis, not a name; "Defense Forces of Mozambique bombed" holds a name and its verb.
    if cue.isupper() or not _name_word(words[0]) or not all(_name_word(w) or w.lower() in _MINOR_WORDS for w in words):
        return False
    left, right, neighbours = start, end, 0
    # Capitalised words before the cue; a word ending in punctuation ended its clause ("Kabul. Attacks"),
    # unless it is a title ("Gov. John Lynch"); a sentence's "The" starts no name.
    while (m := _WORD_BEFORE.search(text, max(0, left - 40), left)) and _name_word(m.group(1)) and (
            m.group(1)[-1].isalnum() or m.group(1).lower() in _TITLES):
        left, neighbours = m.start(1), neighbours + 1
    # Capitalised words after it, up to one that ends in punctuation ("Battle Ground Academy.").
    while right == end or text[right - 1].isalnum():
        m = _WORD_AFTER.match(text, right, min(len(text), right + 40))
        if not m or not _name_word(m.group(1)):
            break
        right, neighbours = m.end(1), neighbours + 1
    if not neighbours:
        return False
    # Running text: two of the four words either side in lower case, or half of them (names and places
    # crowd some sentences: "students at Battle Ground Academy in Franklin, Tennessee, celebrated"). Only
    # the cue's line counts: a headline on a line of its own ("Gunmen Kidnap Kankara Boys") is read alone.
    before, after = line_words_around(text, left, right, _WORDS, skip=_MINOR_WORDS)
    lower = sum(w[0].islower() for w in before + after)
    return lower >= 2 or (lower > 0 and lower * 2 >= len(before) + len(after))


def _name_word(word: str) -> bool:
    return word[0].isupper() and word.strip(".,;:").lower() not in _MINOR_WORDS


def find_targets(text: str) -> dict[str, list[str]]:
    """The armed and civilian nouns in `text` ({"armed": [...], "civilian": [...]})."""
    folded = ignorecase_fold(text)
    return {name: [m.group(0).lower() for m in cue.finditer(text, folded)] for name, cue in load_lexicon().targets.items()}


def generic_marker(text: str) -> str | None:
    """The frequency expression that makes `text` describe a habit ("several times per week"), if any."""
    match = load_lexicon().generic.search(text)
    return text[match.start() : match.end()] if match else None


# Modal auxiliaries: a cue verb under one reports no real event ("will clash", "could be killed"). The events stage
# reads them in the parse (`flags.unreal_reason`), the cascade right before a cue (`follows_modal`): one list, so
# the cascade never skips a text for a modal the events stage would not read as one.
MODALS = frozenset({"will", "would", "could", "might", "may", "should", "shall", "'ll", "must", "can"})
_MODAL_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(MODALS))}|’ll)(?: not| never)?(?: be| have| have been| be being)?\s+$", re.IGNORECASE)


def follows_modal(text: str, start: int) -> bool:
    """Does a modal stand right before `text[start:]` ("will clash", "could be killed", "may have been arrested")?"""
    return _MODAL_BEFORE.search(text, max(0, start - 30), start) is not None


# Cues that make a sentence political violence or a demonstration whatever crime or accident words it has.
ALWAYS_POLITICAL = frozenset({"mob", "riot", "protest", "shelling", "suicide", "chemical", "grenade"})
# Out-of-scope kinds whose "clash" or "battle" is a contest, not a fight.
CONTESTS = frozenset({"sport", "contest"})
# Cues a disaster story carries too: deaths, injuries, explosions.
CASUALTY_CUES = frozenset({"kill", "harm", "ied", "air", "clash", "overtakes", "gov_regains", "change", "other", "arrest"})


def dropped_as_out_of_scope(sentence: str, cues: list[CueMatch], disaster_story: bool, crime_story: bool = False) -> bool:
    """Is this sentence, with these cues, about something other than political violence?

    A disaster story drops its casualty and blast sentences (a fight or arson told in it stays); a crime
    story (`criminal_case_story`) drops every sentence but one with a cue that is always political (a
    riot, a protest, a mob); a sentence about an accident, ordinary crime, a sports or an election result
    drops unless a cue makes it political (a sports "clash" is a match, an election "battle" a race; fans
    who riot or clash with police still make a riot)."""
    if dropped_by_story(cues, disaster_story, crime_story):
        return True
    scope = out_of_scope(sentence)
    return scope is not None and not any(
        c.cue in ALWAYS_POLITICAL or (c.cue == "clash" and scope not in CONTESTS) or _deliberate_fire(c) for c in cues
    )


def dropped_by_story(cues: list[CueMatch], disaster_story: bool, crime_story: bool) -> bool:
    """The story's part of `dropped_as_out_of_scope`: in a disaster story, cues that are all casualty cues; in a
    crime story, cues none of which is always political. (The cascade asks it of a sentence and its neighbours.)"""
    if disaster_story and all(c.cue in CASUALTY_CUES for c in cues if c.cue in CORE_CUES):
        return True
    return crime_story and not any(c.cue in ALWAYS_POLITICAL for c in cues)


def _deliberate_fire(cue: CueMatch) -> bool:
    """Arson is an attack whatever it burns: "an arson attack on a chemical plant" is no industrial accident."""
    return cue.cue == "loot" and "arson" in cue.text.lower()


def out_of_scope(text: str, kinds: tuple[str, ...] = ("disaster", "crime", "sport", "contest")) -> str | None:
    """"disaster", "crime", "sport" or "contest" when `text` is about an accident, disaster, epidemic, ordinary
    crime, a sports result or an election result and carries no sign of political or organised violence;
    None otherwise."""
    patterns = load_lexicon().nonpolitical
    folded = ignorecase_fold(text)
    if patterns["political"].search(text, folded):
        return None
    for kind in kinds:
        if patterns[kind].search(text, folded):
            return kind
    return None


# Distinct words of a criminal case that make a story one (one alone is any conflict report's "police said ... custody").
CRIMINAL_CASE_TERMS = 2


class StoryScope(NamedTuple):
    """What a whole text is, when it is out of scope as a whole (see `story_scope`)."""

    disaster: bool  # an accident, disaster or epidemic story
    crime: bool  # an ordinary criminal case (`criminal_case_story`)


@lru_cache(maxsize=256)  # asked by the cascade and again by the events stage of the same article
def story_scope(text: str) -> StoryScope:
    """Is the whole text a disaster story or an ordinary criminal case? Neither when it holds a word of
    political or organised violence anywhere; the text is folded and that word looked for once for both."""
    patterns = load_lexicon().nonpolitical
    folded = ignorecase_fold(text)
    if patterns["political"].search(text, folded):
        return StoryScope(False, False)
    disaster = patterns["disaster"].search(text, folded) is not None
    if patterns["public_cause"].search(text, folded):
        return StoryScope(disaster, False)
    # "charged him with" and "charged with", "warrant" and "warrants" are one word of the case
    terms = {m.group(0).lower().split()[0][:6] for m in patterns["criminal_case"].finditer(text, folded)}
    return StoryScope(disaster, len(terms) >= CRIMINAL_CASE_TERMS)


def criminal_case_story(text: str) -> bool:
    """Does the whole text report an ordinary criminal case? It uses the words of one (charges, a
    sheriff's deputies, bond, a grand jury: at least CRIMINAL_CASE_TERMS different ones) and nowhere a word
    of political or organised violence or of a public cause (soldiers, protesters, an activist, bandits).

    Local crime news tells its killings and arrests in sentences with no crime word of their own ("Man
    found fatally shot in Ozark car dealership"): the story, not the sentence, says they are ordinary crime.
    Conflict reports name their armed side or their cause; ACLED's notes use almost none of these words."""
    return story_scope(text).crime
