"""`sitrep serve`: the HTTP API and the map-and-timeline dashboard over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.cli.common import fail


def serve(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database: a SQLite file path or a postgresql:// URL (default: $SITREP_DB, else ./sitrep.db)."),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on; keep 127.0.0.1 behind a reverse proxy.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    require_token_for_reads: Annotated[
        bool,
        typer.Option(
            "--require-token-for-reads",
            help="Reads need the bearer token too (also SITREP_REQUIRE_TOKEN_FOR_READS=1). Needs SITREP_TOKEN.",
        ),
    ] = False,
    tile_url: Annotated[
        str | None,
        typer.Option(help="Online map tile URL template (also SITREP_TILE_URL); default: offline country borders only."),
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level: critical, error, warning, info, debug.")] = "info",
) -> None:
    """Serve the HTTP API (/api/..., docs at /docs) and the dashboard (/).

    Writes (POST /api/articles) need SITREP_TOKEN set and sent as 'Authorization: Bearer <token>';
    without SITREP_TOKEN the server is read-only.
    """
    import uvicorn

    from sitrep.serve.api import create_app
    from sitrep.serve.settings import ServeSettings
    from sitrep.settings import db_url_from
    from sitrep.store.engine import StoreError

    settings = ServeSettings(db_url=db_url_from(db))
    if require_token_for_reads:
        settings.require_token_for_reads = True
    if tile_url:
        settings.tile_url = tile_url
    try:
        app = create_app(settings)
    except (ValueError, StoreError) as exc:
        fail(str(exc))
    mode = "read-write (token required for writes)" if settings.writes_enabled else "read-only (SITREP_TOKEN not set)"
    typer.echo(f"sitrep: serving {app.state.store.display_url} on http://{host}:{port}/ — {mode}", err=True)
    _check_can_listen(host, port)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=True, server_header=False)
    except SystemExit as exc:  # uvicorn exits on startup failures after logging them
        if exc.code:
            fail(f"could not serve on {host}:{port} (see the error above)")


def _check_can_listen(host: str, port: int) -> None:
    """Fail in one line before the app starts when the address is taken or not ours."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        fail(f"--host {host!r}: {exc.strerror or exc}")
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
