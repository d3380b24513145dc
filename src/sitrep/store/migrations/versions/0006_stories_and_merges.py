"""Near-duplicate signatures per article and the reasons behind cross-source event merges.

- article_signatures: the MinHash of each article's text (bytes), so a later run can link a
  syndicated copy to a story already stored.
- event_merges: one row per report merged into a known event, with the score and the reasons
  `sitrep events --explain ID` prints.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE", name="fk_article_signatures_article_id_articles"), nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_signatures"),
    )
    op.create_index("ix_article_signatures_created_at", "article_signatures", ["created_at"])
    op.create_table(
        "event_merges",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE", name="fk_event_merges_event_id_events"), nullable=False),
        sa.Column("source_event_id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE", name="fk_event_merges_article_id_articles"), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", JSONType, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event_merges"),
    )
    op.create_index("ix_event_merges_event_id", "event_merges", ["event_id"])


def downgrade() -> None:
    op.drop_index("ix_event_merges_event_id", table_name="event_merges")
    op.drop_table("event_merges")
    op.drop_index("ix_article_signatures_created_at", table_name="article_signatures")
    op.drop_table("article_signatures")
