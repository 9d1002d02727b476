"""The pipeline over a stream of articles in this process: per article, its rows of every table."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from agreement_nlp.article import Article
from agreement_nlp.components import COMPONENT_NAMES
from agreement_nlp.ingest.inputs import check_length
from agreement_nlp.ingest.readers import MAX_CHARS
from agreement_nlp.pipeline import load_pipeline
from agreement_nlp.tables.frames import Tables
from agreement_nlp.tables.rows import article_row, doc_rows, remap_offsets
from agreement_nlp.tables.schema import TABLE_NAMES, frame
from agreement_nlp.text import visible


def run_components(nlp: Language, doc: Doc, article: Article) -> None:
    """Our components on a parsed Doc, with the article's id and publication date set first."""
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

    def checked(
        arts: Iterable[Article],
    ) -> Iterator[tuple[str, tuple[int, Article, list[int] | None]]]:
        for index, art in enumerate(arts):
            check_length(art, MAX_CHARS)  # articles given as objects were not checked
            if art.ok:
                # Names and words are matched in the visible text: a zero-width or bidi
                # character inside a name no longer hides it; offsets are mapped back.
                shown, where = visible(art.text)
                yield shown, (index, art, where)
            else:
                pending.append((index, art))

    stream = checked(articles)
    for doc, (index, art, shown_at) in nlp.pipe(
        stream, as_tuples=True, batch_size=batch_size, disable=ours
    ):
        while pending and pending[0][0] < index:
            yield {"articles": [article_row(pending.pop(0)[1], None)]}
        try:
            run_components(nlp, doc, art)
            rows = remap_offsets(doc_rows(doc, art), shown_at)
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
