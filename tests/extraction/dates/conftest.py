"""Fixtures of the date tests: the model's own components only, so the dates suite
does not depend on the project's other components."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def make_doc(nlp: Language) -> Callable[[str], Doc]:
    """Text -> Doc through tokenizer, morphologizer, parser and NER (no agreement_* pipes)."""
    model_pipes = [(name, pipe) for name, pipe in nlp.pipeline if not name.startswith("agreement_")]

    @cache
    def run(text: str) -> Doc:
        doc = nlp.make_doc(text)
        for _, pipe in model_pipes:
            doc = pipe(doc)
        return doc

    return run
