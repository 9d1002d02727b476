"""Loading the package's rule and gazetteer files, validated on load.

Rules are data (``resources/*.yaml``, ``*.jsonl``, ``*.csv``); each loader
checks the keys and values it needs and raises :class:`ResourceError` naming
the file, the entry and the problem.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

PACKAGE = "agreement_nlp"


class ResourceError(ValueError):
    """A rule or gazetteer file is malformed."""


def resource_path(name: str) -> Path:
    return Path(str(resources.files(PACKAGE).joinpath("resources", name)))


def _read_text(name: str | Path) -> tuple[str, str]:
    path = Path(name) if isinstance(name, Path) else resource_path(name)
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read ({exc})") from exc


def load_yaml(name: str | Path) -> Any:
    text, where = _read_text(name)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"{where}: invalid YAML ({exc})") from exc


def load_jsonl(name: str | Path) -> list[dict[str, Any]]:
    text, where = _read_text(name)
    rows = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ResourceError(f"{where}:{lineno}: invalid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise ResourceError(f"{where}:{lineno}: each line must be a JSON object")
        rows.append(row)
    return rows


def load_csv(name: str | Path) -> list[dict[str, str]]:
    text, where = _read_text(name)
    reader = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ResourceError(f"{where}:{lineno}: wrong number of fields")
        rows.append(row)
    return rows


def check_keys(
    entry: dict[str, Any],
    where: str,
    required: Iterable[str],
    optional: Iterable[str] = (),
) -> None:
    """Reject missing and unknown keys, so a typo in a rule file fails loudly."""
    required = set(required)
    allowed = required | set(optional)
    missing = required - set(entry)
    unknown = set(entry) - allowed
    if missing:
        raise ResourceError(f"{where}: missing key(s) {sorted(missing)}")
    if unknown:
        raise ResourceError(f"{where}: unknown key(s) {sorted(unknown)}")


def check_choice(value: Any, choices: Iterable[str], where: str) -> None:
    choices = tuple(choices)
    if value not in choices:
        raise ResourceError(f"{where}: {value!r} is not one of {', '.join(choices)}")


@cache
def cached_yaml(name: str) -> Any:
    return load_yaml(name)


def iter_entries(data: Any, where: str, key: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The entries of a rule file ``{key: [mapping, ...]}`` as (location, entry).

    The location ("roles.yaml: rules[3]") starts every error message about the entry.
    """
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ResourceError(f"{where}: expected a mapping with a {key!r} list")
    for i, entry in enumerate(data[key]):
        at = f"{where}: {key}[{i}]"
        if not isinstance(entry, dict):
            raise ResourceError(f"{at}: expected a mapping")
        yield at, entry
