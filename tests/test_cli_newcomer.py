"""A new user's first mistakes, end to end: each gets one clear line and the right exit code."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest

from agreement_nlp.ingest.inputs import to_articles
from tests.cli_run import run_cli


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, stdin=stdin)


def test_a_missing_input_is_refused_before_the_model_loads(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = cli("extract", str(tmp_path / "nope.txt"), "--out", str(out), "--quiet")
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or folder"
    assert not out.exists()


def test_excel_with_parquet_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Le ministre a parlé.", encoding="utf-8")
    done = cli(
        "extract",
        str(tmp_path / "a.txt"),
        "--out",
        str(tmp_path / "o"),
        "--format",
        "parquet",
        "--excel",
    )
    assert done.returncode == 2 and "--excel" in done.stderr and "parquet" in done.stderr


@pytest.mark.slow
def test_input_where_nothing_is_readable_exits_1(tmp_path: Path) -> None:
    done = cli("extract", "-", "--out", str(tmp_path / "o"), "--quiet", stdin="hello world\n")
    assert done.returncode == 1
    assert "error: no article could be processed (none is ok)" in done.stderr


@pytest.mark.slow
def test_show_on_several_records_names_the_option(tmp_path: Path) -> None:
    dump = tmp_path / "two.jsonl"
    dump.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n', encoding="utf-8")
    done = cli("show", str(dump))
    assert done.returncode != 0 and "--id" in done.stderr and "['a', 'b']" in done.stderr


@pytest.mark.parametrize("name", ["data/nope.txt", "NOPE.TXT", "dump.jsonl.gz"])
def test_a_mistyped_path_in_the_api_is_an_error_not_an_article_text(name: str) -> None:
    (article,) = list(to_articles(name))
    assert article.status == "error" and "no such file or folder" in (article.error or "")


def test_a_sentence_is_still_an_article_text() -> None:
    (article,) = list(to_articles("Le ministre a signé un accord.txt hier."))
    assert article.status == "ok" and article.article_id == "text-1"


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    (tmp_path / "a.txt").write_text("Le ministre a parlé.", encoding="utf-8")
    out = tmp_path / "o"
    done = cli(
        "extract", str(tmp_path / "a.txt"), "--out", str(out), "--quiet",
        "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
    )  # fmt: skip
    assert done.returncode == 2
    assert (
        done.stderr.strip() == "error: no Dask scheduler answers at tcp://127.0.0.1:9 (waited 10 s)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.slow
def test_files_of_no_known_format_are_named_in_the_summary(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text("Le ministre a parlé.", encoding="utf-8")
    (folder / "a.md").write_text("# notes", encoding="utf-8")
    (folder / "c.dat").write_text("x", encoding="utf-8")
    done = cli("extract", str(folder), "--out", str(tmp_path / "o"), "--quiet")
    assert done.returncode == 0, done.stderr
    assert (
        f"2 file(s) of no known format not read: {folder / 'a.md'}, {folder / 'c.dat'} "
        "(--input-format reads them as one)"
    ) in done.stderr


@pytest.mark.slow
def test_dedupe_skips_repeated_texts_naming_the_first(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text("Le ministre a parlé.", encoding="utf-8")
    (folder / "c.txt").write_text("Le ministre a signé.", encoding="utf-8")
    out = tmp_path / "o"
    done = cli("extract", str(folder), "--out", str(out), "--quiet", "--dedupe")
    assert done.returncode == 0, done.stderr
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    assert [rows[k]["status"] for k in "abc"] == ["ok", "skipped", "ok"]
    assert "same text as article 'a' (--dedupe)" in rows["b"]["error"]
    assert rows["a"]["text_sha256"] == rows["b"]["text_sha256"] != rows["c"]["text_sha256"]


ENGLISH = (
    "The minister of finance signed a loan agreement with the African Development Bank on "
    "Monday in Dakar, the government said in a statement released after the meeting of the "
    "council of ministers. The loan will finance roads and schools in the south of the country."
)


@pytest.mark.slow
def test_an_article_not_in_french_is_skipped_saying_its_language(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "fr.txt").write_text("Le ministre a parlé.", encoding="utf-8")
    out = tmp_path / "o"
    done = cli("extract", str(folder), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    assert (rows["en"]["status"], rows["fr"]["status"]) == ("skipped", "ok")
    assert "written in 'en', not French" in rows["en"]["error"]
    again = cli("extract", str(folder), "--out", str(tmp_path / "o2"), "--quiet", "--any-language")
    assert again.returncode == 0 and "not French" not in again.stderr


@pytest.mark.slow
def test_a_sign_off_with_a_wrong_weekday_loses_to_a_consistent_date(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    text = (
        "Communiqué du gouvernement\nMercredi 31 Juillet 2023\n"
        "Le ministre a signé hier un accord de prêt avec la BAD.\nPublié le jeudi 1er août 2024\n"
    )
    (tmp_path / "in" / "c.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "o"
    done = cli("extract", str(tmp_path / "in"), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["published_at"], row["published_at_source"]) == (
        "2024-08-01",
        "text:publication_line",
    )
