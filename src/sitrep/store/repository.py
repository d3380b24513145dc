"""The store's write side: `Store.open(url)` and saving extraction results, one transaction per article.

Saving is idempotent by content hash: an article already stored is not stored again. An event
whose `event_id` is already in the store is the same event told by another source (that is how
cross-source deduplication hands over merged events): the article is added to its sources and
the canonical row is kept. Events the extractor left without an ID get a stable one derived from
the article's content hash and the event's position in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, URL

from sitrep.records import ArticleResult, Event, FeedState, SourceReport
from sitrep.resolve.dedup import conservative_fatalities
from sitrep.store import feeds, queries, rows
from sitrep.store.engine import StoreError, create_engine, display_url, migrate, normalise_url, write_connection
from sitrep.store.queries import AggregateRow, ArticleSummary, EventFilter
from sitrep.store.schema import (
    actors,
    article_signatures,
    articles,
    claims,
    event_actors,
    event_merges,
    event_sources,
    events,
    places,
    quotes,
    toponyms,
)

_RETRIES = 3


@dataclass
class SaveOutcome:
    """What happened to one article: stored (with how many events), already there, or failed."""

    article_id: str
    hash: str
    stored: bool
    events: int = 0  # events newly created
    merged: int = 0  # events already in the store that gained this article as a source
    error: str | None = None

    @property
    def already_stored(self) -> bool:
        return not self.stored and self.error is None


class Store:
    """A Sitrep database (SQLite or PostgreSQL), created and migrated to the current schema on open."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (creating and migrating as needed) the database at `url`; raises StoreError with a one-line reason."""
        parsed = normalise_url(url)
        engine = create_engine(parsed)
        try:
            migrate(engine, parsed)
        except StoreError:
            engine.dispose()
            raise
        except sa.exc.SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"{display_url(parsed)}: cannot open the database: {_first_line(exc)}") from None
        return cls(engine, parsed)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    # -- writing -------------------------------------------------------------------------------

    def has_article(self, hash: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(articles.c.id).where(articles.c.hash == hash)).first() is not None

    def has_article_url(self, url: str) -> bool:
        return feeds.has_article_url(self.engine, url)

    def feed_state(self, url: str) -> FeedState | None:
        return feeds.feed_state(self.engine, url)

    def save_feed_state(self, state: FeedState) -> None:
        feeds.save_feed_state(self.engine, state)

    def feed_states(self) -> list[FeedState]:
        return feeds.all_feed_states(self.engine)

    def save_result(self, result: ArticleResult) -> SaveOutcome:
        """Store one article with everything extracted from it, all in one transaction.

        Raises StoreError when the article cannot be stored; nothing of it is then left behind.
        """
        article = result.article
        try:
            for attempt in range(_RETRIES):
                try:
                    with write_connection(self.engine) as conn, conn.begin():
                        existing = conn.execute(sa.select(articles.c.id).where(articles.c.hash == article.hash)).scalar()
                        if existing is not None:
                            return SaveOutcome(article_id=existing, hash=article.hash, stored=False)
                        return _insert_result(conn, result)
                except sa.exc.OperationalError as exc:
                    # PostgreSQL: two writers linking the same actors or places may deadlock; the loser retries.
                    if getattr(exc.orig, "sqlstate", None) not in ("40P01", "40001") or attempt == _RETRIES - 1:
                        raise
            raise AssertionError("unreachable")
        except sa.exc.IntegrityError as exc:
            # Another writer stored the same article between our check and insert (PostgreSQL).
            if self.has_article(article.hash):
                existing = self._article_id_by_hash(article.hash)
                return SaveOutcome(article_id=existing or "", hash=article.hash, stored=False)
            raise StoreError(f"{_describe(result)}: not stored: {_first_line(exc)}") from None
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{_describe(result)}: not stored: {_first_line(exc)}") from None

    def save_results(self, results: Iterable[ArticleResult]) -> Iterator[SaveOutcome]:
        """Save each result in its own transaction; a failure is reported in its outcome and the rest go on."""
        for result in results:
            try:
                yield self.save_result(result)
            except StoreError as exc:
                article = result.article
                yield SaveOutcome(article_id=article.id or "", hash=article.hash, stored=False, error=str(exc))

    def _article_id_by_hash(self, hash: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(articles.c.id).where(articles.c.hash == hash)).scalar()

    # -- reading (see queries.py) --------------------------------------------------------------

    def query_events(self, filter: EventFilter | None = None) -> list[Event]:
        return queries.query_events(self.engine, filter or EventFilter())

    def iter_events(self, filter: EventFilter | None = None, batch_size: int = 1000) -> Iterator[Event]:
        return queries.iter_events(self.engine, filter or EventFilter(), batch_size)

    def count_events(self, filter: EventFilter | None = None) -> int:
        return queries.count_events(self.engine, filter or EventFilter())

    def get_event(self, event_id: str) -> Event | None:
        return queries.get_event(self.engine, event_id)

    def list_articles(
        self, limit: int | None = 100, offset: int = 0, since: date | None = None, until: date | None = None
    ) -> list[ArticleSummary]:
        return queries.list_articles(self.engine, limit=limit, offset=offset, since=since, until=until)

    def count_articles(self) -> int:
        return queries.count_articles(self.engine)

    def get_article(self, article_id: str) -> ArticleResult | None:
        return queries.get_article(self.engine, article_id)

    def aggregate(self, filter: EventFilter | None = None, period: str = "month", by: str | None = None) -> list[AggregateRow]:
        return queries.aggregate(self.engine, filter or EventFilter(), period=period, by=by)


