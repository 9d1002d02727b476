"""Which proposed agreements are kept: the trained agreement model decides.

The rules propose agreements with high recall; the model
(``resources/models/agreements.json``, trained by ``agreement-nlp train`` on the train
split of ``data/annotated/real`` and calibrated on its dev split) gives each one the
probability that it is a formal agreement with a public party that the article
reports: each of its mentions is scored, and the best one speaks for it. That probability is the row's ``confidence``; rows below the model's
threshold are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from agreement_nlp.linear import Features, LinearModel, load_model

MODEL = "agreements"


def agreement_model() -> LinearModel:
    return load_model(MODEL)


def decide(mentions: Sequence[Features], keep_all: bool = False) -> tuple[bool, float]:
    """Whether to keep a proposed agreement, and its calibrated confidence.

    The model scores each mention of the agreement (its own features and the
    agreement's); the agreement's score is that of its best mention, calibrated at the
    agreement level. ``keep_all`` keeps every proposal (training reads them all).
    """
    model = agreement_model()
    p = model.calibrated(max(model.logit(f) for f in mentions))
    return keep_all or model.keeps(p), p
