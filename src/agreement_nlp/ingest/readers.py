"""Reading article dumps: files, folders and stdin, in every supported format.

Every input yields :class:`~agreement_nlp.article.Article` objects, lazily.
Nothing is silently lost: an input that cannot be read yields one article
with ``status`` ``error``/``skipped``/``empty`` and a message naming the file
(and the line or row for record formats), and a warning goes to stderr; the
next inputs are read as usual.

Formats (by extension, through ``.gz``, or forced with ``input_format``):
``txt`` (one article, id = file stem), ``jsonl``, ``json`` (list of records),
``csv``/``tsv`` (header row), ``html`` (main text via trafilatura).
"""

from __future__ import annotations

import errno
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from agreement_nlp.article import Article, Status, failed
from agreement_nlp.ingest.compressed import GZIP_ERRORS, gzip_problem, maybe_gunzip, read_limited
from agreement_nlp.ingest.decode import (
    SNIFF_BYTES,
    InputError,
    Overlong,
    decode_bytes,
    decode_lines,
    sniff_encoding,
)
from agreement_nlp.ingest.discover import INPUT_FORMATS, InputFile, discover
from agreement_nlp.ingest.html import extract_page
from agreement_nlp.ingest.records import (
    DEFAULT_FIELDS,
    FieldMap,
    read_csv_lines,
    read_json_document,
    read_jsonl_lines,
    record_to_article,
)
from agreement_nlp.lexicon.names import display_case
from agreement_nlp.segment.furniture import content_end, find_furniture
from agreement_nlp.segment.metadata import find_authors, find_title

__all__ = [
    "INPUT_FORMATS",
    "FieldMap",
    "ReadOptions",
    "iter_articles",
    "read_input",
    "record_to_article",
]

# Whole-document formats are read into memory: refuse what cannot be an article dump.
MAX_INPUT_BYTES = 64 * 1024 * 1024
# One article's text: longer ones are skipped (spaCy's own limit, which a lower one may replace).
MAX_CHARS = 1_000_000
# Metadata is searched in the article's head only: a 20 MB dump must not stall the reader.
METADATA_CHARS = 20_000


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: format, folder filter, record fields, limits.

    >>> ReadOptions(input_format="csv").glob
    '*'
    """

    input_format: str | None = None
    glob: str = "*"
    fields: FieldMap = DEFAULT_FIELDS
    max_bytes: int = MAX_INPUT_BYTES
    max_chars: int = MAX_CHARS
    dedupe: bool = False  # skip an article whose text was seen before
    any_language: bool = False  # read articles that are surely not French too
    # filled while reading: files in folders whose format no reader takes
    ignored: list[str] = field(default_factory=list, compare=False)
    stdin: IO[bytes] | None = field(default=None, compare=False)


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _read_sample(stream: IO[bytes]) -> tuple[bytes, BaseException | None]:
    """The first bytes of ``stream``, read in small steps so a truncated gzip keeps what it has."""
    chunks: list[bytes] = []
    size = 0
    while size < SNIFF_BYTES:
        try:
            chunk = stream.read(8192)
        except GZIP_ERRORS as exc:
            return b"".join(chunks), exc
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks), None


class _CarriageReturns:
    """A stream whose lines end with a lone CR (old Mac exports) read as if they ended with LF."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.buffer = b""

    def readline(self, limit: int) -> bytes:
        while b"\n" not in self.buffer and len(self.buffer) < limit:
            chunk = self.stream.read(1 << 16)
            if not chunk:
                break
            self.buffer += chunk.replace(b"\r", b"\n")
        cut = self.buffer.find(b"\n")
        end = cut + 1 if 0 <= cut < limit else min(limit, len(self.buffer))
        line, self.buffer = self.buffer[:end], self.buffer[end:]
        return line


