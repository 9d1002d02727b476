"""The rows the scorer pairs: a gold article's and one article's predicted rows, per scored table.

Both sides give the same keys per table (``name``, ``country``... and, for
signatories, the index of their agreement in the article's agreement rows),
so that :mod:`.scoring_pairs` compares like with like.
"""

from __future__ import annotations

import pandas as pd

from agreement_nlp.evaluate.gold import GoldArticle
from agreement_nlp.evaluate.scoring_values import OFFICIAL_ROLES, Row, _list, _value
from agreement_nlp.tables.frames import Tables

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
