from __future__ import annotations

from spacy.tokens import Doc

from agreement_nlp.entities import Ministry, Person


def extract_persons_and_ministries(doc: Doc) -> tuple[list[Person], list[Ministry]]:
    return [], []
