"""Every input format and every bad input, generated in tmp_path."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import socket
from pathlib import Path

import pytest

from agreement_nlp.article import Article
from agreement_nlp.ingest.readers import FieldMap, ReadOptions, iter_articles
from tests.ingest.io_samples import TEXT_A, TEXT_B


def read(*paths: Path | str, **options: object) -> list[Article]:
    return list(iter_articles(list(paths), ReadOptions(**options)))  # type: ignore[arg-type]


def gz(path: Path, data: bytes) -> Path:
    target = path.with_name(path.name + ".gz")
    target.write_bytes(gzip.compress(data, mtime=0))
    return target


# --- Good input, every format -------------------------------------------------


def test_txt_id_is_the_stem_and_text_is_kept_as_read(tmp_path: Path) -> None:
    path = tmp_path / "senegal-maroc.txt"
    path.write_text(TEXT_A, encoding="utf-8")
    [art] = read(path)
    assert (art.article_id, art.status, art.text, art.source) == (
        "senegal-maroc",
        "ok",
        TEXT_A,
        str(path),
    )
    assert art.title == "Le Sénégal et le Maroc signent un accord sur la pêche"
    assert art.authors == ["Fatou Diallo"]  # the byline says "Fatou DIALLO"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("cp1252"),
        lambda t: t.encode("latin-1"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "latin1"],
)
def test_txt_encodings(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_bytes(encode(TEXT_B))
    [art] = read(path)
    assert art.text == TEXT_B


def test_txt_gz(tmp_path: Path) -> None:
    [art] = read(gz(tmp_path / "depeche.txt", TEXT_A.encode("cp1252")))
    assert (art.article_id, art.text) == ("depeche", TEXT_A)


def test_jsonl_with_default_and_custom_fields(tmp_path: Path) -> None:
    path = tmp_path / "flux.jsonl"
    records = [
        {
            "id": "s1",
            "text": TEXT_A,
            "title": "Pêche",
            "published_at": "2024-03-14",
            "url": "https://x",
        },
        {"content": TEXT_B, "date": "2024-04-01"},
        {"id": 42, "body": "Corps."},
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8"
    )
    arts = read(path)
    assert [a.article_id for a in arts] == ["s1", "flux-2", "42"]
    assert arts[0].title == "Pêche" and arts[0].url == "https://x"
    assert (arts[0].published_at, arts[0].published_at_source) == ("2024-03-14", "record")
    assert arts[1].published_at == "2024-04-01" and arts[1].text == TEXT_B
    assert [a.source for a in arts] == [f"{path}:1", f"{path}:2", f"{path}:3"]

    custom = tmp_path / "custom.ndjson"
    custom.write_text(
        json.dumps({"ref": "r9", "corps": "Texte.", "titre": "T", "jour": "2024-01-02"})
    )
    fields = FieldMap.build(id="ref", text="corps", title="titre", date="jour")
    [art] = read(custom, fields=fields)
    assert (art.article_id, art.text, art.title, art.published_at) == (
        "r9",
        "Texte.",
        "T",
        "2024-01-02",
    )


def test_json_list_and_gz(tmp_path: Path) -> None:
    data = json.dumps([{"id": "j1", "text": TEXT_A}, {"text": TEXT_B}], ensure_ascii=False).encode()
    arts = read(gz(tmp_path / "lot.json", data))
    assert [a.article_id for a in arts] == ["j1", "lot-2"]
    assert all(a.ok for a in arts)


@pytest.mark.parametrize(("name", "delimiter"), [("a.csv", ","), ("b.csv", ";"), ("c.tsv", "\t")])
def test_csv_and_tsv(tmp_path: Path, name: str, delimiter: str) -> None:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(["id", "title", "text", "date"])
        writer.writerow(["c1", "Pêche", TEXT_A, "2024-03-14"])  # quoted newlines inside
        writer.writerow(["c2", "Énergie", TEXT_B, ""])
    arts = read(path)
    assert [(a.article_id, a.status) for a in arts] == [("c1", "ok"), ("c2", "ok")]
    assert arts[0].text == TEXT_A and arts[0].published_at == "2024-03-14"
    assert arts[1].source == f"{path}:6"  # rows start on line 2 and 6 (line 1 is the header)


def test_csv_cp1252_excel_export(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("id;text\r\ne1;Réunion à Lomé\r\n".encode("cp1252"))
    [art] = read(path)
    assert art.text == "Réunion à Lomé"


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Forum | Le Quotidien</title>"
        '<meta name="author" content="Aminata Sow">'
        '<meta property="article:published_time" content="2024-05-12T10:00:00">'
        "</head><body><nav>Accueil Politique Sport</nav><article><h1>Forum sur l'énergie</h1>"
        "<p>Les ministres de l'Énergie se sont réunis à Niamey pour un forum régional.</p>"
        "</article><script>document.write('piège')</script>"
        '<img src="http://example.invalid/x.png"></body></html>'
    )
    path = tmp_path / "forum.html"
    path.write_text(page, encoding="utf-8")
    [art] = read(path)
    assert art.ok and art.article_id == "forum"
    assert "Niamey" in art.text and "piège" not in art.text and "Sport" not in art.text
    assert art.published_at == "2024-05-12" and art.published_at_source == "html"
    assert art.authors == ["Aminata Sow"]
    [again] = read(gz(path, page.encode("cp1252", errors="replace")))
    assert "Niamey" in again.text


def test_stdin_jsonl_and_gzip(tmp_path: Path) -> None:
    line = json.dumps({"id": "in1", "text": TEXT_B}).encode() + b"\n"
    [art] = read("-", stdin=io.BytesIO(line))
    assert (art.article_id, art.source) == ("in1", "<stdin>:1")
    [art] = read("-", stdin=io.BytesIO(gzip.compress(line)))
    assert art.ok
    [art] = read("-", stdin=io.BytesIO(TEXT_B.encode()), input_format="txt")
    assert (art.article_id, art.text) == ("stdin", TEXT_B)


# --- Bad input: each gets a row, a precise message, and the run goes on -----


def _bad_cases(tmp: Path) -> dict[str, tuple[Path, str, str]]:
    """name -> (path, expected status, expected message fragment)."""
    cases: dict[str, tuple[Path, str, str]] = {}

    def put(name: str, data: bytes, status: str, msg: str) -> None:
        path = tmp / name
        path.write_bytes(data)
        cases[name] = (path, status, f"{path}{msg}")

    put("empty.txt", b"", "empty", ": empty file")
    put("blank.txt", b"  \n\t\n", "empty", ": empty file")
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error", ": binary content (NUL byte")
    put(
        "mixed.txt",
        "Accord signé\n".encode() + b"le pr\xe9sident",
        "error",
        ": undecodable bytes: invalid UTF-8 byte 0xe9 at line 2",
    )
    put("cut.txt.gz", gzip.compress(TEXT_A.encode())[:30], "error", ": truncated gzip")
    put("fake.txt.gz", b"\x1f\x8bnot really gzip", "error", ": ")
    put("bad.json", b'[{"text": "A"', "error", ": malformed JSON (")
    put("scalar.json", b'"juste une chaine"', "error", ": expected a list of records, found a str")
    put(
        "nocol.csv",
        b"id,titre\n1,x\n",
        "error",
        ": no text column (looked for 'text', 'content', 'body'",
    )
    put("notes.md", b"# notes", "skipped", ": unsupported input format '.md'")
    return cases


def test_bad_whole_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = _bad_cases(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(TEXT_B, encoding="utf-8")
    arts = read(*[p for p, _, _ in cases.values()], good, tmp_path / "missing.txt")
    assert len(arts) == len(cases) + 2
    by_source = {a.source: a for a in arts}
    for path, status, msg in cases.values():
        art = by_source[str(path)]
        assert art.status == status, (path.name, art.error)
        assert art.error is not None and art.error.startswith(msg), (path.name, art.error)
        assert art.unreadable == (status != "empty")
    assert by_source[str(good)].ok
    missing = by_source[str(tmp_path / "missing.txt")]
    assert missing.error == f"{tmp_path / 'missing.txt'}: no such file or folder"
    err = capsys.readouterr().err
    for path, _, _ in cases.values():
        assert f"warning: {path}" in err


def test_bad_jsonl_lines_are_rows_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "flux.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": TEXT_B}, ensure_ascii=False).encode(),
        b'{"id": "broken", "text": ',
        b"[1, 2]",
        json.dumps({"id": "notext", "title": "Sans texte"}).encode(),
        json.dumps({"id": "emptytext", "text": ""}).encode(),
        json.dumps({"id": "listtext", "text": ["a"]}).encode(),
        b'{"id": "latin", "text": "r\xe9union"}',
        json.dumps({"id": "ok2", "text": TEXT_A}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    arts = read(path)
    got = [(a.article_id, a.status, a.error) for a in arts]
    assert got == [
        ("ok1", "ok", None),
        ("flux-2", "error", f"{path}:2: malformed JSON line (Expecting value at column 26)"),
        ("flux-3", "error", f"{path}:3: JSON line is a list, not an object"),
        (
            "notext",
            "error",
            f"{path}:4: record has no text (looked for field 'text', 'content', 'body')",
        ),
        ("emptytext", "empty", f"{path}:5: record has an empty 'text' field"),
        ("listtext", "error", f"{path}:6: field 'text' is a list, not text"),
        ("flux-7", "error", f"{path}:7: undecodable bytes (invalid utf-8 byte 0xe9 at column 27)"),
        ("ok2", "ok", None),
    ]
    assert not any(a.unreadable for a in arts)


def test_jsonl_written_in_cp1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    path.write_bytes('{"id": "w1", "text": "Réunion à Lomé"}\n'.encode("cp1252"))
    [art] = read(path)
    assert art.text == "Réunion à Lomé"


def test_truncated_gzip_jsonl_keeps_the_lines_read(tmp_path: Path) -> None:
    body = b"".join(
        json.dumps({"id": f"d{i}", "text": TEXT_A * 3}).encode() + b"\n" for i in range(200)
    )
    packed = gzip.compress(body)
    path = tmp_path / "flux.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    arts = read(path)
    assert arts[0].article_id == "d0" and arts[0].ok
    last = arts[-1]
    assert last.status == "error" and last.unreadable
    assert "truncated gzip" in (last.error or "") and "the rest of the file is lost" in (
        last.error or ""
    )
    assert sum(a.ok for a in arts) >= 10


def test_csv_rows_with_missing_or_extra_fields(tmp_path: Path) -> None:
    path = tmp_path / "lot.csv"
    path.write_text(
        "id,title,text\nr1,T1,Texte un.\nr2,T2\nr3,T3,Texte trois.,en trop\n\nr4,,\n",
        encoding="utf-8",
    )
    arts = read(path)
    got = [(a.article_id, a.status, a.error) for a in arts]
    assert got == [
        ("r1", "ok", None),
        ("lot-2", "error", f"{path}:3: row 2: 2 fields, header has 3, missing 'text'"),
        ("lot-3", "error", f"{path}:4: row 3: 4 fields, header has 3"),
        ("r4", "empty", f"{path}:6: record has an empty 'text' field"),
    ]


def test_json_items_that_are_not_objects(tmp_path: Path) -> None:
    path = tmp_path / "lot.json"
    path.write_text(json.dumps([{"id": "a", "text": "Un."}, "deux", {"id": "c"}]), encoding="utf-8")
    arts = read(path)
    assert [(a.article_id, a.status) for a in arts] == [
        ("a", "ok"),
        ("lot-2", "error"),
        ("c", "error"),
    ]
    assert arts[1].error == f"{path}:[2]: record 2 is a str, not an object"


def test_oversized_file_is_skipped_not_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"a" * 2000)
    [art] = read(path, max_bytes=1000)
    assert art.status == "skipped"
    assert art.error == f"{path}: too large (more than 1000 bytes), not read"


def test_20_mb_article_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "enorme.txt"
    path.write_bytes(("Le ministre a signé un accord. " * 700_000).encode())
    [art] = read(path)
    assert art.ok and len(art.text) == 31 * 700_000  # the pipeline, not the reader, skips it


def test_nothing_is_fetched_from_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><link rel="stylesheet" href="http://example.invalid/s.css">'
        '<script src="http://example.invalid/a.js"></script></head>'
        "<body><article><p>Le ministre a reçu l'ambassadeur à Bamako hier matin.</p>"
        '<iframe src="http://example.invalid/"></iframe></article></body></html>',
        encoding="utf-8",
    )
    [art] = read(page)
    assert art.ok


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("h.csv", b"id,text\n"),
        ("l.json", b"[]"),
        ("b.jsonl", b"\xef\xbb\xbf\n\n"),
        ("e.jsonl.gz", b""),
    ],
)
def test_inputs_without_records_still_get_a_row(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    [art] = read(path)
    assert art.status == "empty" and art.error in (f"{path}: no records", f"{path}: empty file")
