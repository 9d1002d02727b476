"""Output: formats read back with pandas/pyarrow, Excel CSV is safe, runs are whole or absent."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from agreement_nlp.export import writers
from agreement_nlp.export.excel import neutralise, to_excel_csv_bytes
from agreement_nlp.export.writers import (
    MANIFEST,
    OutputFolderError,
    check_output_folder,
    write_run,
    write_tables,
)
from agreement_nlp.tables.schema import TABLE_NAMES, TABLES, columns, empty, frame


def sample_tables() -> dict[str, pd.DataFrame]:
    tables = {name: empty(name) for name in TABLE_NAMES}
    tables["articles"] = frame(
        "articles",
        [
            {
                "article_id": "a1",
                "source": "x.txt",
                "title": "=SOMME(A1:A9)",
                "n_chars": 10,
                "status": "ok",
            },
            {
                "article_id": "a2",
                "title": 'Guillemets "ici", virgule; point-virgule\nnouvelle ligne',
                "status": "error",
                "error": "x.jsonl:2: malformed JSON line",
            },
        ],
    )
    tables["agreements"] = frame(
        "agreements",
        [
            {
                "article_id": "a1",
                "agreement_id": "A1",
                "title": "-accord",
                "parties": ["MLI", "RUS"],
                "domains": [],
                "n_mentions": 2,
                "start": 0,
                "end": 5,
            }
        ],
    )
    tables["dates"] = frame(
        "dates", [{"article_id": "a1", "text": "hier", "is_relative": True, "start": 3}]
    )
    return tables


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_round_trip(tmp_path: Path, fmt: str) -> None:
    tables = sample_tables()
    write_tables(tables, tmp_path, fmt)
    for name in TABLE_NAMES:
        path = tmp_path / f"{name}.{fmt}"
        if fmt == "csv":
            back = pd.read_csv(path, dtype=str, keep_default_na=False)
        elif fmt == "parquet":
            back = pq.read_table(path).to_pandas()
        else:
            text = path.read_text(encoding="utf-8")
            back = pd.DataFrame(
                [json.loads(line) for line in text.splitlines()], columns=columns(name)
            )
        assert list(back.columns) == columns(name)
        assert len(back) == len(tables[name])
    arts = pq.read_table(tmp_path / "articles.parquet") if fmt == "parquet" else None
    if arts is not None:
        assert str(arts.schema.field("n_chars").type) == "int64"
        agreements = pq.read_table(tmp_path / "agreements.parquet").to_pylist()
        assert agreements[0]["parties"] == ["MLI", "RUS"] and agreements[0]["domains"] == []
        assert pq.read_table(tmp_path / "dates.parquet").to_pylist()[0]["is_relative"] is True
    if fmt == "csv":
        back = pd.read_csv(tmp_path / "articles.csv", dtype=str, keep_default_na=False)
        assert back.loc[1, "title"] == 'Guillemets "ici", virgule; point-virgule\nnouvelle ligne'
        assert back.loc[0, "title"] == "=SOMME(A1:A9)"  # plain CSV is left as is, for pandas
        assert pd.read_csv(tmp_path / "agreements.csv").loc[0, "parties"] == "MLI|RUS"


def test_parquet_dtypes_match_the_contract(tmp_path: Path) -> None:
    write_tables(sample_tables(), tmp_path, "parquet")
    for name in TABLE_NAMES:
        schema = pq.read_schema(tmp_path / f"{name}.parquet")
        for col in TABLES[name]:
            expected = {
                "str": "string",
                "int": "int64",
                "bool": "bool",
                "float": "double",
                "list": "list<element: string>",
                "date": "timestamp[us]",
            }[col.dtype]
            assert str(schema.field(col.name).type) == expected, (name, col.name)


def test_parquet_dates_are_typed_with_their_precision_beside(tmp_path: Path) -> None:
    rows = [
        {"article_id": "a", "value": "2025-06", "granularity": "month"},
        {"article_id": "a", "value": "2025-06-24T10:11+01:00", "granularity": "datetime"},
        {"article_id": "a", "value": "2025-Q2", "end_value": "2025-Q3", "granularity": "range"},
        {"article_id": "a", "value": None, "granularity": "day"},
    ]
    write_tables({"dates": frame("dates", rows)}, tmp_path, "parquet")
    back = pd.read_parquet(tmp_path / "dates.parquet")
    assert str(back["value"].dtype).startswith("datetime64")
    assert back["value"].tolist()[:3] == [
        pd.Timestamp("2025-06-01"),
        pd.Timestamp("2025-06-24 10:11"),  # the time as written, in the article's time zone
        pd.Timestamp("2025-04-01"),
    ]
    assert pd.isna(back["value"].iloc[3])
    assert back["end_value"].iloc[2] == pd.Timestamp("2025-07-01")
    assert back["value_precision"].tolist()[:3] == ["month", "datetime", "quarter"]
    # CSV keeps the ISO text as the article gives it
    write_tables({"dates": frame("dates", rows)}, tmp_path, "csv")
    text = pd.read_csv(tmp_path / "dates.csv", dtype=str)
    assert text["value"].tolist()[:2] == ["2025-06", "2025-06-24T10:11+01:00"]


@pytest.mark.parametrize(
    "value", ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx", "  =cmd|' /C calc'!A0"]
)
def test_excel_neutralises_formulas(value: str) -> None:
    assert neutralise(value).startswith("'")


def test_excel_csv_is_bom_semicolon_and_formula_free(tmp_path: Path) -> None:
    write_tables(sample_tables(), tmp_path, "csv", excel=True)
    raw = (tmp_path / "agreements.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8")), delimiter=";"))
    assert rows[0][:3] == ["article_id", "agreement_id", "event_id"]
    assert rows[1][3] == "'-accord"
    for name in TABLE_NAMES:
        text = (tmp_path / f"{name}.csv").read_bytes()[3:].decode("utf-8")
        for row in csv.reader(io.StringIO(text), delimiter=";"):
            for cell in row:
                assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert to_excel_csv_bytes("dates", empty("dates")).startswith(b"\xef\xbb\xbfarticle_id;")


def test_run_is_complete_with_manifest_and_deterministic(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_run(sample_tables(), out, "parquet")
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    manifest = json.loads(first[MANIFEST])
    assert set(manifest["files"]) == {f"{n}.parquet" for n in TABLE_NAMES}
    assert manifest["files"]["articles.parquet"]["rows"] == 2
    write_run(sample_tables(), out, "parquet", overwrite=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left


def test_non_empty_output_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_run(sample_tables(), out, "csv")
    with pytest.raises(OutputFolderError, match=r"not empty.*--overwrite"):
        write_run(sample_tables(), out, "csv")
    (out / "mes-notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(OutputFolderError, match=r"did not write \(mes-notes\.txt\)"):
        check_output_folder(out, overwrite=True)
    assert (out / "mes-notes.txt").exists()
    (tmp_path / "empty").mkdir()
    check_output_folder(tmp_path / "empty")


def test_failed_write_leaves_nothing_that_looks_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real = writers.to_jsonl_bytes

    def flaky(table: str, df: pd.DataFrame) -> bytes:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disque plein")
        return real(table, df)

    monkeypatch.setattr(writers, "to_jsonl_bytes", flaky)
    with pytest.raises(OSError, match="disque plein"):
        write_run(sample_tables(), tmp_path / "out", "jsonl")
    assert list(tmp_path.iterdir()) == []


def test_files_respect_the_umask(tmp_path: Path) -> None:
    """Tables and _SUCCESS were written 0600 (mkstemp's mode), unreadable by a team's group."""
    previous = os.umask(0o022)
    try:
        paths = write_run({t: empty(t) for t in TABLE_NAMES}, tmp_path / "out", "csv")
    finally:
        os.umask(previous)
    assert {oct(p.stat().st_mode & 0o777) for p in paths} == {"0o644"}
