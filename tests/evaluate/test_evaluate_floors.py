"""Regression floors: the pipeline F1 on each split of ``data/annotated`` must stay above
``floors.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from tests.conftest import ROOT

from agreement_nlp.evaluate import evaluate
from agreement_nlp.evaluate.gold import gold_files
from agreement_nlp.evaluate.scoring import SCORED_TABLES

ANNOTATED = ROOT / "data" / "annotated"
FLOORS = Path(__file__).with_name("floors.json")
SPLITS = ("dev", "heldout")


def load_floors(split: str, path: Path = FLOORS) -> dict[str, float]:
    """Table -> lowest acceptable F1 on one split; keys starting with "_" are comments."""
    data = json.loads(path.read_text(encoding="utf-8"))
    floors = {k: float(v) for k, v in data[split].items() if not k.startswith("_")}
    unknown = set(floors) - set(SCORED_TABLES)
    assert not unknown, f"{path}: unknown tables {sorted(unknown)}"
    return floors


def split_ids(split: str) -> list[str]:
    return list(json.loads((ANNOTATED / "splits.json").read_text(encoding="utf-8"))[split])


def below_floor(f1: dict[str, float | None], floors: dict[str, float]) -> list[str]:
    """Messages for the tables under their floor; a table with no gold and no output is skipped."""
    return [
        f"{table}: F1 {f1[table]:.3f} < floor {floor:.3f}"
        for table, floor in floors.items()
        if f1.get(table) is not None and f1[table] < floor  # type: ignore[operator]
    ]


def test_floor_helper() -> None:
    floors = {"ministers": 0.5, "agreements": 0.4, "signatories": 0.1}
    f1 = {"ministers": 0.6, "agreements": 0.3, "signatories": None}
    assert below_floor(f1, floors) == ["agreements: F1 0.300 < floor 0.400"]


@pytest.mark.parametrize("split", [*SPLITS, "real_dev"])
def test_floors_file_covers_every_table(split: str) -> None:
    assert set(load_floors(split)) == set(SCORED_TABLES)


def test_splits_cover_every_gold_file() -> None:
    ids = [i for split in SPLITS for i in split_ids(split)]
    assert len(ids) == len(set(ids)), "an article is in two splits"
    assert sorted(ids) == sorted(p.stem for p in gold_files(ANNOTATED))


@pytest.mark.model
@pytest.mark.parametrize("split", SPLITS)
def test_pipeline_f1_above_floors(nlp: Language, split: str) -> None:
    report = evaluate(ANNOTATED, split_ids(split), nlp=nlp, baseline=False)
    f1 = {table: report.pipeline.f1(table) for table in SCORED_TABLES}
    failures = below_floor(f1, load_floors(split))
    assert not failures, f"F1 below floor on the {split} split:\n" + "\n".join(failures)


REAL = ROOT / "data" / "annotated" / "real"
SHARED = ROOT.parent / "shared"


@pytest.mark.model
@pytest.mark.skipif(not (SHARED / "pool").is_dir(), reason="../shared not here")
def test_pipeline_f1_above_floors_on_real_dev(nlp: Language) -> None:
    texts = [SHARED / "pool", SHARED / "corpus"]
    report = evaluate(REAL, nlp=nlp, baseline=False, texts=texts, splits=("dev",))
    assert len(report.article_ids) >= 100
    f1 = {table: report.pipeline.f1(table) for table in SCORED_TABLES}
    failures = below_floor(f1, load_floors("real_dev"))
    assert not failures, "F1 below floor on the real dev split:\n" + "\n".join(failures)
