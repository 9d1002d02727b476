"""The ``agreement-nlp`` command: a thin shell over the library functions."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from agreement_nlp import cli_corpus

if TYPE_CHECKING:
    from agreement_nlp.ingest.readers import ReadOptions
    from agreement_nlp.run.batch import RunReport

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract ministers, ministries, agreements, signatories and dates from French news articles.",
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"agreement_nlp {version('agreement_nlp')}")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Keeps sub-commands explicit (``agreement-nlp extract ...``)."""


# The options of ``extract``, one type each, so that its signature stays readable.
_Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (recursive) or - for stdin: "
        ".txt .jsonl .json .csv .tsv .html, and .gz of each."
    ),
]
_Out = Annotated[Path, typer.Option("--out", "-o", help="Folder to write the tables to.")]
_Format = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="csv, parquet, jsonl (a file per table) or xlsx (one workbook, a sheet per table).",
    ),
]
_Excel = Annotated[
    bool, typer.Option("--excel", help="CSV for French Excel: BOM, ';', no formulas.")
]
_PublishedAt = Annotated[
    str | None,
    typer.Option(
        "--published-at",
        help="Publication date for articles that give none: ISO or day first (24/06/2025).",
    ),
]
_InputFormat = Annotated[
    str | None,
    typer.Option("--input-format", help="Read every input as txt, jsonl, json, csv, tsv or html."),
]
_Glob = Annotated[str, typer.Option("--glob", help="Files to read inside folders, e.g. '*.jsonl'.")]
_IdField = Annotated[
    str | None, typer.Option("--id-field", help="Record field with the id \\[id].")
]
_TextField = Annotated[
    str | None,
    typer.Option("--text-field", help="Record field with the text \\[text, content, body]."),
]
_TitleField = Annotated[
    str | None, typer.Option("--title-field", help="Record field with the title.")
]
_DateField = Annotated[
    str | None,
    typer.Option("--date-field", help="Record field with the date \\[published_at, date]."),
]
_UrlField = Annotated[
    str | None, typer.Option("--url-field", help="Record field with the URL \\[url].")
]
_Overwrite = Annotated[
    bool, typer.Option("--overwrite", help="Replace the tables of a previous run in --out.")
]
_Dedupe = Annotated[
    bool, typer.Option("--dedupe", help="Skip an article whose text an earlier one had.")
]
_AnyLanguage = Annotated[
    bool,
    typer.Option("--any-language", help="Also read articles that are surely not French."),
]
_Strict = Annotated[bool, typer.Option("--strict", help="Fail on any article in error or skipped.")]
_Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
_Link = Annotated[
    bool,
    typer.Option(
        "--link/--no-link",
        help="Link agreements and persons across articles (events, people) \\[link].",
    ),
]
_Workers = Annotated[
    int | None,
    typer.Option(
        "--workers", "-w", min=1, help="Processes, each with its own model \\[all cores]."
    ),
]
_MaxChars = Annotated[
    int,
    typer.Option(
        "--max-chars",
        min=1,
        max=1_000_000,
        help="Skip an article whose text is longer; its row says so (at most spaCy's limit).",
    ),
]
_Engine = Annotated[
    str, typer.Option("--engine", help="local (processes here) or dask (a cluster).")
]
_Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Dask scheduler address (with --engine dask) \\[a local cluster of --workers].",
    ),
]


@app.command("extract")
def extract_cli(
    inputs: _Inputs,
    out: _Out,
    fmt: _Format = "csv",
    excel: _Excel = False,
    published_at: _PublishedAt = None,
    input_format: _InputFormat = None,
    glob: _Glob = "*",
    id_field: _IdField = None,
    text_field: _TextField = None,
    title_field: _TitleField = None,
    date_field: _DateField = None,
    url_field: _UrlField = None,
    overwrite: _Overwrite = False,
    dedupe: _Dedupe = False,
    any_language: _AnyLanguage = False,
    strict: _Strict = False,
    quiet: _Quiet = False,
    workers: _Workers = None,
    engine: _Engine = "local",
    scheduler: _Scheduler = None,
    max_chars: _MaxChars = 1_000_000,
    link: _Link = True,
) -> None:
    """Read articles and write the tables (articles, persons, ministries, agreements, ...).

    Bad inputs do not stop the run: each gets a row in the articles table with its status
    and error, and a warning. The exit code is 1 when an input could not be read at all (or,
    with --strict, when any article is in error or skipped), 2 when --out cannot be used.
    """
    _check_choices(fmt=fmt, engine=engine, scheduler=scheduler, input_format=input_format)
    _check_inputs(inputs, fmt=fmt, excel=excel)
    published_at = _check_published(published_at)
    options = _read_options(
        input_format,
        glob,
        id=id_field,
        text=text_field,
        title=title_field,
        date=date_field,
        url=url_field,
        max_chars=max_chars,
        dedupe=dedupe,
        any_language=any_language,
    )
    report = _run(
        inputs,
        out,
        options,
        fmt=fmt,
        excel=excel,
        overwrite=overwrite,
        published_at=published_at,
        quiet=quiet,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        link=link,
    )
    _exit_for(report, strict=strict)


def _check_choices(
    *, fmt: str, engine: str, scheduler: str | None, input_format: str | None
) -> None:
    """Refuse an unknown --format, --engine or --input-format, and --scheduler without dask."""
    # Imported here so that --help does not load spaCy.
    from agreement_nlp.export.writers import FORMATS
    from agreement_nlp.ingest.discover import INPUT_FORMATS
    from agreement_nlp.run.batch import ENGINES

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    if engine not in ENGINES:
        raise typer.BadParameter(f"choose one of {', '.join(ENGINES)}", param_hint="--engine")
    if scheduler is not None and engine != "dask":
        raise typer.BadParameter("needs --engine dask", param_hint="--scheduler")
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise typer.BadParameter(
            f"choose one of {', '.join(INPUT_FORMATS)}", param_hint="--input-format"
        )


