"""Reading the store: every event filter, paging, look-ups and aggregates, on each backend."""

from __future__ import annotations

from datetime import date

import pytest
from store_helpers import make_result, pg_url, store, store_url  # noqa: F401  (fixtures)

from sitrep.store import EventFilter

# (text, event fields): five articles, one event each, spread over places, dates, types and actors.
EVENTS = [
    ("KIRKUK, Iraq - A roadside bomb killed two soldiers in Kirkuk.", dict(
        event_date=date(2019, 7, 15), admin1="Kirkuk", location="Kirkuk", latitude=35.47, longitude=44.39, fatalities=2)),
    ("MOSUL, Iraq - Islamic State fighters clashed with the army west of Mosul.", dict(
        event_date=date(2019, 7, 20), event_type="Battles", sub_event_type="Armed clash", actor1="Islamic State (Iraq)",
        inter1=2, admin1="Ninewa", location="Mosul", latitude=36.34, longitude=43.13, fatalities=5,
        notes="Clashes west of Mosul.")),
    ("BAGHDAD, Iraq - Protesters marched peacefully in Tahrir Square.", dict(
        event_date=date(2019, 8, 2), event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Iraq)",
        inter1=6, actor2=None, inter2=None, admin1="Baghdad", location="Baghdad", latitude=33.34, longitude=44.40,
        fatalities=0, notes="Protest against power cuts.")),
    ("ALEPPO, Syria - Shelling hit a market in Aleppo; the 2016 siege was recalled.", dict(
        event_date=date(2016, 12, 1), event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria (2000-)", inter1=1, actor2="Civilians (Syria)", inter2=7, country="Syria", iso3="SYR",
        admin1="Aleppo", location="Aleppo", latitude=36.20, longitude=37.16, fatalities=9, background=True)),
    ("FIJI - Bombings happen often across the date line, officials said.", dict(
        event_date=date(2019, 7, 16), country="Fiji", iso3="FJI", admin1="Eastern", location="Lakeba",
        latitude=-18.2, longitude=179.9, fatalities=1, generic=True)),
]


@pytest.fixture
def filled(store):
    for text, fields in EVENTS:
        store.save_result(make_result(text, events=[fields]))
    return store


def locations(found) -> list[str]:
    return [e.location for e in found]


def test_default_excludes_background_and_generic_newest_first(filled):
    assert locations(filled.query_events()) == ["Baghdad", "Mosul", "Kirkuk"]
    assert filled.count_events() == 3
    assert set(locations(filled.query_events(EventFilter(include_background=True)))) == {"Baghdad", "Mosul", "Kirkuk", "Aleppo"}
    assert filled.count_events(EventFilter(include_background=True, include_generic=True)) == 5


@pytest.mark.parametrize(
    "event_filter, expected",
    [
        (EventFilter(since=date(2019, 7, 20)), ["Baghdad", "Mosul"]),
        (EventFilter(until=date(2019, 7, 20)), ["Mosul", "Kirkuk"]),
        (EventFilter(since=date(2019, 7, 15), until=date(2019, 7, 15)), ["Kirkuk"]),
        (EventFilter(country="Syria", include_background=True), ["Aleppo"]),
        (EventFilter(country="syr", include_background=True), ["Aleppo"]),
        (EventFilter(country=["Iraq", "Fiji"], include_generic=True), ["Baghdad", "Mosul", "Lakeba", "Kirkuk"]),
        (EventFilter(admin1="Ninewa"), ["Mosul"]),
        (EventFilter(event_type="Battles"), ["Mosul"]),
        (EventFilter(sub_event_type="Peaceful protest"), ["Baghdad"]),
        (EventFilter(actor="islamic state"), ["Mosul"]),
        (EventFilter(actor="Military Forces of Iraq"), ["Mosul", "Kirkuk"]),
        (EventFilter(actor="civilians", include_background=True), ["Aleppo"]),
        (EventFilter(text="power cuts"), ["Baghdad"]),
        (EventFilter(text="ROADSIDE BOMB"), ["Kirkuk"]),  # evidence text is searched too
        (EventFilter(text="100%"), []),  # LIKE wildcards are literal
        (EventFilter(bbox=(43.0, 34.0, 45.0, 37.0)), ["Mosul", "Kirkuk"]),
        (EventFilter(bbox=(179.0, -20.0, -179.0, -17.0), include_generic=True), ["Lakeba"]),  # across the antimeridian
        (EventFilter(bbox=(43.0, 34.0, 45.0, 37.0), since=date(2019, 7, 16)), ["Mosul"]),
        (EventFilter(limit=2), ["Baghdad", "Mosul"]),
        (EventFilter(limit=2, offset=2), ["Kirkuk"]),
    ],
)
def test_each_filter(filled, event_filter, expected):
    assert locations(filled.query_events(event_filter)) == expected
    unpaged = EventFilter(**{**event_filter.__dict__, "limit": None, "offset": 0})
    assert filled.count_events(unpaged) == len(filled.query_events(unpaged))


