"""Records to table rows and back. The only place that knows both shapes."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sitrep.records import Article, Claim, Event, Evidence, Place, Quote, SourceReport, Toponym

ACTOR_ROLES = (("actor1", "actor1"), ("assoc_actor_1", "assoc1"), ("actor2", "actor2"), ("assoc_actor_2", "assoc2"))


def stable_event_id(article_hash: str, ordinal: int) -> str:
    """An ID for an event the extractor left unnamed: the same article always gives the same IDs."""
    digest = hashlib.sha1(f"{article_hash}:{ordinal}".encode()).hexdigest()
    return f"SR{digest[:14]}"


def evidence_to_json(evidence: list[Evidence]) -> list[dict[str, Any]]:
    return [{"start": e.start, "end": e.end, "text": e.text} for e in evidence]


def evidence_from_json(data: list[Mapping[str, Any]] | None) -> list[Evidence]:
    return [Evidence(start=int(e["start"]), end=int(e["end"]), text=str(e["text"])) for e in data or []]


def actor_names(value: str | None) -> list[str]:
    """ACLED puts several associated actors in one cell separated by semicolons."""
    return [name.strip() for name in (value or "").split(";") if name.strip()]


def article_row(article: Article, now: datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "hash": article.hash,
        "title": article.title,
        "authors": list(article.authors),
        "outlet": article.outlet,
        "published": article.published,
        "dateline": article.dateline,
        "url": article.url,
        "language": article.language,
        "source_path": article.source_path,
        "text": article.text,
        "story_id": article.story_id,
        "ingested_at": now,
    }


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(
        text=row["text"],
        id=row["id"],
        title=row["title"],
        authors=list(row["authors"] or []),
        outlet=row["outlet"],
        published=row["published"],
        dateline=row["dateline"],
        url=row["url"],
        language=row["language"],
        source_path=row["source_path"],
        hash=row["hash"],
    )


def search_text(event: Event) -> str:
    parts = [event.notes, event.location, event.admin1, event.admin2, event.country, event.attribution]
    parts += [getattr(event, column) for column, _ in ACTOR_ROLES]
    parts += [e.text for e in event.evidence]
    return " \n".join(p for p in parts if p).lower()


EVENT_FIELDS = (
    "doc_id", "event_date", "date_start", "date_end", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "country", "iso3", "admin1",
    "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "notes", "background",
    "generic", "confidence", "attribution",
)


def event_row(event: Event, now: datetime) -> dict[str, Any]:
    row = {name: getattr(event, name) for name in EVENT_FIELDS}
    row.update(
        event_id=event.event_id,
        evidence=evidence_to_json(event.evidence),
        search_text=search_text(event),
        created_at=now,
        updated_at=now,
    )
    return row


def event_from_row(row: Mapping[str, Any], sources: list[SourceReport]) -> Event:
    fields = {name: row[name] for name in EVENT_FIELDS}
    return Event(event_id=row["event_id"], evidence=evidence_from_json(row["evidence"]), sources=sources, **fields)


def source_rows(event: Event, article_id: str) -> list[dict[str, Any]]:
    """One row per source article; an event with no sources listed is its own article's report."""
    reports = event.sources or [
        SourceReport(article_id=article_id, fatalities=event.fatalities, evidence=event.evidence, attribution=event.attribution)
    ]
    rows: dict[str, dict[str, Any]] = {}
    for report in reports:
        rows[report.article_id] = {
            "event_id": event.event_id,
            "article_id": report.article_id,
            "fatalities": report.fatalities,
            "evidence": evidence_to_json(report.evidence),
            "attribution": report.attribution,
        }
    return list(rows.values())


def source_from_row(row: Mapping[str, Any]) -> SourceReport:
    return SourceReport(
        article_id=row["article_id"],
        fatalities=row["fatalities"],
        evidence=evidence_from_json(row["evidence"]),
        attribution=row["attribution"],
        outlet=row.get("outlet"),
    )


def place_key(place: Place) -> str:
    if place.geonameid is not None:
        return f"gn:{place.geonameid}"
    lat = "" if place.latitude is None else f"{place.latitude:.4f}"
    lon = "" if place.longitude is None else f"{place.longitude:.4f}"
    return "|".join([place.name, place.country or "", place.admin1 or "", lat, lon])[:400]


PLACE_FIELDS = (
    "geonameid", "name", "latitude", "longitude", "country", "country_code", "iso3", "admin1", "admin2",
    "feature_class", "feature_code", "population",
)


def place_row(place: Place) -> dict[str, Any]:
    return {"place_key": place_key(place), **{name: getattr(place, name) for name in PLACE_FIELDS}}


def place_from_row(row: Mapping[str, Any]) -> Place:
    return Place(**{name: row[name] for name in PLACE_FIELDS})


def toponym_row(toponym: Toponym, article_id: str, place_id: int | None) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "start": toponym.start,
        "end": toponym.end,
        "text": toponym.text,
        "place_id": place_id,
        "score": toponym.score,
        "relation": toponym.relation,
    }


def quote_row(quote: Quote, article_id: str, event_id: str | None = None) -> dict[str, Any]:
    return {**asdict(quote), "article_id": article_id, "event_id": event_id}


def quote_from_row(row: Mapping[str, Any]) -> Quote:
    return Quote(**{name: row[name] for name in Quote.__dataclass_fields__})


def claim_row(claim: Claim, article_id: str) -> dict[str, Any]:
    return {**asdict(claim), "article_id": article_id}


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    return Claim(**{name: row[name] for name in Claim.__dataclass_fields__})
