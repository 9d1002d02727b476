"""Writing a run's tables row chunk by row chunk, with constant memory.

:class:`StreamWriter` receives the rows of one article at a time (what
:func:`agreement_nlp.run.local.iter_article_rows` yields), keeps a small buffer per
table and appends it to the table's file when full. The files produced are
byte for byte those of :func:`agreement_nlp.export.writers.write_run` on the same
rows: CSV and JSONL do not depend on how rows are chunked (every chunk goes
through the same :func:`~agreement_nlp.tables.schema.frame` and the same
serialiser, the header only once), and a Parquet file whose rows fit in one
row group is the file ``pyarrow.parquet.write_table`` writes. Bigger tables
get several row groups: same rows, same schema, a different file. The Excel
workbook (``xlsx``) is streamed sheet by sheet the same way and is the file
``write_run`` writes.

The run lives in the same hidden staging folder as ``write_run``'s and is
published with the ``_SUCCESS`` manifest only by :meth:`StreamWriter.close`;
leaving the ``with`` block on an exception deletes it.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pandas as pd
import pyarrow.parquet as pq

from agreement_nlp.export.excel import to_excel_csv_bytes
from agreement_nlp.export.link_spill import LinkSpill
from agreement_nlp.export.lock import OutputFolderError, OutputLock
from agreement_nlp.export.writers import (
    FORMATS,
    MANIFEST,
    _atomic_write_bytes,
    _csv_frame,
    arrow_table,
    check_output_folder,
    manifest_bytes,
    publish,
    staging_folder,
    to_csv_bytes,
    to_jsonl_bytes,
)
from agreement_nlp.export.xlsx import WORKBOOK, XlsxBook
from agreement_nlp.link import LINKED
from agreement_nlp.tables.schema import TABLE_NAMES, frame

__all__ = ["FLUSH_ROWS", "ROW_GROUP_ROWS", "StreamWriter"]

# CSV/JSONL rows kept per table before appending them to the file.
FLUSH_ROWS = 2_000
# Parquet rows per row group: up to this many rows per table, the file is the
# one write_run would write; it also bounds the rows held in memory.
ROW_GROUP_ROWS = 20_000


def _drop_first_line(data: bytes) -> bytes:
    # The header (and, for Excel, the BOM in front of it) is one line: column names hold no newline.
    return data[data.index(b"\n") + 1 :]


class StreamWriter:
    """Append rows to ``out_dir/<table>.<fmt>`` as they come; publish the folder on close.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "run"
    >>> with StreamWriter(out, "jsonl") as w:
    ...     w.add({"articles": [{"article_id": "a1", "status": "ok"}]})
    >>> sorted(p.name for p in out.iterdir())[:2]
    ['_SUCCESS', 'agreements.jsonl']
    >>> w.rows["articles"]
    1
    """

    def __init__(
        self,
        out_dir: str | Path,
        fmt: str = "csv",
        *,
        excel: bool = False,
        overwrite: bool = False,
        tables: Sequence[str] = TABLE_NAMES,
        flush_rows: int = FLUSH_ROWS,
        row_group_rows: int = ROW_GROUP_ROWS,
        link: bool = False,
    ) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.out = Path(out_dir)
        self.fmt = fmt
        self.excel = excel
        self.overwrite = overwrite
        self.tables = tuple(tables)
        self.limit = row_group_rows if fmt == "parquet" else flush_rows
        # The lock first: taking it clears what a killed run of this folder left.
        self._lock = OutputLock(self.out).acquire()
        self.staging = staging_folder(self.out)
        try:
            check_output_folder(self.out, overwrite=overwrite)
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging.mkdir()
        except OSError as exc:
            self._lock.release()
            raise OutputFolderError(f"cannot write {self.out}: {exc.strerror or exc}") from exc
        except BaseException:
            self._lock.release()
            raise
        self.rows: dict[str, int] = dict.fromkeys(self.tables, 0)
        self._buffers: dict[str, list[Mapping[str, Any]]] = {t: [] for t in self.tables}
        self._files: dict[str, IO[bytes]] = {}
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._book = XlsxBook(self.staging / WORKBOOK, self.tables) if fmt == "xlsx" else None
        self._started = False
        self._closed = False
        linkable = all(t in self.tables for t in LINKED)
        self._spill = LinkSpill(self.staging) if link and linkable else None

    def path(self, table: str) -> Path:
        return self.staging / (WORKBOOK if self.fmt == "xlsx" else f"{table}.{self.fmt}")

    def _paths(self) -> list[Path]:
        return [self.path("")] if self.fmt == "xlsx" else [self.path(t) for t in self.tables]

    def add(self, rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        """Take one article's rows (table name -> rows); write whatever buffer is full."""
        for table, table_rows in rows.items():
            if self._spill is not None and self._spill.take(table, table_rows):
                continue
            buffer = self._buffers[table]
            buffer.extend(table_rows)
            if len(buffer) >= self.limit:
                self.flush(table)
        if not self._started and self.fmt != "parquet":
            # The first article goes to disk at once, so a long run shows output early;
            # Parquet waits, or a small run's file would differ from write_run's.
            self._started = True
            for table in self.tables:
                self.flush(table)
            for fh in self._files.values():
                fh.flush()

    def flush(self, table: str) -> None:
        buffer = self._buffers[table]
        if not buffer and (table in self._files or table in self._parquet):
            return
        df = frame(table, buffer)
        buffer.clear()
        self._emit(table, df)

    def _emit(self, table: str, df: pd.DataFrame) -> None:
        self.rows[table] += len(df)
        if self._book is not None:
            self._book.add(table, df)
            return
        if self.fmt == "parquet":
            tbl = arrow_table(table, df)
            writer = self._parquet.get(table)
            if writer is None:
                writer = self._parquet[table] = pq.ParquetWriter(self.path(table), tbl.schema)
            writer.write_table(tbl)
            return
        if self.fmt == "jsonl":
            data = to_jsonl_bytes(table, df)
        elif self.excel:
            data = to_excel_csv_bytes(table, _csv_frame(table, df))
        else:
            data = to_csv_bytes(table, df)
        fh = self._files.get(table)
        if fh is None:
            fh = self._files[table] = self.path(table).open("wb")
        elif self.fmt == "csv":
            data = _drop_first_line(data)
        fh.write(data)

    def close(self) -> list[Path]:
        """Write what is left, the manifest, and make the folder visible; return the paths."""
        if self._closed:
            raise RuntimeError("writer already closed")
        spilled = LINKED if self._spill is not None else ()
        for table in self.tables:
            if table not in spilled:
                self.flush(table)
        if self._spill is not None:
            for table, df in self._spill.linked().items():
                for start in range(0, max(len(df), 1), self.limit):
                    self._emit(table, df.iloc[start : start + self.limit])
            self._spill = None
        self._close_files()
        paths = self._paths()
        _atomic_write_bytes(
            self.staging / MANIFEST, manifest_bytes(paths, self.fmt, self.excel, self.rows)
        )
        publish(self.staging, self.out, overwrite=self.overwrite)
        self._closed = True
        self._lock.release()
        return [self.out / p.name for p in paths] + [self.out / MANIFEST]

    def abort(self) -> None:
        """Drop the staging folder: nothing of this run becomes visible."""
        self._close_files()
        shutil.rmtree(self.staging, ignore_errors=True)
        self._closed = True
        self._lock.release()

    def _close_files(self) -> None:
        if self._spill is not None:
            self._spill.close()
        for fh in self._files.values():
            fh.close()
        for writer in self._parquet.values():
            writer.close()
        if self._book is not None:
            self._book.close()
            self._book = None
        self._files.clear()
        self._parquet.clear()

    def __enter__(self) -> StreamWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()
        elif not self._closed:
            self.close()
