"""Namesakes: when a place name resolved to the wrong one of several places of that name, for the event.

- Abroad (`namesakes_abroad`): a small town or an area read in a country nothing else in the article
  points to, while its other places point to one country, is no event place.
- Actor areas (`prefer_actor_areas`): a small place read outside the first-level areas the article's
  actors operate in ("NAF" -> Donetsk, Luhansk until 2022-02-24) is read as its namesake in the same
  country inside them, unless the text names a place or area of the first reading's area.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.place_roles import NATURAL_CLASSES, is_actor_home, is_in_passing, is_part_of_town, place_level
from sitrep.records import Place, Toponym

# A place is a namesake abroad only when the article's other places point clearly elsewhere: at least
# this much weight (one confidently resolved place) ...
ABROAD_MIN_WEIGHT = 0.5
# ... most of it on one country ...
ABROAD_DOMINANT_SHARE = 0.6
# ... and it is a small place (a city this big is named abroad often enough: "talks in Geneva").
ABROAD_MAX_POPULATION = 100_000


def namesakes_abroad(toponyms: list[Toponym], text: str | None = None) -> set[int]:
    """ids of toponyms resolved to a namesake abroad: a village name read as a Brazilian town in a note whose
    other places all lie in one Syrian governorate, a district name read as a state of another country in a
    report about one port city and its districts. A small town (no capital, no
    city of ABROAD_MAX_POPULATION) or an admin area, in a country that no other place name and no country
    name of the article points to, while the other places point to one country, is not where the event
    happened: the gazetteer lacks the place the note means. Towns are judged first; an area then by the
    places left (a namesake town abroad is no evidence against the area the note names). With the
    article's `text`, a reporting place or an actor's home ("said in London") is no evidence either."""
    named_countries = {t.place.country_code for t in toponyms if t.place is not None and t.place.feature_code == "PCLI"}
    places = [t for t in toponyms if t.place is not None and t.place.country_code and t.place.feature_code != "PCLI"]
    witnesses = [t for t in places if text is None or not (is_actor_home(text, t) or is_in_passing(text, t) or is_part_of_town(text, t))]
    abroad: set[int] = set()
    for judged_levels in ((3,), (1, 2)):
        best: dict[str, Toponym] = {}  # each distinct name once, at its most confident reading
        for t in witnesses:
            if id(t) not in abroad and t.score > (best[t.text.lower()].score if t.text.lower() in best else 0.0):
                best[t.text.lower()] = t
        for t in places:
            if place_level(t.place) not in judged_levels or not _may_be_namesake(t.place) or t.place.country_code in named_countries:
                continue
            others = [o for name, o in best.items() if name != t.text.lower()]
            weights: dict[str, float] = {}
            for o in others:
                weights[o.place.country_code] = weights.get(o.place.country_code, 0.0) + o.score
            total = sum(weights.values())
            if total < ABROAD_MIN_WEIGHT or weights.get(t.place.country_code):
                continue
            top = max(weights, key=weights.get)
            if weights[top] >= ABROAD_DOMINANT_SHARE * total and _overrules(t, [o for o in others if o.place.country_code == top]):
                abroad.add(id(t))
    return abroad


# A city of ABROAD_MAX_POPULATION stays against a namesake in the actor areas with under this share of its people.
_CITY_OVER_VILLAGE = 0.1


def prefer_actor_areas(toponyms: list[Toponym], actor_areas: Mapping[str, set[str]], gazetteer: Gazetteer) -> list[Toponym]:
    """The toponyms, a small place read outside its country's actor areas ({country code: {GeoNames admin1
    code}}) replaced by its namesake inside them: a bare village name in a note about Donbas separatists is
    the Donetsk village, not the Poltava one. A soft prior, like the actors' countries: it yields to any
    evidence in the text for the first reading's area (an area named, "X, Poltava oblast", or another place
    there with no namesake in the actor areas); a capital stays, and a city against a village; of the namesakes
    inside (an exact spelling, its own name or an alternate), the one matched by its own name, then the largest."""
    names = {cc: {gazetteer.admin_name(cc, code) for code in codes} - {None} for cc, codes in actor_areas.items()}
    inside: dict[int, Place] = {}
    for t in toponyms:
        place = t.place
        if place is None or not names.get(place.country_code) or place.admin1 in names[place.country_code]:
            continue
        if place_level(place) != 3 or place.feature_class in NATURAL_CLASSES or place.feature_code == "PPLC":
            continue
        namesake = _namesake_inside(t.text, place, names[place.country_code], gazetteer)
        if namesake is None or ((place.population or 0) >= ABROAD_MAX_POPULATION
                                and (namesake.population or 0) < _CITY_OVER_VILLAGE * (place.population or 0)):
            continue  # "Kano" in a report on Boko Haram is the city, not a Borno village of that name
        inside[id(t)] = namesake
    if not inside:
        return toponyms
    # what the text says of an area: an admin area there, or a place there that has no namesake inside
    attested = {(t.place.country_code, t.place.admin1, t.text.lower()) for t in toponyms
                if t.place is not None and t.place.feature_code != "PCLI" and id(t) not in inside}
    kept = []
    for t in toponyms:
        if id(t) in inside and not any(cc == t.place.country_code and area == t.place.admin1 and name != t.text.lower()
                                       for cc, area, name in attested):
            t = replace(t, place=inside[id(t)])
        kept.append(t)
    return kept


def _namesake_inside(name: str, place: Place, areas: set[str], gazetteer: Gazetteer) -> Place | None:
    fitting = [c for c in gazetteer.candidates(name) if c.admin_level is None and c.exact and c.place.admin1 in areas
               and c.place.country_code == place.country_code and c.place.latitude is not None
               and c.place.feature_class not in NATURAL_CLASSES]
    if not fitting:
        return None
    return max(fitting, key=lambda c: (c.preferred, c.population)).place


def _overrules(toponym: Toponym, evidence: list[Toponym]) -> bool:
    """Enough to call the toponym a namesake: two names; or one area (against an area: a more confidently
    resolved one); or, against a town, one bigger town (of a Norwegian village and a Syrian city named in one
    note, the village is the namesake, not the city)."""
    if len(evidence) >= 2:
        return True
    other = evidence[0]
    if place_level(toponym.place) in (1, 2):
        return place_level(other.place) in (1, 2) and other.score > toponym.score
    return place_level(other.place) in (1, 2) or (other.place.population or 0) > (toponym.place.population or 0)


def _may_be_namesake(place: Place) -> bool:
    if place.feature_class in NATURAL_CLASSES:
        return False  # a sea, river or region read in one of the countries it touches is still the feature
    if place_level(place) in (1, 2):
        return True
    return place.feature_code not in ("PPLC", "CONT") and (place.population or 0) < ABROAD_MAX_POPULATION
