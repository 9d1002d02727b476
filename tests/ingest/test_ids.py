from __future__ import annotations

import pytest

from agreement_nlp.article import Article
from agreement_nlp.ingest.ids import unique_ids


def test_second_and_third_copies_are_renamed_and_noted(capsys: pytest.CaptureFixture[str]) -> None:
    arts = [Article("a", "t", source=f"f.jsonl:{n}") for n in (1, 2, 3)] + [Article("a~2", "t")]
    out = list(unique_ids(arts))
    assert [a.article_id for a in out] == ["a", "a~2", "a~3", "a~2~2"]
    assert out[1].status == "ok"
    assert out[1].error == "duplicate id 'a' (first seen in f.jsonl:1), renamed 'a~2'"
    assert "f.jsonl:2: duplicate id 'a'" in capsys.readouterr().err


def test_ids_are_stable_between_runs() -> None:
    def run() -> list[str]:
        return [a.article_id for a in unique_ids(Article(x, "t") for x in "abab")]

    assert run() == run() == ["a", "b", "a~2", "b~2"]
