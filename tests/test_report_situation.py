"""Situation reports: the figures, period comparison, hotspots, actors, timeline and sourced sections,
computed from a real SQLite store built from hand-written articles (tests/fixtures/report)."""

from __future__ import annotations

from datetime import date

import pytest

from fixtures.report import report_store
from store_helpers import pg_url  # noqa: F401  (fixture)
from sitrep.report.situation import (
    Period, ReportError, ReportRequest, build_situation_report, percent_change, resolve_period, timeline_unit,
)
from sitrep.store import EventFilter, Store

WEEK = dict(since=date(2024, 3, 4), until=date(2024, 3, 10))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'report.db'}"
    report_store.build(url)
    report_store.build(url)  # saving twice changes nothing
    opened = Store.open(url)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def week(store):
    return build_situation_report(store, ReportRequest(**WEEK))


def test_headline_counts_leave_out_background_and_generic_events(week):
    assert (week.totals.events, week.totals.fatalities) == (5, 17)
    assert (week.totals.previous_events, week.totals.previous_fatalities) == (2, 5)
    assert week.totals.events_change == 150.0
    assert week.totals.fatalities_change == 240.0
    assert week.coverage.excluded_background == 0  # EV-PAST is dated after the period
    assert week.coverage.excluded_generic == 1


def test_by_event_type_compares_with_the_previous_period(week):
    rows = {t.event_type: (t.events, t.fatalities, t.previous_events, t.previous_fatalities) for t in week.by_type}
    assert rows == {
        "Violence against civilians": (1, 12, 0, 0),
        "Battles": (1, 3, 2, 5),
        "Explosions/Remote violence": (1, 2, 0, 0),
        "Protests": (2, 0, 0, 0),
    }
    assert week.by_type[0].event_type == "Protests"  # most events first
    battles = next(t for t in week.by_type if t.event_type == "Battles")
    assert battles.events_change == -50.0


def test_figures_agree_with_the_store_aggregates(store, week):
    rows = store.aggregate(EventFilter(**WEEK), period="month", by="event_type")
    assert sum(r.events for r in rows) == week.totals.events
    assert sum(r.fatalities for r in rows) == week.totals.fatalities
    by_actor = {r.key: r.events for r in store.aggregate(EventFilter(**WEEK), period="month", by="actor")}
    assert {a.name: a.events for a in week.actors} == by_actor


def test_previous_period_has_the_same_length():
    period = Period(date(2024, 3, 4), date(2024, 3, 10))
    assert period.days == 7
    assert period.previous() == Period(date(2024, 2, 26), date(2024, 3, 3))
    assert Period(date(2024, 3, 1), date(2024, 3, 31)).previous() == Period(date(2024, 1, 30), date(2024, 2, 29))
    assert percent_change(3, 0) is None and percent_change(0, 4) == -100.0


def test_hotspots_rank_by_events_then_fatalities(week):
    assert [(h.admin1, h.events, h.fatalities, h.previous_events) for h in week.hotspots] == [
        ("South", 3, 2, 0), ("North", 2, 15, 2),
    ]
    assert week.hotspots[0].locations == ["Gamma", "Delta"]
    assert [(loc.location, loc.events, loc.fatalities) for loc in week.locations] == [
        ("Gamma", 2, 2), ("Alpha", 1, 12), ("Beta", 1, 3), ("Delta", 1, 0),
    ]


def test_actors_carry_inter_codes_and_roles(week):
    actors = {a.name: a for a in week.actors}
    gunmen = actors[report_store.GUNMEN]
    assert (gunmen.events, gunmen.inter, gunmen.as_actor1, gunmen.fatalities) == (2, 3, 2, 14)
    assert actors[report_store.PROTESTERS].events == 2 and actors[report_store.PROTESTERS].inter_label == "Protesters"
    assert actors[report_store.CIVILIANS].as_actor2 == 1
    assert week.actors[0].events == 2


def test_daily_timeline_covers_every_day_of_the_period(week):
    assert week.timeline_unit == "day"
    assert [(b.start.day, b.events, b.fatalities) for b in week.timeline] == [
        (4, 0, 0), (5, 1, 12), (6, 0, 0), (7, 0, 0), (8, 1, 3), (9, 1, 2), (10, 2, 0),
    ]


