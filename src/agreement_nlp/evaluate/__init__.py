"""Evaluation against table-level gold: ``evaluate(gold_dir) -> EvaluationReport``.

Modules: :mod:`.gold` (loading and validating gold files), :mod:`.matching`
(pure matching rules), :mod:`.scoring` (pairing rows, P/R/F1, attribute
accuracy), :mod:`.baseline` (the bare spaCy model), :mod:`.report` (the
report, JSON, printing), :mod:`.run` (:func:`evaluate`). See
``docs/evaluation.md``.

>>> from agreement_nlp.evaluate import evaluate
>>> report = evaluate("data/annotated")  # doctest: +SKIP
>>> print(report.format())  # doctest: +SKIP
"""

from agreement_nlp.evaluate.gold import GoldArticle, GoldError, load_gold_dir, load_gold_file
from agreement_nlp.evaluate.report import EvaluationReport
from agreement_nlp.evaluate.run import evaluate
from agreement_nlp.evaluate.scoring import SystemResult, score_tables

__all__ = [
    "EvaluationReport",
    "GoldArticle",
    "GoldError",
    "SystemResult",
    "evaluate",
    "load_gold_dir",
    "load_gold_file",
    "score_tables",
]
