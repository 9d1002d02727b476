from typing import Any

import pytest
import yaml

from agreement_nlp.extraction.agreements.enumeration import find_count, read_item
from agreement_nlp.extraction.agreements.rules import default_rules
from tests.conftest import TEST_DATA

CASES: dict[str, Any] = yaml.safe_load(
    (TEST_DATA / "enumeration_cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES["items"], ids=lambda c: c["text"][:40])
def test_read_item(case: dict[str, Any]) -> None:
    item = read_item(case["text"], default_rules().enumeration)
    if case["about"] is None:
        assert item is None
        return
    assert item is not None
    assert case["text"][item.about_start : item.about_end] == case["about"]
    assert item.relation == case["relation"]


@pytest.mark.parametrize("case", CASES["counts"], ids=lambda c: c["text"][:40])
def test_find_count(case: dict[str, Any]) -> None:
    count = find_count(case["text"], default_rules().enumeration)
    if case["noun"] is None:
        assert count is None
    else:
        assert count is not None
        assert case["text"][count.start : count.end] == case["noun"]
