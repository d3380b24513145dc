"""What a place name is doing in a sentence, read from the words around it: an actor's home ("Iraqi
forces", "the Baghdad government"), a place mentioned in passing ("said in Geneva", "fled to"), and the
level of the place it resolved to. Shared by event location (`locate`) and the namesake rules (`namesakes`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.gazetteer import FEATURE_CLASSES
from sitrep.geo.relations import BUILDING_WORDS
from sitrep.records import Place, Toponym

# Nouns that make a preceding place name an actor's home: "Iraqi forces", "the Baghdad government", and
# titles and branches, whose place is the office's, not the event's ("the party's Eastern Region Director").
_ACTOR_NOUNS = re.compile(
    r"^(?:'s|’s)?\s*(?:-?based\s+)?(?:security\s+|armed\s+|government\s+|military\s+|state\s+)?(?:forces|troops|army|government|police|"
    r"officials?|militias?|militants?|fighters|soldiers|authorities|military|ministry|minister|command|commander|"
    r"council|president|prime\s+minister|parliament|embassy|ambassador|regime|air\s+force|navy|coalition|"
    r"group|faction|rebels|insurgents|intelligence|administration|leaders?|spokes(?:man|woman|person)|"
    r"counterparts?|operations\s+command|guards?|brigade|division|battalion|unit|border\s+guards?|"
    r"director|coordinator|chair(?:man|woman|person)?|secretary|representative|chief|governor|mayor|branch|chapter)\b",
    re.I,
)
# A place name standing for its government or authorities (metonymy): "Beijing said it supported the arrest",
# "Moscow has denied", "Washington imposed sanctions", "Beijing's crackdown", "Tehran's response". The name is an
# actor there, no evidence of where an event happened.
_METONYM_AFTER = re.compile(
    r"^(?:\s+(?:has|have|had|also|again|later|quickly|swiftly|repeatedly|promptly|reportedly)){0,2}\s+(?:said|says|denied|denies|"
    r"rejected|rejects|dismissed|dismisses|accused|accuses|blamed|blames|announced|announces|warned|warns|condemned|"
    r"condemns|insisted|insists|vowed|vows|pledged|pledges|threatened|threatens|urged|urges|demanded|demands|refused|"
    r"refuses|retaliated|responded|responds|imposed|imposes|approved|approves|supported|supports|backed|backs|"
    r"critici[sz]ed|critici[sz]es|summoned|expelled|recalled|sanctioned|claimed|claims|wants|sees|"
    r"considers|regards|maintains|argues|argued|acknowledged|confirmed|confirms)\b"
    r"|^['’]s\s+(?:crackdown|grip|policy|policies|decision|decisions|response|rule|leadership|demands?|position|stance|"
    r"claims?|accusations?|influence|refusal|approval|backing|support|envoy|ambassador|diplomats?|officials?|"
    r"sanctions|retaliation|reaction|denial|warnings?|plans?|strategy|campaign|efforts?|interference|control\s+over)\b",
    re.I,
)
# What precedes a place mentioned in passing: the reporter's or speaker's place, an origin (not the place a force
# withdrew or was driven from: "the army withdrew from Kidal" happened there).
_PASSING_BEFORE = re.compile(
    r"(?:\bsaid\s+(?:\w+\s+)?in|\btold\s+(?:\w+\s+){0,3}in|\bspeaking\s+(?:\w+\s+)?in|\bstatement\s+(?:issued\s+)?in|"
    r"\bbased\s+in|\bheadquartered\s+in|\bvisit(?:ed|ing)?\s+(?:to\s+)?|\bflew\s+(?:back\s+)?to|\breturned\s+to|"
    r"\bfled\s+to|(?<!stretching\s)(?<!extending\s)(?<!ranging\s)(?<!withdrew\s)(?<!withdrawn\s)(?<!retreated\s)(?<!driven\s)(?<!expelled\s)\bfrom|"
    r"\bborn\s+in|\bnative\s+of|\bnews\s+conference\s+in|\bsummit\s+in|\btalks\s+in|\bmeeting\s+in)\s+(?:the\s+)?"
    # and the rest of a list after it: "migrants from UP and Bihar"
    r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}(?:\s*,\s*|\s+and\s+|\s+or\s+)){0,3}$",
    re.I,
)


# Nouns that make a preceding place name the name of a thing (a road, a building, a company) rather than where the
# event was: "on Murree road in Rawalpindi city", "in Raju street of Afrin city", "locked up in the Santa Anita
# prison", "workers of the Gafsa Phosphate Company ... in Meknassy", "near the Kali forest, in the area of Boundore",
# "near the Uskhod metro station in Minsk".
_THING_NOUNS = re.compile(
    r"^(?:-\w+)?(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s*(?:(?:metro|subway|railway|train|bus|police|power|petrol|gas|fuel)\s+)?"
    r"(?:road|street|highway|motorway|avenue|boulevard|lane|bridge|university|"
    r"college|school|hospital|prison|jail|stadium|mosque|church|market|square|airport|port|station|camp|company|"
    r"corporation|factory|plant|mine|forest)s?\b",
    re.I,
)
# A part of a town, whose name is some other town's ("in Sossego neighborhood" of Ribeirao das Neves is no
# Sossego of Paraiba; "Colonia Pemex" is no Colonia del Sacramento): ACLED codes the town the text names.
_PART_OF_TOWN_AFTER = re.compile(r"^\s+(?:neighbou?rhood|community|colony)s?\b", re.I)  # not "ward": "Siliguri Ward No. 40" is Siliguri's
_PART_OF_TOWN_WORDS = {"colonia", "barrio", "fraccionamiento"}


# The ends of a road named by them ("Aden-Taizz road" is a thing above): "cut off the road linking Aden to
# Taizz in At Turbah area", "the highway between Kabul and Jalalabad".
_ROAD_ENDS_BEFORE = re.compile(
    r"\b(?:roads?|highways?|motorways?|routes?|railways?|railroads?|supply\s+lines?)\s+(?:linking|connecting|joining|between|from)\s+"
    r"(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s+(?:and|to|with)\s+)?$",
    re.I,
)


def names_a_thing(text: str, toponym: Toponym) -> bool:
    return bool(_THING_NOUNS.match(text[toponym.end : toponym.end + 40])) or is_road_end(text, toponym)


# Of those things, the buildings named after their town.
_BUILDING_NOUNS = re.compile(r"^(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s*(?:" + "|".join(BUILDING_WORDS) + r")s?\b", re.I)


def names_a_building_in(text: str, toponym: Toponym, others: list[Toponym]) -> bool:
    """"outside the Uitenhage Provincial Hospital (Nelson Mandela Bay, Eastern Cape)": a building named after its
    town, with only the town's own areas named beside it, is in that town."""
    place = toponym.place
    return bool(_BUILDING_NOUNS.match(text[toponym.end : toponym.end + 40])) and place_level(place) == 3 and all(
        place_level(o.place) in (1, 2) and o.place.country_code == place.country_code and o.place.admin1 == place.admin1
        and (place_level(o.place) == 1 or not place.admin2 or o.place.admin2 == place.admin2)
        for o in others
    )


