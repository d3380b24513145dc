"""Actor coding: which mentioned actor is ACLED's actor1 and which is actor2 for one event.

Roles come from the dependency parse around the event trigger: the agent (subject of an
active trigger verb, "by X" of a passive, "X's attack", "X attack") is actor1; the target
(object, passive subject, "against X", "on X", "with X") is actor2. ACLED's codebook then
fixes some roles by event type: protests have actor1 "Protesters (Country)" and actor2 the
intervening state force; riots "Rioters (Country)"; violence against civilians has the
perpetrator (else "Unidentified Armed Group (Country)") against "Civilians (Country)";
arrests have the police as actor1 and the arrested as actor2. Social groups ("journalists",
"farmers") and named organisers become associated actors, joined by "; " as ACLED does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from sitrep.extract.actor_groups import (
    MentionGroup, assign_role, groups_of, planted_by, rank_groups, renames_a_side, runs_operation, told_unidentified,
    unidentified,
)
from sitrep.extract.actor_kb import ActorKB
from sitrep.extract.actor_mentions import MATCH_CONTEXT_KEY
from sitrep.extract.actor_speakers import MUTUAL_FIRE, ONE_SIDED, party_speaker, state_agent
from sitrep.nlp.doctext import doc_text
from sitrep.records import ActorRef

_STATE_TYPES = {"state", "external"}
# Devices whose victims do not act: whoever dies by or runs into one is harmed by it, not its user.
_DEVICES = ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade")
_HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "maim", "harm"})
_SUFFERING_VERBS = frozenset({"die", "suffer", "sustain", "strike", "hit", "step", "run", "drive", "perish", "succumb"})
# An attack on private property: a verb of damage and, after it, a private building, business or vehicle (not a
# purpose or grievance in between: "burnt tires to demand that electricity be restored to their houses").
_PRIVATE_PROPERTY_ATTACKED = re.compile(
    r"\b(?:hurl\w*|threw|thrown|vandali[sz]\w*|burn(?:ed|t|ing)|set (?:on )?fire|set ablaze|torch\w*|damag\w*|smash\w*|"
    r"loot\w*|ransack\w*|attack\w*|stormed)\b(?:(?!\b(?:to|against|over|for|demand\w*)\b)[^.;]){0,80}?\b(?:banks?|atms?|shops?|stores?|houses?|homes?|clinics?|"
    r"cafes?|caf\u00e9s?|restaurants?|hotels?|businesses|private|compan(?:y|ies)|machinery|dealer's)\b",
    re.IGNORECASE,
)
# Torture or abuse of people held: in custody, detention or prison, or told with their arrest.
_ABUSED_IN_CUSTODY = re.compile(
    r"(?=.*\b(?:tortur\w*|abused|ill-treat\w*|mistreat\w*)\b)(?=.*\b(?:custody|detention|detainees?|prisoners?|inmates?|"
    r"interrogat\w*|arrested|detained|behind bars|jail|prisons?)\b)",
    re.IGNORECASE | re.DOTALL,
)
# The state force was out on an operation of its own: it, not the unnamed side, started the fight.
_STATE_OPERATION = re.compile(r"\b(?:operations?|patrol\w*|checkpoints?)\b", re.IGNORECASE)
_RECIPROCAL = {"clash", "fight", "brawl", "scuffle", "skirmish", "confront"}  # "two groups clashed"
# Words for state forces that, facing a crowd, ACLED codes as the police.
_CROWD_CONTROL = {
    "security forces",
    "security force",
    "security personnel",
    "authorities",
    "security agents",
    "officers",
}


@dataclass
class ActorCoding:
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    actor1_ref: ActorRef | None = field(default=None, repr=False)  # the mention actor1 rests on
    actor2_ref: ActorRef | None = field(default=None, repr=False)


def _assoc(refs: list[ActorRef], exclude: str | None = None) -> str | None:
    names: list[str] = []
    for ref in refs:
        if ref.name != exclude and ref.name not in names:
            names.append(ref.name)
    return "; ".join(names) or None


def _generic(pattern: str, country: str | None, inter: int, actor_type: str) -> ActorRef:
    return ActorRef(f"{pattern} ({country})" if country else pattern, inter, country, actor_type)


def code_actors(
    sentence_span: Span,
    trigger_token: Token,
    mentions: list[ActorRef],
    country: str | None,
    event_type: str,
    sub_event_type: str,
    *,
    kb: ActorKB | None = None,
    on_date: date | None = None,
) -> ActorCoding:
    """Code actor1/actor2 (with associated actors and inter codes) for one event.

    `mentions` are the refs from `ActorKB.match_mentions`; those inside `sentence_span` are
    used, the others are a fallback. `kb` and `on_date` name default state forces ("Police
    Forces of Iraq (2018-2020)" for an arrest with no named agent); when not given, those the
    mentions of this Doc were matched with are used.
    """
    if kb is None or on_date is None:  # the KB and date the mentions were matched with
        matched_kb, matched_date = sentence_span.doc.user_data.get(MATCH_CONTEXT_KEY, (None, None))
        kb, on_date = kb or matched_kb, on_date or matched_date
    lo, hi = sentence_span.start_char, sentence_span.end_char
    inside = [m for m in mentions if m.start is not None and lo <= m.start < hi]
    groups = groups_of(sentence_span, inside or mentions)
    device = event_type == "Explosions/Remote violence" and sub_event_type in _DEVICES
    for group in groups:
        assign_role(group, trigger_token)
        if device and group.role == "agent" and (_suffers(group) or group.primary is not None and group.primary.inter == 7):
            group.role = "patient"  # "an army vehicle struck an IED", "a displaced person died from a landmine"
    # Mentions elsewhere in the text: a fallback when the sentence names no one for a role,
    # nearest first, those before the sentence before those after it.
    outside = groups_of(sentence_span, [m for m in mentions if m not in inside]) if inside else []
    context = sorted(outside, key=lambda g: (g.offsets[0] or 0) > lo and 1 or 0)
    context = [g for g in context if (g.offsets[0] or 0) < lo][::-1] + [g for g in context if (g.offsets[0] or 0) >= hi]
    agents = rank_groups(groups, "agent", trigger_token)
    patients = rank_groups(groups, "patient", trigger_token)
    all_assoc = [a for g in groups for a in g.associates]

    def armed(gs: list[MentionGroup]) -> list[MentionGroup]:
        """Groups that can fight: not crowds, civilians, or a government as such."""
        return [
            g
            for g in gs
            if g.primary and g.primary.inter not in (5, 6, 7) and not g.primary.name.startswith("Government of")
        ]

    def state(gs: list[MentionGroup]) -> list[MentionGroup]:
        """State forces (a government as such does not arrest or disperse crowds)."""
        return [
            g
            for g in gs
            if g.primary and g.primary.actor_type in _STATE_TYPES and not g.primary.name.startswith("Government of")
        ]

    def default_state(kind: str) -> ActorRef | None:
        if not country:
            return None
        return (kb or ActorKB.load()).state_force(kind, country, on_date, country)

    coding = ActorCoding()
    if event_type == "Protests" or event_type == "Riots":
        rioting = event_type == "Riots"
        # ACLED names a crowd of foreigners by their country: "Chinese tourists protested" -> Protesters (China)
        marchers = next(
            (g.primary for g in groups if g.role == "agent" and g.primary and g.primary.inter in (6, 7)), None
        )
        crowd_country = marchers.country if marchers is not None and marchers.country else country
        crowd = _generic(
            "Rioters" if rioting else "Protesters",
            crowd_country,
            5 if rioting else 6,
            "rioters" if rioting else "protesters",
        )
        organisers = [
            g.primary
            for g in groups
            if g.primary
            and g.role != "patient"
            and g.primary.inter in (2, 3, 4)
            and g.primary.name.split(" (")[0] not in ("Unidentified Armed Group", "Unidentified Gang")
        ]
        crowd_assoc = [a for g in groups if g.role != "patient" for a in g.associates] + organisers
        _set(coding, 1, crowd, _assoc(crowd_assoc))
        reciprocal = trigger_token.lemma_.lower() in _RECIPROCAL or any(
            t.lemma_.lower() in _RECIPROCAL for t in trigger_token.children
        )
        if rioting and reciprocal and not state(groups):  # two crowds fighting each other
            others = [g for g in patients if g.primary and g.primary.inter not in (1, 8)]
            _set(coding, 2, crowd, _assoc(others[0].associates if others else []))
        elif rioting and sub_event_type == "Mob violence":
            victims = [g for g in patients if g.primary and g.primary.inter not in (5, 6)]
            if not victims and reciprocal:  # "clashes between Palestinians and Israeli forces": the forces
                victims = state(groups)
            victim = victims[0] if victims else None
            target = (
                victim.primary
                if victim and victim.primary and victim.primary.inter != 7 and victim.primary.actor_type in _STATE_TYPES
                else _generic("Civilians", country, 7, "civilians")
            )
            _set(coding, 2, target, _assoc(victim.associates if victim else []))
        elif rioting:
            target_group = (state(patients) or state(groups) or armed(patients) or state(context) or [None])[0]
            if target_group:
                _set(
                    coding,
                    2,
                    _crowd_control(target_group.primary, kb, country, on_date),
                    _assoc(target_group.associates),
                )
            elif _PRIVATE_PROPERTY_ATTACKED.search(sentence_span.text):
                # rioters who burn a bank or vandalise a shop attack civilians' property: ACLED's actor2 is civilians
                # (blocked roads and burnt tyres have no actor2)
                _set(coding, 2, _generic("Civilians", country, 7, "civilians"), None)
        elif sub_event_type in ("Protest with intervention", "Excessive force against protesters"):
            force = (state(agents) or state(groups) or state(context) or [None])[0]
            _set(
                coding,
                2,
                _crowd_control(force.primary, kb, country, on_date) if force else default_state("police"),
                None,
            )
        return coding

    if event_type == "Violence against civilians":
        before = [g for g in groups if g.role is None and g.side < 0]
        operation = [g for g in groups if g.role is None and runs_operation(g)]  # "killed during a police raid"
        perpetrator = (armed(agents) or armed(before) or armed(operation) or armed(context) or [None])[0]
        state_country = state_agent(agents, trigger_token, kb or ActorKB.load())
        if state_country and (perpetrator is None or perpetrator not in agents):
            # "Saudi Arabia executed 81 people", "the government detained her": the state's forces did it.
            _set(coding, 1, (kb or ActorKB.load()).state_force("military", state_country, on_date, country), None)
            perpetrator = None
        elif perpetrator:
            _set(coding, 1, perpetrator.primary, _assoc(perpetrator.associates))
        elif _ABUSED_IN_CUSTODY.search(sentence_span.text) and (police := default_state("police")):
            # "35,000 people have been arrested, thousands have been tortured": whoever holds them, the state's police
            _set(coding, 1, police, None)
        else:
            # a killing with the marks of organised crime is a gang's where the desk codes it so (conventions stage)
            _set(coding, 1, _generic("Unidentified Armed Group", country, 3, "political_militia"), None)
        victims = [g for g in groups if g is not perpetrator and g.role != "agent"]
        victim_assoc = [a for g in victims for a in g.associates] or [
            a for a in all_assoc if not perpetrator or a not in perpetrator.associates
        ]
        victim = next((g for g in patients if g is not perpetrator and g.primary and g.primary.inter == 7), None)
        civ_country = victim.primary.country if victim and victim.primary and victim.primary.country else country
        _set(coding, 2, _generic("Civilians", civ_country, 7, "civilians"), _assoc(victim_assoc))
        return coding

    if event_type == "Strategic developments" and sub_event_type == "Arrests":
        arrester = (state(agents) or state([g for g in groups if g.role != "patient"]) or state(context) or [None])[0]
        _set(
            coding,
            1,
            arrester.primary if arrester else default_state("police"),
            _assoc(arrester.associates) if arrester else None,
        )
        arrested = next((g for g in patients if g is not arrester and g.primary), None)
        if arrested and arrested.primary.inter not in (5, 6, 7):
            _set(coding, 2, arrested.primary, _assoc(arrested.associates))
        else:  # people arrested who belong to no armed group are civilians to ACLED
            _set(
                coding,
                2,
                _generic("Civilians", country, 7, "civilians"),
                _assoc(arrested.associates if arrested else []),
            )
        return coding

    if event_type == "Strategic developments" and sub_event_type == "Looting/property destruction":
        looter = (armed(agents) or armed(context) or [None])[0]
        if looter:
            _set(coding, 1, looter.primary, _assoc(looter.associates))
        else:
            _set(coding, 1, _generic("Unidentified Armed Group", country, 3, "political_militia"), None)
        owner = next((g for g in armed(patients) if g is not looter and g.close), None)
        if owner:
            _set(coding, 2, owner.primary, _assoc(owner.associates))
        else:  # property of no armed actor belongs to civilians
            _set(
                coding,
                2,
                _generic("Civilians", country, 7, "civilians"),
                _assoc([a for g in patients for a in g.associates]),
            )
        return coding

    # Battles, Explosions/Remote violence and other strategic developments: agent vs target.
    def by_position(gs: list[MentionGroup]) -> list[MentionGroup]:
        return sorted(gs, key=lambda g: g.head.i if g.head else 0)

    if event_type == "Battles":  # the side that is not the target, in text order
        unmarked = [g for g in by_position(armed(groups)) + armed(context) if g.role != "patient" and (g.role != "source" or party_speaker(g))]
        first = (armed(agents) or unmarked or [None])[0]
    else:  # a device's user is no one its other sentences tell as harmed ("One soldier was wounded") nor a state
        # force they name ("Traders near the checkpoint said"): unnamed, it is the claimant or an unidentified group
        users = [g for g in context if not (device and (_suffers(g) or state([g])))]
        planters = [g for g in groups if device and g.role != "agent" and planted_by(g, doc_text(sentence_span.doc))]
        first = (armed(agents) or agents or armed(planters) or armed(users) or [None])[0]  # "an IS-planted landmine"

    def other_than_first(g: MentionGroup) -> bool:
        return g is not first and (first is None or g.primary is None or g.primary.name != first.primary.name)

    rest = [g for g in patients if other_than_first(g)]
    if event_type == "Battles" or sub_event_type == "Non-violent transfer of territory":
        # (a transfer's other side is whoever withdrew or handed over: "after the Iraqi forces withdrew")
        rest = armed(rest) or [g for g in armed(groups + context) if other_than_first(g) and g.role != "source"]
    elif event_type == "Strategic developments":  # only a target the trigger itself takes
        rest = [g for g in rest if g.role == "patient" and g.close]
    second = rest[0] if rest else None
    if event_type == "Battles" and second is not None and unidentified(second) and not told_unidentified(second):
        # "responded to shelling of pro-Houthi forces ..., killing several fighters": the fighters are the named enemy's
        allies = {t.i for t in first.head.conjuncts} if first is not None and first.head is not None else set()
        second = next((g for g in armed(groups) if other_than_first(g) and not (g.role == "agent" and g.close)
                       and not unidentified(g) and not renames_a_side(g) and (g.head is None or g.head.i not in allies)), second)
    if device and second is None:
        # "... struck an IED. One soldier was severely wounded": the harmed the event's other sentences name
        second = next((g for g in context if g.primary is not None and other_than_first(g) and _suffers(g)), None)
    unnamed_first = first is None or (first.primary is not None and first.primary.name.startswith("Unidentified"))
    told = sentence_span.text
    if (unnamed_first and event_type == "Battles" and second is not None and second.primary is not None and state([second])
            and MUTUAL_FIRE.search(told) and not ONE_SIDED.search(told)
            and (not _subject_of(first, trigger_token) or _STATE_OPERATION.search(told))):
        # "a gunman was killed after exchanging fire with military police", "armed men exchanged fire with the
        # police during the operation": with the other side unnamed, ACLED puts the state force first; "armed
        # men clashed with police officers" stays in the order told.
        first, second = second, first
    state_country = state_agent(agents, trigger_token, kb or ActorKB.load()) if first is None else None
    if state_country:  # "Russia shelled Kharkiv": the country's armed forces
        _set(coding, 1, (kb or ActorKB.load()).state_force("military", state_country, on_date, country), None)
    elif first is not None:
        _set(coding, 1, first.primary, _assoc(first.associates))
    elif event_type == "Battles" or device:
        # An attacker not named: ACLED still codes an actor1.
        _set(coding, 1, _generic("Unidentified Armed Group", country, 3, "political_militia"), None)
    if second is not None and second.primary is not None:
        _set(coding, 2, second.primary, _assoc(second.associates))
    elif event_type == "Battles" and coding.actor1:  # the other side not named
        other = _generic("Unidentified Armed Group", country, 3, "political_militia")
        if other.name != coding.actor1 or sub_event_type == "Armed clash":
            # a shoot-out neither of whose sides is named: ACLED's unidentified group against another
            _set(coding, 2, other, None)
    return coding


def _suffers(group: MentionGroup) -> bool:
    """Is the mention told as harmed: killed, wounded or hurt ("two soldiers were wounded", "killing two
    policemen"), or the one who died, suffered losses or ran into the device ("the vehicle struck an IED")?"""
    token = group.head
    while token is not None and token.dep_ in ("compound", "amod", "nummod", "det", "poss", "conj", "appos") and token.head != token:
        token = token.head
    if token is None:
        return False
    verb = token.head
    lemma = verb.lemma_.lower()
    if token.dep_ in ("nsubjpass", "dobj", "obj") and lemma in _HARM_VERBS:
        return True
    return token.dep_ == "nsubj" and lemma in _SUFFERING_VERBS


def _subject_of(group: MentionGroup | None, trigger: Token) -> bool:
    """Is the group the active subject of the trigger verb ("armed men clashed with police"; for a trigger noun,
    of its verb: "armed men exchanged fire")?"""
    head = group.head if group is not None else None
    return head is not None and head.dep_ == "nsubj" and head.head.i in (trigger.i, trigger.head.i)


def _crowd_control(
    ref: ActorRef | None, kb: ActorKB | None, country: str | None, on_date: date | None
) -> ActorRef | None:
    """State forces called "security forces" facing a crowd are coded as the police."""
    if ref is None or not country or (ref.mention or "").lower() not in _CROWD_CONTROL or ref.country != country:
        return ref
    police = (kb or ActorKB.load()).state_force("police", country, on_date, country)
    police.mention, police.start, police.end = ref.mention, ref.start, ref.end
    return police


def _set(coding: ActorCoding, slot: int, ref: ActorRef | None, assoc: str | None) -> None:
    if ref is None:
        return
    if slot == 1:
        coding.actor1, coding.inter1, coding.actor1_ref = ref.name, ref.inter, ref
        coding.assoc_actor_1 = assoc if assoc != ref.name else None
    else:
        coding.actor2, coding.inter2, coding.actor2_ref = ref.name, ref.inter, ref
        coding.assoc_actor_2 = assoc if assoc != ref.name else None
