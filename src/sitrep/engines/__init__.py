"""Engines: where extraction runs. In this process, on a pool of local processes, or on a Dask cluster.

`extract_results` picks one. Unless told how many workers to use, small inputs stay in this
process: starting workers (each loading the model) only pays off when each gets real work.
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

    if workers is None:  # an explicit --workers is obeyed; the default keeps small inputs in this process
        workers = 1 if len(head) < PARALLEL_THRESHOLD else default_workers()
    yield from extract_parallel(stream, settings, workers=workers, claims=claims)
