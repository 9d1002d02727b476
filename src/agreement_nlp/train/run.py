"""``agreement-nlp train``: rebuild the shipped decision models from annotations and texts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from agreement_nlp.choice import ChoiceModel
from agreement_nlp.extraction.agreements.rules import STATUSES
from agreement_nlp.extraction.agreements.status import MODEL as STATUS_MODEL
from agreement_nlp.linear import LinearModel, model_file
from agreement_nlp.resources import resource_path
from agreement_nlp.train.examples import MODELS, SplitExamples, collect, proposing_pipeline
from agreement_nlp.train.fit import CalibrationBin, calibration, fit_model
from agreement_nlp.train.fit_choice import fit_choice


@dataclass(frozen=True)
class TrainingReport:
    model: LinearModel
    path: Path
    train: SplitExamples
    dev: SplitExamples
    calibration: list[CalibrationBin]


@dataclass(frozen=True)
class ChoiceReport:
    model: ChoiceModel
    path: Path
    calibration: list[CalibrationBin]


def train_models(
    gold_dir: str | Path,
    texts: Sequence[str | Path],
    out: str | Path | None = None,
    nlp: Language | None = None,
) -> list[TrainingReport | ChoiceReport]:
    """Train the agreement, status and person models on the train split, calibrate on dev.

    ``out`` is the folder the model files are written to (default: the package's
    ``resources/models/``). The same annotations, texts and package give the same files,
    byte for byte.
    """
    nlp = nlp if nlp is not None else proposing_pipeline()
    train = collect(gold_dir, texts, "train", nlp)
    dev = collect(gold_dir, texts, "dev", nlp)
    folder = Path(out) if out is not None else resource_path(model_file("x")).parent
    folder.mkdir(parents=True, exist_ok=True)
    reports: list[TrainingReport | ChoiceReport] = []
    for name in MODELS:
        model = fit_model(name, train[name], dev[name])
        path = folder / Path(model_file(name)).name
        path.write_text(model.to_json(), encoding="utf-8")
        cal = calibration(model, dev[name].proposals)
        reports.append(TrainingReport(model, path, train[name], dev[name], cal))
    train_st, dev_st = train["agreements"].choices, dev["agreements"].choices
    status, bins = fit_choice(STATUS_MODEL, STATUSES, train_st, dev_st)
    path = folder / Path(model_file(STATUS_MODEL)).name
    path.write_text(status.to_json(), encoding="utf-8")
    reports.append(ChoiceReport(status, path, bins))
    return reports


def _sizes(part: SplitExamples, name: str) -> str:
    return (
        f"{part.split}: {part.n_articles} articles, {len(part.examples)} examples "
        f"({sum(e.label for e in part.examples)} right), {len(part.proposals)} proposals "
        f"({sum(p.label for p in part.proposals)} right), {part.n_gold} in the gold {name}"
    )


def _header(report: TrainingReport | ChoiceReport) -> list[str]:
    t = report.model.trained
    if isinstance(report, ChoiceReport):
        cv = t["cross_validated"]
        return [
            f"{report.model.name}: wrote {report.path}",
            f"train + dev: {t['train']['examples']} + {t['dev']['examples']} examples, "
            f"{cv['folds']}-fold accuracy {cv['accuracy']}, log-loss {cv['log_loss']}",
            f"C={t.get('C')}  temperature={report.model.temperature}",
            "calibration out of fold (confidence bin, examples, mean confidence, share right):",
        ]
    return [
        f"{report.model.name}: wrote {report.path}",
        *(_sizes(part, report.model.name) for part in (report.train, report.dev)),
        f"C={t.get('C')}  threshold={report.model.threshold}  dev F1={t['dev']['f1']}",
        "calibration on dev (confidence bin, proposals, mean confidence, share right):",
    ]


def describe(report: TrainingReport | ChoiceReport) -> str:
    """The report as text: sizes, dev scores, threshold, calibration table on dev."""
    lines = _header(report)
    for b in report.calibration:
        mean = "-" if b.mean_confidence is None else f"{b.mean_confidence:.2f}"
        right = "-" if b.share_right is None else f"{b.share_right:.2f}"
        lines.append(f"  [{b.low:.1f}, {b.high:.1f})  {b.n:4d}  {mean:>5}  {right:>5}")
    return "\n".join(lines)
