"""Live feeds over HTTP (`sitrep.ingest.live`), against a real server on 127.0.0.1."""

from __future__ import annotations

from datetime import date

import pytest
from live_server import FeedSite

from sitrep.ingest.live import FetchError, fetch, http_client, poll_feed
from sitrep.records import Article, FeedState, IngestProblem


@pytest.fixture()
def site():
    with FeedSite() as running:
        yield running


def poll(site, state=None, **options):
    with http_client(timeout=5) as client:
        return poll_feed(client, state or FeedState(f"{site.base}/feed.xml"), max_bytes=1_000_000, max_chars=100_000, **options)


def test_items_come_with_the_feed_text_and_validators_for_the_next_poll(site):
    result = poll(site, today=date(2023, 3, 16))
    articles = [i for i in result.items if isinstance(i, Article)]
    assert [a.title for a in articles] == ["Gunmen kill three villagers near Mopti", "Market reopens in Sevare"]
    assert articles[1].text.startswith("SEVARE, Mali") and articles[1].published == date(2023, 3, 14)
    assert articles[1].url == f"{site.base}/sevare-market" and articles[1].outlet == "Sahel Desk"
    # The teasers are too short to be articles: each is reported, naming its item.
    problems = [i for i in result.items if isinstance(i, IngestProblem)]
    assert [p.source for p in problems] == [f"{site.base}/feed.xml#item 3"]
    assert result.state.etag == '"v1"' and result.state.status == 200 and result.state.error is None
    assert site.requests == {"/feed.xml": 1}  # no page fetched unless asked


def test_fetch_pages_replaces_teasers_by_the_article_and_skips_known_pages(site):
    result = poll(site, fetch_pages=True)
    by_title = {i.title: i for i in result.items if isinstance(i, Article)}
    mopti = by_title["Gunmen kill three villagers near Mopti"]
    assert mopti.text.startswith("MOPTI, Mali — Gunmen on motorbikes attacked the village of Sare Ganda")
    assert mopti.dateline == "MOPTI, Mali" and mopti.url == f"{site.base}/mopti-attack"
    assert mopti.published == date(2023, 3, 14)
    # A page that answers 404 leaves the feed's own text, when there is enough of it.
    assert by_title["Market reopens in Sevare"].text.startswith("SEVARE, Mali")
    assert site.requests["/mopti-attack"] == 1 and site.requests["/gone"] == 1

    again = poll(site, fetch_pages=True, known_url=lambda url: url.endswith("/mopti-attack"))
    assert site.requests["/mopti-attack"] == 1  # known: not fetched again, and left out
    assert again.known == 1
    assert [i.title for i in again.items if isinstance(i, Article)] == ["Market reopens in Sevare"]


def test_an_unchanged_feed_answers_304_to_the_stored_etag(site):
    first = poll(site)
    second = poll(site, first.state)
    assert second.not_modified and second.items == [] and second.state.status == 304
    assert second.state.etag == '"v1"'
    assert site.conditional == ["/feed.xml"]
    site.feed_version = "v2"
    third = poll(site, second.state)
    assert not third.not_modified and third.state.etag == '"v2"'


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/missing.xml", "HTTP 404 Not Found"),
        ("/not-a-feed", "not an RSS/Atom feed"),
    ],
)
def test_a_feed_that_fails_is_one_problem_naming_the_url(site, path, reason):
    url = f"{site.base}{path}"
    result = poll(site, FeedState(url))
    assert result.items == [] and result.state.url == url
    assert result.state.error and result.state.error.startswith(reason)


def test_fetch_caps_the_body_and_names_unreachable_urls(site):
    with http_client(timeout=5) as client:
        with pytest.raises(FetchError, match=r"/huge: too large: more than 1,000 bytes"):
            fetch(client, f"{site.base}/huge", max_bytes=1000)
        with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:9/feed: ConnectError"):
            fetch(client, "http://127.0.0.1:9/feed", max_bytes=1000)
