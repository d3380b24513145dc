"""Query parameters shared by the read endpoints, parsed into the store's EventFilter.

Every malformed value becomes a 422 that names the parameter and says what is expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import HTTPException, Query, Request, status

from sitrep.store.queries import EventFilter

MAX_PAGE_SIZE = 10_000
DEFAULT_PAGE_SIZE = 100


def invalid(message: str) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, message)


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'min_lon,min_lat,max_lon,max_lat' in degrees; min_lon > max_lon crosses the antimeridian."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise invalid(f"bbox: {value!r} must be four numbers min_lon,min_lat,max_lon,max_lat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise invalid(f"bbox: {value!r} must be four numbers min_lon,min_lat,max_lon,max_lat") from None
    for name, lon in (("min_lon", min_lon), ("max_lon", max_lon)):
        if not -180 <= lon <= 180:
            raise invalid(f"bbox: {name} {lon} is outside -180..180")
    for name, lat in (("min_lat", min_lat), ("max_lat", max_lat)):
        if not -90 <= lat <= 90:
            raise invalid(f"bbox: {name} {lat} is outside -90..90")
    if min_lat > max_lat:
        raise invalid(f"bbox: min_lat {min_lat} is greater than max_lat {max_lat}")
    return (min_lon, min_lat, max_lon, max_lat)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def event_filter(
    since: Annotated[date | None, Query(description="First event date, inclusive (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Last event date, inclusive (YYYY-MM-DD).")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat in degrees (WGS84).")] = None,
    country: Annotated[str | None, Query(description="Country name or ISO 3166-1 alpha-3 code.")] = None,
    admin1: Annotated[str | None, Query(description="First-level administrative area, exact name.")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles.")] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type, e.g. Armed clash.")] = None,
    actor: Annotated[str | None, Query(description="Any actor role, case-insensitive substring.")] = None,
    q: Annotated[str | None, Query(description="Text search in notes, evidence, actors and places (substring).")] = None,
    include_background: Annotated[bool, Query(description="Include past events told as context.")] = False,
    include_generic: Annotated[bool, Query(description="Include habits and patterns that are not countable events.")] = False,
) -> EventFilter:
    if since and until and since > until:
        raise invalid(f"since {since.isoformat()} is after until {until.isoformat()}")
    return EventFilter(
        since=since,
        until=until,
        bbox=parse_bbox(bbox),
        country=_clean(country),
        admin1=_clean(admin1),
        event_type=_clean(event_type),
        sub_event_type=_clean(sub_event_type),
        actor=_clean(actor),
        text=_clean(q),
        include_background=include_background,
        include_generic=include_generic,
    )


@dataclass
class Page:
    limit: int
    offset: int

    def links(self, request: Request, total: int) -> dict[str, str | None]:
        """Absolute self/next/prev URLs: the same query with the offset moved."""

        def at(offset: int) -> str:
            return str(request.url.include_query_params(limit=self.limit, offset=offset))

        return {
            "self": at(self.offset),
            "next": at(self.offset + self.limit) if self.offset + self.limit < total else None,
            "prev": at(max(0, self.offset - self.limit)) if self.offset > 0 else None,
        }


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Page size, 1..{MAX_PAGE_SIZE}.")] = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=100_000_000, description="How many results to skip.")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


EventFormat = Literal["json", "geojson"]
Period = Literal["day", "week", "month"]
Grouping = Literal["admin1", "actor", "event_type", "country"]
