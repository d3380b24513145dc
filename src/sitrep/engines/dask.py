"""Distributed backfill on Dask: partitions of articles are extracted on the workers, stored by the client.

Each worker process keeps one Extractor (model, gazetteer and actor knowledge base loaded once).
Only the client writes to the store, one article per transaction, keyed by content hash and
event ID, so every result is written exactly once even if Dask retries a task on another worker.
Run against an existing cluster with `scheduler="tcp://host:8786"`; with none, a LocalCluster
of `workers` processes is started and closed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from sitrep.records import Article, ArticleResult
from sitrep.settings import Settings
from sitrep.streams import chunked

_EXTRACTOR_KEY = "sitrep-extractor"


def _extract_partition(articles: list[Article], settings: Settings, claims: bool) -> list[ArticleResult]:
    from distributed import get_worker

    from sitrep.pipeline import Extractor

    worker = get_worker()
    # Cache on the worker object: one model load per worker process, not per task.
    extractor = getattr(worker, "_sitrep_extractor", None)
    if extractor is None:
        extractor = Extractor(settings)
        worker._sitrep_extractor = extractor
    return list(extractor.extract(articles, claims=claims))


def extract_on_dask(
    articles: Iterable[Article],
    settings: Settings,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    claims: bool = False,
    partition_size: int = 16,
) -> Iterator[ArticleResult]:
    """Yield results as partitions finish; at most a few partitions per worker are in flight."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        partitions = chunked(articles, partition_size)
        futures = as_completed()
        for partition in islice(partitions, n_workers * 2):
            futures.add(client.submit(_extract_partition, partition, settings, claims, pure=False))
        for future in futures:
            yield from future.result()
            future.release()
            following = next(partitions, None)
            if following is not None:
                futures.add(client.submit(_extract_partition, following, settings, claims, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
