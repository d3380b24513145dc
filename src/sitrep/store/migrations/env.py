"""Alembic environment: migrations always run on a connection Sitrep hands over (never from alembic.ini)."""

from __future__ import annotations

from alembic import context

from sitrep.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Sitrep migrations run through sitrep.store (Store.open), not the alembic command line")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
