"""Parallel extraction: a process pool and a real Dask LocalCluster give the same results as one process."""

from __future__ import annotations

import gc

import pytest

from sitrep.engines.local import extract_parallel
from sitrep.records import Article
from sitrep.settings import Settings

TEXTS = [
    "KANDAHAR, Afghanistan — A roadside bomb struck a police pickup outside Kandahar on Sunday, killing three officers.",
    "Hundreds of nurses marched through Nairobi on Tuesday to demand unpaid allowances.",
    "Gunmen abducted eleven farmers near Gusau in Zamfara state on Monday, residents said.",
    "The central bank left interest rates unchanged on Thursday as inflation eased.",
    "Troops clashed with militants near Mopti in central Mali on Friday; four soldiers were killed.",
    "Residents of Sittwe said army shelling hit a market on Wednesday and killed two women.",
]


def articles():
    return [Article(text=t, published=__import__("datetime").date(2023, 5, 20), id=f"doc{i}") for i, t in enumerate(TEXTS)]


def summary(results):
    return sorted(
        (r.article.id, r.relevant, tuple(sorted((e.event_id, e.sub_event_type, e.fatalities) for e in r.events)))
        for r in results
    )


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return Settings(data_dir=tmp_path_factory.getbasetemp() / "sitrep-data")


@pytest.fixture(scope="module")
def serial(settings):
    return summary(extract_parallel(articles(), settings, workers=1))


def test_process_pool_matches_one_process(settings, serial):
    assert len(serial) == len(TEXTS)
    assert summary(extract_parallel(articles(), settings, workers=2, chunk_size=2)) == serial


@pytest.mark.slow
def test_dask_local_cluster_of_two_workers_matches_one_process(settings, serial):
    pytest.importorskip("distributed")
    from sitrep.engines.dask import extract_on_dask

    assert summary(extract_on_dask(articles(), settings, workers=2, partition_size=2)) == serial


def test_linux_pool_forks_and_start_method_can_be_overridden(monkeypatch):
    from sitrep.engines.local import start_method

    monkeypatch.delenv("SITREP_START_METHOD", raising=False)
    assert start_method() == "fork"  # the test machines run Linux
    monkeypatch.setenv("SITREP_START_METHOD", "spawn")
    assert start_method() == "spawn"
    monkeypatch.setenv("SITREP_START_METHOD", "teleport")
    with pytest.raises(ValueError, match="SITREP_START_METHOD"):
        start_method()


def test_forked_workers_inherit_the_parents_extractor_and_match_one_process(settings, serial, monkeypatch):
    import sitrep.engines.local as local

    monkeypatch.delenv("SITREP_START_METHOD", raising=False)
    results = local.extract_parallel(articles(), settings, workers=2, chunk_size=1)
    first = next(results)
    # Loaded in the parent before the fork, not by each worker.
    assert local._worker_extractor is not None and local._worker_extractor.settings is settings
    # and frozen out of the garbage collector's sight while the workers share it
    assert gc.get_freeze_count() > 0
    assert summary([first, *results]) == serial
    assert local._worker_extractor is None  # the parent drops its template once the pool is done
    assert gc.get_freeze_count() == 0  # and its objects are collectable again


def test_spawned_workers_match_one_process(settings, serial, monkeypatch):
    monkeypatch.setenv("SITREP_START_METHOD", "spawn")
    assert summary(extract_parallel(articles(), settings, workers=2, chunk_size=3)) == serial


def test_pool_results_come_back_in_input_order(settings):
    ids = [r.article.id for r in extract_parallel(articles(), settings, workers=2, chunk_size=1)]
    assert ids == [f"doc{i}" for i in range(len(TEXTS))]


def test_chunks_close_at_a_character_budget_or_an_article_count():
    from sitrep.streams import chunked_by_size

    words = ["aaaa", "bb", "cccccccccc", "d", "e", "f", "g", "hhh"]
    assert list(chunked_by_size(words, len, max_size=6, max_items=3)) == [
        ["aaaa", "bb"],  # 6 characters: closed at the budget
        ["cccccccccc"],  # longer than the budget: alone
        ["d", "e", "f"],  # three items: closed at the count
        ["g", "hhh"],  # the rest
    ]
    assert list(chunked_by_size(iter([]), len, max_size=6, max_items=3)) == []


def test_character_sized_chunks_keep_input_order_and_results(settings, serial):
    # A budget of one character sends every article alone; a large one sends them all in one chunk.
    for chunk_chars in (1, 10_000):
        results = list(extract_parallel(articles(), settings, workers=2, chunk_chars=chunk_chars))
        assert [r.article.id for r in results] == [f"doc{i}" for i in range(len(TEXTS))]
        assert summary(results) == serial


def test_the_pool_reads_ahead_a_bounded_window_of_chunks(settings):
    # Results are yielded in input order: the chunks sent behind the oldest keep the other worker busy
    # while a slow one is at the head, and the window bounds what is held in memory.
    from sitrep.engines.local import CHUNKS_PER_WORKER

    read = []

    def feed():
        for i in range(200):
            read.append(i)
            yield Article(text=TEXTS[i % len(TEXTS)], published=__import__("datetime").date(2023, 5, 20), id=f"doc{i}")

    results = extract_parallel(feed(), settings, workers=2, chunk_size=1)
    first = next(results)
    assert first.article.id == "doc0"
    window = 2 * CHUNKS_PER_WORKER
    assert window >= 2 * 8  # deep enough for a slow head chunk (see CHUNKS_PER_WORKER)
    assert window <= len(read) <= window + 1  # the window, and the next chunk sent as the first was yielded
    assert [r.article.id for r in results] == [f"doc{i}" for i in range(1, 200)]
