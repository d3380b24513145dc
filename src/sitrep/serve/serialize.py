"""Records to the JSON the API returns. Dates become ISO strings; nothing else is renamed, so the
API's event objects are the `sitrep extract` JSONL objects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from sitrep.records import ArticleResult, Event

# The coded fields a GeoJSON feature carries; evidence and sources are one request away
# (GET /api/events/{id}), which keeps a map of thousands of events small and fast.
FEATURE_FIELDS = (
    "event_id", "doc_id", "event_date", "date_start", "date_end", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "country", "iso3", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "fatalities", "notes", "background", "generic",
    "confidence", "attribution",
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def event_json(event: Event) -> dict[str, Any]:
    return _jsonable(asdict(event))


def article_json(result: ArticleResult) -> dict[str, Any]:
    """An article with its text, its events and its annotations (toponyms, quotes, claims)."""
    data = _jsonable(asdict(result.article))
    data["events"] = [event_json(e) for e in result.events]
    data["toponyms"] = _jsonable([asdict(t) for t in result.toponyms])
    data["quotes"] = _jsonable([asdict(q) for q in result.quotes])
    data["claims"] = _jsonable([asdict(c) for c in result.claims])
    return data


def feature(row: Any, fields: Sequence[str] = FEATURE_FIELDS) -> dict[str, Any]:
    """A GeoJSON Feature from an events row (a mapping with `fields`, event_id and the coordinates)."""
    properties = {name: _jsonable(row[name]) for name in fields}
    geometry = None
    if row["latitude"] is not None and row["longitude"] is not None:
        geometry = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
    return {"type": "Feature", "id": row["event_id"], "geometry": geometry, "properties": properties}
