"""``Tables``: what :func:`agreement_nlp.extract` returns, one DataFrame per table."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from agreement_nlp.tables.schema import TABLE_NAMES, empty

if TYPE_CHECKING:
    from agreement_nlp.display.articles import Html

HEAD = 10  # rows of each table a notebook shows


@dataclass(repr=False)
class Tables(Mapping[str, pd.DataFrame]):
    """The normalised tables of one run, as pandas DataFrames.

    Access a table as an attribute (``tables.persons``) or by name
    (``tables["persons"]``); iterate to get the table names.

    >>> from agreement_nlp.tables.frames import Tables
    >>> Tables.empty().agreements.columns[:3].tolist()
    ['article_id', 'agreement_id', 'event_id']
    """

    articles: pd.DataFrame
    persons: pd.DataFrame
    ministries: pd.DataFrame
    agreements: pd.DataFrame
    signatories: pd.DataFrame
    dates: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame
    people: pd.DataFrame
    # The article texts as read (article_id -> text), for show(): the offsets point into them.
    # Not a table: never written. Filled by extract(); empty for tables built otherwise.
    texts: dict[str, str] = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def empty(cls) -> Tables:
        return cls(**{name: empty(name) for name in TABLE_NAMES})

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TABLE_NAMES:
            raise KeyError(name)
        frame: pd.DataFrame = getattr(self, name)
        return frame

    def __iter__(self) -> Iterator[str]:
        return iter(TABLE_NAMES)

    def __len__(self) -> int:
        return len(TABLE_NAMES)

    def summary(self) -> str:
        """One line: articles, persons, agreements, errors."""
        n_err = int((self.articles["status"] == "error").sum()) if len(self.articles) else 0
        return (
            f"{len(self.articles)} articles, {len(self.persons)} persons, "
            f"{len(self.ministries)} ministries, {len(self.agreements)} agreements, "
            f"{len(self.dates)} dates, {n_err} errors"
        )

    def __repr__(self) -> str:
        return f"Tables({self.summary()})"

    def _repr_html_(self) -> str:
        """In a notebook: the summary, then each table's first rows (``HEAD`` of them)."""
        from html import escape

        parts = [f"<p><b>Tables</b>: {escape(self.summary())}</p>"]
        for name in TABLE_NAMES:
            frame = self[name]
            parts.append(f"<details><summary>{name} ({len(frame)} rows)</summary>")
            parts.append(frame.head(HEAD).to_html(index=False, na_rep=""))
            parts.append("</details>")
        return "\n".join(parts)

    def show(self, article_id: str | None = None, **options: Any) -> Html:
        """One article with its persons, ministries, agreements and dates highlighted.

        In a notebook the result shows as HTML; it is also a ``str`` to write to a file.
        ``article_id`` may be left out when the tables hold one article; ``page=True``
        gives a whole page, other options go to :func:`agreement_nlp.display.render_html`.

        >>> import agreement_nlp
        >>> tables = agreement_nlp.extract("Le ministre de la Santé, Mme Awa Traoré, est arrivé.")
        >>> 'data-tag="PERSON · minister"' in tables.show()
        True
        """
        from agreement_nlp.display.articles import Html, render_tables

        ids = [str(a) for a in self.articles["article_id"].tolist()]
        if article_id is None and len(ids) == 1:
            article_id = ids[0]
        if article_id is not None and article_id in ids and article_id not in self.texts:
            raise ValueError(
                f"the tables do not hold the text of article {article_id!r} (it was not read, "
                "or the tables were built without texts): render it with "
                "agreement_nlp.display.render_tables(tables, text, article_id)"
            )
        text = self.texts.get(article_id, "") if article_id is not None else ""
        return Html(render_tables(self, text, article_id, **options))

    def write(self, out_dir: str | Path, fmt: str = "csv", *, excel: bool = False) -> list[Path]:
        """Write every table to ``out_dir`` as ``<table>.<fmt>``; return the paths."""
        from agreement_nlp.export.writers import write_tables

        return write_tables(dict(self.items()), out_dir, fmt=fmt, excel=excel)
