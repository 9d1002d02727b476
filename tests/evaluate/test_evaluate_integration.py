"""End to end: a tiny invented gold folder, the real model, the library and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from agreement_nlp.cli import app
from agreement_nlp.evaluate import EvaluationReport, evaluate
from agreement_nlp.evaluate.scoring import ERROR_COLUMNS, SCORED_TABLES

pytestmark = pytest.mark.model

ARTICLES = {
    "ml-test-2025-03-04-accord-agricole": (
        "Le Mali et le Sénégal signent un accord de coopération agricole\n\n"
        "Bamako, le 4 mars 2025 - Le ministre malien de l'Agriculture, Moussa Keïta, et son "
        "homologue sénégalaise, Aminata Ndiaye, ministre de l'Agriculture et de l'Équipement "
        "rural, ont signé hier à Bamako un accord de coopération agricole entre le Mali et le "
        "Sénégal. La cérémonie s'est tenue en présence du Premier ministre Ibrahim Coulibaly.\n",
        {
            "id": "ml-test-2025-03-04-accord-agricole",
            "reference_date": "2025-03-04",
            "ministers": [
                {
                    "name": "Moussa Keïta",
                    "country": "MLI",
                    "ministry": "Ministère de l'Agriculture",
                },
                {
                    "name": "Aminata Ndiaye",
                    "country": "SEN",
                    "ministry": "Ministère de l'Agriculture et de l'Équipement rural",
                },
            ],
            "officials": [
                {"name": "Ibrahim Coulibaly", "role": "head_of_government", "country": "MLI"}
            ],
            "ministries": [
                {"name": "Ministère de l'Agriculture", "country": "MLI"},
                {"name": "Ministère de l'Agriculture et de l'Équipement rural", "country": "SEN"},
            ],
            "agreements": [
                {
                    "title": "Accord de coopération agricole entre le Mali et le Sénégal",
                    "type": "accord",
                    "parties": ["MLI", "SEN"],
                    "signatories": ["Moussa Keïta", "Aminata Ndiaye"],
                    "signed_on": "2025-03-03",
                    "status": "signed",
                    "evidence": "ont signé hier à Bamako un accord de coopération agricole",
                }
            ],
            "notes": "Invented article for the evaluation tests.",
        },
    ),
    "sn-test-2025-05-10-match": (
        "Les Lions battent les Éperviers\n\n"
        "Dakar, le 10 mai 2025 - L'attaquant Cheikh Ba a marqué deux buts samedi au stade "
        "Abdoulaye-Wade. Le club a annoncé la signature de son nouveau milieu de terrain.\n",
        {
            "id": "sn-test-2025-05-10-match",
            "reference_date": "2025-05-10",
            "ministers": [],
            "officials": [],
            "ministries": [],
            "agreements": [],
            "notes": "A negative: a football signature is not an agreement.",
        },
    ),
}


def _by_table(scores: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {str(r["table"]): {str(k): v for k, v in r.items()} for r in scores.to_dict("records")}


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for stem, (text, gold) in ARTICLES.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        (folder / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    return folder


def test_evaluate_runs_pipeline_and_baseline(gold_dir: Path, nlp: Language) -> None:
    report = evaluate(gold_dir, nlp=nlp)
    assert isinstance(report, EvaluationReport)
    assert report.article_ids == sorted(ARTICLES)
    assert report.baseline is not None
    scores = report.scores
    assert set(scores["system"]) == {"pipeline", "baseline"}
    gold_counts = scores[scores["system"] == "pipeline"].set_index("table")["n_gold"].to_dict()
    assert gold_counts == {
        "ministers": 2,
        "officials": 1,
        "ministries": 2,
        "ministries_lenient": 2,
        "agreements": 1,
        "signatories": 2,
    }
    for value in scores["recall"].dropna():
        assert 0.0 <= value <= 1.0
    # Every gold row is either paired or listed as a false negative.
    for system in report.systems.values():
        for table in SCORED_TABLES:
            if table == "ministries_lenient":
                continue
            s = _by_table(system.scores)[table]
            errs = system.errors[system.errors["table"] == table]
            assert int(s["fn"]) == int((errs["kind"] == "fn").sum())
            assert int(s["fp"]) == int((errs["kind"] == "fp").sum())
    assert list(report.errors.columns) == ERROR_COLUMNS
    json.dumps(report.to_dict())


def test_baseline_finds_the_named_ministers(gold_dir: Path, nlp: Language) -> None:
    report = evaluate(gold_dir, ["ml-test-2025-03-04-accord-agricole"], nlp=nlp)
    assert report.baseline is not None
    base = _by_table(report.baseline.scores)
    # The bare model tags both minister names PER in a "ministre" sentence...
    assert base["ministers"]["tp"] == 2
    # ...but also the Prime Minister, as a minister: the rules must do better.
    assert base["ministers"]["fp"] >= 1
    assert base["officials"]["n_pred"] == 0
    assert base["ministries"]["n_pred"] == 0


def test_cli_prints_table_and_writes_json_and_errors(gold_dir: Path, tmp_path: Path) -> None:
    json_path, csv_path = tmp_path / "out" / "scores.json", tmp_path / "out" / "errors.csv"
    result = CliRunner().invoke(
        app,
        ["evaluate", "--gold", str(gold_dir), "--json", str(json_path), "--errors", str(csv_path)],
    )
    assert result.exit_code == 0, result.output
    assert "ministers" in result.output and "baseline" in result.output
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["n_articles"] == 2
    assert set(data["pipeline"]["scores"]) == set(SCORED_TABLES)
    errors = pd.read_csv(csv_path)
    assert list(errors.columns) == ERROR_COLUMNS


def test_cli_reports_a_broken_gold_file(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path)])
    assert result.exit_code == 2
    assert "bad.json: invalid JSON" in result.output
