"""Reading quotes and claims back from the store (`sitrep claims`).

Quotes and claims are kept as the attribution of what was said in one article: the only filter
over speakers is a substring match on the speaker of a quote or claim; nothing here gathers
people across articles into profiles.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sitrep.records import Claim, Quote
from sitrep.store import rows
from sitrep.store.schema import claims, quotes

KINDS = ("quote", "claim")


@dataclass
class StatementFilter:
    """Which quotes/claims to read: `speaker` is a case-insensitive substring of the speaker or
    their role; `article_id` is exact; `kind` is "quote", "claim" or None for both."""

    speaker: str | None = None
    article_id: str | None = None
    kind: str | None = None
    limit: int | None = None


def _where(table: sa.Table, filter: StatementFilter) -> list[sa.ColumnElement[bool]]:
    conditions = []
    if filter.speaker:
        pattern = f"%{filter.speaker.lower()}%"
        conditions.append(
            sa.or_(sa.func.lower(table.c.speaker).like(pattern), sa.func.lower(table.c.speaker_role).like(pattern))
        )
    if filter.article_id:
        conditions.append(table.c.article_id == filter.article_id)
    return conditions


def query_quotes(engine: Engine, filter: StatementFilter) -> list[tuple[str, Quote]]:
    """(article_id, quote) pairs in article then text order."""
    statement = sa.select(quotes).where(*_where(quotes, filter)).order_by(quotes.c.article_id, quotes.c.start)
    if filter.limit is not None:
        statement = statement.limit(filter.limit)
    with engine.connect() as conn:
        return [(row["article_id"], rows.quote_from_row(row)) for row in conn.execute(statement).mappings()]


def query_claims(engine: Engine, filter: StatementFilter) -> list[tuple[str, Claim]]:
    """(article_id, claim) pairs in article then text order."""
    statement = sa.select(claims).where(*_where(claims, filter)).order_by(claims.c.article_id, claims.c.start)
    if filter.limit is not None:
        statement = statement.limit(filter.limit)
    with engine.connect() as conn:
        return [(row["article_id"], rows.claim_from_row(row)) for row in conn.execute(statement).mappings()]


def query_statements(engine: Engine, filter: StatementFilter) -> Iterator[tuple[str, str, Quote | Claim]]:
    """(kind, article_id, record) for the kinds the filter asks for: quotes first, then claims."""
    if filter.kind in (None, "quote"):
        for article_id, quote in query_quotes(engine, filter):
            yield "quote", article_id, quote
    if filter.kind in (None, "claim"):
        for article_id, claim in query_claims(engine, filter):
            yield "claim", article_id, claim
