"""Indexes for the dashboard's aggregates and counts (added for `sitrep serve`).

- (event_date, background, generic, fatalities) covers the timeline and the default counts: an
  aggregate or count over a date range (or the whole store) reads this narrow index alone instead
  of every event row. At a million events on SQLite: weekly timeline over a year ~3 s -> ~0.2 s,
  count of all events ~0.7 s -> ~0.1 s (benchmarks/bench_serve.py, docs/serve.md).
- (country, event_date): a country and a date range, the most common dashboard filter, read as
  one index range (~2 s -> ~0.16 s for a country-year by admin1).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_events_event_date_background_generic_fatalities": ["event_date", "background", "generic", "fatalities"],
    "ix_events_country_event_date": ["country", "event_date"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "events", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="events")
