"""Live feeds over HTTP: poll an RSS/Atom feed, optionally fetch each new item's page, yield articles.

Opt-in and polite: nothing here runs unless a user names a feed (`sitrep watch URL`). Feeds are
asked for with the validators of the last poll (ETag / Last-Modified), so an unchanged feed
costs one 304; bodies are capped in size; every failure is an `IngestProblem` naming the URL,
never an exception that stops the other feeds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

import httpx

from sitrep.ingest.checks import check_article
from sitrep.ingest.feeds import read_feed
from sitrep.ingest.html import read_html_page
from sitrep.records import Article, FeedState, IngestProblem

USER_AGENT = "Sitrep/0.1 (conflict event monitoring; +https://github.com/sitrep)"
# A feed item with less text than this is a teaser: its page holds the article.
TEASER_CHARS = 600


@dataclass
class FeedPoll:
    state: FeedState  # the state to keep for the next poll
    items: list[Article | IngestProblem]
    not_modified: bool = False
    known: int = 0  # items left out because their page is stored already (with fetch_pages)


@dataclass
class Fetched:
    status: int
    headers: httpx.Headers
    content: bytes = b""


class FetchError(Exception):
    """A URL that could not be fetched: `str()` is one line naming the URL and the reason."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.reason = reason


def http_client(timeout: float = 20.0) -> httpx.Client:
    return httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})


def fetch(client: httpx.Client, url: str, *, max_bytes: int, headers: dict[str, str] | None = None) -> Fetched:
    """GET `url` with the body read up to `max_bytes`; a 304 is returned as is, other non-2xx raise FetchError."""
    try:
        with client.stream("GET", url, headers=headers or {}) as response:
            if response.status_code == 304:
                return Fetched(304, response.headers)
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise FetchError(url, f"too large: more than {max_bytes:,} bytes")
            return Fetched(response.status_code, response.headers, bytes(body))
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"not a valid URL: {exc}") from None
    except httpx.UnsupportedProtocol:
        raise FetchError(url, "not an http(s) URL") from None
    except httpx.TimeoutException:
        raise FetchError(url, "timed out") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"{type(exc).__name__}: {str(exc) or 'request failed'}") from None


def poll_feed(
    client: httpx.Client,
    state: FeedState,
    *,
    max_bytes: int,
    max_chars: int,
    fetch_pages: bool = False,
    known_url: Callable[[str], bool] = lambda url: False,
    today: date | None = None,
) -> FeedPoll:
    """Poll one feed: its items as checked articles (or the problems met), and the state for next time.

    A feed that cannot be fetched or read gives no items and says why in `state.error`.

    With `fetch_pages`, an item whose feed text is a teaser is replaced by the article on its page
    and an item whose URL `known_url` says is stored already is left out unfetched (counted in
    `known`); the feed's title and date fill what the page lacks. An item with no date takes `today`, the day it was seen.
    """
    polled_at = datetime.now(timezone.utc)
    conditional = {k: v for k, v in (("If-None-Match", state.etag), ("If-Modified-Since", state.last_modified)) if v}
    try:
        response = fetch(client, state.url, max_bytes=max_bytes, headers=conditional)
    except FetchError as exc:
        return FeedPoll(replace(state, polled_at=polled_at, status=None, error=exc.reason), [])
    if response.status == 304:
        return FeedPoll(replace(state, polled_at=polled_at, status=304, error=None), [], not_modified=True)
    new_state = FeedState(
        url=state.url,
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
        polled_at=polled_at,
        status=response.status,
    )
    day = today or polled_at.date()
    items: list[Article | IngestProblem] = []
    known = 0
    for item in read_feed(response.content, state.url):
        if isinstance(item, Article) and fetch_pages and item.url and known_url(item.url):
            known += 1  # stored from an earlier poll (from its page or its feed text)
            continue
        if isinstance(item, Article):
            if fetch_pages and item.url and len(item.text) < TEASER_CHARS:
                item = _with_page(client, item, max_bytes=max_bytes)
            if isinstance(item, Article):
                item = check_article(item, published=day, max_chars=max_chars)
        items.append(item)
    feed_problems = [i for i in items if isinstance(i, IngestProblem) and i.source == state.url]
    if feed_problems:  # the feed itself is unreadable: one error for the feed, no items
        return FeedPoll(replace(new_state, error=feed_problems[0].reason), [])
    return FeedPoll(new_state, items, known=known)


def _with_page(client: httpx.Client, item: Article, *, max_bytes: int) -> Article | IngestProblem:
    """The item's page as the article; the feed's own text when the page cannot be read."""
    assert item.url
    try:
        page = read_html_page(fetch(client, item.url, max_bytes=max_bytes).content, item.url)
    except FetchError as exc:
        page = IngestProblem(item.url, exc.reason)
    if isinstance(page, IngestProblem):
        return item if item.text.strip() else page
    return replace(
        page,
        title=page.title or item.title,
        published=item.published or page.published,  # the feed's date is the publisher's own statement
        authors=page.authors or item.authors,
        outlet=item.outlet or page.outlet,
        url=item.url,
        source_path=item.source_path,
    )
