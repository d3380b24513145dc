"""Where an event happened: from the toponyms of its sentence (or, failing those, of the article).

ACLED's geo_precision (codebook): 1 = the source names a town with known coordinates;
2 = near a town, or a small part of a region / a general area (coded to a town that represents
it); 3 = a larger region, coded to its provincial capital (or a natural location). ACLED codes
no event to a country as its smallest unit.

Choices made here:
- A place an actor comes from is not where the event happened: "Iraqi forces", "the Baghdad
  government", "Syria's army", "fighters from Syria" are skipped while another place is left.
- A reporting place ("said in Geneva", "told reporters in Washington") is skipped likewise.
- "near Rutba", "30 km south of Kirkuk", "outside Mosul": the anchor, precision 2.
- "along the border with Syria" in an article about Iraq: the Iraqi side (`borders.border_areas`):
  a border town the article names (Qaim), else the seat of the one Iraqi border area the article
  names a place of, precision 2; a sentence without a place after it inherits it like any place.
  When the article does not say which border area, the event stays country-level.
- An admin area ("Anbar province", "Diyala, in eastern Iraq", "western Anbar"): its seat
  (provincial capital), precision 3 for first-level areas, 2 for districts.
- No place in the sentence: the nearest place before it (then after it), the dateline included;
  a place told earlier in the same paragraph keeps its precision (the story's scene), one from the
  dateline, an earlier paragraph or after the sentence is "near" the event at best (2; a region stays 3);
  of "in Sobral, Ceara" before it, the town rather than the state.
- Namesakes (`sitrep.geo.namesakes`): a small town or area abroad that nothing in the article points
  to is no event place; a small place outside its actors' operating areas is read as its namesake inside.
- Only a country known: a country-level Location whose place has feature_code "PCLI" and NO
  coordinates (never a silent centroid); `apply_location` then fills country and iso3 only. With no
  place at all, the one country the article's actors operate in (`actor_areas`) is that country.
- Nothing at all: an empty list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sitrep.geo.admin_names import acled_admin1
from sitrep.geo.borders import border_areas
from sitrep.geo.borders import km as _km
from sitrep.geo.detect import dateline_extent
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.names import fold
from sitrep.geo.namesakes import namesakes_abroad, prefer_actor_areas
from sitrep.geo.place_roles import (
    NATURAL_CLASSES, is_actor_home, is_far_end_of_stretch, is_in_passing, is_part_of_town, is_road_end, names_a_building_in,
    names_a_thing, place_level,
)
from sitrep.geo.relations import admin_word_after, is_city_context, is_part_of
from sitrep.geo.written_places import bracketed_places, written_key
from sitrep.records import Article, Event, Location, Place, Toponym

_BORDER = re.compile(r"border|frontier", re.I)
_BORDER_TOWN_KM = 60.0  # a town of the article this close to the border stands for "the border area"


def locate_event(
    sentence_span: Any, toponyms: list[Toponym], article: Article, gazetteer: Gazetteer,
    actor_areas: Mapping[str, set[str]] | None = None,
) -> list[Location]:
    """Where the event told in this sentence happened: one Location per distinct place.

    `sentence_span` is the sentence as a spaCy Span, an Evidence, or a (start, end) pair of
    character offsets into `article.text`. `toponyms` are the article's resolved toponyms
    (from `resolve_toponyms`). `actor_areas` ({country code: {GeoNames admin1 code}}) are the areas the
    article's actors operate in (`extract.actor_countries.actor_hints`). Returns [] when not even the
    country is known.
    """
    start, end = _offsets(sentence_span)
    text = article.text
    if actor_areas:
        toponyms = prefer_actor_areas(toponyms, actor_areas, gazetteer)
    dateline_end = dateline_extent(text)
    abroad = namesakes_abroad(toponyms, text)
    if abroad:
        toponyms = [t for t in toponyms if id(t) not in abroad]
    # The dateline says where the reporter was: context for other sentences, not this one's place.
    inside = [t for t in toponyms if t.place is not None and t.start >= max(start, dateline_end) and t.end <= end]
    usable = [t for t in inside if not is_actor_home(text, t) and not is_in_passing(text, t) and not is_part_of_town(text, t)
              and not is_far_end_of_stretch(text, t)]
    sub_country = [t for t in usable if t.place.feature_code != "PCLI"]
    things = {id(t) for t in sub_country if names_a_thing(text, t)}
    if len(things) < len(sub_country):
        # "on Murree road in Rawalpindi city": the town, not the road's namesake; the road alone still places it
        plain = [t for t in sub_country if id(t) not in things]
        sub_country = [t for t in sub_country if id(t) not in things or names_a_building_in(text, t, plain)]
    elif len(sub_country) > 1 and all(is_road_end(text, t) for t in sub_country[1:]):
        sub_country = sub_country[:1]  # "the highway between Kabul and Jalalabad": one event, at the first end
    # "Bab Ghaliq (Qaatabah, Ad Dali)": a name the gazetteer lacks (or knows only elsewhere) in its written areas
    written, covered = bracketed_places(start, end, toponyms, text, gazetteer)
    if written:
        sub_country = sorted([t for t in sub_country if id(t) not in covered and not any(w.start < t.end and t.start < w.end for w in written)]
                             + written, key=lambda t: t.start)
    # "in Binga (Lisala, Mongala)": the bracket holds Binga's areas, whatever level their names resolved to
    sub_country = [t for t in sub_country if not _bracketed_parent(t, sub_country, text)]
    named_countries = {t.place.country_code for t in inside if t.place.feature_code == "PCLI" and not is_actor_home(text, t)}
    if any(t.place.country_code in named_countries for t in sub_country):
        # "Al Fazzah and Al Jabaliyah areas in western Yemen": a namesake abroad is not the place
        sub_country = [t for t in sub_country if t.place.country_code in named_countries]
    if any(t.place.feature_class not in NATURAL_CLASSES for t in sub_country):
        # "a ship attacked in the Red Sea off Hodeidah", "clashes in Puntland near Galkayo": the town is the place;
        # but "in Jabal al-Zawiya in the southern countryside of Idleb": the feature, inside the area named around it
        natural = [t for t in sub_country if t.place.feature_class in NATURAL_CLASSES]
        sub_country = [t for t in sub_country if t.place.feature_class not in NATURAL_CLASSES]
        if natural and all(_wider_than(t, feature) for t in sub_country for feature in natural):
            sub_country = [_in_area(feature, sub_country) for feature in natural]
    if sub_country:
        unknown = [t for t in toponyms if t.place is None and start <= t.start and t.end <= end]
        locations = [_location(t, text, gazetteer, _holds_unknown_name(t, unknown, text)) for t in _most_specific(sub_country, text)]
        return _distinct([loc for loc in locations if loc is not None])
    for toponym in inside:
        border = _border_location(toponym, toponyms, text, gazetteer)
        if border is not None:
            return [border]
    countries = {t.place.country_code for t in inside if t.place.feature_code == "PCLI"}
    context = _from_context(start, end, toponyms, text, gazetteer, countries, dateline_end)
    if context:
        return [context]
    country_toponym = next((t for t in usable if t.place.feature_code == "PCLI"), None) or next(
        (t for t in inside if t.place.feature_code == "PCLI"), None
    )
    if country_toponym is not None:
        return [_country_level(country_toponym.place.country_code, country_toponym, gazetteer)]
    focus = _article_country(toponyms)
    if focus:
        return [_country_level(focus, None, gazetteer)]
    if actor_areas and len(actor_areas) == 1:
        # "the OSCE SMM observed explosions near Novovyboeve": no place known, but the actors operate in one country
        return [_country_level(next(iter(actor_areas)), None, gazetteer)]
    return []


def area_location(name: str, country: str, gazetteer: Gazetteer) -> Location | None:
    """A first-level area named by `name` in the country (ACLED's name for it), coded as ACLED codes a region:
    its seat, precision 3."""
    area = next((c.place for c in gazetteer.candidates(name) if c.admin_level == 1 and c.place.country == country), None)
    seat = gazetteer.seat(area) if area is not None else None
    return Location(place=seat, geo_precision=3) if seat is not None else None


def apply_location(event: Event, location: Location) -> None:
    """Fill the event's ACLED place fields (country, iso3, admin1, admin2, location, coordinates, geo_precision)."""
    place = location.place
    event.country = place.country
    event.iso3 = place.iso3
    event.geo_precision = location.geo_precision
    if place.feature_code == "PCLI":  # country-level: no town, no coordinates
        event.admin1 = event.admin2 = event.location = None
        event.latitude = event.longitude = None
        return
    event.admin1 = acled_admin1(place.country_code, place.admin1, place.admin2)  # the name ACLED users read
    event.admin2 = place.admin2
    event.location = place.name
    event.latitude = place.latitude
    event.longitude = place.longitude


# --- helpers ---------------------------------------------------------------------------------


def _offsets(span: Any) -> tuple[int, int]:
    if hasattr(span, "start_char"):
        return span.start_char, span.end_char
    if isinstance(span, tuple | list):
        return int(span[0]), int(span[1])
    return int(span.start), int(span.end)


def _most_specific(toponyms: list[Toponym], text: str) -> list[Toponym]:
    """Drop an area when a place inside it is also named ("Rutba, in Anbar" -> Rutba)."""
    kept = []
    for t in toponyms:
        level = place_level(t.place)
        inner = [o for o in toponyms if o is not t and o.place.country_code == t.place.country_code and place_level(o.place) > level]
        if level == 1 and any(o.place.admin1 == t.place.admin1 for o in inner):
            continue
        if level == 2 and any(o.place.admin2 == t.place.admin2 and o.place.admin2 for o in inner):
            continue
        if level in (1, 2) and t.relation is None and any(
            o.end <= t.start and t.start - o.end < 40 and o.place.admin1 == t.place.admin1 for o in inner
        ):
            continue
        if level == 3 and t.relation is None and _names_its_area(t) and any(
            o is not t and o.place.country_code == t.place.country_code and o.place.admin1 == t.place.admin1
            and place_level(o.place) == 3 and o.end <= t.start and _COMMA_GAP.fullmatch(text[o.end : t.start]) for o in toponyms
        ):
            continue  # "in Nova Iguacu, Rio de Janeiro": the state the town before lies in, not its capital
        kept.append(t)
    return kept


_COMMA_GAP = re.compile(r"\s*,\s*")


def _names_its_area(toponym: Toponym) -> bool:
    """A town named exactly like its first-level area ("Rio de Janeiro", "Kirkuk")."""
    place = toponym.place
    return bool(place.admin1) and fold(place.name) == fold(place.admin1)


_COUNTRYSIDE = re.compile(r"countryside|rural|environs")


# How far from a first-level area's point a natural feature the gazetteer holds without areas may lie and still be
# in the area the text writes around it ("the Hamrin mountains in Saladin province").
_FEATURE_IN_AREA_KM = 150.0


def _wider_than(toponym: Toponym, feature: Toponym) -> bool:
    """The first-level area, or the countryside of its town, that a natural feature of the text lies in."""
    place, inner = toponym.place, feature.place
    if not inner.admin1 and place_level(place) == 1 and None not in (place.latitude, inner.latitude):
        return inner.country_code in (None, "", place.country_code) and _km(
            place.latitude, place.longitude, inner.latitude, inner.longitude) <= _FEATURE_IN_AREA_KM
    if not inner.admin1 or place.country_code != inner.country_code or place.admin1 != inner.admin1:
        return False
    return place_level(place) == 1 or bool(toponym.relation and _COUNTRYSIDE.search(toponym.relation))


def _in_area(feature: Toponym, areas: list[Toponym]) -> Toponym:
    """The feature, given the first-level area written around it when the gazetteer holds it without one."""
    area = next((t.place for t in areas if place_level(t.place) == 1), None)
    if feature.place.admin1 or area is None:
        return feature
    place = replace(feature.place, admin1=area.admin1, country=area.country, country_code=area.country_code, iso3=area.iso3)
    return replace(feature, place=place)


def _location(toponym: Toponym, text: str, gazetteer: Gazetteer, holds_unknown: bool = False) -> Location | None:
    place = toponym.place
    level = place_level(place)
    if level in (1, 2):
        seat = gazetteer.seat(place)
        if seat is None:
            return None
        precision = 3 if level == 1 else 2
        if level == 2 and not toponym.relation and _names_its_seat(toponym, seat, text):
            precision = 1  # "in Guaymas, Sonora": the town the municipality is named after, Heroica Guaymas
        return Location(place=seat, geo_precision=precision, toponym=toponym)
    if place.feature_class in NATURAL_CLASSES:  # rivers, mountains, deserts: a large area
        precision = 3 if place.feature_class != "L" or not place.population else 2
        return Location(place=place, geo_precision=precision, toponym=toponym)
    precision = 2 if holds_unknown or place.geonameid is None else 1  # a written place: at its area's seat
    if toponym.relation and not (level == 3 and is_part_of(toponym.relation)):  # "central Van" is in the town
        precision = 3 if _BORDER.search(toponym.relation) and level == 0 else 2
    return Location(place=place, geo_precision=precision, toponym=toponym)


def _names_its_seat(toponym: Toponym, seat: Place, text: str) -> bool:
    """Does a district's name, written with no kind of area after it, name its seat town: the seat is named like
    it ("Guaymas" municipality, Heroica Guaymas) or the text calls it a town ("Nassriya city")?"""
    if admin_word_after(text, toponym.end):
        return False
    if is_city_context(text, toponym.start, toponym.end):
        return True
    written, town = fold(toponym.text), fold(seat.name)
    return written == town or f" {written} " in f" {town} "


# Between a name and the town written as its place: "Kanama (Rafah", "Valencia, Sangre Grande", "Tieba village, Bankass".
_UNKNOWN_INSIDE_GAP = re.compile(r"\s*(?:(?:village|hamlet|locality|camp)\s*)?(?:,|\(|\bin\b)\s*", re.I)
# In a city a name the gazetteer lacks is mostly a quarter of it ("Abu Salim (Tripoli)"), which ACLED codes as the city.
_CITY_POPULATION = 100_000


def _holds_unknown_name(toponym: Toponym, unknown: list[Toponym], text: str) -> bool:
    """A place the gazetteer lacks is written as lying in this town: the event is near the town (ACLED's precision 2
    for the nearest known place), not at it. In a city such a name is mostly a quarter, coded as the city, unless
    the text itself relates the event to it ("near Slavne, Donetsk", "in the area of Holubivske, Luhansk")."""
    held = [u for u in unknown if u.end <= toponym.start and _UNKNOWN_INSIDE_GAP.fullmatch(text[u.end : toponym.start])]
    return any((toponym.place.population or 0) < _CITY_POPULATION or u.relation for u in held)


_BRACKET_GAP = re.compile(r"\s*\((?:[^()]{0,40},\s*)?")


def _bracketed_parent(toponym: Toponym, others: list[Toponym], text: str) -> bool:
    """Is the toponym written in brackets after another place of the same country ("Binga (Lisala, Mongala)")?"""
    if "(" not in text[max(0, toponym.start - 45) : toponym.start]:
        return False
    return any(o is not toponym and o.end <= toponym.start and o.place.country_code == toponym.place.country_code
               and _BRACKET_GAP.fullmatch(text[o.end : toponym.start]) for o in others)


def _from_context(start, end, toponyms, text, gazetteer, countries: set[str], dateline_end: int = 0) -> Location | None:
    """The nearest usable place outside the sentence: before it first (the story so far), then after. The
    dateline counts as before even in the sentence it opens ("BAGHDAD — A car bomb killed five people")."""
    borders = {id(t): loc for t in toponyms if (loc := _border_location(t, toponyms, text, gazetteer)) is not None}
    if start < dateline_end <= end:  # the dateline is told before the sentence it opens
        start = dateline_end
    outside = [
        t for t in toponyms
        if t.place is not None and (t.place.feature_code != "PCLI" or id(t) in borders) and (t.end <= start or t.start >= end)
        and not is_actor_home(text, t) and not is_in_passing(text, t) and not is_part_of_town(text, t)
        and (not countries or t.place.country_code in countries or id(t) in borders)
    ]
    outside = [t for t in outside if not _bracketed_parent(t, outside, text)]
    if not outside:
        return None
    before = [t for t in outside if t.end <= start]
    after = [t for t in outside if t.start >= end]
    # "in Sobral, Ceara, police raided a house. Officers were attacked": the town, not the state named after
    # it; the nearest place named at all when the town gives no point (an area without a seat)
    location = None
    for near_before, near_after in ((_most_specific(before, text), _most_specific(after, text)), (before, after)):
        pick = max(near_before, key=lambda t: t.end) if near_before else min(near_after, key=lambda t: t.start)
        location = borders.get(id(pick)) or _location(pick, text, gazetteer)
        if location is not None:
            break
    if location is not None and not _told_before_in_paragraph(location.toponym, start, text, dateline_end):
        location.geo_precision = max(2, location.geo_precision)  # a town named elsewhere: "near" it at best (2)
    return location


def _told_before_in_paragraph(toponym: Toponym | None, start: int, text: str, dateline_end: int) -> bool:
    """Is the place the story so far names in this paragraph ("In Sobral, police raided a house. Officers were
    attacked"): the event's town as much as if the sentence named it (the dateline is where the reporter was)."""
    return (toponym is not None and dateline_end <= toponym.start and toponym.end <= start
            and "\n" not in text[toponym.end : start])


def _border_location(toponym: Toponym, toponyms: list[Toponym], text: str, gazetteer: Gazetteer) -> Location | None:
    """"Along the border with Syria" in an article about Iraq: the Iraqi side, in the border area the article
    names a place of (a border town it names, else the area's seat), precision 2; None when undetermined."""
    place = toponym.place
    if place is None or place.feature_code != "PCLI" or not toponym.relation or not _BORDER.search(toponym.relation):
        return None
    neighbour = place.country_code
    homes = [t.place.country_code for t in toponyms if t.place is not None and t.place.country_code != neighbour
             and t.place.country_code in gazetteer.neighbours.get(neighbour, set())]
    if not homes:
        return None
    home = max(homes, key=homes.count)  # a tie goes to the first named, not to set order
    areas = border_areas(gazetteer, home, neighbour)
    code_of = {gazetteer.admin_name(home, code): code for code in areas}
    named = [t for t in toponyms if t.place is not None and t.place.country_code == home and t.place.admin1 in code_of
             and not is_actor_home(text, t)]
    if named:
        nearest = min(named, key=lambda t: abs(t.start - toponym.start))
        code = code_of[nearest.place.admin1]
    elif len(areas) == 1:
        code = next(iter(areas))
    else:
        return None
    lat, lon = areas[code]
    towns = [t for t in named if t.place.admin1 == gazetteer.admin_name(home, code) and place_level(t.place) == 3
             and t.place.latitude is not None and _km(t.place.latitude, t.place.longitude, lat, lon) <= _BORDER_TOWN_KM]
    if towns:
        return Location(place=min(towns, key=lambda t: abs(t.start - toponym.start)).place, geo_precision=2, toponym=toponym)
    row = gazetteer.conn.execute(
        "SELECT geonameid FROM places WHERE country_code = ? AND admin1_code = ? AND feature_code = 'ADM1'", (home, code)
    ).fetchone()
    area = gazetteer.place(row[0]) if row else None
    seat = gazetteer.seat(area) if area else None
    return Location(place=seat, geo_precision=2, toponym=toponym) if seat else None


def _article_country(toponyms: list[Toponym]) -> str | None:
    codes = [t.place.country_code for t in toponyms if t.place is not None and t.place.country_code]
    if not codes:
        return None
    return max(codes, key=codes.count)  # a tie goes to the first named, not to set order (hash seed)


# Countries that are one city: an event there is in the city (ACLED codes "Singapore", "Hong Kong" as locations),
# not somewhere in a country with no point.
CITY_STATES = frozenset({"SG", "HK", "MO", "MC", "VA", "SM", "GI"})


def _country_level(country_code: str, toponym: Toponym | None, gazetteer: Gazetteer) -> Location:
    acled, iso3, gid, capital = gazetteer.countries.get(country_code, (country_code, None, None, None))
    city = gazetteer.place(capital) if country_code in CITY_STATES and capital else None
    if city is not None and city.latitude is not None:
        return Location(place=city, geo_precision=1 if toponym is not None else 2, toponym=toponym)
    place = Place(name=acled, country=acled, country_code=country_code, iso3=iso3, geonameid=gid,
                  feature_class="A", feature_code="PCLI")
    return Location(place=place, geo_precision=3, toponym=toponym)


def _distinct(locations: list[Location]) -> list[Location]:
    seen: dict[int | str | None, Location] = {}
    for location in locations:
        key = written_key(location.place)
        if key not in seen or location.geo_precision < seen[key].geo_precision:
            seen[key] = location
    return list(seen.values())
