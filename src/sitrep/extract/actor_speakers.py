"""Who speaks and who acts: the parse tests `actor_coding` uses to keep a report's source out of its roles.

Full articles name a source in almost every sentence ("..., police said"). The subject of a speech
verb is only a source - unless it claims the act ("X claimed to have ambushed ...", "the Taliban said
they killed ..."), or speaks of itself in a fight ("a police commander said his convoy was attacked").
A country or government that is itself the subject of the act ("Egypt executed nine men") is the state.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:
    from sitrep.extract.actor_kb import ActorKB

# Verbs whose subject reports an event rather than takes part in it.
SPEECH_VERBS = {
    "say", "tell", "report", "announce", "confirm", "state", "add", "explain", "note", "claim", "allege",
    "accuse", "deny", "write", "tweet", "post", "quote", "estimate", "warn", "describe",
}  # fmt: skip
# A fight both sides fought ("exchanging fire with military police"), not an attack one side made on the other.
MUTUAL_FIRE = re.compile(r"exchang\w* (?:of )?fire|traded fire|clash|gun ?fight|fire ?fight|shoot-?out|gun battle|encounter", re.IGNORECASE)
ONE_SIDED = re.compile(r"\b(?:attack\w*|ambush\w*|target\w*|raid\w*|assault\w*)\b", re.IGNORECASE)
_SELF_PRONOUNS = {"it", "they", "we"}
_OWN_WORDS = {"his", "their", "our", "we", "us"}


def claimed_act(verb: Token, trigger: Token) -> bool:
    """"X claimed to have ambushed a convoy": the claimer is the agent of the act it claims."""
    return verb.lemma_.lower() == "claim" and any(c.dep_ == "xcomp" and (c == trigger or trigger in c.subtree) for c in verb.children)


def self_reported(trigger: Token) -> bool:
    """"The Taliban said they killed five soldiers": the act's subject is a pronoun for the speaker."""
    return trigger.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ in _SELF_PRONOUNS for c in trigger.children)


def party_speaker(group: Any) -> bool:
    """A source that speaks of itself ("a police commander said his convoy was attacked") took part."""
    if group.head is None:
        return False
    return any(t.lower_ in _OWN_WORDS and t.i > group.head.i for t in group.head.sent)


def state_agent(agents: list[Any], trigger: Token, kb: "ActorKB") -> str | None:
    """The country whose government, or whose name, is the subject of the trigger ("Egypt executed ...",
    "the Saudi government executed ..."); a government acting in another clause is not."""
    for group in agents:
        direct = group.head is not None and group.head.head == trigger and group.head.dep_ in ("nsubj", "poss", "compound", "amod")
        if direct and group.primary and group.primary.name.startswith("Government of") and group.primary.country:
            return group.primary.country
    if trigger.pos_ != "VERB":
        return None
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    if self_reported(trigger):  # "Saudi Arabia said it executed 81 people": the speaker
        speech = next((a for a in trigger.ancestors if a.lemma_.lower() in SPEECH_VERBS), None)
        subjects = [c for c in speech.children if c.dep_ == "nsubj"] if speech is not None else []
    countries = {c.lower() for c in kb.countries}
    for child in subjects:
        if child.ent_type_ == "GPE":
            name = " ".join(t.text for t in child.subtree if t.ent_type_ == "GPE").lower()
            if name in kb.demonyms and name in countries:
                return kb.demonyms[name]
    return None
