"""The sourced parts of a situation report: notable events quoted from their source articles, and
what sources said (attributed quotes and claims), each tied to the article it came from.

Article-derived text is kept as written (whitespace folded); escaping is the renderers' job.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sitrep.records import Claim, Event, Quote
from sitrep.store import Store
from sitrep.store.claims_queries import StatementFilter, query_claims, query_quotes
from sitrep.store.schema import articles

_IN_CHUNK = 500  # stay under SQLite's bound-parameter limit
_STATEMENT_ARTICLES = 40  # articles searched for statements, most important first


def fold(text: str | None) -> str:
    """Article text on one line: reports quote sentences, not layout."""
    return " ".join((text or "").split())


@dataclass
class ArticleRef:
    """The citation of a source article."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None

    @property
    def link(self) -> str | None:
        """The URL when it is a web address; other schemes (javascript:, file:) are never linked."""
        url = (self.url or "").strip()
        return url if url.lower().startswith(("http://", "https://")) else None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "link": self.link}


def article_refs(engine: Engine, ids: Iterable[str]) -> dict[str, ArticleRef]:
    """Citations of the given articles (id -> ref); the text is not read."""
    wanted = sorted(set(ids))
    found: dict[str, ArticleRef] = {}
    columns = [articles.c.id, articles.c.title, articles.c.outlet, articles.c.url, articles.c.published]
    with engine.connect() as conn:
        for start in range(0, len(wanted), _IN_CHUNK):
            query = sa.select(*columns).where(articles.c.id.in_(wanted[start : start + _IN_CHUNK]))
            for row in conn.execute(query):
                found[row.id] = ArticleRef(row.id, fold(row.title) or None, row.outlet, row.url, row.published)
    return found


def _ref(refs: dict[str, ArticleRef], article_id: str) -> ArticleRef:
    return refs.get(article_id) or ArticleRef(article_id)


# -- notable events -------------------------------------------------------------------------------


@dataclass
class SourceCitation:
    """One source's account of a notable event: its fatality figure and the sentences it rests on."""

    article: ArticleRef
    fatalities: int | None = None
    evidence: list[str] = field(default_factory=list)
    attribution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article.to_dict(), "fatalities": self.fatalities, "evidence": self.evidence,
                "attribution": self.attribution}


@dataclass
class NotableEvent:
    event_id: str
    reasons: list[str]  # "deadliest", "best-sourced"
    event_date: date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    inter1: int | None
    assoc_actor_1: str | None
    actor2: str | None
    inter2: int | None
    assoc_actor_2: str | None
    location: str | None
    admin1: str | None
    country: str | None
    geo_precision: int | None
    fatalities: int
    notes: str
    sources: list[SourceCitation]

    @property
    def place(self) -> str:
        return ", ".join(p for p in (self.location, self.admin1, self.country) if p) or "place not resolved"

    @property
    def reported_fatalities(self) -> list[int]:
        """The distinct figures the sources reported, lowest first."""
        return sorted({s.fatalities for s in self.sources if s.fatalities is not None})

    @property
    def sources_disagree(self) -> bool:
        return len(self.reported_fatalities) > 1

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "sources"}
        data["event_date"] = self.event_date.isoformat() if self.event_date else None
        figures = self.reported_fatalities
        data.update(
            place=self.place,
            reported_fatalities=figures,
            fatalities_range=[figures[0], figures[-1]] if figures else None,
            sources_disagree=self.sources_disagree,
            sources=[s.to_dict() for s in self.sources],
        )
        return data


def notable_events(store: Store, deadliest: Sequence[str], best_sourced: Sequence[str], refs: dict[str, ArticleRef]) -> list[NotableEvent]:
    """The deadliest events, then the best-sourced ones not already listed, each with its sources."""
    reasons: dict[str, list[str]] = {}
    for reason, ids in (("deadliest", deadliest), ("best-sourced", best_sourced)):
        for event_id in ids:
            reasons.setdefault(event_id, []).append(reason)
    found = []
    for event_id, why in reasons.items():
        event = store.get_event(event_id)
        if event is not None:
            found.append(_notable(event, why, refs))
    return found


def _notable(event: Event, reasons: list[str], refs: dict[str, ArticleRef]) -> NotableEvent:
    sources = [
        SourceCitation(_ref(refs, s.article_id), s.fatalities, [fold(e.text) for e in s.evidence if fold(e.text)], s.attribution)
        for s in event.sources
    ]
    if not sources:  # stored events always have a source row; an old store may not
        sources = [SourceCitation(_ref(refs, event.doc_id), event.fatalities, [fold(e.text) for e in event.evidence], event.attribution)]
    return NotableEvent(
        event_id=event.event_id, reasons=reasons, event_date=event.event_date, time_precision=event.time_precision,
        event_type=event.event_type, sub_event_type=event.sub_event_type, actor1=event.actor1, inter1=event.inter1,
        assoc_actor_1=event.assoc_actor_1, actor2=event.actor2, inter2=event.inter2, assoc_actor_2=event.assoc_actor_2,
        location=event.location, admin1=event.admin1, country=event.country, geo_precision=event.geo_precision,
        fatalities=event.fatalities, notes=fold(event.notes), sources=sorted(sources, key=_citation_order),
    )


