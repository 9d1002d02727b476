"""Role words: cases from tests/data/roles_cases.yaml, and the rule loader on broken files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.lexicon.roles import ROLES, RoleRule, find_role_triggers, load_role_rules
from agreement_nlp.resources import ResourceError
from tests.conftest import TEST_DATA

CASES: dict[str, Any] = yaml.safe_load((TEST_DATA / "roles_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "case", CASES["find_role_triggers"], ids=lambda c: c["text"].replace("\n", "⏎")
)
def test_find_role_triggers(case: dict[str, Any]) -> None:
    text = case["text"]
    triggers = find_role_triggers(text)
    got = []
    for t, e in zip(triggers, case["expect"], strict=False):
        fields = [t.text, t.rule.role, t.rule.ministry]
        got.append(fields[: len(e)])
    assert len(triggers) == len(case["expect"]), [(t.text, t.rule.role) for t in triggers]
    assert got == case["expect"]
    for t in triggers:
        assert text[t.start : t.end] == t.text


def test_find_role_triggers_within_bounds() -> None:
    text = "le ministre et le président ont parlé"
    start = text.index("ministre") - 1
    end = text.index(" et")
    triggers = find_role_triggers(text, start, end)
    assert [(t.text, t.start) for t in triggers] == [("ministre", text.index("ministre"))]


def test_byline_rule_after_an_offset_still_reads_the_whole_line() -> None:
    text = "Bamako\nPar Aminata Konaté"
    start = text.index("Par")
    assert [t.text for t in find_role_triggers(text, start)] == ["Par"]
    text = "Un accord signé par le ministre"
    assert [t.text for t in find_role_triggers(text, text.index("par"))] == ["ministre"]


def test_default_rules_are_valid() -> None:
    rules = load_role_rules()
    assert rules
    assert all(isinstance(r, RoleRule) and r.role in ROLES for r in rules)
    by_pattern = {r.pattern: r for r in rules}
    assert len(by_pattern) == len(rules)
    assert by_pattern["ministre"].portfolio and by_pattern["ministre"].glued
    assert by_pattern["par"].byline
    assert by_pattern["secretaire d'etat"].ministry_prefix == "Secrétariat d'État"
    assert by_pattern["president"].weak
    assert by_pattern["ancien ministre"].former


GOOD_RULE = '  - {pattern: "ministre", role: minister, portfolio: true}\n'


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            '  - {pattern: "préfet", role: official, colour: blue}\n',
            r"unknown key\(s\) \['colour'\]",
        ),
        ('  - {pattern: "préfet", role: governor}\n', "'governor' is not one of"),
        ('  - {pattern: "Ministre", role: minister}\n', "duplicate pattern 'Ministre'"),
        ('  - {pattern: "préfet", role: official, glued: "oui"}\n', "glued must be true or false"),
        ("  - {role: official}\n", r"missing key\(s\) \['pattern'\]"),
        ('  - {pattern: "  ", role: official}\n', "empty pattern"),
        ('  - "préfet"\n', "expected a mapping"),
    ],
    ids=[
        "unknown-key",
        "unknown-role",
        "duplicate-pattern",
        "non-boolean-flag",
        "missing-pattern",
        "empty-pattern",
        "entry-not-mapping",
    ],
)
def test_load_role_rules_broken_entry(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "broken_roles.yaml"
    path.write_text("rules:\n" + GOOD_RULE + entry, encoding="utf-8")
    with pytest.raises(ResourceError, match=message) as err:
        load_role_rules(path)
    # The message names the file and the entry (the second one, rules[1]).
    assert str(err.value).startswith(f"{path}: rules[1]")


@pytest.mark.parametrize(
    "content", ["- {pattern: ministre, role: minister}\n", "regles: []\n", "rules: {}\n"]
)
def test_load_role_rules_without_rules_list(tmp_path: Path, content: str) -> None:
    path = tmp_path / "roles.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError, match=re.escape(f"{path}: expected a mapping")):
        load_role_rules(path)


def test_load_role_rules_reads_flags_and_prefix(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    path.write_text(
        "rules:\n"
        + GOOD_RULE
        + '  - {pattern: "Secrétaire d’État", role: minister, '
        + 'ministry_prefix: "Secrétariat d\'État", glued: true}\n',
        encoding="utf-8",
    )
    minister, secretary = load_role_rules(path)
    assert minister == RoleRule(pattern="ministre", role="minister", portfolio=True)
    assert secretary.pattern == "secretaire d'etat"
    assert secretary.ministry_prefix == "Secrétariat d'État"
    assert secretary.glued and not secretary.portfolio
