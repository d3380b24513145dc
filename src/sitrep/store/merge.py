"""The store's side of the resolve stage: candidate events for a new report, stored stories, merge reasons.

`StoreCandidates` implements `sitrep.resolve.canonical.CandidateSource` with an indexed query
(type, a date range, a map box or region), so resolving a new article costs a few small
queries however large the store is. The decision itself is `sitrep.resolve.dedup.compare`.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from sitrep.records import Event, EventMerge
from sitrep.resolve.dedup import DATE_SLACK
from sitrep.resolve.stories import StoryIndex, signature_from_bytes
from sitrep.store.queries import EventFilter
from sitrep.store.schema import article_signatures, articles, event_merges

# A stored window starts at its event_date and may run for a month ("earlier this month").
WINDOW_LOOKBACK = timedelta(days=31)
# Degrees around the new event's point: wider than the largest merge distance (150 km).
BOX_DEGREES = 1.5
MAX_CANDIDATES = 200


class StoreCandidates:
    def __init__(self, store) -> None:  # a sitrep.store.Store; untyped to keep this import-light
        self.store = store

    def merge_candidates(self, event: Event) -> list[Event]:
        start = event.date_start or event.event_date
        end = event.date_end or event.event_date
        if start is None or end is None or not event.event_type:
            return []
        f = EventFilter(
            since=start - WINDOW_LOOKBACK,
            until=end + DATE_SLACK,
            event_type=event.event_type,
            limit=MAX_CANDIDATES,
        )
        if event.latitude is not None and event.longitude is not None:
            f.bbox = (
                event.longitude - BOX_DEGREES,
                max(-90.0, event.latitude - BOX_DEGREES),
                event.longitude + BOX_DEGREES,
                min(90.0, event.latitude + BOX_DEGREES),
            )
        elif event.admin1:
            f.admin1 = event.admin1
            f.country = event.country
        else:
            return []
        return self.store.query_events(f)


# Near-duplicates are found among recent articles: syndicated copies appear within days, and a
# bounded index keeps memory flat however large the store grows.
STORY_WINDOW = 50_000


def load_story_index(store, limit: int = STORY_WINDOW) -> StoryIndex:
    """The story index of the `limit` most recently stored articles, from their stored signatures."""
    query = (
        sa.select(article_signatures.c.article_id, articles.c.story_id, article_signatures.c.signature)
        .join(articles, articles.c.id == article_signatures.c.article_id)
        .order_by(article_signatures.c.created_at.desc())
        .limit(limit)
    )
    index = StoryIndex()
    with store.engine.connect() as conn:
        for article_id, story_id, signature in conn.execute(query):
            index.add(article_id, signature_from_bytes(bytes(signature)), story_id or article_id)
    return index


def merges_of(store, event_id: str) -> list[EventMerge]:
    """The recorded reasons each report was merged into `event_id`, oldest first."""
    query = sa.select(event_merges).where(event_merges.c.event_id == event_id).order_by(event_merges.c.id)
    with store.engine.connect() as conn:
        return [
            EventMerge(row.event_id, row.source_event_id, row.article_id, row.score, list(row.reasons))
            for row in conn.execute(query)
        ]
