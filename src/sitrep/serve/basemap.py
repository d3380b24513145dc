"""The offline basemap: country borders from the `countryinfo` package, merged into one GeoJSON
FeatureCollection, simplified and cached, so the dashboard's map works with no network."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

# Coordinates rounded to 0.01 degree (about 1 km): plenty for borders at the zoom levels
# where the map shows events, and it shrinks the payload several times.
DECIMALS = 2


def _simplify_ring(ring: list[list[float]]) -> list[list[float]] | None:
    out: list[list[float]] = []
    for point in ring:
        rounded = [round(float(point[0]), DECIMALS), round(float(point[1]), DECIMALS)]
        if not out or out[-1] != rounded:
            out.append(rounded)
    if len(out) >= 2 and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None  # a ring collapsed below a triangle is dropped


def _simplify_polygon(rings: list[Any]) -> list[Any] | None:
    kept = [r for r in (_simplify_ring(ring) for ring in rings) if r]
    return kept if kept and kept[0] is not None else None


def _simplify_geometry(geometry: dict[str, Any] | None) -> dict[str, Any] | None:
    if not geometry:
        return None
    if geometry.get("type") == "Polygon":
        polygon = _simplify_polygon(geometry["coordinates"])
        return {"type": "Polygon", "coordinates": polygon} if polygon else None
    if geometry.get("type") == "MultiPolygon":
        polygons = [p for p in (_simplify_polygon(rings) for rings in geometry["coordinates"]) if p]
        return {"type": "MultiPolygon", "coordinates": polygons} if polygons else None
    return None


def country_features() -> list[dict[str, Any]]:
    """One simplified feature per country that countryinfo has borders for."""
    from countryinfo import CountryInfo

    features: list[dict[str, Any]] = []
    for key, info in sorted(CountryInfo.all().items()):
        collection = info.get("geoJSON") or {}
        iso = (info.get("ISO") or {}).get("alpha3")
        for feature in collection.get("features", []):
            geometry = _simplify_geometry(feature.get("geometry"))
            if geometry is None:
                continue
            features.append({
                "type": "Feature",
                "id": iso or feature.get("id") or key,
                "properties": {"name": info.get("name") or key, "iso3": iso},
                "geometry": geometry,
            })
    return features


@lru_cache(maxsize=1)
def basemap_json() -> tuple[bytes, str]:
    """The merged FeatureCollection as JSON bytes, and its ETag; built once per process."""
    body = json.dumps({"type": "FeatureCollection", "features": country_features()}, separators=(",", ":")).encode()
    return body, '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
