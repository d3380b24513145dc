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

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from sitrep.extract.actor_kb import ActorKB
from sitrep.extract.actor_mentions import MATCH_CONTEXT_KEY
from sitrep.extract.actor_speakers import (
    MUTUAL_FIRE,
    ONE_SIDED,
    SPEECH_VERBS,
    claimed_act,
    party_speaker,
    self_reported,
    state_agent,
)
from sitrep.nlp.doctext import doc_text
from sitrep.records import ActorRef

_CLIMB = {"compound", "amod", "nmod", "appos", "conj", "nummod", "det", "cc", "acl", "relcl", "npadvmod"}
_PATIENT_PREPS = {"against", "on", "upon", "at", "targeting", "with", "into", "toward", "towards", "near"}
_AGENT_PREPS = {"by", "from"}
_STATE_TYPES = {"state", "external"}
# Triggers whose subject defends: "troops repelled an attack by the Taliban" -> the Taliban is actor1.
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
_DEFENSIVE = {"repel", "repulse", "foil", "thwart", "resist", "counter", "fend", "defend", "foil", "avert", "prevent"}


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


@dataclass
class _Group:
    """One mention in the text: its primary actor and the social groups named with it."""

    primary: ActorRef | None
    associates: list[ActorRef]
    head: Token | None
    role: str | None = None  # "agent" | "patient"
    close: bool = False  # attached to the trigger itself (not to another verb)
    side: int = 0  # position against the trigger: -1 before, 1 after
    offsets: tuple[int | None, int | None] = (None, None)  # char span of the mention


def _groups(sentence: Span, refs: list[ActorRef]) -> list[_Group]:
    doc = sentence.doc
    groups: list[_Group] = []
    for ref in refs:
        if groups and (ref.start, ref.end) == groups[-1].offsets:
            target = groups[-1]
        else:
            span = (
                doc.char_span(ref.start or 0, ref.end or 0, alignment_mode="expand") if ref.start is not None else None
            )
            target = _Group(
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


def _after_target_word(group: _Group) -> bool:
    start = group.offsets[0]
    if group.head is None or start is None:
        return False
    doc = group.head.doc
    first = next((t for t in doc[max(0, group.head.i - 4) : group.head.i + 1] if t.idx >= start), group.head)
    before = [t for t in doc[max(0, first.i - 3) : first.i] if t.pos_ not in ("DET", "ADJ", "NUM")]
    return bool(before) and before[-1].lower_ in _TARGET_WORDS


def _role(group: _Group, trigger: Token) -> None:
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


def _rank(groups: list[_Group], role: str, trigger: Token) -> list[_Group]:
    chosen = [g for g in groups if g.role == role and g.primary is not None]
    fallback_side = -1 if role == "agent" else 1
    chosen += [g for g in groups if g.role is None and g.side == fallback_side and g.primary is not None]
    # Attached to the trigger first, then by role, then in text order ("X and Y clashed": X first).
    return sorted(chosen, key=lambda g: (not (g.role == role and g.close), g.role != role, g.head.i if g.head else 0))


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
    groups = _groups(sentence_span, inside or mentions)
    for group in groups:
        _role(group, trigger_token)
    # Mentions elsewhere in the text: a fallback when the sentence names no one for a role,
    # nearest first, those before the sentence before those after it.
    outside = _groups(sentence_span, [m for m in mentions if m not in inside]) if inside else []
    context = sorted(outside, key=lambda g: (g.offsets[0] or 0) > lo and 1 or 0)
    context = [g for g in context if (g.offsets[0] or 0) < lo][::-1] + [g for g in context if (g.offsets[0] or 0) >= hi]
    agents = _rank(groups, "agent", trigger_token)
    patients = _rank(groups, "patient", trigger_token)
    all_assoc = [a for g in groups for a in g.associates]

    def armed(gs: list[_Group]) -> list[_Group]:
        """Groups that can fight: not crowds, civilians, or a government as such."""
        return [
            g
            for g in gs
            if g.primary and g.primary.inter not in (5, 6, 7) and not g.primary.name.startswith("Government of")
        ]

    def state(gs: list[_Group]) -> list[_Group]:
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
        perpetrator = (armed(agents) or armed(before) or armed(context) or [None])[0]
        state_country = state_agent(agents, trigger_token, kb or ActorKB.load())
        if state_country and (perpetrator is None or perpetrator not in agents):
            # "Saudi Arabia executed 81 people", "the government detained her": the state's forces did it.
            _set(coding, 1, (kb or ActorKB.load()).state_force("military", state_country, on_date, country), None)
            perpetrator = None
        elif perpetrator:
            _set(coding, 1, perpetrator.primary, _assoc(perpetrator.associates))
        else:
            text = doc_text(sentence_span.doc).lower()
            signs = (kb or ActorKB.load()).gang_signs
            pattern = "Unidentified Gang" if any(sign in text for sign in signs) else "Unidentified Armed Group"
            _set(coding, 1, _generic(pattern, country, 3, "political_militia"), None)
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
    def by_position(gs: list[_Group]) -> list[_Group]:
        return sorted(gs, key=lambda g: g.head.i if g.head else 0)

    if event_type == "Battles":  # the side that is not the target, in text order
        unmarked = [g for g in by_position(armed(groups)) + armed(context) if g.role != "patient" and (g.role != "source" or party_speaker(g))]
        first = (armed(agents) or unmarked or [None])[0]
    else:
        first = (armed(agents) or agents or armed(context) or [None])[0]

    def other_than_first(g: _Group) -> bool:
        return g is not first and (first is None or g.primary is None or g.primary.name != first.primary.name)

    rest = [g for g in patients if other_than_first(g)]
    if event_type == "Battles":
        rest = armed(rest) or [g for g in armed(groups + context) if other_than_first(g) and g.role != "source"]
    elif event_type == "Strategic developments":  # only a target the trigger itself takes
        rest = [g for g in rest if g.role == "patient" and g.close]
    second = rest[0] if rest else None
    unclaimed = ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade")
    unnamed_first = first is None or (first.primary is not None and first.primary.name.startswith("Unidentified"))
    if (unnamed_first and event_type == "Battles" and second is not None and second.primary is not None and state([second])
            and MUTUAL_FIRE.search(sentence_span.text) and not ONE_SIDED.search(sentence_span.text)):
        # "a gunman was killed after exchanging fire with military police": with the other side unnamed,
        # ACLED puts the state force first.
        first, second = second, first
    state_country = state_agent(agents, trigger_token, kb or ActorKB.load()) if first is None else None
    if state_country:  # "Russia shelled Kharkiv": the country's armed forces
        _set(coding, 1, (kb or ActorKB.load()).state_force("military", state_country, on_date, country), None)
    elif first is not None:
        _set(coding, 1, first.primary, _assoc(first.associates))
    elif event_type == "Battles" or (event_type == "Explosions/Remote violence" and sub_event_type in unclaimed):
        # An attacker not named: ACLED still codes an actor1.
        _set(coding, 1, _generic("Unidentified Armed Group", country, 3, "political_militia"), None)
    if second is not None and second.primary is not None:
        _set(coding, 2, second.primary, _assoc(second.associates))
    elif event_type == "Battles" and first is not None:  # the other side not named
        other = _generic("Unidentified Armed Group", country, 3, "political_militia")
        if other.name != coding.actor1:
            _set(coding, 2, other, None)
    return coding


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
