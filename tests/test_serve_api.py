"""The HTTP API against a real uvicorn server on 127.0.0.1 over a SQLite store of fixture events."""

from __future__ import annotations

import httpx
import pytest

from fixtures.serve.fixture_store import (
    EVENT_WITH_TWO_SOURCES,
    IRAQ_EVENTS,
    VISIBLE_EVENTS,
    XSS_ARTICLE,
    build_store,
    fixture_store_url,
)
from fixtures.serve.live_server import live_server
from sitrep.serve.api import create_app
from sitrep.serve.settings import ServeSettings

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def api(request, tmp_path_factory):
    """A real server over the fixture store, on SQLite and (with SITREP_TEST_PG_URL) on PostgreSQL."""
    with fixture_store_url(request.param, tmp_path_factory.mktemp("serve-api")) as url:
        settings = ServeSettings(db_url=url, token=TOKEN, require_token_for_reads=False, tile_url=None)
        app = create_app(settings, build_store(url))
        with live_server(app) as base, httpx.Client(base_url=base, timeout=30) as client:
            yield client


def ids(body: dict) -> list[str]:
    return [e["event_id"] for e in body["events"]]


def test_events_lists_visible_events_newest_first(api):
    body = api.get("/api/events").json()
    assert body["total"] == VISIBLE_EVENTS
    dates = [e["event_date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)
    assert "IRQ-RMD-OLD" not in ids(body)  # background context is left out by default


def test_include_background_adds_context_events(api):
    body = api.get("/api/events", params={"include_background": "true"}).json()
    assert body["total"] == VISIBLE_EVENTS + 1
    assert "IRQ-RMD-OLD" in ids(body)


def test_pagination_has_total_and_next_links(api):
    first = api.get("/api/events", params={"limit": 3}).json()
    assert first["total"] == VISIBLE_EVENTS and len(first["events"]) == 3
    assert first["links"]["prev"] is None
    second = httpx.get(first["links"]["next"]).json()
    assert second["offset"] == 3 and len(second["events"]) == 3
    assert not set(ids(first)) & set(ids(second))
    last = httpx.get(second["links"]["next"]).json()
    assert len(last["events"]) == VISIBLE_EVENTS - 6
    assert last["links"]["next"] is None
    assert last["links"]["prev"].endswith("offset=3") or "offset=3" in last["links"]["prev"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"since": "2019-07-15", "until": "2019-07-16"}, {"IRQ-KRK-1", "IRQ-HWJ-1", "IRQ-BSR-1"}),
        ({"bbox": "40,33,42,35.5"}, {"IRQ-QAIM-1", "SYR-DEZ-1"}),
        ({"bbox": "40,33,42,35.5", "since": "2019-07-10"}, {"IRQ-QAIM-1"}),
        ({"country": "Syria"}, {"SYR-DEZ-1"}),
        ({"country": "SYR"}, {"SYR-DEZ-1"}),
        ({"admin1": "Kirkuk"}, {"IRQ-KRK-1", "IRQ-HWJ-1"}),
        ({"event_type": "Explosions/Remote violence"}, {"IRQ-HWJ-1", "IRQ-MSL-1"}),
        ({"sub_event_type": "Air/drone strike"}, {"IRQ-HWJ-1"}),
        ({"actor": "islamic state"}, {"IRQ-QAIM-1", "IRQ-KRK-1", "IRQ-HWJ-1"}),
        ({"q": "tahrir square"}, {"IRQ-BGD-1"}),
    ],
)
def test_filters(api, params, expected):
    body = api.get("/api/events", params={**params, "limit": 100}).json()
    assert set(ids(body)) == expected
    assert body["total"] == len(expected)


def test_country_filter_counts_iraq(api):
    assert api.get("/api/events", params={"country": "Iraq"}).json()["total"] == IRAQ_EVENTS


def test_geojson_feature_collection(api):
    body = api.get("/api/events", params={"format": "geojson", "admin1": "Kirkuk"}).json()
    assert body["type"] == "FeatureCollection" and body["total"] == 2
    by_id = {f["id"]: f for f in body["features"]}
    hawija = by_id["IRQ-HWJ-1"]
    assert hawija["geometry"] == {"type": "Point", "coordinates": [43.7722, 35.3267]}
    assert hawija["properties"]["event_type"] == "Explosions/Remote violence"
    assert hawija["properties"]["fatalities"] == 5
    assert api.get("/api/events", params={"format": "geojson", "limit": 1}).json()["links"]["next"]


