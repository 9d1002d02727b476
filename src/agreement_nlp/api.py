"""The Python API: :func:`extract` is the one entry point for notebooks and the CLI."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from agreement_nlp.article import Article
from agreement_nlp.components import COMPONENT_NAMES
from agreement_nlp.io.ids import unique_ids
from agreement_nlp.io.readers import ReadOptions, iter_articles, record_to_article
from agreement_nlp.pipeline import load_pipeline
from agreement_nlp.rows import article_row, doc_rows
from agreement_nlp.schema import TABLE_NAMES, frame
from agreement_nlp.tables import Tables

__all__ = ["extract", "iter_article_rows", "load_pipeline", "to_articles"]

InputItem = str | Path | Mapping[str, Any] | Article
MAX_CHARS = 1_000_000


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and (value == "-" or os.path.exists(value))


def to_articles(
    inputs: InputItem | Iterable[InputItem],
    published_at: str | None = None,
    *,
    options: ReadOptions | None = None,
) -> Iterator[Article]:
    """Turn texts, paths, records or :class:`Article` objects into articles.

    A ``str`` is a path when such a file or folder exists, otherwise it is the
    text of an article (id ``text-1``, ``text-2``…). ``published_at`` fills in
    the publication date of articles that have none. ``options`` say how to
    read paths (format, ``--glob``, record fields). A repeated id is renamed
    ``<id>~2`` and the rename noted in ``error`` (see :mod:`agreement_nlp.io.ids`).
    """
    return unique_ids(_to_articles(inputs, published_at, options or ReadOptions()))


def _to_articles(
    inputs: InputItem | Iterable[InputItem], published_at: str | None, options: ReadOptions
) -> Iterator[Article]:
    if isinstance(inputs, str | Path | Mapping | Article):
        inputs = [inputs]
    n_text = 0
    for item in inputs:
        if isinstance(item, Article):
            arts: Iterable[Article] = [item]
        elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            arts = iter_articles([item], options)
        elif isinstance(item, str):
            n_text += 1
            arts = [record_to_article({"id": f"text-{n_text}", "text": item}, "<text>", n_text)]
        elif isinstance(item, Mapping):
            n_text += 1
            arts = [record_to_article(dict(item), "<record>", n_text)]
        else:
            raise TypeError(f"cannot read an article from {type(item).__name__}")
        for art in arts:
            if published_at and not art.published_at:
                art.published_at = published_at
                art.published_at_source = "argument"
            yield art


def _run_components(nlp: Language, doc: Doc, article: Article) -> None:
    doc._.article_id = article.article_id
    doc._.published_at = article.published_at
    doc._.published_at_source = article.published_at_source
    for name in COMPONENT_NAMES:
        if name in nlp.pipe_names:
            nlp.get_pipe(name)(doc)


def iter_article_rows(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    batch_size: int = 16,
) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Process articles lazily; yield, per article, its rows for every table.

    Articles that cannot be processed still yield their ``articles`` row, with
    ``status`` and ``error`` saying why.
    """
    nlp = nlp if nlp is not None else load_pipeline()
    ours = [n for n in COMPONENT_NAMES if n in nlp.pipe_names]

    # Articles that are not run through the model keep their place in the output:
    # each waits in `pending` until the docs read before it have been emitted.
    pending: list[tuple[int, Article]] = []

    def checked(arts: Iterable[Article]) -> Iterator[tuple[str, tuple[int, Article]]]:
        for index, art in enumerate(arts):
            if art.ok and len(art.text) > MAX_CHARS:
                art.status = "skipped"
                art.error = (
                    f"{art.source or art.article_id}: text too long "
                    f"({len(art.text)} characters, limit {MAX_CHARS})"
                )
                print(f"warning: {art.error}", file=sys.stderr)
            if art.ok:
                yield art.text, (index, art)
            else:
                pending.append((index, art))

    stream = checked(articles)
    for doc, (index, art) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, disable=ours):
        while pending and pending[0][0] < index:
            yield {"articles": [article_row(pending.pop(0)[1], None)]}
        try:
            _run_components(nlp, doc, art)
            rows = doc_rows(doc, art)
        except Exception as exc:  # one bad article must not stop the run
            art.status = "error"
            where = art.source or art.article_id
            art.error = f"{where}: extraction failed ({type(exc).__name__}: {exc})"
            print(f"warning: {art.error}", file=sys.stderr)
            rows = {"articles": [article_row(art, None)]}
        yield rows
    while pending:
        yield {"articles": [article_row(pending.pop(0)[1], None)]}


def collect_tables(rows: Iterable[Mapping[str, list[dict[str, Any]]]]) -> Tables:
    """Gather per-article rows (as :func:`iter_article_rows` yields them) into :class:`Tables`."""
    table_rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLE_NAMES}
    for article_rows in rows:
        for table, some in article_rows.items():
            table_rows[table].extend(some)
    return Tables(**{t: frame(t, table_rows[t]) for t in TABLE_NAMES})


def extract(
    inputs: InputItem | Iterable[InputItem],
    *,
    published_at: str | None = None,
    nlp: Language | None = None,
    batch_size: int = 16,
    workers: int | None = 1,
    client: Any = None,
) -> Tables:
    """Extract the tables from articles.

    ``inputs``: article texts, paths (``.txt`` files, folders, ``.jsonl``
    files), records (``{"id", "text", "title", "published_at", ...}``) or
    :class:`Article` objects, alone or in a list.

    ``workers``: processes to run the pipeline in (``None``: all cores; each
    loads its own model). ``client``: a ``dask.distributed.Client`` to run
    on a cluster instead (see :mod:`agreement_nlp.distributed`). The tables
    are the same either way.

    >>> import agreement_nlp
    >>> tables = agreement_nlp.extract(
    ...     "Bamako, le 12 mai 2024 - Le ministre de la Santé, Mme Awa Traoré, a signé hier "
    ...     "un accord de financement avec la Banque mondiale."
    ... )
    >>> tables.agreements[["type", "signed_on"]].values.tolist()
    [['financement', '2024-05-11']]
    """
    articles = to_articles(inputs, published_at)
    if client is not None:
        from agreement_nlp.distributed import iter_rows_dask

        return collect_tables(iter_rows_dask(articles, client, batch_size=batch_size))
    from agreement_nlp.parallel import iter_rows

    return collect_tables(iter_rows(articles, workers=workers, nlp=nlp, batch_size=batch_size))
