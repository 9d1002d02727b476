"""The linking weights and limits (``resources/linking.yaml``), validated on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from agreement_nlp.resources import ResourceError, load_yaml

# The features of a pair of reports (agreement_nlp.link.features), what each says.
FEATURES = {
    "bias": "",
    "parties_jaccard": "shared parties / all parties",
    "same_type": "",
    "compatible_type": "both in one of the type groups below",
    "other_type": "",
    "same_signed_on": "",
    "title_overlap": "distinctive title words shared / fewer of the two",
    "evidence_overlap": "distinctive words of the two sentences: shared / all",
    "same_amount": "",
    "amount_conflict": "both give amounts, none in common",
    "same_place": "both signed, at one place",
    "place_conflict": "both signed, at two places",
    "domain_conflict": "both give domains, none in common",
    "status_progression": "one report announces it, a later one tells it signed",
    "per_day_apart": "days between the two reports' times",
}
WEIGHTS = tuple(FEATURES)


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


def render_config(config: LinkConfig, fitted: str = "") -> str:
    """The YAML text of ``config`` (``fitted``: how its weights were obtained, a comment).

    >>> import yaml
    >>> text = render_config(default_config())
    >>> parse_config(yaml.safe_load(text), "text") == default_config()
    True
    """
    lines = [
        "# Linking agreement rows of different articles into events (agreement_nlp.link.events).",
        "# A pair of reports is scored by a logistic function of the features below; pairs at or",
        "# above `threshold` are joined, best first, unless a hard rule says they cannot be one",
        "# event.",
        *(f"# {line}" for line in fitted.splitlines()),
        f"threshold: {config.threshold:g}",
        "# Reports further apart than this (signing date, else publication date) are not compared.",
        f"window_days: {config.window_days}",
        "# Two signing dates further apart than this are two events.",
        f"max_signing_gap_days: {config.max_signing_gap_days}",
        "weights:",
    ]
    for name in WEIGHTS:
        value = f"{name}: {round(config.weights[name], 4)!r}"
        doc = FEATURES[name]
        lines.append(f"  {value:<30}# {doc}" if doc else f"  {value}")
    lines.append("type_groups:")
    lines += [f"  - [{', '.join(sorted(g))}]" for g in config.type_groups]
    return "\n".join(lines) + "\n"
