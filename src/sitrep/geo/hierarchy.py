"""The admin hierarchy written around place names, notes-style or in prose: "X, Y", "X (Y, Z)",
"X district, Y", "the X area of Y", "X in Y". Which names are another's parents, how strictly (a bracket or
a kind-of-area word says X lies in Y; a comma may also be a list), and whether no reading of a name lies in
the parents the text gives it (then the gazetteer lacks the place: "Pisky, Donetsk").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from sitrep.geo.gazetteer import FEATURE_CLASSES, Candidate
from sitrep.geo.names import fold

NEAR_KM = 200.0


@dataclass
class WrittenHierarchy:
    """What the text says of the names' places, by mention index."""

    parents: dict[int, list[Candidate]] = field(default_factory=dict)  # candidates of the mention's parent(s)
    strict: set[int] = field(default_factory=set)  # "X (Y, Z)": X is inside its parents or unknown
    inside: set[int] = field(default_factory=set)  # "X in Y"
    listed: set[int] = field(default_factory=set)  # "Homa Bay, Rongo, Siaya": names in a list, not a hierarchy
    area_slots: set[int] = field(default_factory=set)  # mentions written as a parent: "(Rafah, North Sinai)"
    children: dict[int, list[int]] = field(default_factory=dict)  # parent mention -> the mentions it is written as the parent of
    list_goes_on: set[int] = field(default_factory=set)  # "X, Y, Z" / "X, Y and Z": X's parent is followed by more items


# Between a name and its parent: ", ", ", in eastern ", " in the north of ".
_PARENT_GAP = re.compile(r"^\s*,?\s*(?:in\s+|of\s+)?(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central|northern|southern|eastern|"
                         r"western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?(?:(?:part|countryside)\s+of\s+)?$", re.I)

# "X, Y" may also be a list ("Mosul, Kirkuk and Tikrit"): a town this big is kept even when Y does not contain it.
_LIST_TOWN_POPULATION = 100_000


def written_hierarchy(text: str, mentions: list, candidates: list[list[Candidate]]) -> WrittenHierarchy:
    """"X, Y", "X, in eastern Y", "X (Y, Z)", "X district, Y", "the X area of Y": Y (and Z) are X's parents
    when they name a country or an admin area; "Bara in Idleb", with Y a town, puts X near Y. An item of a list
    of countries has no parent ("Mexico, China, Japan": no village of China in Japan)."""
    found = WrittenHierarchy()
    country_lists = _country_list_items(text, mentions, candidates)
    for i in range(len(mentions) - 1):
        if i in country_lists:
            continue
        parents: list[Candidate] = []
        j = i
        while j + 1 < len(mentions) and j - i < 2:  # up the chain: "Muaja (Ancuabe, Cabo Delgado)"
            gap = _ARTICLE_AT_END.sub(" ", text[mentions[j].end : mentions[j + 1].start])  # "in al-Hasakeh"
            if not _is_parent_gap(gap, first=j == i) or (j > i and i not in found.strict):
                break
            if _THE.search(gap) and fold(mentions[j + 1].text) == fold(mentions[i].text):
                break  # "the City of Santa Ana, the Santa Ana school board": the name again, not its area ("Matiari (Matiari, Sindh)" is)
            hierarchy = bool(_HIERARCHY_GAP.match(gap))
            # a province closing the bracket that GeoNames knows only as its town ("(Dessa, Tillabery)"): the town
            town_area = "," in gap and text[mentions[j + 1].end : mentions[j + 1].end + 1] == ")" and not any(
                c.admin_level is not None for c in candidates[j + 1])
            strict = bool(_STRICT_GAP.search(gap)) or (j == i and "," in gap and _inside_bracket(text, mentions[i].start) and (
                i in found.area_slots or town_area))  # "(Y, Z)": Y in Z (then whether or not the name before was found)
            if j == i and strict:
                found.strict.add(i)
            if j == i and "," not in gap and re.search(r"\bin\b", gap, re.I):
                found.inside.add(i)
            if j == i and not strict and _in_list(text, mentions, i):
                found.listed.add(i)
            if j == i and _LIST_GOES_ON.match(text, mentions[i + 1].end):
                found.list_goes_on.add(i)
            if strict and i in found.strict:
                found.area_slots.add(j + 1)
            inner = j == i and not hierarchy  # "Bara in Idleb": a town may be the parent
            levels = (0, 1, 2) if i in found.strict else (0, 1)  # lists of counties are not hierarchies
            # a sea or region is no town-like parent: "Gao in the Sahel" keeps Gao
            before = len(parents)
            parents += [c for c in candidates[j + 1] if c.admin_level in levels or (
                (inner or (town_area and i in found.strict)) and c.population >= 20_000 and c.place.feature_class not in FEATURE_CLASSES)]
            if len(parents) > before:
                found.children.setdefault(j + 1, []).append(i)
            if any(c.is_country and c.exact for c in candidates[j + 1]):
                break  # nothing is written as inside a place inside a country ("Morocco, Tunisia and Libya")
            j += 1
        if parents:
            found.parents[i] = parents
        else:
            found.strict.discard(i)
    return found


