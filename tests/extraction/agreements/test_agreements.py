"""Agreements: type, status, parties, date, place and signatories on texts written
for the project. Dev, held-out and bug cases are kept apart.

These cases check what the rules propose and read (every proposal kept): whether a
proposal is kept is the agreement model's decision, tested in ``test_decision.py`` and
measured on the real corpus."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from agreement_nlp import extract
from tests.extraction_cases import load_cases, norm, record


def check_agreements(case: dict[str, Any], nlp: Language) -> None:
    tables = extract(record(case), nlp=nlp)
    rows = tables.agreements.to_dict("records")
    if "n" in case:
        assert len(rows) == case["n"], [r["title"] for r in rows]
    sigs = tables.signatories
    for expected in case.get("agreements", []):
        # Without a title an expectation would match whatever row comes first: only a case
        # of one agreement may leave it out.
        assert expected.get("title") or case.get("n") == 1, f"{case['id']}: give a title"
        matches = [r for r in rows if norm(expected.get("title", "")) in norm(r["title"])]
        assert len(matches) == 1, (
            f"{len(matches)} agreements like {expected.get('title')!r} in "
            f"{[r['title'] for r in rows]}"
        )
        row = matches[0]
        for attr in ("type", "status", "signed_on", "place"):
            if attr in expected:
                assert row[attr] == expected[attr], f"{row['title']}: {attr} is {row[attr]!r}"
        if "parties" in expected:
            assert sorted(row["parties"]) == sorted(expected["parties"]), row["title"]
        for code in expected.get("not_parties", []):
            assert code not in row["parties"], row["title"]
        if "signatories" in expected:
            names = sigs.loc[sigs["agreement_id"] == row["agreement_id"], "name"].dropna()
            assert sorted(map(norm, names)) == sorted(map(norm, expected["signatories"]))


@pytest.mark.parametrize("case", load_cases("agreements_dev.yaml"))
@pytest.mark.model
def test_dev(case: dict[str, Any], proposing: Language) -> None:
    check_agreements(case, proposing)


@pytest.mark.parametrize("case", load_cases("agreements_heldout.yaml"))
@pytest.mark.model
def test_heldout(case: dict[str, Any], proposing: Language) -> None:
    check_agreements(case, proposing)


@pytest.mark.parametrize("case", load_cases("agreements_bugs.yaml"))
@pytest.mark.model
def test_bugs_stay_fixed(case: dict[str, Any], proposing: Language) -> None:
    check_agreements(case, proposing)
