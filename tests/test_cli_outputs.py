"""The output formats end to end: the CLI's main job on data/raw/, read back as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from agreement_nlp.tables.schema import TABLE_NAMES, columns
from tests.cli_run import run_cli
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def extract(out: Path, *options: str) -> None:
    done = run_cli("extract", str(ROOT / "data" / "raw"), "--out", str(out), "--quiet", *options)
    assert done.returncode == 0, done.stderr


def test_xlsx_is_one_workbook_a_sheet_per_table(tmp_path: Path) -> None:
    extract(tmp_path / "x", "--format", "xlsx")
    extract(tmp_path / "c")
    sheets = pd.read_excel(tmp_path / "x" / "tables.xlsx", sheet_name=None)
    assert list(sheets) == list(TABLE_NAMES)
    manifest = json.loads((tmp_path / "x" / "_SUCCESS").read_text())
    for table, sheet in sheets.items():
        assert list(sheet.columns) == columns(table)
        assert len(sheet) == manifest["files"]["tables.xlsx"]["rows"][table]
        assert len(sheet) == len(pd.read_csv(tmp_path / "c" / f"{table}.csv"))
    agreements = sheets["agreements"]
    assert agreements["parties"].str.contains(" | ", regex=False).all()
    assert str(agreements["signed_on"].dtype).startswith("datetime64")


def test_parquet_dates_are_typed(tmp_path: Path) -> None:
    extract(tmp_path / "p", "--format", "parquet")
    articles = pd.read_parquet(tmp_path / "p" / "articles.parquet")
    agreements = pd.read_parquet(tmp_path / "p" / "agreements.parquet")
    dates = pd.read_parquet(tmp_path / "p" / "dates.parquet")
    assert articles["published_at"].iloc[0] == pd.Timestamp("2025-06-24 10:11")
    assert articles["published_at_precision"].iloc[0] == "datetime"
    assert (agreements["signed_on"] == pd.Timestamp("2025-06-23")).all()
    assert (agreements["signed_on_precision"] == "day").all()
    assert str(dates["value"].dtype).startswith("datetime64")
    assert set(dates["value_precision"].dropna()) <= {"day", "datetime", "present"}
