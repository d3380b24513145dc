"""What a place name is doing in a sentence, read from the words around it: an actor's home ("Iraqi
forces", "the Baghdad government"), a place mentioned in passing ("said in Geneva", "fled to"), and the
level of the place it resolved to. Shared by event location (`locate`) and the namesake rules (`namesakes`).
"""

from __future__ import annotations

import re

from sitrep.geo.gazetteer import FEATURE_CLASSES
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
# What precedes a place mentioned in passing: the reporter's or speaker's place, an origin.
_PASSING_BEFORE = re.compile(
    r"(?:\bsaid\s+(?:\w+\s+)?in|\btold\s+(?:\w+\s+){0,3}in|\bspeaking\s+(?:\w+\s+)?in|\bstatement\s+(?:issued\s+)?in|"
    r"\bbased\s+in|\bheadquartered\s+in|\bvisit(?:ed|ing)?\s+(?:to\s+)?|\bflew\s+(?:back\s+)?to|\breturned\s+to|"
    r"\bfled\s+to|\bfrom|\bborn\s+in|\bnative\s+of|\bnews\s+conference\s+in|\bsummit\s+in|\btalks\s+in|\bmeeting\s+in)\s+(?:the\s+)?$",
    re.I,
)


# Nouns that make a preceding place name the name of a thing (a road, a building) rather than where the event was:
# "on Murree road in Rawalpindi city", "in Raju street of Afrin city", "locked up in the Santa Anita prison".
_THING_NOUNS = re.compile(
    r"^(?:-\w+)?\s*(?:road|street|highway|motorway|avenue|boulevard|lane|bridge|university|college|school|hospital|"
    r"prison|jail|stadium|mosque|church|market|square|airport|port|station|camp)s?\b",
    re.I,
)


def names_a_thing(text: str, toponym: Toponym) -> bool:
    return bool(_THING_NOUNS.match(text[toponym.end : toponym.end + 30]))


def is_actor_home(text: str, toponym: Toponym) -> bool:
    return bool(_ACTOR_NOUNS.match(text[toponym.end : toponym.end + 40]))


def is_in_passing(text: str, toponym: Toponym) -> bool:
    return bool(_PASSING_BEFORE.search(text[max(0, toponym.start - 50) : toponym.start]))


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