# Between a place and its area in notes-style text: " (", ", ", " district, ", " area of ", " payam (".
_KIND = (r"(?:areas?|districts?|villages?|towns?|city|payam|county|lga|sub-?district|municipality|province|region|neighbou?rhood|"
         r"camp|locality|commune|department|ward|barangay|front|frontline|subdivision|upazila|mandal|sub-?county|zone|"
         r"territory|hill|mountain|island|airbase|base|fort|checkpoint|market|port|cent(?:er|re)|suburb|sector|quarter)")
# "X area of Y", "X district of Y", "X district, Y"; not "the Georgian town of Gori", where the name after "of" is the town
# Before the kind word, the rest of a name the model cut ("Khwaja [Raheem] area of") or a qualifier ("sector area").
_BEFORE_KIND = r"(?:[A-Z][\w'’-]*\s+){0,2}(?:(?:sector|border|frontier|rural|urban|tribal|forest|mountain|desert|coastal|district|town|city)\s+)?"
_HIERARCHY_GAP = re.compile(rf"^\s*(?:{_BEFORE_KIND}(?i:{_KIND}\s*(?:,|\(|in\b)|(?:area|neighbou?rhood|district|quarter|suburb|village|hamlet)\s+of)|,|\()\s*"
                            rf"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}(?:\s+(?i:{_KIND}))?\s*,\s*)?$")  # "X (Unknown, Y"
_STRICT_GAP = re.compile(rf"\(|\b{_KIND}\b", re.I)  # "X (Y", "X district, Y": X lies in Y


_ARTICLE_AT_END = re.compile(r"\s(?:al|el|as|ash|ad|ar|at|az|an)-$", re.I)
_THE = re.compile(r"\bthe\b", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or)\s*$")
_COUNTRY_LIST_GAP = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:the\s+)?$")  # "Japan, and the United Kingdom"
# After "X, Y": more items follow ("Mosul, Kirkuk and Tikrit", "Mosul, Kirkuk, Tikrit"), not a clause ("..., a man was shot")
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?[A-Z]|(?:and|or|&)\s)")


def _inside_bracket(text: str, position: int) -> bool:
    """Whether a bracket opened shortly before `position` is still open there."""
    before = text[max(0, position - 60) : position]
    return before.rfind("(") > before.rfind(")")


def _list_groups(text: str, mentions, gap: re.Pattern) -> list[list[int]]:
    """Runs of mentions joined by list gaps (", ", " and "): the indices of each run."""
    groups: list[list[int]] = []
    for i in range(len(mentions)):
        if i and gap.match(text[mentions[i - 1].end : mentions[i].start]):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _country_list_items(text: str, mentions, candidates: list[list[Candidate]]) -> set[int]:
    """"Mexico, China, Japan, Ukraine and Brazil": a name in a list of three or more whose other items are mostly
    (two thirds) countries by their own names is a country too (not the Japanese village called China)."""
    found = set()
    for group in (g for g in _list_groups(text, mentions, _COUNTRY_LIST_GAP) if len(g) >= 3):
        countries = {j for j in group if any(c.is_country and c.exact and c.preferred for c in candidates[j])}
        for i in group:
            if sum(1 for j in group if j != i and j in countries) >= 2 / 3 * (len(group) - 1):
                found.add(i)
    return found


def lists_of_areas(text: str, mentions, candidates: list[list[Candidate]]) -> dict[int, str]:
    """"Arizona, California, ..., Utah, Washington and Wisconsin": a name in a list of three or more whose other
    items are mostly (two thirds) first-level areas of one country, by their own names -> that country's code."""
    found = {}
    for group in (g for g in _list_groups(text, mentions, _LIST_GAP) if len(g) >= 3):
        areas = {j: {c.place.country_code for c in candidates[j] if c.admin_level == 1 and c.exact and c.preferred}
                 for j in group}
        for i in group:
            votes = Counter(code for j in group if j != i for code in areas[j])
            if votes:
                code, count = votes.most_common(1)[0]
                if count >= 2 / 3 * (len(group) - 1):
                    found[i] = code
    return found


def _in_list(text: str, mentions, i: int) -> bool:
    """"A, X, Y" or "X, Y, Z" / "X, Y and Z": X and Y are items of a list, so Y is not X's area."""
    before = i > 0 and bool(_LIST_GAP.match(text[mentions[i - 1].end : mentions[i].start]))
    after = i + 2 < len(mentions) and bool(_LIST_GAP.match(text[mentions[i + 1].end : mentions[i + 2].start]))
    return before or after


