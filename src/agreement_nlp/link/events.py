"""One row per agreement across articles: which ``agreements`` rows report the same event.

Reports are blocked by each of their parties and, inside a block, compared only with reports
within ``window_days`` of their own time (signing date, else publication date), so the cost
grows with the corpus, not with its square. Each compared pair is scored
(:mod:`agreement_nlp.link.features`); pairs are joined best first, never across a hard rule
(two rows of one article, signing dates apart, an announcement made after the other report's
signing): an announced memorandum and its later signing become one event whose status moves,
two loans to one country in one month stay two.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from agreement_nlp.link.clusters import Constraint, cluster
from agreement_nlp.link.config import LinkConfig
from agreement_nlp.link.constraints import Hard, conflict
from agreement_nlp.link.features import Report, pair_score

_STATUS_RANK = {"other": 0, "negotiating": 1, "announced": 2, "signed": 3, "ratified": 4}
_STATUS_RANK["suspended"] = 5


def candidate_pairs(reports: Sequence[Report], config: LinkConfig) -> Iterator[tuple[int, int]]:
    """The pairs of reports compared, each once as ``(i, j)``, ``i < j``: sharing a party,
    within ``window_days`` of each other. A pair is given by the block of the first party the
    two share, so no set of all pairs is held."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        for party in r.parties:
            blocks[party].append(i)
    for party, members in sorted(blocks.items()):
        timed = sorted((r.when.toordinal() if (r := reports[i]).when else 0, i) for i in members)
        start = 0
        for end, (t, i) in enumerate(timed):
            while timed[start][0] < t - config.window_days:
                start += 1
            mine = reports[i].parties
            for _, j in timed[start:end]:
                if min(mine & reports[j].parties) == party:
                    yield (i, j) if i < j else (j, i)


def event_clusters(reports: Sequence[Report], config: LinkConfig) -> tuple[list[int], list[float]]:
    """The cluster of each report, and per cluster root the weakest link that joined it."""
    hard = [Hard.of(r) for r in reports]
    pairs = []
    for a, b in candidate_pairs(reports, config):
        if not conflict(hard[a], hard[b], config):
            score = pair_score(reports[a], reports[b], config)
            if score >= config.threshold:  # the others could never join
                pairs.append((score, a, b))
    return cluster(
        len(reports),
        pairs,
        config.threshold,
        Constraint(hard, Hard.absorb, lambda a, b: conflict(a, b, config)),
    )


def _most_common(values: Sequence[str], after: str = "") -> str:
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == after, kv[0]))
    return ranked[0][0]


def _status(members: Sequence[Report]) -> str:
    """The latest report's status; a later report that only refers to it ("other") keeps
    the earlier one, and on one day the furthest along wins."""
    told = [r for r in members if r.status and r.status != "other"] or list(members)
    latest = max(told, key=lambda r: (r.published_at, _STATUS_RANK.get(r.status, 0)))
    return latest.status or "other"


def _signed_on(members: Sequence[Report]) -> str:
    counts = Counter(r.signed_on for r in members if r.signed_on)
    if not counts:
        return ""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def event_row(event_id: str, members: Sequence[Report], weakest: float) -> dict[str, object]:
    """The ``events`` row of one cluster of reports (in order of publication)."""
    members = sorted(members, key=lambda r: (r.published_at, r.article_id, r.agreement_id))
    best = max(members, key=lambda r: (r.confidence, len(r.title)))
    published = [r.published_at for r in members if r.published_at]
    articles = list(dict.fromkeys(r.article_id for r in members))
    return {
        "event_id": event_id,
        "title": best.title,
        "type": _most_common([r.type for r in members], after="accord"),
        "domains": sorted(set().union(*(r.domains for r in members))),
        "parties": sorted(set().union(*(r.parties for r in members))),
        "signed_on": _signed_on(members),
        "place": _most_common([r.place for r in members]),
        "status": _status(members),
        "n_reports": len(members),
        "first_reported": min(published) if published else None,
        "last_reported": max(published) if published else None,
        "article_ids": articles,
        "agreement_ids": [f"{r.article_id}:{r.agreement_id}" for r in members],
        "confidence": round(max(r.confidence for r in members) * weakest, 4),
    }
