"""ISO values of the tables: precision and first instant (cases in tests/data/isodates_cases.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.tables.isodates import first_instant, precision

CASES = yaml.safe_load(
    (Path(__file__).parents[1] / "data" / "isodates_cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[str(c["value"]) for c in CASES])
def test_precision_and_first_instant(case: dict[str, Any]) -> None:
    assert precision(case["value"]) == case["precision"]
    expected = case["first_instant"]
    assert first_instant(case["value"]) == (
        dt.datetime.fromisoformat(expected) if expected else None
    )
