"""The vocabulary of death reports: regular expressions and word lists behind `sitrep.extract.casualties`.

Counts are digits, number words, vague quantities ("dozens") and, after a death verb, definite
singulars ("the driver"); the rules name where a count sits relative to the verb (subject, object,
"death toll of", "bodies of", "N fatalities"). Case-insensitive except where a pattern says otherwise.
"""

from __future__ import annotations

import re

from sitrep.extract.numbers import NUMBER_PATTERN

# ACLED: "tens" 10, "dozens" 12, "hundreds" 100 ("and so on"); "several", "many" or plural fatalities
# with no other information: 10. Keys are lower case; "tens of thousands" etc. scale the same way.
VAGUE_COUNTS: dict[str, int] = {
    "several": 10, "many": 10, "multiple": 10, "numerous": 10, "a few": 10, "few": 10,
    "a number of": 10, "an unknown number of": 10, "unknown number of": 10, "an unspecified number of": 10,
    "unspecified number of": 10, "an undetermined number of": 10, "undisclosed number of": 10,
    "an undisclosed number of": 10, "tens": 10, "tens of": 10, "dozens": 12, "dozens of": 12, "scores": 20,
    "scores of": 20, "hundreds": 100, "hundreds of": 100, "thousands": 1000, "thousands of": 1000,
    "tens of thousands of": 10_000, "hundreds of thousands of": 100_000,
}  # fmt: skip
# Heads that are not people, or not a count of people ("killed 15 livestock", "beheading a group").
NOT_PEOPLE = {
    "group", "number", "crowd", "team", "convoy", "unit", "lot", "series", "livestock", "cattle", "cow", "cows",
    "goat", "goats", "sheep", "camel", "camels", "animal", "animals", "donkey", "donkeys", "lamb", "lambs", "dog",
    "dogs", "chicken", "chickens", "horse", "horses", "head",
    "quarter", "half", "third", "fraction", "share", "majority",  # "killed a quarter of a million people"
}  # fmt: skip
# Who died, by side: figures for different sides add up, figures for the same side are one account.
_SIDES = {
    "security": "soldier troop policeman policemen police officer personnel guard gendarme serviceman servicemen "
                "ranger trooper army marine sergeant captain colonel lieutenant commando",
    "militant": "militant fighter insurgent rebel jihadist gunman gunmen attacker assailant terrorist extremist "
                "separatist militiaman militiamen militia bandit element combatant member",
    "civilian": "civilian villager resident man men woman women child children farmer herder student trader worker "
                "passenger driver boy girl worshipper tribesman tribesmen leader protester demonstrator teacher "
                "journalist family relative pupil miner fisherman fishermen shepherd",
}
VICTIM_SIDES = {noun: side for side, nouns in _SIDES.items() for noun in nouns.split()}
# Victim nouns that stand for everyone (totals, not a subgroup).
GENERIC_VICTIMS = {
    "people", "persons", "person", "individuals", "dead", "deaths", "lives", "others", "victims", "victim",
    "fatalities", "bodies", "corpses", "total", "toll", None,
}  # fmt: skip

_VAGUE = (
    r"(?:tens|hundreds)\s+of\s+thousands\s+of|(?:an?\s+)?(?:unknown|unspecified|undetermined|undisclosed)\s+number\s+of"
    r"|a\s+number\s+of|(?:tens|dozens|scores|hundreds|thousands)(?:\s+of)?|several|many|multiple|numerous|a\s+few"
)
_QUALIFIER = (
    r"(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as|approximately|roughly"
    r"|an\s+estimated|estimated|a\s+total\s+of|a\s+further|another|only|just|close\s+to|fewer\s+than|less\s+than)"
)
_NOT_A_COUNT_AFTER = (
    r"(?!\s*(?:%|per\s*cent|percent|km|kilomet|miles|metres|meters|years|hours|days|weeks|months|times|am\b|pm\b|a\.m|p\.m"
    r"|(?:morning|day|night|evening|afternoon|week|month|year|time|o'clock)\b))"
)


