"""The store's read side: event filters, event and article look-ups, and time-series aggregates.

Every function takes an Engine and returns records (`sitrep.records`) or small result
dataclasses, never rows. Background and generic events are stored but left out unless a
filter asks for them, so counts and exports match what ACLED would code.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from sitrep.records import ArticleResult, Event, SourceReport, Toponym
from sitrep.store import rows
from sitrep.store.schema import (
    actors, articles, claims, event_actors, event_sources, events, events_rtree, places, quotes, toponyms,
)

PERIODS = ("day", "week", "month")
GROUPINGS = ("admin1", "actor", "event_type", "country")
_IN_CHUNK = 500  # stay under SQLite's bound-parameter limit

Text = str | Sequence[str] | None


@dataclass
class EventFilter:
    """Which events to read. String fields match exactly (a list matches any of its values), except
    `actor` (any actor role, case-insensitive substring) and `text` (notes, evidence, actors, places;
    case-insensitive substring). `bbox` is (min_lon, min_lat, max_lon, max_lat); min_lon > max_lon
    crosses the antimeridian. `since`/`until` are inclusive event dates."""

    since: date | None = None
    until: date | None = None
    country: Text = None  # country name, or ISO 3166-1 alpha-3 code
    admin1: Text = None
    event_type: Text = None
    sub_event_type: Text = None
    actor: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    include_background: bool = False
    include_generic: bool = False
    limit: int | None = None
    offset: int = 0


@dataclass
class ArticleSummary:
    id: str
    hash: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    source_path: str | None
    story_id: str | None
    ingested_at: datetime
    events: int  # events this article is a source of

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["published"] = self.published.isoformat() if self.published else None
        data["ingested_at"] = self.ingested_at.isoformat()
        return data


@dataclass
class AggregateRow:
    period: date | None  # first day of the day/week (Monday)/month; None for undated events
    key: str | None  # the admin1 / actor / event type / country, None when not grouped
    events: int
    fatalities: int


def _match(column: sa.ColumnElement[Any], value: Text) -> sa.ColumnElement[bool]:
    if isinstance(value, str):
        return column == value
    return column.in_(list(value or []))


def event_conditions(f: EventFilter, dialect: str = "") -> list[sa.ColumnElement[bool]]:
    """The WHERE clauses of a filter (shared by the event list, counts, aggregates and the API).

    Pass the engine's dialect name: on "sqlite" a box is looked up in the R*Tree first.
    """
    where: list[sa.ColumnElement[bool]] = []
    if not f.include_background:
        where.append(events.c.background.is_(False))
    if not f.include_generic:
        where.append(events.c.generic.is_(False))
    if f.since:
        where.append(events.c.event_date >= f.since)
    if f.until:
        where.append(events.c.event_date <= f.until)
    if f.country:
        codes = [f.country] if isinstance(f.country, str) else list(f.country)
        iso3_codes = [c.upper() for c in codes if len(c) == 3]
        # No OR with an empty list: it would keep the planner off the (country, event_date) index.
        by_name = _match(events.c.country, f.country)
        where.append(sa.or_(by_name, events.c.iso3.in_(iso3_codes)) if iso3_codes else by_name)
    for column, value in (("admin1", f.admin1), ("event_type", f.event_type), ("sub_event_type", f.sub_event_type)):
        if value:
            where.append(_match(events.c[column], value))
    if f.actor:
        pattern = f"%{_escape_like(f.actor.lower())}%"
        where.append(
            sa.exists()
            .where(event_actors.c.event_id == events.c.event_id)
            .where(actors.c.id == event_actors.c.actor_id)
            .where(actors.c.name_lower.like(pattern, escape="\\"))
        )
    if f.text:
        where.append(events.c.search_text.like(f"%{_escape_like(f.text.lower())}%", escape="\\"))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        where.append(events.c.latitude.between(min_lat, max_lat))
        if min_lon <= max_lon:
            where.append(events.c.longitude.between(min_lon, max_lon))
        else:
            where.append(sa.or_(events.c.longitude >= min_lon, events.c.longitude <= max_lon))
        if dialect == "sqlite":
            where.append(events.c.id.in_(_rtree_candidates(f)))
    return where


def _rtree_candidates(f: EventFilter) -> sa.Select[Any]:
    """SQLite: the events the R*Tree finds in the box (and date range): a superset the exact conditions trim."""
    min_lon, min_lat, max_lon, max_lat = f.bbox or (-180.0, -90.0, 180.0, 90.0)
    r = events_rtree.c
    query = sa.select(r.id).where(r.max_lat >= min_lat, r.min_lat <= max_lat)
    if min_lon <= max_lon:
        query = query.where(r.max_lon >= min_lon, r.min_lon <= max_lon)
    else:
        query = query.where(sa.or_(r.max_lon >= min_lon, r.min_lon <= max_lon))
    if f.since:
        query = query.where(r.max_day >= sa.func.julianday(f.since.isoformat()))
    if f.until:
        query = query.where(r.min_day <= sa.func.julianday(f.until.isoformat()))
    return query


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _events_select(f: EventFilter, dialect: str, *columns: sa.ColumnElement[Any]) -> sa.Select[Any]:
    query = (
        sa.select(*(columns or [events]))
        .where(*event_conditions(f, dialect))
        .order_by(events.c.event_date.desc().nulls_last(), events.c.event_id)
    )
    if f.limit is not None:
        query = query.limit(f.limit)
    if f.offset:
        query = query.offset(f.offset)
    return query


def _with_sources(conn: Connection, event_rows: Sequence[Any]) -> list[Event]:
    ids = [row.event_id for row in event_rows]
    sources: dict[str, list[SourceReport]] = {event_id: [] for event_id in ids}
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        query = (
            sa.select(event_sources, articles.c.outlet)
            .join(articles, articles.c.id == event_sources.c.article_id, isouter=True)
            .where(event_sources.c.event_id.in_(chunk))
            .order_by(event_sources.c.article_id)
        )
        for row in conn.execute(query).mappings():
            sources[row["event_id"]].append(rows.source_from_row(row))
    return [rows.event_from_row(row._mapping, sources[row.event_id]) for row in event_rows]


def query_events(engine: Engine, f: EventFilter) -> list[Event]:
    """Events matching the filter, newest first, with their sources and evidence."""
    with engine.connect() as conn:
        dialect = conn.dialect.name
        if f.limit is None:
            return _with_sources(conn, conn.execute(_events_select(f, dialect)).all())
        # A page: pick its IDs from the indexes first, then read only those rows (not every match).
        ids = list(conn.execute(_events_select(f, dialect, events.c.id)).scalars())
        found: dict[int, Any] = {}
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            found.update((row.id, row) for row in conn.execute(sa.select(events).where(events.c.id.in_(chunk))))
        return _with_sources(conn, [found[i] for i in ids if i in found])


def iter_events(engine: Engine, f: EventFilter, batch_size: int = 1000) -> Iterator[Event]:
    """Like query_events, streamed in batches: for exports of a whole store."""
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(_events_select(f, conn.dialect.name))
        for batch in result.partitions():
            # Sources come through a second connection: the first is busy streaming.
            with engine.connect() as side:
                yield from _with_sources(side, batch)


def count_events(engine: Engine, f: EventFilter) -> int:
    query = sa.select(sa.func.count()).select_from(events).where(*event_conditions(f, engine.dialect.name))
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def get_event(engine: Engine, event_id: str) -> Event | None:
    with engine.connect() as conn:
        found = conn.execute(sa.select(events).where(events.c.event_id == event_id)).all()
        return _with_sources(conn, found)[0] if found else None


def _article_summaries(conn: Connection, query: sa.Select[Any]) -> list[ArticleSummary]:
    counts = (
        sa.select(event_sources.c.article_id, sa.func.count().label("n"))
        .group_by(event_sources.c.article_id)
        .subquery()
    )
    columns = [articles.c[name] for name in ("id", "hash", "title", "outlet", "published", "url", "source_path", "story_id", "ingested_at")]
    query = query.with_only_columns(*columns, sa.func.coalesce(counts.c.n, 0).label("events")).outerjoin(
        counts, counts.c.article_id == articles.c.id
    )
    found = [ArticleSummary(**row._mapping) for row in conn.execute(query)]
    for summary in found:  # SQLite hands back naive datetimes; they were written in UTC
        if summary.ingested_at.tzinfo is None:
            summary.ingested_at = summary.ingested_at.replace(tzinfo=timezone.utc)
    return found


def list_articles(
    engine: Engine, *, limit: int | None = 100, offset: int = 0, since: date | None = None, until: date | None = None
) -> list[ArticleSummary]:
    """Stored articles, most recently ingested first; `since`/`until` filter on the publication date."""
    query = sa.select(articles.c.id).select_from(articles).order_by(articles.c.ingested_at.desc(), articles.c.id)
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    with engine.connect() as conn:
        return _article_summaries(conn, query)


def count_articles(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())


def get_article(engine: Engine, article_id: str) -> ArticleResult | None:
    """One article with every event it is a source of (background and generic included), its toponyms, quotes and claims."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
        if row is None:
            return None
        event_rows = conn.execute(
            sa.select(events)
            .join(event_sources, event_sources.c.event_id == events.c.event_id)
            .where(event_sources.c.article_id == article_id)
            .order_by(events.c.event_date, events.c.event_id)
        ).all()
        toponym_rows = conn.execute(
            sa.select(toponyms, *[places.c[name] for name in rows.PLACE_FIELDS])
            .outerjoin(places, places.c.id == toponyms.c.place_id)
            .where(toponyms.c.article_id == article_id)
            .order_by(toponyms.c.start)
        ).mappings()
        found_toponyms = [
            Toponym(
                start=t["start"], end=t["end"], text=t["text"], score=t["score"], relation=t["relation"],
                place=rows.place_from_row(t) if t["place_id"] is not None else None,
            )
            for t in toponym_rows
        ]
        return ArticleResult(
            article=rows.article_from_row(row),
            events=_with_sources(conn, event_rows),
            toponyms=found_toponyms,
            quotes=[rows.quote_from_row(q) for q in conn.execute(
                sa.select(quotes).where(quotes.c.article_id == article_id).order_by(quotes.c.start)).mappings()],
            claims=[rows.claim_from_row(c) for c in conn.execute(
                sa.select(claims).where(claims.c.article_id == article_id).order_by(claims.c.start)).mappings()],
        )


