"""An output folder read back into tables (for ``agreement-nlp link`` on an earlier run)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from agreement_nlp.export.lock import OutputFolderError
from agreement_nlp.export.writers import MANIFEST
from agreement_nlp.tables.schema import TABLE_NAMES, TABLES, frame

_DATE_TEXT = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d", "datetime": "%Y-%m-%dT%H:%M"}


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OutputFolderError(
            f"{folder} is not a finished run of agreement-nlp extract (no readable {MANIFEST})"
        ) from exc
    return manifest


def _csv_records(path: Path, table: str) -> list[dict[str, Any]]:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    records = []
    for row in df.to_dict("records"):
        out: dict[str, Any] = {}
        for c in TABLES[table]:
            value = row.get(c.name, "")
            if c.dtype == "list":
                out[c.name] = value.split("|") if value else []
            elif value == "":
                out[c.name] = None
            elif c.dtype == "int":
                out[c.name] = int(value)
            elif c.dtype == "float":
                out[c.name] = float(value)
            elif c.dtype == "bool":
                out[c.name] = value.lower() == "true"
            else:
                out[c.name] = value
        records.append(out)
    return records


def _parquet_records(path: Path, table: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = [
        {str(k): v for k, v in row.items()} for row in pd.read_parquet(path).to_dict("records")
    ]
    for c in TABLES[table]:
        if c.dtype != "date":
            continue
        for row in records:
            value, kind = row.get(c.name), row.get(f"{c.name}_precision")
            if value is None or pd.isna(value):
                row[c.name] = None
            else:
                row[c.name] = value.strftime(_DATE_TEXT.get(str(kind), "%Y-%m-%d"))
    for c in TABLES[table]:
        if c.dtype == "list":
            for row in records:
                row[c.name] = [str(v) for v in row[c.name]] if row[c.name] is not None else []
    return records


def read_run(folder: Path) -> tuple[str, dict[str, pd.DataFrame]]:
    """The format and the tables of a finished run in ``folder``."""
    manifest = read_manifest(folder)
    fmt = manifest.get("format")
    if fmt not in ("csv", "jsonl", "parquet") or manifest.get("excel"):
        raise OutputFolderError(
            f"{folder}: link reads runs written as csv, jsonl or parquet (this one is "
            f"{'csv --excel' if manifest.get('excel') else fmt}); run extract again, it links"
        )
    tables = {}
    for table in TABLE_NAMES:
        path = folder / f"{table}.{fmt}"
        if not path.exists():
            tables[table] = frame(table, [])
        elif fmt == "csv":
            tables[table] = frame(table, _csv_records(path, table))
        elif fmt == "parquet":
            tables[table] = frame(table, _parquet_records(path, table))
        else:
            with path.open(encoding="utf-8") as fh:
                tables[table] = frame(table, (json.loads(line) for line in fh if line.strip()))
    return fmt, tables