def _count_group(name: str, definite: bool = False) -> str:
    """A count: qualifier? then digits/words (or a range) or a vague quantity, in named groups.

    `definite` also reads "the driver", "his wife", "him" as one person (the caller checks the noun is
    singular). "one", "a", "an" before a time word ("one morning") are not counts.
    """
    number = (
        rf"(?:(?:the|his|her|their|its)\s+)?(?:between\s+)?(?P<{name}>{NUMBER_PATTERN})"
        rf"(?:\s*(?:-|–|to|and|or)\s*(?P<{name}hi>{NUMBER_PATTERN}))?{_NOT_A_COUNT_AFTER}"
    )
    singular = rf"|(?P<{name}d>the|his|her|their|its)(?=\s)|(?P<{name}p>him|her)\b" if definite else ""
    article = rf"(?P<{name}a>an?|one|single|another)(?!\s+(?:morning|day|night|evening|afternoon|week|month|year|time)\b)"
    return rf"\b(?P<{name}q>{_QUALIFIER}\s+)?(?:(?P<{name}v>{_VAGUE})|{number}|{article}{singular})(?!\w)"


def _item(count_name: str, victim_name: str, gap: str | None = None) -> str:
    """A count and the words naming who died ("two Syrian army soldiers", "the driver")."""
    return _count_group(count_name, definite=True) + rf"(?P<{victim_name}>{gap or _GAP})"


# Words allowed between a count and the death verb ("two Syrian army soldiers were killed"): not a
# number, not a conjunction, not an injury word, not a verb of another clause.
_BASE_STOPS = (
    r"or|but|while|with|as|after|when|who|which|that|to|including|not|never|would|could|should|may|might|will"
    r"|cannot|must|said|says|say|told|claimed|added|reported|injur\w*|wound\w*|hurt|missing|arrested"
    r"|abducted|kidnapped|captured|rescued|(?-i:were|was|are|is|had|have|has|been)|kil+e?d|dead|died|fatalit\w*"
)
# "and" joins two counted groups ("two soldiers and a civilian") or ends the phrase before a verb, but may
# sit inside one name ("JTF and Kamuku militiamen"): it stops a noun phrase only before a count or a stop.
_AND_STOP = (
    r"and(?=\s+(?:\d|an?\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|several\b"
    rf"|dozens\b|many\b|the\b|his\b|her\b|their\b|another\b|at\s+least\b|more\s+than\b|(?:{_BASE_STOPS})\b))"
)
_STOP_WORDS = rf"{_AND_STOP}|{_BASE_STOPS}"
_STOP = rf"(?:{_STOP_WORDS})"
# A word of a noun phrase: no full stop (sentences end there) but initialisms ("U.S.") and asides ("(CPI-Maoist)").
_WORD = r"(?:(?:[A-Za-z]\.){2,}|[\w'’/-]+|\([^()]{1,80}\))"
# "48-year-old" may describe the dead; "48" or "three" starts another count.
_NOT_NUMBER = (
    rf"(?![\d,.]+\b(?!-))(?!(?:{NUMBER_PATTERN})\b(?!-))"
    r"(?!(?:several|many|dozens|hundreds|scores|tens|numerous|multiple|thousands)\b)"
)
_GAP = rf"(?:\s+(?!{_STOP}\b){_NOT_NUMBER}{_WORD}){{0,9}}?"
# After the count in an object ("killing 6 civilians in the market"): the victim noun, not the place.
_OBJECT_STOPS = r"and|in|at|on|near|from|during|by|to|for|of|inside|outside|including|among"
_OBJECT_GAP = rf"(?:\s+(?!(?:{_STOP_WORDS}|{_OBJECT_STOPS})\b){_NOT_NUMBER}{_WORD}){{0,4}}"
_AUX = (
    r"(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|being|been|got|reportedly|allegedly|also|all|later"
    r"|subsequently|confirmed|reported|found|said\s+to\s+have\s+been|believed\s+(?:to\s+have\s+been|killed))\s+)*"
)
# "was shot in the head and died", "was detained and later found killed": a first verb, then death.
_THEN = r"(?:(?-i:[a-z]+(?:ed|en|ot|ut))\s+(?:[\w'’-]+\s+){0,3}?and\s+(?:later\s+|then\s+|subsequently\s+)?)?"
_DEATH_PASSIVE = _THEN + (
    r"(?:kil+e?d|found\s+(?:killed|murdered|slain)|shot\s+dead|shot\s+and\s+killed"
    r"|(?:shot|stabbed|wounded|injured|hit)\s+and\s+(?:later\s+)?died|pronounced\s+dead"
    # "was stoned and stabbed to death", "were found beaten to death" (after an auxiliary or "found" only:
    # "tortured a villager to death" is active)
    r"|(?<=was\s|ere\s|een\s|got\s|ing\s|und\s)(?:\w+\s+(?:and|or)\s+)?(?!sentenced|condemned)\w+\s+to\s+death"
    r"|fatally\s+(?:\w+\s+and\s+)?\w+|slain|slaughtered|massacred|executed|beheaded|lynched|murdered|assassinated"
    r"|dead|died|found\s+dead|lost\s+their\s+lives?|lost\s+his\s+life|lost\s+her\s+life|perished|confirmed\s+dead)"
)
_DEATH_ACTIVE = (
    r"(?:kil+(?:e?d|ing)|kills|shot\s+dead|shooting\s+dead|fatally\s+(?:shot|shooting|stabb(?:ed|ing)|wound(?:ed|ing))"
    r"|shot\s+and\s+killed|massacr(?:ed|ing)|execut(?:ed|ing)"
    r"|behead(?:ed|ing)|murder(?:ed|ing)|slaughter(?:ed|ing)|assassinat(?:ed|ing)|claim(?:ed|ing)\s+the\s+lives?\s+of)"
)
_NOT_INJURY_AFTER = r"(?!\s+(?:or|and|and/or)\s+(?:injur|wound|hurt|maim))"

