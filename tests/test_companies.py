from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.agreement_rules import default_rules
from agreement_nlp.companies import named_companies

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "companies_cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:40])
def test_named_companies(case: dict[str, Any]) -> None:
    rules = default_rules()
    found = named_companies(case["text"], rules.company_nouns, rules.legal_forms)
    assert [name for _, _, name in found] == case["names"]
    for start, end, name in found:
        assert case["text"][start:end] == name
