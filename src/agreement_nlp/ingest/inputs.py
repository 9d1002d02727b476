"""What the API accepts as input: texts, paths, records or articles, turned into articles."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from agreement_nlp.article import Article, text_hash
from agreement_nlp.ingest.ids import unique_ids
from agreement_nlp.ingest.language import other_language
from agreement_nlp.ingest.published import not_a_date, published_iso
from agreement_nlp.ingest.readers import ReadOptions, iter_articles, record_to_article, warn

InputItem = str | Path | Mapping[str, Any] | Article


# A one-word string ending like a file the readers take is a path, found or not.
_PATH_LIKE = re.compile(r"[^\s]+\.(?:txt|jsonl|ndjson|json|csv|tsv|html?|gz)", re.IGNORECASE)


def _looks_like_path(value: str) -> bool:
    """A path when it exists, or when it reads like one ("data/nope.txt", "A.TXT"): a
    mistyped path must not become the text of an article."""
    if "\n" in value or len(value) >= 4096:
        return False
    return value == "-" or os.path.exists(value) or _PATH_LIKE.fullmatch(value) is not None


def to_articles(
    inputs: InputItem | Iterable[InputItem],
    published_at: str | None = None,
    *,
    options: ReadOptions | None = None,
) -> Iterator[Article]:
    """Turn texts, paths, records or :class:`Article` objects into articles.

    A ``str`` is a path when such a file or folder exists or when it is one word
    ending in a suffix the readers take (a missing path gets an ``error`` row),
    otherwise it is the text of an article (id ``text-1``, ``text-2``…). ``published_at`` fills in
    the publication date of articles that have none (ISO, or a day-first date such as
    "24/06/2025"; anything else is a ``ValueError``). ``options`` say how to
    read paths (format, ``--glob``, record fields). A repeated id is renamed
    ``<id>~2`` and the rename noted in ``error`` (see :mod:`agreement_nlp.ingest.ids`).
    """
    given = published_at
    if given is not None and (published_at := published_iso(given)) is None:
        raise ValueError(not_a_date(given))
    return unique_ids(_to_articles(inputs, published_at, options or ReadOptions()))


def _to_articles(
    inputs: InputItem | Iterable[InputItem], published_at: str | None, options: ReadOptions
) -> Iterator[Article]:
    if isinstance(inputs, str | Path | Mapping | Article):
        inputs = [inputs]
    n_text = 0
    first_of: dict[str, str] = {}  # text hash -> id of the first article with that text
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
            check_length(art, options.max_chars)
            if options.dedupe:
                _skip_repeat(art, first_of)
            if not options.any_language:
                _skip_other_language(art)
            if published_at and not art.published_at:
                art.published_at = published_at
                art.published_at_source = "argument"
            yield art


def check_length(art: Article, limit: int) -> None:
    """An article longer than ``limit`` characters is skipped, with its length said."""
    if art.ok and len(art.text) > limit:
        art.status = "skipped"
        art.error = (
            f"{art.source or art.article_id}: text too long "
            f"({len(art.text)} characters, limit {limit}; see --max-chars)"
        )
        warn(art.error)


def _skip_repeat(art: Article, first_of: dict[str, str]) -> None:
    """An article whose text an earlier one had is skipped, naming that one."""
    if not art.ok:
        return
    key = text_hash(art.text)
    first = first_of.setdefault(key, art.article_id)
    if first != art.article_id:
        art.status = "skipped"
        art.error = f"{art.source or art.article_id}: same text as article {first!r} (--dedupe)"


def _skip_other_language(art: Article) -> None:
    """An article surely written in another language than French is skipped, saying which."""
    if not art.ok or (found := other_language(art.text)) is None:
        return
    language, probability = found
    art.status = "skipped"
    art.error = (
        f"{art.source or art.article_id}: written in {language!r}, not French "
        f"(probability {probability:.2f}; --any-language reads it)"
    )
    warn(art.error)
