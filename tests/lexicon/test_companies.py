from typing import Any

import pytest
import yaml

from agreement_nlp.extraction.agreements.rules import default_rules
from agreement_nlp.lexicon.companies import named_companies
from tests.conftest import TEST_DATA

CASES: list[dict[str, Any]] = yaml.safe_load(
    (TEST_DATA / "companies_cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:40])
def test_named_companies(case: dict[str, Any]) -> None:
    rules = default_rules()
    found = named_companies(case["text"], rules.company_nouns, rules.legal_forms)
    assert [name for _, _, name in found] == case["names"]
    for start, end, name in found:
        assert case["text"][start:end] == name
