"""Small trained choice models: one label of several, scored over named features.

Where :mod:`agreement_nlp.linear` answers yes or no, a choice model picks one label of
several (an agreement's status). Each label comes with its own features (what the text
says for that label: "a cue of this status is the nearest one"), and one weight vector
scores them all, so what is learned about one label's cues serves the others (a
conditional logit). A temperature fitted on the dev split calibrates the softmax of the
scores, so that :meth:`ChoiceModel.probabilities` gives calibrated probabilities. Models
are trained by ``agreement-nlp train`` (scikit-learn, fixed seed) and read here with the
standard library only.

>>> model = parse_choice({"name": "demo", "labels": ["no", "yes"], "temperature": 1.0,
...     "weights": {"cue": 2.0}, "trained": {}}, "demo")
>>> model.best({"no": {}, "yes": {"cue": 1.0}})
('yes', 0.881)
>>> model.best({"no": {}, "yes": {}})
('no', 0.5)
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from agreement_nlp.linear import Features, _number, checked_trained, checked_weights, model_json
from agreement_nlp.resources import ResourceError


def softmax(scores: Mapping[str, float], temperature: float = 1.0) -> dict[str, float]:
    """Scores as probabilities that sum to one (no overflow for large scores)."""
    top = max(scores.values())
    exp = {k: math.exp((s - top) / temperature) for k, s in scores.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}


Candidates = Mapping[str, Features]  # label -> the features the text gives for it


@dataclass(frozen=True)
class ChoiceModel:
    name: str
    labels: tuple[str, ...]
    weights: Mapping[str, float]
    temperature: float = 1.0
    trained: Mapping[str, Any] = field(default_factory=dict)

    def scores(self, candidates: Candidates) -> dict[str, float]:
        """The raw score of each label: the weights of its features present."""
        weights = self.weights
        return {
            label: sum(weights.get(k, 0.0) * v for k, v in candidates.get(label, {}).items())
            for label in self.labels
        }

    def probabilities(self, candidates: Candidates) -> dict[str, float]:
        """The calibrated probability of each label (softmax of the scores over the temperature)."""
        return softmax(self.scores(candidates), self.temperature)

    def best(self, candidates: Candidates) -> tuple[str, float]:
        """The most probable label and its probability (ties: the first label)."""
        probs = self.probabilities(candidates)
        label = max(self.labels, key=lambda k: probs[k])
        return label, round(probs[label], 3)

    def to_json(self) -> str:
        """Stable text: sorted keys, rounded weights, so that retraining gives the same file."""
        data = {
            "name": self.name,
            "labels": list(self.labels),
            "temperature": round(self.temperature, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if round(v, 6)},
            "trained": dict(self.trained),
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _labels(data: dict[str, Any], where: str) -> tuple[str, ...]:
    labels = data["labels"]
    if not isinstance(labels, list) or len(labels) < 2:
        raise ResourceError(f"{where}: 'labels' must list at least two labels")
    if len(set(labels)) != len(labels) or not all(isinstance(x, str) for x in labels):
        raise ResourceError(f"{where}: 'labels' must be distinct strings")
    return tuple(labels)


def parse_choice(data: Any, where: str) -> ChoiceModel:
    """A choice model from its JSON data; a malformed file raises :class:`ResourceError`."""
    weights = checked_weights(data, ("name", "labels", "weights", "temperature"), where)
    labels = _labels(data, where)
    temperature = data["temperature"]
    if not _number(temperature) or temperature <= 0:
        raise ResourceError(f"{where}: 'temperature' must be a positive number")
    return ChoiceModel(
        name=str(data["name"]),
        labels=labels,
        weights=weights,
        temperature=float(temperature),
        trained=checked_trained(data, where),
    )


@cache
def load_choice(name: str) -> ChoiceModel:
    """The shipped choice model ``resources/models/NAME.json``, loaded once per process."""
    return parse_choice(*model_json(name))
