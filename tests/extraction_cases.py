"""Loading the extraction case files (``tests/data/extraction/*.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.text import fold

CASES = Path(__file__).resolve().parent / "data" / "extraction"


def load_cases(name: str) -> list[Any]:
    """Cases of one file as pytest params, with the case id as test id."""
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["id"]) for case in data]


def norm(value: Any) -> str:
    """Accent-, case- and space-insensitive form for comparing names and titles."""
    return " ".join(fold(str(value)).split())


def record(case: dict[str, Any]) -> dict[str, Any]:
    return {"id": case["id"], "text": case["text"], "published_at": case.get("published_at")}
