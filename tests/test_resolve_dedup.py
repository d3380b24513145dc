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


def test_a_batch_keeps_unrelated_events_apart_and_in_input_order():
    kismayo = report("k", latitude=-0.3582, longitude=42.5454, location="Kismayo", admin1="Lower Juba")
    kenya = report("n", country="Kenya", admin1="Nairobi", location="Nairobi", latitude=-1.2864, longitude=36.8172, event_id="ev-n")
    later = report("l", event_date=date(2023, 4, 2), date_start=date(2023, 4, 2), date_end=date(2023, 4, 2))
    wire, local = report("wire", fatalities=5), report("local", fatalities=9)
    merged = deduplicate([kismayo, wire, kenya, later, local])
    assert [e.event_id for e in merged] == ["ev-k", "ev-local", "ev-n", "ev-l"]
    assert {s.article_id for s in merged[1].sources} == {"wire", "local"}


def test_an_event_with_no_country_is_compared_with_every_country():
    no_country = report("x", country=None)
    assert len(deduplicate([report("a"), no_country])) == 1


def test_a_long_window_is_compared_with_every_day_inside_it():
    month = report("m", event_date=date(2023, 3, 1), date_start=date(2023, 3, 1), date_end=date(2023, 3, 31), time_precision=3)
    others = [
        report(f"d{day}", event_date=date(2023, 3, day), date_start=date(2023, 3, day), date_end=date(2023, 3, day),
               country="Kenya" if day != 20 else "Somalia")
        for day in (2, 10, 20)
    ]
    merged = deduplicate([month, *others])
    assert len(merged) == 3  # the two Kenyan days stay; the month-long Somali report joins the 20th
    joined = next(e for e in merged if len(e.sources) == 2)
    assert {s.article_id for s in joined.sources} == {"m", "d20"}


def test_a_thousand_reports_on_different_days_merge_pairwise_without_comparing_every_pair(monkeypatch):
    import sitrep.resolve.dedup as dedup

    calls = []
    real_compare = dedup.compare
    monkeypatch.setattr(dedup, "compare", lambda a, b: calls.append(1) or real_compare(a, b))
    reports = []
    for day in range(500):
        when = date(2020, 1, 1).fromordinal(date(2020, 1, 1).toordinal() + 3 * day)
        for outlet in ("a", "b"):
            reports.append(report(f"{outlet}{day}", event_id=f"ev-{outlet}{day:04d}", event_date=when, date_start=when, date_end=when))
    merged = deduplicate(reports)
    assert len(merged) == 500 and all(len(e.sources) == 2 for e in merged)
    assert len(calls) < 5_000  # all pairs would be about 500,000 comparisons
