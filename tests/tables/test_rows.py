"""Rows of one Doc: every table gets exactly the columns that the schema declares for it."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from agreement_nlp.article import Article
from agreement_nlp.tables.rows import Rows, article_row, doc_rows
from agreement_nlp.tables.schema import ARTICLE_TABLES, columns, frame, given_columns
from tests.conftest import REFERENCE_ARTICLE

SHORT_TEXTS: dict[str, str] = {
    "signed": (
        "Bamako, le 12 mars 2025 – Le ministre des Affaires étrangères, Karim Sall, "
        "et son homologue turc ont signé lundi un accord de coopération dans le domaine "
        "de l'énergie solaire.\n\n"
        "La cérémonie s'est tenue à Bamako en présence du Premier ministre, Moussa Kané."
    ),
    "minister": "Le ministre de la Santé, Mme Awa Traoré, a signé hier un accord.",
    "furniture": (
        "Le Togo et le Ghana signent un accord sur l'électricité\n"
        "Lomé, le 14 mars 2024 – Le ministre de l'Énergie a signé hier un accord avec son "
        "homologue.\n"
        "Par Kossi MENSAH\n"
        "À lire aussi : Le port de Lomé s'agrandit\n"
        "Le chantier a débuté.\n"
    ),
    "nothing": "Il a plu toute la nuit.",
    "empty": "",
}


def texts() -> dict[str, str]:
    return {"reference": REFERENCE_ARTICLE.read_text(encoding="utf-8"), **SHORT_TEXTS}


@pytest.fixture(scope="module")
def all_rows(nlp: Language) -> dict[str, Rows]:
    """``doc_rows`` of each text, processed by the full pipeline."""
    out: dict[str, Rows] = {}
    for name, text in texts().items():
        article = Article(name, text, published_at="2025-03-12")
        out[name] = doc_rows(nlp(text), article)
    return out


def key_problems(table: str, table_rows: list[dict[str, Any]]) -> list[str]:
    declared = set(given_columns(table))
    problems = []
    for i, row in enumerate(table_rows):
        missing, extra = declared - set(row), set(row) - declared
        if missing or extra:
            problems.append(f"{table}[{i}]: missing {sorted(missing)}, extra {sorted(extra)}")
    return problems


@pytest.mark.model
@pytest.mark.parametrize("name", list(texts()))
def test_every_table_is_filled(all_rows: dict[str, Rows], name: str) -> None:
    assert sorted(all_rows[name]) == sorted(ARTICLE_TABLES)


@pytest.mark.model
@pytest.mark.parametrize("name", list(texts()))
def test_rows_have_exactly_the_declared_columns(all_rows: dict[str, Rows], name: str) -> None:
    problems = [p for t, some in all_rows[name].items() for p in key_problems(t, some)]
    assert not problems, "\n".join(problems)


@pytest.mark.model
@pytest.mark.parametrize("name", list(texts()))
def test_rows_make_frames(all_rows: dict[str, Rows], name: str) -> None:
    for table, some in all_rows[name].items():
        assert list(frame(table, some).columns) == columns(table)
        assert len(frame(table, some)) == len(some)


@pytest.mark.model
def test_every_table_has_rows_to_check(all_rows: dict[str, Rows]) -> None:
    """The checks above are not vacuous: each table gets rows from some text."""
    empty = [t for t in ARTICLE_TABLES if not any(rows[t] for rows in all_rows.values())]
    assert not empty


@pytest.mark.model
def test_reference_article_fills_every_table(all_rows: dict[str, Rows]) -> None:
    assert [t for t in ARTICLE_TABLES if not all_rows["reference"][t]] == []


@pytest.mark.model
def test_mentions_sorted_and_at_their_offsets(all_rows: dict[str, Rows]) -> None:
    for name, text in texts().items():
        mentions = all_rows[name]["mentions"]
        keys = [(m["start"], m["end"], m["label"]) for m in mentions]
        assert keys == sorted(keys)
        assert all(text[m["start"] : m["end"]] == m["text"] for m in mentions)


@pytest.mark.parametrize("text", ["", "Titre\nCorps du texte."])
def test_article_row_without_doc_has_the_declared_columns(text: str) -> None:
    row = article_row(Article("a1", text), None)
    assert list(row) == given_columns("articles")
    assert row["n_words"] is None and row["content_end"] is None


@pytest.mark.model
def test_rows_name_their_article(all_rows: dict[str, Rows]) -> None:
    for name, rows in all_rows.items():
        assert {r["article_id"] for some in rows.values() for r in some} == {name}
