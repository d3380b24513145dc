"""Cross-source event deduplication: many reports of one real-world event become one canonical event.

Two events are the same when nothing about them disagrees and enough agrees: the same ACLED
event type, overlapping date windows, places within a distance that depends on how precisely
each was located, and actors that do not contradict each other. The canonical event keeps
every source with its own fatality figure; its own figure follows ACLED's conservative rule
(the lowest reported figure). Each decision records its reasons so `sitrep events --explain`
can show why sources were merged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import timedelta

from sitrep.records import Event, SourceReport

# How far apart two reported locations may be, by the coarser geo_precision of the pair:
# a town (1), near a town / district (2), a region (3).
MAX_DISTANCE_KM = {1: 25.0, 2: 50.0, 3: 150.0}
# A window reported to the day may slip by a day between outlets (time zones, "overnight").
DATE_SLACK = timedelta(days=1)
GENERIC_ACTOR_PREFIXES = ("Unidentified", "Civilians", "Protesters", "Rioters")
# Sub-types that different outlets use for one event (one sees a drone where another sees shelling,
# one mentions the police a peaceful march met). Any other pair of sub-types is two events, as an
# abduction and a killing at the same place on the same day are for ACLED.
COMPATIBLE_SUB_TYPES = [
    {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    {"Air/drone strike", "Shelling/artillery/missile attack"},
    {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"},
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    {"Violent demonstration", "Mob violence"},
]


def sub_types_compatible(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in COMPATIBLE_SUB_TYPES)


@dataclass
class MergeDecision:
    same: bool
    score: float
    reasons: list[str] = field(default_factory=list)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _window(event: Event):
    start = event.date_start or event.event_date
    end = event.date_end or event.event_date
    return start, end


def _actor_names(event: Event) -> set[str]:
    names = set()
    for value in (event.actor1, event.assoc_actor_1, event.actor2, event.assoc_actor_2):
        for name in (value or "").split(";"):
            name = name.strip()
            if name and not name.startswith(GENERIC_ACTOR_PREFIXES):
                names.add(_strip_period(name))
    return names


def _strip_period(name: str) -> str:
    """'Military Forces of Iraq (2018-)' and '(2014-2018)' name the same force in different years."""
    if name.endswith(")") and "(" in name:
        inner = name[name.rindex("(") + 1 : -1]
        if inner[:4].isdigit():
            return name[: name.rindex("(")].strip()
    return name


def compare(a: Event, b: Event) -> MergeDecision:
    """Decide whether two events from different reports are the same real-world event."""
    reasons: list[str] = []
    if a.background or b.background or a.generic or b.generic:
        return MergeDecision(False, 0.0, ["background or generic events are never merged"])
    if a.event_type != b.event_type:
        return MergeDecision(False, 0.0, [f"event types differ: {a.event_type} / {b.event_type}"])
    score = 0.3
    if a.sub_event_type == b.sub_event_type:
        score += 0.1
        reasons.append(f"same type {a.event_type} / {a.sub_event_type}")
    elif sub_types_compatible(a.sub_event_type, b.sub_event_type):
        reasons.append(f"same type {a.event_type} (compatible sub-types {a.sub_event_type} / {b.sub_event_type})")
    else:
        return MergeDecision(False, 0.0, [f"sub-types differ: {a.sub_event_type} / {b.sub_event_type}"])

    (a_start, a_end), (b_start, b_end) = _window(a), _window(b)
    if None in (a_start, a_end, b_start, b_end):
        return MergeDecision(False, 0.0, reasons + ["an event has no date"])
    if a_start > b_end + DATE_SLACK or b_start > a_end + DATE_SLACK:
        return MergeDecision(False, 0.0, reasons + [f"dates do not overlap: {a_start}..{a_end} / {b_start}..{b_end}"])
    score += 0.2
    reasons.append(f"dates overlap: {a_start}..{a_end} / {b_start}..{b_end}")

    if a.country and b.country and a.country != b.country:
        return MergeDecision(False, 0.0, reasons + [f"countries differ: {a.country} / {b.country}"])
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
        limit = MAX_DISTANCE_KM[max(a.geo_precision or 3, b.geo_precision or 3)]
        if km > limit:
            return MergeDecision(False, 0.0, reasons + [f"places {km:.0f} km apart (limit {limit:.0f} km)"])
        score += 0.3 * (1 - km / limit)
        reasons.append(f"places {km:.0f} km apart (limit {limit:.0f} km): {a.location} / {b.location}")
    elif a.admin1 and a.admin1 == b.admin1:
        score += 0.1
        reasons.append(f"same region {a.admin1}, no coordinates to compare")
    else:
        return MergeDecision(False, 0.0, reasons + ["no place to compare"])

    a_actors, b_actors = _actor_names(a), _actor_names(b)
    if a_actors and b_actors:
        shared = a_actors & b_actors
        if not shared:
            return MergeDecision(False, 0.0, reasons + [f"named actors differ: {sorted(a_actors)} / {sorted(b_actors)}"])
        score += 0.1
        reasons.append(f"shared actors: {', '.join(sorted(shared))}")
    else:
        reasons.append("actors do not contradict (one side unnamed)")
    return MergeDecision(score >= 0.6, round(score, 3), reasons)


def conservative_fatalities(sources: Iterable[SourceReport]) -> int:
    """ACLED: when reports conflict, the most conservative (lowest) figure; sources with no figure are ignored."""
    figures = [s.fatalities for s in sources if s.fatalities]
    return min(figures) if figures else 0


def _sort_key(event: Event):
    return (event.time_precision, event.geo_precision or 9, event.event_id)


def merge(events: list[Event]) -> Event:
    """One canonical event from several reports of it.

    Its ID is the smallest member ID, so the same set of reports always gives the same ID; the
    coded fields come from the most precise report (time first, then place).
    """
    best = min(events, key=_sort_key)
    sources: list[SourceReport] = []
    seen: set[str] = set()
    for event in sorted(events, key=lambda e: e.event_id):
        for source in event.sources or [SourceReport(article_id=event.doc_id, fatalities=event.fatalities, evidence=event.evidence)]:
            if source.article_id not in seen:
                seen.add(source.article_id)
                sources.append(source)
    starts = [s for s in (_window(e)[0] for e in events) if s]
    ends = [e for e in (_window(ev)[1] for ev in events) if e]
    # The intersection of the windows is where every report agrees the event happened.
    start, end = max(starts), min(ends)
    if start > end:
        start, end = _window(best)
    return replace(
        best,
        event_id=min(e.event_id for e in events),
        date_start=start,
        date_end=end,
        sources=sources,
        fatalities=conservative_fatalities(sources),
        confidence=max(e.confidence for e in events),
    )


def deduplicate(events: Iterable[Event]) -> list[Event]:
    """Group events that are the same real-world event (single-link within compatible pairs) and merge each group.

    Events of the same article are never merged here: the extractor already applies ACLED's
    one-event-per-location-per-day rule inside an article. Only events of one country whose date
    windows come within the merge rule's slack are compared, so a large batch is not compared pair
    by pair. The output keeps the order in which each group's first event came in.
    """
    items = list(events)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for i, j in _candidate_pairs(items):
        a, b = items[i], items[j]
        if a.doc_id == b.doc_id or root(i) == root(j):
            continue
        if compare(a, b).same and _groups_agree(items, members[root(i)], members[root(j)]):
            keep, gone = sorted((root(i), root(j)))
            parent[gone] = keep
            members[keep].extend(members.pop(gone))

    groups: dict[int, list[Event]] = {}
    for i, event in enumerate(items):
        groups.setdefault(root(i), []).append(event)
    return [merge(group) if len(group) > 1 else group[0] for group in groups.values()]


def _candidate_pairs(items: list[Event]) -> Iterable[tuple[int, int]]:
    """Index pairs that `compare` could call the same: one country (or none known), dates within the slack.

    Pairs come out in a fixed order (by first index, then second), so the same input always gives the
    same groups whatever order equal dates had.
    """
    blocks: dict[str, list[int]] = {}
    for i, event in enumerate(items):
        start, end = _window(event)
        if start is None or end is None or event.background or event.generic:
            continue  # compare() never merges these
        blocks.setdefault(event.country or "", []).append(i)
    unknown = blocks.pop("", [])
    pairs: set[tuple[int, int]] = set()
    for block in blocks.values():
        pairs.update(_overlapping(items, block + unknown))
    pairs.update(_overlapping(items, unknown))
    return sorted(pairs)


def _overlapping(items: list[Event], block: list[int]) -> Iterable[tuple[int, int]]:
    by_start = sorted(block, key=lambda k: _window(items[k])[0])
    for position, i in enumerate(by_start):
        end = _window(items[i])[1]
        for j in by_start[position + 1 :]:
            if _window(items[j])[0] > end + DATE_SLACK:
                break  # sorted by start: no later event overlaps either
            yield (min(i, j), max(i, j))


def _groups_agree(items: list[Event], left: list[int], right: list[int]) -> bool:
    """Complete-link guard: every member of the two groups must be compatible, so chains don't drift."""
    return all(compare(items[x], items[y]).same for x in left for y in right if items[x].doc_id != items[y].doc_id)
