"""The output tables contract: docs in sync, declared columns and dtypes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from agreement_nlp.tables import schema
from agreement_nlp.tables.schema import (
    PANDAS_DTYPES,
    TABLE_NAMES,
    TABLES,
    columns,
    datapackage,
    empty,
    frame,
    list_columns,
    markdown,
)
from tests.conftest import ROOT

DOCS = ROOT / "docs" / "tables.md"

SAMPLE_ROWS: dict[str, dict[str, object]] = {
    "articles": {"article_id": "a1", "n_chars": 120, "status": "ok"},
    "persons": {"article_id": "a1", "person_id": "P1", "name": "Karim Sall", "aliases": ("Sall",)},
    "ministries": {"article_id": "a1", "ministry_id": "M1", "start": 4, "end": 30},
    "agreements": {"agreement_id": "A1", "domains": ["energie"], "parties": None},
    "signatories": {"agreement_id": "A1", "name": "Karim Sall"},
    "dates": {"text": "hier", "is_relative": True, "start": 0, "end": 4},
    "events": {"event_id": "E1", "parties": ["BAD", "SEN"], "n_reports": 2, "confidence": 0.8},
    "people": {"person_key": "karim-sall", "aliases": ["Sall"], "n_articles": 3},
    "mentions": {"label": "PER", "text": "Karim Sall", "start": 0, "end": 10},
}


def test_docs_match_the_schema() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown(), (
        "docs/tables.md is out of date: python -m agreement_nlp.tables.schema > docs/tables.md"
    )


def test_the_data_package_matches_the_schema() -> None:
    path = ROOT / "docs" / "datapackage.json"
    assert path.read_text(encoding="utf-8") == datapackage(), (
        "docs/datapackage.json is out of date: "
        "python -m agreement_nlp.tables.schema --datapackage > docs/datapackage.json"
    )
    package = json.loads(datapackage())
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    for resource in package["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        assert names == [c.name for c in TABLES[resource["name"]]]
        assert {f["type"] for f in resource["schema"]["fields"]} <= {
            "string", "integer", "boolean", "number"
        }  # fmt: skip


def test_every_table_has_a_sample() -> None:
    assert set(SAMPLE_ROWS) == set(TABLE_NAMES)


def test_declared_dtypes_are_known() -> None:
    for cols in TABLES.values():
        assert all(c.dtype in PANDAS_DTYPES for c in cols)
        assert len({c.name for c in cols}) == len(cols)
        assert all(c.doc for c in cols)


def _check_dtypes(df: pd.DataFrame, table: str) -> None:
    assert list(df.columns) == columns(table)
    for c in TABLES[table]:
        assert df[c.name].dtype == PANDAS_DTYPES[c.dtype], (table, c.name, df[c.name].dtype)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_empty_frame_has_columns_and_dtypes(table: str) -> None:
    df = frame(table, [])
    assert len(df) == 0
    _check_dtypes(df, table)
    pd.testing.assert_frame_equal(empty(table), df)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_frame_with_rows_has_columns_and_dtypes(table: str) -> None:
    df = frame(table, [SAMPLE_ROWS[table], {}])
    assert len(df) == 2
    _check_dtypes(df, table)
    for key, value in SAMPLE_ROWS[table].items():
        if key in list_columns(table):
            assert df.loc[0, key] == (list(value) if value else [])
        else:
            assert df.loc[0, key] == value
    # Missing keys become empty values: NA for scalars, [] for lists.
    for c in TABLES[table]:
        if c.dtype == "list":
            assert df.loc[1, c.name] == []
        else:
            assert pd.isna(df.loc[1, c.name])


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_list_columns_hold_lists(table: str) -> None:
    df = frame(table, [SAMPLE_ROWS[table]])
    for name in list_columns(table):
        assert all(isinstance(v, list) for v in df[name])


def test_list_columns_declared() -> None:
    assert list_columns("agreements") == ["domains", "parties"]
    assert list_columns("persons") == ["aliases"]
    assert list_columns("dates") == []


def test_unknown_column_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"table 'persons' has no column\(s\) \['nom'\]"):
        frame("persons", [{"person_id": "P1", "nom": "Karim Sall"}])


def test_unknown_table_is_an_error() -> None:
    with pytest.raises(KeyError):
        frame("treaties", [])


def test_markdown_lists_every_column() -> None:
    text = schema.markdown()
    for table, cols in TABLES.items():
        assert f"## `{table}`" in text
        for c in cols:
            assert f"| `{c.name}` | {c.dtype} |" in text