def _is_parent_gap(gap: str, first: bool) -> bool:
    if len(gap) > 40:  # " in the south-western countryside of "
        return False
    if _HIERARCHY_GAP.match(gap):
        return True
    gap = _KIND_FIRST.sub("", gap, count=1)  # "Al Alam front in the north of Marib": the front lies in Marib
    return first and (bool(_PARENT_GAP.match(gap) or _IN_PART_OF.match(gap)) and ("," in gap or "in" in gap.lower()))


_KIND_FIRST = re.compile(rf"^\s*(?i:{_KIND})(?=\s)")
# "in the north of Marib" is inside it (", north of Tubas" is beside it: a relative place, not a parent)
_IN_PART_OF = re.compile(r"^\s*,?\s*in\s+the\s+(?:far\s+)?(?:north|south|east|west|centre|center)(?:-?(?:east|west))?\s+of\s+$", re.I)


def outside_parents(cands: list[Candidate], parents: list[Candidate], index: int, hierarchy: WrittenHierarchy) -> bool:
    """No reading of the name lies in the area the text puts it in, and the hierarchy is clear enough to
    say the gazetteer lacks the place: notes-style "X (Y, Z)" / "X district, Y", or "X, Y" / "X in Y" with
    X no big town or state of Y's country (that may be a list: "Mosul, Kirkuk", "Michigan, in Utah's ...")."""
    if any(c.is_country or c.place.feature_code == "CONT" for c in cands):
        return False
    if any(contains(p, c) for p in parents for c in cands):
        return False
    if any(_redistricted(p, c) for p in parents for c in cands):
        return False  # "Tirupati (Chittoor, AP)": districts are redrawn (Tirupati got its own in 2022), states rarely
    if index in hierarchy.strict:
        return True
    if index in hierarchy.listed:
        return False
    parent_countries = {p.place.country_code for p in parents}
    maybe_list = index in hierarchy.list_goes_on or index in hierarchy.inside  # "Rockford in the Miss category"
    if any((c.admin_level == 1 or (c.population >= _LIST_TOWN_POPULATION and (maybe_list or _one_area_has_it(cands, c))))
           and c.place.country_code in parent_countries for c in cands):
        # a list of the country's states or big towns, or a big town whose area the text gets wrong ("Apodaca,
        # Jalisco"); no foreign city or region heads one ("Valencia, Sangre Grande"). A name the country has in many
        # areas is rather one more namesake the gazetteer lacks: "in Benito Juarez, Nuevo Leon, a man was shot"
        return False
    return index in hierarchy.inside or any(p.admin_level == 1 for p in parents)


def _one_area_has_it(cands: list[Candidate], big: Candidate) -> bool:
    """All the exact readings of the name in `big`'s country lie in its first-level area."""
    return all(c.place.admin1 == big.place.admin1 for c in cands if c.exact and c.place.country_code == big.place.country_code)


_REDISTRICTED_TOWN_POPULATION = 20_000
_REDISTRICTED_KM = 80.0


def _redistricted(parent: Candidate, cand: Candidate) -> bool:
    """A town the text puts in a district GeoNames no longer has it in: same first-level area, a real town,
    and near the district's point ("Palanpur area of Surat" is not Palanpur town, 300 km away)."""
    a, b = parent.place, cand.place
    return (parent.admin_level == 2 and cand.admin_level is None and cand.population >= _REDISTRICTED_TOWN_POPULATION
            and a.country_code == b.country_code
            and bool(a.admin1) and a.admin1 == b.admin1 and None not in (a.latitude, a.longitude, b.latitude, b.longitude)
            and km(a, b) <= _REDISTRICTED_KM)


def contains(parent: Candidate, child: Candidate) -> bool:
    if parent.place.country_code != child.place.country_code or parent.place.geonameid == child.place.geonameid:
        return False
    if parent.admin_level is not None and child.admin_level is not None and child.admin_level <= parent.admin_level:
        return False  # an area holds no area of its own level or above (a district no state of its name)
    if parent.admin_level == 0:
        return True
    if parent.admin_level is None:  # "Bara in Idleb" with Idleb the town: nearby
        return km(parent.place, child.place) < NEAR_KM / 2
    if parent.place.admin1 is None or parent.place.admin1 != child.place.admin1:
        return False
    # a town whose district is unknown (cities500 has no admin2 for many) is taken to be in it
    return parent.admin_level == 1 or not child.place.admin2 or parent.place.admin2 == child.place.admin2


def km(a, b) -> float:
    """Great-circle distance in km between two places with coordinates."""
    if a.latitude is None or b.latitude is None:
        return float("inf")
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
