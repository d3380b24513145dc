"""How the words around a place name relate an event to it: "near Rutba", "30 km south of Kirkuk",
"along the border with Syria", "outside Mosul", "western Anbar", "Anbar province".

Pure functions over the article text, so they can be tested without spaCy.
"""

from __future__ import annotations

import re

_DIRECTION = (
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
)
_NUMBER = r"(?:\d+(?:[.,]\d+)?|a few|several|some|about \d+|around \d+|nearly \d+|roughly \d+|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)(?:[- ]\w+)?)"
_UNIT = r"(?:km|kms|kilometers?|kilometres?|miles?|mi)"
# "the town of", also with descriptive words before the kind: "the western town of", "the dusty border town of".
_ARTICLE = r"(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:city|town|village|district|province|area|region|governorate)\s+of\s+)?"

# Patterns that end right before the place name; the first group is the relation as written.
_BEFORE = [
    re.compile(rf"({_NUMBER}\s*-?\s*{_UNIT}(?:\s*\([^)]*\))?\s+(?:to\s+the\s+)?{_DIRECTION}\s+of)\s+{_ARTICLE}$", re.I),
    re.compile(rf"((?:just\s+|directly\s+|due\s+)?(?:to\s+the\s+)?{_DIRECTION}\s+of)\s+{_ARTICLE}$", re.I),
    re.compile(r"((?:along|on|near|across|at|close\s+to)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:border|frontier)\s+(?:with|of)|"
               r"(?:along|on|near)\s+(?:the\s+)?border\s+(?:between|area\s+of))\s+(?:the\s+)?$", re.I),
    re.compile(r"((?:on\s+)?the\s+outskirts\s+of|just\s+outside(?:\s+of)?|outside(?:\s+of)?|on\s+the\s+edge\s+of|"
               r"in\s+the\s+vicinity\s+of|in\s+the\s+(?:general\s+|wider\s+)?area\s+of|(?:very\s+)?near(?:by)?|close\s+to|not\s+far\s+from|around|surrounding|"
               r"in\s+the\s+(?:{direction}\s+)?(?:countryside|outskirts|suburbs|environs)\s+of|in\s+the\s+desert\s+(?:of|near)|"
               r"(?:in\s+)?rural)\s+{art}$".format(art=_ARTICLE, direction=_DIRECTION), re.I),
]
# A region of an area: "western Anbar", "northern Syria", "eastern Iraq".
_REGION_BEFORE = re.compile(rf"\b((?:far\s+)?(?:{_DIRECTION}|central|(?:north|south)\s*-?\s*(?:central|east|west)(?:ern)?))\s+(?:the\s+)?$", re.I)
# The kind of area after the name: "Anbar province", "Diyala governorate", "Sinjar district" (plural after
# the last name of a list: "Laghman and Balkh provinces").
ADMIN_AFTER = re.compile(
    r"^\s+(province|governorate|district|region|state|county|parish|prefecture|department|oblast|municipality|"
    r"sub-?district|territory|emirate|division|lga|local government area|"
    r"provinces|governorates|districts|regions|counties|prefectures|departments|oblasts|municipalities)\b",
    re.I,
)
CITY_AFTER = re.compile(r"^\s+(city|town|village|hamlet)\b", re.I)
CITY_BEFORE = re.compile(r"\b(?:city|town|village|hamlet)\s+of\s+$", re.I)


def relation_before(text: str, start: int, window: int = 80) -> str | None:
    """The relative-place expression that ends right before `start`, e.g. "30 km south of", "near"."""
    left = text[max(0, start - window) : start]
    for pattern in _BEFORE:
        match = pattern.search(left)
        if match:
            return " ".join(match.group(1).split()).lower()
    return None


# Buildings and sites that mostly stand in the town they are named after (a road leads to its namesake; a company or
# a mine may be anywhere): the event is in that town (`place_roles.names_a_building_in`).
BUILDING_WORDS = ("university", "college", "school", "hospital", "prison", "jail", "stadium", "mosque", "church", "market",
                  "square", "station")
# A building or site named after the town it stands in: "outside the Uitenhage Provincial Hospital" is outside the
# hospital, in Uitenhage.
_FACILITY_AFTER = re.compile(
    r"^(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}\s+(?:" + "|".join(BUILDING_WORDS) + r"|cathedral|temple|hotel|court(?:house)?|hall|"
    r"palace|cent(?:re|er)|clinic|library|museum|ministry|embassy|consulate|headquarters|mall)\b",
    re.I,
)


def names_a_facility_after(text: str, end: int) -> bool:
    """The name opens a building's name ("Uitenhage Provincial Hospital", "Kabul University"): a relation written
    before it ("outside the", "near the") places the event at the building, inside the town."""
    return bool(_FACILITY_AFTER.match(text[end : end + 60]))


def region_before(text: str, start: int) -> str | None:
    """A part-of-area adjective right before the name: "western" in "western Anbar"."""
    match = _REGION_BEFORE.search(text[max(0, start - 30) : start])
    return match.group(1).lower() if match else None


def is_part_of(relation: str) -> bool:
    """Is the relation a part-of-area adjective ("western", "central": `region_before`), not a place beside it?"""
    return bool(_REGION_BEFORE.fullmatch(relation + " "))


# A list of names closed by a plural kind of area: "in Al Jawf, Ad Dali and Taizz governorates".
_NAME = r"(?-i:[A-Z])[\w'’-]*(?:[ -](?-i:[A-Z])[\w'’-]*){0,3}"
_MORE_NAMES = rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME}){{1,6}}\s+"
_PLURAL_AREAS = r"provinces|governorates|districts|regions|states|oblasts|counties|departments|prefectures|municipalities"
_LIST_THEN_ADMINS = re.compile(rf"^{_MORE_NAMES}({_PLURAL_AREAS})\b", re.I)
# ... or by a plural kind of place: "between Harim and Sarmada towns" (detection: each name is a place).
_LIST_THEN_PLACES = re.compile(rf"{_MORE_NAMES}(?:towns|villages|cities|areas|{_PLURAL_AREAS})\b", re.I)


def list_closed_by_place_word(text: str, end: int) -> bool:
    """Is the name ending at `end` one of a list closed by a plural kind of place ("Harim and Sarmada towns")?"""
    return bool(_LIST_THEN_PLACES.match(text, end, min(len(text), end + 160)))


def admin_word_after(text: str, end: int) -> str | None:
    """"province" in "Anbar province"; "governorates" for each name of "Al Jawf, Ad Dali and Taizz governorates"."""
    match = ADMIN_AFTER.match(text[end : end + 40])
    if match:
        return match.group(1).lower()
    listed = _LIST_THEN_ADMINS.match(text[end : end + 160])
    return listed.group(1).lower() if listed else None


_VILLAGE_AFTER = re.compile(r"^\s+(?:village|hamlet)\b", re.I)
_VILLAGE_BEFORE = re.compile(r"\b(?:village|hamlet)\s+of\s+$", re.I)


def is_village_context(text: str, start: int, end: int) -> bool:
    """"the village of Korogo" / "Korogo village": no city of hundreds of thousands."""
    return bool(_VILLAGE_AFTER.match(text[end : end + 20]) or _VILLAGE_BEFORE.search(text[max(0, start - 20) : start]))


def is_city_context(text: str, start: int, end: int) -> bool:
    """"the city of X" / "X city": the name is a populated place, not the area of the same name."""
    return bool(CITY_AFTER.match(text[end : end + 20]) or CITY_BEFORE.search(text[max(0, start - 20) : start]))