def test_geojson_fields_select_the_properties(api):
    body = api.get("/api/events", params={"format": "geojson", "fields": "event_type,location", "admin1": "Kirkuk"}).json()
    assert {f["id"] for f in body["features"]} == {"IRQ-KRK-1", "IRQ-HWJ-1"}
    assert all(set(f["properties"]) == {"event_type", "location"} and f["geometry"] for f in body["features"])
    bad = api.get("/api/events", params={"format": "geojson", "fields": "event_type,password"})
    assert bad.status_code == 422 and "password" in bad.json()["detail"]


def test_event_detail_has_all_sources_and_evidence(api):
    response = api.get(f"/api/events/{EVENT_WITH_TWO_SOURCES}")
    assert response.status_code == 200
    event = response.json()
    assert event["actor1"] == "Islamic State (Iraq)" and event["fatalities"] == 4
    assert {s["article_id"] for s in event["sources"]} == {"qaim-post", "qaim-wire"}
    assert {a["id"] for a in event["articles"]} == {"qaim-post", "qaim-wire"}
    # Each source's evidence offsets point at its sentence inside that article's text.
    for source in event["sources"]:
        text = api.get(f"/api/articles/{source['article_id']}").json()["text"]
        for span in source["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_unknown_ids_are_404(api):
    assert api.get("/api/events/no-such-event").status_code == 404
    response = api.get("/api/articles/no-such-article")
    assert response.status_code == 404 and "no-such-article" in response.json()["detail"]


def test_articles_list_and_detail(api):
    body = api.get("/api/articles", params={"limit": 5}).json()
    assert body["total"] == 8 and len(body["articles"]) == 5 and body["links"]["next"]
    counts = {a["id"]: a["events"] for a in api.get("/api/articles", params={"limit": 100}).json()["articles"]}
    assert counts["kirkuk-clash"] == 2 and counts["qaim-wire"] == 1
    article = api.get("/api/articles/qaim-post").json()
    assert article["title"] == "Militants attack checkpoint near Qaim"
    assert [e["event_id"] for e in article["events"]] == [EVENT_WITH_TWO_SOURCES]
    assert article["toponyms"][0]["place"]["admin1"] == "Al Anbar"
    assert article["quotes"][0]["text"] == "We heard the shooting all night"
    assert article["claims"][0]["quantity"] == 12


def test_articles_filter_by_publication_date(api):
    body = api.get("/api/articles", params={"since": "2019-07-17", "until": "2019-07-21"}).json()
    assert {a["id"] for a in body["articles"]} == {"qaim-post", "qaim-wire", "kirkuk-clash", "ramadi-bridge"}
    assert body["total"] == 4


def test_article_text_is_returned_verbatim(api):
    article = api.get(f"/api/articles/{XSS_ARTICLE}").json()
    assert "<script>window.__sitrep_xss" in article["text"]


def test_aggregates_per_week(api):
    body = api.get("/api/aggregates", params={"period": "week"}).json()
    assert body["total_events"] == VISIBLE_EVENTS
    weeks = {b["period"]: b for b in body["buckets"]}
    assert weeks["2019-07-15"] == {"period": "2019-07-15", "events": 4, "fatalities": 12}
    assert sum(b["fatalities"] for b in body["buckets"]) == 16


def test_aggregates_by_admin1_month_with_filter(api):
    body = api.get("/api/aggregates", params={"period": "month", "by": "admin1", "country": "Iraq"}).json()
    rows = {(b["period"], b["key"]): (b["events"], b["fatalities"]) for b in body["buckets"]}
    assert rows[("2019-07-01", "Kirkuk")] == (2, 8)
    assert rows[("2019-06-01", "Ninewa")] == (1, 2)
    assert not any(key == "Deir ez Zor" for _, key in rows)


def test_aggregates_by_actor_and_day(api):
    body = api.get("/api/aggregates", params={"period": "day", "by": "actor", "actor": "Islamic State"}).json()
    islamic_state = [b for b in body["buckets"] if b["key"] == "Islamic State (Iraq)"]
    assert {b["period"] for b in islamic_state} == {"2019-07-15", "2019-07-16", "2019-07-20"}


@pytest.mark.parametrize(
    ("path", "params", "needle"),
    [
        ("/api/events", {"since": "2019-02-30"}, "since"),
        ("/api/events", {"until": "yesterday"}, "until"),
        ("/api/events", {"since": "2019-08-01", "until": "2019-07-01"}, "after until"),
        ("/api/events", {"bbox": "1,2,3"}, "bbox"),
        ("/api/events", {"bbox": "a,b,c,d"}, "bbox"),
        ("/api/events", {"bbox": "0,95,10,96"}, "outside -90..90"),
        ("/api/events", {"bbox": "0,10,10,5"}, "greater than max_lat"),
        ("/api/events", {"limit": "0"}, "limit"),
        ("/api/events", {"limit": "10001"}, "limit"),
        ("/api/events", {"limit": "ten"}, "limit"),
        ("/api/events", {"offset": "-1"}, "offset"),
        ("/api/events", {"format": "xml"}, "format"),
        ("/api/aggregates", {"period": "year"}, "period"),
        ("/api/aggregates", {"by": "weather"}, "by"),
        ("/api/articles", {"since": "not-a-date"}, "since"),
    ],
)
def test_bad_parameters_are_clear_422s(api, path, params, needle):
    response = api.get(path, params=params)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and needle in detail


def test_openapi_and_offline_docs(api):
    schema = api.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}", "/api/aggregates"} <= set(schema["paths"])
    assert "post" in schema["paths"]["/api/articles"]
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"  # the docs' Authorize button
    docs = api.get("/docs")
    assert docs.status_code == 200
    assert "/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()
    assert "<script>" not in docs.text  # no inline script: the CSP forbids it
    assert api.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_dashboard_page_and_vendored_assets(api):
    page = api.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "default-src 'none'" in policy
    for asset in ("/vendor/leaflet/leaflet.js", "/vendor/markercluster/leaflet.markercluster.js", "/static/app.js"):
        assert api.get(asset).status_code == 200, asset


