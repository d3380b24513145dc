"""Is a cue a real event? Negation, hypotheticals, threats, plans, calls, denials, condemnations and habits.

Each check looks at the cue's token and the chain of heads above it in the dependency parse, so
"did not attack", "threatened to attack", "calls for protests" and "condemned the attack" are
caught without touching a neighbouring clause that does report an event.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from sitrep.extract.casualty_patterns import TOLL_SINCE
from sitrep.extract.triggers import MODALS, CueMatch, generic_marker
from sitrep.nlp.doctext import doc_text

# Verbs and nouns that put whatever they govern outside reality: a plan, threat, call or fear is not an event.
IRREALIS_LEMMAS = frozenset({
    "threaten", "threat", "plan", "vow", "warn", "warning", "call", "urge", "intend", "prepare", "aim",
    "pledge", "promise", "fear", "seek", "want", "propose", "consider", "expect", "hope", "risk",
    "possibility", "prospect", "danger", "rumor", "rumour", "announce_plan", "appeal", "ask", "demand_for",
    "plot", "scheme", "conspire", "allow", "prevent", "avoid", "refuse", "ban", "prohibit", "forbid", "postpone", "cancel",
    "protect", "shield",  # "walls used to protect soldiers from bullets and grenades": no attack told
})  # fmt: skip
DENIAL_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute"})
REFERENCE_LEMMAS = frozenset({
    "condemn", "denounce", "blame", "accuse", "investigate", "probe", "mourn", "commemorate", "mark",
    "responsibility", "responsible", "sanction", "expel", "deplore", "decry", "lament", "condemnation",
    "denunciation", "outrage",
})  # fmt: skip
# Predicates that judge an event told elsewhere: "the murder of Mr. X was an example of ...", "the attack was barbaric".
EVALUATIVE_ADJECTIVES = frozenset({
    "unacceptable", "outrageous", "horrific", "horrible", "barbaric", "senseless", "tragic", "shocking", "cowardly",
    "heinous", "appalling", "abhorrent", "despicable", "unjustifiable", "inexcusable", "reprehensible", "terrible",
})  # fmt: skip
# A court ruling on an act ("sentenced for the 2019 bombing", "found guilty of kidnapping", "the trial over
# the attack"): the act is an earlier event, told as the reason for a legal step that ACLED does not code.
# Charges are not among them: "charged with assault" often is the first report of a recent act.
# Only through these prepositions: "tried to attack" is an attempt, not a trial.
JUDICIAL_LEMMAS = frozenset({
    "sentence", "convict", "acquit", "try", "jail", "imprison", "guilty", "innocent", "trial", "retrial",
    "verdict", "conviction", "appeal", "fine",
})  # fmt: skip
JUDICIAL_PREPOSITIONS = frozenset({"for", "of", "with", "over"})
DEPICTION_LEMMAS = frozenset({"footage", "video", "film", "image", "photo", "picture", "clip"})
HABITUAL = "habitual present"
# Verbs whose past is spelled like their present: the tag cannot tell "rioters set fire" (past) from a habit.
SAME_PAST_FORMS = frozenset({
    "set", "put", "hit", "cut", "beat", "shut", "burst", "spread", "cast", "hurt", "let", "quit", "shed", "split",
    "thrust", "upset", "broadcast", "bet", "bid", "read", "shot", "lit", "fled", "fought", "struck", "held", "led",
})  # fmt: skip
CONTEXT_ADJECTIVES = frozenset({
    "ongoing", "previous", "earlier", "past", "continuing", "prior", "former", "possible", "potential", "imminent",
    "planned", "feared", "future", "alleged", "recent", "upcoming", "forthcoming",
})  # fmt: skip
# A time still to come right after (or, possessive, before) a noun cue: "during opposition protests next month",
# "ahead of tomorrow's rally". The date rules resolve into the past only, so nothing else would say so.
_COMING_AFTER = re.compile(
    r"(?:next|this coming) (?:week(?:end)?|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|tomorrow\b|in the (?:coming|next) (?:days|weeks|months)\b", re.IGNORECASE)
_COMING_BEFORE = re.compile(
    r"(?:next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow) ?['’]s?$", re.IGNORECASE)
CONTEXT_PREPOSITIONS = frozenset({"after", "following", "despite", "amid", "amidst", "ending", "since", "before"})
REPORTING_LEMMAS = frozenset({"say", "report", "tell", "state", "claim", "add", "confirm", "announce", "according"})
_CONDITIONAL = re.compile(r"\b(?:if|unless|in case|whether)\b", re.IGNORECASE)
# The perfect of a verb of death tells a toll kept over time ("has killed 13,000 people since 2014", `_toll`); the
# perfect of any other keeps its event ("has been detained since January": one detention, ongoing).
_PERFECT_AUX = frozenset({"has", "have", "'s", "'ve", "’s", "’ve"})
_DEATH_LEMMAS = frozenset({"kill", "die", "murder", "slay", "massacre", "execute", "claim"})
# A fatality word that denies the harm, not the event: "no one was killed" keeps the explosion.
_NO_CASUALTY = re.compile(r"\b(?:no one|nobody|no casualties|no injuries|no deaths|no fatalities|none)\b", re.IGNORECASE)


def cue_token(sentence: Span, cue: CueMatch) -> Token | None:
    """The syntactic head of the cue's words: the token of the cue whose head lies outside it."""
    tokens = [t for t in sentence if t.idx < cue.end and t.idx + len(t.text) > cue.start]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    # A cue the parse splits ("..., members of the CJNG delivered food" read as an apposition) is headed
    # by its verb: the noun before it is the verb's subject.
    verbs = [t for t in heads if t.pos_ == "VERB" and t.dep_ == "ROOT"]
    return (verbs or heads or tokens)[0]


