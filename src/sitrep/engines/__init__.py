"""Engines: where extraction runs. In this process, on a pool of local processes, or on a Dask cluster.

`extract_results` picks one. Small inputs stay in this process: starting workers (each loading
the model) only pays off when there is more than a chunk of work for each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, islice

from sitrep.records import Article, ArticleResult
from sitrep.settings import Settings

# Fewer new articles than this: no pool. Two model loads cost more than they save on a handful.
PARALLEL_THRESHOLD = 16


def extract_results(
    articles: Iterable[Article],
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    claims: bool = True,
    settings: Settings | None = None,
) -> Iterator[ArticleResult]:
    settings = settings or Settings()
    iterator = iter(articles)
    head = list(islice(iterator, PARALLEL_THRESHOLD))
    if not head:
        return
    stream = chain(head, iterator)
    if engine == "dask":
        from sitrep.engines.dask import extract_on_dask

        yield from extract_on_dask(stream, settings, scheduler=scheduler, workers=workers or 2, claims=claims)
        return
    from sitrep.engines.local import default_workers, extract_parallel

    small = len(head) < PARALLEL_THRESHOLD
    yield from extract_parallel(stream, settings, workers=1 if small else (workers or default_workers()), claims=claims)
