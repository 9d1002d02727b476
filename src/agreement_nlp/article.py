"""The input record: one article as read, before any NLP."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["ok", "empty", "skipped", "error"]
STATUSES: tuple[Status, ...] = ("ok", "empty", "skipped", "error")


@dataclass
class Article:
    """One article as read from an input.

    ``text`` is kept exactly as read: every character offset in the output
    tables points into it.

    ``unreadable`` marks the row that stands for a whole input (file, stdin)
    that could not be read at all, as opposed to one bad record inside a
    readable file: the CLI exits non-zero only for the former (or for any
    error with ``--strict``).

    >>> Article("a1", "Texte.").ok
    True
    """

    article_id: str
    text: str
    title: str | None = None
    published_at: str | None = None
    url: str | None = None
    source: str | None = None
    status: Status = "ok"
    error: str | None = None
    published_at_source: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)
    unreadable: bool = False

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def note(self, message: str) -> None:
        """Add ``message`` to ``error`` without losing what was already there."""
        self.error = f"{self.error}; {message}" if self.error else message


def failed(
    article_id: str,
    source: str,
    message: str,
    *,
    status: Status = "error",
    unreadable: bool = False,
) -> Article:
    """An article row standing for input that yielded no usable text.

    >>> failed("x", "a.txt", "a.txt: empty file", status="empty").status
    'empty'
    """
    return Article(
        article_id=article_id,
        text="",
        source=source,
        status=status,
        error=message,
        unreadable=unreadable,
    )


def text_hash(text: str) -> str:
    """SHA-256 of a text (UTF-8, lone surrogates as U+FFFD), in hex: identical articles share it.

    >>> text_hash("Le ministre a parlé.")[:12]
    'b443a0b1a63a'
    """
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
