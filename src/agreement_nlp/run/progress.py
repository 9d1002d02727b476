"""Progress display for long runs: a bar on stderr when it is a terminal, nothing otherwise.

The total is an estimate made by counting records cheaply (lines of JSONL
and CSV files, one per text or HTML file) before the run; the exact counts
are in the final summary.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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

from agreement_nlp.ingest.compressed import GZIP_ERRORS, maybe_gunzip
from agreement_nlp.ingest.discover import discover

# Counting is skipped past this much input: the bar then shows no total.
MAX_COUNT_BYTES = 2 * 1024**3


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} art/s" if speed else "- art/s", style="progress.data.speed")


def _count_lines(path: Path) -> int:
    n = 0
    with path.open("rb") as raw:
        stream = maybe_gunzip(raw)
        while chunk := stream.read(1 << 20):
            n += chunk.count(b"\n")
    return n


def estimate_articles(
    inputs: Iterable[str | Path], glob: str = "*", input_format: str | None = None
) -> int | None:
    """About how many articles the inputs hold; None when it cannot be told cheaply (stdin).

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
        try:
            size += inp.path.stat().st_size
            if size > MAX_COUNT_BYTES:
                return None
            if inp.fmt in ("jsonl", "csv", "tsv"):
                total += max(1, _count_lines(inp.path) - (inp.fmt != "jsonl"))
            elif inp.fmt == "json":
                with inp.path.open("rb") as raw:
                    data = json.loads(maybe_gunzip(raw).read())
                total += len(data) if isinstance(data, list) else 1
            else:
                total += 1
        except (OSError, ValueError, RecursionError, *GZIP_ERRORS):
            total += 1
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