def _chain(token: Token) -> list[Token]:
    """The token and its heads up to the sentence root."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _governing_verb(token: Token) -> Token | None:
    for node in _chain(token):
        if node.pos_ in ("VERB", "AUX") and node.tag_ in ("VBD", "VBP", "VBZ", "MD", "VB", "VBN", "VBG"):
            if node.tag_ in ("VBD", "VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") for c in node.children):
                return node
    return None


_SPANS_OF_TIME = frozenset({"hour", "day", "week", "month", "year", "decade"})
_CONTEXT_NOUNS = frozenset({"scene", "anniversary", "site", "memory", "aftermath", "wake", "history"})


# What ends an agreement: "announced the end of the ceasefire", "the truce collapsed", "violated the accord".
_ENDING_NOUNS = frozenset({"end", "collapse", "breakdown", "violation", "breach", "suspension"})
_ENDING_VERBS = frozenset({"end", "break", "violate", "breach", "abandon", "suspend", "collapse"})


def _agreement_ended(token: Token) -> bool:
    """Is the agreement noun ended or broken rather than made ("the end of the unilateral ceasefire")?"""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _ENDING_NOUNS:
        return True
    return token.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in _ENDING_VERBS


def _context_phrase(token: Token) -> bool:
    """Is the cue noun inside a phrase that sets the scene for another event: "after (two weeks of)
    fighting", "despite the air strikes", "the scene of (some of the) fiercest fighting"?"""
    node = token
    for _ in range(6):
        if node.head.i == node.i or node.dep_ not in ("pobj", "prep", "nsubj", "dobj", "pcomp") and node is not token:
            return False
        head = node.head
        if node.dep_ in ("pobj", "dobj") and head.lower_ in CONTEXT_PREPOSITIONS and node.lemma_.lower() in _SPANS_OF_TIME:
            # a span of time is background whatever the tagger calls "following" or "ending": "a peace deal
            # ending eight weeks of fighting" (a bare "following clashes" may be the only event told)
            return True
        if head.pos_ in ("VERB", "AUX") and node.dep_ != "pcomp":
            return False
        if node.dep_ == "pobj" and head.lower_ in CONTEXT_PREPOSITIONS:
            return True
        if head.pos_ == "NOUN" and head.lemma_.lower() in _CONTEXT_NOUNS:
            return True
        node = head
    return False


