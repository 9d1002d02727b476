"""Rendering whole articles: from the tables, from a ``Doc``.

Below the ``Tables`` class in the stages (``Tables.show`` calls :func:`render_tables`), so it
takes the tables as a plain mapping of frames; :mod:`.files` runs the pipeline on a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from agreement_nlp.display.markup import render_html
from agreement_nlp.display.spans import _rows

if TYPE_CHECKING:
    from spacy.tokens import Doc


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


class Html(str):
    """An HTML page or fragment that a notebook shows as such (it is a plain ``str`` too)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


def render_tables(
    tables: Mapping[str, pd.DataFrame],
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
