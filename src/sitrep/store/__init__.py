"""Store stage: extraction results into SQLite or PostgreSQL, and the queries the CLI and the API read.

`Store.open(url)` creates and migrates the database; `store.save_result(result)` stores one
article with its events, toponyms, quotes and claims in one transaction; `EventFilter` and the
`store.query_events` / `aggregate` family read them back as records.
"""

from sitrep.store.engine import StoreError
from sitrep.store.queries import AggregateRow, ArticleSummary, EventFilter
from sitrep.store.repository import SaveOutcome, Store

__all__ = ["AggregateRow", "ArticleSummary", "EventFilter", "SaveOutcome", "Store", "StoreError"]
