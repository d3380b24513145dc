"""Deciding the ACLED event type and sub-event type of one event report.

`Classifier` is the plug-in point: anything with `classify(report) -> Classification | None` can
replace the default `RuleClassifier` (a fine-tuned transformer, or an LLM behind an
OpenAI-compatible endpoint: see `sitrep.extract.llm_classifier`). The rules apply the ACLED
Codebook's precedence between types; docs/taxonomy.md lists them in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from sitrep.extract.numbers import NUMBER_PATTERN
from sitrep.extract.speech_sources import without_sources
from sitrep.extract.taxonomy import load_taxonomy
from sitrep.extract.triggers import CueMatch, find_targets, out_of_scope


@dataclass
class Report:
    """What a classifier sees: the text of one event's sentences, its cues and who was harmed."""

    text: str
    cues: list[CueMatch]
    victims: list[str] = field(default_factory=list)  # words for those harmed, from the parse ("motorcyclists")
    perpetrators: list[str] = field(default_factory=list)  # words for those who acted ("militants")
    # victim phrases that name an armed actor of the knowledge base, which the target words do not know ("2 NDS members")
    armed_victims: list[str] = field(default_factory=list)


@dataclass
class Classification:
    event_type: str
    sub_event_type: str
    confidence: float
    rule: str = ""  # which rule decided: shown in debugging output and tests


class Classifier(Protocol):
    def classify(self, report: Report) -> Classification | None:
        """The event's type, or None when the report describes no ACLED event."""
        ...


