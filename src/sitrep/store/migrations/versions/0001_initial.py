"""Initial schema: articles, events with their source articles, actors, places, toponyms, quotes, claims.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Timestamp = sa.DateTime(timezone=True)
RowKey = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # SQLite: INTEGER, an alias of the rowid


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("authors", JSONType, nullable=False),
        sa.Column("outlet", sa.String(300)),
        sa.Column("published", sa.Date),
        sa.Column("dateline", sa.String(300)),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.String(20)),
        sa.Column("source_path", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("story_id", sa.String(64)),
        sa.Column("ingested_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("hash", name="uq_articles_hash"),
    )
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_index("ix_articles_ingested_at", "articles", ["ingested_at"])

    op.create_table(
        "events",
        sa.Column("id", RowKey, nullable=False, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("doc_id", sa.String(200), nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("time_precision", sa.SmallInteger, nullable=False),
        sa.Column("event_type", sa.String(100), nullable=False),
        sa.Column("sub_event_type", sa.String(100), nullable=False),
        sa.Column("actor1", sa.String(300)),
        sa.Column("assoc_actor_1", sa.String(600)),
        sa.Column("inter1", sa.SmallInteger),
        sa.Column("actor2", sa.String(300)),
        sa.Column("assoc_actor_2", sa.String(600)),
        sa.Column("inter2", sa.SmallInteger),
        sa.Column("country", sa.String(100)),
        sa.Column("iso3", sa.String(3)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("admin2", sa.String(200)),
        sa.Column("location", sa.String(300)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.SmallInteger),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("evidence", JSONType, nullable=False),
        sa.Column("background", sa.Boolean, nullable=False),
        sa.Column("generic", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("attribution", sa.Text),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("updated_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.UniqueConstraint("event_id", name="uq_events_event_id"),
    )
    for column in ("event_date", "event_type", "country", "admin1"):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_index("ix_events_latitude_longitude", "events", ["latitude", "longitude"])

    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("fatalities", sa.Integer),
        sa.Column("evidence", JSONType, nullable=False),
        sa.Column("attribution", sa.Text),
        sa.PrimaryKeyConstraint("event_id", "article_id", name="pk_event_sources"),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], name="fk_event_sources_event_id_events", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_event_sources_article_id_articles", ondelete="CASCADE"),
    )
    op.create_index("ix_event_sources_article_id", "event_sources", ["article_id"])

    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("name_lower", sa.String(300), nullable=False),
        sa.Column("inter", sa.SmallInteger),
        sa.Column("country", sa.String(100)),
        sa.Column("actor_type", sa.String(50)),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
        sa.UniqueConstraint("name", name="uq_actors_name"),
    )
    op.create_index("ix_actors_name_lower", "actors", ["name_lower"])

    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("actor_id", sa.Integer, nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "actor_id", "role", name="pk_event_actors"),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], name="fk_event_actors_event_id_events", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name="fk_event_actors_actor_id_actors"),
    )
    op.create_index("ix_event_actors_actor_id", "event_actors", ["actor_id"])

    op.create_table(
        "places",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("place_key", sa.String(400), nullable=False),
        sa.Column("geonameid", sa.Integer),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("country", sa.String(100)),
        sa.Column("country_code", sa.String(2)),
        sa.Column("iso3", sa.String(3)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("admin2", sa.String(200)),
        sa.Column("feature_class", sa.String(1)),
        sa.Column("feature_code", sa.String(10)),
        sa.Column("population", sa.BigInteger),
        sa.PrimaryKeyConstraint("id", name="pk_places"),
        sa.UniqueConstraint("place_key", name="uq_places_place_key"),
    )

    op.create_table(
        "toponyms",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("place_id", sa.Integer),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("relation", sa.String(100)),
        sa.PrimaryKeyConstraint("id", name="pk_toponyms"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_toponyms_article_id_articles", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name="fk_toponyms_place_id_places"),
    )
    op.create_index("ix_toponyms_article_id", "toponyms", ["article_id"])
    op.create_index("ix_toponyms_place_id", "toponyms", ["place_id"])

    for table, extra in (("quotes", _quote_columns()), ("claims", _claim_columns())):
        op.create_table(
            table,
            sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
            sa.Column("article_id", sa.String(200), nullable=False),
            sa.Column("event_id", sa.String(64)),
            sa.Column("doc_id", sa.String(200), nullable=False),
            sa.Column("text", sa.Text, nullable=False),
            sa.Column("start", sa.Integer, nullable=False),
            sa.Column("end", sa.Integer, nullable=False),
            *extra,
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=f"fk_{table}_article_id_articles", ondelete="CASCADE"),
            sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], name=f"fk_{table}_event_id_events", ondelete="SET NULL"),
        )
        op.create_index(f"ix_{table}_article_id", table, ["article_id"])
        op.create_index(f"ix_{table}_event_id", table, ["event_id"])


def _quote_columns() -> list[sa.Column]:
    return [
        sa.Column("speaker", sa.String(300)),
        sa.Column("speaker_role", sa.String(300)),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("direct", sa.Boolean, nullable=False),
    ]


def _claim_columns() -> list[sa.Column]:
    return [
        sa.Column("quantity", sa.Float),
        sa.Column("quantity_max", sa.Float),
        sa.Column("approximate", sa.Boolean, nullable=False),
        sa.Column("unit", sa.String(100)),
        sa.Column("what", sa.Text),
        sa.Column("period_start", sa.Date),
        sa.Column("period_end", sa.Date),
        sa.Column("speaker", sa.String(300)),
        sa.Column("speaker_role", sa.String(300)),
        sa.Column("anonymous", sa.Boolean, nullable=False),
    ]


def downgrade() -> None:
    for table in ("claims", "quotes", "toponyms", "places", "event_actors", "actors", "event_sources", "events", "articles"):
        op.drop_table(table)
