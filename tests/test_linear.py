"""The shipped decision models: validated on load, scored without scikit-learn."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from agreement_nlp.linear import LinearModel, load_model, parse_model
from agreement_nlp.resources import ResourceError
from tests.conftest import ROOT

CASES = yaml.safe_load((ROOT / "tests" / "data" / "linear_cases.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_broken_model_is_refused_with_its_problem(case: dict[str, Any]) -> None:
    with pytest.raises(ResourceError, match=None) as caught:
        parse_model(case["data"], "broken.json")
    assert case["error"] in str(caught.value)
    assert str(caught.value).startswith("broken.json: ")


def test_probability_is_the_calibrated_logistic_of_the_weights() -> None:
    model = LinearModel("m", {"a": 1.0, "b": -2.0}, bias=0.5, scale=2.0, shift=-1.0)
    z = 2.0 * (0.5 + 1.0 - 2.0) - 1.0
    assert model.probability({"a": 1.0, "b": 1.0, "unknown": 1.0}) == pytest.approx(
        1 / (1 + 2.718281828459045 ** (-z))
    )
    assert model.probability({"a": 1e9}) == pytest.approx(1.0)  # no overflow


def test_a_model_survives_its_own_json() -> None:
    model = LinearModel("m", {"b": 0.25, "a": -1.5, "zero": 0.0}, 0.1, 1.2, -0.3, 0.45, {"C": 1})
    again = parse_model(json.loads(model.to_json()), "m.json")
    assert again.weights == {"a": -1.5, "b": 0.25}  # zero weights are not written
    assert (again.bias, again.scale, again.shift, again.threshold) == (0.1, 1.2, -0.3, 0.45)
    assert again.to_json() == model.to_json()


@pytest.mark.parametrize("name", ["agreements", "persons"])
def test_the_shipped_models_load_and_say_how_they_were_trained(name: str) -> None:
    model = load_model(name)
    assert model.weights, f"the {name} model has no weights: run agreement-nlp train"
    assert {"train", "dev", "seed"} <= set(model.trained)
