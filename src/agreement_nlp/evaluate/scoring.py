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

>>> prf(tp=1, fp=0, fn=1)
(1.0, 0.5, 0.6666666666666666)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from agreement_nlp.evaluate.gold import GoldArticle
from agreement_nlp.evaluate.matching import (
    TITLE_THRESHOLD,
    greedy_match,
    ministry_key,
    name_similarity,
    normalise_code,
    parties_overlap,
    same_evidence,
    same_ministry,
    same_name,
    same_parties,
    title_similarity,
)
from agreement_nlp.tables.frames import Tables
from agreement_nlp.text import fold, squash

SCORED_TABLES: tuple[str, ...] = (
    "ministers",
    "officials",
    "ministries",
    "ministries_lenient",
    "agreements",
    "signatories",
)
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "ministers": ("country", "ministry"),
    "officials": ("country", "role"),
    "ministries": ("country",),
    "agreements": ("parties", "type", "status", "signed_on"),
}
OFFICIAL_ROLES = frozenset({"head_of_state", "head_of_government", "ambassador", "official"})
ERROR_COLUMNS = ["article_id", "table", "kind", "name", "details"]
MISMATCH_COLUMNS = ["article_id", "table", "name", "attribute", "gold", "predicted"]
SCORE_COLUMNS = ["table", "n_gold", "n_pred", "tp", "fp", "fn", "precision", "recall", "f1"]
ATTRIBUTE_COLUMNS = ["table", "attribute", "n", "correct", "accuracy"]

Row = dict[str, Any]


# --- values -----------------------------------------------------------------------------


