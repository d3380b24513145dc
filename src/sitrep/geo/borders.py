"""Which first-level areas of a country lie along its border with a neighbouring country.

"Along the border with Syria" in an article about Iraq is in Iraq, in one of the Iraqi areas that
touch Syria (Anbar, Nineveh). The packaged data has no area outlines, so an area counts as a
border area when some of its places lie within `BORDER_KM` of a place of the neighbour; the
article's own places then say which of those areas it is about.
"""

from __future__ import annotations

import math
from functools import lru_cache

from sitrep.geo.gazetteer import Gazetteer

BORDER_KM = 40.0
_CELL_DEGREES = 0.5


def border_areas(gazetteer: Gazetteer, country_code: str, neighbour: str) -> dict[str, tuple[float, float]]:
    """admin1 code -> (latitude, longitude) of its place nearest the border, for the first-level areas of
    `country_code` with places within BORDER_KM of `neighbour`'s places; empty when the two do not meet."""
    return _border_areas(gazetteer, country_code, neighbour)


@lru_cache(maxsize=256)
def _border_areas(gazetteer: Gazetteer, country_code: str, neighbour: str) -> dict[str, tuple[float, float]]:
    if neighbour not in gazetteer.neighbours.get(country_code, set()):
        return {}
    grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for lat, lon in gazetteer.conn.execute(
        "SELECT latitude, longitude FROM places WHERE country_code = ? AND feature_class = 'P' AND latitude IS NOT NULL",
        (neighbour,),
    ):
        grid.setdefault(_cell(lat, lon), []).append((lat, lon))
    nearest: dict[str, tuple[float, tuple[float, float]]] = {}
    for lat, lon, admin1 in gazetteer.conn.execute(
        "SELECT latitude, longitude, admin1_code FROM places WHERE country_code = ? AND feature_class = 'P' "
        "AND latitude IS NOT NULL AND admin1_code != ''",
        (country_code,),
    ):
        row, col = _cell(lat, lon)
        distance = min(
            (km(lat, lon, olat, olon) for dr in (-1, 0, 1) for dc in (-1, 0, 1) for olat, olon in grid.get((row + dr, col + dc), ())),
            default=math.inf,
        )
        if distance <= BORDER_KM and distance < nearest.get(admin1, (math.inf,))[0]:
            nearest[admin1] = (distance, (lat, lon))
    return {admin1: point for admin1, (_distance, point) in nearest.items()}


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat / _CELL_DEGREES)), int(math.floor(lon / _CELL_DEGREES))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    """Great-circle distance in km."""
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))
