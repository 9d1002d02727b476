"""The hard rules of event linking: a cluster's summary tests what every pair across would."""

from __future__ import annotations

import random

from agreement_nlp.link.config import default_config
from agreement_nlp.link.constraints import Hard, cannot_link, conflict
from agreement_nlp.link.features import Report

PARTIES = ["BAD", "SEN", "MRT", "MLI"]
STATUSES = ["signed", "announced", "negotiating", "ratified"]


def _random_report(rng: random.Random, n: int) -> Report:
    signed = rng.choice(["", "2025-03-10", "2025-03-11", "2025-03-14", "2025-03-27"])
    return Report(
        article_id=f"a{rng.randrange(6)}",
        agreement_id=f"A{n}",
        title="Accord",
        type="accord",
        parties=frozenset(rng.sample(PARTIES, rng.randint(1, 2))),
        domains=frozenset(),
        signed_on=signed,
        place="",
        status=rng.choice(STATUSES),
        published_at=f"2025-03-{rng.randint(9, 30):02d}",
        evidence="",
        confidence=1.0,
    )


def _summary(reports: list[Report]) -> Hard:
    out = Hard.of(reports[0])
    for r in reports[1:]:
        out = out.absorb(Hard.of(r))
    return out


def test_a_summary_conflicts_exactly_when_a_pair_across_does() -> None:
    rng = random.Random(7)
    config = default_config()
    for trial in range(2000):
        a = [_random_report(rng, i) for i in range(rng.randint(1, 3))]
        b = [_random_report(rng, i) for i in range(rng.randint(1, 3))]
        expected = any(cannot_link(x, y, config) for x in a for y in b)
        assert conflict(_summary(a), _summary(b), config) == expected, trial


def test_absorbing_keeps_both_clusters() -> None:
    rng = random.Random(3)
    a, b = _random_report(rng, 1), _random_report(rng, 2)
    joined = Hard.of(a).absorb(Hard.of(b))
    assert joined.articles == {a.article_id, b.article_id}
    assert joined.party_sets == {a.parties, b.parties}
