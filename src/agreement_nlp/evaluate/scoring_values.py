"""What the scorer compares: the scored tables, their attributes, and cell values.

Shared by the row builders (:mod:`.scoring_rows`), the pairing rules
(:mod:`.scoring_pairs`) and the per-article scoring (:mod:`.scoring_articles`);
everything here is re-exported by :mod:`agreement_nlp.evaluate.scoring`.

>>> _list("TGO|FRA")
['TGO', 'FRA']
>>> ATTRIBUTE_EQUAL["role"]("other", "official")
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd

from agreement_nlp.evaluate.matching import (
    ministry_key,
    normalise_code,
    same_parties,
)
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
