"""Streaming: rows written as they come, byte for byte what the one-shot writer writes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from spacy.language import Language

from agreement_nlp.api import collect_tables, iter_article_rows, to_articles
from agreement_nlp.article import Article
from agreement_nlp.export.stream_writer import StreamWriter
from agreement_nlp.export.writers import write_run
from agreement_nlp.link import link_tables
from agreement_nlp.run.batch import run_extract
from agreement_nlp.run.pool import iter_rows_local
from agreement_nlp.tables.rows import Rows
from tests.conftest import ROOT

ANNOTATED = sorted((ROOT / "data" / "annotated").glob("*.txt"))


def short_articles(n: int = 6, chars: int = 700) -> list[Article]:
    """Heads of the project's annotated articles: real text, quick to parse."""
    return [
        Article(p.stem, p.read_text(encoding="utf-8")[:chars], source=str(p)) for p in ANNOTATED[:n]
    ]


def input_folder(root: Path) -> Path:
    src = root / "in"
    src.mkdir()
    for art in short_articles():
        (src / f"{art.article_id}.txt").write_text(art.text, encoding="utf-8")
    (src / "vide.txt").write_bytes(b"")  # an article that never reaches the model
    (src / "lot.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Le ministre a signé un accord."}) + "\n{cassé\n",
        encoding="utf-8",
    )
    return src


def folder_bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def rows(nlp: Language) -> list[Rows]:
    return list(iter_article_rows(to_articles(short_articles()), nlp))


@pytest.mark.parametrize(
    ("fmt", "excel"), [("csv", False), ("csv", True), ("jsonl", False), ("xlsx", False)]
)
@pytest.mark.model
def test_chunked_formats_equal_one_shot(
    rows: list[Rows], tmp_path: Path, fmt: str, excel: bool
) -> None:
    write_run(dict(collect_tables(rows).items()), tmp_path / "ref", fmt, excel=excel)
    # a flush every row: as many chunks as possible
    with StreamWriter(tmp_path / "out", fmt, excel=excel, flush_rows=1) as writer:
        for article_rows in rows:
            writer.add(article_rows)
    assert folder_bytes(tmp_path / "out") == folder_bytes(tmp_path / "ref")


@pytest.mark.model
def test_parquet_one_row_group_equals_one_shot_and_row_groups_keep_rows(
    rows: list[Rows], tmp_path: Path
) -> None:
    tables = collect_tables(rows)
    write_run(dict(tables.items()), tmp_path / "ref", "parquet")
    with StreamWriter(tmp_path / "out", "parquet") as writer:
        for article_rows in rows:
            writer.add(article_rows)
    assert folder_bytes(tmp_path / "out") == folder_bytes(tmp_path / "ref")

    with StreamWriter(tmp_path / "groups", "parquet", row_group_rows=5) as writer:
        for article_rows in rows:
            writer.add(article_rows)
    mentions = pq.ParquetFile(tmp_path / "groups" / "mentions.parquet")
    assert mentions.num_row_groups > 1
    ref = pq.read_table(tmp_path / "ref" / "mentions.parquet")
    assert mentions.read().equals(ref)
    manifest = json.loads((tmp_path / "groups" / "_SUCCESS").read_text())
    assert manifest["files"]["mentions.parquet"]["rows"] == len(tables.mentions)


def test_failed_run_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(RuntimeError), StreamWriter(out, "csv") as writer:
        writer.add({"articles": [{"article_id": "a", "status": "ok"}]})
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.model
def test_run_extract_streams_the_same_bytes_as_before(nlp: Language, tmp_path: Path) -> None:
    src = input_folder(tmp_path)
    for fmt in ("csv", "parquet"):
        before = collect_tables(iter_article_rows(to_articles([src]), nlp))
        linked = dict(before.items())
        linked.update(link_tables(linked))  # the streamed run links as it closes
        write_run(linked, tmp_path / f"ref-{fmt}", fmt)
        report = run_extract([src], tmp_path / f"out-{fmt}", fmt=fmt, nlp=nlp, workers=1)
        assert folder_bytes(tmp_path / f"out-{fmt}") == folder_bytes(tmp_path / f"ref-{fmt}")
    assert report.rows["articles"] == len(before.articles) == 9
    assert report.statuses["empty"] == 1 and report.statuses["error"] == 1
    assert report.summary().startswith("9 articles (7 ok, 1 empty, 0 skipped, 1 errors)")
    assert len(report.problems) == 1 and "lot.jsonl:2" in report.problems[0]


@pytest.mark.model
def test_articles_are_read_lazily(nlp: Language) -> None:
    read = 0

    def endless() -> Iterator[Article]:
        nonlocal read
        while True:
            read += 1
            yield Article(f"a{read}", "Le ministre a signé un accord à Dakar.")

    first = next(iter_rows_local(endless(), nlp, zone_articles=4))
    assert first["articles"][0]["article_id"] == "a1"
    assert read <= 5


@pytest.mark.model
def test_string_store_does_not_grow(nlp: Language) -> None:
    # Words the model has never seen: without memory zones each would stay in the vocab.
    def novel(start: int) -> Iterator[Article]:
        for i in range(start, start + 20):
            words = " ".join(f"Zorglub{i}x{j}" for j in range(30))
            yield Article(f"n{i}", f"Le ministre {words} a signé un accord le 3 mai 2024.")

    list(iter_rows_local(novel(0), nlp, zone_articles=10))
    size = len(nlp.vocab.strings)
    list(iter_rows_local(novel(1000), nlp, zone_articles=10))
    assert len(nlp.vocab.strings) == size
