"""Cross-source event deduplication on hand-built reports of the same and of different events."""

from datetime import date

from sitrep.records import Event, SourceReport
from sitrep.resolve.dedup import compare, conservative_fatalities, deduplicate, distance_km, merge


def report(doc_id, **fields) -> Event:
    base = dict(
        event_id=f"ev-{doc_id}",
        event_date=date(2023, 3, 14),
        date_start=date(2023, 3, 14),
        date_end=date(2023, 3, 14),
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        actor1="Unidentified Armed Group (Somalia)",
        actor2="Civilians (Somalia)",
        country="Somalia",
        admin1="Banadir",
        location="Mogadishu",
        latitude=2.0371,
        longitude=45.3438,
        geo_precision=1,
        fatalities=5,
        confidence=0.8,
    )
    base.update(fields)
    event = Event(doc_id=doc_id, **base)
    event.sources = [SourceReport(article_id=doc_id, fatalities=event.fatalities)]
    return event


def test_distance_km_matches_a_known_distance():
    # Mogadishu to Afgooye is about 27 km.
    assert 24 < distance_km(2.0371, 45.3438, 2.1381, 45.1212) < 30


def test_two_outlets_reporting_one_bombing_merge_with_the_lowest_figure():
    wire = report("wire", fatalities=5)
    local = report("local", fatalities=9, latitude=2.046, longitude=45.318, location="Hodan", geo_precision=2)
    decision = compare(wire, local)
    assert decision.same, decision.reasons
    merged = deduplicate([wire, local])
    assert len(merged) == 1
    event = merged[0]
    assert {s.article_id for s in event.sources} == {"wire", "local"}
    assert event.fatalities == 5  # ACLED: the most conservative figure
    assert sorted(s.fatalities for s in event.sources) == [5, 9]
    assert event.location == "Mogadishu"  # the more precise report's place


def test_merged_id_does_not_depend_on_input_order():
    a, b, c = report("a"), report("b", fatalities=7), report("c", fatalities=6)
    first = deduplicate([a, b, c])
    second = deduplicate([c, a, b])
    assert [e.event_id for e in first] == [e.event_id for e in second] == ["ev-a"]


def test_different_days_places_types_or_actors_stay_apart():
    base = report("a")
    assert not compare(base, report("b", event_date=date(2023, 3, 20), date_start=date(2023, 3, 20), date_end=date(2023, 3, 20))).same
    assert not compare(base, report("c", latitude=0.3556, longitude=42.5454, location="Kismayo")).same
    assert not compare(base, report("d", event_type="Battles", sub_event_type="Armed clash")).same
    assert not compare(
        report("v", event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance"),
        report("w", event_type="Violence against civilians", sub_event_type="Attack"),
    ).same
    assert compare(base, report("s", sub_event_type="Suicide bomb")).same  # outlets differ on how it was set off
    named = report("e", actor1="Al Shabaab")
    assert not compare(named, report("f", actor1="Islamic State (Somalia)")).same
    assert compare(named, report("g", actor1="Al Shabaab")).same


def test_a_vague_window_overlapping_a_dated_report_merges_and_keeps_the_exact_day():
    exact = report("exact")
    vague = report("vague", event_date=date(2023, 3, 1), date_start=date(2023, 3, 1), date_end=date(2023, 3, 16), time_precision=3)
    event = merge([exact, vague])
    assert event.date_start == event.date_end == date(2023, 3, 14)
    assert event.time_precision == 1


def test_background_and_generic_events_are_never_merged():
    assert not compare(report("a", background=True), report("b")).same
    assert not compare(report("a"), report("b", generic=True)).same


def test_events_of_one_article_are_left_to_the_extractor():
    assert len(deduplicate([report("same", event_id="x1"), report("same", event_id="x2")])) == 2


def test_conservative_fatalities_ignores_sources_without_a_figure():
    sources = [SourceReport("a", fatalities=None), SourceReport("b", fatalities=0), SourceReport("c", fatalities=12), SourceReport("d", fatalities=20)]
    assert conservative_fatalities(sources) == 12
    assert conservative_fatalities([SourceReport("a")]) == 0