_STRONG_CLASH = re.compile(
    r"clash|fight|fought|exchang|traded fire|gun ?fight|firefight|fire ?fight|gun battle|shoot-?out|battle|skirmish|ambush|"
    r"encounter|counter-?attack|repell?|repulsed|infiltration|rocket-propelled|rpg|positions|small arms|machine gun|"
    r"light weapons|automatic weapons|assault rifles|unspecified weapons|sniper|hideout|stronghold|combat|hostilities|both directions|shots|bursts",
    re.IGNORECASE,
)
# How a monitor counts fire ("25 shots", "bursts of fire"): with heavy weapons named it is a shelling,
# not ground fighting (which small arms or fire "in both directions" show).
_FIRE_COUNT = re.compile(r"/?shots(?: involving)?|bursts of fire", re.IGNORECASE)
# The weapon a killing was done with ("shot a civilian using small arms fire"): no fight unless the victims were armed.
_WEAPON_ONLY = re.compile(
    r"(?:small arms|(?:heavy )?machine ?guns?|light weapons|automatic weapons|assault rifles|sniper)(?: fire)?", re.IGNORECASE
)
# An armed group handing out food or aid: a change to its activity, whatever words name its gunmen.
_HANDOUT = re.compile(r"delivered|distributed|handed out|gave out|giving out|delivering|distributing", re.IGNORECASE)
# Forces answering an attack with their guns: the grenade attack became a fight (ACLED: armed clash).
_RETURN_FIRE = re.compile(
    r"\b(?:reacted|responded|retaliated|replied) with (?:gun ?fire|fire|shots)|returned fire|fired back|shot back|"
    r"opened (?:gun ?)?fire (?:on|at|towards?) the (?:attackers|assailants|perpetrators)|exchange of fire|grenades? and (?:firearms|guns|rifles)|"
    r"(?:routed|repelled|repulsed|fought off|drove off|chased (?:away|off)) the (?:attackers|assailants|gunmen|raiders|militants|bandits)",
    re.IGNORECASE,
)
# Fire answered by the side fired on: "responded to pro-Houthi shelling", "responded to the fire".
_ANSWERED = re.compile(r"\b(?:responded|retaliated|replied|reacted) to (?:the )?(?:[\w-]+ )?(?:fire|shelling|shells)\b", re.IGNORECASE)
_RIOT_WORD = re.compile(r"\briot", re.IGNORECASE)
_STATE_WORDS = re.compile(
    r"\b(?:army|military|soldiers|troops|government|security forces|police|forces of|armed forces|regime|"
    r"national guard|gendarmes?|iraqi forces|afghan forces|coalition)\b",
    re.IGNORECASE,
)
_DRONE_DOWNED = re.compile(r"shot down|shoot down|downed|intercept|defus|diffus|disarm|dismantl|controlled (?:explosion|detonation)", re.IGNORECASE)
_RELEASE = re.compile(r"released|freed", re.IGNORECASE)
_FIGHT_WORDS = re.compile(
    r"clash|fight|fought|exchang|traded fire|gun ?fight|firefight|gun battle|shoot-?out|battle|skirmish|ambush|encounter|"
    r"counter-?attack|repell?|repulsed|combat|hostilities|fired|opened fire",
    re.IGNORECASE,
)
_GENERIC_BLAST = re.compile(r"explo(?:sion|sions|ded)|blasts?|blew up|detonat(?:ed|ion)", re.IGNORECASE)
# Organised armed actors: their fights with police are battles, not riots.
_ORGANISED_ARMED = re.compile(
    r"\b(?:militants|insurgents|rebels|jihadists|taliban|al[- ]shabaa?b|boko haram|gunmen|armed (?:men|group|individuals)|"
    r"cartel|cjng|militiamen|fighters|guerrill?as?|terrorists|dahalo)\b",
    re.IGNORECASE,
)
_DELIBERATE = re.compile(r"shot|shoot|stabb|beat|tortur|assault|whipp|flogg|hacked|mutilat|opened fire|fired|gunm[ae]n|assailants|attackers", re.IGNORECASE)
# Cues of strategic developments that an armed actor takes part in without violence.
_NON_VIOLENT_ACTS = frozenset({"arrest", "agreement", "change", "disrupted", "nonviolent_transfer", "hq", "other"})
_ACTOR_WORDS = re.compile(r"gunm[ae]n|armed (?:men|assailants|individuals|group)|assailants|attackers", re.IGNORECASE)
# Private people as perpetrators: their violence is mob violence, not an armed group's attack.
_CROWD = re.compile(
    r"\b(?:traders|vendors|residents|villagers|locals|community members|crowds?|mobs?|persons|people|youths?|rivals|"
    r"neighbou?rs|relatives|supporters|volunteers|students|workers|passers-by|members of the public)\b",
    re.IGNORECASE,
)
# Disorder that makes a point (barricades, burning tyres, blocked roads, vandalism): a demonstration, not a mob.
_DEMONSTRATIVE = re.compile(r"barricad|tyres|tires|blocked|vandali", re.IGNORECASE)
_MARCH = re.compile(r"marched|marches|march", re.IGNORECASE)
# "government forces ... marched deeper into a rebel-held neighborhood": forces on the move, not a protest march.
_FORCES_MARCHED = re.compile(r"\b(?:forces|army|units)\b[^.;]{0,200}?\bmarch(?:ed|es)?\b(?!\s+(?:for|against|in protest|to demand))",
                             re.IGNORECASE)
_KILLED_VERB = re.compile(r"killed|shot dead|shot and killed|slain", re.IGNORECASE)
# "opened fire, killing at least 14 people": the verb with its count ("the killing of a student" is a topic).
_KILLING_SOME = re.compile(rf"(?<!the )\bkilling\s+(?:at least\s+|more than\s+|some\s+|about\s+|around\s+|over\s+|nearly\s+)?{NUMBER_PATTERN}\b",
                           re.IGNORECASE)
