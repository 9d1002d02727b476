"""``Tables``: what :func:`agreement_nlp.extract` returns, one DataFrame per table."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from agreement_nlp.tables.schema import TABLE_NAMES, empty

HEAD = 10  # rows of each table a notebook shows


@dataclass(repr=False)
class Tables(Mapping[str, pd.DataFrame]):
    """The normalised tables of one run, as pandas DataFrames.

    Access a table as an attribute (``tables.persons``) or by name
    (``tables["persons"]``); iterate to get the table names.

    >>> from agreement_nlp.tables.frames import Tables
    >>> Tables.empty().agreements.columns[:3].tolist()
    ['article_id', 'agreement_id', 'title']
    """

    articles: pd.DataFrame
    persons: pd.DataFrame
    ministries: pd.DataFrame
    agreements: pd.DataFrame
    signatories: pd.DataFrame
    dates: pd.DataFrame
    mentions: pd.DataFrame

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

    def write(self, out_dir: str | Path, fmt: str = "csv", *, excel: bool = False) -> list[Path]:
        """Write every table to ``out_dir`` as ``<table>.<fmt>``; return the paths."""
        from agreement_nlp.export.writers import write_tables

        return write_tables(dict(self.items()), out_dir, fmt=fmt, excel=excel)