def _value(value: Any) -> Any:
    """A cell as a plain Python value: missing values (None, NA, NaN) become None."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        return value.strip() or None
    return value


def _list(value: Any) -> list[str]:
    value = _value(value)
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in value.split("|") if v]
    return [str(v) for v in value if _value(v) is not None]


def _role_class(role: str | None) -> str:
    """Gold ``other`` is our ``official``."""
    role = (role or "").strip()
    return "other" if role in {"official", "other"} else role


def _same_text(a: Any, b: Any) -> bool:
    return fold(squash(str(a or ""))) == fold(squash(str(b or "")))


ATTRIBUTE_EQUAL: dict[str, Callable[[Any, Any], bool]] = {
    "country": lambda g, p: normalise_code(g) == normalise_code(p),
    "ministry": lambda g, p: ministry_key(g) == ministry_key(p),
    "role": lambda g, p: _role_class(g) == _role_class(p),
    "parties": same_parties,
    "type": _same_text,
    "status": _same_text,
    "signed_on": lambda g, p: str(g or "")[:10] == str(p or "")[:10],
}


def _show(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "|".join(str(v) for v in value)
    return "" if value is None else str(value)


# --- rows -------------------------------------------------------------------------------


def gold_rows(gold: GoldArticle) -> dict[str, list[Row]]:
    """The gold article as rows per scored table (``ministries_lenient`` shares ``ministries``)."""
    agreements: list[Row] = [
        {
            "title": a.title,
            "type": a.type,
            "parties": list(a.parties),
            "status": a.status,
            "signed_on": a.signed_on,
            "signatories": list(a.signatories),
            "evidence": a.evidence,
        }
        for a in gold.agreements
    ]
    return {
        "ministers": [
            {"name": m.name, "country": m.country, "ministry": m.ministry} for m in gold.ministers
        ],
        "officials": [
            {"name": o.name, "aliases": list(o.aliases), "country": o.country, "role": o.role}
            for o in gold.officials
        ],
        "ministries": [{"name": m.name, "country": m.country} for m in gold.ministries],
        "agreements": agreements,
        "signatories": [
            {"name": name, "agreement": i, "agreement_title": a["title"]}
            for i, a in enumerate(agreements)
            for name in a["signatories"]
        ],
    }


def _rows_of(df: pd.DataFrame, article_id: str) -> list[Row]:
    if df is None or not len(df):
        return []
    part = df[df["article_id"].astype("string") == article_id]
    return [{str(k): _value(v) for k, v in rec.items()} for rec in part.to_dict("records")]


def predicted_rows(tables: Tables, article_id: str) -> dict[str, list[Row]]:
    """The predicted rows of one article per scored table."""
    persons = _rows_of(tables.persons, article_id)
    agreements = [
        {
            "id": r.get("agreement_id"),
            "title": r.get("title") or "",
            "type": r.get("type"),
            "parties": _list(r.get("parties")),
            "status": r.get("status"),
            "signed_on": r.get("signed_on"),
            "evidence": r.get("evidence"),
        }
        for r in _rows_of(tables.agreements, article_id)
    ]
    index_of = {a["id"]: i for i, a in enumerate(agreements) if a["id"] is not None}
    signatories = [
        {
            "name": r["name"],
            "agreement": index_of.get(r.get("agreement_id")),
            "agreement_title": (
                agreements[index_of[r["agreement_id"]]]["title"]
                if r.get("agreement_id") in index_of
                else r.get("agreement_id")
            ),
        }
        for r in _rows_of(tables.signatories, article_id)
        if r.get("name")  # the gold lists named signatories only
    ]
    return {
        "ministers": [
            {"name": p["name"] or "", "country": p.get("country"), "ministry": p.get("ministry")}
            for p in persons
            if p.get("role") == "minister"
        ],
        "officials": [
            {"name": p["name"] or "", "country": p.get("country"), "role": p.get("role")}
            for p in persons
            if p.get("role") in OFFICIAL_ROLES
        ],
        "ministries": [
            {"name": m.get("name") or "", "country": m.get("country")}
            for m in _rows_of(tables.ministries, article_id)
        ],
        "agreements": agreements,
        "signatories": signatories,
    }


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


# --- one article ------------------------------------------------------------------------


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
    pairs_by_table: dict[str, list[tuple[int, int]]] = {}
    for table in SCORED_TABLES:
        source = "ministries" if table == "ministries_lenient" else table
        gold_list, pred_list = g_rows[source], p_rows[source]
        if table == "signatories":
            pairs = match_signatories(gold_list, pred_list, pairs_by_table["agreements"])
        else:
            pairs = match_rows(table, gold_list, pred_list)
        pairs_by_table[table] = pairs
        tp = len(pairs)
        result.counts[table] = {
            "n_gold": len(gold_list),
            "n_pred": len(pred_list),
            "tp": tp,
            "fp": len(pred_list) - tp,
            "fn": len(gold_list) - tp,
        }
        if table == "ministries_lenient":
            continue  # a second view of the same rows: no duplicate error rows
        paired_gold = {g for g, _ in pairs}
        paired_pred = {p for _, p in pairs}
        for gi, g in enumerate(gold_list):
            if gi not in paired_gold:
                result.errors.append(
                    _error(gold.article_id, table, "fn", _label(table, g), _details(table, g))
                )
        for pi, p in enumerate(pred_list):
            if pi not in paired_pred:
                result.errors.append(
                    _error(gold.article_id, table, "fp", _label(table, p), _details(table, p))
                )
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
                            "article_id": gold.article_id,
                            "table": table,
                            "name": _label(table, g),
                            "attribute": attr,
                            "gold": _show(g.get(attr)),
                            "predicted": _show(p.get(attr)),
                        }
                    )
    return result


def _error(article_id: str, table: str, kind: str, name: str, details: str) -> Row:
    return {
        "article_id": article_id,
        "table": table,
        "kind": kind,
        "name": name,
        "details": details,
    }


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
                r["table"]: {k: _json(r[k]) for k in SCORE_COLUMNS if k != "table"}
                for r in self.scores.to_dict("records")
            },
            "attributes": {
                f"{r['table']}.{r['attribute']}": {
                    "n": int(r["n"]),
                    "correct": int(r["correct"]),
                    "accuracy": _json(r["accuracy"]),
                }
                for r in self.attributes.to_dict("records")
            },
            "n_errors": {
                "fp": int((self.errors["kind"] == "fp").sum()),
                "fn": int((self.errors["kind"] == "fn").sum()),
                "mismatches": len(self.mismatches),
            },
        }


def _json(value: Any) -> Any:
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
