"""Persons, roles, ministries and countries on French sentences written for the project.

Dev cases were used while writing the rules; held-out cases were not; bug
cases are regressions that once failed.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from agreement_nlp import extract
from tests.extraction_cases import load_cases, norm, record

ATTRIBUTES = ("role", "ministry", "country", "title")


def check_persons(case: dict[str, Any], nlp: Language) -> None:
    tables = extract(record(case), nlp=nlp)
    assert tables.articles["status"].tolist() == ["ok"]
    rows = tables.persons.to_dict("records")
    by_name = {norm(r["name"]): r for r in rows}
    for expected in case.get("persons", []):
        row = by_name.get(norm(expected["name"]))
        assert row is not None, f"{expected['name']!r} not found in {sorted(by_name)}"
        for attr in ATTRIBUTES:
            if attr in expected:
                assert norm(row[attr]) == norm(expected[attr]), (
                    f"{expected['name']}: {attr} is {row[attr]!r}, expected {expected[attr]!r}"
                )
    for name in case.get("absent", []):
        assert norm(name) not in by_name, f"{name!r} should not be a person"


@pytest.mark.parametrize("case", load_cases("persons_dev.yaml"))
@pytest.mark.model
def test_dev(case: dict[str, Any], nlp: Language) -> None:
    check_persons(case, nlp)


@pytest.mark.parametrize("case", load_cases("persons_heldout.yaml"))
@pytest.mark.model
def test_heldout(case: dict[str, Any], nlp: Language) -> None:
    check_persons(case, nlp)


@pytest.mark.parametrize("case", load_cases("persons_bugs.yaml"))
@pytest.mark.model
def test_bugs_stay_fixed(case: dict[str, Any], nlp: Language) -> None:
    check_persons(case, nlp)
