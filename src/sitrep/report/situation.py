"""Situation reports: what happened in a region over a period, built from the store.

`build_situation_report(store, request)` reads the period's events (and the previous period of
the same length, for comparison) and returns a `SituationReport`: headline figures by ACLED
event type, hotspots, main actors, a timeline, notable events quoted from their sources, what
sources said, and the coverage behind it. Renderers (`situation_md`, `situation_html`) and
`to_dict()` (JSON) only present it; the counting itself is in `situation_tally`.

Counts follow the store's defaults, which follow ACLED: background and generic events are left
out, and an event's fatalities are its coded (conservative) figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sitrep.report import situation_tally as tally
from sitrep.report.situation_model import (
    INTER_LABELS, UNKNOWN_REGION, ActorFigure, Coverage, Figure, Hotspot, LocationFigure, Period, SituationReport,
    TimelineBin, TypeFigure, methods_notes, percent_change,
)
from sitrep.report.situation_sources import ArticleRef, article_refs, notable_events, select_statements
from sitrep.report.situation_tally import timeline_unit
from sitrep.store import EventFilter, Store

__all__ = [
    "INTER_LABELS", "UNKNOWN_REGION", "ActorFigure", "Coverage", "Figure", "Hotspot", "LocationFigure", "Period",
    "ReportError", "ReportRequest", "SituationReport", "TimelineBin", "TypeFigure", "build_situation_report",
    "methods_notes", "percent_change", "resolve_period", "timeline_unit",
]

DEFAULT_DAYS = 7


class ReportError(ValueError):
    """The request cannot be answered (e.g. `since` after `until`); the message is one line."""


@dataclass
class ReportRequest:
    """What to report on. Missing dates default to the last DEFAULT_DAYS days up to the latest event."""

    since: date | None = None
    until: date | None = None
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    top: int = 10  # rows in the hotspot, location and actor tables
    notable: int = 5  # events in each notable list (deadliest, best-sourced)
    statements: int = 8


# -- building -----------------------------------------------------------------------------------


def build_situation_report(store: Store, request: ReportRequest) -> SituationReport:
    """Read the store and compute the report for the request's period and scope."""
    period = resolve_period(store, request)
    previous = period.previous()
    current = tally.tally(store.iter_events(_filter(request, period)))
    before = tally.tally(store.iter_events(_filter(request, previous)))
    totals = Figure(current.events, current.fatalities, before.events, before.fatalities)

    unit, timeline = tally.timeline(period, current.by_day)
    refs = article_refs(store.engine, current.article_events)
    notable = notable_events(
        store,
        tally.top_candidates(current.candidates, request.notable, by="fatalities"),
        tally.top_candidates(current.candidates, request.notable, by="sources"),
        refs,
    )
    statements = select_statements(store.engine, current.article_events, notable, refs, request.statements)
    return SituationReport(
        period=period, previous=previous, country=list(request.country), admin1=list(request.admin1),
        totals=totals, by_type=tally.by_type(current, before), hotspots=tally.hotspots(current, before, request.top),
        locations=tally.locations(current, request.top), actors=tally.actors(current, request.top),
        timeline_unit=unit, timeline=timeline, notable=notable, statements=statements,
        coverage=_coverage(store, request, period, current, refs), database=store.display_url,
    )


def resolve_period(store: Store, request: ReportRequest) -> Period:
    """The request's dates, with the defaults filled: until = the latest event date in scope (today
    in an empty store), since = DEFAULT_DAYS days before until."""
    until = request.until
    if until is None:
        latest = store.query_events(EventFilter(country=request.country or None, admin1=request.admin1 or None, limit=1))
        until = latest[0].event_date if latest and latest[0].event_date else None
        if until is None:
            until = date.today()
        if request.since and until < request.since:
            until = request.since
    since = request.since or until - timedelta(days=DEFAULT_DAYS - 1)
    if since > until:
        raise ReportError(f"--since {since.isoformat()} is after --until {until.isoformat()}")
    return Period(since, until)


def _filter(request: ReportRequest, period: Period, **extra: Any) -> EventFilter:
    return EventFilter(
        since=period.since, until=period.until, country=request.country or None, admin1=request.admin1 or None, **extra
    )


def _coverage(store: Store, request: ReportRequest, period: Period, current: tally.Tally, refs: dict[str, ArticleRef]) -> Coverage:
    published = store.list_articles(limit=None, since=period.since, until=period.until)
    with_background = store.count_events(_filter(request, period, include_background=True))
    with_generic = store.count_events(_filter(request, period, include_generic=True))
    return Coverage(
        source_articles=len(current.article_events),
        source_outlets=sorted({r.outlet for r in refs.values() if r.outlet}),
        articles_published=len(published),
        outlets_published=sorted({a.outlet for a in published if a.outlet}),
        excluded_background=with_background - current.events,
        excluded_generic=with_generic - current.events,
        approximate_dates=current.approximate_dates,
        unresolved_admin1=current.unresolved_admin1,
    )
