"""Pairing rules: which gold row and predicted row of a table may pair, and how well.

Pairs are chosen one-to-one by :func:`~agreement_nlp.evaluate.matching.greedy_match`
over the scores of :func:`pair_score`; signatories pair only when their agreements did.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from agreement_nlp.evaluate.matching import (
    TITLE_THRESHOLD,
    greedy_match,
    ministry_key,
    name_similarity,
    parties_overlap,
    same_evidence,
    same_ministry,
    same_name,
    title_similarity,
)
from agreement_nlp.evaluate.scoring_values import ATTRIBUTE_EQUAL, ATTRIBUTES, Row

# --- pairing ----------------------------------------------------------------------------


def _bonus(g: Row, p: Row, attrs: Iterable[str], weight: float = 0.01) -> float:
    """Small tie-breaker: agreeing attributes prefer one candidate over another."""
    return sum(weight for a in attrs if g.get(a) and ATTRIBUTE_EQUAL[a](g.get(a), p.get(a)))


def pair_score(table: str, g: Row, p: Row) -> float | None:
    """Score of pairing gold row ``g`` with predicted row ``p``; None when they cannot pair.

    >>> pair_score("ministers", {"name": "Awa Traoré"}, {"name": "Mme Awa TRAORE"})
    1.0
    >>> pair_score("ministers", {"name": "Oumar Diop"}, {"name": "Abdoulaye Diop"}) is None
    True
    """
    if table in {"ministers", "officials"}:
        # The gold name or any of its aliases (other spellings seen in the article).
        names = [g["name"], *g.get("aliases", [])]
        if not any(same_name(n, p["name"]) for n in names):
            return None
        best = max(name_similarity(n, p["name"]) for n in names)
        return best + _bonus(g, p, ATTRIBUTES[table])
    if table == "ministries":
        if ministry_key(g["name"]) != ministry_key(p["name"]) or not ministry_key(g["name"]):
            return None
        return 1.0 + _bonus(g, p, ("country",))
    if table == "ministries_lenient":
        if not same_ministry(g["name"], p["name"], lenient=True):
            return None
        strict = ministry_key(g["name"]) == ministry_key(p["name"])
        return (1.0 if strict else 0.9) + _bonus(g, p, ("country",))
    if table == "agreements":
        sim = title_similarity(g["title"], p["title"])
        if sim >= TITLE_THRESHOLD:
            base = sim
        elif same_evidence(g.get("evidence"), p.get("evidence")):
            base = 0.5 + 0.1 * sim  # evidence-only pairs rank after every title pair
        else:
            return None
        return base + 0.05 * parties_overlap(g["parties"], p["parties"]) + _bonus(g, p, ("type",))
    raise ValueError(f"no pairing rule for table {table!r}")


def match_rows(table: str, gold: Sequence[Row], pred: Sequence[Row]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of one article's rows."""
    scores: dict[tuple[int, int], float] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = pair_score(table, g, p)
            if s is not None:
                scores[(gi, pi)] = s
    return greedy_match(scores)


def match_signatories(
    gold: Sequence[Row], pred: Sequence[Row], agreement_pairs: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pairs of signatories whose agreements are paired and whose names are the same."""
    gold_of_pred = {p: g for g, p in agreement_pairs}
    scores: dict[tuple[int, int], float] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if p["agreement"] is None or gold_of_pred.get(p["agreement"]) != g["agreement"]:
                continue
            if same_name(g["name"], p["name"]):
                scores[(gi, pi)] = name_similarity(g["name"], p["name"])
    return greedy_match(scores)
