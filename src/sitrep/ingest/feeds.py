"""RSS and Atom feeds (feedparser): each item is an article; its HTML becomes text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_to_datetime

from sitrep.ingest.html import html_to_text
from sitrep.ingest.metadata import find_dateline, parse_authors, parse_date, title_case_name
from sitrep.records import Article, IngestProblem


def read_feed(data: bytes, source: str) -> Iterator[Article | IngestProblem]:
    """One Article per item, sourced "FILE#item N" (N from 1 in feed order)."""
    import feedparser

    # Bytes, never a string: feedparser treats a string as a URL or path to fetch.
    parsed = feedparser.parse(data)
    if not parsed.version and not parsed.bozo:
        yield IngestProblem(source, "not an RSS/Atom feed (XML of another kind)")
        return
    if not parsed.entries:
        if parsed.bozo:
            yield IngestProblem(source, f"not a readable RSS/Atom feed: {_reason(parsed.bozo_exception)}")
        elif parsed.version:
            yield IngestProblem(source, "the feed has no items")
        else:
            yield IngestProblem(source, "not an RSS/Atom feed (XML of another kind)")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    articles = [_item_article(entry, f"{source}#item {n}", outlet) for n, entry in enumerate(parsed.entries, start=1)]
    if parsed.bozo and not any(article.text for article in articles):
        # feedparser's loose parser salvages items from broken XML; when none has any text the
        # feed is broken, and saying so beats reporting each husk as empty.
        yield IngestProblem(source, f"not a readable RSS/Atom feed: {_reason(parsed.bozo_exception)}")
        return
    yield from articles


def _item_article(entry, source: str, outlet: str | None) -> Article:
    contents = entry.get("content") or []
    # The full content when the feed carries it, else the summary (many feeds only have that).
    markup = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
    body = html_to_text(markup)
    title = html_to_text(entry.get("title", "")) or None
    dateline = find_dateline(body)
    return Article(
        text=body,
        title=title,
        authors=_item_authors(entry),
        outlet=outlet,
        published=_item_date(entry),
        dateline=dateline[0] if dateline else None,
        url=entry.get("link") or None,
        source_path=source,
    )


def _item_authors(entry) -> list[str]:
    names = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")] or [entry.get("author", "")]
    authors: list[str] = []
    for name in names:
        name = re.sub(r"^\s*by\s+", "", name.strip(), flags=re.IGNORECASE)
        name = re.sub(r"^\S+@\S+\s*\((.+)\)$", r"\1", name)  # RSS <author>: "jane@example.org (Jane Doe)"
        if not name:
            continue
        for author in parse_authors(name) or [title_case_name(name)]:
            if author not in authors:
                authors.append(author)
    return authors


def _item_date(entry) -> date | None:
    """The item's own calendar day as written (feedparser's *_parsed fields are shifted to UTC)."""
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if not value:
            continue
        try:
            return parsedate_to_datetime(value).date()  # RFC 822, as RSS writes dates
        except (TypeError, ValueError):
            pass
        day = parse_date(value)  # ISO 8601 (Atom) or free-form
        if day:
            return day
    return None


def _reason(exc: object) -> str:
    if hasattr(exc, "getMessage") and hasattr(exc, "getLineNumber"):  # XML well-formedness (SAX)
        return f"{exc.getMessage()} (line {exc.getLineNumber()})"
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
