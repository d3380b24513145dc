"""The cheap first pass of the relevance cascade: does the headline or lead talk about conflict at all?

It looks only at the title and the first `LEAD_CHARS` characters with one compiled regular
expression, so a feed of mostly non-conflict news skips the full spaCy pass for most articles.
It is tuned for recall: a false positive costs one NLP pass, a false negative loses events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.records import Article

LEAD_CHARS = 1500
SHORT_TEXT_CHARS = 600

# Word stems of political violence, demonstrations and strategic developments (ACLED's scope).
# Strong stems are rarely used outside that scope; weak ones ("died", "police", "arrested") also fill
# epidemic, accident and crime news, so one alone is not enough: a lead needs one strong stem or
# weak stems from two different groups.
STRONG_STEMS = [
    r"attack", r"assault", r"ambush", r"raid", r"clash", r"battl", r"combat", r"offensive", r"firefight",
    r"gunfire", r"bursts? of fire", r"machine ?guns?", r"small arms", r"gunm[ae]n", r"sniper", r"bomb", r"explo", r"blast", r"ied", r"landmine", r"grenade",
    r"rocket", r"mortar", r"missile", r"shell(?:s|ed|ing)", r"artillery", r"drones?", r"air ?strikes?",
    r"warplane", r"suicide", r"kidnap", r"abduct", r"hostage", r"massacr", r"assassin", r"behead", r"stab",
    r"lynch", r"loot", r"torch", r"arson", r"rape", r"militan", r"insurg", r"rebel", r"jihad", r"terror",
    r"extremis", r"militia", r"guerr?ill", r"paramilitar", r"fighters", r"bandit", r"cartel", r"isis", r"isil",
    r"islamic state", r"daesh", r"qaeda", r"taliban", r"shabaab", r"boko haram", r"houthi", r"hezbollah",
    r"hamas", r"soldier", r"troop", r"protest", r"demonstrat", r"rall(?:y|ies|ied)", r"riot", r"sit-in",
    r"picket", r"tear ?gas", r"motorcade", r"t(?:ook|ake|akes|aking) to (?:the )?streets?", r"stone[- ]pelt", r"barricad",
    r"ceasefire", r"truce", r"coup", r"curfew", r"crackdown", r"retak", r"recaptur", r"took control",
    r"withdr[ae]w", r"surrender", r"defect", r"recruit", r"weapons? cache", r"ammunition", r"defus",
]
WEAK_GROUPS = {
    "death": [r"kill", r"dead", r"death", r"die[ds]?", r"fatalit", r"bod(?:y|ies)", r"murder", r"execut", r"shot", r"shoot"],
    "harm": [r"wound", r"injur", r"casualt", r"torture", r"beat(?:en|ing)?", r"burn", r"destroy", r"vandal"],
    "force": [r"army", r"military", r"forces", r"police", r"security", r"armed", r"gun", r"gang", r"fight"],
    "detention": [r"arrest", r"detain", r"seiz", r"captur", r"disappear", r"captiv", r"prison"],
    "crowd": [r"march", r"crowd", r"mob", r"dispers", r"gather", r"demand", r"block(?:ed|ing|ade)", r"denounc", r"strike"],
    "politics": [r"peace", r"agreement", r"accords?\b", r"territor", r"base", r"headquarters", r"war", r"conflict",
                 r"violen", r"unrest", r"displac", r"refugee", r"weapon", r"governor", r"government", r"ban"],
}
_STRONG = re.compile(r"\b(?:" + "|".join(STRONG_STEMS) + r")", re.IGNORECASE)
_WEAK = {group: re.compile(r"\b(?:" + "|".join(stems) + r")", re.IGNORECASE) for group, stems in WEAK_GROUPS.items()}


@dataclass
class RelevanceDecision:
    relevant: bool
    matched: list[str]


def lead_text(article: Article) -> str:
    return f"{article.title or ''}\n{article.text[:LEAD_CHARS]}"


def check_relevance(article: Article) -> RelevanceDecision:
    """Relevant when the headline or lead has a strong conflict word, or weak ones from two groups."""
    lead = lead_text(article)
    strong = _STRONG.search(lead)
    if strong:
        return RelevanceDecision(True, [strong.group(0).lower()])
    weak = [m.group(0).lower() for m in (pattern.search(lead) for pattern in _WEAK.values()) if m]
    # A short text (a wire brief, a snippet) carries fewer words for the same event: one weak group will do.
    needed = 1 if len(lead) < SHORT_TEXT_CHARS else 2
    return RelevanceDecision(len(weak) >= needed, weak)
