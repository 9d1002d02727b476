"""The input record: one article as read, before any NLP."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["ok", "empty", "skipped", "error"]


@dataclass
class Article:
    """One article as read from an input.

    ``text`` is kept exactly as read: every character offset in the output
    tables points into it.
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

    @property
    def ok(self) -> bool:
        return self.status == "ok"
