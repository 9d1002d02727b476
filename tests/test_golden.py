"""Golden tables: extract on the project's own articles gives exactly the stored tables.

A guard for refactors: a change meant to keep behaviour must keep every byte. A change meant
to alter the output regenerates them (``GOLDEN_UPDATE=1 python -m pytest tests/test_golden.py``)
and the diff of ``tests/golden/`` shows, row by row, what it changed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

import agreement_nlp
from agreement_nlp.tables.schema import TABLE_NAMES
from tests.conftest import ROOT

GOLDEN = Path(__file__).with_name("golden")
FOLDERS = {"raw": Path("data/raw"), "annotated": Path("data/annotated")}  # from ROOT


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_tables_are_the_stored_ones(
    nlp: Language, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # sources are recorded as given: relative, as a user types them
    texts = sorted(FOLDERS[name].glob("*.txt"))
    tables = agreement_nlp.extract(texts, nlp=nlp)
    tables.write(tmp_path / name, "csv")
    stored = GOLDEN / name
    if os.environ.get("GOLDEN_UPDATE"):
        stored.mkdir(parents=True, exist_ok=True)
        for table in TABLE_NAMES:
            (stored / f"{table}.csv").write_bytes((tmp_path / name / f"{table}.csv").read_bytes())
    changed = [
        table
        for table in TABLE_NAMES
        if (tmp_path / name / f"{table}.csv").read_bytes() != (stored / f"{table}.csv").read_bytes()
    ]
    assert not changed, f"tables of {name} changed: {changed} (diff against {stored})"