def _insert_result(conn: Connection, result: ArticleResult) -> SaveOutcome:
    now = datetime.now(timezone.utc)
    article = result.article
    article_id = _free_article_id(conn, article.id or article.hash[:16], article.hash)
    conn.execute(articles.insert(), rows.article_row(replace(article, id=article_id), now))

    def local(doc_id: str | None) -> str:  # the caller's article id -> the id it is stored under
        return article_id if doc_id in (None, "", article.id) else doc_id

    event_ids: dict[str, str] = {}  # extractor's event id -> stored event id
    created = merged = 0
    for ordinal, event in enumerate(result.events):
        stored_id = event.event_id or rows.stable_event_id(article.hash, ordinal)
        if event.event_id:
            event_ids[event.event_id] = stored_id
        sources = [replace(s, article_id=local(s.article_id)) for s in event.sources]
        event = replace(event, event_id=stored_id, doc_id=local(event.doc_id), sources=sources)
        if conn.execute(sa.select(events.c.event_id).where(events.c.event_id == stored_id)).first() is None:
            conn.execute(events.insert(), rows.event_row(event, now))
            _link_actors(conn, event)
            created += 1
            _add_sources(conn, event, article_id)
        else:
            _add_sources(conn, event, article_id)
            figures = conn.execute(sa.select(event_sources.c.fatalities).where(event_sources.c.event_id == stored_id)).scalars()
            # ACLED: when reports conflict, the event carries the most conservative figure.
            conn.execute(
                events.update()
                .where(events.c.event_id == stored_id)
                .values(updated_at=now, fatalities=conservative_fatalities(SourceReport("", f) for f in figures))
            )
            merged += 1

    _insert_toponyms(conn, result, article_id)
    if result.story_signature is not None:
        conn.execute(article_signatures.insert(), {"article_id": article_id, "signature": result.story_signature, "created_at": now})
    if result.merges:
        conn.execute(
            event_merges.insert(),
            [
                {"event_id": m.canonical_id, "source_event_id": m.source_event_id, "article_id": article_id,
                 "score": m.score, "reasons": list(m.reasons), "created_at": now}
                for m in result.merges
            ],
        )
    if result.quotes:
        conn.execute(quotes.insert(), [rows.quote_row(replace(q, doc_id=local(q.doc_id)), article_id) for q in result.quotes])
    if result.claims:
        claim_rows = [
            rows.claim_row(replace(c, doc_id=local(c.doc_id), event_id=event_ids.get(c.event_id or "", c.event_id)), article_id)
            for c in result.claims
        ]
        known = _existing_event_ids(conn, {r["event_id"] for r in claim_rows if r["event_id"]})
        for row in claim_rows:  # a claim about an event that is not stored keeps its text, loses the link
            if row["event_id"] not in known:
                row["event_id"] = None
        conn.execute(claims.insert(), claim_rows)
    return SaveOutcome(article_id=article_id, hash=article.hash, stored=True, events=created, merged=merged)


