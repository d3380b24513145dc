"""Extraction on one machine with all its cores: a process pool, each worker with its own Extractor.

Articles stream through in chunks with a bounded number of chunks in flight, so memory stays flat
however large the corpus. First a screening process runs the relevance cascade on them, ahead of the
workers; a worker's chunk then closes at `CHUNK_CHARS` characters (or `Settings.batch_size` articles) of
the articles that passed, which ride with the stopped ones between them: chunks of similar work keep both
workers busy to the end, where a fixed count of long articles left one idle for seconds. Results come back
in input order; the caller stores each article in its own transaction, which is what makes an interrupted
run resumable.

Start-up: on Linux the pool forks. The parent loads the Extractor (spaCy model, gazetteer, actor
knowledge base) once before the fork and the workers inherit it copy-on-write, so the model is read from
disk once and its weights are shared; each worker only opens its own gazetteer connection (an SQLite
connection must not cross a fork). Where fork is unavailable (macOS, Windows) the pool spawns and each
worker loads its own Extractor. The screening process starts first, before the load, and needs no model:
it screens on the core that would otherwise wait for the load (on a mixed feed, most of the cascade).
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import TYPE_CHECKING

from sitrep.records import Article, ArticleResult
from sitrep.settings import Settings
from sitrep.streams import chunked

if TYPE_CHECKING:
    from sitrep.pipeline import Extractor

Screened = tuple[Article, bool]  # an article and whether it passed the relevance cascade
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


def _ignore_interrupts() -> None:
    """In a pool's process: Ctrl-C is the parent's to handle. It cancels what the pool has not started and
    shuts it down; the process finishes the chunk in hand, without a traceback for the interrupt."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init_forked_worker() -> None:
    """In a forked worker: the inherited Extractor gets its own gazetteer connection."""
    from sitrep.geo.gazetteer import Gazetteer

    _ignore_interrupts()

    assert _worker_extractor is not None
    # The parent's connection is kept, unused and unclosed: closing it here could disturb the parent's.
    _inherited.append(_worker_extractor.gazetteer)
    _worker_extractor.gazetteer = Gazetteer(_worker_extractor.gazetteer.path)


def _init_spawned_worker(settings: Settings) -> None:
    global _worker_extractor
    from sitrep.pipeline import Extractor

    _ignore_interrupts()

    _worker_extractor = Extractor(settings)


def _extract_chunk(articles: list[Article], claims: bool) -> list[ArticleResult]:
    """Extract from articles that have passed the relevance cascade (in the screening process)."""
    assert _worker_extractor is not None
    return list(_worker_extractor.extract(articles, claims=claims, screened=True))


def _screen_chunk(articles: list[Article], claims: bool) -> list[bool]:
    from sitrep.extract.relevance import passes_cascade

    return [passes_cascade(article, claims=claims) for article in articles]


# About half a second of one worker's time on real-length news (three 8,900-character articles): small
# enough that the last chunk leaves the other worker idle for little, large enough that the per-chunk
# costs (pickling, one nlp.pipe call) stay negligible. Only articles that passed the cascade count.
CHUNK_CHARS = 24_000
# Chunks in flight per worker. Results are yielded in input order, and a new chunk is sent only when the
# oldest is yielded: with a shallow window, a slow chunk at its head (a long article) left the other worker
# idle once it had done the few queued behind it. Ten keeps it busy (the 917-text mixed feed on two workers:
# 68.4 / 70.7 articles/s against 64.7 / 65.3 with three) and memory bounded (results of 20 chunks of 8 articles).
CHUNKS_PER_WORKER = 10
# The screening process answers for SCREEN_CHUNK articles at a time and is kept SCREEN_AHEAD chunks ahead of
# the extraction: about what it screens while the parent loads the model, held in memory as articles.
SCREEN_CHUNK = 32
SCREEN_AHEAD = 32
# Articles the cascade stops travel with the passing ones they stand between; a run of them longer than
# this closes a chunk of its own (memory stays bounded on a feed with no conflict news at all).
MAX_CHUNK_ITEMS = 512


