"""Fitting the event linker on cross-article gold: examples, weights, the file it writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agreement_nlp.link.config import WEIGHTS, load_config
from agreement_nlp.train.fit import TrainingError
from agreement_nlp.train.linking import THRESHOLDS, LinkExample, fit_weights, train_linking
from tests.conftest import ROOT

LINKING = ROOT / "data" / "linking"


def _example(label: bool, **features: float) -> LinkExample:
    return LinkExample(features, label, ("a:A1", "b:A1"))


def test_weights_cover_every_feature_and_learn_the_sign() -> None:
    examples = [
        _example(True, same_signed_on=1.0, title_overlap=0.8),
        _example(True, same_signed_on=1.0, title_overlap=0.6),
        _example(False, amount_conflict=1.0, title_overlap=0.1),
        _example(False, amount_conflict=1.0),
    ]
    weights = fit_weights(examples, 1.0)
    assert set(weights) == set(WEIGHTS)
    assert weights["same_signed_on"] > 0 > weights["amount_conflict"]
    assert weights["same_place"] == 0.0  # never seen


def test_one_class_only_is_refused() -> None:
    with pytest.raises(TrainingError, match="all of one class"):
        fit_weights([_example(True, same_type=1.0)] * 3, 1.0)


def _small_gold(folder: Path) -> Path:
    """A copy of the dev articles of data/linking, all as train, half as dev."""
    dev = json.loads((LINKING / "splits.json").read_text(encoding="utf-8"))["dev"]
    folder.mkdir()
    for stem in dev:
        for suffix in (".txt", ".json"):
            shutil.copy(LINKING / f"{stem}{suffix}", folder / f"{stem}{suffix}")
    splits = {"train": dev, "dev": dev[1::2]}
    (folder / "splits.json").write_text(json.dumps(splits), encoding="utf-8")
    return folder


@pytest.mark.model
@pytest.mark.slow
def test_training_twice_writes_the_same_valid_config(tmp_path: Path) -> None:
    gold = _small_gold(tmp_path / "gold")
    first = train_linking(gold, tmp_path / "a.yaml")
    train_linking(gold, tmp_path / "b.yaml")
    text = first.path.read_text(encoding="utf-8")
    assert text == (tmp_path / "b.yaml").read_text(encoding="utf-8")
    config = load_config(first.path)
    assert config.threshold in THRESHOLDS and config == first.config
    assert first.n_examples > first.n_positive > 0
    assert "train split" in text and 0.0 <= first.dev_f1 <= 1.0


def test_a_folder_without_a_train_split_is_refused(tmp_path: Path) -> None:
    from agreement_nlp.evaluate import GoldError

    (tmp_path / "splits.json").write_text('{"dev": []}', encoding="utf-8")
    with pytest.raises(GoldError, match="no split train"):
        train_linking(tmp_path, tmp_path / "out.yaml")
