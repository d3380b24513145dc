"""Who plays which part around an event trigger: the mentions of one sentence grouped with the social
groups named with them, each given a role ("agent", "patient", "source") from the dependency parse.

`actor_coding` turns these roles into ACLED's actor1/actor2 by event type; this module knows only the
grammar: the subject of an active trigger verb, "by X" of a passive, "X's attack" and "X attack" are agents;
objects, passive subjects and "against X", "on X", "with X" are patients; "..., police said" is a source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.extract.actor_speakers import SPEECH_VERBS, claimed_act, self_reported
from sitrep.records import ActorRef

_CLIMB = {"compound", "amod", "nmod", "appos", "conj", "nummod", "det", "cc", "acl", "relcl", "npadvmod"}
_PATIENT_PREPS = {"against", "on", "upon", "at", "targeting", "with", "into", "toward", "towards", "near"}
_AGENT_PREPS = {"by", "from"}
# Triggers whose subject defends: "troops repelled an attack by the Taliban" -> the Taliban is actor1.
_DEFENSIVE = {"repel", "repulse", "foil", "thwart", "resist", "counter", "fend", "defend", "avert", "prevent"}


@dataclass
class MentionGroup:
    """One mention in the text: its primary actor and the social groups named with it."""

    primary: ActorRef | None
    associates: list[ActorRef]
    head: Token | None
    role: str | None = None  # "agent" | "patient"
    close: bool = False  # attached to the trigger itself (not to another verb)
    side: int = 0  # position against the trigger: -1 before, 1 after
    offsets: tuple[int | None, int | None] = (None, None)  # char span of the mention


def groups_of(sentence: Span, refs: list[ActorRef]) -> list[MentionGroup]:
    doc = sentence.doc
    groups: list[MentionGroup] = []
    for ref in refs:
        if groups and (ref.start, ref.end) == groups[-1].offsets:
            target = groups[-1]
        else:
            span = (
                doc.char_span(ref.start or 0, ref.end or 0, alignment_mode="expand") if ref.start is not None else None
            )
            target = MentionGroup(
                None, [], span.root if span is not None and len(span) else None, offsets=(ref.start, ref.end)
            )
            groups.append(target)
        if ref.inter is None:
            target.associates.append(ref)
        elif target.primary is None:
            target.primary = ref
    return groups


def _governs(verb: Token, trigger: Token) -> bool:
    """Is the trigger inside what `verb` reports ("..., police said" over "a bomb exploded")?"""
    return trigger.sent == verb.sent and verb in trigger.ancestors


def _linked(verb: Token, trigger: Token) -> bool:
    """True when `verb` is the trigger or shares its clause (conjoined, xcomp, aux chains)."""
    if verb == trigger:
        return True
    for a, b in ((verb, trigger), (trigger, verb)):
        tok = a
        for _ in range(3):
            if tok.dep_ in ("conj", "xcomp", "advcl", "ccomp", "acl", "relcl") and tok.head != tok:
                tok = tok.head
                if tok == b:
                    return True
            else:
                break
    return False


# Words right before a mention that make it the target whatever the parse says ("an attack ...
# targeted militiamen", "an ambush against soldiers"): the small model often misattaches them.
_TARGET_WORDS = {"targeted", "targeting", "against"}


def _after_target_word(group: MentionGroup) -> bool:
    start = group.offsets[0]
    if group.head is None or start is None:
        return False
    doc = group.head.doc
    first = next((t for t in doc[max(0, group.head.i - 4) : group.head.i + 1] if t.idx >= start), group.head)
    before = [t for t in doc[max(0, first.i - 3) : first.i] if t.pos_ not in ("DET", "ADJ", "NUM")]
    return bool(before) and before[-1].lower_ in _TARGET_WORDS


def assign_role(group: MentionGroup, trigger: Token) -> None:
    tok = group.head
    if tok is None:
        return
    group.side = -1 if tok.i < trigger.i else 1
    if tok == trigger:  # the trigger noun is the actor itself: "Russian warplanes struck", "gunmen opened fire"
        group.role, group.close = "agent", True
        return
    if _after_target_word(group):
        group.role, group.close = "patient", True
        return
    defensive = trigger.lemma_.lower() in _DEFENSIVE
    for _ in range(6):
        dep, head = tok.dep_, tok.head
        if head == trigger and dep in ("compound", "poss", "amod", "nmod", "npadvmod"):
            group.role, group.close = "agent", True  # "Taliban attack", "the group's attack", "Saudi-led raids"
            return
        if dep in _CLIMB and head != tok:
            tok = head
            continue
        if dep in ("nsubj", "csubj") and head != trigger and head.lemma_.lower() in SPEECH_VERBS and _governs(head, trigger):
            if (any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in head.children) or claimed_act(head, trigger)
                    or self_reported(trigger)):
                group.role, group.close = "agent", True  # "X claimed responsibility for the blast"
            else:
                group.role = "source"  # "..., police said": who told of the event, not who took part
            return
        if dep in ("nsubj", "csubj"):
            group.role, group.close = ("patient" if defensive and head == trigger else "agent"), _linked(head, trigger)
        elif dep in ("nsubjpass", "dobj", "attr", "oprd", "dative"):
            group.role, group.close = "patient", _linked(head, trigger)
        elif dep == "pobj":
            prep = head
            word = prep.lower_
            governor = prep.head
            if prep.dep_ == "agent" or word in _AGENT_PREPS:
                group.role = "agent"
                if defensive and governor.head == trigger and governor.dep_ == "dobj":
                    group.close = True  # "repelled an attack by X"
                    return
            elif word in _PATIENT_PREPS:
                group.role = "patient"
            elif word == "between":
                group.role = "agent"
            elif word == "of" and governor.lemma_.lower() == "hand" and governor.dep_ == "pobj" and governor.head.lower_ == "at":
                group.role = "agent"  # "beaten at the hands of the police"
                return
            elif word in ("in", "under") and tok.lemma_.lower() == "custody" and tok is not group.head:
                group.role = "agent"  # "tortured in police custody": the custodian did it
                return
            elif word in ("of", "among", "including") and governor.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj"):
                tok = governor  # "dozens of civilians were killed": take the role of "dozens"
                continue
            group.close = governor == trigger or _linked(governor, trigger)
        return


def rank_groups(groups: list[MentionGroup], role: str, trigger: Token) -> list[MentionGroup]:
    chosen = [g for g in groups if g.role == role and g.primary is not None]
    fallback_side = -1 if role == "agent" else 1
    chosen += [g for g in groups if g.role is None and g.side == fallback_side and g.primary is not None]
    # Attached to the trigger first, then by role, then in text order ("X and Y clashed": X first).
    return sorted(chosen, key=lambda g: (not (g.role == role and g.close), g.role != role, g.head.i if g.head else 0))


# An operation named by the force that ran it: "during a police raid", "in an army operation".
_OPERATION_NOUNS = {"raid", "operation", "offensive", "crackdown", "assault", "sweep", "patrol", "ambush", "airstrike", "strike"}


def runs_operation(group: MentionGroup) -> bool:
    """The force an operation is named by ("during a police raid")."""
    head = group.head
    return head is not None and head.dep_ in ("compound", "amod", "nmod") and head.head.lemma_.lower() in _OPERATION_NOUNS


def unidentified(group: MentionGroup) -> bool:
    """Coded as an unidentified armed group."""
    return group.primary is not None and group.primary.name.startswith("Unidentified Armed Group")


_UNKNOWN_WORDS = {"unidentified", "unknown", "unnamed"}


def told_unidentified(group: MentionGroup) -> bool:
    """"unidentified militants", "unknown gunmen": the report says it does not know who they are."""
    words = set(((group.primary.mention if group.primary else None) or "").lower().split())
    if group.head is not None:
        words |= {t.lower_ for t in group.head.lefts}
    return not words.isdisjoint(_UNKNOWN_WORDS)


# Prepositions that introduce another name for a side, its allies or its backers, not its enemy: "(coded as Southern
# Resistance)", "including the Popular Resistance", "supported by the 30th Brigade".
_RENAMING = {"as", "including", "by", "like"}


def renames_a_side(group: MentionGroup) -> bool:
    """Introduced as another name of a side, its ally or backer ("coded as", "including", "supported by")."""
    head = group.head
    return head is not None and head.dep_ == "pobj" and head.head.lower_ in _RENAMING


# A device named by who set it: "an IS-planted landmine", "a Taliban-laid IED".
_PLANTED_AFTER = re.compile(r"-(?:planted|laid|placed|made|set|rigged|triggered|detonated)\b", re.IGNORECASE)


def planted_by(group: MentionGroup, text: str) -> bool:
    """Is the group's name the first half of a "<group>-planted" compound?"""
    end = group.offsets[1]
    return end is not None and _PLANTED_AFTER.match(text, end) is not None
