"""`sitrep claims`: the quotes and quantitative claims stored by `sitrep ingest`, with their sources."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from sitrep.cli.common import fail

FORMATS = ("table", "jsonl")


def claims(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database: a SQLite file path or a postgresql:// URL (default: $SITREP_DB, else ./sitrep.db)."),
    ] = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes/claims whose speaker or role contains this (case-insensitive).")] = None,
    article: Annotated[str | None, typer.Option("--article", help="Only this article id.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="quote | claim (default: both).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | jsonl")] = "table",
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many of each kind (default: all).")] = None,
) -> None:
    """List stored quotes (direct and reported speech) and quantitative claims, each with its speaker."""
    from sitrep.cli.store_cmds import database_errors, open_store
    from sitrep.store.claims_queries import KINDS, StatementFilter, query_statements

    if kind is not None and kind not in KINDS:
        fail(f"--kind: unknown kind {kind!r}; choose quote or claim")
    if fmt not in FORMATS:
        fail(f"--format: unknown format {fmt!r}; choose table or jsonl")
    store = open_store(db)
    filter = StatementFilter(speaker=speaker, article_id=article, kind=kind, limit=limit)
    with database_errors(store):
        found = list(query_statements(store.engine, filter))
    store.close()
    if fmt == "jsonl":
        from sitrep.report.records_jsonl import write_statement_line

        for record_kind, article_id, item in found:
            write_statement_line(sys.stdout, record_kind, item, article_id=article_id)
        return
    typer.echo(_table(found))


def _table(found: list) -> str:
    from sitrep.records import Claim

    if not found:
        return "no quotes or claims"
    lines = [f"{'kind':<6} {'article':<18} {'speaker':<34} text"]
    for kind, article_id, item in found:
        who = item.speaker or "(the article)"
        if item.anonymous:
            who += " [anonymous]"
        text = " ".join(item.text.split())
        if isinstance(item, Claim):
            amount = _amount(item)
            period = f" [{item.period_start}..{item.period_end}]" if item.period_start else ""
            text = f"{amount} {item.unit or ''}{period}: {text}"
        elif not item.direct:
            text = f"(reported) {text}"
        lines.append(f"{kind:<6} {article_id[:18]:<18} {who[:34]:<34} {text[:110]}")
    return "\n".join(lines)


def _amount(claim) -> str:
    def number(value: float) -> str:
        return f"{value:,.0f}" if value == int(value) else f"{value:g}"

    prefix = "~" if claim.approximate else ""
    if claim.quantity is not None and claim.quantity_max is not None:
        return f"{prefix}{number(claim.quantity)}-{number(claim.quantity_max)}"
    if claim.quantity is not None:
        return prefix + number(claim.quantity)
    if claim.quantity_max is not None:
        return f"<={number(claim.quantity_max)}"
    return "?"


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