_THROWN = re.compile(r"hurled|threw|thrown|lobbed|tossed", re.IGNORECASE)
_NON_STATE = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|jihadists?|fighters|isis|isil|islamic state|daesh|taliban|al[- ]shabaa?b|"
    r"boko haram|houthis?|militias?|terrorists|opposition|separatists?|guerrill?as?|hts|sdf|ypg|pkk)\b",
    re.IGNORECASE,
)
# "he was dead - the victim of a brutal assault and torture by soldiers": one-sided violence on a person.
_VICTIM_OF = re.compile(
    r"\bvictims? of (?:an? |the )?(?:[\w-]+ ){0,2}(?:assault|attack|torture|beating|killing|shooting|stabbing|violence|lynching)",
    re.IGNORECASE,
)
_RAID = re.compile(r"raid(?:ed|s)?", re.IGNORECASE)
# Goods carried off (people carried off are abducted).
_CARRIED_OFF = re.compile(
    r"\b(?:t(?:ook|aking|aken)|carr(?:ied|ying)|cart(?:ed|ing)|made) (?:away|off) (?:with )?(?:[\w,-]+ ){0,4}?(?:clothes|"
    r"clothing|food|foods|foodstuffs?|goods|motorcycles?|motorbikes?|livestock|cattle|goats|sheep|camels|money|cash|"
    r"property|belongings|valuables|vehicles?|phones|grain|supplies|medicines?)\b",
    re.IGNORECASE,
)
_INJURED = re.compile(r"\b(?:injur|wound|hurt)\w*", re.IGNORECASE)
# Security personnel off duty: civilians to ACLED.
_OFF_DUTY = re.compile(r"\boff[- ]duty\b", re.IGNORECASE)
# A possessor leading a victim phrase is not the victim: "the mayor's bodyguards", "a soldier's wife".
_POSSESSOR = re.compile(r"^\s*(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+\s*['’]s\s+(?=\w)", re.IGNORECASE)
# The sides of a fight: "clashes between X and Y", "X clashed with Y".
_BETWEEN_SIDES = re.compile(r"\bbetween\s+([^.;]+?)\s+and\s+([^.;,]+)", re.IGNORECASE)
_BETWEEN_GROUPS = re.compile(r"\bbetween\s+(?:two|rival)\s+groups\b", re.IGNORECASE)
_WITH_SIDE = re.compile(r"\b(?:clash\w*|fought|fight\w*)\s+(?:with|against)\s+([^.;,]+)", re.IGNORECASE)
# Private people as one side of a fight: residents, vendors, party youths, a people named by its demonym
# ("clashes between Palestinians and Israeli forces"), two rival groups in a dispute.
_PRIVATE_SIDE = re.compile(
    r"\b(?:residents|inhabitants|villagers|locals|vendors|sellers|traders|shopkeepers|beneficiaries|youths?|young (?:men|people)|"
    r"(?:young |party )(?:members|supporters|activists|workers)|members of (?:the )?(?:[\w-]+ ){0,3}part(?:y|ies)|supporters|"
    r"activists|workers|students|crowds?|mobs?|people|neighbou?rs|relatives|families|"
    r"(?:two|rival) groups)\b|^(?:the )?(?-i:[A-Z])[a-z]+(?:ians|ans|ese|is)\b",
    re.IGNORECASE,
)
_PARTY_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?part(?:y|ies)\b", re.IGNORECASE)
_WEAPON_WORDS = re.compile(r"\b(?:armed|arms|dissidents|guns?|gunfire|rifles?|militia\w*|gunm[ae]n|machetes?|swords?)\b", re.IGNORECASE)


def _unarmed_crowd_fights(report: Report) -> bool:
    """A fight one side of which is private people with no weapon named and no organised armed group in the report:
    ACLED's mob violence ("young members of the UDPS party clashed with young members of UNAFEC", "Palestinian
    youths clashed with Israeli forces"), not a battle."""
    text = report.text
    if _ORGANISED_ARMED.search(text) or _WEAPON_WORDS.search(text) or any(
            not _PARTY_AFTER.match(text, m.end()) for m in _NON_STATE.finditer(text)):
        return False  # (an opposition party is no armed opposition)
    sides = [p.strip() for p in report.perpetrators] + [s.strip() for m in _BETWEEN_SIDES.finditer(text) for s in m.groups()]
    sides += [m.group(1).strip() for m in _WITH_SIDE.finditer(text)] + _BETWEEN_GROUPS.findall(text)
    return any(_PRIVATE_SIDE.search(side) and not _STATE_WORDS.search(side) for side in sides)


_ARMED_ACTORS = re.compile(
    r"\b(?:gunmen|armed (?:men|group|groups|individuals|assailants)|militants|soldiers|troops|fighters|rebels|insurgents|militia\w*)\b",
    re.IGNORECASE,
)


