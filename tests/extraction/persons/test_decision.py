"""The person model: the features it reads, the confidence it gives, what dropping does."""

from __future__ import annotations

import pytest
from spacy.language import Language

from agreement_nlp.extraction.entities import Person
from agreement_nlp.extraction.persons.decision import OFFICES, decide_role, person_model


@pytest.mark.model
def test_office_holders_get_a_confidence_and_others_none(nlp: Language) -> None:
    doc = nlp(
        "Le ministre des Finances, Awa Ba, a reçu le journaliste Moussa Diallo. "
        "Le président de la République, Bassirou Diomaye Faye, était présent."
    )
    by_name = {p.name: p for p in doc._.persons}
    for name in ("Awa Ba", "Bassirou Diomaye Faye"):
        p = by_name[name]
        assert p.role in OFFICES and p.confidence is not None
        assert p.confidence >= person_model().threshold and p.rule.endswith("model:persons")
    assert all(p.confidence is None for p in doc._.persons if p.role not in OFFICES)


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        ("Le président du parti, Jean Kaboré, a parlé.", "Jean Kaboré", "right=parti"),
        ("Le ministre de la Santé, Awa Ba, a parlé.", "Awa Ba", "path="),
        ("Le ministre de la Santé, Awa Ba, a parlé.", "Awa Ba", "portfolio"),
    ],
)
@pytest.mark.model
def test_features_read_around_the_role_words(
    text: str, name: str, feature: str, proposing: Language
) -> None:
    doc = proposing(text)
    person = next(p for p in doc._.persons if p.name == name)
    assert any(k.startswith(feature) for k in person.features), sorted(person.features)


def test_a_dropped_office_leaves_the_person_with_role_other() -> None:
    person = Person(
        "P1",
        "Jean Kaboré",
        [],
        role="minister",
        ministry="Ministère de la Santé",
        rule="role:ministre",
    )
    kept = decide_role(person, {"bias-only": 1.0, "role=minister": -1e6})
    assert not kept and person.role == "other" and person.ministry is None
    assert person.rule == "role:ministre;model:persons:dropped"
    assert person.confidence is not None and person.confidence < person_model().threshold
