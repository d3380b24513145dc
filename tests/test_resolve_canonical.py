"""Resolving new reports against a real SQLite store: one canonical event, every source kept."""

from datetime import date

import pytest

from sitrep.records import Article, ArticleResult, Event, Evidence, SourceReport
from sitrep.resolve.canonical import resolve_events
from sitrep.store import Store
from sitrep.store.merge import StoreCandidates


def bombing(article: Article, event_id: str, fatalities: int, location="Mogadishu", lat=2.0371, lon=45.3438) -> Event:
    evidence = [Evidence(0, len(article.text), article.text)]
    return Event(
        doc_id=article.id, event_id=event_id, event_date=date(2023, 3, 14), date_start=date(2023, 3, 14),
        date_end=date(2023, 3, 14), time_precision=1, event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED", actor1="Al Shabaab", inter1=2, country="Somalia",
        iso3="SOM", admin1="Banadir", location=location, latitude=lat, longitude=lon, geo_precision=1,
        fatalities=fatalities, notes=article.text, evidence=evidence, confidence=0.8,
        sources=[SourceReport(article_id=article.id, fatalities=fatalities, evidence=evidence)],
    )


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path}/merge.db") as opened:
        yield opened


def test_a_second_outlet_becomes_a_source_of_the_stored_event(store):
    first = Article(text="A car bomb killed five people in Mogadishu on Tuesday.", id="wire", published=date(2023, 3, 15))
    second = Article(text="Nine died when a car bomb exploded in Mogadishu on Tuesday.", id="local", published=date(2023, 3, 15))
    store.save_result(ArticleResult(first, events=[bombing(first, "ev-wire", 5)]))

    resolved, merges = resolve_events(ArticleResult(second, events=[bombing(second, "ev-local", 9)]), StoreCandidates(store))
    assert [e.event_id for e in resolved.events] == ["ev-wire"]
    assert merges[0].canonical_id == "ev-wire" and merges[0].source_event_id == "ev-local"
    assert any("km apart" in reason for reason in merges[0].reasons)
    store.save_result(resolved)

    event = store.get_event("ev-wire")
    assert {s.article_id: s.fatalities for s in event.sources} == {"wire": 5, "local": 9}
    assert event.fatalities == 5
    assert store.count_events() == 1


def test_a_report_of_another_place_stays_its_own_event(store):
    first = Article(text="A car bomb killed five people in Mogadishu on Tuesday.", id="wire", published=date(2023, 3, 15))
    other = Article(text="A car bomb killed three people in Kismayo on Tuesday.", id="kismayo", published=date(2023, 3, 15))
    store.save_result(ArticleResult(first, events=[bombing(first, "ev-wire", 5)]))
    resolved, merges = resolve_events(
        ArticleResult(other, events=[bombing(other, "ev-kis", 3, "Kismayo", -0.3582, 42.5454)]), StoreCandidates(store)
    )
    assert merges == [] and resolved.events[0].event_id == "ev-kis"


def test_a_later_lower_figure_lowers_the_event_figure(store):
    first = Article(text="Nine died when a car bomb exploded in Mogadishu on Tuesday.", id="local", published=date(2023, 3, 15))
    second = Article(text="A car bomb killed five people in Mogadishu on Tuesday.", id="wire", published=date(2023, 3, 16))
    store.save_result(ArticleResult(first, events=[bombing(first, "ev-local", 9)]))
    resolved, _ = resolve_events(ArticleResult(second, events=[bombing(second, "ev-wire", 5)]), StoreCandidates(store))
    store.save_result(resolved)
    event = store.get_event("ev-local")
    assert event.fatalities == 5  # ACLED: the most conservative figure among the sources
    assert sorted(s.fatalities for s in event.sources) == [5, 9]