def _lines(stream: IO[bytes] | _CarriageReturns, limit: int) -> Iterator[bytes]:
    """The lines of ``stream``, none read past ``limit`` bytes: a longer one (one record of a
    decompression bomb) is skipped in blocks, never held, and given as :class:`Overlong`."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (block := stream.readline(1 << 20)) and not block.endswith(b"\n"):
            size += len(block)
        yield Overlong(f"{size + len(block)}".encode())


def _numbered(
    sample: bytes,
    failure: BaseException | None,
    stream: IO[bytes] | _CarriageReturns,
    seen: list[int],
    limit: int = MAX_INPUT_BYTES,
) -> Iterator[bytes]:
    """Lines of ``sample`` then of the rest of ``stream``; ``seen[0]`` counts them.

    After a read failure, the cut line is dropped (it is part of what is lost)
    and the failure is raised.
    """
    parts = sample.split(b"\n")
    tail = parts.pop()
    for part in parts:
        seen[0] += 1
        yield part + b"\n"
    if failure is not None:
        raise failure
    for line in _lines(stream, max(1, limit - len(tail))):
        seen[0] += 1
        yield (
            Overlong(b"%d" % (int(line) + len(tail))) if isinstance(line, Overlong) else tail + line
        )
        tail = b""
    if tail:
        seen[0] += 1
        yield tail


def _line_records(stream: IO[bytes], inp: InputFile, options: ReadOptions) -> Iterator[Article]:
    seen = [0]
    try:
        sample, failure = _read_sample(stream)
        if failure is not None and not sample:
            raise failure
        if not sample.strip():
            raise InputError("empty file", status="empty")
        encoding = sniff_encoding(sample)
        if encoding == "utf-16":
            text = (sample + stream.read(options.max_bytes)).decode("utf-16")
            lines: Iterator[tuple[int, str, str | None]] = (
                (n, line, None) for n, line in enumerate(text.splitlines(keepends=True), start=1)
            )
        else:
            source: IO[bytes] | _CarriageReturns = stream
            if b"\r" in sample and b"\n" not in sample:
                sample, source = sample.replace(b"\r", b"\n"), _CarriageReturns(stream)
            lines = decode_lines(
                _numbered(sample, failure, source, seen, options.max_bytes), encoding
            )
        if inp.fmt == "jsonl":
            yield from read_jsonl_lines(lines, inp.display, inp.stem, options.fields)
        else:
            delimiter = "\t" if inp.fmt == "tsv" else None
            yield from read_csv_lines(lines, inp.display, inp.stem, options.fields, delimiter)
    except GZIP_ERRORS as exc:
        where = f"{inp.display}:{seen[0]}" if seen[0] else inp.display
        after = f" after line {seen[0]}; the rest of the file is lost" if seen[0] else ""
        yield failed(
            f"{inp.stem}-truncated",
            where,
            f"{inp.display}: {gzip_problem(exc)}{after}",
            unreadable=True,
        )


def _whole_document(stream: IO[bytes], inp: InputFile, options: ReadOptions) -> Iterator[Article]:
    data = read_limited(stream, options.max_bytes)
    if not data.strip():
        raise InputError("empty file", status="empty")
    if inp.fmt == "html":
        page = extract_page(data)
        empty = not page.text.strip()
        yield Article(
            article_id=inp.stem,
            text=page.text,
            title=page.title,
            published_at=page.published_at,
            published_at_source="html" if page.published_at else None,
            url=page.url,
            source=inp.display,
            authors=list(page.authors),
            status="empty" if empty else "ok",
            error=f"{inp.display}: no text in the page" if empty else None,
        )
        return
    text = decode_bytes(data).text
    if inp.fmt == "json":
        yield from read_json_document(text, inp.display, inp.stem, options.fields)
        return
    if not text.strip():
        raise InputError("empty file (white space only)", status="empty")
    yield Article(article_id=inp.stem, text=text, source=inp.display)


def _open(inp: InputFile, options: ReadOptions) -> IO[bytes]:
    if inp.path is None:
        return options.stdin if options.stdin is not None else sys.stdin.buffer
    return inp.path.open("rb")


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def path_problem(path: Path) -> str | None:
    """Why a path cannot be read as a file, without opening it (opening a FIFO waits for a
    writer forever); None for a regular file.

    >>> path_problem(Path("no/such/file.txt"))
    'no such file or folder'
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot open ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _NOT_REGULAR if test(mode)), "not a regular file")
    return f"not a regular file: {kind}, skipped"


def read_input(inp: InputFile, options: ReadOptions = ReadOptions()) -> Iterator[Article]:
    """All articles of one input; never raises for bad content."""
    if inp.fmt not in INPUT_FORMATS:
        suffix = inp.path.suffix if inp.path is not None else ""
        msg = (
            f"{inp.display}: unsupported input format {suffix or '(no extension)'!r} "
            f"(see --input-format)"
        )
        yield failed(inp.stem, inp.display, msg, status="skipped", unreadable=True)
        return
    problem = path_problem(inp.path) if inp.path is not None else None
    if problem is not None:
        status: Status = "error" if problem == "no such file or folder" else "skipped"
        yield failed(
            inp.stem, inp.display, f"{inp.display}: {problem}", status=status, unreadable=True
        )
        return
    try:
        raw = _open(inp, options)
    except OSError as exc:
        msg = f"{inp.display}: cannot open ({exc.strerror or exc})"
        yield failed(inp.stem, inp.display, msg, unreadable=True)
        return
    try:
        stream = maybe_gunzip(raw)
        reader = _line_records if inp.fmt in ("jsonl", "csv", "tsv") else _whole_document
        n = 0
        for article in reader(stream, inp, options):
            n += 1
            yield article
        if n == 0:  # a header-only CSV, "[]", blank lines: still accounted for
            raise InputError("no records", status="empty")
    except InputError as exc:
        yield failed(
            inp.stem,
            inp.display,
            f"{inp.display}: {exc}",
            status=exc.status,
            unreadable=exc.status != "empty",
        )
    except GZIP_ERRORS as exc:
        yield failed(inp.stem, inp.display, f"{inp.display}: {gzip_problem(exc)}", unreadable=True)
    except OSError as exc:
        yield failed(
            inp.stem,
            inp.display,
            f"{inp.display}: cannot read ({exc.strerror or exc})",
            unreadable=True,
        )
    except Exception as exc:  # a bug in one reader must not stop the run
        msg = f"{inp.display}: unexpected error while reading ({type(exc).__name__}: {exc})"
        yield failed(inp.stem, inp.display, msg, unreadable=True)
    finally:
        if inp.path is not None:
            raw.close()


def complete_metadata(article: Article) -> Article:
    """Fill the title and authors from the text when the input gave none."""
    if not article.ok:
        return article
    head = article.text[:METADATA_CHARS]
    if not article.title:
        article.title = find_title(head)
    if not article.authors:
        end = content_end(head, find_furniture(head))
        # a byline's "Oumar DIOP" is listed as the persons table names him: "Oumar Diop"
        article.authors = [display_case(a.name) for a in find_authors(head, end)]
    return article


def iter_articles(
    inputs: Iterable[str | Path],
    options: ReadOptions = ReadOptions(),
) -> Iterator[Article]:
    """Read every input lazily; ``-`` reads stdin (JSONL unless ``input_format`` says otherwise).

    Each article that is not ``ok`` is also reported on stderr.
    """
    for inp in discover(inputs, options.glob, options.input_format, options.ignored):
        for article in read_input(inp, options):
            if not article.ok:
                warn(article.error or f"{article.source}: {article.status}")
            yield complete_metadata(article)
