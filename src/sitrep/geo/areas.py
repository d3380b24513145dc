"""Where admin areas and countries lie, and what they are called: the builder's geometry helpers.

An area gets two points: the middle of its extent (close to GeoNames' own point, used when a
toponym names the area) and its seat (the town ACLED codes a region to). Countries get the
GeoNames-convention point (countryinfo's Factbook `latlng`). Short names come from a vote over the Latin alternates.
"""

from __future__ import annotations

import math
from collections import Counter

from unidecode import unidecode

from sitrep.geo.names import fold, is_latin, loose, strip_admin_words


def extent_middle(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """The middle of the area's extent, from its places (outer 2% trimmed): close to GeoNames' own
    point for an area, which is what geoparsing gold sets use. Events use the seat instead."""
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(points) // 50
    lats, lons = lats[cut : len(lats) - cut] or lats, lons[cut : len(lons) - cut] or lons
    return round((lats[0] + lats[-1]) / 2, 5), round((lons[0] + lons[-1]) / 2, 5)


# GeoNames' point for the United States is the geographic centre of the contiguous states (near
# Lebanon, Kansas), not the Factbook's rounded 38, -97 that countryinfo ships.
_GEONAMES_COUNTRY_POINT_EXCEPTIONS = {"US": (39.76, -98.5)}


def country_points() -> dict[str, tuple[float, float]]:
    """A country's point, by the GeoNames convention: the rounded CIA-Factbook point that countryinfo
    ships as `latlng` (GeoNames uses the same: Russia 60, 100; Canada 60, -96; China 35, 105), the
    centre of the contiguous US for the US; the centroid of the largest landmass of countryinfo's
    outline where there is no `latlng`.

    Measured against the alternatives (landmass centroid, bounding-box centres, capital) on the
    LGL and GeoVirus sets this is the best on both (see docs/geoparsing.md)."""
    import ast

    from countryinfo import all_countries

    result = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        latlng = info.get("latlng")
        point = _GEONAMES_COUNTRY_POINT_EXCEPTIONS.get(code)
        if point is None and latlng and len(latlng) == 2:
            point = (float(latlng[0]), float(latlng[1]))
        if point is None:
            try:
                outline = info.get("geoJSON")
                outline = ast.literal_eval(outline) if isinstance(outline, str) else outline
                point = _largest_ring_centroid(outline)[0] if outline else None
            except (ValueError, SyntaxError, KeyError, TypeError):
                point = None
        if point:
            result[code] = point
    return result


def _largest_ring_centroid(outline: dict) -> tuple[tuple[float, float] | None, float]:
    """The centroid of the largest ring, and the share of the country's (outer-ring) area it holds."""
    rings = []
    for feature in outline.get("features", []):
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            rings.append(geometry["coordinates"][0])
        elif geometry["type"] == "MultiPolygon":
            rings.extend(polygon[0] for polygon in geometry["coordinates"])
    best = None
    total = 0.0
    for ring in rings:
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if area == 0:
            continue
        area /= 2
        cx, cy = cx / (6 * area), cy / (6 * area)
        size = abs(area) * math.cos(math.radians(cy))
        total += size
        if best is None or size > best[0]:
            best = (size, round(cy, 5), round(cx, 5))
    if best is None:
        return None, 0.0
    return best[1:], best[0] / total


def short_name(name: str, alts: list[str]) -> str:
    """The plain English name of an admin area: the most common Latin alternate with the kind-of-area
    words stripped ("Al Anbār" + ["Al-Anbar Governorate", "Anbar", "Anbar Province"] -> "Anbar")."""
    votes: Counter[str] = Counter()  # a tie goes to the entry's own name
    spelled: dict[str, str] = {}
    primary = unidecode(name)
    for candidate in [primary, *(a for a in alts if is_latin(a) and a.isascii())]:
        words = [w for w in candidate.replace("-", " ").split() if strip_admin_words(w)]
        if not words:
            continue
        display = " ".join(words)
        key = fold(display)
        votes[key] += 1.2 if candidate is primary else 1.0
        spelled.setdefault(key, candidate if fold(candidate) == key else display)
    if not votes:
        return name
    key = max(votes, key=lambda k: (votes[k], -len(k)))
    return spelled[key]


def seat(short: str, member_ids: list[int], cities: dict[int, tuple]) -> int | None:
    """The representative place of an admin area: a sizeable member named like the area, else the largest."""
    members = [g for g in member_ids if g in cities]
    if not members:
        return None
    largest = max(members, key=lambda g: cities[g][2])
    largest_pop = cities[largest][2]
    target = loose(short)
    named = [g for g in members if loose(cities[g][0]) == target and cities[g][2] >= 0.1 * largest_pop]
    if named:
        return max(named, key=lambda g: cities[g][2])
    return largest