def _judicial(token: Token) -> bool:
    """Is the cue what a court or prosecutor acts on: "convicted two men of the kidnapping", "the trial over
    the attack", "sentenced for the bombing of a market that killed 12"?"""
    node = token
    for _ in range(8):
        head = node.head
        if head.i == node.i or node.dep_ not in ("pobj", "pcomp", "prep", "conj", "compound", "relcl", "acl", "appos"):
            return False
        if node.dep_ in ("pobj", "pcomp") and head.lower_ in JUDICIAL_PREPOSITIONS:  # "convicted ... for killing two men"
            governor = head.head
            if governor.lemma_.lower() in JUDICIAL_LEMMAS:
                return True
            if governor.dep_ == "dobj" and governor.head.lemma_.lower() in JUDICIAL_LEMMAS:
                return True  # the prepositional phrase hangs on the accused: "convicted two men of ..."
            if any(c.dep_ == "dobj" and c.lemma_.lower() in JUDICIAL_LEMMAS for c in governor.children):
                return True  # or on the verb of a legal noun: "opened the trial over the attack"
        node = head
    return False


def _judged(token: Token) -> bool:
    """Is the cue a definite noun that is the subject of a judgement ("the killing was a crime / was barbaric")?"""
    if token.pos_ != "NOUN" or token.dep_ != "nsubj" or token.head.lemma_ != "be":
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "his", "her", "their", "its") for c in token.children):
        return False
    for child in token.head.children:
        if child.dep_ == "attr" and child.pos_ == "NOUN":
            return True
        if child.dep_ == "acomp" and child.lower_ in EVALUATIVE_ADJECTIVES:
            return True
    return False


_HARM_CUES = frozenset({"kill", "harm"})
# Cues whose victims may be animals: a harm only to animals is no event (a raid that kills livestock is one by its raid).
_ANIMAL_HARM_CUES = frozenset({"kill", "harm", "ied"})
ANIMALS = frozenset({
    "animal", "bird", "sheep", "goat", "cow", "cattle", "calf", "bull", "ox", "oxen", "camel", "livestock", "dog",
    "cat", "pet", "horse", "donkey", "mule", "pig", "chicken", "poultry", "duck", "goose", "toad", "frog", "fish",
    "deer", "elephant", "rhino", "rhinoceros", "lion", "tiger", "bear", "wolf", "monkey", "whale", "dolphin",
    "shark", "turtle", "owl", "bat", "rat", "mice", "mouse", "wildlife", "puppy", "kitten", "swan", "pigeon",
})  # fmt: skip
_NOBODY = frozenset({"nobody", "none", "noone"})


def _denied_subject(token: Token) -> bool:
    """Is the harm verb's subject (or that of the verb reporting it) "no people", "no one", "nobody"? Or, for the
    verb itself, its object ("set fire to the offices but injured no one")?"""
    if token.pos_ == "VERB" and any(c.dep_ == "dobj" and _nobody(c) for c in token.children):
        return True
    verbs = [token]
    while verbs[-1].dep_ in ("conj", "oprd", "xcomp", "ccomp") and verbs[-1].head.i != verbs[-1].i and len(verbs) < 4:
        verbs.append(verbs[-1].head)  # "injured or killed": the subject is the first conjunct's
    for verb in verbs:
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if _nobody(child):
                return True
    return False