def test_basemap_is_cached_geojson(api):
    response = api.get("/api/basemap")
    assert response.status_code == 200
    body = response.json()
    names = {f["properties"]["name"] for f in body["features"]}
    assert {"Iraq", "Syria", "France"} <= names
    again = api.get("/api/basemap", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


def test_summary_gives_the_date_range_of_visible_events(api):
    # The background Ramadi event (2015) is left out, as everywhere by default.
    assert api.get("/api/summary").json() == {"first_event_date": "2019-06-28", "last_event_date": "2019-07-20"}


def test_config_reports_offline_map_and_write_mode(api):
    config = api.get("/api/config").json()
    assert config["tile_url"] is None and config["writes_enabled"] is True and config["read_requires_token"] is False


def test_reads_need_no_token_but_writes_do(api):
    assert api.get("/api/events").status_code == 200
    missing = api.post("/api/articles", json={"text": "x"})
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    wrong = api.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer wrong"})
    assert wrong.status_code == 401 and "invalid" in wrong.json()["detail"]
    not_bearer = api.post("/api/articles", json={"text": "x"}, headers={"Authorization": f"Basic {TOKEN}"})
    assert not_bearer.status_code == 401


def test_bad_post_bodies_are_422_and_store_nothing(api):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = api.get("/api/articles").json()["total"]
    assert api.post("/api/articles", json={"title": "no text"}, headers=auth).status_code == 422
    bad_date = api.post("/api/articles", json=[{"text": "Fine text here.", "published": "2019-99-99"}], headers=auth)
    assert bad_date.status_code == 422 and "article[0]" in bad_date.json()["detail"]
    assert api.post("/api/articles", json=[], headers=auth).status_code == 422
    assert api.post("/api/articles", content=b"{not json", headers={**auth, "Content-Type": "application/json"}).status_code == 422
    assert api.get("/api/articles").json()["total"] == before


def test_export_streams_every_matching_event_as_an_acled_csv_download(api):
    import csv
    import io

    response = api.get("/api/events/export", params={"country": "Iraq"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="sitrep-events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == IRAQ_EVENTS and {r["country"] for r in rows} == {"Iraq"}
    assert {r["region"] for r in rows} == {"Middle East"} and rows[0]["disorder_type"]
    two_sources = next(r for r in rows if r["event_id_cnty"] == EVENT_WITH_TWO_SOURCES)
    assert len(two_sources["source_ids"].split("; ")) == 2


def test_export_as_geojson_and_jsonl_holds_the_same_events(api):
    geo = api.get("/api/events/export", params={"format": "geojson"})
    assert geo.status_code == 200 and geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    lines = api.get("/api/events/export", params={"format": "jsonl"}).text.splitlines()
    assert len(features) == len(lines) == VISIBLE_EVENTS
    import json

    assert [f["id"] for f in features] == [json.loads(line)["event_id"] for line in lines]
    assert api.get("/api/events/export", params={"format": "table"}).status_code == 422
    assert api.get("/api/events/export", params={"since": "2020-01-02", "until": "2020-01-01"}).status_code == 422
