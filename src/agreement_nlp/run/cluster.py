"""Extraction on a Dask cluster, for dumps beyond one machine.

Articles are read here (the client) lazily and sent to the cluster in
partitions of ``partition_size``; each worker process runs
:func:`agreement_nlp.run.pool.process_chunk` with its own pipeline, loaded
once per process (``load_pipeline`` is cached) and used by one task at a
time. Partitions come back in input order, so the tables are those of a
single-process run. Only a bounded number of partitions is in flight, so the
client's memory does not grow with the input.

``dask[distributed]`` is an optional extra (``pip install
'agreement_nlp[dask]'``), imported only when this engine is used.

>>> from dask.distributed import Client, LocalCluster          # doctest: +SKIP
>>> client = Client(LocalCluster(n_workers=4, threads_per_worker=1))  # doctest: +SKIP
>>> tables = agreement_nlp.extract("dump.jsonl", client=client)  # doctest: +SKIP
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from agreement_nlp.article import Article
from agreement_nlp.pipeline import DEFAULT_MODEL
from agreement_nlp.run.pool import batched
from agreement_nlp.tables.rows import Rows

if TYPE_CHECKING:
    from agreement_nlp.ingest.inputs import InputItem
    from agreement_nlp.tables.frames import Tables

__all__ = [
    "PARTITION_ARTICLES",
    "DaskMissingError",
    "dask_client",
    "extract_dask",
    "iter_rows_dask",
]

PARTITION_ARTICLES = 32
INFLIGHT_PER_WORKER = 2
MISSING = (
    "the dask engine needs dask.distributed, an optional dependency: "
    "pip install 'agreement_nlp[dask]'"
)


class DaskMissingError(ImportError):
    """The dask engine was asked for without ``dask[distributed]`` installed."""


class SchedulerUnreachableError(RuntimeError):
    """No Dask scheduler answers at the address given."""


CONNECT_SECONDS = 10


# A worker with several threads would otherwise run one spaCy pipeline from
# several tasks at once (memory zones are not thread-safe).
_PIPELINE_LOCK = threading.Lock()


def _distributed() -> Any:
    try:
        import dask.distributed
    except ImportError as exc:
        raise DaskMissingError(MISSING) from exc
    return dask.distributed


def process_partition(
    articles: Sequence[Article], model: str = DEFAULT_MODEL, batch_size: int = 16
) -> list[Rows]:
    """Runs on a worker: the rows of one partition, in order."""
    from agreement_nlp.run.pool import process_chunk

    with _PIPELINE_LOCK:
        return process_chunk(articles, model, batch_size)


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``workers`` processes."""
    distributed = _distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as exc:
            raise SchedulerUnreachableError(
                f"no Dask scheduler answers at {scheduler} (waited {CONNECT_SECONDS} s)"
            ) from exc
        with client:
            yield client
        return
    from agreement_nlp.run.pool import default_workers

    n = workers or default_workers()
    with (
        distributed.LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _n_workers(client: Any) -> int:
    try:
        return max(1, len(client.scheduler_info()["workers"]))
    except Exception:  # an unusual client: assume a small cluster
        return 1


def iter_rows_dask(
    articles: Iterable[Article],
    client: Any,
    *,
    model: str = DEFAULT_MODEL,
    batch_size: int = 16,
    partition_size: int | None = None,
) -> Iterator[Rows]:
    """Each article's rows, in input order, computed on the cluster of ``client``."""
    _distributed()
    inflight = _n_workers(client) * INFLIGHT_PER_WORKER
    partition_size = partition_size or PARTITION_ARTICLES
    pending: deque[Any] = deque()
    try:
        for part in batched(articles, partition_size):
            # pure=False: two identical partitions are still two tasks with their own rows.
            pending.append(client.submit(process_partition, part, model, batch_size, pure=False))
            if len(pending) >= inflight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def extract_dask(
    inputs: InputItem | Iterable[InputItem],
    *,
    client: Any = None,
    scheduler: str | None = None,
    published_at: str | None = None,
    model: str = DEFAULT_MODEL,
    partition_size: int | None = None,
) -> Tables:
    """:func:`agreement_nlp.extract` on a Dask cluster: ``client``, or one at ``scheduler``.

    With neither, a local cluster with one single-threaded worker process per core.
    """
    from agreement_nlp.ingest.inputs import to_articles
    from agreement_nlp.run.local import collect_tables

    articles = to_articles(inputs, published_at)
    if client is not None:
        rows = iter_rows_dask(articles, client, model=model, partition_size=partition_size)
        return collect_tables(rows)
    with dask_client(scheduler) as own:
        rows = iter_rows_dask(articles, own, model=model, partition_size=partition_size)
        return collect_tables(rows)
