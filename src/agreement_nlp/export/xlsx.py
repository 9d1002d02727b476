"""The tables as one Excel workbook: a sheet per table, written row by row.

XlsxWriter (a maintained writer of the Office Open XML format) is used in its
``constant_memory`` mode, so a big run's workbook is streamed to disk as rows
come, like the CSV files. Cells keep their types: numbers and booleans as such,
dates of day, month or year precision as Excel dates shown at that precision
(quarters and weeks, which Excel has no format for, as their ISO text), list
cells joined with `` | ``. Text is never read as a formula, a number or a link,
so no cell of an article can run in the analyst's spreadsheet. A table longer
than a sheet (1,048,576 rows) continues on ``<table> (2)``, ``<table> (3)``...
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from agreement_nlp.tables.isodates import first_instant, precision
from agreement_nlp.tables.schema import TABLES, Column

WORKBOOK = "tables.xlsx"
LIST_JOIN = " | "
MAX_ROWS = 1_048_576  # rows of an Excel sheet, the header included
MAX_CELL_CHARS = 32_767  # characters Excel keeps in a cell
_DATE_FORMATS = {
    "year": "yyyy",
    "month": "mm/yyyy",
    "day": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
}
_WIDE = {"title", "evidence", "text", "error", "source", "name", "role_label", "aliases"}


def _width(column: Column) -> float:
    if column.name in _WIDE:
        return 40
    if column.dtype == "date":
        return 16
    return max(8, min(24, len(column.name) + 2))


class XlsxBook:
    """A workbook being written: :meth:`add` rows of a table (any order), then :meth:`close`.

    >>> import tempfile, pathlib
    >>> from agreement_nlp.tables.schema import frame
    >>> book = XlsxBook(pathlib.Path(tempfile.mkdtemp()) / "t.xlsx", ["agreements"])
    >>> book.add("agreements", frame("agreements", [{"title": "=1+1", "parties": ["MLI"]}]))
    >>> book.close()
    {'agreements': 1}
    """

    def __init__(self, path: str | Path | BinaryIO, tables: Iterable[str]) -> None:
        self._book = xlsxwriter.Workbook(
            path if isinstance(path, io.IOBase) else str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                # no creation time: the same tables give the same file
                "default_date_format": "dd/mm/yyyy",
            },
        )
        self._book.set_properties({"created": dt.datetime(2000, 1, 1)})
        self._header = self._book.add_format({"bold": True})
        self._dates = {
            k: self._book.add_format({"num_format": v}) for k, v in _DATE_FORMATS.items()
        }
        self.tables = tuple(tables)
        self._sheets: dict[str, list[Worksheet]] = {}
        self._next_row: dict[str, int] = {}
        for table in self.tables:
            self._new_sheet(table)

    def _new_sheet(self, table: str) -> Worksheet:
        sheets = self._sheets.setdefault(table, [])
        name = table if not sheets else f"{table} ({len(sheets) + 1})"
        sheet = self._book.add_worksheet(name)
        for col, column in enumerate(TABLES[table]):
            sheet.set_column(col, col, _width(column))
            sheet.write_string(0, col, column.name, self._header)
        sheet.freeze_panes(1, 0)
        sheets.append(sheet)
        self._next_row[table] = 1
        return sheet

    def add(self, table: str, df: pd.DataFrame) -> None:
        """Append the rows of ``df`` (a frame of ``table``'s contract) to its sheet."""
        columns = TABLES[table]
        sheet = self._sheets[table][-1]
        for values in df.itertuples(index=False, name=None):
            if self._next_row[table] == MAX_ROWS:
                self._filter(table, sheet)
                sheet = self._new_sheet(table)
            row = self._next_row[table]
            for col, (column, value) in enumerate(zip(columns, values, strict=True)):
                self._write(sheet, row, col, column, value)
            self._next_row[table] = row + 1

    def _write(self, sheet: Worksheet, row: int, col: int, column: Column, value: Any) -> None:
        if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
            return
        if column.dtype == "list":
            value = LIST_JOIN.join(value)
            if not value:
                return
        if column.dtype in ("int", "float"):
            sheet.write_number(row, col, value)
        elif column.dtype == "bool":
            sheet.write_boolean(row, col, bool(value))
        elif column.dtype == "date" and (kind := precision(value)) in self._dates:
            instant = first_instant(value)
            if instant is not None:
                sheet.write_datetime(row, col, instant, self._dates[kind])
            else:
                sheet.write_string(row, col, value)
        else:
            text = str(value)
            if len(text) > MAX_CELL_CHARS:
                text = text[: MAX_CELL_CHARS - 1] + "…"
            sheet.write_string(row, col, text)

    def _filter(self, table: str, sheet: Worksheet) -> None:
        sheet.autofilter(0, 0, max(self._next_row[table] - 1, 1), len(TABLES[table]) - 1)

    def close(self) -> dict[str, int]:
        """Finish the file; return the rows written per table."""
        for table in self.tables:
            self._filter(table, self._sheets[table][-1])
        self._book.close()
        return {
            t: (len(self._sheets[t]) - 1) * (MAX_ROWS - 1) + self._next_row[t] - 1
            for t in self.tables
        }


def write_workbook(
    tables: Mapping[str, pd.DataFrame], path: str | Path | BinaryIO
) -> dict[str, int]:
    """Write ``tables`` to the workbook ``path`` (or a binary stream); return the rows
    written per table."""
    book = XlsxBook(path, tables)
    for name, df in tables.items():
        book.add(name, df)
    return book.close()


def to_xlsx_bytes(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """The workbook of ``tables`` as bytes (what ``Tables.write(..., "xlsx")`` writes)."""
    buffer = io.BytesIO()
    write_workbook(tables, buffer)
    return buffer.getvalue()