class RuleClassifier:
    """The default classifier: ACLED precedence rules over the cues of a report."""

    def __init__(self) -> None:
        self.taxonomy = load_taxonomy()

    def classify(self, report: Report) -> Classification | None:
        decided = self._decide(report)
        if decided is None:
            return None
        sub_type, confidence, rule = decided
        return Classification(self.taxonomy.event_type_of(sub_type), sub_type, confidence, rule)

    def _decide(self, report: Report) -> tuple[str, float, str] | None:
        cues: dict[str, list[CueMatch]] = {}
        for cue in report.cues:
            cues.setdefault(cue.cue, []).append(cue)
        if "harm" in cues and all(_ACTOR_WORDS.fullmatch(c.text) for c in cues["harm"]) and any(name in _NON_VIOLENT_ACTS for name in cues):
            # An armed actor named ("gunmen", "an armed group") is no act of its own when the sentence says
            # what non-violent thing they did or had done to them: "police arrested three gunmen", "the armed
            # group surrendered".
            del cues["harm"]
        has = lambda *names: any(name in cues for name in names)  # noqa: E731
        text = report.text
        violent = has("air", "shelling", "ied", "suicide", "grenade", "chemical", "clash", "kill", "sexual", "abduct")

        if has("chemical"):
            return "Chemical weapon", 0.8, "chemical weapon"
        marching_forces = (has("protest") and all(_MARCH.fullmatch(c.text) for c in cues["protest"])
                           and (_ARMED_ACTORS.search(text) or (_FORCES_MARCHED.search(text) and not has("demand"))))
        if has("protest") and not marching_forces:
            lethal = has("kill") and (any(_KILLED_VERB.fullmatch(c.text) for c in cues["kill"]) or _KILLING_SOME.search(text) is not None)
            protest_fight = has("clash") and any(_FIGHT_WORDS.search(c.text) for c in cues["clash"])
            if has("riot") or protest_fight:
                return "Violent demonstration", 0.7, "protest + violence by demonstrators"
            if has("excessive_force") or (lethal and (has("intervention", "attack_verb") or _STATE_WORDS.search(text))):
                return "Excessive force against protesters", 0.75, "protest + lethal force"
            if has("riot"):
                return "Violent demonstration", 0.75, "protest + violence by demonstrators"
            if has("intervention"):
                return "Protest with intervention", 0.75, "protest + dispersal/arrests"
            return "Peaceful protest", 0.7, "protest"
        organised = bool(_ORGANISED_ARMED.search(text))
        if has("riot") and not has("air", "shelling", "suicide", "chemical") and not organised:
            if has("loot") and (_ARMED_ACTORS.search(text) or not (has("mob") or _RIOT_WORD.search(text) or has("demand"))):
                return "Looting/property destruction", 0.6, "property destroyed by armed men"
            # Blocking and vandalising are a demonstration's ways, unless a mob does them: "a mob vandalized and
            # set ablaze a mosque" over a dispute is mob violence.
            if _RIOT_WORD.search(text) or has("demand") or (
                    not has("mob") and any(_DEMONSTRATIVE.search(c.text) for c in cues["riot"])):
                return "Violent demonstration", 0.7, "riot"
            return "Mob violence", 0.6, "violent crowd without a demonstration"
        if has("mob") and not has("air", "shelling", "ied", "suicide", "grenade", "chemical", "sexual"):
            if not _ARMED_ACTORS.search(text):
                return "Mob violence", 0.65, "mob"
        if has("premature"):
            return "Disrupted weapons use", 0.7, "device exploded while being planted"
        if has("disrupted") and _DRONE_DOWNED.search(" ".join(c.text for c in cues["disrupted"])):
            return "Disrupted weapons use", 0.75, "interception"
        fighting = has("clash") and any(_FIGHT_WORDS.search(c.text) for c in cues["clash"])
        if has("disrupted") and not has("kill", "harm", "air", "suicide") and not fighting:
            return "Disrupted weapons use", 0.75, "weapons seized/defused"
        if has("grenade") and any("attack" in c.text.lower() or _THROWN.search(c.text) for c in cues["grenade"]):
            if _RETURN_FIRE.search(text) and find_targets(text)["armed"]:
                return "Armed clash", 0.65, "grenade attack on forces who fired back"
            return "Grenade", 0.75, "grenade attack"
        fighting = has("clash") and any(_FIGHT_WORDS.search(c.text) for c in cues["clash"])
        if has("nonviolent_transfer") and not has("kill", "harm") and not fighting:
            return "Non-violent transfer of territory", 0.6, "withdrawal/handover without fighting"
        if has("gov_regains", "overtakes"):
            side = _first_side(report.perpetrators)
            if (has("gov_regains") and side != "non-state") or side == "state":
                return "Government regains territory", 0.65, "territory retaken"
            return "Non-state actor overtakes territory", 0.65, "territory seized"
        strong_clash = has("clash") and any(
            _STRONG_CLASH.search(c.text)
            and not (has("shelling") and _FIRE_COUNT.fullmatch(c.text))
            and not (_WEAPON_ONLY.fullmatch(c.text) and _civilian_victims(report))
            for c in cues["clash"]
        )
        device = has("ied") and any(not _GENERIC_BLAST.fullmatch(c.text) for c in cues["ied"])
        if strong_clash and not has("suicide") and not device:
            if not has("air", "shelling", "grenade") and _unarmed_crowd_fights(report):
                return "Mob violence", 0.55, "a fight of unarmed private people"
            return "Armed clash", 0.75, "ground fighting"
        if has("suicide"):
            return "Suicide bomb", 0.8, "suicide bombing"
        if has("air"):
            return "Air/drone strike", 0.75, "air/drone strike"
        if has("grenade"):
            if _RETURN_FIRE.search(text) and find_targets(text)["armed"]:
                return "Armed clash", 0.6, "grenades and guns against forces"
            return "Grenade", 0.75, "grenade"
        if has("shelling"):
            if (_RETURN_FIRE.search(text) or _ANSWERED.search(text)) and find_targets(text)["armed"]:
                # "shelled pro-Hadi groups. Pro-Hadi forces fired back": both sides fired, ACLED's armed clash
                return "Armed clash", 0.6, "shelling answered by forces"
            return "Shelling/artillery/missile attack", 0.75, "shelling/missiles"
        if has("ied"):
            return "Remote explosive/landmine/IED", 0.7, "explosive device"
        if has("sexual"):
            return "Sexual violence", 0.75, "sexual violence"
        if has("abduct") and not has("kill") and not _INJURED.search(text):
            return "Abduction/forced disappearance", 0.75, "abduction"
        if has("nonviolent_transfer") and not violent:
            return "Non-violent transfer of territory", 0.6, "withdrawal/handover"
        if has("clash") and not (all(_WEAPON_ONLY.fullmatch(c.text) for c in cues["clash"]) and _civilian_victims(report)):
            return "Armed clash", 0.6, "fighting"
        if has("arrest") and not has("kill", "harm"):
            return "Arrests", 0.6, "arrest (raid without violence)"
        if has("attack_verb") and not has("kill", "harm") and all(_RAID.fullmatch(c.text) for c in cues["attack_verb"]):
            if _CARRIED_OFF.search(text):  # "raided several houses, taking away clothes and motorcycles"
                return "Looting/property destruction", 0.55, "raid that carried off goods"
            return "Change to group/activity", 0.45, "raid without violence, arrests or looting"
        actors_only = not has("harm") or all(_ACTOR_WORDS.fullmatch(c.text) for c in cues["harm"])
        if has("loot") and not has("kill") and actors_only:
            return "Looting/property destruction", 0.6, "property attacked, nobody hurt"
        if has("change") and not has("kill", "attack_verb") and actors_only and any(_HANDOUT.search(c.text) for c in cues["change"]):
            return "Change to group/activity", 0.5, "armed group handing out aid"
        if has("kill", "harm", "attack_verb"):
            return self._attack_or_clash(report, cues)
        if has("loot"):
            return "Looting/property destruction", 0.65, "looting/destruction"
        if has("disrupted"):
            return "Disrupted weapons use", 0.6, "weapons seized"
        if has("agreement"):
            if _RELEASE.search(" ".join(c.text for c in cues["agreement"])) and not re.search(
                r"agreement|deal|exchange|swap|ceasefire|truce", text, re.IGNORECASE
            ):
                return "Other", 0.5, "release of prisoners"
            return "Agreement", 0.65, "agreement"
        if has("arrest"):
            return "Arrests", 0.6, "arrest"
        if has("hq"):
            return "Headquarters or base established", 0.6, "base established"
        if has("change"):
            return "Change to group/activity", 0.55, "change to group/activity"
        if has("other"):
            return "Other", 0.45, "other strategic development"
        return None

    def _attack_or_clash(self, report: Report, cues: dict[str, list[CueMatch]]) -> tuple[str, float, str] | None:
        """Armed clash when the victims were armed (ACLED codes attacks on forces as battles), else Attack."""
        acting = " ".join(report.perpetrators)
        if acting and _CROWD.search(acting) and not find_targets(acting)["armed"] and not _ORGANISED_ARMED.search(report.text):
            return "Mob violence", 0.5, "violence by an unorganised crowd or private people"
        if _RETURN_FIRE.search(report.text) and find_targets(report.text)["armed"]:
            # "armed men approached and started shooting. The police shot back": both sides fired, a fight
            return "Armed clash", 0.6, "attack answered with fire"
        if _OFF_DUTY.search(report.text) and not _RETURN_FIRE.search(report.text):
            # ACLED counts security personnel off duty as civilians: "shot a police officer who was off-duty"
            return "Attack", 0.55, "violence against off-duty personnel"
        # The first victim phrase that names anyone decides: "attacked a police checkpoint, leaving ... civilians".
        for phrase in report.victims:
            found = _victim_targets(phrase)
            if (found["armed"] or phrase in report.armed_victims) and not found["civilian"]:
                return "Armed clash", 0.6, "attack on armed forces"
            if found["civilian"]:
                return "Attack", 0.65, "violence against civilians"
        if _VICTIM_OF.search(report.text) and not find_targets(" ".join(report.victims))["armed"]:
            return "Attack", 0.55, "the dead or hurt named a victim of an assault"
        # "..., police said": the source of the report is no party to it.
        found = find_targets(without_sources(report.text))
        perpetrators = find_targets(" ".join(report.perpetrators))
        armed_not_perp = [w for w in found["armed"] if w not in perpetrators["armed"]]
        if armed_not_perp and not found["civilian"]:
            return "Armed clash", 0.5, "violence involving armed forces"
        if "kill" in cues or "attack_verb" in cues or found["civilian"]:
            return "Attack", 0.55, "violence against civilians"
        if found["armed"]:
            return "Attack", 0.45, "violence by armed actors"
        if "harm" in cues and any(_DELIBERATE.search(c.text) for c in cues["harm"]):
            return "Attack", 0.4, "deliberate violence against a person"
        return None