def _check_inputs(inputs: list[str], *, fmt: str, excel: bool) -> None:
    """Before the model loads: refuse a run none of whose inputs exist, and --excel with a
    format it does not apply to."""
    missing = [i for i in inputs if i != "-" and not os.path.lexists(i)]
    if missing and len(missing) == len(inputs):
        for name in missing:
            typer.echo(f"error: {name}: no such file or folder", err=True)
        raise typer.Exit(code=1)
    if excel and fmt != "csv":
        raise typer.BadParameter(f"applies to --format csv, not {fmt}", param_hint="--excel")


def _check_published(value: str | None) -> str | None:
    """The --published-at date as ISO; refused when it is not one day."""
    from agreement_nlp.ingest.published import not_a_date, published_iso

    if value is None:
        return None
    iso = published_iso(value)
    if iso is None:
        raise typer.BadParameter(not_a_date(value), param_hint="--published-at")
    return iso


def _read_options(
    input_format: str | None,
    glob: str,
    *,
    id: str | None,
    text: str | None,
    title: str | None,
    date: str | None,
    url: str | None,
    max_chars: int,
    dedupe: bool,
    any_language: bool,
) -> ReadOptions:
    """How to read the inputs: format, glob, record field names, length limit, repeats."""
    from agreement_nlp.ingest.readers import FieldMap, ReadOptions

    fields = FieldMap.build(id=id, text=text, title=title, date=date, url=url)
    return ReadOptions(
        input_format=input_format,
        glob=glob,
        fields=fields,
        max_chars=max_chars,
        dedupe=dedupe,
        any_language=any_language,
    )


def _run(
    inputs: list[str],
    out: Path,
    options: ReadOptions,
    *,
    fmt: str,
    excel: bool,
    overwrite: bool,
    published_at: str | None,
    quiet: bool,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    link: bool = True,
) -> RunReport:
    """Run the extraction; exit with code 2 when --out or the Dask cluster cannot be used."""
    from agreement_nlp.export.writers import OutputFolderError
    from agreement_nlp.run.batch import run_extract
    from agreement_nlp.run.cluster import DaskMissingError, SchedulerUnreachableError
    from agreement_nlp.run.progress import show_progress

    signal.signal(signal.SIGTERM, _terminated)
    try:
        return run_extract(
            inputs,
            out,
            fmt=fmt,
            excel=excel,
            overwrite=overwrite,
            options=options,
            published_at=published_at,
            show_progress=show_progress(quiet),
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            link=link,
        )
    except (OutputFolderError, DaskMissingError, SchedulerUnreachableError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    except OSError as exc:  # the readers report their own errors: this is the output
        typer.echo(f"error: cannot write {out}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=2) from exc


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM ends the run like Ctrl-C: the partial output is removed, the lock dropped."""
    typer.echo("error: terminated; nothing of this run was published", err=True)
    raise SystemExit(128 + signum)


def _exit_for(report: RunReport, *, strict: bool) -> None:
    """Print the run's summary; exit with code 1 on unreadable inputs, when no article is
    ok (or, if strict, on any problem)."""
    typer.echo(report.summary(), err=True)
    if report.unreadable:
        typer.echo(f"error: {len(report.unreadable)} input(s) could not be read:", err=True)
        for msg in report.unreadable:
            typer.echo(f"  {msg}", err=True)
        raise typer.Exit(code=1)
    if sum(report.statuses.values()) and not report.statuses.get("ok"):
        typer.echo("error: no article could be processed (none is ok)", err=True)
        raise typer.Exit(code=1)
    if strict and report.problems:
        n = len(report.problems)
        typer.echo(f"error (--strict): {n} article(s) in error or skipped:", err=True)
        for msg in report.problems:
            typer.echo(f"  {msg}", err=True)
        raise typer.Exit(code=1)


app.command("evaluate")(cli_corpus.evaluate_cli)
app.command("train")(cli_corpus.train_cli)
app.command("link")(cli_corpus.link_cli)
app.command("train-linking")(cli_corpus.train_linking_cli)
app.add_typer(cli_corpus.corpus_app, name="corpus")


@app.command("show")
def show_cli(
    file: Annotated[Path, typer.Argument(help="One article: a .txt file (or a one-record input).")],
    html_path: Annotated[
        Path | None,
        typer.Option("--html", help="Write the HTML page here \\[default: stdout]."),
    ] = None,
    article_id: Annotated[
        str | None, typer.Option("--id", help="Which article, for a file of several records.")
    ] = None,
    published_at: Annotated[
        str | None,
        typer.Option("--published-at", help="Publication date if the text gives none."),
    ] = None,
    model_entities: Annotated[
        bool, typer.Option("--model-entities", help="Also show the model's PER/ORG/LOC/MISC.")
    ] = False,
) -> None:
    """Highlight the persons, ministries, agreements and dates found in one article, as HTML."""
    from agreement_nlp.display import render_file

    try:
        page = render_file(
            file,
            article_id=article_id,
            published_at=published_at,
            model_entities=model_entities,
            page=True,
        )
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    if html_path is None:
        typer.echo(page, nl=False)
    else:
        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(page, encoding="utf-8")
        typer.echo(f"wrote {html_path}", err=True)


def main() -> None:
    app(prog_name="agreement-nlp")


if __name__ == "__main__":  # pragma: no cover
    main()
