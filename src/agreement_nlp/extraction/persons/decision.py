"""Whether a person holds the office the rules give them: the trained person model decides.

The model (``resources/models/persons.json``, trained by ``agreement-nlp train`` on the
train split of ``data/annotated/real``, calibrated on dev) gives each proposed minister or
official the probability that the article names them as holding that office now. That
probability is the row's ``confidence``; below the model's threshold the person keeps their
row with role ``other`` and no ministry (the role words stay in ``role_label``).
"""

from __future__ import annotations

from agreement_nlp.extraction.entities import Person
from agreement_nlp.linear import Features, LinearModel, load_model

MODEL = "persons"
OFFICES = frozenset({"minister", "head_of_state", "head_of_government", "ambassador", "official"})


def person_model() -> LinearModel:
    return load_model(MODEL)


def decide_role(person: Person, features: Features, keep_all: bool = False) -> bool:
    """Keep or drop the office of ``person`` (in place); whether it was kept."""
    model = person_model()
    p = model.probability(features)
    person.confidence = round(p, 3)
    person.features = dict(features)
    person.rule = f"{person.rule};model:{MODEL}"
    if keep_all or model.keeps(p):
        return True
    person.role = "other"
    person.ministry = None
    person.rule += ":dropped"
    return False