# The far end of a stretch of land: "the area stretching from Al Mayadin to Al-Bukamal" is coded, as ACLED does, to
# its first end (the first end is no origin either: see `_PASSING_BEFORE`).
_STRETCH_FAR_END_BEFORE = re.compile(
    r"\b(?:stretching|extending|ranging)\s+from\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:[\s-]+(?-i:[A-Z])[\w'’-]*){0,2}\s+"
    r"(?:to|up\s+to|as\s+far\s+as)\s+(?:the\s+)?$",
    re.I,
)


def is_far_end_of_stretch(text: str, toponym: Toponym) -> bool:
    return bool(_STRETCH_FAR_END_BEFORE.search(text[max(0, toponym.start - 80) : toponym.start]))


def is_road_end(text: str, toponym: Toponym) -> bool:
    return bool(_ROAD_ENDS_BEFORE.search(text[max(0, toponym.start - 80) : toponym.start]))


# Location asks these of every place of an article once per event: the answers are cached by the words read.
@lru_cache(maxsize=8192)
def _part_of_town(name: str, after: str) -> bool:
    if name.lower() in _PART_OF_TOWN_WORDS and re.match(r"\s+[A-Z]", after[:3]):
        return True
    return bool(_PART_OF_TOWN_AFTER.match(after))


@lru_cache(maxsize=8192)
def _actor_home_after(after: str) -> bool:
    return bool(_ACTOR_NOUNS.match(after))


# A place after one of these is where something is, not who speaks: "residents in Mosul said".
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|on|from|of|near|to|into|across|around|outside|inside|within|throughout|"
                                 r"towards?|between|and|or|the)\s+$", re.I)


@lru_cache(maxsize=8192)
def _metonym(before: str, after: str) -> bool:
    return bool(_METONYM_AFTER.match(after)) and not _PREPOSITION_BEFORE.search(before)


@lru_cache(maxsize=8192)
def _passing_before(before: str) -> bool:
    return bool(_PASSING_BEFORE.search(before))


def is_part_of_town(text: str, toponym: Toponym) -> bool:
    return _part_of_town(toponym.text, text[toponym.end : toponym.end + 30])


def is_actor_home(text: str, toponym: Toponym) -> bool:
    """The place names an actor: its forces or officials ("Iraqi forces", "the Baghdad government"), or its
    government by metonymy ("Beijing said", "Moscow's crackdown")."""
    after = text[toponym.end : toponym.end + 40]
    return _actor_home_after(after) or _metonym(text[max(0, toponym.start - 15) : toponym.start], after)


def is_in_passing(text: str, toponym: Toponym) -> bool:
    return _passing_before(text[max(0, toponym.start - 50) : toponym.start])


def place_level(place: Place) -> int:
    code = place.feature_code or ""
    if code == "PCLI":
        return 0
    if code == "ADM1":
        return 1
    if code == "ADM2":
        return 2
    return 3


NATURAL_CLASSES = FEATURE_CLASSES | {"V", "U"}  # and vegetation, undersea (GeoNames classes, from an imported dump)
