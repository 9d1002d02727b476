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


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_link_rewrites_a_run_as_extract_linked_it(tmp_path: Path, fmt: str) -> None:
    extract(tmp_path / "linked", "--format", fmt)
    extract(tmp_path / "plain", "--format", fmt, "--no-link")
    plain = tmp_path / "plain"
    assert json.loads((plain / "_SUCCESS").read_text())["files"][f"events.{fmt}"]["rows"] == 0
    done = run_cli("link", str(plain))
    assert done.returncode == 0, done.stderr
    assert "3 events from 3 agreements" in done.stdout
    for table in ("agreements", "persons", "signatories", "events", "people"):
        name = f"{table}.{fmt}"
        assert (plain / name).read_bytes() == (tmp_path / "linked" / name).read_bytes(), name


def test_link_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    extract(tmp_path / "x", "--format", "xlsx")
    done = run_cli("link", str(tmp_path / "x"))
    assert done.returncode == 2
    assert "link reads runs written as csv, jsonl or parquet" in done.stderr
    done = run_cli("link", str(tmp_path / "nothing"))
    assert done.returncode == 2 and "not a finished run" in done.stderr