FATALITY_RULES: list[tuple[str, str]] = [
    # "two people were killed", "12 soldiers and 3 civilians were killed", "3 dead"
    ("subject", rf"(?<!\bno\s)(?<!\bnot\s)(?P<items>{_item('s0', 'v0')}"
                rf"(?:(?:,\s*|,?\s+and\s+|\s+as\s+well\s+as\s+){_item('s1', 'v1')})?"
                rf"(?:(?:,\s*|,?\s+and\s+){_item('s2', 'v2')})?)"
                rf"(?:\s*,?\s*including\b[^.;]{{0,80}}?)?"  # "five personnel including one policeman": a subset
                rf"\s+{_AUX}{_DEATH_PASSIVE}\b{_NOT_INJURY_AFTER}"),
    # "killing 6 civilians", "killed two soldiers and three civilians", "leaving 3 dead"
    ("object", rf"\b{_DEATH_ACTIVE}\s+(?P<items>{_item('s0', 'v0', _OBJECT_GAP)}"
               rf"(?:(?:,\s*|,?\s+and\s+){_item('s1', 'v1', _OBJECT_GAP)})?"
               rf"(?:(?:,\s*|,?\s+and\s+){_item('s2', 'v2', _OBJECT_GAP)})?)"),
    # "resulting in the death of the commander", "led to the deaths of 3 people"
    ("death_of", rf"\bdeaths?\s+of\s+(?P<items>{_item('s0', 'v0', _OBJECT_GAP)}"
                 rf"(?:(?:,\s*|,?\s+and\s+){_item('s1', 'v1', _OBJECT_GAP)})?)"),
    # "beat a young man to death", "stoned two women to death"
    ("to_death", rf"\b(?:beat(?:en|ing)?|ston(?:ed|ing)|tortur(?:ed|ing)|hack(?:ed|ing)|burn(?:ed|t|ing)|stabb(?:ed|ing)"
                 rf"|lynch(?:ed|ing)|club(?:bed|bing)|shot|shooting)\s+(?P<items>{_item('s0', 'v0')})\s+to\s+death\b"),
    # "leaving 3 dead", "left two people dead"
    ("left", rf"\b(?:left|leaving|leaves)\s+(?P<items>{_item('s0', 'v0')})\s+(?:dead|killed)\b"),
    # "the death toll rose to 12", "a death toll of 12", "death toll: 12"
    ("toll", rf"\b(?:death|casualty|fatality)\s+toll\b[^.;]{{0,40}}?(?:\bto|\bof|\bat|\breached|\bhit|:|\bis|\bwas)\s+"
             rf"(?P<items>{_count_group('s0')})"),
    # "12 bodies were found", "the bodies of 4 men"
    ("bodies", rf"(?P<items>{_count_group('s0')})(?P<v0>(?:\s+(?!(?:in|of|on|at|for|to|with|by)\b)[\w'’-]+){{0,2}}?"
               rf"\s+(?:bodies|corpses|(?:body|corpse)(?=\s+(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+)?"
               rf"(?:found|discovered|recovered|retrieved|dumped|pulled|washed))))\b"
               rf"|\bbod(?:y|ies)\s+of\s+(?P<items2>{_count_group('t0')})"),
    # "1 fatality", "3 fatalities", "Fatalities: 4", "five deaths"
    ("fatalities", rf"(?P<items>{_count_group('s0')}(?:\s+[\w-]+)?(?:,?\s+and\s+{_count_group('s1')}(?:\s+[\w-]+)?)?)"
                   rf"\s+(?:reported\s+)?(?P<v0>fatalit(?:y|ies)|deaths|death(?!\s+(?:threats?|sentences?|penalty|squads?|toll|row)))\b"
                   rf"|\bfatalities\s*:\s*(?P<items2>{_count_group('t0')})"),
]
NEGATIONS = re.compile(
    r"\b(?:no\s+(?:one|body|person|people|soldiers?|civilians?)\s+(?:\w+\s+){0,2}(?:killed|died|dead|hurt|harmed)"
    r"|nobody\s+(?:\w+\s+){0,2}(?:killed|died)|no\s+(?:reported\s+)?(?:casualties|fatalities|deaths|loss\s+of\s+life|one\s+was\s+killed)"
    r"|without\s+(?:any\s+)?(?:casualties|fatalities|deaths)|(?:did|does)\s+not\s+(?:result|lead)\s+in\s+(?:any\s+)?(?:casualties|deaths|fatalities)"
    r"|no\s+(?:injuries|injured)\s+or\s+(?:deaths|fatalities)|(?:caused|causing|resulted\s+in)\s+no\s+(?:casualties|deaths|fatalities))\b",
    re.IGNORECASE,
)
SUICIDE = re.compile(
    r"\b(?:(?P<n>two|three|four|2|3|4)\s+)?suicide\s+(?:bomb(?:er|ers)|attack(?:er|ers))\b[^.]{0,80}?"
    r"\b(?:blew\s+(?:himself|herself|themselves)\s+up|detonated|exploded|set\s+off|self-detonated)",
    re.IGNORECASE,
)
BOMBER_INCLUDED = re.compile(r"\bincluding\s+(?:the\s+)?(?:suicide\s+)?(?:bomber|attacker)s?\b", re.IGNORECASE)
# ACLED notes: "coded as 10", "20 fatalities split up between 3 events".
CODED_AS = re.compile(rf"\b(?:fatalities|deaths)?[^.]{{0,40}}?\bcoded\s+(?:as|to|at)\s+(?P<n>{NUMBER_PATTERN})\b", re.IGNORECASE)
SPLIT = re.compile(
    rf"\b(?:split|spread|divided|distributed|coded)(?:\s+up)?\s+(?:between|across|among|over)\s+(?:the\s+)?(?P<k>{NUMBER_PATTERN})\s+"
    r"(?:events|locations|incidents|days|villages|areas)",
    re.IGNORECASE,
)


