"""POST /api/articles through the real extractor and store, on a real server."""

from __future__ import annotations

import httpx
import pytest

from fixtures.serve.live_server import live_server
from sitrep.serve.api import create_app
from sitrep.serve.routes_ingest import Extraction
from sitrep.serve.settings import ServeSettings
from sitrep.store.repository import Store

pytestmark = pytest.mark.slow

TOKEN = "ingest-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "id": "post-qaim",
    "title": "Checkpoint attacked near Qaim",
    "published": "2019-07-21",
    "source": "Serve Test Daily",
    "url": "https://example.org/post-qaim",
    "text": (
        "BAGHDAD — Islamic State militants attacked an army checkpoint near Qaim in Anbar province on Saturday, "
        "killing three soldiers, security officials said. The militants fled after an hour-long gun battle."
    ),
}
SECOND = {
    "id": "post-mosul",
    "published": "2019-07-20",
    "text": "MOSUL, Iraq — A roadside bomb killed two policemen in Mosul on Friday, police said.",
}


@pytest.fixture
def server(tmp_path, extractor):
    url = f"sqlite:///{tmp_path / 'sitrep.db'}"
    app = create_app(ServeSettings(db_url=url, token=TOKEN, require_token_for_reads=False, tile_url=None), Store.open(url))
    app.state.extraction = Extraction(extractor)  # the session's extractor: the model loads once per test run
    with live_server(app) as base:
        yield base


def test_post_one_article_extracts_and_stores_it(server):
    response = httpx.post(f"{server}/api/articles", json=ARTICLE, headers=AUTH, timeout=120)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] == 1 and body["articles"][0]["id"] == "post-qaim"
    assert body["events"] >= 1
    article = httpx.get(f"{server}/api/articles/post-qaim").json()
    assert article["text"] == ARTICLE["text"] and article["outlet"] == "Serve Test Daily"
    assert article["published"] == "2019-07-21"
    assert len(article["events"]) == body["events"]
    listed = httpx.get(f"{server}/api/events", params={"include_background": True, "include_generic": True}).json()
    assert {e["event_id"] for e in article["events"]} <= {e["event_id"] for e in listed["events"]}
    battle = [e for e in article["events"] if e["fatalities"] == 3]
    assert battle, article["events"]
    span = battle[0]["sources"][0]["evidence"][0]
    assert "Islamic State militants attacked" in span["text"]
    assert ARTICLE["text"][span["start"] : span["end"]] == span["text"]


def test_post_is_idempotent_and_accepts_batches(server):
    first = httpx.post(f"{server}/api/articles", json=[ARTICLE, SECOND], headers=AUTH, timeout=120)
    assert first.status_code == 201 and first.json()["stored"] == 2
    again = httpx.post(f"{server}/api/articles", json=[SECOND, ARTICLE], headers=AUTH, timeout=120)
    assert again.status_code == 200
    assert again.json()["stored"] == 0 and again.json()["already_stored"] == 2
    assert httpx.get(f"{server}/api/articles").json()["total"] == 2


def test_batch_size_is_limited(server):
    response = httpx.post(f"{server}/api/articles", json=[{"text": f"Article {i}."} for i in range(101)], headers=AUTH)
    assert response.status_code == 422 and "at most 100" in response.json()["detail"]
