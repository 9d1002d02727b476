"""Fitting a choice model: deterministic, cross-validated, refusing what cannot train."""

from __future__ import annotations

import pytest

from agreement_nlp.train.examples import Choice
from agreement_nlp.train.fit import TrainingError
from agreement_nlp.train.fit_choice import fit_choice

LABELS = ("signed", "announced", "other")


def _examples(n: int) -> list[Choice]:
    """A cue of the right label is the nearest one in most examples, noise in the rest."""
    out = []
    for i in range(n):
        label = LABELS[i % 3]
        cue = label if i % 5 else LABELS[(i + 1) % 3]
        candidates = {lab: {lab: 1.0, **({"nearest": 1.0} if lab == cue else {})} for lab in LABELS}
        out.append(Choice(f"article-{i // 2}", candidates, label))
    return out


def test_the_fit_learns_the_cue_and_says_how_well_out_of_fold() -> None:
    model, bins = fit_choice("demo", LABELS, _examples(90), _examples(30))
    assert model.weights["nearest"] > 1.0
    assert model.best({"announced": {"announced": 1.0, "nearest": 1.0}})[0] == "announced"
    cv = model.trained["cross_validated"]
    assert 0.7 <= cv["accuracy"] <= 0.9  # one example in five has a misleading cue
    assert sum(b.n for b in bins) == 120
    assert model.trained["train"]["examples"] == 90 and model.trained["dev"]["examples"] == 30


def test_fitting_twice_gives_the_same_file() -> None:
    first, _ = fit_choice("demo", LABELS, _examples(60), _examples(20))
    second, _ = fit_choice("demo", LABELS, _examples(60), _examples(20))
    assert first.to_json() == second.to_json()


def test_one_label_only_or_an_undeclared_one_is_refused() -> None:
    same = [Choice(f"a{i}", {"signed": {}}, "signed") for i in range(10)]
    with pytest.raises(TrainingError, match="at least two labels"):
        fit_choice("demo", LABELS, same, same)
    odd = [*_examples(30), Choice("x", {}, "ratified")]
    with pytest.raises(TrainingError, match="labels not declared for demo: ratified"):
        fit_choice("demo", LABELS, odd, [])
