"""Making article ids unique across a run.

Two articles with the same id would merge in every joined table, so the
second keeps its row under ``<id>~2`` (then ``~3``...), and its ``error``
column and a warning say which id it duplicated and where that id was first
seen. Its ``status`` is unchanged: the article itself is fine. Renaming
depends only on the input order, so ids are the same on every run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from agreement_nlp.article import Article

SEPARATOR = "~"


def unique_ids(articles: Iterable[Article]) -> Iterator[Article]:
    """Yield the articles, renaming repeated ids.

    >>> arts = [Article("a", "x", source="f:1"), Article("a", "y", source="f:2")]
    >>> [(a.article_id, a.error) for a in unique_ids(arts)]
    [('a', None), ('a~2', "duplicate id 'a' (first seen in f:1), renamed 'a~2'")]
    """
    first_source: dict[str, str] = {}
    used: set[str] = set()
    for article in articles:
        original = article.article_id
        if original in used:
            n = 2
            while f"{original}{SEPARATOR}{n}" in used:
                n += 1
            new_id = f"{original}{SEPARATOR}{n}"
            message = (
                f"duplicate id {original!r} (first seen in {first_source.get(original, '?')}), "
                f"renamed {new_id!r}"
            )
            print(f"warning: {article.source or new_id}: {message}", file=sys.stderr)
            article.article_id = new_id
            article.note(message)
        used.add(article.article_id)
        first_source.setdefault(original, article.source or original)
        yield article
