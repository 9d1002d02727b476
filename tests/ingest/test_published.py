"""Publication dates from records and callers: ISO kept, day-first dates read, the rest refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.ingest.inputs import to_articles
from agreement_nlp.ingest.published import published_iso
from agreement_nlp.ingest.records import record_to_article
from tests.cli_run import run_cli
from tests.conftest import TEST_DATA

CASES = yaml.safe_load((TEST_DATA / "published_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["given"] for c in CASES])
def test_published_dates_are_read_or_refused(case: dict[str, Any]) -> None:
    assert published_iso(case["given"]) == case["iso"]


def test_a_record_date_that_is_no_date_is_left_empty_and_said() -> None:
    article = record_to_article({"id": "a", "text": "Texte.", "date": "tomorrow"}, "d.jsonl:1", 1)
    assert article.status == "ok" and article.published_at is None
    assert (
        article.error
        == "d.jsonl:1: published_at 'tomorrow' is not a date (a day, month and year); left empty"
    )


def test_a_day_first_record_date_becomes_iso() -> None:
    article = record_to_article({"id": "a", "text": "Texte.", "date": "24/06/2025"}, "d.jsonl:1", 1)
    assert (article.published_at, article.published_at_source, article.error) == (
        "2025-06-24",
        "record",
        None,
    )


def test_the_api_refuses_a_published_at_that_is_no_date() -> None:
    with pytest.raises(ValueError, match="'tomorrow' is not a date"):
        to_articles("Le ministre a parlé.", published_at="tomorrow")
    (article,) = list(to_articles("Le ministre a parlé.", published_at="24/06/2025"))
    assert article.published_at == "2025-06-24"


def test_the_cli_refuses_it_before_the_model_loads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Le ministre a parlé hier.", encoding="utf-8")
    done = run_cli(
        "extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
        "--published-at", "tomorrow", timeout=120,
    )  # fmt: skip
    assert done.returncode == 2 and "--published-at" in done.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
def test_a_day_first_record_date_anchors_relative_dates_end_to_end(tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text(
        '{"id": "a", "date": "24/06/2025", "text": "Le ministre des Finances, Awa Ba, '
        'a signé hier un accord de prêt avec la BAD."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "o"
    done = run_cli("extract", str(dump), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    articles = (out / "articles.csv").read_text(encoding="utf-8")
    assert "2025-06-24,day,record" in articles
    assert "2025-06-23" in (out / "agreements.csv").read_text(encoding="utf-8")
