"""Ministerial portfolios read after a role word: cases from tests/data/portfolio_cases.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.language import Language

from agreement_nlp.extraction.persons.portfolio import (
    load_lexicon,
    ministry_key,
    ministry_name,
    participle_phrases,
    read_portfolio,
)
from agreement_nlp.resources import ResourceError, resource_path
from tests.conftest import TEST_DATA

CASES: dict[str, Any] = yaml.safe_load(
    (TEST_DATA / "portfolio_cases.yaml").read_text(encoding="utf-8")
)


def _after(doc: Any, text: str, word: str) -> int:
    """Index of the token after the first occurrence of ``word``."""
    start = text.index(word)
    span = doc.char_span(start, start + len(word))
    assert span is not None, f"{word!r} is not on token boundaries"
    return span.end


@pytest.mark.model
@pytest.mark.parametrize(
    "case",
    CASES["read_portfolio"],
    ids=lambda c: f"{c['portfolio'] or 'none'}|{c['country'] or '-'}|{c['sentence'][:30]}",
)
def test_read_portfolio(nlp: Language, case: dict[str, Any]) -> None:
    text = case["sentence"]
    doc = nlp(text)
    found = read_portfolio(doc, _after(doc, text, case["after"]))
    if case["portfolio"] is None:
        assert found is None, found
        return
    assert found is not None
    assert found.text == case["portfolio"]
    assert text[found.start : found.end] == found.text
    assert found.country == case["country"]
    if found.country is not None:
        assert found.country_text
        assert found.country_text in text
    if "next" in case:
        assert doc[found.end_token].text == case["next"]


@pytest.mark.model
def test_read_portfolio_stops_at_limit(nlp: Language) -> None:
    text = "Le ministre de l'Économie et des Finances a signé."
    doc = nlp(text)
    i = _after(doc, text, "ministre")
    limit = doc.char_span(text.index(" et") + 1, text.index(" et") + 3).start
    found = read_portfolio(doc, i, limit=limit)
    assert found is not None
    assert found.text == "de l'Économie"
    assert read_portfolio(doc, i, limit=i) is None


@pytest.mark.parametrize(("portfolio", "prefix", "expected"), CASES["ministry_name"], ids=str)
def test_ministry_name(portfolio: str, prefix: str, expected: str) -> None:
    assert ministry_name(portfolio, prefix) == expected


def test_ministry_name_default_prefix() -> None:
    assert ministry_name("de la Justice") == "Ministère de la Justice"


@pytest.mark.parametrize(("a", "b"), CASES["ministry_key"]["same"], ids=str)
def test_ministry_key_same(a: str, b: str) -> None:
    assert ministry_key(a) == ministry_key(b)


@pytest.mark.parametrize(("a", "b"), CASES["ministry_key"]["different"], ids=str)
def test_ministry_key_different(a: str, b: str) -> None:
    assert ministry_key(a) != ministry_key(b)


@pytest.mark.parametrize(
    "data", [{}, {"participle_phrases": "résidant à l'étranger"}, {"participle_phrases": [""]}]
)
def test_participle_phrases_broken(data: object) -> None:
    with pytest.raises(ResourceError, match="participle_phrases"):
        participle_phrases(data)


def test_shipped_lexicon_has_no_duplicate_head() -> None:
    heads, inner = load_lexicon(resource_path("portfolios.yaml"))
    assert {"economie", "affaires", "amenagement", "environnement"} <= heads
    assert "avec" in inner


def test_duplicate_head_names_the_file_and_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "portfolios.yaml"
    path.write_text(
        "heads: [sante, justice, Économie, economie]\ninner_prepositions: [avec]\n",
        encoding="utf-8",
    )
    with pytest.raises(ResourceError) as err:
        load_lexicon(path)
    assert str(err.value) == (f"{path}: heads[3]: duplicate head 'economie' (already heads[2])")


@pytest.mark.parametrize(
    "text",
    ["heads: [sante]\n", "inner_prepositions: [avec]\n", "heads: 3\ninner_prepositions: []\n"],
)
def test_lexicon_without_lists(tmp_path: Path, text: str) -> None:
    path = tmp_path / "portfolios.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError, match=r"needs 'heads' and 'inner_prepositions' lists"):
        load_lexicon(path)
