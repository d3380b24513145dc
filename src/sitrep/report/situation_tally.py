"""One pass over a period's events: the counts behind the headline, hotspot, actor and timeline
sections, and what the notable-event lists rank by (a few numbers per event are kept, never the events)."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sitrep.records import Event
from sitrep.report.situation_model import (
    UNKNOWN_REGION, ActorFigure, Hotspot, LocationFigure, Period, TimelineBin, TypeFigure,
)


@dataclass
class Candidate:
    """What the notable-event lists rank an event by, without keeping the event."""

    event_id: str
    fatalities: int
    sources: int
    day: date


@dataclass
class Tally:
    """The running counts of one period."""

    events: int = 0
    fatalities: int = 0
    type_events: Counter[str] = field(default_factory=Counter)
    type_fatalities: Counter[str] = field(default_factory=Counter)
    regions: dict[tuple[str | None, str], list[int]] = field(default_factory=dict)
    places: dict[tuple[str | None, str | None, str], list[int]] = field(default_factory=dict)
    by_day: dict[date, list[int]] = field(default_factory=dict)
    actors: dict[str, ActorFigure] = field(default_factory=dict)
    article_events: dict[str, list[str]] = field(default_factory=dict)  # source article -> its events
    candidates: list[Candidate] = field(default_factory=list)
    approximate_dates: int = 0
    unresolved_admin1: int = 0

    def add(self, event: Event) -> None:
        deaths = event.fatalities or 0
        self.events += 1
        self.fatalities += deaths
        self.type_events[event.event_type] += 1
        self.type_fatalities[event.event_type] += deaths
        _bump(self.regions, (event.country, event.admin1 or UNKNOWN_REGION), deaths)
        if event.location:
            _bump(self.places, (event.country, event.admin1, event.location), deaths)
        if event.event_date:
            _bump(self.by_day, event.event_date, deaths)
        self._add_actors(event, deaths)
        articles = {s.article_id for s in event.sources} or {event.doc_id}
        for article_id in articles:
            self.article_events.setdefault(article_id, []).append(event.event_id)
        self.candidates.append(Candidate(event.event_id, deaths, len(articles), event.event_date or date.min))
        self.approximate_dates += event.time_precision > 1
        self.unresolved_admin1 += not event.admin1

    def _add_actors(self, event: Event, deaths: int) -> None:
        roles: dict[str, tuple[str, int | None]] = {}
        for column, role, inter in (
            ("actor1", "actor1", event.inter1), ("actor2", "actor2", event.inter2),
            ("assoc_actor_1", "associated", None), ("assoc_actor_2", "associated", None),
        ):
            for name in _names(getattr(event, column)):
                roles.setdefault(name, (role, inter))  # a name in two roles counts once, in its first
        for name, (role, inter) in roles.items():
            actor = self.actors.setdefault(name, ActorFigure(name))
            actor.events += 1
            actor.fatalities += deaths
            if actor.inter is None and inter is not None:
                actor.inter = inter
            if role == "actor1":
                actor.as_actor1 += 1
            elif role == "actor2":
                actor.as_actor2 += 1
            else:
                actor.associated += 1


def _names(value: str | None) -> list[str]:
    """ACLED puts several associated actors in one cell separated by semicolons."""
    return [name.strip() for name in (value or "").split(";") if name.strip()]


def _bump(table: dict[Any, list[int]], key: Any, deaths: int) -> None:
    row = table.setdefault(key, [0, 0])
    row[0] += 1
    row[1] += deaths


def tally(events: Iterable[Event]) -> Tally:
    tally = Tally()
    for event in events:
        tally.add(event)
    return tally


def by_type(current: Tally, before: Tally) -> list[TypeFigure]:
    types = set(current.type_events) | set(before.type_events)
    figures = [
        TypeFigure(
            events=current.type_events[t], fatalities=current.type_fatalities[t],
            previous_events=before.type_events[t], previous_fatalities=before.type_fatalities[t], event_type=t,
        )
        for t in types
    ]
    return sorted(figures, key=lambda f: (-f.events, -f.fatalities, -f.previous_events, f.event_type))


def hotspots(current: Tally, before: Tally, top: int) -> list[Hotspot]:
    spots = []
    for (country, admin1), (events, deaths) in current.regions.items():
        prev_events, prev_deaths = before.regions.get((country, admin1), (0, 0))
        places = sorted(
            ((loc, row) for (c, a, loc), row in current.places.items() if c == country and (a or UNKNOWN_REGION) == admin1),
            key=lambda item: (-item[1][0], -item[1][1], item[0]),
        )
        spots.append(Hotspot(events, deaths, prev_events, prev_deaths, country=country, admin1=admin1,
                             locations=[loc for loc, _ in places[:3]]))
    spots.sort(key=lambda h: (-h.events, -h.fatalities, h.country or "", h.admin1))
    return spots[:top]


def locations(current: Tally, top: int) -> list[LocationFigure]:
    found = [LocationFigure(loc, admin1, country, events, deaths) for (country, admin1, loc), (events, deaths) in current.places.items()]
    found.sort(key=lambda f: (-f.events, -f.fatalities, f.country or "", f.admin1 or "", f.location))
    return found[:top]


def actors(current: Tally, top: int) -> list[ActorFigure]:
    return sorted(current.actors.values(), key=lambda a: (-a.events, -a.fatalities, a.name))[:top]


def timeline_unit(period: Period) -> str:
    """Daily bins for up to a month, weekly up to half a year, monthly up to five years, then yearly."""
    if period.days <= 31:
        return "day"
    if period.days <= 183:
        return "week"
    if period.days <= 5 * 366:
        return "month"
    return "year"


def timeline(period: Period, by_day: dict[date, list[int]]) -> tuple[str, list[TimelineBin]]:
    unit = timeline_unit(period)
    bins: list[TimelineBin] = []
    start = period.since
    while start <= period.until:
        if unit == "day":
            end = start
        elif unit == "week":  # weeks counted from the period's first day, so no bin straddles its edges
            end = start + timedelta(days=6)
        elif unit == "month":
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        else:
            end = date(start.year, 12, 31)
        bins.append(TimelineBin(start, min(end, period.until)))
        start = end + timedelta(days=1)
    for day, (events, deaths) in by_day.items():
        for b in bins:  # few bins (at most ~60): a scan is plenty
            if b.start <= day <= b.end:
                b.events += events
                b.fatalities += deaths
                break
    if unit in ("month", "year"):  # a long period asked "since 2000": start at the first events
        while len(bins) > 1 and bins[0].events == 0:
            bins.pop(0)
    return unit, bins


def top_candidates(candidates: list[Candidate], n: int, *, by: str) -> list[str]:
    """Event ids of the n deadliest (by="fatalities") or best-sourced (by="sources") events; ties go to
    the other measure, then the later date. Only events with a death, or with two sources or more, qualify."""
    if by == "fatalities":
        pool = [c for c in candidates if c.fatalities > 0]
        key = lambda c: (c.fatalities, c.sources, c.day, _reverse(c.event_id))  # noqa: E731
    else:
        pool = [c for c in candidates if c.sources > 1]
        key = lambda c: (c.sources, c.fatalities, c.day, _reverse(c.event_id))  # noqa: E731
    return [c.event_id for c in heapq.nlargest(n, pool, key=key)]


def _reverse(text: str) -> tuple[int, ...]:
    """A key that sorts strings in reverse, so nlargest breaks full ties by the smallest id."""
    return tuple(-ord(ch) for ch in text)
