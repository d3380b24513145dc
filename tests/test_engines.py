"""Parallel extraction: a process pool and a real Dask LocalCluster give the same results as one process."""

from __future__ import annotations

import dataclasses
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


def test_character_sized_chunks_keep_input_order_and_results(settings, serial):
    # A budget of one character sends every article alone; a large one sends them all in one chunk.
    for chunk_chars in (1, 10_000):
        results = list(extract_parallel(articles(), settings, workers=2, chunk_chars=chunk_chars))
        assert [r.article.id for r in results] == [f"doc{i}" for i in range(len(TEXTS))]
        assert summary(results) == serial


def feed_of(count: int, read: list[int]):
    for i in range(count):
        read.append(i)
        yield Article(text=TEXTS[i % len(TEXTS)], published=__import__("datetime").date(2023, 5, 20), id=f"doc{i}")


def test_the_pool_reads_ahead_a_bounded_window_of_chunks(settings):
    # Results are yielded in input order: the chunks sent behind the oldest keep the other worker busy
    # while a slow one is at the head, and the window bounds what is held in memory. (Without the cascade:
    # no screening process reads ahead of the pool.)
    from sitrep.engines.local import CHUNKS_PER_WORKER

    read: list[int] = []
    results = extract_parallel(feed_of(200, read), dataclasses.replace(settings, cascade=False), workers=2, chunk_size=1)
    first = next(results)
    assert first.article.id == "doc0"
    window = 2 * CHUNKS_PER_WORKER
    assert window >= 2 * 8  # deep enough for a slow head chunk (see CHUNKS_PER_WORKER)
    assert window <= len(read) <= window + 1  # the window, and the next chunk sent as the first was yielded
    assert [r.article.id for r in results] == [f"doc{i}" for i in range(1, 200)]


def test_the_screening_process_reads_a_bounded_window_ahead_of_the_pool(settings, monkeypatch):
    import sitrep.engines.local as local

    monkeypatch.setattr(local, "SCREEN_CHUNK", 4)
    monkeypatch.setattr(local, "SCREEN_AHEAD", 2)
    read: list[int] = []
    results = extract_parallel(feed_of(200, read), settings, workers=2, chunk_size=1)
    assert next(results).article.id == "doc0"
    # The pool's window of one-passing-article chunks (one text in six stops), then the screening's own.
    window = 2 * local.CHUNKS_PER_WORKER + 1
    assert window * 6 // 5 <= len(read) <= window * 6 // 5 + 1 + 4 * (2 + 1)
    rest = list(results)
    assert [r.article.id for r in rest] == [f"doc{i}" for i in range(1, 200)]
    assert {r.relevant for r in rest if r.article.text == TEXTS[3]} == {False}  # the central bank never reached a worker


def test_the_screening_process_gives_the_cascades_verdicts_in_input_order():
    import multiprocessing
    import os

    from sitrep.engines.local import _Screening
    from sitrep.extract.relevance import passes_cascade

    for claims in (False, True):
        screening = _Screening(articles(), claims, multiprocessing.get_context("fork"))
        try:
            screened = list(screening)
            assert os.getpid() not in {p.pid for p in screening._pool._processes.values()}
        finally:
            screening.close()
        assert [a.id for a, _ in screened] == [f"doc{i}" for i in range(len(TEXTS))]
        assert [passes for _, passes in screened] == [passes_cascade(a, claims=claims) for a in articles()]
        assert [passes for _, passes in screened] == [True, True, True, False, True, True]


def test_work_chunks_close_on_the_passing_articles_and_carry_the_stopped_ones():
    from sitrep.engines.local import _work_chunks

    def screened(flags):
        return [(Article(text="x" * size, id=f"a{i}"), passes) for i, (size, passes) in enumerate(flags)]

    def ids(chunks):
        return [[a.id for a, _ in chunk] for chunk in chunks]

    items = screened([(5, True), (50, False), (5, True), (5, False), (5, True), (1, True)])
    # 10 characters of passing articles close a chunk; the stopped ones (however long) do not count
    assert ids(_work_chunks(items, chunk_chars=10, chunk_size=8)) == [["a0", "a1", "a2"], ["a3", "a4", "a5"]]
    # nor do they count towards the article limit
    assert ids(_work_chunks(items, chunk_chars=1000, chunk_size=2)) == [["a0", "a1", "a2"], ["a3", "a4", "a5"]]
    # a long run of stopped articles closes a chunk of its own at MAX_CHUNK_ITEMS
    from sitrep.engines.local import MAX_CHUNK_ITEMS

    stops = screened([(5, False)] * (MAX_CHUNK_ITEMS + 3))
    assert [len(chunk) for chunk in _work_chunks(stops, chunk_chars=10, chunk_size=8)] == [MAX_CHUNK_ITEMS, 3]


def test_the_cascade_loads_no_spacy():
    # The screening process starts before the model loads and runs the cascade alone: it must not pay
    # for importing spaCy (half a second) to screen.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from sitrep.extract.relevance import passes_cascade\n"
        "from sitrep.records import Article\n"
        "assert passes_cascade(Article(text='Gunmen killed two police officers in Kano on Monday.'))\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
