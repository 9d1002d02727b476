"""Which inputs to read, and in which format.

A path is a file or a folder; folders are walked recursively in sorted order
(so ids and output rows are the same on every run), keeping the files whose
path matches ``--glob`` and whose format is known. ``-`` is stdin.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

INPUT_FORMATS = ("txt", "jsonl", "json", "csv", "tsv", "html")
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
}
COMPRESSED_SUFFIXES = (".gz", ".gzip")
STDIN = "-"


@dataclass(frozen=True)
class InputFile:
    """One input to read: a file, or stdin when ``path`` is None."""

    path: Path | None
    fmt: str | None  # None: unknown format
    display: str  # how messages and the ``source`` column name it

    @property
    def stem(self) -> str:
        return stem_of(self.display) if self.path is not None else "stdin"


def _suffixes(name: str) -> tuple[str, str]:
    """(format suffix, compression suffix) of a file name, lower case."""
    path = PurePosixPath(name.lower())
    compression = ""
    if path.suffix in COMPRESSED_SUFFIXES:
        compression = path.suffix
        path = path.with_suffix("")
    return path.suffix, compression


def format_of(name: str) -> str | None:
    """Input format from a file name, looking through ``.gz``.

    >>> format_of("depeches/2024-05.JSONL.gz"), format_of("notes.md")
    ('jsonl', None)
    """
    suffix, _ = _suffixes(name)
    return SUFFIX_FORMATS.get(suffix)


def stem_of(name: str) -> str:
    """File name without its format and compression suffixes: a ``.txt`` article's id.

    >>> stem_of("raw/mali-accord.txt.gz")
    'mali-accord'
    """
    path = PurePosixPath(name.replace("\\", "/"))
    suffix, compression = _suffixes(path.name)
    base = path.name
    for part in (compression, suffix if suffix in SUFFIX_FORMATS else ""):
        if part and base.lower().endswith(part):
            base = base[: -len(part)]
    return base or path.name


def walk(folder: Path, glob: str = "*") -> Iterator[Path]:
    """Files under ``folder`` whose relative path matches ``glob``, sorted, hidden ones left out.

    Symbolic links to folders are not followed, so a link loop cannot hang a run.
    """
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = Path(root) / name
            rel = PurePosixPath(path.relative_to(folder).as_posix())
            if rel.match(glob):
                found.append((rel.as_posix(), path))
    for _, path in sorted(found):
        yield path


def discover(
    inputs: Iterable[str | Path],
    glob: str = "*",
    input_format: str | None = None,
    ignored: list[str] | None = None,
) -> Iterator[InputFile]:
    """Expand files, folders and ``-`` into the inputs to read.

    Files named on the command line are always yielded (an unknown format is
    reported by the reader); inside folders only known formats are kept, so a
    stray ``README.md`` is not an error: the others are added to ``ignored``.
    """
    for item in inputs:
        if str(item) == STDIN:
            yield InputFile(None, input_format or "jsonl", "<stdin>")
            continue
        path = Path(item)
        if path.is_dir():
            for child in walk(path, glob):
                fmt = input_format or format_of(child.name)
                if fmt is not None:
                    yield InputFile(child, fmt, str(child))
                elif ignored is not None:
                    ignored.append(str(child))
        else:
            yield InputFile(path, input_format or format_of(path.name), str(path))
