"""A whole command-line run: read the inputs, extract, write the tables, report.

Kept apart from the CLI so it can be called (and tested) without a shell;
the CLI only parses options and turns the :class:`RunReport` into an exit
code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from agreement_nlp.article import Article
from agreement_nlp.export.writers import check_output_folder
from agreement_nlp.ingest.readers import ReadOptions
from agreement_nlp.run.progress import estimate_articles, progress_bar
from agreement_nlp.tables.frames import Tables
from agreement_nlp.tables.schema import TABLE_NAMES


@dataclass
class RunReport:
    """What a run produced and what went wrong.

    ``unreadable``: messages for inputs that could not be read at all (the
    run fails); ``problems``: every article that is ``error`` or ``skipped``
    (the run fails on them only with ``--strict``). A streamed run keeps no
    tables (``tables`` is None), only ``rows`` per table and article ``statuses``.
    """

    tables: Tables | None = None
    written: list[Path] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLE_NAMES, 0))
    statuses: Counter[str] = field(default_factory=Counter)
    ignored: list[str] = field(default_factory=list)  # files of no known format, in folders

    def __post_init__(self) -> None:
        if self.tables is not None:
            self.rows = {name: len(df) for name, df in self.tables.items()}
            self.statuses = Counter(self.tables.articles["status"].dropna().tolist())

    def add(self, article_rows: Mapping[str, list[dict[str, Any]]]) -> None:
        """Count one article's rows; note it when it is in error or skipped."""
        for table, some in article_rows.items():
            self.rows[table] += len(some)
        for row in article_rows.get("articles", []):
            self.statuses[row["status"]] += 1
            if row["status"] in ("error", "skipped"):
                self.problems.append(str(row["error"] or ""))

    def summary(self) -> str:
        """One line: articles by status, persons, agreements, errors; then the files not read.

        >>> RunReport(Tables.empty()).summary()
        '0 articles (0 ok, 0 empty, 0 skipped, 0 errors), 0 persons, 0 agreements'
        """
        n = self.statuses
        line = (
            f"{self.rows['articles']} articles ({n['ok']} ok, {n['empty']} empty, "
            f"{n['skipped']} skipped, {n['error']} errors), "
            f"{self.rows['persons']} persons, {self.rows['agreements']} agreements"
        )
        if self.ignored:
            shown = ", ".join(self.ignored[:5]) + (", ..." if len(self.ignored) > 5 else "")
            line += (
                f"\n{len(self.ignored)} file(s) of no known format not read: {shown} "
                "(--input-format reads them as one)"
            )
        return line


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
    workers: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    client: Any = None,
    link: bool = True,
) -> RunReport:
    """Read ``inputs``, extract every table, write them to ``out`` as one complete set.

    Rows are written as they come (:class:`~agreement_nlp.export.stream_writer.StreamWriter`):
    memory does not grow with the input. ``workers`` processes run the
    pipeline (``None``: all cores); ``engine="dask"`` runs it on the cluster
    of ``client``, or at ``scheduler``, or on a local one of ``workers``
    processes. The output is the same byte for byte whatever the engine.

    Raises :class:`~agreement_nlp.export.writers.OutputFolderError` before any
    work when ``out`` cannot be used.
    """
    from agreement_nlp.export.stream_writer import StreamWriter
    from agreement_nlp.ingest.inputs import to_articles

    options = options or ReadOptions()
    check_output_folder(out, overwrite=overwrite)
    paths = [Path(i) for i in inputs]  # a Path is never mistaken for article text
    total = estimate_articles(paths, options.glob, options.input_format) if show_progress else None
    report = RunReport()
    articles = _watch(to_articles(paths, published_at, options=options), report)
    with (
        StreamWriter(out, fmt, excel=excel, overwrite=overwrite, link=link) as writer,
        _row_stream(articles, engine, nlp, workers, scheduler, client) as stream,
        progress_bar(show_progress, total) as advance,
    ):
        for article_rows in stream:
            writer.add(article_rows)
            report.add(article_rows)
            advance(1)
        report.written = writer.close()
    report.ignored = list(options.ignored)
    return report


ENGINES = ("local", "dask")


@contextmanager
def _row_stream(
    articles: Iterable[Article],
    engine: str,
    nlp: Language | None,
    workers: int | None,
    scheduler: str | None,
    client: Any,
) -> Iterator[Iterator[Mapping[str, list[dict[str, Any]]]]]:
    if engine == "local":
        from agreement_nlp.run.pool import iter_rows

        yield iter_rows(articles, workers=workers, nlp=nlp)
    elif engine == "dask":
        from agreement_nlp.run.cluster import dask_client, iter_rows_dask

        if client is not None:
            yield iter_rows_dask(articles, client)
        else:
            with dask_client(scheduler, workers) as own:
                yield iter_rows_dask(articles, own)
    else:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
