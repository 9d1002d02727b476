"""Record formats (JSONL, JSON list, CSV/TSV) and the mapping of record fields to articles.

Each reader takes already-opened, already-decoded input and yields one
:class:`~agreement_nlp.article.Article` per record, bad records included
(with ``status="error"`` and a message naming the file and the line or row).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from agreement_nlp.article import Article, failed
from agreement_nlp.ingest.decode import TOO_LONG, InputError
from agreement_nlp.ingest.published import not_a_date, published_iso

# Long articles in one CSV cell exceed the csv module's default 128 KiB limit.
CSV_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)


@dataclass(frozen=True)
class FieldMap:
    """Which record fields hold the id, text, title, date and URL; the first present wins.

    >>> FieldMap.build(text="corps").text
    ('corps',)
    """

    id: tuple[str, ...] = ("id",)
    text: tuple[str, ...] = ("text", "content", "body")
    title: tuple[str, ...] = ("title",)
    date: tuple[str, ...] = ("published_at", "date")
    url: tuple[str, ...] = ("url",)

    @classmethod
    def build(
        cls,
        id: str | None = None,
        text: str | None = None,
        title: str | None = None,
        date: str | None = None,
        url: str | None = None,
    ) -> FieldMap:
        """The default mapping, with each given field name replacing its defaults."""
        d = cls()
        return cls(
            id=(id,) if id else d.id,
            text=(text,) if text else d.text,
            title=(title,) if title else d.title,
            date=(date,) if date else d.date,
            url=(url,) if url else d.url,
        )


DEFAULT_FIELDS = FieldMap()


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        if name in record and record[name] not in (None, ""):
            return name, record[name]
    return None, None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool | int | float):
        return str(value)
    return None


def generated_id(stem: str, position: int) -> str:
    """Id for a record without one: stable, from its source and position.

    >>> generated_id("depeches", 12)
    'depeches-12'
    """
    return f"{stem}-{position}"


def record_to_article(
    record: Mapping[str, Any],
    source: str,
    position: int,
    fields: FieldMap = DEFAULT_FIELDS,
    stem: str | None = None,
) -> Article:
    """Map one record to an article; ``source`` names the file and line or row.

    >>> a = record_to_article({"id": 7, "content": "Texte.", "date": "2024-05-12"}, "a.jsonl:3", 3)
    >>> a.article_id, a.text, a.published_at, a.published_at_source
    ('7', 'Texte.', '2024-05-12', 'record')
    """
    stem = stem if stem is not None else PurePath(source.rsplit(":", 1)[0]).stem
    record, replaced = without_surrogates(record)
    article = _to_article(record, source, position, fields, stem)
    if replaced and article.ok:
        _note(article, f"{source}: {replaced} lone surrogate(s) replaced by U+FFFD")
    given = article.published_at
    if given and (iso := published_iso(given)) != given:
        article.published_at = iso
        article.published_at_source = "record" if iso else None
        if iso is None and article.ok:
            _note(article, f"{source}: {not_a_date(given)}")
    return article


def _note(article: Article, message: str) -> None:
    """A remark on an article that is still processed: in its error cell and on stderr."""
    article.note(message)
    print(f"warning: {message}", file=sys.stderr)


# A lone surrogate ("\ud800" escaped in JSON) is no character: the tokenizer cannot encode
# it, and one such record used to end the whole run.
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(record: Mapping[str, Any]) -> tuple[Mapping[str, Any], int]:
    """The record with lone surrogates in its text values replaced by U+FFFD, one for one
    (offsets into the text still hold), and how many there were.

    >>> without_surrogates({"text": "Ba\\ud800 a signé", "n": 3})
    ({'text': 'Ba\ufffd a signé', 'n': 3}, 1)
    """
    n = sum(len(_SURROGATE.findall(v)) for v in record.values() if isinstance(v, str))
    if not n:
        return record, 0
    return {
        k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in record.items()
    }, n


def _to_article(
    record: Mapping[str, Any], source: str, position: int, fields: FieldMap, stem: str
) -> Article:
    _, raw_id = _first(record, fields.id)
    article_id = _as_text(raw_id) or generated_id(stem, position)
    text_field, text = _first(record, fields.text)
    if text is None:
        present = [n for n in fields.text if n in record]
        problem = (
            f"record has an empty {present[0]!r} field"
            if present and record[present[0]] == ""
            else f"record has no text (looked for field {', '.join(map(repr, fields.text))})"
        )
        if present and record[present[0]] == "":
            return failed(article_id, source, f"{source}: {problem}", status="empty")
        return failed(article_id, source, f"{source}: {problem}")
    if not isinstance(text, str):
        return failed(
            article_id,
            source,
            f"{source}: field {text_field!r} is a {type(text).__name__}, not text",
        )
    _, published = _first(record, fields.date)
    published_at = _as_text(published)
    _, title = _first(record, fields.title)
    _, url = _first(record, fields.url)
    empty = not text.strip()
    return Article(
        article_id=article_id,
        text=text,
        title=_as_text(title),
        published_at=published_at,
        published_at_source="record" if published_at else None,
        url=_as_text(url),
        source=source,
        status="empty" if empty else "ok",
        error=f"{source}: empty text" if empty else None,
    )


def read_jsonl_lines(
    lines: Iterable[tuple[int, str, str | None]],
    display: str,
    stem: str,
    fields: FieldMap = DEFAULT_FIELDS,
) -> Iterator[Article]:
    """One article per non-blank JSON line; ``lines`` as from :func:`.decode.decode_lines`.

    >>> lines = [(1, '{"text": "A."}', None), (2, "{oops", None)]
    >>> [a.status for a in read_jsonl_lines(lines, "f", "f")]
    ['ok', 'error']
    """
    for lineno, line, problem in lines:
        if not line.strip():
            continue
        where = f"{display}:{lineno}"
        fallback_id = generated_id(stem, lineno)
        if problem is not None and problem.startswith(TOO_LONG):
            yield failed(fallback_id, where, f"{where}: {problem}", status="skipped")
            continue
        if problem is not None:
            yield failed(fallback_id, where, f"{where}: undecodable bytes ({problem})")
            continue
        try:
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield failed(
                fallback_id,
                where,
                f"{where}: malformed JSON line ({exc.msg} at column {exc.colno})",
            )
            continue
        except RecursionError:
            yield failed(fallback_id, where, f"{where}: malformed JSON line (nested too deeply)")
            continue
        if not isinstance(record, dict):
            yield failed(
                fallback_id,
                where,
                f"{where}: JSON line is a {type(record).__name__}, not an object",
            )
            continue
        yield record_to_article(record, where, lineno, fields, stem)


def read_json_document(
    text: str, display: str, stem: str, fields: FieldMap = DEFAULT_FIELDS
) -> Iterator[Article]:
    """A ``.json`` file: a list of records (a single object is one record).

    Raises :class:`~agreement_nlp.ingest.decode.InputError` when the file is not
    JSON at all, since no record can then be told apart.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from exc
    except RecursionError as exc:
        raise InputError("malformed JSON (nested too deeply)") from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InputError(f"expected a list of records, found a {type(data).__name__}")
    for index, record in enumerate(data, start=1):
        where = f"{display}:[{index}]"
        if not isinstance(record, dict):
            yield failed(
                generated_id(stem, index),
                where,
                f"{where}: record {index} is a {type(record).__name__}, not an object",
            )
            continue
        yield record_to_article(record, where, index, fields, stem)