def _period_expression(dialect: str, period: str, day: sa.ColumnElement[Any] = events.c.event_date) -> sa.ColumnElement[Any]:
    if dialect == "postgresql":
        if period == "day":
            return day
        return sa.cast(sa.func.date_trunc(period, day), sa.Date)
    if period == "day":
        return sa.func.date(day)
    if period == "week":  # the Monday on or before the date
        return sa.func.date(day, "weekday 0", "-6 days")
    return sa.func.strftime("%Y-%m-01", day)


def aggregate(engine: Engine, f: EventFilter, *, period: str = "month", by: str | None = None) -> list[AggregateRow]:
    """Event counts and fatalities per period (and per admin1 / actor / event type / country).

    By actor, an event counts once for each distinct actor in any role (actor1, actor2, associated).
    The filter's limit and offset do not apply.
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    if by is not None and by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)} or None, not {by!r}")
    with engine.connect() as conn:
        source: Any = events
        key: sa.ColumnElement[Any] = sa.literal(None, sa.String).label("key")
        if by == "actor":
            pairs = sa.select(event_actors.c.event_id, event_actors.c.actor_id).distinct().subquery()
            source = events.join(pairs, pairs.c.event_id == events.c.event_id).join(actors, actors.c.id == pairs.c.actor_id)
            key = actors.c.name.label("key")
        elif by is not None:
            key = events.c[by].label("key")
        # Two steps: group by day first (in index order, no per-row date arithmetic), then fold the
        # days into periods: the period expression runs once per day instead of once per event.
        days = (
            sa.select(events.c.event_date.label("day"), key, sa.func.count().label("n"), sa.func.coalesce(sa.func.sum(events.c.fatalities), 0).label("dead"))
            .select_from(source)
            .where(*event_conditions(f, conn.dialect.name))
            .group_by(events.c.event_date, *([key] if by else []))  # by day alone: in index order
            .subquery()
        )
        bucket = _period_expression(conn.dialect.name, period, days.c.day).label("period")
        query = (
            sa.select(bucket, days.c.key, sa.func.sum(days.c.n).label("events"), sa.func.sum(days.c.dead).label("fatalities"))
            .group_by(bucket, days.c.key)
            .order_by(bucket, days.c.key)
        )
        return [
            AggregateRow(period=_as_date(row.period), key=row.key, events=int(row.events), fatalities=int(row.fatalities))
            for row in conn.execute(query)
        ]


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])
