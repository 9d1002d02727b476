"""Running the pipeline over a stream of articles, in this process or in worker processes.

:func:`iter_rows` is :func:`agreement_nlp.run.local.iter_article_rows` made fit for
big dumps:

- constant memory: articles are processed in chunks inside a spaCy
  ``memory_zone``, so the strings and lexemes a chunk adds to the vocab are
  dropped once its rows are built (without it the StringStore grows with
  every new word of a long stream);
- all cores: with ``workers > 1`` chunks of articles go to worker processes
  (``spawn``: no fork of a process holding a model and threads), each loading
  the pipeline once; results come back in input order, so the rows and their
  ids are those of a single-process run.

Only a bounded number of chunks is in flight: the input is read as the
workers need it, never all at once.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from pathlib import Path
from typing import TypeVar

from spacy.language import Language

from agreement_nlp.article import Article
from agreement_nlp.pipeline import DEFAULT_MODEL, load_pipeline
from agreement_nlp.run.local import iter_article_rows
from agreement_nlp.tables.rows import Rows

__all__ = [
    "CHUNK_ARTICLES",
    "ZONE_ARTICLES",
    "batched",
    "default_workers",
    "iter_rows",
    "process_chunk",
]

T = TypeVar("T")

# Articles per memory zone in one process: large enough that the zone's
# bookkeeping is negligible, small enough that a zone's strings stay few.
ZONE_ARTICLES = 256
# Articles per task sent to a worker: enough to keep nlp.pipe's batches full
# and the pickling overhead small, few enough to balance the workers.
CHUNK_ARTICLES = 32
# Each worker loads its own model (about 5 s on this project's 2-core machine, some 130
# articles' worth): below this many articles one process is faster (benchmark: 2 workers
# 0.97-1.01x one at 300 articles, 1.55x at 1,000).
POOL_MIN_ARTICLES = 320
# Chunks queued per worker: keeps every worker busy while the parent writes.
INFLIGHT_PER_WORKER = 2


def batched(items: Iterable[T], n: int) -> Iterator[list[T]]:
    """Lists of ``n`` items, the last one shorter (``itertools.batched`` is Python 3.12).

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    stream = iter(items)
    while chunk := list(islice(stream, n)):
        yield chunk


def default_workers() -> int:
    """The cores this process may use: its CPU affinity and its cgroup's CPU quota."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    quota = _cgroup_quota()
    return max(1, min(n, quota) if quota else n)


def _cgroup_quota(path: Path = Path("/sys/fs/cgroup/cpu.max")) -> int | None:
    """Cores allowed by a cgroup v2 quota ("200000 100000" is 2), None when unlimited."""
    try:
        fields = path.read_text(encoding="ascii").split()
        if fields[0] == "max":
            return None
        return max(1, math.ceil(int(fields[0]) / int(fields[1])))
    except (OSError, ValueError, IndexError):
        return None


def iter_rows_local(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = 16,
    zone_articles: int = ZONE_ARTICLES,
) -> Iterator[Rows]:
    """Per-article rows, in this process, one memory zone per ``zone_articles`` articles."""
    for chunk in batched(articles, zone_articles):
        with nlp.memory_zone():
            yield from iter_article_rows(chunk, nlp, batch_size=batch_size)


def process_chunk(
    articles: Sequence[Article], model: str = DEFAULT_MODEL, batch_size: int = 16
) -> list[Rows]:
    """The rows of a chunk of articles, with the process's cached pipeline (runs in workers)."""
    nlp = load_pipeline(model)
    with nlp.memory_zone():
        return list(iter_article_rows(articles, nlp, batch_size=batch_size))


def _init_worker(model: str) -> None:
    # Load at start-up, so every worker reads its model at the same time.
    load_pipeline(model)


def iter_rows(
    articles: Iterable[Article],
    *,
    workers: int | None = 1,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
    batch_size: int = 16,
    chunk_size: int | None = None,
    context: str = "spawn",
) -> Iterator[Rows]:
    """Yield each article's rows (table -> rows), in input order.

    ``workers``: processes to use (``None``: all cores). With more than one,
    each worker loads ``model`` itself (``nlp`` is only used in this
    process). An input of fewer than ``POOL_MIN_ARTICLES`` articles is
    processed here: starting workers would cost more than it saves.
    """
    n = default_workers() if workers is None else max(1, workers)
    chunk_size = chunk_size or CHUNK_ARTICLES
    stream = iter(articles)
    if n > 1:
        enough = max(chunk_size, POOL_MIN_ARTICLES)
        head = list(islice(stream, enough))
        if len(head) == enough:
            yield from _iter_rows_pool(
                chain(head, stream), n, model, batch_size, chunk_size, context
            )
            return
        stream = iter(head)
    yield from iter_rows_local(
        stream, nlp if nlp is not None else load_pipeline(model), batch_size=batch_size
    )


def _iter_rows_pool(
    articles: Iterator[Article],
    workers: int,
    model: str,
    batch_size: int,
    chunk_size: int,
    context: str,
) -> Iterator[Rows]:
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(context),
        initializer=_init_worker,
        initargs=(model,),
    )
    pending: deque[Future[list[Rows]]] = deque()
    try:
        for chunk in batched(articles, chunk_size):
            pending.append(pool.submit(process_chunk, chunk, model, batch_size))
            if len(pending) >= workers * INFLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
