"""Places the gazetteer lacks but the text writes with their areas: "Bab Ghaliq (Qaatabah, Ad Dali)".

Front-line and village reports (and ACLED's own notes) name hamlets, wadis and fronts no packaged
gazetteer holds, each with the district and province it lies in, in brackets. ACLED codes such a place
under its own name at the nearest place it can locate, with geo_precision 2, and a list of them as one
event per place. `bracketed_places` gives each such name a place of its own: the written name, located
at the seat of the most specific area in its brackets. A name the gazetteer knows only outside those
areas ("Salim (Qaatabah, Ad Dali)": a Salim of the West Bank) is read the same way.

The most specific place in the brackets is the parent: an area (at its seat) or a town. A name the
gazetteer lacks inside a city ("Abu Salim (Tripoli)") is mostly a quarter of it, which ACLED codes as
the city (`locate`), so a city is no parent here.
"""

from __future__ import annotations

import re

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.hierarchy import NEAR_KM, km
from sitrep.geo.names import fold
from sitrep.geo.place_roles import place_level
from sitrep.records import Place, Toponym

# A capitalised name (particles inside: "Jabal al Kirsh", "Khabb wa ash Shaaf") right before its brackets,
# perhaps with another name in square brackets and a kind of place between ("Salim [Al Fajir] (", "Nihm front (").
_NAME = r"[A-Z][\w’'‘-]*[\w](?:[ -](?:(?:al|el|ez|az|ad|as|ar|ash|an|at|wa|bin|bani|abu)[ -]){0,2}[A-Z][\w’'‘-]*[\w]){0,3}"
KIND_WORDS = (r"fronts?|frontlines?|front lines?|villages?|hamlets?|areas?|neighbou?rhoods?|mountains?|valley|wadi|"
              r"localit(?:y|ies)|towns?|camps?|district|sub-district|junction|crossroads?|hills?|farms?")
_BEFORE_BRACKET = re.compile(rf"(?P<name>{_NAME})(?:\s*\[[^\[\]]{{1,40}}\])?(?:\s+(?:{KIND_WORDS}))?\s*\($")
# The items of a list the brackets close: "Ananum, Gidan Adamu and Dadin Kowa (Donga, Taraba)". The last link is
# "and": "Songho, Doucoumbo Commune (Bandiagara, Mopti)" is a village and its commune, no list.
_AND_BEFORE = re.compile(rf"(?P<name>{_NAME})(?:\s*\[[^\[\]]{{1,40}}\])?\s*,?\s+(?:and|as well as)\s+$")
_COMMA_BEFORE = re.compile(rf"(?P<name>{_NAME})(?:\s*\[[^\[\]]{{1,40}}\])?\s*,\s+$")
_BRACKET_END = re.compile(r"[^()]{0,80}\)")
# A capitalised kind of area ends an area's name ("Doucoumbo Commune", "Shabelle Zone"), or follows the brackets
# of an area's other name ("Mutraw (Hpapun) District"): an area, coded as an area, not a place of its own.
_AREA_WORD = re.compile(r"(?:Commune|District|Region|Zone|Township|Subdivision|Sub-district|Province|County|"
                        r"Municipality|Governorate|Division|State|Department|Prefecture|Sector|LGA|Oblast|Rayon)\b")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_AFTER_BRACKET = re.compile(r"\s*,\s*")
# In a city a name the gazetteer lacks is mostly a quarter of it (as `locate._CITY_POPULATION`).
CITY_POPULATION = 100_000
# A town this big the gazetteer knows under the name is that town, whatever the brackets were read as.
KNOWN_TOWN_POPULATION = 50_000
# Capitalised words that start a sentence or a clause, not a place ("On 3 May (", "The").
_NOT_NAMES = {"On", "In", "At", "The", "A", "An", "Around", "As", "And", "Near", "From", "To"}


