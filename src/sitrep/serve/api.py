"""The HTTP server: a FastAPI app over a Sitrep store, with the dashboard at `/` and docs at `/docs`.

`create_app` assembles it: routers split by job, the vendored front-end libraries served from
their Python packages (no CDN), strict security headers, and error handlers that turn bad
parameters into clear 422s and database trouble into 503s, never a bare 500.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

import sitrep
from sitrep.serve import routes_aggregates, routes_articles, routes_events, routes_ingest, routes_site
from sitrep.serve.routes_ingest import Extraction
from sitrep.serve.routes_site import STATIC_DIR
from sitrep.serve.settings import ServeSettings
from sitrep.store.engine import StoreError
from sitrep.store.repository import Store

DESCRIPTION = """Conflict events extracted from news, ACLED-compatible, each field traceable to the
sentence it came from. Reads are open unless the server requires a token for them; writes
(`POST /api/articles`) need `Authorization: Bearer <SITREP_TOKEN>`."""


def vendor_dirs() -> dict[str, Path]:
    """Front-end libraries shipped as Python packages, by the URL prefix they are served under."""
    import swagger_ui_bundle
    import xstatic.pkg.leaflet
    import xstatic.pkg.leaflet_markercluster

    return {
        "leaflet": Path(xstatic.pkg.leaflet.BASE_DIR),
        "markercluster": Path(xstatic.pkg.leaflet_markercluster.BASE_DIR),
        "swagger-ui": Path(swagger_ui_bundle.swagger_ui_path),
    }


def content_security_policy(settings: ServeSettings, *, docs: bool = False) -> str:
    """No inline script anywhere; tiles only from the configured tile server. Swagger UI sets
    inline styles, so /docs alone allows them."""
    images = ["'self'", "data:"]
    if settings.tile_url:
        parts = urlsplit(settings.tile_url.replace("{s}", "*"))
        images.append(f"{parts.scheme}://{parts.netloc}")
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'" + (" 'unsafe-inline'" if docs else ""),
        "img-src " + " ".join(images),
        "connect-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def create_app(settings: ServeSettings | None = None, store: Store | None = None) -> FastAPI:
    """The app over `store` (opened from settings.db_url when not given). Raises ValueError for
    settings that cannot work and StoreError when the database cannot be opened."""
    settings = settings or ServeSettings()
    settings.check()
    store = store or Store.open(settings.db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.store.close()

    app = FastAPI(
        title="Sitrep API",
        version=sitrep.__version__,
        description=DESCRIPTION,
        docs_url=None,  # served from local files by routes_site, not from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.extraction = Extraction()

    for router in (
        routes_site.router, routes_events.router, routes_articles.router, routes_ingest.router,
        routes_aggregates.router, routes_aggregates.summary_router,
    ):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for prefix, directory in vendor_dirs().items():
        app.mount(f"/vendor/{prefix}", StaticFiles(directory=directory), name=f"vendor-{prefix}")

    _install_security_headers(app, settings)
    _install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    return app


def _install_security_headers(app: FastAPI, settings: ServeSettings) -> None:
    page_policy = content_security_policy(settings)
    docs_policy = content_security_policy(settings, docs=True)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        is_docs = request.url.path == "/docs"
        response.headers["Content-Security-Policy"] = docs_policy if is_docs else page_policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response


def validation_message(errors: list[dict]) -> str:
    """FastAPI's validation errors as one line: 'since: Input should be a valid date ... (got '2019-13-01')'."""
    parts = []
    for error in errors:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")) or "request"
        got = error.get("input")
        suffix = f" (got {got!r})" if isinstance(got, (str, int, float)) and error.get("type") != "missing" else ""
        parts.append(f"{where}: {error.get('msg', 'invalid')}{suffix}")
    return "; ".join(parts)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        return JSONResponse(
            status_code=422, content={"detail": validation_message(list(errors)), "errors": jsonable_encoder(errors)}
        )

    @app.exception_handler(StoreError)
    @app.exception_handler(sa.exc.SQLAlchemyError)
    async def database_unavailable(request: Request, exc: Exception) -> JSONResponse:
        text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return JSONResponse(status_code=503, content={"detail": f"database error: {text[0] if text else type(exc).__name__}"})
