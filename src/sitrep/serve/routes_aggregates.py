"""GET /api/aggregates: event counts and fatalities per day, week or month, optionally grouped."""

from __future__ import annotations

from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Query, Request

from sitrep.serve.auth import require_read
from sitrep.serve.params import Grouping, Period, event_filter
from sitrep.store.queries import EventFilter
from sitrep.store.schema import events

router = APIRouter(prefix="/api/aggregates", tags=["aggregates"], dependencies=[Depends(require_read)])


@router.get("", summary="Counts and fatalities over time")
def aggregates(
    request: Request,
    filter: Annotated[EventFilter, Depends(event_filter)],
    period: Annotated[Period, Query(description="Bucket size; weeks start on Monday.")] = "week",
    by: Annotated[Grouping | None, Query(description="Group each period by admin1, actor, event_type or country.")] = None,
) -> dict[str, Any]:
    """One bucket per period (and group): `events` counted and `fatalities` summed over the filtered events.

    Undated events fall in a bucket whose `period` is null. By actor, an event counts once for
    each of its actors.
    """
    rows = request.app.state.store.aggregate(filter, period=period, by=by)
    buckets = [
        {
            "period": row.period.isoformat() if row.period else None,
            **({"key": row.key} if by else {}),
            "events": row.events,
            "fatalities": row.fatalities,
        }
        for row in rows
    ]
    return {
        "period": period,
        "by": by,
        "total_events": sum(b["events"] for b in buckets) if by != "actor" else None,
        "total_fatalities": sum(b["fatalities"] for b in buckets) if by != "actor" else None,
        "buckets": buckets,
    }


summary_router = APIRouter(prefix="/api/summary", tags=["aggregates"], dependencies=[Depends(require_read)])


@summary_router.get("", summary="Date range of the stored events")
def summary(request: Request) -> dict[str, Any]:
    """The first and last event dates (background and generic events left out): from the date
    index alone, so it is instant on any store. The dashboard opens on the last year of this range."""
    visible = [events.c.background.is_(False), events.c.generic.is_(False), events.c.event_date.is_not(None)]
    with request.app.state.store.engine.connect() as conn:
        first = conn.execute(sa.select(events.c.event_date).where(*visible).order_by(events.c.event_date).limit(1)).scalar()
        last = conn.execute(sa.select(events.c.event_date).where(*visible).order_by(events.c.event_date.desc()).limit(1)).scalar()
    return {
        "first_event_date": first.isoformat() if first else None,
        "last_event_date": last.isoformat() if last else None,
    }
