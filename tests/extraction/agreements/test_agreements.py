"""Agreements: type, status, parties, date, place and signatories on texts written
for the project. Dev, held-out and bug cases are kept apart.

These cases check what the rules propose and read (every proposal kept). Whether a
proposal is kept is the agreement model's decision, tested in ``test_decision.py``; the
status is the status model's, so the cases' statuses are scored together here (a share
right, not each case), beside the clear cases of ``test_status.py``; both models are
measured on the real corpus."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from agreement_nlp import extract
from tests.extraction_cases import load_cases, norm, record


def check_agreements(case: dict[str, Any], nlp: Language) -> list[tuple[str, str]]:
    """Check a case's agreements; return (expected, found) statuses, which the model decides."""
    statuses = []
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
        if "status" in expected:
            statuses.append((expected["status"], row["status"]))
        for attr in ("type", "signed_on", "place"):
            if attr in expected:
                assert row[attr] == expected[attr], f"{row['title']}: {attr} is {row[attr]!r}"
        if "parties" in expected:
            assert sorted(row["parties"]) == sorted(expected["parties"]), row["title"]
        for code in expected.get("not_parties", []):
            assert code not in row["parties"], row["title"]
        if "signatories" in expected:
            names = sigs.loc[sigs["agreement_id"] == row["agreement_id"], "name"].dropna()
            assert sorted(map(norm, names)) == sorted(map(norm, expected["signatories"]))
    return statuses


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


# Share of the dev and bug cases' statuses the status model gets right: 35 of 40 when the
# model was trained; a retrained model that falls under this floor needs a look.
STATUS_FLOOR = 0.8


@pytest.mark.model
def test_the_status_model_gets_most_case_statuses_right(proposing: Language) -> None:
    cases = [
        p.values[0] for f in ("agreements_dev.yaml", "agreements_bugs.yaml") for p in load_cases(f)
    ]
    pairs = [pair for case in cases for pair in check_agreements(case, proposing)]
    wrong = [pair for pair in pairs if pair[0] != pair[1]]
    assert len(pairs) >= 40
    assert 1 - len(wrong) / len(pairs) >= STATUS_FLOOR, wrong
