"""The agreement model's decisions and the features it reads, on texts written for the project."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from agreement_nlp.extraction.agreements.decision import MODEL, agreement_model, decide
from tests.extraction_cases import load_cases


@pytest.mark.parametrize("case", load_cases("agreement_decisions.yaml"))
@pytest.mark.model
def test_clear_cases_are_decided_right(case: dict[str, Any], nlp: Language) -> None:
    doc = nlp(case["text"])
    assert bool(doc._.agreements) == case["kept"], [
        (a.title, a.confidence) for a in doc._.agreements
    ]
    for a in doc._.agreements:
        assert a.confidence is not None and agreement_model().threshold <= a.confidence <= 1.0
        assert a.rule is not None and a.rule.endswith(f"model:{MODEL}")


@pytest.mark.model
def test_every_proposal_is_kept_when_asked_and_scored_all_the_same(proposing: Language) -> None:
    text = (
        "Le Niger et le Tchad ont signé un protocole d'accord sur l'énergie. Conformément à "
        "la charte de l'Union africaine, les deux pays coopèrent. Le club a signé un contrat."
    )
    doc = proposing(text)
    assert doc._.agreements
    for a in doc._.agreements:
        _, p = decide(a.features)
        assert a.confidence == round(p, 3)
        assert len(a.features) == len(a.mentions)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Le Mali et la Russie n'ont pas signé l'accord de coopération militaire.", "head_negated"),
        ("Le Mali signerait un accord de défense avec la Russie.", "head_conditional"),
        (
            "Conformément à l'accord de paix signé à Alger, les deux parties se sont réunies.",
            "left=conformement",
        ),
        ("Le Niger et le Tchad ont signé un protocole d'accord sur l'énergie.", "head=signer"),
    ],
)
@pytest.mark.model
def test_features_read_the_parse(text: str, feature: str, proposing: Language) -> None:
    doc = proposing(text)
    assert doc._.agreements, "no proposal"
    features = doc._.agreements[0].features[0]
    assert any(k.startswith(feature) or k == feature for k in features), sorted(features)
