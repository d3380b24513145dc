"""`sitrep report`: a situation report (Markdown, HTML or JSON) over a period and region of the store."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sitrep.cli.common import fail, parse_day

if TYPE_CHECKING:
    from sitrep.store import Store

FORMATS = ("md", "html", "json")


def report(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database: a SQLite file path or a postgresql:// URL (default: $SITREP_DB, else ./sitrep.db)."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="First day of the period, YYYY-MM-DD (default: 7 days before --until).")] = None,
    until: Annotated[
        str | None, typer.Option(help="Last day of the period, YYYY-MM-DD (default: the latest event date in scope).")
    ] = None,
    country: Annotated[
        list[str] | None, typer.Option(help="Country as ACLED spells it, or ISO3 code (repeatable; default: all).")
    ] = None,
    admin1: Annotated[list[str] | None, typer.Option(help="First-level admin area, exact name (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md | html | json")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    top: Annotated[int, typer.Option(min=1, help="Rows in the hotspot, location and actor tables.")] = 10,
) -> None:
    """Write a situation report: headline figures by event type against the previous period, hotspots,
    main actors, a timeline, notable events quoted from their sources, what sources said, and a methods note."""
    from sitrep.report.situation import ReportError, ReportRequest, build_situation_report

    if fmt not in FORMATS:
        fail(f"--format: unknown format {fmt!r}; choose md, html or json")
    request = ReportRequest(
        since=parse_day(since, "--since"), until=parse_day(until, "--until"),
        country=list(country or []), admin1=list(admin1 or []), top=top,
    )
    if request.since and request.until and request.since > request.until:
        fail(f"--since {request.since.isoformat()} is after --until {request.until.isoformat()}")
    if output is not None and not output.parent.resolve().is_dir():
        fail(f"--output: {output}: folder {output.parent} does not exist")

    from sitrep.cli.store_cmds import database_errors

    store = _open_existing(db)
    try:
        with database_errors(store):
            situation = build_situation_report(store, request)
    except ReportError as exc:
        fail(str(exc))
    finally:
        store.close()
    _write(_render(situation, fmt), output)


def _open_existing(db: str | None) -> Store:
    """Open the store; a report never creates one, so a mistyped SQLite path is an error, not an empty report."""
    from sitrep.cli.store_cmds import open_store
    from sitrep.settings import db_url_from
    from sitrep.store import StoreError
    from sitrep.store.engine import normalise_url

    url = db_url_from(db)
    try:
        parsed = normalise_url(url)
    except StoreError as exc:
        fail(str(exc))
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database)
        if not path.is_file():
            fail(f"{path}: no such database (run `sitrep ingest` first, or pass --db)")
    return open_store(db)


def _render(situation, fmt: str) -> str:  # type: ignore[no-untyped-def]
    if fmt == "html":
        from sitrep.report.situation_html import render_html

        return render_html(situation)
    if fmt == "json":
        return json.dumps(situation.to_dict(), ensure_ascii=False, indent=2) + "\n"
    from sitrep.report.situation_md import render_markdown

    return render_markdown(situation)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    # Write beside the target and rename: a failed run never leaves half a report behind.
    handle, tmp = tempfile.mkstemp(dir=output.parent.resolve(), prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        fail(f"--output: {output}: {exc.strerror or exc}")


def register(app: typer.Typer) -> None:
    app.command("report")(report)
