"""The matching rules, one parametrised case per line of ``matching_cases.yaml``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.evaluate.matching import (
    greedy_match,
    ministry_key,
    name_tokens,
    parties_overlap,
    same_evidence,
    same_ministry,
    same_name,
    same_parties,
    same_title,
)

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "matching_cases.yaml").read_text(encoding="utf-8")
)


def _ids(section: str) -> list[str]:
    return [f"{c.get('a', c.get('name'))!s}~{c.get('b', '')!s}" for c in CASES[section]]


@pytest.mark.parametrize("case", CASES["names"], ids=_ids("names"))
def test_same_name(case: dict[str, Any]) -> None:
    assert same_name(case["a"], case["b"]) is case["same"], case["why"]
    # The rule is symmetric: the gold may hold either form.
    assert same_name(case["b"], case["a"]) is case["same"], case["why"]


@pytest.mark.parametrize("case", CASES["name_tokens"], ids=_ids("name_tokens"))
def test_name_tokens(case: dict[str, Any]) -> None:
    assert name_tokens(case["name"]) == case["tokens"]


@pytest.mark.parametrize("case", CASES["ministries"], ids=_ids("ministries"))
def test_same_ministry(case: dict[str, Any]) -> None:
    assert same_ministry(case["a"], case["b"]) is case["strict"], case["why"]
    assert same_ministry(case["a"], case["b"], lenient=True) is case["lenient"], case["why"]
    assert same_ministry(case["b"], case["a"], lenient=True) is case["lenient"], case["why"]


@pytest.mark.parametrize("case", CASES["ministry_keys"], ids=_ids("ministry_keys"))
def test_ministry_key(case: dict[str, Any]) -> None:
    assert ministry_key(case["name"]) == case["key"]


@pytest.mark.parametrize("case", CASES["titles"], ids=_ids("titles"))
def test_same_title(case: dict[str, Any]) -> None:
    assert same_title(case["a"], case["b"]) is case["same"], case["why"]
    assert same_title(case["b"], case["a"]) is case["same"], case["why"]


@pytest.mark.parametrize("case", CASES["evidence"], ids=_ids("evidence"))
def test_same_evidence(case: dict[str, Any]) -> None:
    assert same_evidence(case["a"], case["b"]) is case["same"], case["why"]


def test_every_rule_has_positive_and_negative_cases() -> None:
    for section, key in [
        ("names", "same"),
        ("ministries", "strict"),
        ("ministries", "lenient"),
        ("titles", "same"),
        ("evidence", "same"),
    ]:
        values = {c[key] for c in CASES[section]}
        assert values == {True, False}, f"{section}.{key} needs both outcomes"


def test_parties_are_sets_of_codes() -> None:
    assert same_parties(["SEN", "BAD"], ["bad", "sen"])
    assert same_parties([], None)
    assert not same_parties(["SEN"], ["SEN", "BAD"])
    assert parties_overlap(["SEN", "BAD"], ["SEN"]) == 0.5
    assert parties_overlap([], ["SEN"]) == 0.0


def test_greedy_match_is_one_to_one_best_first() -> None:
    # gold 0 prefers pred 1; gold 1 can then only take pred 0.
    pairs = greedy_match({(0, 0): 0.86, (0, 1): 0.99, (1, 1): 0.95, (1, 0): 0.9})
    assert pairs == [(0, 1), (1, 0)]
    assert greedy_match({}) == []


def test_greedy_match_ties_are_deterministic() -> None:
    assert greedy_match({(0, 1): 0.9, (0, 0): 0.9}) == [(0, 0)]
