"""Who acted, who was harmed and with what: the phrases around an event's cue words in the parse.

Used by the classifier (attack on armed forces vs on civilians) and by the MUC-4 evaluation,
which scores these phrases against perpetrator / victim / target / weapon fillers.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from sitrep.extract.flags import cue_token
from sitrep.extract.triggers import CORE_CUES, find_cues
from sitrep.records import Event

WEAPON_WORDS = re.compile(
    r"\b(?:(?:car |roadside |suicide )?bombs?|explosives?|explosive devices?|ieds?|dynamite|grenades?|mortars?|rockets?|"
    r"missiles?|rifles?|machine ?guns?|guns?|firearms?|pistols?|(?:land)?mines?|bullets|knives|knife|machetes?|tnt|"
    r"artillery|molotov cocktails?|chemical weapons?|chlorine|sarin|drones?)\b",
    re.IGNORECASE,
)


def _phrase(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)


def _is_time(token: Token) -> bool:
    """"On 29 April", "on Monday", "at dawn": a time, not a target."""
    return token.ent_type_ in ("DATE", "TIME") or token.lower_ in _TIME_WORDS


_TIME_WORDS = frozenset({"night", "dawn", "dusk", "noon", "midnight", "morning", "evening", "afternoon", "monday", "tuesday",
                         "wednesday", "thursday", "friday", "saturday", "sunday", "weekend"})


def roles_of(tokens: list[Token]) -> tuple[list[str], list[str]]:
    """(victims, perpetrators) as written: objects/passive subjects vs subjects/agents of the cue verbs."""
    victims: list[str] = []
    perpetrators: list[str] = []
    for token in tokens:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB":
            # "militants claimed an attack", "gunmen carried out a raid on the camp": the verb's subject acted.
            perpetrators.extend(_phrase(c) for c in token.head.children if c.dep_ == "nsubj")
        if token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "against"):
                    victims.extend(_phrase(g) for g in child.children)
                elif child.dep_ == "prep" and child.lower_ == "by":  # "an attack by rivals"
                    perpetrators.extend(_phrase(g) for g in child.children)
            continue
        if token.pos_ != "VERB":
            continue
        # "shot and killed a civilian": the object of the conjoined verb is the victim of both.
        children = [c for verb in (token, *(c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB")) for c in verb.children]
        for child in children:
            if child.dep_ in ("dobj", "nsubjpass", "obj"):
                victims.append(_phrase(child))
            elif child.dep_ == "nsubj":
                perpetrators.append(_phrase(child))
            elif child.dep_ == "agent":
                perpetrators.extend(_phrase(g) for g in child.children)
            elif child.dep_ == "prep" and child.lower_ in ("on", "against", "at"):  # "shot at a police station"
                victims.extend(_phrase(g) for g in child.children if not _is_time(g))
    return victims, perpetrators


def event_roles(nlp: Any, events: list[Event]) -> dict[str, list[str]]:
    """The perpetrator, victim and weapon phrases of the events' evidence sentences."""
    out: dict[str, list[str]] = {"perpetrators": [], "victims": [], "weapons": []}
    texts = list(dict.fromkeys(e.text for event in events for e in event.evidence))
    for doc in nlp.pipe(texts):
        cues = [c for c in find_cues(doc.text) if c.cue in CORE_CUES]
        span = doc[:]
        tokens = [t for t in (cue_token(span, c) for c in cues) if t is not None]
        victims, perpetrators = roles_of(tokens)
        out["victims"].extend(victims)
        out["perpetrators"].extend(perpetrators)
        out["weapons"].extend(m.group(0) for m in WEAPON_WORDS.finditer(doc.text))
    return out
