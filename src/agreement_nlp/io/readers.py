"""Reading article dumps: files, folders, JSONL and stdin.

Every input yields :class:`~agreement_nlp.article.Article` objects; an input
that cannot be read yields an article with ``status="error"`` and a message
naming the file and the problem, so that nothing is silently lost.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from agreement_nlp.article import Article

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def read_text_file(path: Path) -> Article:
    """A ``.txt`` file is one article; its id is the file stem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read file ({exc.strerror or exc})"
        _warn(msg)
        return Article(article_id=path.stem, text="", source=str(path), status="error", error=msg)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        return Article(
            article_id=path.stem, text=text, source=str(path), status="empty", error="empty text"
        )
    return Article(article_id=path.stem, text=text, source=str(path))


def record_to_article(record: dict[str, Any], source: str, position: int) -> Article:
    """Map a JSON record to an article (fields: id, text, title, published_at, url, source)."""
    art_id = record.get("id")
    article_id = str(art_id) if art_id not in (None, "") else f"{Path(source).stem}-{position}"
    text = record.get("text")
    if not isinstance(text, str):
        return Article(
            article_id=article_id,
            text="",
            source=source,
            status="error",
            error=f"{source}: record has no text field",
        )
    published = record.get("published_at") or record.get("date")
    return Article(
        article_id=article_id,
        text=text,
        title=record.get("title") or None,
        published_at=str(published) if published else None,
        published_at_source="record" if published else None,
        url=record.get("url") or None,
        source=record.get("source") or source,
        status="ok" if text.strip() else "empty",
        error=None if text.strip() else "empty text",
    )


def read_jsonl_stream(stream: IO[str], source: str) -> Iterator[Article]:
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            msg = f"{where}: malformed JSON line ({exc.msg})"
            _warn(msg)
            yield Article(
                article_id=f"{Path(source).stem}-{lineno}",
                text="",
                source=where,
                status="error",
                error=msg,
            )
            continue
        if not isinstance(record, dict):
            msg = f"{where}: JSON line is not an object"
            _warn(msg)
            yield Article(
                article_id=f"{Path(source).stem}-{lineno}", text="", source=where,
                status="error", error=msg,
            )
            continue
        yield record_to_article(record, where, lineno)


def read_jsonl_file(path: Path) -> Iterator[Article]:
    try:
        with path.open(encoding="utf-8-sig") as fh:
            yield from read_jsonl_stream(fh, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"{path}: cannot read JSONL ({exc})"
        _warn(msg)
        yield Article(article_id=path.stem, text="", source=str(path), status="error", error=msg)


def read_path(path: Path) -> Iterator[Article]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in SUPPORTED_SUFFIXES:
                yield from read_path(child)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)
    elif suffix in TEXT_SUFFIXES:
        yield read_text_file(path)
    elif not path.exists():
        msg = f"{path}: no such file or folder"
        _warn(msg)
        yield Article(article_id=path.stem, text="", source=str(path), status="error", error=msg)
    else:
        msg = f"{path}: unsupported input format {suffix or '(no extension)'!r}"
        _warn(msg)
        yield Article(article_id=path.stem, text="", source=str(path), status="skipped", error=msg)


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[Article]:
    """Read every input lazily; ``-`` reads JSONL from stdin."""
    for item in inputs:
        if str(item) == "-":
            yield from read_jsonl_stream(sys.stdin, "<stdin>")
        else:
            yield from read_path(Path(item))
