"""Attach a new article's events to the canonical events already known, before they are stored.

The resolve stage does not know about databases: it asks a `CandidateSource` (the store
implements one) for the known events that could be the same as a new one, decides with
`dedup.compare`, and rewrites the new event's ID to the canonical one. The store then adds the
article as one more source of that event. Each decision is kept as an `EventMerge` so that
`sitrep events --explain ID` can show why sources were merged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from sitrep.records import ArticleResult, Event, EventMerge
from sitrep.resolve.dedup import compare


class CandidateSource(Protocol):
    def merge_candidates(self, event: Event) -> list[Event]:
        """Known canonical events of the same type whose dates and places could match `event`."""
        ...


def resolve_events(result: ArticleResult, known: CandidateSource) -> tuple[ArticleResult, list[EventMerge]]:
    """The result with each event that repeats a known event renamed to that event's ID, and the merges."""
    resolved: list[Event] = []
    records: list[EventMerge] = []
    article_id = result.article.id or ""
    for event in result.events:
        best = None
        if not (event.background or event.generic):
            for candidate in known.merge_candidates(event):
                if candidate.event_id == event.event_id:
                    continue  # the same extraction stored before: the store handles it
                if any(s.article_id == article_id for s in candidate.sources):
                    continue  # never merge two events of one article (ACLED: one per location per day)
                decision = compare(candidate, event)
                if decision.same and (best is None or decision.score > best[1].score):
                    best = (candidate, decision)
        if best is None:
            resolved.append(event)
            continue
        candidate, decision = best
        records.append(EventMerge(candidate.event_id, event.event_id, article_id, decision.score, decision.reasons))
        resolved.append(replace(event, event_id=candidate.event_id))
    renamed = {r.source_event_id: r.canonical_id for r in records}
    claims = [replace(c, event_id=renamed.get(c.event_id or "", c.event_id)) for c in result.claims]
    return replace(result, events=resolved, claims=claims, merges=result.merges + records), records
