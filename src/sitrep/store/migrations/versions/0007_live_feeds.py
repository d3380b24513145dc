"""Live feeds: the state of each watched feed, and articles found by URL.

- feeds: per feed URL, the ETag / Last-Modified of the last answer (for a conditional request),
  when it was polled, the HTTP status and the last error.
- ix_articles_url: `sitrep watch --fetch-pages` skips pages already stored (hash index on PostgreSQL).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("polled_at", sa.DateTime(timezone=True)),
        sa.Column("status", sa.Integer),
        sa.Column("error", sa.Text),
        sa.PrimaryKeyConstraint("url", name="pk_feeds"),
    )
    op.create_index("ix_articles_url", "articles", ["url"], postgresql_using="hash")


def downgrade() -> None:
    op.drop_index("ix_articles_url", table_name="articles")
    op.drop_table("feeds")
