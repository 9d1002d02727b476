"""Training on a tiny set of the real annotations: the path works and gives the same file twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from agreement_nlp.choice import parse_choice
from agreement_nlp.evaluate.corpus import read_splits
from agreement_nlp.linear import parse_model
from agreement_nlp.train.examples import proposing_pipeline
from agreement_nlp.train.fit import TrainingError
from agreement_nlp.train.run import ChoiceReport, describe, train_models
from tests.conftest import ROOT

REAL = ROOT / "data" / "annotated" / "real"
SHARED = ROOT.parent / "shared"
TEXTS = [SHARED / "pool", SHARED / "corpus"]
needs_shared = pytest.mark.skipif(not (SHARED / "pool").is_dir(), reason="../shared not here")


def _tiny_corpus(folder: Path, per_split: dict[str, int]) -> Path:
    """The first records of each split (never test) that mention an agreement, and a negative."""
    splits = read_splits(REAL)
    taken: dict[str, list[str]] = {s: [] for s in per_split}
    lines: list[str] = []
    for path in sorted(REAL.glob("batch-0*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            split = splits.get(record["file"])
            if split not in per_split or len(taken[split]) >= per_split[split]:
                continue
            if any(s["label"] == "AGREEMENT" for s in record["spans"]) or not taken[split]:
                taken[split].append(record["file"])
                lines.append(line)
    folder.mkdir()
    (folder / "tiny.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    chosen = {f: s for s, files in taken.items() for f in files}
    (folder / "splits.json").write_text(json.dumps(chosen), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def proposing() -> Language:
    return proposing_pipeline()


@needs_shared
@pytest.mark.model
@pytest.mark.slow
def test_training_twice_gives_the_same_model_file(tmp_path: Path, proposing: Language) -> None:
    gold = _tiny_corpus(tmp_path / "gold", {"train": 14, "dev": 10})
    first = train_models(gold, TEXTS, tmp_path / "a", nlp=proposing)
    second = train_models(gold, TEXTS, tmp_path / "b", nlp=proposing)
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        "agreement_status.json",
        "agreements.json",
        "persons.json",
    ]
    for report in first:
        text = report.path.read_text(encoding="utf-8")
        assert text == (tmp_path / "b" / report.path.name).read_text(encoding="utf-8")
        if isinstance(report, ChoiceReport):
            choice = parse_choice(json.loads(text), report.path.name)
            assert choice.weights and choice.trained["cross_validated"]["folds"] == 5
            continue
        model = parse_model(json.loads(text), report.path.name)
        assert model.weights and 0.0 < model.threshold < 1.0
        assert model.trained["train"]["articles"] == 14
        assert report.train.examples and any(e.label for e in report.train.examples)
    assert all("calibration" in describe(r) for r in second)


@needs_shared
@pytest.mark.model
def test_a_split_without_positives_is_refused(tmp_path: Path, proposing: Language) -> None:
    gold = _tiny_corpus(tmp_path / "gold", {"train": 1, "dev": 1})
    with pytest.raises(TrainingError, match="needs positive and negative examples"):
        train_models(gold, TEXTS, tmp_path / "m", nlp=proposing)
