"""The shipped choice model (an agreement's status): validated on load, read without scikit-learn."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
import yaml

from agreement_nlp.choice import ChoiceModel, load_choice, parse_choice
from agreement_nlp.extraction.agreements.rules import STATUSES
from agreement_nlp.resources import ResourceError
from tests.conftest import ROOT

CASES = yaml.safe_load((ROOT / "tests" / "data" / "choice_cases.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_broken_choice_model_is_refused_with_its_problem(case: dict[str, Any]) -> None:
    with pytest.raises(ResourceError) as caught:
        parse_choice(case["data"], "broken.json")
    assert case["error"] in str(caught.value)
    assert str(caught.value).startswith("broken.json: ")


def test_probabilities_are_a_softmax_of_the_scores_over_the_temperature() -> None:
    model = ChoiceModel("m", ("a", "b", "c"), {"f": 2.0, "g": 0.5}, temperature=2.0)
    probs = model.probabilities({"a": {"g": 1.0}, "b": {"f": 1.0, "unknown": 1.0}})
    scores = [0.25, 1.0, 0.0]  # "c" has no features: score 0
    total = sum(math.exp(s) for s in scores)
    assert [probs[k] for k in "abc"] == pytest.approx([math.exp(s) / total for s in scores])
    assert model.best({"b": {"f": 1e6}}) == ("b", 1.0)  # no overflow


def test_a_choice_model_survives_its_own_json() -> None:
    model = ChoiceModel("m", ("a", "b"), {"x": 0.5, "zero": 0.0}, 1.3, {"C": 1})
    again = parse_choice(json.loads(model.to_json()), "m.json")
    assert again.weights == {"x": 0.5}  # zero weights are not written
    assert again.labels == ("a", "b") and again.temperature == 1.3
    assert again.to_json() == model.to_json()


def test_the_shipped_status_model_chooses_among_the_statuses() -> None:
    model = load_choice("agreement_status")
    assert model.labels == STATUSES
    assert model.weights, "the status model has no weights: run agreement-nlp train"
    assert {"train", "dev", "seed", "cross_validated"} <= set(model.trained)
