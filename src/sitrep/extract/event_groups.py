"""Which event mentions are one event: step 2 of `sitrep.extract.events`.

A mention joins the event before it when it names no new place or date and its kind is compatible
("Police dispersed them" after a protest; "Two soldiers died" after a clash): ACLED's one event per
location per day. A one-sentence headline folds into the lead event it announces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from sitrep.extract.classifier import Classification
from sitrep.extract.taxonomy import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC, VIOLENCE_AGAINST_CIVILIANS
from sitrep.extract.triggers import CueMatch, find_cues
from sitrep.nlp.doctext import doc_text


@dataclass
class Mention:
    """One sentence's (or clause's) report of an event."""

    sentence: Span
    cues: list[CueMatch]
    kind: Classification
    trigger: Token | None
    generic: str | None = None  # why it is a habit, not an event
    paragraph: int = 0
    has_date: bool = False
    has_place: bool = False
    dates: set[tuple] = field(default_factory=set)  # the sentence's date windows as (start, end)
    places: set[str] = field(default_factory=set)  # the sentence's place names, folded
    victims: list[str] = field(default_factory=list)
    perpetrators: list[str] = field(default_factory=list)
    armed_victims: list[str] = field(default_factory=list)  # victims naming an armed actor of the knowledge base
    split: bool = False  # one of several clauses of its sentence
    outcome: bool = False  # told after a fight (weapons seized, a village torched): it does not recode the fight
    elsewhere: list[tuple[int, int]] = field(default_factory=list)  # character ranges of phrases about other events


def _compatible(first: Classification, second: Classification) -> bool:
    """Can two mentions be one event? Same type, or one completes the other (protest + dispersal, clash + deaths)."""
    if first.event_type == second.event_type:
        return True
    pair = {first.event_type, second.event_type}
    if pair == {PROTESTS, RIOTS}:
        return True
    if STRATEGIC in pair:
        strategic = first if first.event_type == STRATEGIC else second
        return strategic.sub_event_type in ("Arrests", "Looting/property destruction") or _outcome(first, second)
    # Violence of different kinds in one place and day: the deaths or the attack of one incident.
    return second.sub_event_type in ("Attack", "Armed clash") and second.rule not in ("ground fighting",)


def _outcome(first: Classification, second: Classification) -> bool:
    """What a violent event's paragraph tells after it (weapons seized, a withdrawal, reinforcements sent,
    fighters surrendering) is its outcome, not a second event: ACLED codes the fight."""
    return (second.event_type == STRATEGIC and first.event_type not in (STRATEGIC, PROTESTS, RIOTS)
            and second.sub_event_type not in ("Arrests", "Looting/property destruction"))


_CAPTURES = ("Government regains territory", "Non-state actor overtakes territory")
_VIOLENCE_CUES = {"clash", "kill", "harm", "attack_verb", "shelling", "air", "ied", "grenade", "suicide"}


def _handover(first: Classification, mentions: list[Mention]) -> bool:
    """A capture and a withdrawal or handover told together with no fight ("took over the crossing after the
    Iraqi forces withdrew") are one change of hands, typed over both: a non-violent transfer of territory. Told
    with fighting, the withdrawal stays the capture's outcome."""
    subs = {first.sub_event_type, mentions[-1].kind.sub_event_type}
    if "Non-violent transfer of territory" not in subs or not subs & set(_CAPTURES):
        return False
    return not any(c.cue in _VIOLENCE_CUES for m in mentions for c in find_cues(m.sentence.text))


# Who riots: without one of these in its sentence a riot cue ("set fire to the village") is someone else's act.
_CROWD = re.compile(
    r"\b(?:crowds?|mobs?|protest\w*|demonstrat\w*|riot\w*|residents|villagers|locals|youths?|students|supporters|"
    r"workers|traders|vendors|inhabitants|prisoners|inmates|fans|people|neighbou?rs|relatives|passers-by)\b",
    re.IGNORECASE,
)


def names_a_crowd(text: str) -> bool:
    """Does the text name a crowd or private people who could riot?"""
    return bool(_CROWD.search(text))


def _attackers_deed(first: Classification, mention: Mention) -> bool:
    """After a fight or an attack, a riot cue with no crowd in its sentence ("They set fire to the village",
    "four villages torched") tells what the attackers did: part of their event, not a mob's, and it does
    not recode it."""
    return (first.event_type not in (STRATEGIC, PROTESTS, RIOTS) and mention.kind.event_type == RIOTS
            and not _CROWD.search(mention.sentence.text))


def _new_scene(group: list[Mention], mention: Mention) -> bool:
    """Does the mention name a place or date the group has not named? An anaphoric noun ("the protest",
    "the attack") refers back whatever else the sentence names."""
    if _anaphoric(mention.trigger):
        return False
    new_place = mention.has_place and not mention.places <= set().union(*(m.places for m in group))
    new_date = mention.has_date and not _known_dates(mention.dates, set().union(*(m.dates for m in group)))
    return new_place or new_date


def _known_dates(dates: set[tuple], known: set[tuple]) -> bool:
    """Is each date window one the event has, or a vaguer one around it ("in recent weeks" after "on 8 May")?"""
    return all(any(start <= k_start and k_end <= end for k_start, k_end in known) for start, end in dates)


def _refers_back(group: list[Mention], mention: Mention) -> bool:
    """A definite noun in a later paragraph ("the explosion shattered windows") that names no place or
    date of its own tells more of the event already reported, not a new one."""
    if not _anaphoric(mention.trigger):
        return False
    known_places = set().union(*(m.places for m in group))
    known_dates = set().union(*(m.dates for m in group))
    return (not mention.has_place or mention.places <= known_places) and (not mention.has_date or _known_dates(mention.dates, known_dates))


# The nouns that name an event of each type again (not its participants: "the demonstrators" may be another
# crowd). "the clash" after villagers' mob violence is theirs; "the explosion" after an attack may be the next one.
_CROWD_NOUNS = {"clash", "violence", "riot", "protest", "demonstration", "unrest", "confrontation", "scuffle", "brawl",
                "melee", "fight", "fighting"}
_FIGHT_NOUNS = {"clash", "attack", "fighting", "fight", "raid", "ambush", "shooting", "assault", "firefight", "battle",
                "skirmish", "gunfight", "shootout", "confrontation", "incident"}
_EVENT_NOUNS = {
    PROTESTS: _CROWD_NOUNS, RIOTS: _CROWD_NOUNS | {"attack", "incident"}, BATTLES: _FIGHT_NOUNS,
    VIOLENCE_AGAINST_CIVILIANS: _FIGHT_NOUNS, EXPLOSIONS: {"explosion", "blast", "attack", "bombing", "strike", "incident"},
}


def _names_it_again(event_type: str, mention: Mention) -> bool:
    """Does the mention name the event again with a bare definite noun of its type ("injured in the clash")? One
    with words of its own ("the kidnapping of the three engineers", "the attack in which 20 died") may be another."""
    nouns = _EVENT_NOUNS.get(event_type, set())
    return any(
        (_anaphoric(token) or _bare_plural_object(token)) and token.lemma_.lower() in nouns
        and not any(c.dep_ in ("prep", "relcl", "acl", "amod", "compound", "nmod", "poss") for c in token.children)
        for token in mention.sentence if any(c.start <= token.idx < c.end for c in mention.cues)
    )


def _bare_plural_object(token: Token) -> bool:
    """"Two were killed across two days of clashes" right after the clash: a plural noun with no determiner after
    a preposition names the event just told."""
    return token.tag_ == "NNS" and token.dep_ == "pobj" and not any(c.dep_ == "det" for c in token.children)


def _anaphoric(token: Token | None) -> bool:
    return token is not None and token.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those", "its", "their") for c in token.children
    )


