"""Rendering whole articles: from the tables, from a ``Doc``, from a file."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from agreement_nlp.display.markup import render_html
from agreement_nlp.display.spans import _rows

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from agreement_nlp.article import Article
    from agreement_nlp.tables.frames import Tables


def _one_article(frame: pd.DataFrame, article_id: str) -> pd.DataFrame:
    if "article_id" not in frame.columns:
        return frame
    return frame[frame["article_id"] == article_id]


def _pick_article(ids: list[str], article_id: str | None) -> str:
    """``article_id``, checked against the tables' ``ids`` (or their only id when not given)."""
    if article_id is None:
        if len(ids) > 1:
            raise ValueError(f"the tables hold {len(ids)} articles: pass article_id (one of {ids})")
        return ids[0] if ids else ""
    if ids and article_id not in ids:
        raise ValueError(f"no article {article_id!r} in the tables (articles: {ids})")
    return article_id


def _content_end(article: pd.DataFrame, options: dict[str, Any]) -> int | None:
    """The article row's ``content_end``; its title goes into ``options`` unless one is given."""
    if not len(article):
        return None
    value = article["content_end"].iloc[0]
    content_end = None if pd.isna(value) else int(value)
    if "title" not in options and not pd.isna(article["title"].iloc[0]):
        options["title"] = str(article["title"].iloc[0])
    return content_end


def render_tables(
    tables: Tables | Mapping[str, pd.DataFrame],
    text: str,
    article_id: str | None = None,
    *,
    extra: Iterable[Mapping[str, Any]] = (),
    **options: Any,
) -> str:
    """One article of ``tables`` highlighted in ``text`` (the article's text as read).

    ``article_id`` may be left out when the tables hold one article.
    ``extra``: more rows to highlight (``start``, ``end``, ``label``), e.g. a
    gold name the pipeline missed. Page furniture is the tail after the
    article's ``content_end`` plus the furniture lines found in ``text``.
    Other options go to :func:`render_html`.

    >>> from agreement_nlp.tables.frames import Tables
    >>> "Rien." in render_tables(Tables.empty(), "Rien.")
    True
    """
    from agreement_nlp.segment.furniture import find_furniture

    ids = [str(a) for a in tables["articles"]["article_id"].tolist()]
    article_id = _pick_article(ids, article_id)
    content_end = _content_end(_one_article(tables["articles"], article_id), options)
    furniture = [(f.start, f.end) for f in find_furniture(text)] if text.strip() else []
    mentions = _rows(_one_article(tables["mentions"], article_id)) + _rows(extra)
    return render_html(
        text,
        mentions,
        persons=_one_article(tables["persons"], article_id),
        ministries=_one_article(tables["ministries"], article_id),
        agreements=_one_article(tables["agreements"], article_id),
        dates=_one_article(tables["dates"], article_id),
        content_end=content_end,
        furniture=[*furniture, *options.pop("furniture", ())],
        **options,
    )


def render_doc(doc: Doc, **options: Any) -> str:
    """A ``Doc`` processed by the full pipeline (:func:`~agreement_nlp.load_pipeline`).

    >>> from agreement_nlp import load_pipeline
    >>> doc = load_pipeline()("Le ministre de la Santé, Mme Awa Traoré, est arrivé.")
    >>> 'data-tag="PERSON · minister"' in render_doc(doc, legend=False)
    True
    """
    from agreement_nlp.article import Article
    from agreement_nlp.tables.rows import doc_rows
    from agreement_nlp.tables.schema import TABLE_NAMES, frame

    article = Article(str(doc._.article_id or "doc"), doc.text)
    article.published_at = doc._.published_at
    rows = doc_rows(doc, article)
    tables = {t: frame(t, rows.get(t, [])) for t in TABLE_NAMES}
    furniture = [(s.start_char, s.end_char) for s in doc.spans.get("furniture", [])]
    return render_tables(
        tables,
        doc.text,
        article.article_id,
        furniture=[*furniture, *options.pop("furniture", ())],
        **options,
    )


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
