"""`sitrep evaluate --format hrdsattack`: whole news articles (HRDsAttack JSON), one annotated event each.

ACLED notes are short digests; users feed Sitrep full articles. HRDsAttack gives full online news
articles about attacks on human-rights defenders, each with one crowd annotation (noisy: read the
figures as a check on full-length text, not as ACLED-grade truth): violation types, perpetrator
type, date (year, month, day), city, region, country.

Each article (its HTML body made text, published on its `publish_date`) is one document. Of its
non-generic events (background ones included: the annotated event is often years old), the one
that agrees best with the annotation (country, violation, year, region) is scored:

- violation types, per type, over the articles annotated with it: killing = an event with
  fatalities; kidnapping and enforced disappearance = Abduction/forced disappearance; arbitrary
  detention = Arrests or Abduction/forced disappearance; torture = Attack or Sexual violence
  (any event of the article counts: an article may report several);
- perpetrator: state (inter code 1 or 8) or non-state (2-5, or an unidentified group);
- country (ISO3, names read through the gazetteer; annotations naming no single country are left out), region against admin1,
  city against location, and the date: year, month and day inside the event's window.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.evaluate.acled import same_place_name
from sitrep.evaluate.scoring import fmt, haversine_km, ratio
from sitrep.geo.gazetteer import Gazetteer
from sitrep.records import Article, Event

VIOLATION_SUB_TYPES = {
    "kidnapping": {"Abduction/forced disappearance"},
    "enforced disappearance": {"Abduction/forced disappearance"},
    "arbitrary detention": {"Arrests", "Abduction/forced disappearance"},
    "torture": {"Attack", "Sexual violence"},
}
STATE_PERPETRATORS = {"state actor", "other state actors"}
NON_STATE_PERPETRATORS = {"other non-state actors", "other actors without permissions", "other actors with permissions"}
NONE_VALUES = {"", "none", "nan", "null", "unknown"}


def _value(raw: Any) -> str | None:
    text = str(raw).strip() if raw is not None else ""
    return None if text.lower() in NONE_VALUES else text


def _number(raw: Any) -> int | None:
    text = _value(raw)
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


def country_code(name: str | None, gazetteer: Gazetteer) -> str | None:
    """The ISO3 code of a country name in any of the gazetteer's spellings; None for anything else
    ("Africa", "Greece and India")."""
    if not name:
        return None
    countries = {c.place.country_code for c in gazetteer.candidates(name.strip()) if c.is_country}
    if len(countries) != 1:
        return None
    return gazetteer.countries.get(countries.pop(), (None, None))[1]


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The articles with their merged annotation; ValueError naming the problem for another kind of file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not HRDsAttack JSON: {exc}") from None
    if not isinstance(data, list) or not all(isinstance(d, dict) and "sample" in d and "merged_sample" in d for d in data):
        raise ValueError("not HRDsAttack JSON: expected a list of {sample, merged_sample} objects")
    return data


def document(item: dict[str, Any], index: int) -> Article:
    from sitrep.ingest.html import html_to_text

    sample = item["sample"]
    published = (sample.get("Input.publish_date") or "")[:10]
    return Article(
        text=html_to_text(sample.get("Input.article_interface") or ""),
        id=f"hrds-{index}",
        title=sample.get("Input.title"),
        published=date.fromisoformat(published) if published else None,
    )


def _violation_found(violation: str, events: list[Event]) -> bool:
    if violation == "killing":
        return any(e.fatalities > 0 for e in events)
    return any(e.sub_event_type in VIOLATION_SUB_TYPES[violation] for e in events)


def _perpetrator_kind(event: Event) -> str | None:
    if event.inter1 in (1, 8):
        return "state"
    if event.inter1 in (2, 3, 4, 5) or (event.actor1 or "").startswith("Unidentified"):
        return "non-state"
    return None


def _in_window(event: Event, year: int, month: int | None = None, day: int | None = None) -> bool:
    start, end = event.date_start or event.event_date, event.date_end or event.event_date
    if not start or not end:
        return False
    if day and month:
        try:
            return start <= date(year, month, day) <= end
        except ValueError:
            return False
    if month:
        return (start.year, start.month) <= (year, month) <= (end.year, end.month)
    return start.year <= year <= end.year


def best_event(events: list[Event], gold: dict[str, Any], gazetteer: Gazetteer) -> Event | None:
    country = country_code(_value(gold.get("country")), gazetteer)
    year = _number(gold.get("year"))
    violations = [v for v in gold.get("violation_types") or [] if v in VIOLATION_SUB_TYPES or v == "killing"]

    def agreement(event: Event) -> tuple[int, int]:
        points = 2 * bool(country and event.iso3 == country)
        points += 2 * any(_violation_found(v, [event]) for v in violations)
        points += bool(year and _in_window(event, year))
        points += same_place_name(event.admin1, _value(gold.get("region")))
        return points, -(event.evidence[0].start if event.evidence else 0)  # then the first told

    return max(events, key=agreement, default=None)


# A gold city and the event's place are one town when a gazetteer reading of the gold name lies this close.
SAME_CITY_KM = 5.0


def same_city(event: Event, city: str, gazetteer: Gazetteer) -> bool:
    """The event's location is the gold city: the same name up to spelling, or a name the gazetteer knows for
    a town at the event's point ("Las Anod" is Laascaanood, "Tiruchi" Tiruchirappalli)."""
    if same_place_name(event.location, city):
        return True
    if event.latitude is None or event.longitude is None or event.geo_precision == 3:
        return False  # a region's point is no town
    return any(
        candidate.place.feature_class == "P"
        and candidate.place.latitude is not None
        and candidate.place.longitude is not None
        and haversine_km(event.latitude, event.longitude, candidate.place.latitude, candidate.place.longitude) <= SAME_CITY_KM
        for candidate in gazetteer.lookup(city)
    )


