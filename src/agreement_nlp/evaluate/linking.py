"""Scoring the linking pass: B-cubed precision, recall and F1 of events and people.

The cross-article gold (``data/linking/``) gives every gold agreement an ``event`` and
every gold minister and official a ``person``. In each article the gold rows are paired
with the predicted rows by the pairing rules of the table scores (agreements by title or
evidence, persons by name or alias); a paired gold row is a *mention* whose gold cluster
is its ``event`` (``person``) and whose system cluster is the ``event_id`` of the
predicted agreement (``person_key`` of the predicted person).

B-cubed (Bagga and Baldwin 1998) averages over the mentions: the precision of a mention
is the share of its system cluster that is in its gold cluster, its recall the share of
its gold cluster that is in its system cluster. Both are computed over paired mentions,
so that a row the extraction missed is not counted twice: ``coverage`` (paired / gold
mentions) says how many gold mentions the extraction found at all. The intervals
resample gold clusters (events, persons) with replacement: mentions of one cluster are
not independent.

>>> items = [LinkItem("a", "E1", "x"), LinkItem("b", "E1", "x"), LinkItem("c", "E2", "x")]
>>> [round(v, 2) for v in bcubed(items)]
[0.56, 1.0, 0.71]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from agreement_nlp.evaluate.gold import GoldArticle, GoldMinister, GoldOfficial
from agreement_nlp.evaluate.intervals import RESAMPLES, SEED
from agreement_nlp.evaluate.scoring_pairs import match_rows
from agreement_nlp.evaluate.scoring_rows import gold_rows
from agreement_nlp.evaluate.scoring_values import Row, _list, _value
from agreement_nlp.tables.frames import Tables

LINK_COLUMNS = [
    "table",
    "n_gold",
    "n_paired",
    "coverage",
    "gold_clusters",
    "system_clusters",
    "precision",
    "recall",
    "f1",
    "low",
    "high",
]


@dataclass(frozen=True)
class LinkItem:
    """One paired mention: its article, gold cluster and system cluster (None: unlinked)."""

    article_id: str
    gold: str
    system: str | None


def _records(df: pd.DataFrame | None, article_id: str) -> list[Row]:
    if df is None or not len(df):
        return []
    part = df[df["article_id"].astype("string") == article_id]
    return [{str(k): _value(v) for k, v in r.items()} for r in part.to_dict("records")]


def _agreement_items(gold: GoldArticle, tables: Tables) -> tuple[int, list[LinkItem]]:
    golds = gold_rows(gold)["agreements"]
    preds = _records(tables.agreements, gold.article_id)
    rows = [
        {
            "title": p.get("title") or "",
            "type": p.get("type"),
            "parties": _list(p.get("parties")),
            "evidence": p.get("evidence"),
        }
        for p in preds
    ]
    items = [
        LinkItem(gold.article_id, str(gold.agreements[gi].event), preds[pi].get("event_id"))
        for gi, pi in match_rows("agreements", golds, rows)
        if gold.agreements[gi].event
    ]
    return sum(1 for a in gold.agreements if a.event), items


def _person_items(gold: GoldArticle, tables: Tables) -> tuple[int, list[LinkItem]]:
    people: list[GoldMinister | GoldOfficial] = [*gold.ministers, *gold.officials]
    golds: list[Row] = [{"name": p.name, "aliases": list(p.aliases)} for p in people]
    preds = [p for p in _records(tables.persons, gold.article_id) if p.get("name")]
    rows = [{"name": p["name"]} for p in preds]
    items = [
        LinkItem(gold.article_id, str(people[gi].person), preds[pi].get("person_key"))
        for gi, pi in match_rows("officials", golds, rows)
        if people[gi].person
    ]
    return sum(1 for p in people if p.person), items


def link_items(
    golds: Sequence[GoldArticle], tables: Tables
) -> dict[str, tuple[int, list[LinkItem]]]:
    """Per linked table (``events``, ``people``): the gold mentions, and the paired ones."""
    out: dict[str, tuple[int, list[LinkItem]]] = {}
    for table, items_of in (("events", _agreement_items), ("people", _person_items)):
        n_gold, items = 0, []
        for g in golds:
            n, found = items_of(g, tables)
            n_gold += n
            items.extend(found)
        out[table] = (n_gold, items)
    return out


def _per_item(items: Sequence[LinkItem]) -> tuple[np.ndarray, np.ndarray]:
    """B-cubed precision and recall of each mention (an unlinked one is its own cluster)."""
    systems = [it.system if it.system is not None else f"\0{i}" for i, it in enumerate(items)]
    gold_size = Counter(it.gold for it in items)
    system_size = Counter(systems)
    pairs = list(zip((it.gold for it in items), systems, strict=True))
    both = Counter(pairs)
    precision = np.array([both[(g, s)] / system_size[s] for g, s in pairs])
    recall = np.array([both[(g, s)] / gold_size[g] for g, s in pairs])
    return precision, recall


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(items: Sequence[LinkItem]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the mentions (1.0 each when there are none)."""
    if not items:
        return 1.0, 1.0, 1.0
    precision, recall = _per_item(items)
    p, r = float(precision.mean()), float(recall.mean())
    return p, r, _f1(p, r)


def _interval(
    items: Sequence[LinkItem], resamples: int = RESAMPLES, seed: int = SEED
) -> tuple[float, float]:
    """2.5 and 97.5 percentiles of F1 with gold clusters resampled with replacement."""
    if not items:
        return float("nan"), float("nan")
    precision, recall = _per_item(items)
    clusters = sorted({it.gold for it in items})
    members = {c: [i for i, it in enumerate(items) if it.gold == c] for c in clusters}
    rng = np.random.default_rng(seed)
    f1s = []
    for draw in rng.integers(0, len(clusters), size=(resamples, len(clusters))):
        idx = [i for c in draw for i in members[clusters[c]]]
        f1s.append(_f1(float(precision[idx].mean()), float(recall[idx].mean())))
    return float(np.percentile(f1s, 2.5)), float(np.percentile(f1s, 97.5))


def score_linking(golds: Sequence[GoldArticle], tables: Tables) -> pd.DataFrame:
    """B-cubed scores of ``events`` and ``people`` (columns: :data:`LINK_COLUMNS`).

    Empty when no gold article carries ``event`` or ``person`` keys.
    """
    rows = []
    for table, (n_gold, items) in link_items(golds, tables).items():
        if not n_gold:
            continue
        p, r, f = bcubed(items)
        low, high = _interval(items)
        rows.append(
            {
                "table": table,
                "n_gold": n_gold,
                "n_paired": len(items),
                "coverage": len(items) / n_gold,
                "gold_clusters": len({it.gold for it in items}),
                "system_clusters": len({it.system for it in items if it.system is not None}),
                "precision": p,
                "recall": r,
                "f1": f,
                "low": low,
                "high": high,
            }
        )
    return pd.DataFrame(rows, columns=LINK_COLUMNS)
