"""Scoring predicted tables against gold articles: pure functions on DataFrames.

For each article, gold rows and predicted rows of a table are paired one-to-one
(:func:`~agreement_nlp.evaluate.matching.greedy_match` over the pairs the
matching rules admit). A pair is a true positive, an unpaired prediction a
false positive, an unpaired gold row a false negative. Counts are summed over
articles (micro average) before precision, recall and F1 are computed.

Scored tables and what they are read from:

=====================  =====================================================
``ministers``          ``persons`` rows with ``role == "minister"``; a gold
                       person pairs by its name or any of its ``aliases``
``officials``          ``persons`` rows with role head_of_state,
                       head_of_government, ambassador or official (gold
                       ``other`` == predicted ``official``; our ``other`` is a
                       person with no office found, e.g. a former minister,
                       and journalists are not scored)
``ministries``         ``ministries`` rows, strict ministry key (primary)
``ministries_lenient`` the same, lenient containment rule
``agreements``         ``agreements`` rows, matched by title or evidence
``signatories``        pairs (agreement, named person) from ``signatories``:
                       a pair is correct when its agreement is paired with the
                       gold agreement and the names are the same
=====================  =====================================================

On the paired rows, attribute accuracy is ``correct / paired``; an empty gold
value paired with an empty prediction counts as correct (predicting a date
the article does not give is an error too).

The work is split over modules, all re-exported here: :mod:`.scoring_values`
(scored tables, attributes, cell values), :mod:`.scoring_rows` (gold and predicted
rows), :mod:`.scoring_pairs` (pairing rules), :mod:`.scoring_articles` (one article);
this module sums the articles (:func:`aggregate`, :func:`score_tables`).

>>> prf(tp=1, fp=0, fn=1)
(1.0, 0.5, 0.6666666666666666)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from agreement_nlp.evaluate.gold import GoldArticle
from agreement_nlp.evaluate.scoring_articles import ArticleScore, score_article
from agreement_nlp.evaluate.scoring_pairs import match_rows, match_signatories, pair_score
from agreement_nlp.evaluate.scoring_rows import gold_rows, predicted_rows
from agreement_nlp.evaluate.scoring_values import (
    ATTRIBUTE_COLUMNS,
    ATTRIBUTE_EQUAL,
    ATTRIBUTES,
    ERROR_COLUMNS,
    MISMATCH_COLUMNS,
    OFFICIAL_ROLES,
    SCORE_COLUMNS,
    SCORED_TABLES,
    Row,
)
from agreement_nlp.tables.frames import Tables

__all__ = [
    "ATTRIBUTES",
    "ATTRIBUTE_COLUMNS",
    "ATTRIBUTE_EQUAL",
    "ERROR_COLUMNS",
    "MISMATCH_COLUMNS",
    "OFFICIAL_ROLES",
    "SCORED_TABLES",
    "SCORE_COLUMNS",
    "ArticleScore",
    "Row",
    "SystemResult",
    "aggregate",
    "gold_rows",
    "match_rows",
    "match_signatories",
    "pair_score",
    "predicted_rows",
    "prf",
    "score_article",
    "score_tables",
    "scores_by_table",
]


# --- totals -----------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall, F1; None where undefined (nothing predicted, nothing to find).

    F1 is ``2tp / (2tp + fp + fn)``: 0.0 when there is gold but nothing is
    found, None only when there is neither gold nor prediction.

    >>> prf(0, 0, 3)
    (None, 0.0, 0.0)
    >>> prf(0, 0, 0)
    (None, None, None)
    """
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else None
    return precision, recall, f1


@dataclass
class SystemResult:
    """The scores of one system (``pipeline`` or ``baseline``) over the gold articles."""

    system: str
    scores: pd.DataFrame
    attributes: pd.DataFrame
    errors: pd.DataFrame
    mismatches: pd.DataFrame
    per_article: pd.DataFrame

    def f1(self, table: str) -> float | None:
        row = self.scores[self.scores["table"] == table]
        value = row["f1"].iloc[0] if len(row) else None
        return None if value is None or pd.isna(value) else float(value)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable: scores and attribute accuracies per table."""
        return {
            "scores": {
                r["table"]: {k: json_value(r[k]) for k in SCORE_COLUMNS if k != "table"}
                for r in self.scores.to_dict("records")
            },
            "attributes": {
                f"{r['table']}.{r['attribute']}": {
                    "n": int(r["n"]),
                    "correct": int(r["correct"]),
                    "accuracy": json_value(r["accuracy"]),
                }
                for r in self.attributes.to_dict("records")
            },
            "n_errors": {
                "fp": int((self.errors["kind"] == "fp").sum()),
                "fn": int((self.errors["kind"] == "fn").sum()),
                "mismatches": len(self.mismatches),
            },
        }


def json_value(value: Any) -> Any:
    """A cell as JSON: None for missing and NaN, Python scalars for numpy ones."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def aggregate(system: str, article_scores: Sequence[ArticleScore]) -> SystemResult:
    """Micro-average the article scores of one system."""
    totals: dict[str, dict[str, int]] = {
        t: {"n_gold": 0, "n_pred": 0, "tp": 0, "fp": 0, "fn": 0} for t in SCORED_TABLES
    }
    attrs: dict[tuple[str, str], list[int]] = {
        (t, a): [0, 0] for t, names in ATTRIBUTES.items() for a in names
    }
    per_article: list[Row] = []
    errors: list[Row] = []
    mismatches: list[Row] = []
    for s in article_scores:
        for table, counts in s.counts.items():
            for k, v in counts.items():
                totals[table][k] += v
            per_article.append({"article_id": s.article_id, "table": table, **counts})
        for key, (correct, n) in s.attributes.items():
            attrs[key][0] += correct
            attrs[key][1] += n
        errors.extend(s.errors)
        mismatches.extend(s.mismatches)
    score_rows = []
    for table, c in totals.items():
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        score_rows.append({"table": table, **c, "precision": p, "recall": r, "f1": f})
    attr_rows = [
        {
            "table": t,
            "attribute": a,
            "n": n,
            "correct": correct,
            "accuracy": correct / n if n else None,
        }
        for (t, a), (correct, n) in attrs.items()
    ]
    return SystemResult(
        system=system,
        scores=pd.DataFrame(score_rows, columns=SCORE_COLUMNS),
        attributes=pd.DataFrame(attr_rows, columns=ATTRIBUTE_COLUMNS),
        errors=pd.DataFrame(errors, columns=ERROR_COLUMNS),
        mismatches=pd.DataFrame(mismatches, columns=MISMATCH_COLUMNS),
        per_article=pd.DataFrame(
            per_article, columns=["article_id", "table", "n_gold", "n_pred", "tp", "fp", "fn"]
        ),
    )


def score_tables(system: str, golds: Sequence[GoldArticle], tables: Tables) -> SystemResult:
    """Score ``tables`` against every gold article (micro average).

    >>> from agreement_nlp.tables.frames import Tables
    >>> score_tables("empty", [], Tables.empty()).f1("ministers") is None
    True
    """
    return aggregate(system, [score_article(g, tables) for g in golds])


def scores_by_table(results: Mapping[str, SystemResult]) -> pd.DataFrame:
    """One long DataFrame: a ``system`` column before the score columns."""
    frames = [r.scores.assign(system=name) for name, r in results.items()]
    if not frames:
        return pd.DataFrame(columns=["system", *SCORE_COLUMNS])
    out = pd.concat(frames, ignore_index=True)
    return out[["system", *SCORE_COLUMNS]]
