"""The ``agreement-nlp`` command: a thin shell over the library functions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract ministers, ministries, agreements, signatories and dates from French news articles.",
)


@app.callback()
def _root() -> None:
    """Keeps sub-commands explicit (``agreement-nlp extract ...``)."""


@app.command("extract")
def extract_cli(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl files, or - for JSONL on stdin.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the tables to.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, parquet or jsonl.")] = "csv",
    excel: Annotated[bool, typer.Option("--excel", help="CSV for French Excel: BOM, ';', no formulas.")] = False,
    published_at: Annotated[
        str | None, typer.Option("--published-at", help="Publication date for articles that give none.")
    ] = None,
) -> None:
    """Read articles and write the tables (articles, persons, ministries, agreements, ...)."""
    from agreement_nlp.api import extract
    from agreement_nlp.io.writers import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    tables = extract(inputs, published_at=published_at)
    tables.write(out, fmt, excel=excel)
    typer.echo(tables.summary(), err=True)
    failed = tables.articles[tables.articles["status"] == "error"]
    if len(failed):
        for msg in failed["error"].tolist():
            typer.echo(f"error: {msg}", err=True)
        raise typer.Exit(code=1)


def main() -> None:
    app(prog_name="agreement-nlp")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
