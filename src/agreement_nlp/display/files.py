"""Rendering one article of a file: run the pipeline on it, then :func:`render_tables`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from agreement_nlp.display.articles import render_tables

if TYPE_CHECKING:
    from spacy.language import Language

    from agreement_nlp.article import Article


def _only_article(path: str | Path, articles: list[Article], article_id: str | None) -> Article:
    """The one article of ``path`` to render (``article_id`` if given); ``ValueError`` if none."""
    if article_id is not None:
        articles = [a for a in articles if a.article_id == article_id]
        if not articles:
            raise ValueError(f"{path}: no article with id {article_id!r}")
    if len(articles) != 1:
        ids = [a.article_id for a in articles]
        raise ValueError(f"{path}: {len(articles)} articles, choose one with --id (one of {ids})")
    article = articles[0]
    if article.status == "error" and not article.text:
        raise ValueError(article.error or f"{path}: cannot read the article")
    return article


def render_file(
    path: str | Path,
    *,
    article_id: str | None = None,
    published_at: str | None = None,
    nlp: Language | None = None,
    **options: Any,
) -> str:
    """Run the pipeline on one file and render its article.

    ``path``: a ``.txt`` article, or any input :func:`~agreement_nlp.extract`
    reads (a ``.jsonl`` of several records then needs ``article_id``).
    ``published_at`` resolves relative dates when the text gives no date;
    ``nlp`` is the pipeline (loaded once per process if not given).

    >>> html = render_file("data/raw/mali-russie-accords-2025-06-24.txt", page=True)
    >>> html.startswith("<!DOCTYPE html>"), 'data-entity="A1"' in html
    (True, True)
    """
    from agreement_nlp.api import extract, to_articles

    articles = list(to_articles(Path(path), published_at))
    article = _only_article(path, articles, article_id)
    # Keep the text before the run: the tables' offsets point into it.
    text = article.text
    tables = extract([article], nlp=nlp)
    return render_tables(tables, text, article.article_id, **options)
