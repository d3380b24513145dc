"""The state of watched feeds (`sitrep watch`): read before a poll, written after it."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sitrep.records import FeedState
from sitrep.store.engine import write_connection
from sitrep.store.schema import articles, feeds


def feed_state(engine: Engine, url: str) -> FeedState | None:
    with engine.connect() as conn:
        row = conn.execute(sa.select(feeds).where(feeds.c.url == url)).mappings().first()
    return FeedState(**row) if row else None


def save_feed_state(engine: Engine, state: FeedState) -> None:
    """Insert or replace the feed's row, in one transaction."""
    values = {"etag": state.etag, "last_modified": state.last_modified, "polled_at": state.polled_at,
              "status": state.status, "error": state.error}
    with write_connection(engine) as conn, conn.begin():
        updated = conn.execute(feeds.update().where(feeds.c.url == state.url).values(**values)).rowcount
        if not updated:
            conn.execute(feeds.insert().values(url=state.url, **values))


def all_feed_states(engine: Engine) -> list[FeedState]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(feeds).order_by(feeds.c.url)).mappings().all()
    return [FeedState(**row) for row in rows]


def has_article_url(engine: Engine, url: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(sa.select(articles.c.id).where(articles.c.url == url).limit(1)).first() is not None