def _free_article_id(conn: Connection, wanted: str, hash: str) -> str:
    """The caller's id if no other article uses it, else the id suffixed with the content hash."""
    taken = conn.execute(sa.select(articles.c.id).where(articles.c.id == wanted)).first() is not None
    return f"{wanted}-{hash[:12]}" if taken else wanted


def _existing_event_ids(conn: Connection, ids: set[str]) -> set[str]:
    if not ids:
        return set()
    return set(conn.execute(sa.select(events.c.event_id).where(events.c.event_id.in_(ids))).scalars())


def _existing_article_ids(conn: Connection, ids: set[str]) -> set[str]:
    if not ids:
        return set()
    return set(conn.execute(sa.select(articles.c.id).where(articles.c.id.in_(ids))).scalars())


def _add_sources(conn: Connection, event: Event, article_id: str) -> None:
    source_rows = rows.source_rows(event, article_id)
    # A source article not stored yet adds itself when it is saved (its result names the same event).
    present = _existing_article_ids(conn, {r["article_id"] for r in source_rows})
    source_rows = [r for r in source_rows if r["article_id"] in present]
    if source_rows:
        _insert_ignore(conn, event_sources, source_rows, ["event_id", "article_id"])


def _link_actors(conn: Connection, event: Event) -> None:
    links: list[dict[str, Any]] = []
    for column, role in rows.ACTOR_ROLES:
        inter = event.inter1 if role == "actor1" else event.inter2 if role == "actor2" else None
        for name in rows.actor_names(getattr(event, column)):
            actor_id = _actor_id(conn, name, inter)
            links.append({"event_id": event.event_id, "actor_id": actor_id, "role": role})
    if links:
        _insert_ignore(conn, event_actors, links, ["event_id", "actor_id", "role"])


def _actor_id(conn: Connection, name: str, inter: int | None) -> int:
    _insert_ignore(conn, actors, [{"name": name, "name_lower": name.lower(), "inter": inter}], ["name"])
    actor_id, known_inter = conn.execute(sa.select(actors.c.id, actors.c.inter).where(actors.c.name == name)).one()
    if known_inter is None and inter is not None:
        conn.execute(actors.update().where(actors.c.id == actor_id).values(inter=inter))
    return actor_id


def _insert_toponyms(conn: Connection, result: ArticleResult, article_id: str) -> None:
    if not result.toponyms:
        return
    place_ids: dict[str, int] = {}
    for toponym in result.toponyms:
        if toponym.place is not None:
            row = rows.place_row(toponym.place)
            if row["place_key"] not in place_ids:
                _insert_ignore(conn, places, [row], ["place_key"])
                place_ids[row["place_key"]] = conn.execute(
                    sa.select(places.c.id).where(places.c.place_key == row["place_key"])
                ).scalar_one()
    conn.execute(
        toponyms.insert(),
        [
            rows.toponym_row(t, article_id, place_ids[rows.place_key(t.place)] if t.place is not None else None)
            for t in result.toponyms
        ],
    )


def _insert_ignore(conn: Connection, table: sa.Table, values: list[dict[str, Any]], keys: list[str]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING on both backends (safe against concurrent writers)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(index_elements=keys), values)


def _describe(result: ArticleResult) -> str:
    return result.article.source_path or result.article.id or result.article.hash[:16]


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
