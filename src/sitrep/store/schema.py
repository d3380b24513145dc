"""The store's tables (SQLAlchemy Core), the single description the migrations and queries share.

The layout anticipates the later stages: an event may have several source articles
(`event_sources`, one row per article with its own fatality figure and evidence), articles can
be grouped into near-duplicate stories (`articles.story_id`), and toponyms point at shared
`places`. The migrations in `migrations/versions/` create exactly these tables; a test checks
that the two never drift apart.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

# JSON everywhere, JSONB on PostgreSQL (indexable, compact).
JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Timestamp = sa.DateTime(timezone=True)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("hash", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("authors", JSONType, nullable=False),
    sa.Column("outlet", sa.String(300)),
    sa.Column("published", sa.Date),
    sa.Column("dateline", sa.String(300)),
    sa.Column("url", sa.Text),
    sa.Column("language", sa.String(20)),
    sa.Column("source_path", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("story_id", sa.String(64), index=True),  # near-duplicate group, filled by resolve/stories
    sa.Column("ingested_at", Timestamp, nullable=False, index=True),
)

# BIGINT on PostgreSQL; on SQLite exactly INTEGER, which makes the key an alias of the rowid.
RowKey = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

events = sa.Table(
    "events",
    metadata,
    # `id` is internal (the SQLite R*Tree's key, stable across VACUUM); `event_id` is the public, stable ID.
    sa.Column("id", RowKey, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, unique=True),
    sa.Column("doc_id", sa.String(200), nullable=False),  # the first source article
    sa.Column("event_date", sa.Date, index=True),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("time_precision", sa.SmallInteger, nullable=False),
    sa.Column("event_type", sa.String(100), nullable=False, index=True),
    sa.Column("sub_event_type", sa.String(100), nullable=False),
    sa.Column("actor1", sa.String(300)),
    sa.Column("assoc_actor_1", sa.String(600)),
    sa.Column("inter1", sa.SmallInteger),
    sa.Column("actor2", sa.String(300)),
    sa.Column("assoc_actor_2", sa.String(600)),
    sa.Column("inter2", sa.SmallInteger),
    sa.Column("country", sa.String(100), index=True),
    sa.Column("iso3", sa.String(3)),
    sa.Column("admin1", sa.String(200), index=True),
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
    # Lower-cased notes, evidence, actors and location: what `--text` searches.
    sa.Column("search_text", sa.Text, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.Index("ix_events_latitude_longitude", "latitude", "longitude"),
)

event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True),
    sa.Column("fatalities", sa.Integer),
    sa.Column("evidence", JSONType, nullable=False),
    sa.Column("attribution", sa.Text),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(300), nullable=False, unique=True),
    sa.Column("name_lower", sa.String(300), nullable=False, index=True),
    sa.Column("inter", sa.SmallInteger),
    sa.Column("country", sa.String(100)),
    sa.Column("actor_type", sa.String(50)),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), primary_key=True, index=True),
    sa.Column("role", sa.String(10), primary_key=True),  # actor1, assoc1, actor2, assoc2
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # "gn:<geonameid>" or, for places without one, name|country|admin1|lat|lon: one row per place.
    sa.Column("place_key", sa.String(400), nullable=False, unique=True),
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
)

toponyms = sa.Table(
    "toponyms",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.String(300), nullable=False),
    sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id"), index=True),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("relation", sa.String(100)),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="SET NULL"), index=True),
    sa.Column("doc_id", sa.String(200), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("speaker", sa.String(300)),
    sa.Column("speaker_role", sa.String(300)),
    sa.Column("anonymous", sa.Boolean, nullable=False),
    sa.Column("direct", sa.Boolean, nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="SET NULL"), index=True),
    sa.Column("doc_id", sa.String(200), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
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
)

# Added by revision 0006: near-duplicate detection keeps each article's MinHash signature so later
# runs can find copies of stored articles; cross-source merges keep their reasons for --explain.
article_signatures = sa.Table(
    "article_signatures",
    metadata,
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False, index=True),
)

event_merges = sa.Table(
    "event_merges",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("source_event_id", sa.String(64), nullable=False),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("reasons", JSONType, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
)

# Added by revision 0007 (live feeds): each watched feed's validators for a conditional request and how
# its last poll went; articles are looked up by URL so a page already stored is not fetched again
# (a hash index on PostgreSQL: URLs can outgrow a btree entry, and only equality is asked).
feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("url", sa.String(2000), primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("polled_at", Timestamp),
    sa.Column("status", sa.Integer),
    sa.Column("error", sa.Text),
)
sa.Index("ix_articles_url", articles.c.url, postgresql_using="hash")

# Added by revision 0002: the serve queries filter a time range inside a map box; with the date
# leading, a range scan on date then a cheap check of the coordinates in the same index entry.
# On PostgreSQL (0004) it also carries what a page of results needs, for index-only scans.
sa.Index(
    "ix_events_event_date_latitude_longitude", events.c.event_date, events.c.latitude, events.c.longitude,
    postgresql_include=["background", "generic", "event_id", "id"],
)

# Added by revision 0005 (serve): the timeline and counts read the first from the index alone;
# a country and a date range read one range of the second.
sa.Index(
    "ix_events_event_date_background_generic_fatalities",
    events.c.event_date, events.c.background, events.c.generic, events.c.fatalities,
)
sa.Index("ix_events_country_event_date", events.c.country, events.c.event_date)

# SQLite only (revision 0003): an R*Tree over the events' (longitude, latitude, julian day), keyed by
# events.id and kept in step by triggers. Outside `metadata`: it is a virtual table that only the migration creates.
sqlite_only = sa.MetaData()
events_rtree = sa.Table(
    "events_rtree",
    sqlite_only,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("min_lon", sa.Float),
    sa.Column("max_lon", sa.Float),
    sa.Column("min_lat", sa.Float),
    sa.Column("max_lat", sa.Float),
    sa.Column("min_day", sa.Float),
    sa.Column("max_day", sa.Float),
)
