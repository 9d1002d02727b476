"""Constrained clustering: join the best-scoring pairs first, never across a cannot-link.

Both linking passes (events, people) score candidate pairs inside blocks, then hand the pairs
here. A pair joins two clusters when its score reaches the threshold and the two clusters do
not conflict (two rows of one article, dates that contradict each other): greedy best-first
agglomeration with cannot-link constraints, so a chain of weak resemblances never glues two
look-alikes together. What the constraint reads of a cluster is its summary, grown as
clusters join: the member list itself (:func:`pairwise`), or a digest that keeps the test
cheap for a long story (:mod:`agreement_nlp.link.constraints`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

S = TypeVar("S")


@dataclass(frozen=True)
class Constraint(Generic[S]):
    """Per item its summary; how two summaries join; whether two clusters conflict."""

    summaries: list[S]
    absorb: Callable[[S, S], S]
    conflict: Callable[[S, S], bool]


def _extend(a: list[int], b: list[int]) -> list[int]:
    big, small = (a, b) if len(a) >= len(b) else (b, a)
    big += small
    return big


def pairwise(n: int, cannot_link: Callable[[int, int], bool]) -> Constraint[list[int]]:
    """Two clusters conflict when any member of one cannot link to any member of the other."""
    return Constraint(
        [[i] for i in range(n)],
        _extend,
        lambda a, b: any(cannot_link(x, y) for x in a for y in b),
    )


def cluster(
    n: int,
    pairs: Iterable[tuple[float, int, int]],
    threshold: float,
    constraint: Constraint[S],
) -> tuple[list[int], list[float]]:
    """Cluster ``n`` items; return each item's cluster (its smallest member) and, per
    cluster root, the weakest score that joined it (1.0 for a single item).

    >>> apart = pairwise(4, lambda a, b: {a, b} == {0, 2})
    >>> cluster(4, [(0.9, 0, 1), (0.8, 1, 2), (0.7, 2, 3)], 0.75, apart)
    ([0, 0, 2, 3], [0.9, 1.0, 1.0, 1.0])
    """
    root = list(range(n))
    summary: dict[int, S] = dict(enumerate(constraint.summaries))
    weakest = [1.0] * n

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for score, a, b in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if score < threshold:
            break
        ra, rb = find(a), find(b)
        if ra == rb or constraint.conflict(summary[ra], summary[rb]):
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        root[gone] = keep
        summary[keep] = constraint.absorb(summary[keep], summary.pop(gone))
        weakest[keep] = min(weakest[keep], weakest[gone], score)
    return [find(i) for i in range(n)], weakest
