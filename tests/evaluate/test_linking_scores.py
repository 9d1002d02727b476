"""B-cubed scoring of the linking pass: the measure, the pairing of gold to rows, the splits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from agreement_nlp.evaluate.gold import GoldError, parse_gold
from agreement_nlp.evaluate.linking import LINK_COLUMNS, LinkItem, bcubed, score_linking
from agreement_nlp.evaluate.run import table_golds
from agreement_nlp.tables.frames import Tables

CASES = yaml.safe_load(Path(__file__).with_name("bcubed_cases.yaml").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_bcubed(case: dict[str, Any]) -> None:
    items = [LinkItem(f"a{i}", g, s) for i, (g, s) in enumerate(case["items"])]
    assert [round(v, 3) for v in bcubed(items)] == case["expect"]


def _gold(article_id: str, event: str, person: str, name: str) -> Any:
    data = {
        "id": article_id,
        "reference_date": "2025-03-10",
        "ministers": [{"name": name, "country": "SEN", "person": person}],
        "officials": [],
        "ministries": [],
        "agreements": [
            {
                "title": "Accord de prêt pour l'eau potable du Sine-Saloum",
                "type": "pret",
                "parties": ["BAD", "SEN"],
                "status": "signed",
                "event": event,
            }
        ],
    }
    return parse_gold(data, Path(f"{article_id}.json"))


def _tables(rows: list[tuple[str, str, str, str]]) -> Tables:
    """(article, event_id, person name, person_key) per article."""
    tables = Tables.empty()
    tables.agreements = pd.DataFrame(
        {
            "article_id": [a for a, *_ in rows],
            "agreement_id": ["A1"] * len(rows),
            "title": ["l'accord de prêt pour l'eau potable du Sine-Saloum"] * len(rows),
            "parties": [["BAD", "SEN"]] * len(rows),
            "event_id": [e for _, e, *_ in rows],
        }
    )
    tables.persons = pd.DataFrame(
        {
            "article_id": [a for a, *_ in rows],
            "name": [n for *_, n, _ in rows],
            "person_key": [k for *_, k in rows],
        }
    )
    return tables


def test_score_linking_pairs_gold_rows_to_their_clusters() -> None:
    golds = [
        _gold("a1", "E01", "P01", "Amadou Diop"),
        _gold("a2", "E01", "P01", "Amadou DIOP"),
        _gold("a3", "E02", "P02", "Fatou Diop"),
    ]
    tables = _tables(
        [
            ("a1", "E1", "Amadou Diop", "amadou-diop"),
            ("a2", "E1", "Amadou Diop", "amadou-diop"),
            ("a3", "E1", "Awa Ndiaye", "awa-ndiaye"),  # the person is not found
        ]
    )
    scores = score_linking(golds, tables).set_index("table")
    assert list(scores.reset_index().columns) == LINK_COLUMNS
    events, people = scores.loc["events"], scores.loc["people"]
    assert (events["n_gold"], events["n_paired"], events["gold_clusters"]) == (3, 3, 2)
    assert round(float(events["precision"]), 3) == 0.556  # E02 merged into E01
    assert float(events["recall"]) == 1.0
    assert (people["n_gold"], people["n_paired"], float(people["coverage"])) == (3, 2, 2 / 3)
    assert float(people["f1"]) == 1.0
    assert float(events["low"]) <= float(events["f1"]) <= float(events["high"])


def test_score_linking_is_empty_without_cross_article_keys() -> None:
    gold = parse_gold(
        {
            "id": "a",
            "reference_date": None,
            "ministers": [{"name": "Awa Ba"}],
            "officials": [],
            "ministries": [],
            "agreements": [],
        },
        Path("a.json"),
    )
    assert score_linking([gold], Tables.empty()).empty


def test_a_split_of_table_level_gold_is_read_from_splits_json(tmp_path: Path) -> None:
    for stem in ("a", "b"):
        (tmp_path / f"{stem}.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
        (tmp_path / f"{stem}.json").write_text(
            json.dumps(
                {
                    "id": stem,
                    "reference_date": None,
                    "ministers": [],
                    "officials": [],
                    "ministries": [],
                    "agreements": [],
                }
            ),
            encoding="utf-8",
        )
    (tmp_path / "splits.json").write_text(json.dumps({"dev": ["a"], "heldout": ["b"]}), "utf-8")
    golds, _, used = table_golds(tmp_path, None, ["heldout"])
    assert [g.article_id for g in golds] == ["b"] and used == ["heldout"]
    assert len(table_golds(tmp_path, None, None)[0]) == 2
    with pytest.raises(GoldError, match="no split test"):
        table_golds(tmp_path, None, ["test"])
