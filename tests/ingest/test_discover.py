from __future__ import annotations

from pathlib import Path

from agreement_nlp.ingest.discover import discover, format_of, stem_of


def test_formats_through_gzip() -> None:
    assert format_of("a.TXT") == "txt"
    assert format_of("a.ndjson.gz") == "jsonl"
    assert format_of("a.htm") == "html"
    assert format_of("a.tsv.gz") == "tsv"
    assert format_of("a.md") is None


def test_stems() -> None:
    assert stem_of("x/mali-accord.txt") == "mali-accord"
    assert stem_of("x/depeches.jsonl.gz") == "depeches"
    assert stem_of("x/v1.2.notes") == "v1.2.notes"


def test_folders_are_walked_sorted_recursively_with_glob(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    for name in ["z.txt", "a.jsonl", "b/c.txt", "b/readme.md", ".hidden.txt", ".cache/x.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [i.display for i in discover([tmp_path])]
    rel = [Path(d).relative_to(tmp_path).as_posix() for d in found]
    assert rel == ["a.jsonl", "b/c.txt", "z.txt"]
    only_txt = [Path(i.display).name for i in discover([tmp_path], glob="*.txt")]
    assert only_txt == ["c.txt", "z.txt"]


def test_named_files_are_kept_whatever_their_format(tmp_path: Path) -> None:
    inputs = list(discover([tmp_path / "notes.md", "-"]))
    assert inputs[0].fmt is None
    assert inputs[1].path is None and inputs[1].fmt == "jsonl"
    assert next(iter(discover(["-"], input_format="csv"))).fmt == "csv"
