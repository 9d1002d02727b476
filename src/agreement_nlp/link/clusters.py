"""Constrained clustering: join the best-scoring pairs first, never across a cannot-link.

Both linking passes (events, people) score candidate pairs inside blocks, then hand the pairs
here. A pair joins two clusters when its score reaches the threshold and no member of one
cluster cannot be linked to a member of the other (two rows of one article, dates that
contradict each other): greedy best-first agglomeration with cannot-link constraints, so a
chain of weak resemblances never glues two look-alikes together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def cluster(
    n: int,
    pairs: Iterable[tuple[float, int, int]],
    threshold: float,
    cannot_link: Callable[[int, int], bool],
) -> tuple[list[int], list[float]]:
    """Cluster ``n`` items; return each item's cluster (its smallest member) and, per
    cluster root, the weakest score that joined it (1.0 for a single item).

    >>> cluster(4, [(0.9, 0, 1), (0.8, 1, 2), (0.7, 2, 3)], 0.75, lambda a, b: {a, b} == {0, 2})
    ([0, 0, 2, 3], [0.9, 1.0, 1.0, 1.0])
    """
    root = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
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
        if ra == rb:
            continue
        if any(cannot_link(x, y) for x in members[ra] for y in members[rb]):
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        root[gone] = keep
        members[keep] += members.pop(gone)
        weakest[keep] = min(weakest[keep], weakest[gone], score)
    return [find(i) for i in range(n)], weakest
