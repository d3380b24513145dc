"""Index events by date, then coordinates: the map's time-range-in-a-box query reads one index range.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_event_date_latitude_longitude", "events", ["event_date", "latitude", "longitude"])


def downgrade() -> None:
    op.drop_index("ix_events_event_date_latitude_longitude", table_name="events")
