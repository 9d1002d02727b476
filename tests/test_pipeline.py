"""Building the pipeline: termination signals wait until the model is loaded."""

from __future__ import annotations

import signal

import pytest
import spacy

from agreement_nlp import pipeline


def test_sigterm_is_held_while_the_model_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A SIGTERM during spacy.load came out as "model not installed" (a CI run caught it)."""
    seen: list[set[signal.Signals]] = []

    def fake_load(name: str) -> spacy.language.Language:
        seen.append(signal.pthread_sigmask(signal.SIG_BLOCK, []))
        return spacy.blank("fr")

    monkeypatch.setattr(pipeline.spacy, "load", fake_load)
    before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    pipeline.build_pipeline("any")
    assert {signal.SIGTERM, signal.SIGINT} <= seen[0]
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == before


def test_a_signal_sent_during_the_load_is_delivered_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    received: list[int] = []

    def fake_load(name: str) -> spacy.language.Language:
        signal.raise_signal(signal.SIGINT)
        assert not received
        return spacy.blank("fr")

    monkeypatch.setattr(pipeline.spacy, "load", fake_load)
    old = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        pipeline.build_pipeline("any")
    finally:
        signal.signal(signal.SIGINT, old)
    assert received == [signal.SIGINT]
