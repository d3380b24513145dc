"""PostgreSQL: the (event_date, latitude, longitude) index also carries the default filter flags and the IDs.

A page of the map query then sorts and cuts from the index alone (an index-only scan) and reads
only the rows of the page from the table, instead of one random table read per event in the box
(measured: ~170 ms -> see docs/store.md for a million events). SQLite has no INCLUDE; it uses its R*Tree.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NAME = "ix_events_event_date_latitude_longitude"
COLUMNS = ["event_date", "latitude", "longitude"]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index(NAME, table_name="events")
    op.create_index(NAME, "events", COLUMNS, postgresql_include=["background", "generic", "event_id", "id"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index(NAME, table_name="events")
    op.create_index(NAME, "events", COLUMNS)
