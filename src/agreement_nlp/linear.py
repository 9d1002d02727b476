"""Small trained decision models: logistic regressions over named features, shipped as JSON.

A model is a weight per feature name, a bias, and a Platt calibration (``scale``,
``shift``) fitted on the dev split, so that :meth:`LinearModel.probability` gives a
calibrated probability; a row is kept when it reaches ``threshold``. Models are
trained by ``agreement-nlp train`` (scikit-learn, fixed seed) and read here with the
standard library only: nothing of scikit-learn is needed to run the pipeline.

>>> model = parse_model({"name": "demo", "bias": -1.0, "weights": {"type=accord": 2.0},
...                      "scale": 1.0, "shift": 0.0, "threshold": 0.5, "trained": {}}, "demo")
>>> round(model.probability({"type=accord": 1.0}), 3)
0.731
>>> model.keeps(model.probability({}))
False
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from agreement_nlp.resources import ResourceError, _read_text

Features = Mapping[str, float]
_NUMBERS = ("bias", "scale", "shift", "threshold")


@dataclass(frozen=True)
class LinearModel:
    name: str
    weights: Mapping[str, float]
    bias: float
    scale: float = 1.0
    shift: float = 0.0
    threshold: float = 0.5
    trained: Mapping[str, Any] = field(default_factory=dict)

    def logit(self, features: Features) -> float:
        """The raw score: bias plus the weights of the features present."""
        weights = self.weights
        return self.bias + sum(weights.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: Features) -> float:
        """The calibrated probability that the decision is right."""
        return self.calibrated(self.logit(features))

    def calibrated(self, logit: float) -> float:
        """A raw score as a calibrated probability (Platt scaling)."""
        z = self.scale * logit + self.shift
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def keeps(self, probability: float) -> bool:
        return probability >= self.threshold

    def to_json(self) -> str:
        """Stable text: sorted keys, rounded weights, so that retraining gives the same file."""
        data = {
            "name": self.name,
            "bias": round(self.bias, 6),
            "scale": round(self.scale, 6),
            "shift": round(self.shift, 6),
            "threshold": round(self.threshold, 4),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if round(v, 6)},
            "trained": dict(self.trained),
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def parse_model(data: Any, where: str) -> LinearModel:
    """A model from its JSON data; a malformed file raises :class:`ResourceError`."""
    weights = checked_weights(data, ("name", "weights", *_NUMBERS), where)
    for key in _NUMBERS:
        if not _number(data[key]):
            raise ResourceError(f"{where}: {key!r} must be a number, not {data[key]!r}")
    if not 0.0 <= data["threshold"] <= 1.0:
        raise ResourceError(f"{where}: 'threshold' must lie in [0, 1]")
    return LinearModel(
        name=str(data["name"]),
        weights=weights,
        bias=float(data["bias"]),
        scale=float(data["scale"]),
        shift=float(data["shift"]),
        threshold=float(data["threshold"]),
        trained=checked_trained(data, where),
    )


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def model_file(name: str) -> str:
    return f"models/{name}.json"


def checked_weights(data: Any, required: tuple[str, ...], where: str) -> dict[str, float]:
    """A model file's weights (feature name -> number), after its required keys are checked."""
    if not isinstance(data, dict):
        raise ResourceError(f"{where}: a model must be a JSON object")
    missing = [k for k in required if k not in data]
    if missing:
        raise ResourceError(f"{where}: missing {', '.join(missing)}")
    weights = data["weights"]
    if not isinstance(weights, dict):
        raise ResourceError(f"{where}: 'weights' must map feature names to numbers")
    bad = [k for k, v in weights.items() if not _number(v)]
    if bad:
        raise ResourceError(f"{where}: weight of {bad[0]!r} is not a number")
    return {str(k): float(v) for k, v in weights.items()}


def checked_trained(data: dict[str, Any], where: str) -> dict[str, Any]:
    trained = data.get("trained", {})
    if not isinstance(trained, dict):
        raise ResourceError(f"{where}: 'trained' must be an object")
    return trained


def model_json(name: str) -> tuple[Any, str]:
    """The JSON data of the shipped model file ``resources/models/NAME.json``, and its name."""
    text, where = _read_text(model_file(name))
    try:
        return json.loads(text), where
    except json.JSONDecodeError as exc:
        raise ResourceError(f"{where}: invalid JSON ({exc.msg})") from exc


@cache
def load_model(name: str) -> LinearModel:
    """The shipped model ``resources/models/NAME.json``, loaded once per process."""
    return parse_model(*model_json(name))
