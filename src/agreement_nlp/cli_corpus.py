"""The commands on annotated corpora: ``evaluate``, ``train`` and ``corpus`` (validate, split,
agreement between annotators); ``cli`` registers them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def evaluate_cli(
    gold: Annotated[
        Path, typer.Option("--gold", help="Folder of gold JSON files, one per article.")
    ],
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Only these articles: ids, .json or .txt paths.")
    ] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Write the scores as JSON.")
    ] = None,
    errors_path: Annotated[
        Path | None, typer.Option("--errors", help="Write false positives/negatives as CSV.")
    ] = None,
    baseline: Annotated[bool, typer.Option(help="Also score the bare spaCy baseline.")] = True,
    texts: Annotated[
        list[Path] | None,
        typer.Option("--texts", help="Texts of mention-level gold (repeat for several folders)."),
    ] = None,
    split: Annotated[
        list[str] | None,
        typer.Option(
            "--split",
            help="Splits to score: train, dev, test (mention-level, dev by default); "
            "dev, heldout (table-level gold with a splits.json).",
        ),
    ] = None,
) -> None:
    """Score the pipeline (and the spaCy baseline) against gold tables; see docs/evaluation.md."""
    from agreement_nlp.evaluate import GoldError, evaluate

    try:
        report = evaluate(
            gold, inputs or None, baseline=baseline, texts=texts, splits=split or None
        )
    except GoldError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    typer.echo(report.format())
    if json_path is not None:
        report.write_json(json_path)
    if errors_path is not None:
        report.write_errors(errors_path)


def train_cli(
    gold: Annotated[
        Path, typer.Option("--gold", help="Folder of mention-level annotations (*.jsonl).")
    ],
    texts: Annotated[
        list[Path],
        typer.Option("--texts", help="Folder of the annotated texts (repeat for several)."),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for the model files \\[default: the package's own]."),
    ] = None,
) -> None:
    """Rebuild the decision models: fit on the train split, calibrate on dev (docs/models.md)."""
    from agreement_nlp.evaluate import GoldError
    from agreement_nlp.train.fit import TrainingError
    from agreement_nlp.train.run import describe, train_models

    try:
        reports = train_models(gold, texts, out)
    except (GoldError, TrainingError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    for report in reports:
        typer.echo(describe(report))


def train_linking_cli(
    gold: Annotated[
        Path,
        typer.Option("--gold", help="Cross-article gold with a splits.json (data/linking)."),
    ] = Path("data/linking"),
    out: Annotated[
        Path | None,
        typer.Option("--out", help="File to write \\[default: the package's linking.yaml]."),
    ] = None,
) -> None:
    """Refit the event linker's weights: on the train split, C and threshold chosen on dev."""
    from agreement_nlp.evaluate import GoldError
    from agreement_nlp.train.fit import TrainingError
    from agreement_nlp.train.linking import train_linking

    try:
        done = train_linking(gold, out)
    except (GoldError, TrainingError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    typer.echo(
        f"linking: {done.n_examples} pairs from {done.n_train_articles} train articles "
        f"({done.n_positive} of one event); threshold {done.config.threshold:g}, "
        f"dev events B-cubed F1 {done.dev_f1:.3f}; written to {done.path}"
    )


corpus_app = typer.Typer(no_args_is_help=True, help="The mention-level annotated corpus.")


@corpus_app.command("validate")
def corpus_validate_cli(
    files: Annotated[list[Path], typer.Argument(help="Annotation files (.jsonl).")],
    texts: Annotated[Path, typer.Option("--texts", help="Folder of the annotated texts.")],
) -> None:
    """Check annotation files against their texts: offsets, words, labels, relations, hashes."""
    from agreement_nlp.evaluate.mentions import AnnotationError, validate_files

    try:
        problems = validate_files(files, texts)
    except AnnotationError as exc:
        problems = [str(exc)]
    for problem in problems:
        typer.echo(problem, err=True)
    typer.echo(f"{len(problems)} problem(s)")
    raise typer.Exit(code=1 if problems else 0)


@corpus_app.command("split")
def corpus_split_cli(
    folder: Annotated[Path, typer.Argument(help="Folder of annotation files and splits.json.")],
) -> None:
    """Give new annotated articles a split (stratified by source and agreement); keep old ones."""
    from agreement_nlp.evaluate.corpus import write_splits

    counts = write_splits(folder)
    typer.echo(", ".join(f"{split}: {n}" for split, n in counts.items()))


@corpus_app.command("agreement")
def corpus_agreement_cli(
    second: Annotated[Path, typer.Argument(help="The second, independent pass (.jsonl).")],
    first: Annotated[list[Path], typer.Argument(help="The first pass (.jsonl files).")],
) -> None:
    """F1 between two annotation passes of the same articles, per label."""
    from agreement_nlp.evaluate.interannotator import agreement_table, paired_records

    pairs = paired_records(first, second)
    table = agreement_table(pairs)
    typer.echo(f"{len(pairs)} articles annotated twice")
    typer.echo(table.to_string(index=False, float_format=lambda v: f"{v:.2f}"))


def link_cli(
    tables_dir: Annotated[
        Path, typer.Argument(help="Output folder of an earlier extract run (csv, jsonl, parquet).")
    ],
) -> None:
    """Link agreements and persons across the articles of an earlier run again: rewrite its
    events and people tables, and event_id / person_key on agreements, persons, signatories."""
    from agreement_nlp.export.lock import OutputFolderError
    from agreement_nlp.export.readback import read_manifest, read_run
    from agreement_nlp.export.writers import write_run
    from agreement_nlp.link import link_tables

    try:
        fmt, tables = read_run(tables_dir)
        excel = bool(read_manifest(tables_dir).get("excel"))
        tables.update(link_tables(tables))
        write_run(tables, tables_dir, fmt, excel=excel, overwrite=True)
    except OutputFolderError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    typer.echo(
        f"{len(tables['events'])} events from {len(tables['agreements'])} agreements, "
        f"{len(tables['people'])} people from {len(tables['persons'])} persons"
    )
