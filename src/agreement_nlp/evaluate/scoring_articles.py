"""Scoring one article: pair its rows table by table, count, and list the errors.

The counts, attribute tallies and error rows of each article are summed over
articles by :func:`agreement_nlp.evaluate.scoring.aggregate`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from agreement_nlp.evaluate.gold import GoldArticle
from agreement_nlp.evaluate.scoring_pairs import match_rows, match_signatories
from agreement_nlp.evaluate.scoring_rows import gold_rows, predicted_rows
from agreement_nlp.evaluate.scoring_values import (
    ATTRIBUTE_EQUAL,
    ATTRIBUTES,
    SCORED_TABLES,
    Row,
    _show,
)
from agreement_nlp.tables.frames import Tables

Pairs = list[tuple[int, int]]


@dataclass
class ArticleScore:
    """Counts, attribute checks and error rows of one article."""

    article_id: str
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    attributes: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # [correct, n]
    errors: list[Row] = field(default_factory=list)
    mismatches: list[Row] = field(default_factory=list)


def _label(table: str, row: Row) -> str:
    if table == "agreements":
        return str(row.get("title") or "")
    if table == "signatories":
        return str(row.get("name") or "")
    return str(row.get("name") or "")


def _details(table: str, row: Row) -> str:
    if table == "signatories":
        return f"agreement={row.get('agreement_title') or ''}"
    keys = ATTRIBUTES.get(table, ())
    return "; ".join(f"{k}={_show(row.get(k))}" for k in keys)


def score_article(gold: GoldArticle, tables: Tables) -> ArticleScore:
    """Score one article's predicted rows (``tables`` may hold other articles too).

    Articles are told apart by ``article_id``, which must equal the gold ``id``.
    """
    result = ArticleScore(gold.article_id)
    g_rows = gold_rows(gold)
    p_rows = predicted_rows(tables, gold.article_id)
    pairs_by_table: dict[str, Pairs] = {}
    for table in SCORED_TABLES:
        source = "ministries" if table == "ministries_lenient" else table
        gold_list, pred_list = g_rows[source], p_rows[source]
        pairs = _pairs(table, gold_list, pred_list, pairs_by_table)
        pairs_by_table[table] = pairs
        result.counts[table] = _counts(gold_list, pred_list, pairs)
        if table == "ministries_lenient":
            continue  # a second view of the same rows: no duplicate error rows
        result.errors.extend(_unpaired(gold.article_id, table, gold_list, pred_list, pairs))
        _check_attributes(result, table, gold_list, pred_list, pairs)
    return result


def _pairs(
    table: str, gold_list: Sequence[Row], pred_list: Sequence[Row], done: dict[str, Pairs]
) -> Pairs:
    """The pairs of one table; signatories need the agreement pairs (in ``done``)."""
    if table == "signatories":
        return match_signatories(gold_list, pred_list, done["agreements"])
    return match_rows(table, gold_list, pred_list)


def _counts(gold_list: Sequence[Row], pred_list: Sequence[Row], pairs: Pairs) -> dict[str, int]:
    tp = len(pairs)
    return {
        "n_gold": len(gold_list),
        "n_pred": len(pred_list),
        "tp": tp,
        "fp": len(pred_list) - tp,
        "fn": len(gold_list) - tp,
    }


def _unpaired(
    article_id: str, table: str, gold_list: Sequence[Row], pred_list: Sequence[Row], pairs: Pairs
) -> list[Row]:
    """Error rows: the unpaired gold rows (``fn``), then the unpaired predictions (``fp``)."""
    paired_gold = {g for g, _ in pairs}
    paired_pred = {p for _, p in pairs}
    errors = [
        _error(article_id, table, "fn", _label(table, g), _details(table, g))
        for gi, g in enumerate(gold_list)
        if gi not in paired_gold
    ]
    errors += [
        _error(article_id, table, "fp", _label(table, p), _details(table, p))
        for pi, p in enumerate(pred_list)
        if pi not in paired_pred
    ]
    return errors


def _check_attributes(
    result: ArticleScore,
    table: str,
    gold_list: Sequence[Row],
    pred_list: Sequence[Row],
    pairs: Pairs,
) -> None:
    """Tally each attribute of ``table`` on the pairs into ``result``; keep the mismatches."""
    for attr in ATTRIBUTES.get(table, ()):
        tally = result.attributes.setdefault((table, attr), [0, 0])
        for gi, pi in pairs:
            g, p = gold_list[gi], pred_list[pi]
            tally[1] += 1
            if ATTRIBUTE_EQUAL[attr](g.get(attr), p.get(attr)):
                tally[0] += 1
            else:
                result.mismatches.append(
                    {
                        "article_id": result.article_id,
                        "table": table,
                        "name": _label(table, g),
                        "attribute": attr,
                        "gold": _show(g.get(attr)),
                        "predicted": _show(p.get(attr)),
                    }
                )


def _error(article_id: str, table: str, kind: str, name: str, details: str) -> Row:
    return {
        "article_id": article_id,
        "table": table,
        "kind": kind,
        "name": name,
        "details": details,
    }
