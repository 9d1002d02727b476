"""A whole command-line run: read the inputs, extract, write the tables, report.

Kept apart from the CLI so it can be called (and tested) without a shell;
the CLI only parses options and turns the :class:`RunReport` into an exit
code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from agreement_nlp.article import Article
from agreement_nlp.io.progress import estimate_articles, progress_bar
from agreement_nlp.io.readers import ReadOptions
from agreement_nlp.io.writers import check_output_folder, write_run
from agreement_nlp.schema import TABLE_NAMES, frame
from agreement_nlp.tables import Tables


@dataclass
class RunReport:
    """What a run produced and what went wrong.

    ``unreadable``: messages for inputs that could not be read at all (the
    run fails); ``problems``: every article that is ``error`` or ``skipped``
    (the run fails on them only with ``--strict``).
    """

    tables: Tables
    written: list[Path] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: articles by status, persons, agreements, errors.

        >>> RunReport(Tables.empty()).summary()
        '0 articles (0 ok, 0 empty, 0 skipped, 0 errors), 0 persons, 0 agreements'
        """
        n = Counter(self.tables.articles["status"].dropna().tolist())
        return (
            f"{len(self.tables.articles)} articles ({n['ok']} ok, {n['empty']} empty, "
            f"{n['skipped']} skipped, {n['error']} errors), "
            f"{len(self.tables.persons)} persons, {len(self.tables.agreements)} agreements"
        )


def _watch(articles: Iterable[Article], report: RunReport) -> Iterator[Article]:
    for article in articles:
        if article.unreadable:
            report.unreadable.append(article.error or f"{article.source}: not read")
        yield article


def run_extract(
    inputs: Sequence[str | Path],
    out: Path,
    *,
    fmt: str = "csv",
    excel: bool = False,
    overwrite: bool = False,
    options: ReadOptions | None = None,
    published_at: str | None = None,
    show_progress: bool = False,
    nlp: Language | None = None,
) -> RunReport:
    """Read ``inputs``, extract every table, write them to ``out`` as one complete set.

    Raises :class:`~agreement_nlp.io.writers.OutputFolderError` before any
    work when ``out`` cannot be used.
    """
    from agreement_nlp.api import iter_article_rows, load_pipeline, to_articles  # noqa: PLC0415

    options = options or ReadOptions()
    check_output_folder(out, overwrite=overwrite)
    paths = [Path(i) for i in inputs]  # a Path is never mistaken for article text
    total = estimate_articles(paths, options.glob, options.input_format) if show_progress else None
    report = RunReport(Tables.empty())
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLE_NAMES}
    articles = _watch(to_articles(paths, published_at, options=options), report)
    with progress_bar(show_progress, total) as advance:
        pipeline = nlp if nlp is not None else load_pipeline()
        for article_rows in iter_article_rows(articles, pipeline):
            for table, table_rows in article_rows.items():
                rows[table].extend(table_rows)
            advance(1)
    report.tables = Tables(**{t: frame(t, rows[t]) for t in TABLE_NAMES})
    bad = report.tables.articles[report.tables.articles["status"].isin(["error", "skipped"])]
    report.problems = [str(e) for e in bad["error"].fillna("").tolist()]
    report.written = write_run(
        dict(report.tables.items()), out, fmt, excel=excel, overwrite=overwrite
    )
    return report
