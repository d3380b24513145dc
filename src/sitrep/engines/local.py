"""Extraction on one machine with all its cores: a process pool, each worker with its own Extractor.

Articles stream through in chunks with a bounded number of chunks in flight, so memory stays flat
however large the corpus. A chunk closes at `CHUNK_CHARS` characters of text (or `Settings.batch_size`
articles): chunks of similar work keep both workers busy to the end, where a fixed count of long
articles left one idle for seconds. Results come back in input order; the caller stores each article in
its own transaction, which is what makes an interrupted run resumable.

Start-up: on Linux the pool forks. The parent loads the Extractor (spaCy model, gazetteer, actor
knowledge base) once before the fork and the workers inherit it copy-on-write, so the model is read from
disk once and its weights are shared; each worker only opens its own gazetteer connection (an SQLite
connection must not cross a fork). Where fork is unavailable (macOS, Windows) the pool spawns and each
worker loads its own Extractor.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import TYPE_CHECKING

from sitrep.records import Article, ArticleResult
from sitrep.settings import Settings
from sitrep.streams import chunked_by_size

if TYPE_CHECKING:
    from sitrep.pipeline import Extractor

_worker_extractor: Extractor | None = None  # the worker's Extractor: inherited by fork or built on spawn
_inherited: list = []  # parents' gazetteer connections, never used or closed in a worker
# One small article through every stage before forking.
WARM_UP = Article(
    text="MOGADISHU, Somalia — Al-Shabaab gunmen attacked a police station in Mogadishu on Monday, killing two "
    'officers, and hundreds protested in Baidoa, police said. "We will not stop," a spokesman told reporters.',
    id="sitrep-warm-up",
    published=date(2024, 1, 3),
)


def start_method() -> str:
    """"fork" where the platform has it (Linux), else "spawn"; SITREP_START_METHOD overrides."""
    wanted = os.environ.get("SITREP_START_METHOD")
    available = multiprocessing.get_all_start_methods()
    if wanted:
        if wanted not in available:
            raise ValueError(f"SITREP_START_METHOD={wanted!r}: this platform offers {', '.join(available)}")
        return wanted
    return "fork" if "fork" in available and os.name == "posix" and not _is_macos() else "spawn"


def _is_macos() -> bool:
    import platform

    return platform.system() == "Darwin"  # fork is unsafe there once system frameworks are loaded


def _init_forked_worker() -> None:
    """In a forked worker: the inherited Extractor gets its own gazetteer connection."""
    from sitrep.geo.gazetteer import Gazetteer

    assert _worker_extractor is not None
    # The parent's connection is kept, unused and unclosed: closing it here could disturb the parent's.
    _inherited.append(_worker_extractor.gazetteer)
    _worker_extractor.gazetteer = Gazetteer(_worker_extractor.gazetteer.path)


def _init_spawned_worker(settings: Settings) -> None:
    global _worker_extractor
    from sitrep.pipeline import Extractor

    _worker_extractor = Extractor(settings)


def _extract_chunk(articles: list[Article], claims: bool) -> list[ArticleResult]:
    assert _worker_extractor is not None
    return list(_worker_extractor.extract(articles, claims=claims))


# About half a second of one worker's time on real-length news (three 8,900-character articles): small
# enough that the last chunk leaves the other worker idle for little, large enough that the per-chunk
# costs (pickling, one nlp.pipe call) stay negligible.
CHUNK_CHARS = 24_000
# Chunks in flight per worker. Results are yielded in input order, and a new chunk is sent only when the
# oldest is yielded: with a shallow window, a slow chunk at its head (a long article) left the other worker
# idle once it had done the few queued behind it. Ten keeps it busy (the 917-text mixed feed on two workers:
# 68.4 / 70.7 articles/s against 64.7 / 65.3 with three) and memory bounded (results of 20 chunks of 8 articles).
CHUNKS_PER_WORKER = 10


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def extract_parallel(
    articles: Iterable[Article],
    settings: Settings,
    *,
    workers: int | None = None,
    claims: bool = False,
    chunk_size: int | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[ArticleResult]:
    """Extract from articles on `workers` processes; with one worker, in this process (no pool start-up).

    A chunk sent to a worker closes at `chunk_chars` characters of text or `chunk_size` articles
    (default `Settings.batch_size`, the worker's `nlp.pipe` batch).
    """
    global _worker_extractor
    from sitrep.pipeline import Extractor

    workers = workers or default_workers()
    if workers <= 1:
        yield from Extractor(settings).extract(articles, claims=claims)
        return

    method = start_method()
    if method == "fork":
        # Loaded here, before the pool forks its workers (they start lazily, on the first submit), and
        # warmed up: the lazily built parts (actor phrase matchers, lexicons, classifier) are built once too.
        _worker_extractor = Extractor(settings)
        list(_worker_extractor.extract([WARM_UP], claims=claims))
        # Everything loaded so far lives as long as the workers: out of the garbage collector's sight, their
        # collections no longer walk (and copy, page by page) the model, gazetteer and knowledge base. The
        # parent's objects are unfrozen, and collectable again, when the pool is done.
        gc.freeze()
        pool_args: dict = {"initializer": _init_forked_worker}
    else:
        pool_args = {"initializer": _init_spawned_worker, "initargs": (settings,)}
    max_in_flight = workers * CHUNKS_PER_WORKER
    chunks = chunked_by_size(articles, lambda a: len(a.text), chunk_chars, chunk_size or settings.batch_size)
    context = multiprocessing.get_context(method)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, **pool_args) as pool:
            # Results are yielded in input order (the oldest chunk first): the resolve stage then sees
            # articles in the same order whatever the number of workers, so merges and IDs are stable.
            pending: deque[Future] = deque(pool.submit(_extract_chunk, chunk, claims) for chunk in itertools.islice(chunks, max_in_flight))
            while pending:
                results = pending.popleft().result()
                next_chunk = next(chunks, None)
                if next_chunk is not None:
                    pending.append(pool.submit(_extract_chunk, next_chunk, claims))
                yield from results
    finally:
        if method == "fork":
            _worker_extractor = None  # the parent's copy is only the template for its workers
            gc.unfreeze()
