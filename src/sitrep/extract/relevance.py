"""The cheap first pass of the relevance cascade: does the headline or lead talk about conflict at all?

It looks at the title and the first `LEAD_CHARS` characters with compiled regular expressions (and,
when they find nothing, for several different strong words in the rest), so a feed of mostly non-conflict
news skips the full spaCy pass for most articles. It is tuned for recall: a false positive costs one
NLP pass, a false negative loses events. Stems are matched at word starts and closed where they
begin everyday words ("coup" not "couple", "stab" not "stable", lower-case "march" not the month).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.prefilter import ignorecase_fold
from sitrep.records import Article

LEAD_CHARS = 1500
SHORT_TEXT_CHARS = 600
# A long article whose lead has no conflict word still passes with this many different strong words further on
# (an interview or portrait that comes to the arrests and raids later); one or two in passing do not count.
BODY_STRONG_STEMS = 3

# Word stems of political violence, demonstrations and strategic developments (ACLED's scope).
# Strong stems are rarely used outside that scope; weak ones ("died", "police", "arrested") also fill
# epidemic, accident and crime news, so one alone is not enough: a lead needs one strong stem or
# weak stems from two different groups.
# A stem that begins everyday words is closed with its word endings: "coup" not "couple", "stab" not
# "stable", "explo" not "explore", "firefight" not "firefighter", "troops" not "state troopers",
# "attack" not "heart attack", "combat" but not "to combat the virus".
STRONG_STEMS = [
    r"(?<!heart )attack", r"assault", r"ambush", r"raid(?:s|ed|ing)?\b", r"clash", r"(?<!legal )battl(?:es?|ed|efields?)\b(?! (?:with|against) (?:cancer|the disease|illness))",
    r"combatants?", r"(?<!to )combat\b", r"offensive", r"firefights?\b",
    r"gunfire", r"bursts? of fire", r"machine ?guns?", r"small arms", r"gunm[ae]n", r"sniper", r"bomb",
    r"explo(?:de|ded|des|ding|sions?|sives?)\b", r"blasts?\b", r"ieds?\b", r"landmine", r"grenade",
    r"rocket", r"mortar", r"missile", r"shell(?:s|ed|ing)", r"artillery", r"drones?", r"air ?strikes?",
    r"warplane", r"suicide (?:bomb|attack|vest|car)", r"kidnap", r"abduct", r"hostage", r"massacr", r"assassin", r"behead",
    r"stab(?:s|bed|bing|bings)?\b", r"lynch", r"loot", r"torch(?:ed|es|ing)\b", r"arson", r"set (?:fire to|ablaze|alight)", r"rape[ds]?\b", r"raping",
    r"militan", r"insurg", r"rebel", r"jihad", r"terror",
    r"extremis", r"militia", r"guerr?ill", r"paramilitar", r"fighters", r"bandit", r"cartel", r"cjng\b", r"zetas\b", r"isis", r"isil",
    r"islamic state", r"daesh", r"qaeda", r"taliban", r"shabaab", r"boko haram", r"houthi", r"hezbollah",
    r"hamas", r"soldier", r"troops?\b", r"protest(?!ant)", r"demonstrat", r"rall(?:y|ies|ied)", r"riot", r"sit-in",
    r"picket", r"tear ?gas", r"motorcade", r"t(?:ook|ake|akes|aking) to (?:the )?streets?", r"stone[- ]pelt", r"barricad",
    r"ceasefire", r"truce", r"coups?\b", r"coup d", r"curfew", r"crackdown", r"retak", r"recaptur", r"took control",
    r"surrender", r"defect(?:ed|ing|ion|ions|ors?)\b", r"recruit", r"weapons? cache", r"ammunition", r"defus",
]
WEAK_GROUPS = {
    "death": [r"kill", r"dead", r"death", r"die[ds]?\b", r"fatalit", r"bod(?:y|ies)", r"murder", r"execut", r"shot", r"shoot", r"suicide"],
    "harm": [r"wound", r"injur", r"casualt", r"torture", r"beat(?:en|ing)?", r"burn", r"destroy", r"vandal"],
    "force": [r"army", r"military", r"forces", r"police", r"security", r"armed", r"guns?\b", r"gunshot", r"gunpoint", r"gang", r"fight"],
    "detention": [r"arrest", r"detain", r"detention", r"seiz", r"captur", r"disappear", r"captiv", r"prison", r"jail"],
    # The people whose arrest, harassment or killing ACLED and HRD monitors record as repression.
    "targets": [r"activists?\b", r"dissidents?\b", r"journalists?\b", r"human rights", r"rights defenders?\b",
                r"opposition", r"protesters", r"demonstrators", r"civilians?\b"],
    # The charges that make a detention political: "detained in Tehran jail on spy charges".
    "charges": [r"espionage", r"spy(?:ing)?\b", r"spies\b", r"treason", r"sedition", r"seditious", r"subversi", r"national security",
                r"blasphemy"],
    # "march" in lower case only: "March" is mostly the month.
    "crowd": [r"(?-i:march)", r"marche[ds]\b", r"marchers", r"marching", r"crowd", r"mobs?\b", r"dispers", r"gather", r"demand",
              r"block(?:ed|ing|ade)", r"denounc", r"strike"],
    "politics": [r"peace", r"agreement", r"accords?\b", r"territor", r"bases?\b", r"headquarters", r"wars?\b", r"warfare",
                 r"warring", r"conflict", r"violen", r"unrest", r"displac", r"refugee", r"weapon", r"governor", r"government",
                 r"bans?\b", r"banned", r"withdr[ae]w"],
}
# The stems are searched in the text as `ignorecase_fold` lower-cases it (same length, so the same offsets) by
# case-sensitive patterns: three times faster than IGNORECASE. A group with a case-sensitive stem ("march")
# is searched in the text itself.
_STRONG = re.compile(r"\b(?:" + "|".join(STRONG_STEMS) + r")")
_WEAK = {
    group: (re.compile(r"\b(?:" + "|".join(stems) + r")", re.IGNORECASE if cased else 0), cased)
    for group, stems in WEAK_GROUPS.items()
    for cased in [any("(?-i:" in stem for stem in stems)]
}


@dataclass
class RelevanceDecision:
    relevant: bool
    matched: list[str]


def lead_text(article: Article) -> str:
    return f"{article.title or ''}\n{article.text[:LEAD_CHARS]}"


def check_relevance(article: Article) -> RelevanceDecision:
    """Relevant when the headline or lead has a strong conflict word, or weak ones from two groups, or
    when the whole text has BODY_STRONG_STEMS different strong words (a feature whose lead is a portrait)."""
    lead = lead_text(article)
    folded_lead = ignorecase_fold(lead)
    strong = _STRONG.search(folded_lead)
    if strong:
        return RelevanceDecision(True, [strong.group(0)])
    weak = [m.group(0).lower() for m in (pattern.search(lead if cased else folded_lead) for pattern, cased in _WEAK.values()) if m]
    # A short text (a wire brief, a snippet) carries fewer words for the same event: one weak group will do.
    needed = 1 if len(lead) < SHORT_TEXT_CHARS else 2
    if len(weak) >= needed:
        return RelevanceDecision(True, weak)
    if len(article.text) > LEAD_CHARS:
        # One pass of the same expression over the body: cheap beside the NLP pass it may save.
        body = sorted({m.group(0) for m in _STRONG.finditer(ignorecase_fold(article.text), LEAD_CHARS)})
        if len(body) >= BODY_STRONG_STEMS:
            return RelevanceDecision(True, body)
    return RelevanceDecision(False, weak)


def passes_cascade(article: Article, *, claims: bool = False) -> bool:
    """Does the article go on to the NLP pass? Its lead is about conflict (`check_relevance`) and, unless quotes
    and claims are wanted (they may stand in any text about conflict), some sentence could give an event."""
    return check_relevance(article).relevant and (claims or could_report_event(article))


def could_report_event(article: Article) -> bool:
    """Could the events stage find an event here? It looks for core cues (of the trigger lexicon) sentence
    by sentence, outside quotations, and drops the sentences about disasters, accidents, ordinary crime and
    sport (`dropped_as_out_of_scope`) and those whose every core cue follows a modal (`triggers.follows_modal`);
    a text where every cue sentence goes that way gives no event, so skipping its NLP pass loses none (quotes
    and claims aside, which is why callers who want them do not ask).

    The sentences here are cut at sentence-final punctuation and line breaks, before any parse. spaCy's
    sentence may be this one joined to its neighbours, so a cue sentence counts as dropped only when the
    rule drops it together with both neighbours as well: in a crime story, when none of them holds a cue
    that is always political (a riot, a protest, a mob); in a disaster story, when all their core cues are
    casualty cues; otherwise, when it holds an out-of-scope word itself and they are out of scope too."""
    from sitrep.extract.sentences import inside, quoted_ranges
    from sitrep.extract.triggers import (
        CORE_CUES, dropped_as_out_of_scope, dropped_by_story, follows_modal, inside_proper_name, out_of_scope, story_scope,
        text_cues,
    )

    text = article.text
    sentence_cues = text_cues(text)
    pieces = sentence_cues.pieces
    # A core cue anywhere, a capitalised one read with the whole text around it ("Cancer Research UK and
    # Shooting Stars Children Hospice. For more call": a name): most texts stop here.
    if not any(c.cue in CORE_CUES and not inside_proper_name(text, c.start, c.end)
               for i in range(len(pieces)) for c in sentence_cues.of_piece(i)):
        return False
    quoted = quoted_ranges(text)
    disaster, crime = story_scope(text)

    def cues(i: int) -> list:
        return [c for c in sentence_cues.of_piece(i) if not inside(c.start, quoted)]

    for i in range(len(pieces)):
        start, end = pieces[i]
        if not any(c.cue in CORE_CUES for c in cues(i)):
            continue
        low, high = max(0, i - 1), min(len(pieces), i + 2)
        around = [c for j in range(low, high) for c in cues(j)]
        if dropped_by_story(around, disaster, crime):
            continue
        window = text[pieces[low][0] : pieces[high - 1][1]]
        if out_of_scope(text[start:end]) is not None and dropped_as_out_of_scope(window, around, False):
            continue
        if all(follows_modal(text, c.start) for c in cues(i) if c.cue in CORE_CUES):
            continue  # "the two teams will clash again", "could be killed": the events stage finds no event there
        return True
    return False