def bracketed_places(start: int, end: int, toponyms: list[Toponym], text: str,
                     gazetteer: Gazetteer) -> tuple[list[Toponym], set[int]]:
    """Toponyms for the names in text[start:end] written with bracketed areas they are not known in: each with
    a made-up place (no geonameid) named as written, at the seat of its most specific bracketed place. Also the
    ids of the toponyms that only say where those lie: the bracketed ones and an area repeated after them
    ("Nameless Hills (Gadabay Region), Gadabay")."""
    found: list[Toponym] = []
    covered: set[int] = set()  # ids of the toponyms that only say where a written place lies
    index = start - 1
    while (index := text.find("(", index + 1, end)) >= 0:
        close = _BRACKET_END.match(text, index + 1)
        if close is None or close.end() > end or _AREA_WORD.match(text, close.end() + 1):
            continue
        inside = [t.place for t in toponyms if t.place is not None and index < t.start and t.end <= close.end()]
        if not inside or len({p.country_code for p in inside}) != 1 or any(place_level(p) == 0 for p in inside):
            continue
        parent = max(inside, key=place_level)
        if place_level(parent) == 3 and (parent.population or 0) >= CITY_POPULATION:
            continue  # "Abu Salim (Tripoli)": a quarter of the city, coded as the city (`locate`)
        before = _BEFORE_BRACKET.search(text, max(start, index - 90), index + 1)
        if before is None:
            continue
        seat = gazetteer.seat(parent) if place_level(parent) in (1, 2) else parent
        if seat is None or seat.latitude is None:
            continue
        names = _listed_names(before.start("name"), before.end("name"), start, text)
        if _BETWEEN.search(text, max(start, names[-1][0] - 20), names[-1][0]):
            continue  # "between Ceel-Gilow and Gololey village (...)": the ends of a stretch, one event (`locate`)
        made = [_written(name_start, name_end, parent, seat, inside, toponyms, text) for name_start, name_end in reversed(names)]
        found.extend(t for t in made if t is not None)
        if any(made):
            after = _AFTER_BRACKET.match(text, close.end())
            covered.update(id(t) for t in toponyms if t.place is not None and (
                index < t.start and t.end <= close.end() or after and t.start == after.end()
                and t.place.country_code == parent.country_code and t.place.admin1 == parent.admin1))
    return found, covered


def _listed_names(name_start: int, name_end: int, start: int, text: str) -> list[tuple[int, int]]:
    """The name before the brackets and those listed before it, last first."""
    names = [(name_start, name_end)]
    link = _AND_BEFORE
    while (listed := link.search(text, max(start, names[-1][0] - 90), names[-1][0])) is not None:
        names.append((listed.start("name"), listed.end("name")))
        link = _COMMA_BEFORE if link is _AND_BEFORE else link
        if link is _COMMA_BEFORE and _AND_BEFORE.search(text, max(start, names[-1][0] - 90), names[-1][0]):
            break  # "A and B, C and D (...)": two lists
    return names


def _written(name_start: int, name_end: int, parent: Place, seat: Place, inside: list[Place], toponyms: list[Toponym],
             text: str) -> Toponym | None:
    """The written place for one name, or None when the name is no such place (a clause word, an area, a known
    town, a place the gazetteer knows in its written areas)."""
    written = text[name_start:name_end]
    if written.split()[0] in _NOT_NAMES or _AREA_WORD.search(written):
        return None
    for t in toponyms:
        if t.place is not None and t.start < name_end and name_start < t.end and (
                place_level(t.place) < 3 or (t.place.population or 0) >= KNOWN_TOWN_POPULATION or _known_inside(t.place, inside)):
            return None  # an area ("in western Yemen (At Tuhayat, ..."), a known town, or a place known in its written areas
    place = Place(name=written, latitude=seat.latitude, longitude=seat.longitude, country=seat.country,
                  country_code=seat.country_code, iso3=seat.iso3, admin1=parent.admin1,
                  admin2=parent.admin2 if place_level(parent) >= 2 else None)
    return Toponym(start=name_start, end=name_end, text=written, place=place, score=0.5)


def _known_inside(place: Place, parents: list[Place]) -> bool:
    """Does the resolved place lie in (or near) one of its written parents, or is it one of them?"""
    for parent in parents:
        if place.country_code != parent.country_code:
            continue
        if place_level(parent) == 3:
            if km(place, parent) < NEAR_KM / 2:
                return True
        elif place.admin1 == parent.admin1 and (place_level(parent) == 1 or not place.admin2 or place.admin2 == parent.admin2):
            return True
    return False


def written_key(place: Place) -> int | str | None:
    """What tells two event places apart: the GeoNames id, or for a written place its folded name."""
    return place.geonameid if place.geonameid is not None else f"written:{fold(place.name)}"
