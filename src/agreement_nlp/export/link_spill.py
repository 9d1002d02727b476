"""The linking pass of a streamed run: the rows it rewrites wait in a spill file.

``persons``, ``agreements`` and ``signatories`` get ``person_key`` and ``event_id`` only once
every article is read, so a :class:`~agreement_nlp.export.stream_writer.StreamWriter` that
links keeps their rows in JSON lines inside its staging folder, not in memory, and writes
them, linked, when it closes (with ``events`` and ``people``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import pandas as pd

from agreement_nlp.export.writers import to_jsonl_bytes
from agreement_nlp.link import link_tables
from agreement_nlp.tables.schema import frame

HELD = ("persons", "agreements", "signatories")
SPILL_ROWS = 2_000


class LinkSpill:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.published: dict[str, Any] = {}
        self._buffers: dict[str, list[Mapping[str, Any]]] = {t: [] for t in HELD}
        self._files: dict[str, IO[bytes]] = {
            t: (folder / f".link-{t}.jsonl").open("wb") for t in HELD
        }

    def take(self, table: str, rows: Sequence[Mapping[str, Any]]) -> bool:
        """Keep ``rows`` if the linking pass rewrites ``table``; say whether it did."""
        if table == "articles":
            for row in rows:
                self.published[str(row.get("article_id"))] = row.get("published_at")
            return False
        if table not in self._buffers:
            return False
        buffer = self._buffers[table]
        buffer.extend(rows)
        if len(buffer) >= SPILL_ROWS:
            self._spill(table)
        return True

    def _spill(self, table: str) -> None:
        buffer = self._buffers[table]
        if buffer:
            self._files[table].write(to_jsonl_bytes(table, frame(table, buffer)))
            buffer.clear()

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()

    def linked(self) -> dict[str, pd.DataFrame]:
        """The linked tables, from everything taken."""
        for table in HELD:
            self._spill(table)
        self.close()
        tables: dict[str, pd.DataFrame] = {
            "articles": frame(
                "articles",
                [{"article_id": a, "published_at": p} for a, p in self.published.items()],
            )
        }
        for table in HELD:
            path = self.folder / f".link-{table}.jsonl"
            with path.open(encoding="utf-8") as fh:
                tables[table] = frame(table, (json.loads(line) for line in fh))
            path.unlink()
        return link_tables(tables)
