"""The dashboard page, its configuration, the offline basemap and the offline API docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse

from sitrep.serve.basemap import basemap_json

STATIC_DIR = Path(__file__).resolve().parent / "static"
EVENT_TYPES = [
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments",
]

router = APIRouter()


@router.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
def dashboard() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html")


@router.get("/docs", include_in_schema=False)
def api_docs() -> FileResponse:
    """Swagger UI 5 from the pinned swagger-ui-bundle-v2 package (it reads OpenAPI 3.1): no CDN, works offline."""
    return FileResponse(STATIC_DIR / "docs.html", media_type="text/html")


@router.get("/api/config", tags=["site"], summary="Dashboard configuration")
def config(request: Request) -> dict[str, Any]:
    """What the dashboard needs before it reads any data: map tiles, whether reads need a token."""
    settings = request.app.state.settings
    return {
        "tile_url": settings.tile_url,
        "tile_attribution": settings.tile_attribution,
        "read_requires_token": settings.require_token_for_reads,
        "writes_enabled": settings.writes_enabled,
        "event_types": EVENT_TYPES,
    }


@router.get("/api/basemap", tags=["site"], summary="Country borders (GeoJSON)")
def basemap(request: Request) -> Response:
    """Simplified country borders from the countryinfo package, as one FeatureCollection (cached)."""
    body, etag = basemap_json()
    headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/geo+json", headers=headers)
