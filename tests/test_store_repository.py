"""Saving results: idempotent by content hash, one transaction per article, every record kept and read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import sqlalchemy as sa
from store_helpers import make_result, pg_url, store, store_url  # noqa: F401  (fixtures)

from sitrep.records import Evidence, SourceReport
from sitrep.store import Store
from sitrep.store.schema import actors, articles, event_actors, events, places

KIRKUK = "KIRKUK, Iraq - A roadside bomb killed two soldiers in Kirkuk on Monday. Officials said more attacks could follow."


def table_count(store: Store, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def test_save_is_idempotent_by_content_hash(store):
    result = make_result(KIRKUK)
    first = store.save_result(result)
    assert first.stored and first.events == 1 and first.article_id == result.article.id
    assert store.has_article(result.article.hash)
    # The same text with different whitespace is the same article.
    again = store.save_result(make_result("  " + KIRKUK.replace(" ", "  ") + "\n"))
    assert again.already_stored and again.article_id == first.article_id
    assert table_count(store, articles) == 1 and table_count(store, events) == 1


def test_everything_of_an_article_round_trips(store):
    result = make_result(KIRKUK, quotes=True, claims=True, toponyms=True,
                         events=[{"assoc_actor_1": "Islamic State (Iraq); Tribal Militia (Iraq)", "attribution": "according to police"}])
    result.events[0].event_id = "EXT-1"
    result.claims[0].event_id = "EXT-1"
    store.save_result(result)
    stored = store.get_article(result.article.id)
    assert stored.article == result.article
    [event] = stored.events
    # The stored source names its article's outlet (ACLED's `source` column names outlets).
    expected = replace(result.events[0], sources=[SourceReport(result.article.id, 2, result.events[0].evidence, "according to police",
                                                                outlet=result.article.outlet)])
    assert event == expected
    assert stored.toponyms == result.toponyms  # place included, unresolved toponym kept without one
    assert stored.quotes == result.quotes
    assert stored.claims == result.claims and stored.claims[0].event_id == "EXT-1"
    # Every actor role is linked; associated actors are split on ';'.
    with store.engine.connect() as conn:
        roles = set(conn.execute(sa.select(actors.c.name, event_actors.c.role).join(actors)).all())
        inters = dict(conn.execute(sa.select(actors.c.name, actors.c.inter)).all())
    assert roles == {("Unidentified Armed Group (Iraq)", "actor1"), ("Islamic State (Iraq)", "assoc1"),
                     ("Tribal Militia (Iraq)", "assoc1"), ("Military Forces of Iraq (2018-)", "actor2")}
    assert inters["Unidentified Armed Group (Iraq)"] == 3 and inters["Military Forces of Iraq (2018-)"] == 1


def test_events_without_ids_get_stable_distinct_ones(store, tmp_path):
    result = make_result(KIRKUK, events=[{}, {"event_type": "Battles", "sub_event_type": "Armed clash"}])
    store.save_result(result)
    ids = [e.event_id for e in store.get_article(result.article.id).events]
    assert len(set(ids)) == 2 and all(ids)
    # The same article in another store gets the same IDs.
    other = Store.open(f"sqlite:///{tmp_path / 'other.db'}")
    other.save_result(make_result(KIRKUK, events=[{}, {"event_type": "Battles", "sub_event_type": "Armed clash"}]))
    assert sorted(e.event_id for e in other.get_article(result.article.id).events) == sorted(ids)
    other.close()


def test_a_known_event_id_adds_the_article_as_another_source(store):
    first = make_result(KIRKUK, article_id="wapo-1")
    first.events[0].event_id = "EV-KIRKUK"
    store.save_result(first)
    second = make_result("Two Iraqi soldiers died when a bomb exploded near Kirkuk, police said.", article_id="ap-7",
                         events=[{"fatalities": 3, "attribution": "police said"}])
    second.events[0].event_id = "EV-KIRKUK"
    outcome = store.save_result(second)
    assert outcome.stored and outcome.events == 0 and outcome.merged == 1
    event = store.get_event("EV-KIRKUK")
    assert [(s.article_id, s.fatalities, s.attribution) for s in event.sources] == [("ap-7", 3, "police said"), ("wapo-1", 2, None)]
    assert event.fatalities == 2  # the canonical row is kept; resolve/dedup decides the merged figure
    assert store.count_events() == 1
    assert [e.event_id for e in store.get_article("ap-7").events] == ["EV-KIRKUK"]


def test_sources_listed_by_the_event_are_kept_with_their_own_figures(store):
    other = make_result("Police said three soldiers were killed by a bomb near Kirkuk.", article_id="ap-7")
    other.events = []
    store.save_result(other)
    result = make_result(KIRKUK, article_id="wapo-1")
    event = result.events[0]
    event.sources = [
        SourceReport("wapo-1", 2, event.evidence, None),
        SourceReport("ap-7", 3, [Evidence(0, 20, "Police said three")], "police"),
        SourceReport("not-stored-yet", 4, [], None),  # joins when that article is saved
    ]
    store.save_result(result)
    [stored] = store.query_events()
    assert {(s.article_id, s.fatalities) for s in stored.sources} == {("wapo-1", 2), ("ap-7", 3)}


def test_a_reused_caller_id_does_not_overwrite_another_article(store):
    first = make_result(KIRKUK, article_id="1")
    second = make_result("MOSUL, Iraq - Gunmen killed a shopkeeper in Mosul on Sunday.", article_id="1",
                         events=[{"location": "Mosul", "fatalities": 1}])
    store.save_result(first)
    outcome = store.save_result(second)
    assert outcome.stored and outcome.article_id != "1" and outcome.article_id.startswith("1-")
    mosul = store.get_article(outcome.article_id)
    assert mosul.article.text.startswith("MOSUL") and mosul.events[0].doc_id == outcome.article_id
    assert mosul.events[0].sources[0].article_id == outcome.article_id
    assert store.get_article("1").article.text.startswith("KIRKUK")


def test_a_failing_article_is_rolled_back_alone(store):
    good1 = make_result(KIRKUK)
    bad = make_result("FALLUJAH, Iraq - A broken record.", events=[{}, {}])
    bad.events[1].event_type = None  # NOT NULL column: the insert fails after the article row went in
    good2 = make_result("MOSUL, Iraq - Gunmen killed a shopkeeper in Mosul on Sunday.")
    outcomes = list(store.save_results([good1, bad, good2]))
    assert [o.stored for o in outcomes] == [True, False, True]
    assert outcomes[1].error and "test.txt" in outcomes[1].error and "\n" not in outcomes[1].error
    assert not store.has_article(bad.article.hash)
    assert store.count_articles() == 2 and store.count_events() == 2
    # Nothing of the failed article remains, and it can be stored once fixed.
    bad.events[1].event_type = "Battles"
    assert store.save_result(bad).stored


def test_places_are_shared_between_articles(store):
    store.save_result(make_result(KIRKUK, toponyms=True))
    store.save_result(make_result("KIRKUK, Iraq - Another bomb went off in Kirkuk.", toponyms=True))
    assert table_count(store, places) == 1


def test_articles_without_events_are_stored_so_reruns_skip_them(store):
    result = make_result("The weather in Erbil was mild on Tuesday.", published=date(2020, 1, 1))
    result.events = []
    assert store.save_result(result).stored
    assert store.has_article(result.article.hash)
    assert store.list_articles()[0].events == 0
