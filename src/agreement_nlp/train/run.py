"""``agreement-nlp train``: rebuild the shipped decision models from annotations and texts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from agreement_nlp.linear import LinearModel, model_file
from agreement_nlp.resources import resource_path
from agreement_nlp.train.examples import MODELS, SplitExamples, collect, proposing_pipeline
from agreement_nlp.train.fit import CalibrationBin, calibration, fit_model


@dataclass(frozen=True)
class TrainingReport:
    model: LinearModel
    path: Path
    train: SplitExamples
    dev: SplitExamples
    calibration: list[CalibrationBin]


def train_models(
    gold_dir: str | Path,
    texts: Sequence[str | Path],
    out: str | Path | None = None,
    nlp: Language | None = None,
) -> list[TrainingReport]:
    """Train the agreement and person models on the train split, calibrate them on dev.

    ``out`` is the folder the model files are written to (default: the package's
    ``resources/models/``). The same annotations, texts and package give the same files,
    byte for byte.
    """
    nlp = nlp if nlp is not None else proposing_pipeline()
    train = collect(gold_dir, texts, "train", nlp)
    dev = collect(gold_dir, texts, "dev", nlp)
    folder = Path(out) if out is not None else resource_path(model_file("x")).parent
    folder.mkdir(parents=True, exist_ok=True)
    reports = []
    for name in MODELS:
        model = fit_model(name, train[name], dev[name])
        path = folder / Path(model_file(name)).name
        path.write_text(model.to_json(), encoding="utf-8")
        cal = calibration(model, dev[name].proposals)
        reports.append(TrainingReport(model, path, train[name], dev[name], cal))
    return reports


def _sizes(part: SplitExamples, name: str) -> str:
    return (
        f"{part.split}: {part.n_articles} articles, {len(part.examples)} examples "
        f"({sum(e.label for e in part.examples)} right), {len(part.proposals)} proposals "
        f"({sum(p.label for p in part.proposals)} right), {part.n_gold} in the gold {name}"
    )


def describe(report: TrainingReport) -> str:
    """The report as text: sizes, dev F1, threshold, calibration table on dev."""
    t = report.model.trained
    lines = [
        f"{report.model.name}: wrote {report.path}",
        *(_sizes(part, report.model.name) for part in (report.train, report.dev)),
        f"C={t.get('C')}  threshold={report.model.threshold}  dev F1={t['dev']['f1']}",
        "calibration on dev (confidence bin, proposals, mean confidence, share right):",
    ]
    for b in report.calibration:
        mean = "-" if b.mean_confidence is None else f"{b.mean_confidence:.2f}"
        right = "-" if b.share_right is None else f"{b.share_right:.2f}"
        lines.append(f"  [{b.low:.1f}, {b.high:.1f})  {b.n:4d}  {mean:>5}  {right:>5}")
    return "\n".join(lines)
