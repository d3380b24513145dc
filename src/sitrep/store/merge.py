"""The store's side of cross-source deduplication: candidate events for a new report.

`StoreCandidates` implements `sitrep.resolve.canonical.CandidateSource` with an indexed query
(type, a date range, a map box or region), so resolving a new article costs a few small
queries however large the store is. The decision itself is `sitrep.resolve.dedup.compare`.
"""

from __future__ import annotations

from datetime import timedelta

from sitrep.records import Event
from sitrep.store.queries import EventFilter

# A stored window starts at its event_date and may run for a month ("earlier this month").
WINDOW_LOOKBACK = timedelta(days=31)
DATE_SLACK = timedelta(days=1)
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
