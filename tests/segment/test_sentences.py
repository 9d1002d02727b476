"""Sentence cutting on lines and final punctuation: cases from tests/data/sentences_cases.yaml."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
import yaml
from spacy.language import Language

from agreement_nlp.segment.sentences import Segment, Segments, split_sentences
from tests.conftest import TEST_DATA

CASES: dict[str, Any] = yaml.safe_load(
    (TEST_DATA / "sentences_cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    "case",
    CASES["split_sentences"],
    ids=lambda c: c["text"].replace("\n", "⏎").replace("\r", "")[:50] or "<empty>",
)
def test_split_sentences(case: dict[str, Any]) -> None:
    text = case["text"]
    segments = split_sentences(text)
    got = [text[s.start : s.end] for s in segments]
    expected = [e if isinstance(e, str) else e[0] for e in case["expect"]]
    assert got == expected
    for seg, e in zip(segments, case["expect"], strict=True):
        if not isinstance(e, str):
            assert seg.is_line is e[1], seg


def test_offsets_point_into_the_text() -> None:
    text = "Titre de l'article\n\n  Le ministre, M. Diop, a signé. Puis il a parlé !  \nFin"
    segments = split_sentences(text)
    assert all(isinstance(s, Segment) for s in segments)
    starts = [s.start for s in segments]
    assert starts == sorted(starts)
    for seg in segments:
        piece = text[seg.start : seg.end]
        assert piece == piece.strip() and piece
        assert "\n" not in piece
    for a, b in itertools.pairwise(segments):
        assert a.end <= b.start


def test_split_sentences_stops_at_end() -> None:
    text = "Première phrase. Deuxième phrase.\nTroisième ligne."
    end = text.index("\n")
    segments = split_sentences(text, end)
    assert [text[s.start : s.end] for s in segments] == ["Première phrase.", "Deuxième phrase."]
    assert split_sentences(text, 0) == []


@pytest.mark.model
def test_segments_on_a_doc(nlp: Language) -> None:
    text = "Titre de l'article\nLe ministre, M. Diop, a   signé. Puis il a parlé."
    doc = nlp.make_doc(text)
    segments = Segments(doc)
    assert len(segments) == 3
    assert segments.index_of(0) == 0
    assert segments.index_of(text.index("M. Diop")) == 1
    assert segments.index_of(text.index("Puis")) == 2
    assert segments.index_of(len(text) - 1) == 2
    assert segments.text_of(1) == "Le ministre, M. Diop, a signé."
