"""Extraction on one machine with all its cores: a process pool, each worker with its own Extractor.

Articles stream through in chunks with a bounded number of chunks in flight, so memory stays flat
however large the corpus. Results come back as soon as a chunk is done (not in input order); the
caller stores each article in its own transaction, which is what makes an interrupted run resumable.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from sitrep.records import Article, ArticleResult
from sitrep.streams import chunked
from sitrep.settings import Settings

_worker_extractor = None  # one per worker process, built by the pool initializer


def _init_worker(settings: Settings) -> None:
    global _worker_extractor
    from sitrep.pipeline import Extractor

    _worker_extractor = Extractor(settings)


def _extract_chunk(articles: list[Article], claims: bool) -> list[ArticleResult]:
    return list(_worker_extractor.extract(articles, claims=claims))


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def extract_parallel(
    articles: Iterable[Article],
    settings: Settings,
    *,
    workers: int | None = None,
    claims: bool = False,
    chunk_size: int = 8,
) -> Iterator[ArticleResult]:
    """Extract from articles on `workers` processes; with one worker, in this process (no pool start-up)."""
    workers = workers or default_workers()
    if workers <= 1:
        from sitrep.pipeline import Extractor

        yield from Extractor(settings).extract(articles, claims=claims)
        return

    max_in_flight = workers * 2
    chunks = chunked(articles, chunk_size)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending: set[Future] = set()
        for chunk in itertools.islice(chunks, max_in_flight):
            pending.add(pool.submit(_extract_chunk, chunk, claims))
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield from future.result()
                next_chunk = next(chunks, None)
                if next_chunk is not None:
                    pending.add(pool.submit(_extract_chunk, next_chunk, claims))
