"""Progress display for long runs: a bar on stderr when it is a terminal, nothing otherwise.

The total is counted before the run with the readers' logic (one per text or
HTML file, one per non-blank JSONL line or single-line CSV row: see
:mod:`.counting`); where that is not cheap (a CSV row over several lines, a JSON
list, a compressed record file, stdin) the bar shows no total rather than a
wrong one. The final summary has the exact counts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from agreement_nlp.ingest.discover import discover
from agreement_nlp.ingest.records import FieldMap
from agreement_nlp.run.counting import count_records

# Counting is skipped past this much input: the bar then shows no total.
MAX_COUNT_BYTES = 2 * 1024**3


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} art/s" if speed else "- art/s", style="progress.data.speed")


def estimate_articles(
    inputs: Iterable[str | Path],
    glob: str = "*",
    input_format: str | None = None,
    fields: FieldMap | None = None,
) -> int | None:
    """How many articles the inputs hold; None when one of them cannot be counted cheaply.

    ``fields`` (the record fields of the run) lets a CSV without a text column count as
    the one error article it gives.

    >>> estimate_articles([]) is None
    True
    """
    total = 0
    size = 0
    found = False
    for inp in discover(inputs, glob, input_format):
        found = True
        if inp.path is None:
            return None
        with suppress(OSError):  # a missing file is one error article: counted below
            size += inp.path.stat().st_size
        if size > MAX_COUNT_BYTES:
            return None
        n = count_records(inp, fields)
        if n is None:
            return None
        total += n
    return total if found else None


@contextmanager
def progress_bar(enabled: bool, total: int | None) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``; shows a bar on stderr only when ``enabled``.

    >>> with progress_bar(False, 3) as advance:
    ...     advance(1)
    """
    if not enabled:
        yield lambda n: None
        return
    console = Console(stderr=True)
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("elapsed,"),
        TimeRemainingColumn(),
        TextColumn("left"),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("articles", total=total)
        yield lambda n: bar.advance(task, n)


def show_progress(quiet: bool) -> bool:
    """A bar only for a person watching: stderr is a terminal and ``--quiet`` is off."""
    return not quiet and sys.stderr.isatty()