def test_longer_periods_get_weekly_then_monthly_bins(store):
    report = build_situation_report(store, ReportRequest(since=date(2024, 2, 12), until=date(2024, 3, 31)))
    assert report.timeline_unit == "week"
    assert report.timeline[0].start == date(2024, 2, 12) and report.timeline[-1].end == date(2024, 3, 31)
    assert sum(b.events for b in report.timeline) == report.totals.events == 7
    assert [b.events for b in report.timeline] == [0, 0, 2, 5, 0, 0, 0]  # weeks from Monday 12 February
    assert timeline_unit(Period(date(2024, 1, 1), date(2024, 12, 31))) == "month"
    months = build_situation_report(store, ReportRequest(since=date(2023, 6, 15), until=date(2024, 4, 10)))
    assert months.timeline_unit == "month"
    assert [(b.start, b.end, b.events) for b in months.timeline] == [  # empty months before the first event trimmed
        (date(2024, 1, 1), date(2024, 1, 31), 1), (date(2024, 2, 1), date(2024, 2, 29), 1),
        (date(2024, 3, 1), date(2024, 3, 31), 6), (date(2024, 4, 1), date(2024, 4, 10), 0),
    ]
    long = build_situation_report(store, ReportRequest(since=date(2000, 1, 1), until=date(2024, 3, 31)))
    assert long.timeline_unit == "year" and [b.start.year for b in long.timeline] == [2024]  # empty years trimmed


def test_notable_events_show_source_disagreement_with_evidence(week):
    assert [n.event_id for n in week.notable] == ["EV-MARKET", "EV-BETA", "EV-GAMMA"]
    market = week.notable[0]
    assert market.reasons == ["deadliest", "best-sourced"]
    assert market.fatalities == 12
    assert market.reported_fatalities == [12, 15] and market.sources_disagree
    by_outlet = {s.article.outlet: s for s in market.sources}
    assert by_outlet["Valley Courier"].fatalities == 12
    assert by_outlet["Hill Times"].evidence == ["At least 15 people died in Tuesday's attack on the Alpha market, a hospital official said."]
    assert by_outlet["Hill Times"].article.link == "https://hill.example/toll"
    assert not week.notable[1].sources_disagree


def test_unsafe_urls_are_never_links(week):
    beta = next(n for n in week.notable if n.event_id == "EV-BETA")
    assert beta.sources[0].article.url == "javascript:alert(1)"
    assert beta.sources[0].article.link is None


def test_statements_are_attributed_and_linked_to_the_periods_events(week):
    found = {(s.kind, s.speaker): s for s in week.statements}
    claim = found[("claim", "police")]
    assert claim.event_ids == ["EV-MARKET"] and claim.amount == "12 civilians"
    anonymous = found[("quote", "a hospital official")]
    assert anonymous.anonymous and anonymous.article.outlet == "Hill Times" and anonymous.event_ids == ["EV-MARKET"]
    assert all(s.article.id != "a-prev" for s in week.statements)  # sources of other periods' events stay out


def test_coverage_counts_articles_and_outlets(week):
    assert week.coverage.source_articles == 4
    assert week.coverage.source_outlets == ["Frontline <b>Wire</b>", "Hill Times", "Southern Post", "Valley Courier"]
    assert week.coverage.articles_published == 4  # a-courier, a-hill, a-payload, a-south


def test_default_period_ends_at_the_latest_counted_event(store):
    period = resolve_period(store, ReportRequest())
    assert period == Period(date(2024, 3, 4), date(2024, 3, 10))  # not the background event of 2024-03-20
    assert resolve_period(store, ReportRequest(country=["Nowhere"])).until == date.today()  # nothing in scope
    assert resolve_period(store, ReportRequest(admin1=["East"])) == Period(date(2024, 1, 4), date(2024, 1, 10))
    assert resolve_period(store, ReportRequest(until=date(2024, 2, 1))).since == date(2024, 1, 26)
    assert resolve_period(store, ReportRequest(since=date(2024, 3, 1))).until == date(2024, 3, 10)
    with pytest.raises(ReportError, match="after"):
        resolve_period(store, ReportRequest(since=date(2024, 3, 10), until=date(2024, 3, 1)))


def test_region_filter_narrows_every_section(store):
    report = build_situation_report(store, ReportRequest(**WEEK, admin1=["North"]))
    assert (report.totals.events, report.totals.fatalities) == (2, 15)
    assert [h.admin1 for h in report.hotspots] == ["North"]
    assert report.scope == "North"
    by_iso3 = build_situation_report(store, ReportRequest(**WEEK, country=["TST"]))
    assert by_iso3.totals.events == 5


def test_empty_period_reports_nothing_without_failing(store):
    report = build_situation_report(store, ReportRequest(since=date(2023, 1, 1), until=date(2023, 1, 7)))
    assert report.empty and report.notable == [] and report.statements == [] and report.hotspots == []
    assert len(report.timeline) == 7


@pytest.mark.postgres
def test_postgresql_gives_the_same_report_as_sqlite(pg_url, week):
    report_store.build(pg_url)
    with Store.open(pg_url) as pg:
        on_postgres = build_situation_report(pg, ReportRequest(**WEEK))
    expected = week.to_dict()
    got = on_postgres.to_dict()
    assert got.pop("database") != expected.pop("database")
    assert got == expected