def sniff_delimiter(header: str, default: str = ",") -> str:
    """``,``, ``;`` or tab, whichever the header line uses most.

    >>> sniff_delimiter("id;titre;text")
    ';'
    """
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else default


def read_csv_lines(
    lines: Iterable[tuple[int, str, str | None]],
    display: str,
    stem: str,
    fields: FieldMap = DEFAULT_FIELDS,
    delimiter: str | None = None,
) -> Iterator[Article]:
    """CSV/TSV with a header row; one article per data row.

    A row whose number of fields differs from the header is an error row (its
    values cannot be trusted to be in the right columns); so is a row spanning
    an undecodable line.

    >>> rows = [(1, "id;text\\n", None), (2, "7;Texte.\\n", None), (3, "8\\n", None)]
    >>> [(a.article_id, a.status) for a in read_csv_lines(rows, "f.csv", "f")]
    [('7', 'ok'), ('f-2', 'error')]
    """
    csv.field_size_limit(CSV_FIELD_LIMIT)
    source = _TrackedLines(lines)
    stream = iter(source)
    header_line = next(stream, None)
    if header_line is None or not header_line.strip():
        raise InputError("no header row", status="empty")
    if delimiter is None:
        delimiter = sniff_delimiter(header_line)
    header = csv_header(header_line, delimiter, fields)
    row_number = 0
    for first, last, values in _csv_rows(stream, delimiter, source):
        if isinstance(values, csv.Error):
            row_number += 1
            where = f"{display}:{first}"
            yield failed(
                generated_id(stem, row_number),
                where,
                f"{where}: row {row_number}: bad CSV ({values})",
            )
            continue
        if not values or not any(v.strip() for v in values):
            continue
        row_number += 1
        bad = [f"line {n}: {source.bad[n]}" for n in range(first, last + 1) if n in source.bad]
        yield _csv_article(values, header, bad, f"{display}:{first}", row_number, fields, stem)


