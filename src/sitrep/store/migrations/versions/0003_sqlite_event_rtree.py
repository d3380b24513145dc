"""SQLite: an R*Tree over (longitude, latitude, day) of the events, kept in step by triggers.

The map asks for events in a box and a date range. With B-tree indexes SQLite scans the whole
date range and checks coordinates (p95 ~180 ms at a million events); the R*Tree visits only the
events inside the box and window. It is keyed by `events.id`, an INTEGER PRIMARY KEY (the rowid
itself, which VACUUM keeps). PostgreSQL keeps its B-tree indexes: nothing to do there.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Undated events span all days so that box-only queries find them (the exact date condition on
# the events table still leaves them out of dated queries).
_VALUES = (
    "{row}.id, {row}.longitude, {row}.longitude, {row}.latitude, {row}.latitude, "
    "COALESCE(julianday({row}.event_date), 0), COALESCE(julianday({row}.event_date), 1e7)"
)
_PLACED = "{row}.latitude IS NOT NULL AND {row}.longitude IS NOT NULL"
_COLUMNS = "events_rtree (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_day, max_day)")
    op.execute(f"INSERT INTO {_COLUMNS} SELECT {_VALUES.format(row='events')} FROM events WHERE {_PLACED.format(row='events')}")
    op.execute(
        f"CREATE TRIGGER events_rtree_insert AFTER INSERT ON events WHEN {_PLACED.format(row='NEW')} BEGIN "
        f"INSERT INTO {_COLUMNS} VALUES ({_VALUES.format(row='NEW')}); END"
    )
    op.execute(
        "CREATE TRIGGER events_rtree_update AFTER UPDATE OF latitude, longitude, event_date ON events BEGIN "
        "DELETE FROM events_rtree WHERE id = OLD.id; "
        f"INSERT INTO {_COLUMNS} SELECT {_VALUES.format(row='NEW')} WHERE {_PLACED.format(row='NEW')}; END"
    )
    op.execute("CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN DELETE FROM events_rtree WHERE id = OLD.id; END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("events_rtree_insert", "events_rtree_update", "events_rtree_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS events_rtree")
