"""Writing tables as CSV, Parquet or JSONL.

Every file is written to a temporary name in the output folder and renamed
into place, so an interrupted run never leaves a half-written table.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from agreement_nlp.schema import TABLES, list_columns

FORMATS = ("csv", "parquet", "jsonl")
LIST_SEPARATOR = "|"


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _csv_frame(table: str, df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in list_columns(table):
        out[col] = out[col].map(lambda v: LIST_SEPARATOR.join(v) if isinstance(v, list) else "")
    return out


def to_csv_bytes(table: str, df: pd.DataFrame) -> bytes:
    text = _csv_frame(table, df).to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")


def _jsonable(value: Any) -> Any:
    if value is pd.NA or value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def to_jsonl_bytes(table: str, df: pd.DataFrame) -> bytes:
    lines = []
    names = [c.name for c in TABLES[table]]
    for row in df.itertuples(index=False, name=None):
        record = {k: _jsonable(v) for k, v in zip(names, row, strict=True)}
        lines.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def to_parquet_bytes(table: str, df: pd.DataFrame) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = []
    for c in TABLES[table]:
        pa_type = {
            "str": pa.string(),
            "int": pa.int64(),
            "bool": pa.bool_(),
            "float": pa.float64(),
            "list": pa.list_(pa.string()),
        }[c.dtype]
        fields.append(pa.field(c.name, pa_type))
    schema = pa.schema(fields)
    arrays = []
    for c in TABLES[table]:
        values = [None if v is pd.NA else v for v in df[c.name].tolist()]
        arrays.append(pa.array(values, type=schema.field(c.name).type))
    tbl = pa.Table.from_arrays(arrays, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(tbl, sink)
    return bytes(sink.getvalue().to_pybytes())


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | Path,
    fmt: str = "csv",
    *,
    excel: bool = False,
) -> list[Path]:
    """Write each table to ``out_dir/<table>.<fmt>`` atomically."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        if fmt == "csv":
            if excel:
                from agreement_nlp.io.excel import to_excel_csv_bytes

                data = to_excel_csv_bytes(name, _csv_frame(name, df))
            else:
                data = to_csv_bytes(name, df)
        elif fmt == "jsonl":
            data = to_jsonl_bytes(name, df)
        else:
            data = to_parquet_bytes(name, df)
        path = out / f"{name}.{fmt}"
        _atomic_write_bytes(path, data)
        written.append(path)
    return written
