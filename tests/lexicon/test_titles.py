"""Titles and ranks around names: cases from tests/data/titles_cases.yaml, the loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.lexicon.titles import (
    load_titles,
    split_leading_titles,
    title_across,
    title_before,
)
from agreement_nlp.resources import ResourceError
from tests.conftest import TEST_DATA

CASES: dict[str, Any] = yaml.safe_load(
    (TEST_DATA / "titles_cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(("text", "titles", "rest"), CASES["split_leading_titles"], ids=str)
def test_split_leading_titles(text: str, titles: str, rest: str) -> None:
    got_titles, got_rest = split_leading_titles(text)
    assert (got_titles, got_rest) == (titles, rest)
    assert text.startswith(got_titles)
    assert text.endswith(got_rest)


@pytest.mark.parametrize("case", CASES["title_before"], ids=lambda c: c["text"])
def test_title_before(case: dict[str, Any]) -> None:
    text = case["text"]
    start = text.index(case["name"])
    title, at = title_before(text, start)
    assert (title, at) == (case["title"], case["at"])
    if title:
        assert text[at:].startswith(title)


@pytest.mark.parametrize("case", CASES["title_across"], ids=lambda c: c["text"])
def test_title_across(case: dict[str, Any]) -> None:
    text = case["text"]
    begin = title_across(text, text.index(case["name"]), len(text))
    assert begin == text.index(case["begins"])


def test_title_before_respects_the_window() -> None:
    text = "le Général " + "x" * 100 + " Diop"
    assert title_before(text, text.index("Diop")) == ("", text.index("Diop"))


def test_load_titles_default_is_longest_first() -> None:
    titles = load_titles()
    assert "Général de corps d'armée" in titles
    assert "S.E.M." in titles
    assert len(titles) == len(set(titles))
    lengths = [len(t) for t in titles]
    assert lengths == sorted(lengths, reverse=True)


def test_load_titles_dedupes_and_strips(tmp_path: Path) -> None:
    path = tmp_path / "titles.yaml"
    path.write_text('titles: ["Mme", " Mme ", "Général de brigade"]\n', encoding="utf-8")
    assert load_titles(path) == ("Général de brigade", "Mme")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- Mme\n- M.\n", "expected a mapping with a 'titles' list"),
        ("titres: [Mme]\n", "expected a mapping with a 'titles' list"),
        ('titles: [Mme, ""]\n', r"titles\[1\] must be a non-empty string"),
        ("titles: [Mme, 3]\n", r"titles\[1\] must be a non-empty string"),
        ("titles: [Mme\n", "invalid YAML"),
    ],
    ids=["list-not-mapping", "wrong-key", "empty-title", "number-title", "invalid-yaml"],
)
def test_load_titles_broken_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken_titles.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError, match=message) as err:
        load_titles(path)
    assert "broken_titles.yaml" in str(err.value)


def test_load_titles_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="cannot read"):
        load_titles(tmp_path / "absent.yaml")
