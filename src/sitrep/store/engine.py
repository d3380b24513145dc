"""Opening a database: URL checks, the SQLite settings for concurrent use, and migrations to head.

SQLite runs in WAL mode with a busy timeout, so one process can ingest while others serve;
write transactions start with BEGIN IMMEDIATE so two writers queue on the busy timeout instead
of failing on a read-to-write lock upgrade. PostgreSQL needs nothing special.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
# Any fixed number: serialises concurrent first-time migrations of one PostgreSQL database.
_PG_MIGRATION_LOCK = 0x5174_7265


class StoreError(Exception):
    """The database cannot be opened or used; the message names it and the problem, in one line."""


def normalise_url(url: str) -> URL:
    """Parse a database URL; plain `postgresql://` (and `postgres://`) mean psycopg 3."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise StoreError(f"{url!r} is not a database URL (use a file path, sqlite:///PATH or postgresql://...)") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"{parsed.render_as_string(hide_password=True)}: unsupported database (SQLite or PostgreSQL)")
    return parsed


def display_url(url: URL) -> str:
    """The URL as it may appear in messages: password hidden; a SQLite file as its path."""
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    try:
        return sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except ImportError as exc:  # psycopg missing
        raise StoreError(f"{display_url(url)}: PostgreSQL driver not installed ({exc}); pip install 'sitrep[postgres]'") from None


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        parent = Path(url.database).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"{url.database}: cannot create the database, folder {parent} does not exist")
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event, not the sqlite3 module, decide how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = "IMMEDIATE" if connection.get_execution_options().get("sitrep_write") else "DEFERRED"
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def write_connection(engine: Engine) -> Connection:
    """A connection whose transactions take the write lock at BEGIN (SQLite; a no-op on PostgreSQL)."""
    return engine.connect().execution_options(sitrep_write=True)


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, url: URL, revision: str = "head") -> None:
    """Bring the schema to `revision` (head by default), refusing a database from a newer Sitrep.

    Runs inside one transaction holding the write lock, so concurrent first opens of an empty
    database do not both try to create the tables.
    """
    script = ScriptDirectory.from_config(alembic_config())
    with write_connection(engine) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        current = MigrationContext.configure(connection).get_current_heads()
        if not current:
            foreign = [t for t in sa.inspect(connection).get_table_names() if t != "alembic_version"]
            if foreign:  # never write Sitrep's tables into somebody else's database
                raise StoreError(
                    f"{display_url(url)}: not a Sitrep database (it holds other tables: {', '.join(sorted(foreign)[:3])}"
                    f"{', ...' if len(foreign) > 3 else ''}); use a new file or an empty database"
                )
        for rev in current:
            try:
                known = script.get_revision(rev)
            except Exception:  # alembic raises several kinds for an unknown revision
                known = None
            if known is None:
                raise StoreError(
                    f"{display_url(url)}: the database was written by a newer Sitrep (schema revision {rev} is "
                    "unknown to this version); upgrade Sitrep to use it"
                )
        if revision == "head" and set(current) == set(script.get_heads()):
            return
        command.upgrade(alembic_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
