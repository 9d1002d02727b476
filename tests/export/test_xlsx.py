"""The Excel workbook: a sheet per table, typed cells, no formulas, sheets that overflow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from agreement_nlp.export import xlsx
from agreement_nlp.export.writers import write_run
from agreement_nlp.tables.schema import TABLE_NAMES, columns, frame


def agreements() -> dict[str, pd.DataFrame]:
    return {
        "agreements": frame(
            "agreements",
            [
                {
                    "article_id": "a1",
                    "agreement_id": "A1",
                    "title": '=HYPERLINK("http://x")',
                    "parties": ["MLI", "RUS"],
                    "signed_on": "2025-06-23",
                    "n_mentions": 2,
                    "confidence": 0.87,
                },
                {
                    "article_id": "a1",
                    "agreement_id": "A2",
                    "title": "+33 6 12",
                    "signed_on": "2025-06",
                },
                {"article_id": "a1", "agreement_id": "A3", "title": "1e5", "signed_on": "2025-Q2"},
                {
                    "article_id": "a1",
                    "agreement_id": "A4",
                    "title": "www.exemple.sn",
                    "evidence": "x\x01y",
                },
            ],
        )
    }


def cells(path: Path, sheet: str) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(path)[sheet]
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_cells_keep_their_types_and_text_never_runs(tmp_path: Path) -> None:
    rows = xlsx.write_workbook(agreements(), tmp_path / "t.xlsx")
    assert rows == {"agreements": 4}
    first, second, third, fourth = cells(tmp_path / "t.xlsx", "agreements")
    assert first["title"].value == '=HYPERLINK("http://x")' and first["title"].data_type == "s"
    assert second["title"].data_type == "s" and third["title"].value == "1e5"
    assert fourth["title"].value == "www.exemple.sn" and fourth["title"].hyperlink is None
    assert first["parties"].value == "MLI | RUS" and first["domains"].value is None
    assert first["n_mentions"].value == 2 and first["confidence"].value == pytest.approx(0.87)
    assert first["signed_on"].value == dt.datetime(2025, 6, 23)
    assert first["signed_on"].number_format == "dd/mm/yyyy"
    assert second["signed_on"].value == dt.datetime(2025, 6, 1)
    assert second["signed_on"].number_format == "mm/yyyy"
    assert second["signed_on_precision"].value == "month"
    assert third["signed_on"].value == "2025-Q2"  # no Excel format shows a quarter
    assert fourth["evidence"].value == "x_x0001_y"  # a control character, escaped, not lost


def test_a_long_table_continues_on_numbered_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "MAX_ROWS", 3)  # the header and two rows a sheet
    dates = frame("dates", [{"article_id": f"a{i}", "text": str(i)} for i in range(5)])
    assert xlsx.write_workbook({"dates": dates}, tmp_path / "t.xlsx") == {"dates": 5}
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == ["dates", "dates (2)", "dates (3)"]
    texts = [c["text"].value for s in book.sheetnames for c in cells(tmp_path / "t.xlsx", s)]
    assert texts == ["0", "1", "2", "3", "4"]


def test_long_cells_are_cut_to_what_excel_keeps(tmp_path: Path) -> None:
    table = frame("agreements", [{"evidence": "m" * 40_000}])
    xlsx.write_workbook({"agreements": table}, tmp_path / "t.xlsx")
    (row,) = cells(tmp_path / "t.xlsx", "agreements")
    assert len(row["evidence"].value) == xlsx.MAX_CELL_CHARS and row["evidence"].value[-1] == "…"


def test_a_run_writes_one_workbook_with_every_table_and_the_same_bytes_twice(
    tmp_path: Path,
) -> None:
    tables = {t: frame(t, []) for t in TABLE_NAMES} | agreements()
    for name in ("one", "two"):
        write_run(tables, tmp_path / name, "xlsx")
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == ["_SUCCESS", "tables.xlsx"]
    book = openpyxl.load_workbook(tmp_path / "one" / "tables.xlsx")
    assert book.sheetnames == list(TABLE_NAMES)
    assert [c.value for c in book["persons"][1]] == columns("persons")
    assert book["agreements"].freeze_panes == "A2"
    assert (tmp_path / "one" / "tables.xlsx").read_bytes() == (
        tmp_path / "two" / "tables.xlsx"
    ).read_bytes()
