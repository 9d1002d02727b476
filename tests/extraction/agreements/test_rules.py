"""Agreement rules as data: the loader on valid and broken files, domains and status cues."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.extraction.agreements.rules import (
    STATUSES,
    TYPES,
    AgreementRules,
    default_rules,
    domains_of,
    load_agreement_rules,
    status_of,
)
from agreement_nlp.resources import ResourceError, resource_path
from tests.conftest import TEST_DATA

CASES: dict[str, Any] = yaml.safe_load(
    (TEST_DATA / "agreement_rules_cases.yaml").read_text(encoding="utf-8")
)
FILES = ("agreements.yaml", "agreement_status.yaml", "domains.yaml")


def test_default_rules_load() -> None:
    rules = load_agreement_rules()
    assert isinstance(rules, AgreementRules)
    assert rules.types
    assert {t.type for t in rules.types} <= set(TYPES)
    assert {s for s, _ in rules.status} <= set(STATUSES)
    assert next(s for s, _ in rules.status) == "suspended"
    assert "nucleaire_civil" in dict(rules.domains)
    assert rules.type_rule("accord de pret").type == "pret"
    assert rules.type_rule("accords").plural
    assert rules.exclude_regex.search("nous sommes d'accord")
    assert rules.signing.search("ils ont signe")
    assert rules.witness.search("en presence du ministre")
    assert default_rules() is default_rules()


def _copies(tmp_path: Path) -> dict[str, Path]:
    """Copies of the three rule files in ``tmp_path``."""
    out = {}
    for name in FILES:
        dest = tmp_path / name
        dest.write_text(resource_path(name).read_text(encoding="utf-8"), encoding="utf-8")
        out[name] = dest
    return out


def _load(paths: dict[str, Path]) -> AgreementRules:
    return load_agreement_rules(
        paths["agreements.yaml"], paths["agreement_status.yaml"], paths["domains.yaml"]
    )


def test_copies_load_like_the_default(tmp_path: Path) -> None:
    rules = _load(_copies(tmp_path))
    assert rules.types == default_rules().types
    assert [d for d, _ in rules.domains] == [d for d, _ in default_rules().domains]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = [
    (
        "companies-missing-legal-forms",
        "agreements.yaml",
        "  legal_forms:",
        "  legal_form:",
        r"companies: missing key\(s\) \['legal_forms'\]",
    ),
    (
        "enumeration-missing-ordinals",
        "agreements.yaml",
        "  ordinals:",
        "  ordinaux:",
        r"enumeration: missing key\(s\) \['ordinals'\]",
    ),
    (
        "enumeration-empty-cue",
        "agreements.yaml",
        'about: ["porte sur",',
        'about: ["",',
        r"enumeration.about: expected a list of non-empty strings",
    ),
    (
        "unknown-type",
        "agreements.yaml",
        '{pattern: "accord-cadre", type: accord_cadre}',
        '{pattern: "accord-cadre", type: entente}',
        r"types\[0\]: 'entente' is not one of",
    ),
    (
        "duplicate-pattern",
        "agreements.yaml",
        '{pattern: "accord cadre", type: accord_cadre}',
        '{pattern: "Accord-Cadre", type: accord_cadre}',
        r"types\[1\]: duplicate pattern 'Accord-Cadre'",
    ),
    (
        "missing-type-key",
        "agreements.yaml",
        '{pattern: "accord-cadre", type: accord_cadre}',
        '{pattern: "accord-cadre"}',
        r"types\[0\]: missing key\(s\) \['type'\]",
    ),
    (
        "missing-top-key",
        "agreements.yaml",
        "anaphoric:",
        "anaphores:",
        r"missing key\(s\) \['anaphoric'\]",
    ),
    (
        "unknown-status",
        "agreement_status.yaml",
        "status: negotiating",
        "status: pending",
        r"status\[2\]: 'pending' is not one of",
    ),
    (
        "invalid-status-regex",
        "agreement_status.yaml",
        '"pourparlers"',
        '"pourparlers("',
        r"status\[2\]: invalid pattern",
    ),
    (
        "missing-status-cues",
        "agreement_status.yaml",
        "witness_cues:",
        "temoins:",
        r"missing key\(s\) \['witness_cues'\]",
    ),
    (
        "bad-domain-name",
        "domains.yaml",
        "  sante:",
        "  Santé publique:",
        "domains.Santé publique: domain names are lower-case words with underscores",
    ),
    (
        "empty-domain-stem",
        "domains.yaml",
        '"vaccin"',
        '""',
        r"domains\.sante: expected a list of non-empty strings",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_broken_rule_file(tmp_path: Path, name: str, old: str, new: str, message: str) -> None:
    paths = _copies(tmp_path)
    _edit(paths[name], old, new)
    with pytest.raises(ResourceError, match=message) as err:
        _load(paths)
    # The message names the broken file (the path it was read from).
    assert str(err.value).startswith(str(paths[name]))


def test_rule_file_not_a_mapping(tmp_path: Path) -> None:
    paths = _copies(tmp_path)
    paths["domains.yaml"].write_text("- energie\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=re.escape(f"{paths['domains.yaml']}: expected")):
        _load(paths)


@pytest.mark.parametrize(("text", "domains"), CASES["domains_of"], ids=lambda v: str(v)[:60])
def test_domains_of(text: str, domains: list[str]) -> None:
    assert domains_of(text) == domains


@pytest.mark.parametrize(("text", "status", "cue"), CASES["status_of"], ids=lambda v: str(v)[:60])
def test_status_of(text: str, status: str | None, cue: str | None) -> None:
    expected = None if status is None else (status, cue)
    assert status_of(text) == expected


def test_status_and_domains_use_given_rules(tmp_path: Path) -> None:
    paths = _copies(tmp_path)
    paths["domains.yaml"].write_text('domains:\n  espace: ["spatial", "satellite"]\n', "utf-8")
    rules = _load(paths)
    assert domains_of("Accord sur le lancement d'un satellite", rules) == ["espace"]
    assert domains_of("Accord sur l'énergie atomique", rules) == []
    assert status_of("L'accord a été signé.", rules) == ("signed", "signe")
