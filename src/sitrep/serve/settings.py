"""Settings of the HTTP server, read from the environment and overridden by `sitrep serve` options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from sitrep.settings import db_url_from


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


@dataclass
class ServeSettings:
    db_url: str = field(default_factory=lambda: db_url_from(None))
    # Bearer token for writes (and, with require_token_for_reads, for reads). No token: read-only server.
    token: str | None = field(default_factory=lambda: os.environ.get("SITREP_TOKEN") or None)
    require_token_for_reads: bool = field(default_factory=lambda: _env_flag("SITREP_REQUIRE_TOKEN_FOR_READS"))
    # Online map tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; unset: offline country borders only.
    tile_url: str | None = field(default_factory=lambda: os.environ.get("SITREP_TILE_URL") or None)
    tile_attribution: str = field(default_factory=lambda: os.environ.get("SITREP_TILE_ATTRIBUTION", ""))
    max_page_size: int = 10_000
    max_batch_articles: int = 100
    max_body_bytes: int = 20_000_000

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)

    def check(self) -> None:
        """Refuse settings that cannot work: raises ValueError with a one-line reason."""
        if self.require_token_for_reads and not self.token:
            raise ValueError("reads require a token but SITREP_TOKEN is not set; set it or drop --require-token-for-reads")
        if self.tile_url and not self.tile_url.startswith(("https://", "http://")):
            raise ValueError(f"SITREP_TILE_URL {self.tile_url!r} is not an http(s) URL template")