def headline_into_lead(groups: list[list[Mention]], sentences: list[Span]) -> list[list[Mention]]:
    """A first paragraph of one undated sentence ("Gunmen attack checkpoint in Diyala.") is a headline: its
    event is the one the next two paragraphs tell, when they tell one of that type, not a second event."""
    if len(groups) < 2 or not sentences:
        return groups
    headline = groups[0]
    text = doc_text(sentences[0].doc)
    body_start = len(text) - len(text.lstrip())
    first_break = text.find("\n", body_start)
    if first_break < 0 or sum(1 for s in sentences if s.start_char < first_break) != 1:
        return groups  # no paragraphs, or a first paragraph of several sentences: a lead, not a headline
    if any(m.sentence.start_char >= first_break or m.has_date or m.generic for m in headline):
        return groups
    for group in groups[1:]:
        if group[0].paragraph > _LEAD_PARAGRAPHS:
            break
        if not group[0].generic and _compatible(group[0].kind, headline[0].kind):
            group.extend(headline)  # after the lead: its places and dates come first
            return groups[1:]
    return groups


_LEAD_PARAGRAPHS = 4  # paragraph numbers count line breaks: the headline's 0, then 2 and 4 after blank lines


def group_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions in text order, each joining the event before it when it follows in the same paragraph (or
    refers back to it), names no new place or date and its kind is compatible."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups:
            last = groups[-1][-1]
            same_story = last.paragraph == mention.paragraph and last.sentence.start == mention.sentence.start
            follows = last.paragraph == mention.paragraph
            new_scene = _new_scene(groups[-1], mention)
            if (follows or same_story or _refers_back(groups[-1], mention)) and not new_scene and mention.sentence.start != last.sentence.start:
                first = groups[-1][0].kind
                deed = _attackers_deed(first, mention)
                # "At least seven were injured in the clash" after villagers' mob violence: a bare definite noun of
                # the event's type in the next sentence is that event, whatever its sentence would be coded as; it
                # does not recode it. (Only the next: a flattened wire text is one paragraph of many incidents.)
                told_again = follows and mention.sentence.start - last.sentence.end <= 1 and _names_it_again(first.event_type, mention)
                handover = _handover(first, groups[-1] + [mention])
                compatible = _compatible(first, mention.kind) or handover
                if (compatible or deed or told_again) and bool(last.generic) == bool(mention.generic):
                    mention.outcome = deed or (_outcome(first, mention.kind) and not handover) or not compatible
                    groups[-1].append(mention)
                    continue
        groups.append([mention])
    return groups
