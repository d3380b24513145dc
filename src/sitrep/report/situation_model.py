"""The situation report as data: the figures, tables and sourced sections a report shows.

Built by `sitrep.report.situation.build_situation_report`; `SituationReport.to_dict()` is the JSON
form and the renderers (`situation_md`, `situation_html`) present the same content.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sitrep.report.situation_sources import NotableEvent, Statement

# ACLED's inter codes (actor types), as the codebook names them.
INTER_LABELS = {
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/other forces",
}
UNKNOWN_REGION = "(admin1 not resolved)"

@dataclass
class Period:
    since: date
    until: date

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        return Period(self.since - timedelta(days=self.days), self.since - timedelta(days=1))


@dataclass
class Figure:
    """Events and fatalities in the period, and in the previous period of the same length."""

    events: int = 0
    fatalities: int = 0
    previous_events: int = 0
    previous_fatalities: int = 0

    @property
    def events_change(self) -> float | None:
        return percent_change(self.events, self.previous_events)

    @property
    def fatalities_change(self) -> float | None:
        return percent_change(self.fatalities, self.previous_fatalities)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(events_change_pct=self.events_change, fatalities_change_pct=self.fatalities_change)
        return data


@dataclass
class TypeFigure(Figure):
    event_type: str = ""


@dataclass
class Hotspot(Figure):
    country: str | None = None
    admin1: str = UNKNOWN_REGION
    locations: list[str] = field(default_factory=list)  # the region's busiest locations, busiest first


@dataclass
class LocationFigure:
    location: str
    admin1: str | None
    country: str | None
    events: int = 0
    fatalities: int = 0


@dataclass
class ActorFigure:
    """An actor's events in the period (in any role: an event counts once per actor)."""

    name: str
    inter: int | None = None
    events: int = 0
    fatalities: int = 0
    as_actor1: int = 0
    as_actor2: int = 0
    associated: int = 0

    @property
    def inter_label(self) -> str:
        return INTER_LABELS.get(self.inter or 0, "")


@dataclass
class TimelineBin:
    start: date
    end: date
    events: int = 0
    fatalities: int = 0


@dataclass
class Coverage:
    """The data behind the report, for its methods note."""

    source_articles: int = 0  # articles that are sources of the period's events
    source_outlets: list[str] = field(default_factory=list)
    articles_published: int = 0  # articles in the store published in the period (any relevance)
    outlets_published: list[str] = field(default_factory=list)
    excluded_background: int = 0
    excluded_generic: int = 0
    approximate_dates: int = 0  # events dated to a week or vaguer (time_precision > 1)
    unresolved_admin1: int = 0


@dataclass
class SituationReport:
    period: Period
    previous: Period
    country: list[str]
    admin1: list[str]
    totals: Figure
    by_type: list[TypeFigure]
    hotspots: list[Hotspot]
    locations: list[LocationFigure]
    actors: list[ActorFigure]
    timeline_unit: str  # day | week | month | year
    timeline: list[TimelineBin]
    notable: list[NotableEvent]
    statements: list[Statement]
    coverage: Coverage
    database: str = ""

    @property
    def empty(self) -> bool:
        return self.totals.events == 0

    @property
    def multi_sourced(self) -> bool:
        """Whether any notable event is listed for being reported by several sources."""
        return any("best-sourced" in n.reasons for n in self.notable)

    @property
    def scope(self) -> str:
        """Where the report is about, in words."""
        parts = []
        if self.admin1:
            parts.append(", ".join(self.admin1))
        if self.country:
            parts.append(", ".join(self.country))
        return " — ".join(parts) if parts else "all countries"

    @property
    def title(self) -> str:
        return f"Situation report: {self.scope}, {self.period.since.isoformat()} to {self.period.until.isoformat()}"

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (dates as ISO strings): the same content the renderers show."""
        return _jsonable({
            "title": self.title,
            "scope": {"country": self.country, "admin1": self.admin1},
            "period": {"since": self.period.since, "until": self.period.until, "days": self.period.days},
            "previous_period": {"since": self.previous.since, "until": self.previous.until},
            "totals": self.totals.to_dict(),
            "by_event_type": [t.to_dict() for t in self.by_type],
            "hotspots": [h.to_dict() for h in self.hotspots],
            "locations": [asdict(loc) for loc in self.locations],
            "actors": [{**asdict(a), "inter_label": a.inter_label} for a in self.actors],
            "timeline": {"unit": self.timeline_unit, "bins": [asdict(b) for b in self.timeline]},
            "notable_events": [n.to_dict() for n in self.notable],
            "statements": [s.to_dict() for s in self.statements],
            "coverage": asdict(self.coverage),
            "methods": methods_notes(self),
            "database": self.database,
        })


def percent_change(now: int, before: int) -> float | None:
    """Change against the previous period in percent; None when there is nothing to compare with."""
    if before == 0:
        return None
    return round(100.0 * (now - before) / before, 1)


def methods_notes(report: SituationReport) -> list[str]:
    """The methods note, as plain sentences (renderers add their own markup)."""
    c = report.coverage
    notes = [
        "Events are coded the ACLED way: one event per actor pair, place and day; event types and "
        "sub-event types follow the ACLED codebook, and actors carry ACLED inter codes.",
        "Fatalities are the coded, conservative figure for each event: when sources disagree the "
        "event keeps the figure Sitrep coded, and the range reported by its sources is shown beside it.",
        f"Past events told as background ({c.excluded_background} in the period) and generic "
        f"descriptions of patterns ({c.excluded_generic}) are stored but left out of every count.",
        f"The previous period ({report.previous.since.isoformat()} to {report.previous.until.isoformat()}) "
        "has the same length; changes are against it.",
        f"Coverage: the period's events rest on {c.source_articles} source article(s) from "
        f"{len(c.source_outlets)} outlet(s); the store holds {c.articles_published} article(s) from "
        f"{len(c.outlets_published)} outlet(s) published in the period (any region, relevant or not). Counts reflect "
        "what these sources reported, not everything that happened.",
    ]
    if c.approximate_dates:
        notes.append(
            f"{c.approximate_dates} event(s) are dated to a week or vaguer (ACLED time precision 2-3) and counted on "
            "their most likely day."
        )
    if c.unresolved_admin1:
        notes.append(f"{c.unresolved_admin1} event(s) could not be placed in a first-level admin area.")
    return notes


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
