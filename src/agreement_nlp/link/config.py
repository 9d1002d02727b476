"""The linking weights and limits (``resources/linking.yaml``), validated on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from agreement_nlp.resources import ResourceError, load_yaml

WEIGHTS = (
    "bias",
    "parties_jaccard",
    "same_type",
    "compatible_type",
    "other_type",
    "same_signed_on",
    "title_overlap",
    "evidence_overlap",
    "same_amount",
    "amount_conflict",
    "same_place",
    "place_conflict",
    "domain_conflict",
    "per_day_apart",
)


@dataclass(frozen=True)
class LinkConfig:
    threshold: float
    window_days: int
    max_signing_gap_days: int
    weights: dict[str, float]
    type_groups: tuple[frozenset[str], ...]


def _number(data: dict[str, Any], key: str, where: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ResourceError(f"{where}: {key!r} must be a number, got {value!r}")
    return float(value)


def parse_config(data: object, where: str) -> LinkConfig:
    """The config from the loaded YAML; a clear error naming the file and the key."""
    if not isinstance(data, dict):
        raise ResourceError(f"{where}: expected a mapping")
    weights = data.get("weights")
    if not isinstance(weights, dict):
        raise ResourceError(f"{where}: 'weights' must be a mapping")
    missing = [w for w in WEIGHTS if w not in weights]
    unknown = sorted(set(weights) - set(WEIGHTS))
    if missing or unknown:
        raise ResourceError(f"{where}: weights missing {missing}, unknown {unknown}")
    groups = data.get("type_groups")
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and all(isinstance(t, str) for t in g) for g in groups
    ):
        raise ResourceError(f"{where}: 'type_groups' must be a list of lists of types")
    threshold = _number(data, "threshold", where)
    if not 0 < threshold < 1:
        raise ResourceError(f"{where}: 'threshold' must be between 0 and 1")
    return LinkConfig(
        threshold=threshold,
        window_days=int(_number(data, "window_days", where)),
        max_signing_gap_days=int(_number(data, "max_signing_gap_days", where)),
        weights={w: _number(weights, w, f"{where}: weights") for w in WEIGHTS},
        type_groups=tuple(frozenset(g) for g in groups),
    )


@cache
def default_config() -> LinkConfig:
    return parse_config(load_yaml("linking.yaml"), "linking.yaml")


def load_config(path: str | Path) -> LinkConfig:
    return parse_config(load_yaml(Path(path)), str(path))
