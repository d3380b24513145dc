"""Schema and migrations: an empty database migrates to the schema the code describes, data survives upgrades,
a database from a newer Sitrep is refused, and bad URLs fail with one clear line."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from store_helpers import make_result, pg_url, store, store_url  # noqa: F401  (fixtures)

from sitrep.store import EventFilter, Store, StoreError
from sitrep.store.engine import create_engine, current_revision, migrate, normalise_url
from sitrep.store.schema import events, metadata

TABLES = {"articles", "events", "event_sources", "actors", "event_actors", "places", "toponyms", "quotes", "claims"}


def test_migrations_from_empty_build_the_schema_the_code_describes(store):
    assert current_revision(store.engine) == "0007"
    with store.engine.connect() as conn:
        assert TABLES <= set(sa.inspect(conn).get_table_names())
        # The SQLite R*Tree (a virtual table and its shadow tables) lives outside the metadata on purpose.
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, kind, _parent: not (name or "").startswith("events_rtree")}
        )
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_indexes_for_the_serve_queries_exist(store):
    inspector = sa.inspect(store.engine)
    indexed = {tuple(ix["column_names"]) for ix in inspector.get_indexes("events")}
    for columns in [("event_date",), ("latitude", "longitude"), ("country",), ("admin1",), ("event_type",),
                    ("event_date", "latitude", "longitude")]:
        assert columns in indexed
    assert ("name_lower",) in {tuple(ix["column_names"]) for ix in inspector.get_indexes("actors")}


def test_upgrade_from_the_first_revision_keeps_the_data(store_url):
    url = normalise_url(store_url)
    engine = create_engine(url)
    migrate(engine, url, revision="0001")
    assert current_revision(engine) == "0001"
    engine.dispose()
    # Write at revision 0001 through the normal save path: the 0001 tables hold everything it writes.
    old = Store(create_engine(url), url)
    result = make_result("KIRKUK, Iraq - A roadside bomb killed two soldiers.", quotes=True, claims=True, toponyms=True)
    assert old.save_result(result).stored
    old.close()

    reopened = Store.open(store_url)  # migrates to head
    assert current_revision(reopened.engine) == "0007"
    stored = reopened.get_article(result.article.id)
    assert stored is not None and stored.article.text == result.article.text
    assert [e.fatalities for e in stored.events] == [2]
    assert len(stored.toponyms) == 2 and len(stored.quotes) == 1 and len(stored.claims) == 1
    # Box queries (through the SQLite R*Tree built by 0003) find events stored before it existed.
    assert reopened.count_events(EventFilter(bbox=(44.0, 35.0, 45.0, 36.0))) == 1
    assert reopened.count_events(EventFilter(bbox=(40.0, 30.0, 41.0, 31.0))) == 0
    reopened.close()


def test_box_queries_follow_updates_and_deletes(store):
    store.save_result(make_result("KIRKUK, Iraq - A roadside bomb killed two soldiers.", events=[{}, {"location": "Undated", "event_date": None}]))
    kirkuk_box = EventFilter(bbox=(44.0, 35.0, 45.0, 36.0))
    assert store.count_events(kirkuk_box) == 2  # the undated event too: box-only query
    assert store.count_events(EventFilter(bbox=(44.0, 35.0, 45.0, 36.0), since=date(2019, 1, 1))) == 1
    with store.engine.begin() as conn:  # the resolve stage may move an event (a better geocode)
        conn.execute(events.update().where(events.c.location == "Kirkuk").values(latitude=36.34, longitude=43.13))
    assert store.count_events(kirkuk_box) == 1
    assert [e.location for e in store.query_events(EventFilter(bbox=(43.0, 36.0, 44.0, 37.0)))] == ["Kirkuk"]
    with store.engine.begin() as conn:
        conn.execute(events.delete().where(events.c.location == "Undated"))
    assert store.count_events(kirkuk_box) == 0


def test_opening_twice_is_harmless(store_url):
    first = Store.open(store_url)
    first.save_result(make_result("Gunmen attacked a checkpoint in Tikrit."))
    first.close()
    second = Store.open(store_url)
    assert second.count_articles() == 1
    second.close()


def test_a_database_from_a_newer_sitrep_is_refused(store_url):
    Store.open(store_url).close()
    engine = create_engine(normalise_url(store_url))
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer Sitrep.*9999_future"):
        Store.open(store_url)


@pytest.mark.parametrize(
    "url, message",
    [
        ("foo://bar", "unsupported database"),
        ("not a url://x", "not a database URL"),
        ("postgresql://nobody@127.0.0.1:1/none", "cannot open the database"),
    ],
)
def test_bad_urls_fail_with_one_line(url, message):
    with pytest.raises(StoreError, match=message) as info:
        Store.open(url)
    assert "\n" not in str(info.value)


def test_bad_sqlite_paths(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")
    with pytest.raises(StoreError, match="unable to open"):
        Store.open(f"sqlite:///{tmp_path}")
    junk = tmp_path / "junk.db"
    junk.write_text("this is not a database, " * 100)
    with pytest.raises(StoreError, match="not a database"):
        Store.open(f"sqlite:///{junk}")
    assert junk.read_text().startswith("this is not a database")  # left untouched


def test_a_database_of_something_else_is_refused_and_left_alone(store_url):
    engine = create_engine(normalise_url(store_url))
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE geonames (id INTEGER PRIMARY KEY, name TEXT)"))
    with pytest.raises(StoreError, match="not a Sitrep database.*geonames"):
        Store.open(store_url)
    assert sa.inspect(engine).get_table_names() == ["geonames"]
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as opened, opened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_plain_postgresql_urls_mean_psycopg():
    assert normalise_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgres://u@h/db").drivername == "postgresql+psycopg"
