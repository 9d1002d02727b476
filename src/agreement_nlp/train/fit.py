"""Fitting a decision model: logistic regression on train, calibration and threshold on dev.

scikit-learn does the fitting (``pip install -e ".[train]"``, part of ``[dev]``):
``DictVectorizer`` over the named features, ``LogisticRegression`` with the
deterministic ``liblinear`` solver and a fixed seed, the regularisation chosen from a
small grid by dev log-loss. Platt scaling on the dev split makes the probability
calibrated; the threshold is the one that gives the best dev F1, counting the gold
agreements that no rule proposed as misses. The result is a :class:`LinearModel`, which
the pipeline reads without scikit-learn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from agreement_nlp.linear import LinearModel
from agreement_nlp.train.examples import Example, Proposal, SplitExamples

SEED = 0
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)


class TrainingError(ValueError):
    """The examples cannot train a model (too few, one class only)."""


@dataclass(frozen=True)
class CalibrationBin:
    low: float
    high: float
    n: int
    mean_confidence: float | None
    share_right: float | None


def _sklearn() -> Any:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise TrainingError(
            'training needs scikit-learn: pip install -e ".[train]" (it is in ".[dev]" too)'
        ) from exc
    return DictVectorizer, LogisticRegression


def _raw_model(name: str, examples: Sequence[Example], c: float) -> LinearModel:
    dict_vectorizer, logistic = _sklearn()
    vec = dict_vectorizer(sort=True, sparse=False)  # liblinear refuses int64 sparse indices
    x = vec.fit_transform([e.features for e in examples])
    y = [int(e.label) for e in examples]
    fitted = logistic(C=c, solver="liblinear", random_state=SEED, max_iter=1000).fit(x, y)
    weights = dict(zip(vec.get_feature_names_out(), fitted.coef_[0].tolist(), strict=True))
    return LinearModel(name=name, weights=weights, bias=float(fitted.intercept_[0]))


def _log_loss(model: LinearModel, examples: Sequence[Example]) -> float:
    total = 0.0
    for e in examples:
        p = min(max(model.probability(e.features), 1e-9), 1 - 1e-9)
        total -= math.log(p if e.label else 1 - p)
    return total / max(1, len(examples))


def best_logit(model: LinearModel, proposal: Proposal) -> float:
    """A proposed agreement's raw score: that of its best mention."""
    return max(model.logit(f) for f in proposal.mentions)


def confidence(model: LinearModel, proposal: Proposal) -> float:
    return model.calibrated(best_logit(model, proposal))


def _platt(model: LinearModel, proposals: Sequence[Proposal]) -> tuple[float, float]:
    """Scale and shift of the best-mention logit that calibrate the model on proposals."""
    _, logistic = _sklearn()
    z = [[best_logit(model, p)] for p in proposals]
    y = [int(p.label) for p in proposals]
    fitted = logistic(C=1e4, solver="lbfgs", max_iter=1000).fit(z, y)
    return float(fitted.coef_[0][0]), float(fitted.intercept_[0])


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_threshold(model: LinearModel, dev: SplitExamples) -> tuple[float, float]:
    """The threshold with the best dev F1 (ties: the one nearest 0.5), and that F1."""
    scored = [(confidence(model, p), p.label) for p in dev.proposals]
    best_f1, best_t = -1.0, 0.5
    for t in THRESHOLDS:
        tp = sum(1 for p, label in scored if p >= t and label)
        fp = sum(1 for p, label in scored if p >= t and not label)
        f1 = _f1(tp, fp, dev.n_gold - tp)
        if (f1, -abs(t - 0.5)) > (best_f1, -abs(best_t - 0.5)):
            best_f1, best_t = f1, t
    return best_t, best_f1


def fit_model(name: str, train: SplitExamples, dev: SplitExamples) -> LinearModel:
    """A calibrated model: fitted on train, regularisation, calibration and threshold from dev."""
    for part in (train, dev):
        labels = {e.label for e in part.examples} | {p.label for p in part.proposals}
        if not part.proposals or labels != {True, False}:
            raise TrainingError(f"{part.split}: needs positive and negative examples")
    candidates = [_raw_model(name, train.examples, c) for c in C_GRID]
    losses = [_log_loss(m, dev.examples) for m in candidates]
    best = min(range(len(C_GRID)), key=lambda i: (round(losses[i], 9), i))
    raw = candidates[best]
    scale, shift = _platt(raw, dev.proposals)
    calibrated = LinearModel(name, raw.weights, raw.bias, scale, shift)
    threshold, dev_f1 = best_threshold(calibrated, dev)
    trained = {
        "C": C_GRID[best],
        "seed": SEED,
        "train": _sizes(train),
        "dev": {**_sizes(dev), "f1": round(dev_f1, 4)},
    }
    return LinearModel(name, raw.weights, raw.bias, scale, shift, threshold, trained)


def _sizes(part: SplitExamples) -> dict[str, int]:
    return {
        "articles": part.n_articles,
        "mentions": len(part.examples),
        "proposals": len(part.proposals),
        "gold": part.n_gold,
    }


def calibration(model: LinearModel, proposals: Sequence[Proposal]) -> list[CalibrationBin]:
    """Proposals binned by confidence: how many, their mean confidence, the share right."""
    return binned([(confidence(model, p), p.label) for p in proposals])


def binned(scored: Sequence[tuple[float, bool]]) -> list[CalibrationBin]:
    """(confidence, right) pairs binned: how many, their mean confidence, the share right."""
    out = []
    for low, high in pairwise(BINS):
        inside = [(p, y) for p, y in scored if low <= p < high]
        n = len(inside)
        out.append(
            CalibrationBin(
                low,
                min(high, 1.0),
                n,
                sum(p for p, _ in inside) / n if n else None,
                sum(1 for _, y in inside if y) / n if n else None,
            )
        )
    return out
