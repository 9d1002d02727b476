"""The Python API: :func:`extract` is the one entry point for notebooks and the CLI."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from agreement_nlp.article import Article
from agreement_nlp.ingest.inputs import InputItem, to_articles
from agreement_nlp.ingest.readers import MAX_CHARS, ReadOptions
from agreement_nlp.link import link_tables
from agreement_nlp.pipeline import load_pipeline
from agreement_nlp.run.local import collect_tables, iter_article_rows
from agreement_nlp.run.pool import iter_rows
from agreement_nlp.tables.frames import Tables

__all__ = ["InputItem", "extract", "iter_article_rows", "load_pipeline", "to_articles"]


def extract(
    inputs: InputItem | Iterable[InputItem],
    *,
    published_at: str | None = None,
    nlp: Language | None = None,
    batch_size: int = 16,
    workers: int | None = 1,
    client: Any = None,
    max_chars: int = MAX_CHARS,
    dedupe: bool = False,
    any_language: bool = False,
    keep_texts: bool = True,
    link: bool = True,
) -> Tables:
    """Extract the tables from articles.

    ``inputs``: article texts, paths (``.txt`` files, folders, ``.jsonl``
    files), records (``{"id", "text", "title", "published_at", ...}``) or
    :class:`Article` objects, alone or in a list.

    ``workers``: processes to run the pipeline in (``None``: all cores; each
    loads its own model). ``client``: a ``dask.distributed.Client`` to run
    on a cluster instead (see :mod:`agreement_nlp.run.cluster`). The tables
    are the same either way. ``max_chars``: an article whose text is longer is
    skipped (its ``articles`` row says so); ``dedupe``: an article whose text an
    earlier one had is skipped, naming it (``text_sha256`` tells them apart);
    an article surely not in French is skipped, saying its language, unless
    ``any_language``. ``keep_texts``: the tables keep each article's text for
    :meth:`Tables.show` (pass ``False`` on a dump too big to hold in memory).
    ``link``: run the linking pass over all articles (:func:`agreement_nlp.link.link_tables`):
    the ``events`` and ``people`` tables, ``event_id`` and ``person_key`` on the rows.

    >>> import agreement_nlp
    >>> tables = agreement_nlp.extract(
    ...     "Bamako, le 12 mai 2024 - Le ministre de la Santé, Mme Awa Traoré, a signé hier "
    ...     "un accord de financement avec la Banque mondiale."
    ... )
    >>> tables.agreements[["type", "signed_on"]].values.tolist()
    [['financement', '2024-05-11']]
    """
    read = ReadOptions(max_chars=max_chars, dedupe=dedupe, any_language=any_language)
    texts: dict[str, str] = {}
    articles = to_articles(inputs, published_at, options=read)
    if keep_texts:
        articles = _remembering(articles, texts)
    if client is not None:
        from agreement_nlp.run.cluster import iter_rows_dask

        tables = collect_tables(iter_rows_dask(articles, client, batch_size=batch_size))
    else:
        tables = collect_tables(
            iter_rows(articles, workers=workers, nlp=nlp, batch_size=batch_size)
        )
    if link:
        linked: dict[str, Any] = link_tables(tables)
        tables = dataclasses.replace(tables, **linked)
    tables.texts = texts
    return tables


def _remembering(articles: Iterable[Article], texts: dict[str, str]) -> Iterator[Article]:
    """The articles, each text kept in ``texts`` as read (the tables' offsets point into it)."""
    for article in articles:
        if article.text:
            texts[article.article_id] = article.text
        yield article