class _TrackedLines:
    """The texts of decoded lines, keeping the last line number read and the undecodable lines."""

    def __init__(self, lines: Iterable[tuple[int, str, str | None]]) -> None:
        self._lines = lines
        self.last: int | None = None
        self.bad: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        for lineno, line, problem in self._lines:
            self.last = lineno
            if problem is not None:
                self.bad[lineno] = problem
            yield line


def csv_header(header_line: str, delimiter: str, fields: FieldMap) -> list[str]:
    """The column names of a CSV header line; the header must name a text column.

    >>> csv_header("id; corps ", ";", FieldMap.build(text="corps"))
    ['id', 'corps']
    """
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    header = [h.strip() for h in header]
    if not any(name in header for name in fields.text):
        raise InputError(
            f"no text column (looked for {', '.join(map(repr, fields.text))}; "
            f"header has {', '.join(map(repr, header))})"
        )
    return header


def _csv_rows(
    stream: Iterator[str], delimiter: str, source: _TrackedLines
) -> Iterator[tuple[int, int, list[str] | csv.Error]]:
    """The rows after the header: (first line, last line, values or the CSV error)."""
    reader = csv.reader(stream, delimiter=delimiter)
    last_line = 1
    while True:
        values: list[str] | csv.Error
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            values = exc
        first = last_line + 1
        last_line = source.last if source.last is not None else first
        yield first, last_line, values


def _csv_article(
    values: list[str],
    header: list[str],
    bad: list[str],
    where: str,
    row_number: int,
    fields: FieldMap,
    stem: str,
) -> Article:
    """One data row as an article; an error row when it spans undecodable lines
    (``bad``) or its number of fields differs from the header's."""
    fallback_id = generated_id(stem, row_number)
    if bad:
        return failed(
            fallback_id,
            where,
            f"{where}: row {row_number}: undecodable bytes ({'; '.join(bad)})",
        )
    if len(values) != len(header):
        missing = header[len(values) :]
        detail = f", missing {', '.join(map(repr, missing))}" if missing else ""
        return failed(
            fallback_id,
            where,
            f"{where}: row {row_number}: {len(values)} fields, header has {len(header)}{detail}",
        )
    record = dict(zip(header, values, strict=True))
    return record_to_article(record, where, row_number, fields, stem)