def evaluate(gold: Path, limit: int | None = None) -> dict:
    from sitrep.pipeline import Extractor

    items = read_gold(gold)[:limit] if limit else read_gold(gold)
    articles = [document(item, index) for index, item in enumerate(items)]
    extractor = Extractor()
    results = {r.article.id: r for r in extractor.extract(articles)}
    pairs = [(item["merged_sample"], [e for e in results[a.id].events if not e.generic]) for item, a in zip(items, articles)]
    return score(pairs, str(gold), extractor.gazetteer)


def score(pairs: list[tuple[dict[str, Any], list[Event]]], gold_path: str, gazetteer: Gazetteer) -> dict:
    tallies: dict[str, list[int]] = {}

    def tally(name: str, hit: bool) -> None:
        counts = tallies.setdefault(name, [0, 0])
        counts[0] += bool(hit)
        counts[1] += 1

    for gold, events in pairs:
        tally("articles_with_event", bool(events))
        for violation in gold.get("violation_types") or []:
            if violation in VIOLATION_SUB_TYPES or violation == "killing":
                tally(f"violation:{violation}", _violation_found(violation, events))
        best = best_event(events, gold, gazetteer)
        perpetrator = gold.get("perpetrator_type")
        if perpetrator in STATE_PERPETRATORS | NON_STATE_PERPETRATORS:
            expected = "state" if perpetrator in STATE_PERPETRATORS else "non-state"
            tally(f"perpetrator:{expected}", bool(best and _perpetrator_kind(best) == expected))
        if country := country_code(_value(gold.get("country")), gazetteer):
            tally("country", bool(best and best.iso3 == country))
            tally("country_any_event", any(e.iso3 == country for e in events))
        if region := _value(gold.get("region")):
            tally("region", bool(best and same_place_name(best.admin1, region)))
        if city := _value(gold.get("city")):
            tally("city", bool(best and same_city(best, city, gazetteer)))
        year, month, day = _number(gold.get("year")), _number(gold.get("month")), _number(gold.get("date"))
        if year:
            tally("year", bool(best and _in_window(best, year)))
        if year and month:
            tally("month", bool(best and _in_window(best, year, month)))
        if year and month and day:
            tally("day", bool(best and _in_window(best, year, month, day)))
    return {"gold_file": gold_path, "articles": len(pairs), **{name: ratio(*counts) for name, counts in sorted(tallies.items())}}


def render(report: dict) -> str:
    lines = [
        f"HRDsAttack evaluation (full articles, one crowd annotation each): {report['gold_file']}",
        f"articles {report['articles']}",
        f"  articles with an event           {fmt(report['articles_with_event'])}",
    ]
    for name in sorted(k for k in report if k.startswith("violation:")):
        lines.append(f"  violation {name.split(':', 1)[1]:<22} {fmt(report[name])}")
    for name in sorted(k for k in report if k.startswith("perpetrator:")):
        lines.append(f"  perpetrator {name.split(':', 1)[1]:<20} {fmt(report[name])}")
    labels = {"country": "country (best event)", "country_any_event": "country (any event)", "region": "region = admin1",
              "city": "city = location", "year": "year in window", "month": "month in window", "day": "day in window"}
    for key, label in labels.items():
        if key in report:
            lines.append(f"  {label:<32} {fmt(report[key])}")
    return "\n".join(lines)
