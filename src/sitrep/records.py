"""Typed records passed between the stages: ingest -> nlp -> extract -> resolve -> store -> serve.

Every stage takes and returns these records, never spaCy objects or ORM rows, so each stage can be
tested alone and the store can grow without the extractors knowing about it.

Offsets (`start`, `end`) are character offsets into `Article.text`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


def content_hash(text: str) -> str:
    """Hash of the article text with whitespace folded: the identity used for idempotent ingest."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article as read by ingest. `text` is the body (dateline included, headline and byline not)."""

    text: str
    id: str | None = None  # caller's id (JSONL/CSV `id`), else derived from the content hash
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: date | None = None
    dateline: str | None = None  # the dateline place as written, e.g. "QAIM, Iraq"
    url: str | None = None
    language: str | None = None
    source_path: str | None = None  # where it was read from (file, file:line, feed item)
    hash: str = ""
    story_id: str | None = None  # near-duplicate group (syndicated copies, light rewrites), set by resolve

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)
        if not self.id:
            self.id = self.hash[:16]


@dataclass
class FeedState:
    """What the last poll of a feed learned: its validators for a conditional request, and how it went."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    polled_at: datetime | None = None
    status: int | None = None  # the HTTP status of the last poll; None when it failed before an answer
    error: str | None = None


@dataclass
class IngestProblem:
    """An input that was skipped, with the reason, reported to the user and never fatal to a batch."""

    source: str  # file path (and line or item where there is one)
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Evidence:
    """The text an extracted field rests on: a sentence (or clause) of the article."""

    start: int
    end: int
    text: str


@dataclass
class DateWindow:
    """A resolved date expression: the event happened somewhere in [start, end].

    `precision` follows ACLED's time_precision: 1 = the day, 2 = a week or a few days, 3 = a month or vaguer.
    """

    start: date
    end: date
    precision: int
    text: str = ""  # the expression as written, e.g. "earlier this month"

    @property
    def best(self) -> date:
        """ACLED codes a window by its most likely day; with no better clue that is the window's start."""
        return self.start


@dataclass
class ActorRef:
    """An actor resolved to the knowledge base, named the ACLED way."""

    name: str  # e.g. "Islamic State (Iraq)", "Military Forces of Iraq (2018-)", "Civilians (Iraq)"
    inter: int | None = None  # ACLED inter code 1-8
    country: str | None = None
    actor_type: str | None = None  # state, rebel, political_militia, identity_militia, rioters, protesters, civilians, external
    mention: str | None = None  # the words in the text
    start: int | None = None
    end: int | None = None


@dataclass
class Place:
    """A gazetteer entry, or an admin area, with where it lies."""

    name: str
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None  # country name, ACLED spelling
    country_code: str | None = None  # ISO 3166-1 alpha-2
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    feature_class: str | None = None  # GeoNames class: P populated place, A admin area, ...
    feature_code: str | None = None
    population: int | None = None


@dataclass
class Toponym:
    """A place name found in the text and what it resolved to (place is None when nothing fits)."""

    start: int
    end: int
    text: str
    place: Place | None = None
    score: float = 0.0
    relation: str | None = None  # "near", "30 km south of", ... when the text places the event relative to it


@dataclass
class Location:
    """Where an event happened, with ACLED geo_precision (1 town, 2 near a town / small region, 3 large region)."""

    place: Place
    geo_precision: int
    toponym: Toponym | None = None


@dataclass
class SourceReport:
    """One article's account of an event: the unit cross-source deduplication merges."""

    article_id: str
    fatalities: int | None = None
    evidence: list[Evidence] = field(default_factory=list)
    attribution: str | None = None  # "according to security officials"
    outlet: str | None = None  # the publisher, as ACLED's `source` column names it


@dataclass
class Event:
    """An ACLED-style event. Field names match the ACLED export and the `sitrep extract` JSONL contract."""

    doc_id: str
    event_id: str = ""
    event_date: date | None = None
    date_start: date | None = None
    date_end: date | None = None
    time_precision: int = 3
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    notes: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    background: bool = False  # a past event told as context
    generic: bool = False  # a habit or pattern, not a countable event
    confidence: float = 0.0
    sources: list[SourceReport] = field(default_factory=list)
    attribution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form used by `sitrep extract` (dates as ISO strings)."""
        data = asdict(self)
        for key in ("event_date", "date_start", "date_end"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data


@dataclass
class Quote:
    """Direct or reported speech with its speaker."""

    doc_id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_role: str | None = None
    anonymous: bool = False
    direct: bool = True


@dataclass
class Claim:
    """A quantitative claim: a number with unit, scope and period, linked to its source."""

    doc_id: str
    text: str
    start: int
    end: int
    quantity: float | None = None
    quantity_max: float | None = None  # for ranges
    approximate: bool = False
    unit: str | None = None
    what: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    anonymous: bool = False
    event_id: str | None = None


@dataclass
class EventMerge:
    """Why one of this article's events was merged into an event already known from other sources."""

    canonical_id: str
    source_event_id: str  # the ID the extractor gave the event in this article
    article_id: str
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class ArticleResult:
    """Everything extracted from one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relevant: bool = True  # False when the relevance cascade skipped the full NLP pass
    merges: list[EventMerge] = field(default_factory=list)  # cross-source merges, set by resolve
    story_signature: bytes | None = None  # MinHash of the text, kept to find later near-duplicates