def test_iter_events_streams_the_same_events(filled):
    f = EventFilter(include_background=True, include_generic=True)
    assert list(filled.iter_events(f, batch_size=2)) == filled.query_events(f)


def test_events_come_with_sources_and_evidence(filled):
    [mosul] = filled.query_events(EventFilter(admin1="Ninewa"))
    assert mosul.evidence and mosul.evidence[0].text.startswith("MOSUL, Iraq")
    assert [s.article_id for s in mosul.sources] == [mosul.doc_id]
    assert filled.get_event(mosul.event_id) == mosul
    assert filled.get_event("no-such-event") is None


def test_articles_listing_and_lookup(filled):
    listed = filled.list_articles()
    assert len(listed) == 5 and all(a.events == 1 for a in listed)
    assert listed[0].ingested_at >= listed[-1].ingested_at and listed[0].ingested_at.tzinfo is not None
    assert len(filled.list_articles(limit=2)) == 2 and len(filled.list_articles(limit=2, offset=4)) == 1
    assert {a.title[:6] for a in filled.list_articles(since=date(2019, 7, 21))} == {t[:6] for t, _ in EVENTS}
    assert filled.list_articles(until=date(2019, 1, 1)) == []
    aleppo = next(a for a in listed if a.title.startswith("ALEPPO"))
    full = filled.get_article(aleppo.id)
    assert full.article.text == EVENTS[3][0] and full.events[0].background  # background events shown with their article
    assert filled.get_article("missing") is None


def test_aggregate_by_month_and_week(filled):
    by_month = filled.aggregate(period="month")
    assert [(r.period, r.events, r.fatalities) for r in by_month] == [(date(2019, 7, 1), 2, 7), (date(2019, 8, 1), 1, 0)]
    by_week = filled.aggregate(period="week")  # weeks start on Monday
    assert [(r.period, r.events) for r in by_week] == [(date(2019, 7, 15), 2), (date(2019, 7, 29), 1)]
    by_day = filled.aggregate(EventFilter(include_generic=True), period="day")
    assert [(r.period, r.events) for r in by_day] == [(date(2019, 7, 15), 1), (date(2019, 7, 16), 1), (date(2019, 7, 20), 1), (date(2019, 8, 2), 1)]


def test_aggregate_by_key(filled):
    rows = filled.aggregate(period="month", by="admin1")
    assert [(r.period.month, r.key, r.events, r.fatalities) for r in rows] == [
        (7, "Kirkuk", 1, 2), (7, "Ninewa", 1, 5), (8, "Baghdad", 1, 0)]
    types = filled.aggregate(EventFilter(include_background=True), period="month", by="event_type")
    assert {(r.key, r.events) for r in types} == {("Explosions/Remote violence", 1), ("Battles", 1), ("Protests", 1),
                                                 ("Explosions/Remote violence", 1)}
    assert sum(r.events for r in types) == 4
    by_actor = {r.key: (r.events, r.fatalities) for r in filled.aggregate(period="month", by="actor") if r.period.month == 7}
    assert by_actor == {"Unidentified Armed Group (Iraq)": (1, 2), "Military Forces of Iraq (2018-)": (2, 7),
                        "Islamic State (Iraq)": (1, 5)}


def test_aggregate_rejects_unknown_periods(filled):
    with pytest.raises(ValueError, match="period"):
        filled.aggregate(period="year")
    with pytest.raises(ValueError, match="by"):
        filled.aggregate(by="colour")