def _victim_targets(phrase: str) -> dict:
    """The targets a victim phrase names, read past a leading possessor when what follows names someone (the
    "police officer's car" still names the officer)."""
    own = find_targets(_POSSESSOR.sub("", phrase, count=1))
    return own if own["armed"] or own["civilian"] else find_targets(phrase)


def _civilian_victims(report: Report) -> bool:
    """The first victim phrase naming anyone names civilians only ("shot and killed a civilian")."""
    for phrase in report.victims:
        found = _victim_targets(phrase)
        if found["armed"] or found["civilian"]:
            return bool(found["civilian"]) and not found["armed"]
    return False


def _first_side(phrases: list[str]) -> str | None:
    """"state" or "non-state" for the first actor phrase that names a side ("Taliban fighters"); of a phrase naming
    both, the side named first ("Syrian army and allied fighters" are the army's)."""
    for phrase in phrases:
        state, rebel = _STATE_WORDS.search(phrase), _NON_STATE.search(phrase)
        if state and rebel:
            return "state" if state.start() < rebel.start() else "non-state"
        if state or rebel:
            return "state" if state else "non-state"
    return None


def in_scope(text: str) -> bool:
    """False when the text is about an accident, disaster, epidemic or ordinary crime (no ACLED event)."""
    return out_of_scope(text) is None


def default_classifier() -> Classifier:
    """The rules, or the language model behind SITREP_LLM_URL when one is configured (llm_classifier.py)."""
    from sitrep.extract.llm_classifier import from_environment

    return from_environment(RuleClassifier())
