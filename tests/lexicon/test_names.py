"""Person names: cases from tests/data/names_cases.yaml, and the stopword file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.lexicon import names
from agreement_nlp.lexicon.names import (
    PARTICLES,
    best_surface,
    display_case,
    looks_like_name,
    name_tokens,
    part_of,
    same_full_name,
    stopwords,
)
from agreement_nlp.resources import ResourceError
from agreement_nlp.text import fold
from tests.conftest import TEST_DATA

CASES: dict[str, Any] = yaml.safe_load((TEST_DATA / "names_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "tokens"), CASES["name_tokens"], ids=repr)
def test_name_tokens(name: str, tokens: list[str]) -> None:
    assert name_tokens(name) == tokens


@pytest.mark.parametrize("text", CASES["looks_like_name"]["positives"], ids=str)
def test_looks_like_name_positive(text: str) -> None:
    assert looks_like_name(text)


@pytest.mark.parametrize(
    "text", CASES["looks_like_name"]["negatives"], ids=lambda t: t or "<empty>"
)
def test_looks_like_name_negative(text: str) -> None:
    assert not looks_like_name(text)


@pytest.mark.parametrize(
    ("a", "b", "expected"), CASES["same_full_name"], ids=lambda v: str(v) if v is not None else ""
)
def test_same_full_name(a: str, b: str, expected: bool) -> None:
    ta, tb = name_tokens(a), name_tokens(b)
    assert same_full_name(ta, tb) is expected
    # The relation does not depend on the order of the two names.
    assert same_full_name(tb, ta) is expected


@pytest.mark.parametrize(("short", "full", "expected"), CASES["part_of"], ids=str)
def test_part_of(short: str, full: str, expected: bool) -> None:
    assert part_of(name_tokens(short), name_tokens(full)) is expected


@pytest.mark.parametrize(("written", "shown"), CASES["display_case"], ids=repr)
def test_display_case(written: str, shown: str) -> None:
    assert display_case(written) == shown


@pytest.mark.parametrize("case", CASES["best_surface"], ids=lambda c: " / ".join(c["surfaces"]))
def test_best_surface(case: dict[str, Any]) -> None:
    assert best_surface(case["surfaces"]) == case["expect"]


def test_stopwords_are_folded_and_not_empty() -> None:
    words = stopwords()
    assert isinstance(words, frozenset)
    assert {"fonds", "ministere", "president", "republique", "liste"} <= words
    assert all(w == fold(w) and w for w in words)


def test_stopwords_keep_particles_out() -> None:
    # A particle inside a name ("Ould", "Ag") must never be taken for an institution word.
    assert not (stopwords() & PARTICLES)


def test_stopwords_bad_file_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad = tmp_path / "name_stopwords.yaml"
    bad.write_text("words: [fonds, 3]\n", encoding="utf-8")
    real_load = names.load_yaml
    monkeypatch.setattr(names, "load_yaml", lambda _name: real_load(bad))
    stopwords.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"name_stopwords\.yaml"):
            stopwords()
    finally:
        monkeypatch.undo()
        stopwords.cache_clear()
    assert "fonds" in stopwords()


def test_stopwords_missing_list_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(names, "load_yaml", lambda _name: {"mots": ["fonds"]})
    stopwords.cache_clear()
    try:
        with pytest.raises(ResourceError, match="'words' list"):
            stopwords()
    finally:
        monkeypatch.undo()
        stopwords.cache_clear()
