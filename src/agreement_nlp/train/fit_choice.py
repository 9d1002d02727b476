"""Fitting a choice model: a conditional logit, chosen and calibrated by cross-validation.

Each example gives every label its features; the model is one weight vector that scores
them. scikit-learn fits it as a logistic regression over (example, label) pairs, the
annotated label the positive one (``DictVectorizer``, ``liblinear``, fixed seed), each
example weighted by the square root of its label's inverse frequency.

The status model learns from the train and dev splits together, because the train split
is mostly wire copy and the dev split holds most of the African press the tool is for;
the test split stays out. Five folds by article (a hash of its id) give every example a
score from a model that did not see its article: the regularisation is the one of a
small grid with the best out-of-fold log-loss, one temperature fitted on the out-of-fold
scores calibrates the softmax, and the out-of-fold accuracy and calibration table are
what the training report gives. The final model is fitted on all examples. The result
is a :class:`~agreement_nlp.choice.ChoiceModel`, read by the pipeline without
scikit-learn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from zlib import crc32

from agreement_nlp.choice import ChoiceModel, softmax
from agreement_nlp.train.examples import Choice
from agreement_nlp.train.fit import C_GRID, SEED, CalibrationBin, TrainingError, _sklearn, binned

TEMPERATURES = tuple(round(0.5 + 0.1 * i, 2) for i in range(26))  # 0.5 .. 3.0
FOLDS = 5


def _raw(name: str, labels: Sequence[str], examples: Sequence[Choice], c: float) -> ChoiceModel:
    dict_vectorizer, logistic = _sklearn()
    vec = dict_vectorizer(sort=True, sparse=False)  # liblinear refuses int64 sparse indices
    weight = _balance(examples)
    pairs = [
        (e.candidates.get(label, {}), label == e.label, weight[e.label])
        for e in examples
        for label in labels
    ]
    x = vec.fit_transform([f for f, _, _ in pairs])
    y = [int(right) for _, right, _ in pairs]
    fitted = logistic(C=c, solver="liblinear", random_state=SEED, max_iter=1000).fit(
        x, y, sample_weight=[w for _, _, w in pairs]
    )
    weights = dict(zip(vec.get_feature_names_out(), fitted.coef_[0].tolist(), strict=True))
    return ChoiceModel(name=name, labels=tuple(labels), weights=weights)


def _balance(examples: Sequence[Choice]) -> dict[str, float]:
    """Each label's example weight: the square root of its inverse frequency, so that rare
    labels (ratified, suspended) are chosen at all without outweighing the common ones."""
    counts: dict[str, int] = {}
    for e in examples:
        counts[e.label] = counts.get(e.label, 0) + 1
    return {k: math.sqrt(len(examples) / (len(counts) * n)) for k, n in counts.items()}


def _fold(example: Choice) -> int:
    return crc32(example.article_id.encode()) % FOLDS


def out_of_fold(
    name: str, labels: Sequence[str], examples: Sequence[Choice], c: float
) -> list[tuple[Choice, dict[str, float]]]:
    """Each example with its label scores from a model fitted without its article's fold."""
    out = []
    for fold in range(FOLDS):
        held = [e for e in examples if _fold(e) == fold]
        rest = [e for e in examples if _fold(e) != fold]
        if not held:
            continue
        if len({e.label for e in rest}) < 2:
            raise TrainingError(f"{name}: fold {fold} leaves examples of one label only")
        model = _raw(name, labels, rest, c)
        out += [(e, model.scores(e.candidates)) for e in held]
    return out


def _loss(scored: Sequence[tuple[Choice, dict[str, float]]], temperature: float) -> float:
    total = -sum(math.log(max(softmax(s, temperature)[e.label], 1e-9)) for e, s in scored)
    return total / max(1, len(scored))


def _chosen(labels: Sequence[str], scores: dict[str, float]) -> str:
    return max(labels, key=lambda k: scores[k])


def fit_choice(
    name: str, labels: Sequence[str], train: Sequence[Choice], dev: Sequence[Choice]
) -> tuple[ChoiceModel, list[CalibrationBin]]:
    """A calibrated choice model fitted on train and dev, and its out-of-fold calibration."""
    examples = [*train, *dev]
    if len({e.label for e in examples}) < 2:
        raise TrainingError(f"{name}: needs examples of at least two labels")
    unknown = sorted({e.label for e in examples} - set(labels))
    if unknown:
        raise TrainingError(f"labels not declared for {name}: {', '.join(unknown)}")
    scored = {c: out_of_fold(name, labels, examples, c) for c in C_GRID}
    best = min(C_GRID, key=lambda c: (round(_loss(scored[c], 1.0), 9), c))
    oof = scored[best]
    temperature = min(TEMPERATURES, key=lambda t: (round(_loss(oof, t), 9), t))
    right = [_chosen(labels, s) == e.label for e, s in oof]
    trained = {
        "C": best,
        "seed": SEED,
        "temperature": temperature,
        "train": {"examples": len(train)},
        "dev": {"examples": len(dev)},
        "cross_validated": {
            "folds": FOLDS,
            "accuracy": round(sum(right) / len(right), 4),
            "log_loss": round(_loss(oof, temperature), 4),
        },
    }
    model = ChoiceModel(name, tuple(labels), _raw(name, labels, examples, best).weights)
    model = ChoiceModel(name, model.labels, model.weights, temperature, trained)
    bins = binned(
        [
            (round(max(p.values()), 3), ok)
            for (_, s), ok in zip(oof, right, strict=True)
            for p in [softmax(s, temperature)]
        ]
    )
    return model, bins