NOT_A_HEAD = {"the", "a", "an", "of", "his", "her", "their", "its", "over", "in", "on", "at", "to", "for", "by",
               "with", "this", "that", "these", "those"}
PREPOSITIONS = {"in", "at", "on", "during", "near", "from", "by", "with", "of", "after", "before", "into", "to",
                 "for", "against", "inside", "outside", "through", "across", "under", "over"}


COMPILED_RULES = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in FATALITY_RULES]
# After a death verb with no auxiliary, an object means the verb was active ("a bomb killed two"):
# the object rule reads that one.
OBJECT_FOLLOWS = re.compile(
    rf"\s+(?:{_QUALIFIER}\s+)?(?:{NUMBER_PATTERN}|{_VAGUE}|his|her|their|its|the|him|them|an?)\b", re.IGNORECASE
)
# One person named or referred to by a pronoun, in the passive: "Jane Doe, a lawyer, was stabbed to death",
# "he was shot dead", "within hours, he was dead". Case-sensitive names (two capitalised words at least, so
# "Police was" or a lone place name never counts); an apposition between commas may describe the person.
ONE_PERSON_DEAD = re.compile(
    r"(?:(?<![\w’'-])(?-i:(?P<name>[A-Z][a-z’'-]+(?:\s+(?:[A-Z][a-z’'-]+|[A-Z]\.))*\s+[A-Z][a-z’'-]+))"
    r"|\b(?P<pronoun>(?-i:[Hh]e|[Ss]he)))"
    r"(?:\s*,[^,.;()]{3,100},)?\s+(?:was|had\s+been|has\s+been)\s+(?:(?:reportedly|allegedly|later|also|brutally|found)\s+)?"
    + _DEATH_PASSIVE + r"\b" + _NOT_INJURY_AFTER,
    re.IGNORECASE,
)
# One named person killed, in the active voice or by dying of it: "gunmen shot dead Ahmed Ali", "the authorities
# executed Gholamreza Khosravi", "killed the journalist Jane Doe", "Kolade Johnson died from bullet wounds". The
# name is two capitalised words at least and no group's ("killed Islamic State fighters": a noun follows it).
_NAME_WORD = r"[A-Z][a-z’'-]+(?:-[A-Z][a-z’'-]+)*"
_PERSON_NAME = r"(?-i:(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?" + _NAME_WORD + r"(?:\s+(?:" + _NAME_WORD + r"|[A-Z]\.))*\s+" + _NAME_WORD + ")"
_NOT_A_GROUP_AFTER = r"(?!\s+(?-i:[a-z]+(?:s|men)\b)(?<!\bwas)(?<!\bhas)(?<!\bhis)(?<!\bis)(?<!\bas)(?<!\bthis))(?!\s*-)"
ONE_PERSON_KILLED = re.compile(
    r"\b(?:killed|shot\s+dead|shot\s+and\s+killed|gunned\s+down|murdered|executed|assassinated|beheaded|lynched|"
    r"(?:stabbed|beat|beaten|hacked|tortured|burned|burnt)\s+to\s+death)\s+"
    r"(?:(?:the|a|an)\s+)?(?:(?!(?:in|at|on|near|from|by|with|during|and|after|before|outside|inside|into|for)\b)"
    r"(?-i:[a-z-]+)\s+){0,3}(?P<name>" + _PERSON_NAME + r")(?![\w’'])(?<!['’]s)" + _NOT_A_GROUP_AFTER,
    re.IGNORECASE,
)
ONE_PERSON_DIED = re.compile(
    r"(?<![\w’'-])(?P<dead>" + _PERSON_NAME + r")(?:\s*,[^,.;()]{3,100},)?\s+(?:later\s+|subsequently\s+)?died\s+"
    r"(?:(?:on\s+the\s+spot|instantly|immediately|later)\s+)?(?:from|of|after|in\s+hospital)\b",
    re.IGNORECASE,
)
# "nearly lynched", "almost killed": no death.
NEAR_MISS_BEFORE = re.compile(r"\b(?:nearly|almost)\s+$", re.IGNORECASE)
# The killing of one named person told as a noun: "the murder of journalist Jane Doe", "Jane Doe's assassination".
ONE_PERSON_KILLING = re.compile(
    # Descriptors are singular and no preposition ("of civilians in Aleppo" names a place, not a person).
    r"\b(?:murder|killing|assassination|beheading|lynching|slaying)\s+of\s+"
    r"(?:(?!(?:in|at|on|near|from|by|with|during|and)\b)(?-i:[a-z-]*[a-rt-z-])\s+){0,3}"
    r"(?-i:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?-i:[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)*)\b(?!\s+(?-i:[A-Z])|\s*(?:and|,)\s+(?-i:[A-Z]))"
    r"|(?<![\w’'-])(?-i:[A-Z][a-z’'-]+)['’]s\s+(?:(?:brutal|gruesome|alleged|grisly)\s+)?"
    r"(?:murder|killing|assassination|beheading|lynching|slaying)\b(?!\s+of\b)",
    re.IGNORECASE,
)
# The victim noun of a "he/she was killed" mention: it counts only when nothing else reports deaths.
PRONOUN_VICTIM = "(pronoun)"
# A killing named as the reason for, or object of, a reaction: "protested over the killing of X".
REACTION_BEFORE = re.compile(
    r"\b(?:over|against|condemn\w*|denounc\w*|deplor\w*|decr(?:y|ied|ying)|mourn\w*|protest\w*|memory\s+of|anniversary\s+of"
    r"|justice\s+for|in\s+response\s+to|after|following|since|investigat\w*|probe\s+into|trial\s+for|charged\s+with|convicted\s+of|accused\s+of)"
    r"\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

# A toll kept over a stretch of time: "the conflict has killed 13,000 people since 2014", "have died since the war
# began", "since the start of the year". A count since a past day ("since Monday") may be one event's, and "the
# fifth journalist killed since January" is one event: the events stage (`flags`) and the fatality figure
# (`event_fields.fatalities`) read it only with a perfect ("has killed", "have been killed").
TOLL_SINCE = re.compile(
    r"since (?:(?:early|late|mid)[ -])?(?:(?:19|20)\d\d\b|(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b(?! \d)|the (?:start|beginning|outbreak|onset) of (?:the |this |last )?(?:year|war|conflict"
    r"|insurgency|uprising|revolution|crisis|fighting|violence|offensive|campaign|invasion|occupation)\b|(?:the|its|their) "
    r"(?:[\w-]+ ){0,2}(?:war|conflict|insurgency|uprising|revolution|crisis|offensive|campaign|invasion|occupation)\b)",
    re.IGNORECASE)