def _citation_order(source: SourceCitation) -> tuple[Any, ...]:
    a = source.article
    return (a.published or date.max, a.outlet or "", a.id)


# -- what sources said ------------------------------------------------------------------------------


@dataclass
class Statement:
    """An attributed quote or quantitative claim from a source of the period's events."""

    kind: str  # quote | claim
    text: str
    speaker: str | None
    speaker_role: str | None
    anonymous: bool
    direct: bool
    article: ArticleRef
    event_ids: list[str] = field(default_factory=list)  # the period's events it bears on
    amount: str | None = None  # claims: the quantity as written out, e.g. "~2,000-3,000 people"

    def to_dict(self) -> dict[str, Any]:
        return {**{k: v for k, v in self.__dict__.items() if k != "article"}, "article": self.article.to_dict()}


def select_statements(
    engine: Engine, article_events: dict[str, list[str]], notable: Sequence[NotableEvent],
    refs: dict[str, ArticleRef], limit: int,
) -> list[Statement]:
    """A few attributed statements from the articles behind the period's events, notable events'
    sources first. Claims tied to one event and named speakers' direct quotes rank highest; at most
    one claim and one quote come from any one article, so one source does not fill the section.

    `article_events` maps each source article of the period to the period's events it reports.
    """
    if limit <= 0:
        return []
    period_events = {e for ids in article_events.values() for e in ids}
    order = [s.article.id for n in notable for s in n.sources] + sorted(
        article_events, key=lambda a: (-len(article_events[a]), a)
    )
    searched = list(dict.fromkeys(a for a in order if a in article_events))[:_STATEMENT_ARTICLES]
    ranked: list[tuple[int, int, Statement]] = []
    for rank, article_id in enumerate(searched):
        only = StatementFilter(article_id=article_id)
        claims = [_from_claim(c, article_id, refs, period_events, article_events) for _, c in query_claims(engine, only)]
        quotes = [_from_quote(q, article_id, refs, article_events) for _, q in query_quotes(engine, only)]
        kept = []
        for found in (claims, quotes):  # the best of each kind: both numbers and voices get heard
            kept += sorted((s for s in found if s is not None), key=lambda s: -_priority(s))[:1]
        ranked += [(-_priority(s), rank, s) for s in kept]
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [s for _, _, s in ranked[:limit]]


def _priority(statement: Statement) -> int:
    if statement.kind == "claim" and len(statement.event_ids) == 1:
        return 2  # a figure tied to one event by the extractor
    if statement.kind == "quote" and statement.direct and not statement.anonymous:
        return 2  # a named person's own words
    return 1


def _from_claim(claim: Claim, article_id: str, refs: dict[str, ArticleRef], period_events: set[str],
                article_events: dict[str, list[str]]) -> Statement | None:
    if not (claim.speaker or claim.speaker_role):
        return None  # the article's own statement: not what a source said
    if claim.event_id and claim.event_id not in period_events:
        return None  # about an event outside the period
    events = [claim.event_id] if claim.event_id else article_events.get(article_id, [])
    return Statement("claim", fold(claim.text), claim.speaker, claim.speaker_role, claim.anonymous, True,
                     _ref(refs, article_id), list(events), amount=claim_amount(claim))


def _from_quote(quote: Quote, article_id: str, refs: dict[str, ArticleRef], article_events: dict[str, list[str]]) -> Statement | None:
    if not (quote.speaker or quote.speaker_role) or not fold(quote.text):
        return None
    return Statement("quote", fold(quote.text).rstrip(" ,;:"), quote.speaker, quote.speaker_role, quote.anonymous, quote.direct,
                     _ref(refs, article_id), list(article_events.get(article_id, [])))


def claim_amount(claim: Claim) -> str | None:
    def number(value: float) -> str:
        return f"{value:,.0f}" if value == int(value) else f"{value:g}"

    prefix = "~" if claim.approximate else ""
    if claim.quantity is not None and claim.quantity_max is not None and claim.quantity_max != claim.quantity:
        amount = f"{prefix}{number(claim.quantity)}-{number(claim.quantity_max)}"
    elif claim.quantity is not None:
        amount = prefix + number(claim.quantity)
    elif claim.quantity_max is not None:
        amount = f"up to {number(claim.quantity_max)}"
    else:
        return None
    return f"{amount} {fold(claim.unit)}".strip()
