"""How many articles an input will give, counted the readers' way where that is cheap.

A count is exact or absent, never a guess from the number of lines:

- a ``.txt`` or ``.html`` file is one article (compressed or not), and so is an
  input the readers turn into one error article (unknown format, missing file,
  empty or binary file, a CSV without header or text column);
- JSONL: one article per non-blank line;
- CSV/TSV: one article per non-blank row after the header, as long as every row
  is one line;
- no count (None) where lines are not records or cannot be told apart without
  reading everything: a CSV/TSV with a quoted field over several lines, a JSON
  document, a gzip-compressed JSONL/CSV/TSV, UTF-16, stdin.

>>> from agreement_nlp.ingest.discover import InputFile
>>> count_records(InputFile(None, "jsonl", "<stdin>")) is None
True
>>> row_counts('7,"Texte, avec virgule"\\n', ","), row_counts(' , \\n', ","), row_counts('7,"A\\n', ",")
(True, False, None)
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import chain
from typing import IO

from agreement_nlp.ingest.compressed import GZIP_MAGIC
from agreement_nlp.ingest.decode import SNIFF_BYTES, InputError, sniff_encoding
from agreement_nlp.ingest.discover import InputFile
from agreement_nlp.ingest.readers import path_problem
from agreement_nlp.ingest.records import CSV_FIELD_LIMIT, FieldMap, csv_header, sniff_delimiter

LINE_FORMATS = ("jsonl", "csv", "tsv")


def count_records(inp: InputFile, fields: FieldMap | None = None) -> int | None:
    """The number of articles the readers make of ``inp``, or None when it is not cheap to tell.

    With ``fields`` given, a CSV header without a text column counts as the one error
    article it gives; without, the header is not checked.
    """
    if inp.path is None:
        return None  # stdin can be read only once
    if inp.fmt not in (*LINE_FORMATS, "json"):
        return 1  # a text or HTML page is one article, an unsupported format one error
    if path_problem(inp.path) is not None:
        return 1  # missing, a FIFO (opening it would wait forever), a link loop: one row
    if inp.fmt == "json":
        return None  # a list of records: only parsing the whole document tells
    try:
        raw = inp.path.open("rb")
    except OSError:
        return 1
    try:
        with raw:
            return _count_line_records(raw, inp.fmt, fields)
    except OSError:
        return None


def _count_line_records(raw: IO[bytes], fmt: str, fields: FieldMap | None) -> int | None:
    sample = raw.read(SNIFF_BYTES)
    if sample[:2] == GZIP_MAGIC:
        return None  # counting would mean decompressing everything
    if not sample.strip():
        return 1  # "empty file"
    try:
        encoding = sniff_encoding(sample)
    except InputError:
        return 1  # binary content
    if encoding == "utf-16" or (b"\r" in sample and b"\n" not in sample):
        return None  # lines the readers split otherwise
    if fmt == "jsonl":
        n: int | None = _count_nonblank_lines(chain([sample], iter(lambda: raw.read(1 << 20), b"")))
    else:
        lines = _text_lines(chain(io.BytesIO(sample + raw.readline()), raw), encoding)
        n = _count_rows(lines, "\t" if fmt == "tsv" else None, fields)
    # No record at all is still one article ("no records").
    return None if n is None else max(1, n)


def _count_nonblank_lines(blocks: Iterator[bytes]) -> int:
    """Lines holding more than white space, read in blocks: a huge line is never held.

    >>> _count_nonblank_lines(iter([b'{"a": 1}\\n\\n  \\n{"b"', b': 2}']))
    2
    """
    n, filled = 0, False
    for block in blocks:
        *ended, rest = block.split(b"\n")
        for part in ended:  # each ends a line
            n += filled or bool(part.strip())
            filled = False
        filled = filled or bool(rest.strip())
    return n + filled


def _text_lines(lines: Iterator[bytes], encoding: str) -> Iterator[str]:
    """The lines decoded as the readers decode them (bad bytes replaced: still a line)."""
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    for i, line in enumerate(lines):
        if i == 0 and codec == "utf-8":
            line = line.removeprefix(codecs.BOM_UTF8)  # noqa: PLW2901
        yield line.decode(codec, errors="replace")


def _count_rows(lines: Iterator[str], delimiter: str | None, fields: FieldMap | None) -> int | None:
    """Data rows after the header line; None when a row goes on over several lines."""
    header_line = next(lines, None)
    if header_line is None or not header_line.strip():
        return 0  # "no header row"
    if delimiter is None:
        delimiter = sniff_delimiter(header_line)
    csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        if fields is None:
            next(csv.reader([header_line], delimiter=delimiter), [])
        else:
            csv_header(header_line, delimiter, fields)
    except (InputError, csv.Error):
        return 0  # a broken header, or no text column: one error article
    rows = 0
    for line in lines:
        counts = row_counts(line, delimiter)
        if counts is None:
            return None
        rows += counts
    return rows


def row_counts(line: str, delimiter: str) -> bool | None:
    """Whether one line of a CSV file is a row the reader makes an article of (a blank row is
    not); None when a quoted field goes on past the end of the line."""
    body = line.removesuffix("\n").removesuffix("\r")
    if '"' not in body and "\r" not in body:
        # No quoting: the fields are the parts between delimiters.
        return bool(body.replace(delimiter, "").strip())
    try:
        values = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return True  # a bad row is an error article
    if any("\n" in v for v in values):
        return None  # the line ended inside a quoted field
    return any(v.strip() for v in values)
