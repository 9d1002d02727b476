"""The hard rules of event linking: when two reports, or two clusters of them, cannot be one
event, whatever their score.

Two reports cannot be one event when they are rows of one article, share no party, give
signing dates more than ``max_signing_gap_days`` apart, or when one tells the agreement
announced or under negotiation after the other's signing. A cluster is summarised by what
these rules read (its articles, party sets, signing-date range, latest announcement), so the
test between two clusters costs as little as between two reports, however long the story;
the summary test gives exactly what testing every pair across the two clusters would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from agreement_nlp.link.config import LinkConfig
from agreement_nlp.link.features import Report

T = TypeVar("T")
_TO_COME = frozenset({"announced", "negotiating"})


@dataclass
class Hard:
    """What the hard rules read of a cluster of reports."""

    articles: set[str]
    party_sets: set[frozenset[str]]
    first_signed: int | None  # day ordinals
    last_signed: int | None
    last_to_come: int | None  # publication of the latest "announced"/"negotiating" report

    @classmethod
    def of(cls, r: Report) -> Hard:
        signed = r.signed_day.toordinal() if r.signed_day else None
        told = r.published_day.toordinal() if r.published_day else None
        return cls(
            {r.article_id}, {r.parties}, signed, signed, told if r.status in _TO_COME else None
        )

    def absorb(self, other: Hard) -> Hard:
        """This summary grown by ``other``'s (in place: the larger set takes the smaller)."""
        self.articles = _union(self.articles, other.articles)
        self.party_sets = _union(self.party_sets, other.party_sets)
        self.first_signed = _pick(min, self.first_signed, other.first_signed)
        self.last_signed = _pick(max, self.last_signed, other.last_signed)
        self.last_to_come = _pick(max, self.last_to_come, other.last_to_come)
        return self


def _union(a: set[T], b: set[T]) -> set[T]:
    big, small = (a, b) if len(a) >= len(b) else (b, a)
    big |= small
    return big


def _pick(choose: Callable[[int, int], int], a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else choose(a, b)


def conflict(a: Hard, b: Hard, config: LinkConfig) -> bool:
    """True when some report of ``a`` and some report of ``b`` cannot be one event."""
    gap = config.max_signing_gap_days
    if not a.articles.isdisjoint(b.articles):
        return True
    if any(not pa & pb for pa in a.party_sets for pb in b.party_sets):
        return True
    for early, late in ((a, b), (b, a)):
        if early.first_signed is not None:
            if late.last_signed is not None and late.last_signed - early.first_signed > gap:
                return True
            if late.last_to_come is not None and late.last_to_come - early.first_signed > gap:
                return True
    return False


def cannot_link(a: Report, b: Report, config: LinkConfig) -> bool:
    """The hard rules between two reports."""
    return conflict(Hard.of(a), Hard.of(b), config)