class _Screening:
    """The relevance cascade in a process of its own, ahead of the extraction: (article, passes) in input order.

    It starts before the parent loads the model, so it screens on the core that would otherwise wait for the
    load, and the workers' chunks then hold only articles that go to the NLP pass (full `nlp.pipe` batches,
    where chunks of a mixed feed held two or three among the articles stopped)."""

    def __init__(self, articles: Iterable[Article], claims: bool, context) -> None:
        self._claims = claims
        self._chunks = chunked(articles, SCREEN_CHUNK)
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_ignore_interrupts)
        self._pending: deque[tuple[list[Article], Future]] = deque()
        for chunk in itertools.islice(self._chunks, SCREEN_AHEAD):
            self._submit(chunk)

    def _submit(self, chunk: list[Article]) -> None:
        self._pending.append((chunk, self._pool.submit(_screen_chunk, chunk, self._claims)))

    def __iter__(self) -> Iterator[Screened]:
        while self._pending:
            chunk, verdicts = self._pending.popleft()
            next_chunk = next(self._chunks, None)
            if next_chunk is not None:
                self._submit(next_chunk)
            yield from zip(chunk, verdicts.result())

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def _work_chunks(screened: Iterable[Screened], chunk_chars: int, chunk_size: int) -> Iterator[list[Screened]]:
    """Consecutive runs of screened articles whose passing ones reach `chunk_chars` characters or
    `chunk_size` articles (or MAX_CHUNK_ITEMS articles in all)."""
    chunk: list[Screened] = []
    chars = passing = 0
    for article, passes in screened:
        chunk.append((article, passes))
        if passes:
            chars += len(article.text)
            passing += 1
        if chars >= chunk_chars or passing >= chunk_size or len(chunk) >= MAX_CHUNK_ITEMS:
            yield chunk
            chunk, chars, passing = [], 0, 0
    if chunk:
        yield chunk


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

    With the relevance cascade on, a screening process runs it ahead of the workers. A chunk sent to a
    worker closes when the articles in it that passed reach `chunk_chars` characters of text or `chunk_size`
    articles (default `Settings.batch_size`, the worker's `nlp.pipe` batch).
    """
    workers = workers or default_workers()
    if workers <= 1:
        from sitrep.pipeline import Extractor

        yield from Extractor(settings).extract(articles, claims=claims)
        return

    context = multiprocessing.get_context(start_method())
    # Started before the model loads (and before spaCy is imported here), so that the screening overlaps them.
    screening = _Screening(articles, claims, context) if settings.cascade else None
    try:
        screened = iter(screening) if screening else ((article, True) for article in articles)
        chunks = _work_chunks(screened, chunk_chars, chunk_size or settings.batch_size)
        yield from _extract_on_pool(chunks, settings, workers, claims, context)
    finally:
        if screening:
            screening.close()


def _extract_on_pool(
    chunks: Iterator[list[Screened]], settings: Settings, workers: int, claims: bool, context
) -> Iterator[ArticleResult]:
    global _worker_extractor
    from sitrep.pipeline import Extractor

    forked = context.get_start_method() == "fork"
    if forked:
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
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, **pool_args)

    def submit(chunk: list[Screened]) -> tuple[list[Screened], Future | None]:
        passing = [article for article, passes in chunk if passes]
        return chunk, pool.submit(_extract_chunk, passing, claims) if passing else None

    try:
        # Results are yielded in input order (the oldest chunk first): the resolve stage then sees
        # articles in the same order whatever the number of workers, so merges and IDs are stable.
        pending = deque(submit(chunk) for chunk in itertools.islice(chunks, workers * CHUNKS_PER_WORKER))
        while pending:
            chunk, future = pending.popleft()
            extracted = iter(future.result() if future else ())
            next_chunk = next(chunks, None)
            if next_chunk is not None:
                pending.append(submit(next_chunk))
            for article, passes in chunk:
                yield next(extracted) if passes else ArticleResult(article=article, relevant=False)
    finally:
        # On an interrupt, or when the caller stops reading, the chunks not yet started are dropped.
        pool.shutdown(cancel_futures=True)
        if forked:
            _worker_extractor = None  # the parent's copy is only the template for its workers
            gc.unfreeze()
