"""Helpers for the extraction tests: the current events (neither background nor generic) of one text, and
the event places of each sentence of a text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sitrep.records import Article, Event


def current_events(extractor, text: str, published: date) -> list[Event]:
    result = extractor.extract_one(Article(text=text, published=published))
    return [e for e in result.events if not e.background and not e.generic]


def current_events_on(published: date) -> Callable[..., list[Event]]:
    """`current_events` for texts published on one day: `current(extractor, text)`."""
    return lambda extractor, text: current_events(extractor, text, published)


def current_rows(rows: list[dict]) -> list[dict]:
    """The current event rows (neither background nor generic) that `sitrep extract` printed."""
    return [row for row in rows if not row["background"] and not row["generic"]]


def sentence_locations(extractor, text: str) -> list[list]:
    """`locate_event` for each sentence of the text, with the text's resolved toponyms."""
    from sitrep.geo.locate import locate_event
    from sitrep.geo.resolve import resolve_toponyms

    doc = extractor.nlp(text)
    article = Article(text=text)
    toponyms = resolve_toponyms(doc, article, extractor.gazetteer)
    return [locate_event(sent, toponyms, article, extractor.gazetteer) for sent in doc.sents]
