"""The progress bar's total: the readers' count where it is cheap, no total where lines are not records."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from agreement_nlp.ingest.discover import discover
from agreement_nlp.ingest.readers import ReadOptions, read_input
from agreement_nlp.ingest.records import DEFAULT_FIELDS, FieldMap
from agreement_nlp.run import progress
from agreement_nlp.run.counting import count_records
from agreement_nlp.run.progress import estimate_articles, progress_bar


def _multiline_csv(n: int) -> str:
    rows = ["id,title,text"]
    for i in range(n):
        rows.append(f'{i},"Titre {i}","Premier paragraphe, {i}.\n\nDeuxième.\n"')
    return "\n".join(rows) + "\n"


def _articles(path: Path) -> int:
    """How many articles the readers make of ``path``."""
    (inp,) = discover([path])
    return len(list(read_input(inp, ReadOptions())))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_multiline_csv_has_no_total(tmp_path: Path) -> None:
    # The reported case: 21 articles whose texts run over several lines. Counting lines
    # gave 72 (the bar stopped at 21/72); no total is better than a wrong one.
    path = _write(tmp_path / "depeches.csv", _multiline_csv(21))
    assert path.read_text(encoding="utf-8").count("\n") > 21
    assert _articles(path) == 21
    assert estimate_articles([path]) is None


def test_single_line_csv_counts_rows(tmp_path: Path) -> None:
    text = 'id,text\n1,"Un texte, avec virgule"\n\n2,Deux\n , \n3,"Trois ""cité"""\n'
    path = _write(tmp_path / "a.csv", text)
    assert estimate_articles([path]) == 3 == _articles(path)


def test_tsv_and_semicolon_csv(tmp_path: Path) -> None:
    tsv = _write(tmp_path / "a.tsv", "id\ttext\n1\tUn\n2\tDeux\n")
    semi = _write(tmp_path / "b.csv", "id;text\n1;Un; deux\n;\n")  # a bad row is an article too
    assert estimate_articles([tsv]) == 2 == _articles(tsv)
    assert estimate_articles([semi]) == 1 == _articles(semi)


def test_jsonl_counts_non_blank_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": i, "text": f"Texte {i}."}) for i in range(4)]
    path = _write(tmp_path / "a.jsonl", "\n".join([lines[0], "", *lines[1:], "   ", "{oops"]))
    assert estimate_articles([path]) == 5 == _articles(path)


def test_whole_documents_are_one_article_each(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    _write(tmp_path / "d" / "a.txt", "Un article.\nSur deux lignes.\n")
    _write(tmp_path / "d" / "b.html", "<html><body><p>Un.</p>\n<p>Deux.</p></body></html>")
    (tmp_path / "d" / "c.txt.gz").write_bytes(gzip.compress(b"Compresse.\n"))
    _write(tmp_path / "d" / "d.jsonl", '{"text": "A."}\n{"text": "B."}\n')
    assert estimate_articles([tmp_path / "d"]) == 5


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("list.json", b'[{"text": "A."},\n {"text": "B."}]'),
        ("a.jsonl.gz", gzip.compress(b'{"text": "A."}\n{"text": "B."}\n')),
        ("a.csv.gz", gzip.compress(b"id,text\n1,A\n")),
        ("utf16.jsonl", '{"text": "A."}\n'.encode("utf-16")),
    ],
)
def test_no_total_where_lines_are_not_records(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert estimate_articles([path]) is None


def test_one_uncountable_input_means_no_total(tmp_path: Path) -> None:
    txt = _write(tmp_path / "a.txt", "Un article.")
    csv = _write(tmp_path / "b.csv", _multiline_csv(2))
    assert estimate_articles([txt]) == 1
    assert estimate_articles([txt, csv]) is None


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.jsonl", b""),
        ("blank.jsonl", b"\n  \n"),
        ("header-only.csv", b"id,text\n"),
        ("no-header.csv", b"\n1,A\n"),
        ("binary.csv", b"\x00\x01\x02" * 100),
        ("notes.md", b"# pas un format lu\n"),
    ],
)
def test_inputs_that_give_one_error_article(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert estimate_articles([path]) == 1 == _articles(path)


def test_missing_file_is_one_article(tmp_path: Path) -> None:
    assert estimate_articles([tmp_path / "absent.jsonl"]) == 1


def test_csv_without_text_column_with_the_runs_fields(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.csv", "id,corps\n1,Un\n2,Deux\n")
    (inp,) = discover([path])
    assert count_records(inp, DEFAULT_FIELDS) == 1 == _articles(path)
    assert count_records(inp, FieldMap.build(text="corps")) == 2
    assert estimate_articles([path], fields=FieldMap.build(text="corps")) == 2


def test_stdin_and_nothing_have_no_total(tmp_path: Path) -> None:
    assert estimate_articles(["-"]) is None
    assert estimate_articles([]) is None
    assert estimate_articles([tmp_path]) is None  # an empty folder


def test_too_much_input_is_not_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "a.jsonl", '{"text": "A."}\n')
    monkeypatch.setattr(progress, "MAX_COUNT_BYTES", 4)
    assert estimate_articles([path]) is None


def test_bar_without_total_advances() -> None:
    with progress_bar(False, None) as advance:
        advance(3)


def test_carriage_return_lines_give_no_total_and_are_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "old-mac.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Un."}\r{"id": "b", "text": "Deux."}\r')
    (inp,) = discover([path])
    assert count_records(inp) is None
    assert [a.article_id for a in read_input(inp)] == ["a", "b"]


def test_a_huge_jsonl_line_is_counted_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"id": "a", "text": "Un."}\n{"id": "b", "text": "')
        handle.write(b"x" * (3 << 20))
        handle.write(b'"}\n\n')
    (inp,) = discover([path])
    assert count_records(inp) == 2
