"""Writing tables as CSV, Parquet, JSONL (a file per table) or one Excel workbook.

Every file is written to a temporary name in the output folder and renamed
into place, so an interrupted run never leaves a half-written table.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from agreement_nlp.export.excel import to_excel_csv_bytes
from agreement_nlp.export.lock import OutputFolderError, OutputLock
from agreement_nlp.export.xlsx import WORKBOOK, to_xlsx_bytes
from agreement_nlp.tables.isodates import first_instant
from agreement_nlp.tables.schema import TABLES, list_columns

FORMATS = ("csv", "parquet", "jsonl", "xlsx")
LIST_SEPARATOR = "|"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes the file readable by its owner only; a table is a file like any other
        os.chmod(tmp, 0o666 & ~_umask())
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
    if isinstance(value, float) and math.isnan(value):
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


def arrow_table(table: str, df: pd.DataFrame) -> pa.Table:
    """``df`` as an Arrow table with the contract's types (also used by the streaming writer)."""
    fields = []
    for c in TABLES[table]:
        pa_type = {
            "str": pa.string(),
            "int": pa.int64(),
            "bool": pa.bool_(),
            "float": pa.float64(),
            "list": pa.list_(pa.string()),
            "date": pa.timestamp("us"),
        }[c.dtype]
        fields.append(pa.field(c.name, pa_type))
    schema = pa.schema(fields)
    arrays = []
    for c in TABLES[table]:
        values = [None if v is pd.NA else v for v in df[c.name].tolist()]
        if c.dtype == "date":
            values = [first_instant(v) for v in values]
        arrays.append(pa.array(values, type=schema.field(c.name).type))
    return pa.Table.from_arrays(arrays, schema=schema)


def to_parquet_bytes(table: str, df: pd.DataFrame) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(arrow_table(table, df), sink)
    return bytes(sink.getvalue().to_pybytes())


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | Path,
    fmt: str = "csv",
    *,
    excel: bool = False,
) -> list[Path]:
    """Write each table to ``out_dir/<table>.<fmt>`` atomically (``xlsx``: all of them to
    the sheets of ``out_dir/tables.xlsx``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        _atomic_write_bytes(out / WORKBOOK, to_xlsx_bytes(tables))
        return [out / WORKBOOK]
    written = []
    for name, df in tables.items():
        if fmt == "csv":
            if excel:
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


# --- A whole run's output folder ----------------------------------------------

MANIFEST = "_SUCCESS"


def _ours(name: str) -> bool:
    stem, _, ext = name.partition(".")
    return name in (MANIFEST, WORKBOOK) or (stem in TABLES and ext in FORMATS)


def check_output_folder(out_dir: str | Path, *, overwrite: bool = False) -> None:
    """Refuse an output folder whose contents a run would mix with or destroy.

    A missing or empty folder is fine. A non-empty one needs ``overwrite``,
    and even then only a folder holding nothing but a previous run's files
    is replaced: other files are never deleted.
    """
    out = Path(out_dir)
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputFolderError(f"{out} exists and is not a folder")
    entries = sorted(p.name for p in out.iterdir())
    if not entries:
        return
    if not overwrite:
        raise OutputFolderError(
            f"output folder {out} is not empty; choose a new --out folder, "
            f"or pass --overwrite to replace the previous run"
        )
    foreign = [name for name in entries if not _ours(name)]
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise OutputFolderError(
            f"output folder {out} holds files this tool did not write ({shown}); "
            f"refusing to replace it even with --overwrite"
        )


def _sha256(path: Path) -> str:
    # In blocks: a table of a big run need not fit in memory.
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def manifest_bytes(paths: list[Path], fmt: str, excel: bool, rows: Mapping[str, int]) -> bytes:
    """The ``_SUCCESS`` manifest: files, row counts, checksums.

    No timestamp, so two runs on the same input compare equal byte for byte.
    """

    files = {
        p.name: {
            # the workbook holds every table: its rows per sheet
            "rows": dict(rows) if p.name == WORKBOOK else rows.get(p.name.partition(".")[0], 0),
            "sha256": _sha256(p),
        }
        for p in paths
    }
    manifest = {"format": fmt, "excel": excel, "files": files}
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")


def staging_folder(out: Path) -> Path:
    """The hidden sibling folder a run of ``out`` is written into before :func:`publish`."""
    return out.parent / f".{out.name}.partial-{os.getpid()}"


def publish(staging: Path, out: Path, *, overwrite: bool = False) -> None:
    """Make a complete ``staging`` folder (manifest written last) visible as ``out``."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        check_output_folder(out, overwrite=overwrite)  # it may have changed while we ran
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def write_run(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | Path,
    fmt: str = "csv",
    *,
    excel: bool = False,
    overwrite: bool = False,
) -> list[Path]:
    """Write a complete run: all tables, then the ``_SUCCESS`` manifest, then make it visible.

    The files are written into a hidden sibling folder that is renamed to
    ``out_dir`` only once complete, so an interrupted run never leaves a set
    of tables that looks finished. A folder without ``_SUCCESS`` is not a
    finished run.
    """
    out = Path(out_dir)
    with OutputLock(out):
        check_output_folder(out, overwrite=overwrite)
        staging = staging_folder(out)
        shutil.rmtree(staging, ignore_errors=True)
        try:
            paths = write_tables(tables, staging, fmt=fmt, excel=excel)
            rows = {name: len(df) for name, df in tables.items()}
            _atomic_write_bytes(staging / MANIFEST, manifest_bytes(paths, fmt, excel, rows))
            publish(staging, out, overwrite=overwrite)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return [out / p.name for p in paths] + [out / MANIFEST]
