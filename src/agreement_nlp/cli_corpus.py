"""``agreement-nlp corpus``: the mention-level annotated corpus (validate, split, agreement)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
