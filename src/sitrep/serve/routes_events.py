"""GET /api/events (JSON pages or GeoJSON) and GET /api/events/{id}."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import JSONResponse, StreamingResponse

from sitrep.report.formats import stream_events
from sitrep.serve.auth import require_read
from sitrep.serve.params import EventFormat, Page, event_filter, invalid, page
from sitrep.serve.serialize import FEATURE_FIELDS, event_json, feature
from sitrep.store.queries import EventFilter, event_conditions
from sitrep.store.repository import Store
from sitrep.store.schema import articles, events

router = APIRouter(prefix="/api/events", tags=["events"], dependencies=[Depends(require_read)])


def store_of(request: Request) -> Store:
    return request.app.state.store


@router.get("", summary="List events")
def list_events(
    request: Request,
    filter: Annotated[EventFilter, Depends(event_filter)],
    paging: Annotated[Page, Depends(page)],
    format: Annotated[EventFormat, Query(description="json: a page of events; geojson: a FeatureCollection.")] = "json",
    fields: Annotated[
        str | None,
        Query(description="GeoJSON only: the properties to include, comma-separated (default: all coded fields)."),
    ] = None,
) -> JSONResponse:
    """Events matching the filters, newest first, one page at a time.

    `format=json` gives full events (evidence and sources included) with `total` and `links`;
    `format=geojson` gives a FeatureCollection whose properties are the coded fields (events
    without coordinates have a null geometry), with the same `total` and `links` members.
    """
    properties = _parse_fields(fields) if fields else list(FEATURE_FIELDS)
    store = store_of(request)
    total = store.count_events(filter)
    filter.limit, filter.offset = paging.limit, paging.offset
    links = paging.links(request, total)
    # JSONResponse straight away: thousands of plain dicts need no response-model validation.
    if format == "geojson":
        return JSONResponse({
            "type": "FeatureCollection",
            "features": [feature(row, properties) for row in _feature_rows(store, filter, properties)],
            "total": total,
            "limit": paging.limit,
            "offset": paging.offset,
            "links": links,
        })
    return JSONResponse({
        "total": total,
        "limit": paging.limit,
        "offset": paging.offset,
        "links": links,
        "events": [event_json(e) for e in store.query_events(filter)],
    })


def _parse_fields(value: str) -> list[str]:
    wanted = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in FEATURE_FIELDS]
    if unknown or not wanted:
        raise invalid(f"fields: unknown field(s) {', '.join(unknown) or '(none given)'}; choose from {', '.join(FEATURE_FIELDS)}")
    return wanted


def _feature_rows(store: Store, f: EventFilter, properties: list[str]) -> list[Any]:
    """Only the columns asked for, in the store's order: no evidence, sources or search text to load."""
    columns = dict.fromkeys(["event_id", "latitude", "longitude", *properties])
    query = (
        sa.select(*[events.c[name] for name in columns])
        .where(*event_conditions(f, store.engine.dialect.name))
        .order_by(events.c.event_date.desc().nulls_last(), events.c.event_id)
        .limit(f.limit)
        .offset(f.offset)
    )
    with store.engine.connect() as conn:
        return list(conn.execute(query).mappings())


EXPORT_MEDIA_TYPES = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "geojson": ("application/geo+json", "geojson"),
}


@router.get("/export", summary="Download events (ACLED CSV, JSONL or GeoJSON)")
def export_events(
    request: Request,
    filter: Annotated[EventFilter, Depends(event_filter)],
    format: Annotated[
        Literal["acled-csv", "jsonl", "geojson"],
        Query(description="acled-csv: every ACLED column, then Sitrep's; jsonl: one full event per line; geojson: a FeatureCollection."),
    ] = "acled-csv",
) -> StreamingResponse:
    """Every event matching the filters (no paging), newest first, streamed as a file download."""
    media_type, extension = EXPORT_MEDIA_TYPES[format]
    events_found = store_of(request).iter_events(filter)
    return StreamingResponse(
        stream_events(events_found, format),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="sitrep-events.{extension}"'},
    )


@router.get("/{event_id}", summary="One event")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    """One event with all its source reports, their evidence spans and every coded field."""
    event = store_of(request).get_event(event_id)
    if event is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no event with id {event_id!r}")
    data = event_json(event)
    data["articles"] = _source_articles(store_of(request), [s.article_id for s in event.sources] or [event.doc_id])
    return data


def _source_articles(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Title, outlet, date and URL of each source article (their texts are at /api/articles/{id})."""
    columns = [articles.c[name] for name in ("id", "title", "outlet", "published", "url")]
    with store.engine.connect() as conn:
        found = {row["id"]: dict(row) for row in conn.execute(sa.select(*columns).where(articles.c.id.in_(ids))).mappings()}
    return [
        {**found[i], "published": found[i]["published"].isoformat() if found[i]["published"] else None}
        for i in ids
        if i in found
    ]
