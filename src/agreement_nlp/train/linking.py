"""Fitting the event linker's weights on cross-article gold (``data/linking/``).

The pipeline runs on the gold articles of the ``train`` and ``dev`` splits (the ``heldout``
split is scored, never fitted on). In each article the agreement rows are paired with the
gold agreements (the pairing of :mod:`agreement_nlp.evaluate.linking`); every pair of rows
the linker compares (sharing a party, within the time window, no hard rule against them)
whose two rows are paired with gold is an example, positive when the two gold agreements
are one ``event``. Rows no gold agreement pairs with (an agreement told twice in one
article, a false one) give no example: their right answer is unknown.

A logistic regression (scikit-learn, ``liblinear``, fixed seed) over the named features of
:func:`~agreement_nlp.link.features.pair_features` is fitted on ``train`` for each ``C`` of a
small grid; the ``C`` and the joining threshold kept are those with the best B-cubed F1 of
events on ``dev``, the whole clustering run. ``render_config`` writes the result into
``linking.yaml``, the limits and type groups kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from agreement_nlp.api import extract
from agreement_nlp.evaluate.gold import GoldArticle
from agreement_nlp.evaluate.linking import score_linking
from agreement_nlp.evaluate.run import table_golds
from agreement_nlp.evaluate.scoring_pairs import match_rows
from agreement_nlp.evaluate.scoring_rows import gold_rows
from agreement_nlp.link.config import WEIGHTS, LinkConfig, default_config, render_config
from agreement_nlp.link.constraints import cannot_link
from agreement_nlp.link.corpus import link_tables, reports_of
from agreement_nlp.link.events import candidate_pairs
from agreement_nlp.link.features import Report, pair_features
from agreement_nlp.resources import resource_path
from agreement_nlp.tables.frames import Tables
from agreement_nlp.train.fit import SEED, TrainingError, _sklearn

C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass(frozen=True)
class LinkExample:
    features: dict[str, float]
    label: bool
    pair: tuple[str, str]  # "article_id:A1" keys of the two rows


@dataclass(frozen=True)
class LinkTraining:
    """What :func:`train_linking` did: the config written, its examples, the dev figures."""

    config: LinkConfig
    n_train_articles: int
    n_examples: int
    n_positive: int
    dev_f1: float
    grid: dict[tuple[float, float], float]  # (C, threshold) -> dev B-cubed F1 of events
    path: Path


def gold_events(golds: Sequence[GoldArticle], reports: Sequence[Report]) -> list[str | None]:
    """The gold event of each report, None where no gold agreement pairs with it."""
    index = {(r.article_id, r.agreement_id): i for i, r in enumerate(reports)}
    out: list[str | None] = [None] * len(reports)
    for g in golds:
        mine = [r for r in reports if r.article_id == g.article_id]
        rows = [
            {"title": r.title, "type": r.type, "parties": sorted(r.parties), "evidence": r.evidence}
            for r in mine
        ]
        for gi, pi in match_rows("agreements", gold_rows(g)["agreements"], rows):
            out[index[(g.article_id, mine[pi].agreement_id)]] = g.agreements[gi].event
    return out


def link_examples(
    golds: Sequence[GoldArticle], reports: Sequence[Report], config: LinkConfig
) -> list[LinkExample]:
    """The examples of the pairs the linker compares (see the module's docstring)."""
    events = gold_events(golds, reports)
    out = []
    for a, b in sorted(candidate_pairs(reports, config)):
        ea, eb = events[a], events[b]
        if ea is None or eb is None or cannot_link(reports[a], reports[b], config):
            continue
        features = pair_features(reports[a], reports[b], config)
        features.pop("bias", None)  # the intercept
        keys = tuple(f"{r.article_id}:{r.agreement_id}" for r in (reports[a], reports[b]))
        out.append(LinkExample(features, ea == eb, (keys[0], keys[1])))
    return out


def fit_weights(examples: Sequence[LinkExample], c: float) -> dict[str, float]:
    """Logistic regression weights per feature name; a feature never seen weighs 0."""
    labels = [int(e.label) for e in examples]
    if len(set(labels)) < 2:
        raise TrainingError(f"linking: {len(examples)} examples, all of one class")
    dict_vectorizer, logistic = _sklearn()
    vec = dict_vectorizer(sort=True, sparse=False)
    x = vec.fit_transform([e.features for e in examples])
    fitted = logistic(C=c, solver="liblinear", random_state=SEED, max_iter=1000).fit(x, labels)
    learned = dict(zip(vec.get_feature_names_out(), fitted.coef_[0].tolist(), strict=True))
    weights = {name: round(float(learned.get(name, 0.0)), 4) for name in WEIGHTS}
    weights["bias"] = round(float(fitted.intercept_[0]), 4)  # as linking.yaml keeps them
    return weights


def events_f1(golds: Sequence[GoldArticle], tables: Tables, config: LinkConfig) -> float:
    """B-cubed F1 of events when ``tables`` are linked with ``config``."""
    linked = link_tables({name: tables[name] for name in tables}, config)
    scored = Tables.empty()
    scored.agreements, scored.persons = linked["agreements"], linked["persons"]
    scores = score_linking(golds, scored)
    f1 = scores.loc[scores["table"] == "events", "f1"]
    return float(f1.iloc[0]) if len(f1) else 0.0


def _run(golds: Sequence[GoldArticle]) -> Tables:
    return extract([g.to_article() for g in golds], link=False)


def train_linking(gold_dir: str | Path, out: str | Path | None = None) -> LinkTraining:
    """Fit on ``train``, choose ``C`` and the threshold on ``dev``, write ``out`` (the
    package's ``linking.yaml`` unless given)."""
    gold_dir = Path(gold_dir)
    train, _, _ = table_golds(gold_dir, None, ["train"])
    dev, _, _ = table_golds(gold_dir, None, ["dev"])
    base = default_config()
    examples = link_examples(train, reports_of(_run(train)), base)
    dev_tables = _run(dev)
    grid: dict[tuple[float, float], float] = {}
    fitted: dict[float, dict[str, float]] = {}
    for c in C_GRID:
        fitted[c] = fit_weights(examples, c)
        for threshold in THRESHOLDS:
            config = replace(base, weights=fitted[c], threshold=threshold)
            grid[(c, threshold)] = events_f1(dev, dev_tables, config)
    # the best dev F1; among equals the middle threshold, then the stronger regularisation
    (c, threshold), best = max(
        grid.items(), key=lambda kv: (kv[1], -abs(kv[0][1] - 0.5), -kv[0][0])
    )
    config = replace(base, weights=fitted[c], threshold=threshold)
    n_pos = sum(e.label for e in examples)
    note = (
        f"Weights fitted by `agreement-nlp train-linking` on the train split of {gold_dir}\n"
        f"({len(train)} articles, {len(examples)} pairs of reports, {n_pos} of one event);\n"
        f"C={c:g} and the threshold chosen on dev ({len(dev)} articles, events B-cubed F1 "
        f"{best:.3f})."
    )
    path = Path(out) if out is not None else resource_path("linking.yaml")
    path.write_text(render_config(config, note), encoding="utf-8")
    return LinkTraining(config, len(train), len(examples), n_pos, best, grid, path)
