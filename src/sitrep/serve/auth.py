"""Bearer-token checks. Reads are open unless configured otherwise; writes always need the token,
and with no token configured the server is read-only."""

from __future__ import annotations

import hmac

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPBearer

from sitrep.serve.settings import ServeSettings

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="sitrep"'}
# Declares the bearer scheme in the OpenAPI description (the /docs "Authorize" button); the
# checks below read the header themselves so that every failure has the same clear answer.
bearer_scheme = HTTPBearer(auto_error=False, description="The server's SITREP_TOKEN.")


def _presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _check_token(request: Request, expected: str) -> None:
    presented = _presented_token(request)
    if presented is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token (Authorization: Bearer <token>)", _CHALLENGE)
    # Constant-time comparison: the time taken does not tell how much of the token was right.
    if not hmac.compare_digest(presented.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid bearer token", _CHALLENGE)


def settings_of(request: Request) -> ServeSettings:
    return request.app.state.settings


def require_read(request: Request, _scheme: object = Depends(bearer_scheme)) -> None:
    settings = settings_of(request)
    if settings.require_token_for_reads and settings.token:
        _check_token(request, settings.token)


def require_write(request: Request, _scheme: object = Depends(bearer_scheme)) -> None:
    settings = settings_of(request)
    if not settings.token:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "writes are disabled on this server: start it with SITREP_TOKEN set to enable POST /api/articles",
        )
    _check_token(request, settings.token)
