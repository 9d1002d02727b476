"""The features the status model reads: cues in the agreement's sentence and around it."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from agreement_nlp.extraction.agreements.rules import default_rules
from agreement_nlp.extraction.agreements.status_features import cues_in
from tests.extraction_cases import load_cases


@pytest.mark.parametrize("case", load_cases("status_features.yaml"))
@pytest.mark.model
def test_the_status_features_of_an_agreement(case: dict[str, Any], proposing: Language) -> None:
    doc = proposing(case["text"])
    assert doc._.agreements, "no agreement proposed"
    candidates = doc._.agreements[0].status_features
    features = {f"{label}:{k}" for label, f in candidates.items() for k in f}
    missing = [f for f in case.get("has", []) if f not in features]
    present = [f for f in case.get("lacks", []) if f in features]
    assert not missing and not present, (missing, present)


def test_cues_keep_their_offsets_in_the_text_and_mark_negation() -> None:
    text = "Signé en 2020, l'accord ne sera pas ratifié."
    cues = cues_in(text, 100, default_rules())
    assert [(c.status, c.negated) for c in cues] == [("signed", False), ("ratified", True)]
    assert all(text[c.start - 100 : c.end - 100].lower().startswith(c.words[:3]) for c in cues)