def _patients(verb: Token) -> list[Token]:
    """Who or what the verb acts on: its objects and passive subjects, or the subject of an intransitive
    verb ("toads exploded"); a verb joined to another ("expanded and then exploded") shares its subject."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not found:
        found = [c for c in verb.children if c.dep_ == "nsubj"]
    if not found and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _patients(verb.head)
    return found


def _harms_animals_only(token: Token) -> bool:
    """Is every being the cue verb kills, harms or blows up an animal ("killing animals", "pets are being shot")?"""
    if token.pos_ != "VERB":
        return False
    patients = _patients(token)
    nouns = [n for p in patients for n in (p, *p.conjuncts)]
    return bool(nouns) and all(n.lemma_.lower() in ANIMALS or n.lower_ in ANIMALS for n in nouns)


def _told_as_coming(noun: Token) -> bool:
    """Is the noun cue dated by a time still to come, next to it ("protests next month", "tomorrow's rally")?"""
    doc = noun.doc
    after = doc[noun.i + 1 : noun.i + 5].text
    before = doc[max(noun.left_edge.i, noun.i - 4) : noun.i].text
    return bool(_COMING_AFTER.match(after) or _COMING_BEFORE.search(before))


def _nobody(noun: Token) -> bool:
    """"nobody", "none", "no one", "no people"."""
    return (noun.lower_ in _NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
            or (noun.lower_ == "one" and noun.i > 0 and noun.doc[noun.i - 1].lower_ == "no"))


def unreal_reason(sentence: Span, cue: CueMatch) -> str | None:
    """Why this cue reports no real event ("negated", "threat/plan", "denied", "reference", "conditional"), or None."""
    token = cue_token(sentence, cue)
    if token is None:
        return None
    chain = _chain(token)
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in CONTEXT_ADJECTIVES for c in token.children):
        return "reference"  # "the ongoing clashes", "earlier battles", "a possible attack": context for another event
    if cue.cue in _ANIMAL_HARM_CUES and _harms_animals_only(token):
        return "other sense"  # "officers are killing stray dogs", "1,000 toads have expanded and then exploded"
    if token.pos_ in ("NOUN", "PROPN") and _told_as_coming(token):
        return "threat/plan"  # "violence during opposition protests next month": not held yet
    if token.head.lower_ == "without":
        return "negated"  # "entered without fighting"
    if cue.cue == "agreement" and token.pos_ == "NOUN" and _agreement_ended(token):
        return "negated"  # "announced the end of the ceasefire": no agreement made
    if cue.cue in _HARM_CUES and _denied_subject(token):
        return "negated"  # "no people were reported injured or killed": a harm that did not happen
    if _judged(token):
        return "reference"  # "said the murder of Mr. X was an example of racism": commentary on a known event
    if token.pos_ in ("NOUN", "VERB") and _judicial(token):
        return "reference"  # "sentenced three men for the 2019 bombing": the court case, not a new attack
    if token.pos_ in ("NOUN", "VERB") and _context_phrase(token):
        return "reference"  # "a ceasefire after two weeks of fighting", "the scene of a 2017 chemical attack"
    if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "det" and c.lower_ == "no" for c in token.head.children):
        return "negated"  # "No arrests or clashes were reported": the determiner covers both nouns
    for depth, node in enumerate(chain):
        lemma = node.lemma_.lower()
        if depth > 0 and lemma in DENIAL_LEMMAS:
            return "denied"
        if depth > 0 and lemma in IRREALIS_LEMMAS:
            return "threat/plan"
        if depth > 0 and lemma in REFERENCE_LEMMAS:
            return "reference"
        # Stop at the first reporting verb: "officials said ... attacked" is a report, not a plan.
        if depth > 0 and lemma in REPORTING_LEMMAS:
            break
        # An adverbial clause is told as fact whatever governs it: "vowed an inquiry after seven were murdered".
        if node.dep_ == "advcl" and node.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in ("after", "since", "as", "when", "because") for c in node.children):
            for child in node.children:
                if child.dep_ == "neg":
                    return "negated"
            return None
        for child in node.children:
            if child.dep_ == "neg" and (node.pos_ in ("VERB", "AUX") or node.i == token.i):
                if not _NO_CASUALTY.search(sentence.text):
                    return "negated"
            if child.dep_ == "det" and child.lower_ in ("no", "any") and node.i == token.i:
                return "negated"
            if child.dep_ in ("aux",) and child.lower_ in MODALS and node.pos_ in ("VERB", "AUX"):
                return "conditional"
            if child.dep_ == "mark" and _CONDITIONAL.fullmatch(child.text):
                return "conditional"
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "acl", "relcl", "advcl", "pcomp", "amod") and depth > 0:
            # A finite clause above the cue decides; its own irrealis was checked on this pass.
            if node.tag_ in ("VBD", "VBP", "VBZ"):
                break
        if depth == 0 and node.tag_ == "VBD" and node.dep_ == "ccomp" and node.i < node.head.i:
            break  # a past clause told before the verb it hangs on is told as fact: "students protested, ..., the students
            # also called for financial help" (the model's reading of a comma splice), like "X happened, police said"
    return None


def _looks_present(verb: Token) -> bool:
    """The small model tags some irregular pasts ("retook") as present: trust the tag only when the form fits."""
    form, lemma = verb.lower_, verb.lemma_.lower()
    if form in SAME_PAST_FORMS:
        return False
    if lemma == "be":
        return form in ("is", "are", "am", "'re", "'s")
    return form in (lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies")


def _governs(sentence: Span, marker: str, token: Token) -> bool:
    """Does the frequency word bear on the cue? Not when it sits in a relative or adverbial clause that
    leaves the cue out ("a grenade exploded ..., extortion of the kind that has occurred repeatedly")."""
    at = sentence.text.lower().find(marker.lower())
    words = [t for t in sentence if t.idx - sentence.start_char >= at]
    if not words:
        return True
    node = words[0]
    for _ in range(40):
        if node.dep_ in ("relcl", "acl", "advcl") and not (node.left_edge.i <= token.i <= node.right_edge.i):
            return False
        if node.head.i == node.i:
            break
        node = node.head
    return True


def generic_reason(sentence: Span, cue: CueMatch) -> str | None:
    """Why the cue describes a habit or pattern rather than one countable event, or None."""
    token = cue_token(sentence, cue)
    marker = generic_marker(sentence.text)
    if marker and (token is None or _governs(sentence, marker, token)):
        return f"frequency: {marker}"
    if token is None:
        return None
    chain = _chain(token)
    if token.pos_ == "NOUN":  # "videos showing the assassination of notables": pictures of a pattern
        for node in chain[1:]:
            if node.lemma_.lower() in DEPICTION_LEMMAS:
                return "depicted in media"
            if node.lemma_.lower() in REPORTING_LEMMAS:
                break
    verb = _governing_verb(token)
    toll_verb = token if token.pos_ in ("VERB", "AUX") else verb  # a cue verb is read itself, a noun by its verb
    if toll_verb is not None and _toll(toll_verb):
        return "toll over time"
    if verb is not None and verb.tag_ in ("VBP", "VBZ") and _looks_present(verb) and verb.lemma_.lower() not in REPORTING_LEMMAS:
        # Simple present with no perfect auxiliary: "militants carry out attacks", "scars of battles are visible".
        if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children):
            if verb.lemma_.lower() not in ("continue", "remain") or token.i != verb.i:
                return HABITUAL
    return None


def _toll(verb: Token) -> bool:
    """Is the verb a perfect of death with a "since" of a long stretch in its clause (`casualty_patterns.TOLL_SINCE`)?"""
    if verb.lemma_.lower() not in _DEATH_LEMMAS or not any(c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in verb.children):
        return False
    text = doc_text(verb.doc)
    return any(t.lower_ == "since" and TOLL_SINCE.match(text, t.idx) for t in verb.subtree)
