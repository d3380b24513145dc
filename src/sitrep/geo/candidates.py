"""Which gazetteer entries a place name may refer to: its spellings, a demonym written where a place is expected
("Syrians", "Ohioans"), a former country name ("Zaire"), and not a town an acronym spells ("EU", "JaS")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from sitrep.geo.gazetteer import Candidate, Gazetteer
from sitrep.geo.mentions import Mention
from sitrep.geo.names import FORMER_COUNTRY_CODES, fold

# A short name with a capital after a small letter: "JaS", "DoD", "HoA".
_MIXED_CASE_ACRONYM = re.compile(r"^[A-Z][a-z]{1,2}[A-Z][A-Za-z]?$")


def mention_candidates(mention: Mention, gazetteer: Gazetteer) -> list[Candidate]:
    """The readings of a mention, located ones only (a country may have no point)."""
    found = gazetteer.candidates(mention.text)
    cands = without_district_namesakes([c for c in found if c.place.latitude is not None or c.is_country], mention.text,
                                       gazetteer, found)
    code = gazetteer.country_of_demonym(mention.text)  # "Syrians" where a place is expected: Syria
    if code and not any(c.is_country and c.place.country_code == code for c in cands):
        country = gazetteer.country_candidate(code)
        if country:
            cands.append(country)
    former = FORMER_COUNTRY_CODES.get(fold(mention.text))  # "Zaire": the country under its former name
    if former and not any(c.is_country and c.place.country_code == former for c in cands):
        country = gazetteer.country_candidate(former)
        if country:
            cands.append(Candidate(country.place, country.population, True, True))
    if mention.source != "dateline" and 2 <= len(mention.text) <= 4 and mention.text.isalpha() and mention.text.isupper():
        # an acronym ("EU"; datelines are in capitals anyway) is not a town it spells ("Eu")
        cands = [c for c in cands if not (c.preferred and c.admin_level is None and not c.place.name.isupper())]
    elif _MIXED_CASE_ACRONYM.match(mention.text):
        # "JaS" (Jaysh al-Sharqiya), "DoD": an acronym, not a place spelled that way in other case ("Jas", Iasi)
        cands = [c for c in cands if c.is_country]
    if not cands:
        cands = _area_of_demonym(mention.text, gazetteer)
    return cands


_DISTRICT_NAMESAKE_POPULATION = 10_000


def without_district_namesakes(cands: list[Candidate], name: str, gazetteer: Gazetteer,
                               readings: list[Candidate] | None = None) -> list[Candidate]:
    """The readings, less the small places named like a second-level area GeoNames gives no point, of the same
    first-level area but outside it: "Kadikoy, Istanbul" is the city's district, not a village of Silivri.
    `readings` are the name's gazetteer candidates when the caller has them."""
    readings = gazetteer.candidates(name) if readings is None else readings
    districts = [c for c in readings if c.admin_level == 2 and c.place.latitude is None and c.exact and c.preferred]
    if not districts:
        return cands
    return [c for c in cands if not any(_village_of_another_district(c, d) for d in districts)]


def _village_of_another_district(cand: Candidate, district: Candidate) -> bool:
    """A small place of the same first-level area as a district of its name, but outside that district."""
    a, b = cand.place, district.place
    return (cand.admin_level is None and cand.population < _DISTRICT_NAMESAKE_POPULATION and a.country_code == b.country_code
            and bool(a.admin1) and a.admin1 == b.admin1 and bool(a.admin2) and a.admin2 != b.admin2)  # (many towns have no district)


def _area_of_demonym(word: str, gazetteer: Gazetteer) -> list[Candidate]:
    """"Ohioans", "Minnesotans", "Ontarians", "Dagestani", "Abkhaz", "European" where a place is expected:
    the first-level area or continent whose name the word is built on (the gazetteer's demonyms are countries')."""
    if len(word) < 5 or not word[:1].isupper():
        return []
    if word.endswith("ans"):
        stems = [word[:-1], word[:-2], word[:-3], word[:-3] + "o"]  # South Ossetians, Ohioans, Ontarians
    elif word.endswith("an"):
        stems = [word[:-1], word[:-2]]  # South Ossetian, European
    elif word.endswith(("i", "is")):
        stems = [word.rstrip("s")[:-1]]  # Dagestani
    elif word[-1] in "zkh":
        stems = [word + "ia"]  # Abkhaz
    else:
        return []
    for stem in stems:
        if len(stem) < 4:
            continue
        found = [c for c in gazetteer.candidates(stem, exact_only=True)
                 if c.admin_level == 1 or c.place.feature_code == "CONT"]
        if found:
            return [Candidate(c.place, c.population, False, False) for c in found]
    return []


def towns_named_like_parents(parents: list[Candidate], gazetteer: Gazetteer) -> list:
    """The seats of the written parent areas that bear the area's name ("Donetsk" the oblast and the city)."""
    towns = []
    for parent in parents:
        if parent.admin_level in (1, 2):
            seat = gazetteer.seat(parent.place)
            short = parent.place.admin1 if parent.admin_level == 1 else parent.place.admin2  # "Donetsk" of "Donetska oblast"
            if seat is not None and seat.latitude is not None and fold(seat.name) in {fold(parent.place.name), fold(short or "")}:
                towns.append(seat)
    return towns


def variants_in_parents(mention: Mention, parents: list[Candidate], gazetteer: Gazetteer, skeletons: bool = True) -> list[Candidate]:
    """The places of the written parent areas (the most specific first) spelled with the mention's consonants,
    or named like it with a qualifier ("New Badah" for "Badah town (Larkana, Sindh)")."""
    for level in (2, 1):
        found = {c.place.geonameid: c for p in parents if p.admin_level == level
                 for c in ((skeletons and gazetteer.variants_in_area(mention.text, p.place))
                           or gazetteer.qualified_in_area(mention.text, p.place))}
        if found:
            return list(found.values())
    return []


# A city this big, known under another name, that dwarfs every town of this exact name: the name is its exonym
# ("Odessa" is Odesa, not Odessa, Texas), unless the article is about other countries than the city's ("Mansura -
# al Tabqa road in Ar-Raqqa" is no Egyptian city) or one of those towns lies in a country it is about.
_EXONYM_CITY_POPULATION = 500_000
_EXONYM_CITY_SHARE = 5


def exonym_of_big_city(cand: Candidate, cands: list[Candidate], focus: Mapping[str, float]) -> bool:
    """Does the name read `cand`, a big city, by its exonym? (The resolver then weighs it as its own name.)"""
    if cand.preferred or not cand.exact or cand.admin_level is not None or cand.population < _EXONYM_CITY_POPULATION:
        return False
    if focus and not focus.get(cand.place.country_code):
        return False
    towns = [c for c in cands if c.preferred and c is not cand]
    return all(_EXONYM_CITY_SHARE * c.population <= cand.population and not focus.get(c.place.country_code) for c in towns)
