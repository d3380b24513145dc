"""Token handling of the server: read-only without a token, token-protected reads when asked."""

from __future__ import annotations

import httpx
import pytest

from fixtures.serve.fixture_store import build_store
from fixtures.serve.live_server import live_server
from sitrep.serve.api import create_app
from sitrep.serve.auth import _presented_token
from sitrep.serve.settings import ServeSettings

TOKEN = "s3cret-token"


def serve(tmp_path, **settings):
    url = f"sqlite:///{tmp_path / 'sitrep.db'}"
    return live_server(create_app(ServeSettings(db_url=url, tile_url=None, **settings), build_store(url)))


def test_without_token_writes_are_refused_with_a_clear_403(tmp_path):
    with serve(tmp_path, token=None, require_token_for_reads=False) as base:
        response = httpx.post(f"{base}/api/articles", json={"text": "Gunmen attacked a checkpoint."},
                              headers={"Authorization": "Bearer anything"})
        assert response.status_code == 403
        assert "SITREP_TOKEN" in response.json()["detail"]
        assert httpx.get(f"{base}/api/events").status_code == 200
        assert httpx.get(f"{base}/api/config").json()["writes_enabled"] is False


def test_token_required_for_reads(tmp_path):
    with serve(tmp_path, token=TOKEN, require_token_for_reads=True) as base:
        for path in ("/api/events", "/api/events/IRQ-QAIM-1", "/api/articles", "/api/articles/qaim-post", "/api/aggregates", "/api/summary"):
            assert httpx.get(base + path).status_code == 401, path
            assert httpx.get(base + path, headers={"Authorization": "Bearer nope"}).status_code == 401, path
            assert httpx.get(base + path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200, path
        # The page, its configuration and the basemap stay open so the dashboard can ask for the token.
        assert httpx.get(base + "/").status_code == 200
        assert httpx.get(base + "/api/config").json()["read_requires_token"] is True
        assert httpx.get(base + "/api/basemap").status_code == 200


def test_token_for_reads_without_a_token_is_refused_at_start(tmp_path):
    with pytest.raises(ValueError, match="SITREP_TOKEN"):
        create_app(ServeSettings(db_url=f"sqlite:///{tmp_path / 'x.db'}", token=None, require_token_for_reads=True))


def test_settings_read_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_TOKEN", "from-env")
    monkeypatch.setenv("SITREP_REQUIRE_TOKEN_FOR_READS", "1")
    monkeypatch.setenv("SITREP_TILE_URL", "https://tiles.example.org/{z}/{x}/{y}.png")
    settings = ServeSettings()
    assert settings.token == "from-env" and settings.require_token_for_reads and settings.writes_enabled
    assert settings.tile_url.startswith("https://tiles.example.org/")
    monkeypatch.setenv("SITREP_TILE_URL", "ftp://tiles")
    with pytest.raises(ValueError, match="SITREP_TILE_URL"):
        ServeSettings().check()


class _Headers:
    def __init__(self, value: str | None) -> None:
        self.headers = {} if value is None else {"authorization": value}


@pytest.mark.parametrize(
    ("header", "token"),
    [(None, None), ("Bearer abc", "abc"), ("bearer   abc  ", "abc"), ("Basic abc", None), ("Bearer ", None), ("abc", None)],
)
def test_bearer_header_parsing(header, token):
    assert _presented_token(_Headers(header)) == token
