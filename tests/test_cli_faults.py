"""End to end: hostile inputs through the real command, as subprocesses; the run goes on."""

from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_run import run_cli


def extract_cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return run_cli("extract", *args, "--quiet", timeout=timeout)


@pytest.mark.slow
def test_lone_surrogate_in_a_record_loses_nothing(tmp_path: Path) -> None:
    """A JSON-escaped lone surrogate ("\\ud800") used to crash the tokenizer and the run."""
    dump = tmp_path / "dump.jsonl"
    bad = {"id": "bad", "text": "Le ministre de la Santé, Awa Ba\ud800, a signé un accord."}
    good = {"id": "good", "text": "Le ministre de la Santé, Awa Traoré, a signé hier un accord."}
    dump.write_text(
        json.dumps(bad) + "\n" + json.dumps(good) + "\n", encoding="utf-8", errors="surrogatepass"
    )
    out = tmp_path / "out"
    done = extract_cli(str(dump), "--out", str(out))
    assert done.returncode == 0, done.stderr
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    assert rows["bad"]["status"] == rows["good"]["status"] == "ok"
    assert "dump.jsonl:1: 1 lone surrogate(s) replaced by U+FFFD" in rows["bad"]["error"]
    assert "warning:" in done.stderr and "lone surrogate" in done.stderr
    persons = (out / "persons.csv").read_text(encoding="utf-8")
    assert "Awa Traoré" in persons


@pytest.mark.slow
def test_fifo_and_link_loops_in_a_folder_are_skipped_not_waited_on(tmp_path: Path) -> None:
    """Opening a FIFO waits for a writer: a named pipe in an input folder hung the run."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Titre\n\nLe ministre de la Santé, Awa Ba, a parlé.", "utf-8")
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "out"
    done = extract_cli(str(folder), "--out", str(out), timeout=120)
    assert done.returncode == 1  # inputs that could not be read, as the help says
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    assert rows["ok"]["status"] == "ok"
    assert "named pipe (FIFO)" in rows["pipe"]["error"]
    assert rows["a"]["error"].endswith("symbolic link loop")
    assert rows["gone"]["error"].endswith("broken symbolic link")
    assert "pipe.jsonl: not a regular file" in done.stderr


def one_article(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text("Titre\n\nLe ministre de la Santé, Awa Ba, a parlé.", "utf-8")
    return folder


def dead_pid() -> int:
    """A process id that is not running (a child that has ended)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


@pytest.mark.slow
def test_a_second_run_into_the_same_folder_is_refused_at_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / ".out.lock").write_text(f"{os.getpid()}\n", encoding="utf-8")  # a live run
    done = extract_cli(str(one_article(tmp_path)), "--out", str(out))
    assert done.returncode == 2
    assert f"is being written by another run (pid {os.getpid()})" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


@pytest.mark.slow
def test_what_a_killed_run_left_is_removed_and_said(tmp_path: Path) -> None:
    pid = dead_pid()
    partial = tmp_path / f".out.partial-{pid}"
    partial.mkdir()
    (partial / "persons.csv").write_text("half", encoding="utf-8")
    (tmp_path / ".out.lock").write_text(f"{pid}\n", encoding="utf-8")
    done = extract_cli(str(one_article(tmp_path)), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert f"removed {partial}, left by a run that did not finish (pid {pid})" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


@pytest.mark.slow
def test_output_killed_between_the_two_renames_is_restored(tmp_path: Path) -> None:
    pid = dead_pid()
    old = tmp_path / f".out.old-{pid}"
    old.mkdir()
    (old / "_SUCCESS").write_text("{}", encoding="utf-8")
    done = extract_cli(str(one_article(tmp_path)), "--out", str(tmp_path / "out"), "--overwrite")
    assert done.returncode == 0, done.stderr
    assert f"restored {tmp_path / 'out'} from {old}" in done.stderr
    assert (tmp_path / "out" / "persons.csv").is_file() and not old.exists()


@pytest.mark.slow
def test_an_output_parent_that_is_a_file_exits_2_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    done = extract_cli(str(one_article(tmp_path)), "--out", str(tmp_path / "file" / "out"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].endswith("is not a folder")
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_sigterm_removes_the_partial_output(tmp_path: Path) -> None:
    folder = one_article(tmp_path)
    for i in range(200):
        (folder / f"b{i}.txt").write_text("Titre\n\n" + "Le ministre a parlé. " * 200, "utf-8")
    out = tmp_path / "out"
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "agreement_nlp",
            "extract",
            str(folder),
            "--out",
            str(out),
            "--quiet",
            "--workers",
            "1",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".out.partial-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 128 + signal.SIGTERM, err
    assert "terminated; nothing of this run was published" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.slow
def test_a_decompression_bomb_record_is_skipped_and_the_dump_goes_on(tmp_path: Path) -> None:
    """One gzip record expanding to 300 MB (past the 64 MiB limit) was read whole first."""
    dump = tmp_path / "bomb.jsonl.gz"
    with gzip.open(dump, "wb") as handle:
        handle.write(json.dumps({"id": "first", "text": "Le ministre a parlé."}).encode() + b"\n")
        handle.write(b'{"id": "bomb", "text": "')
        block = b"a" * (1 << 20)
        for _ in range(300):
            handle.write(block)
        handle.write(b'"}\n')
        handle.write(json.dumps({"id": "last", "text": "Le ministre a signé."}).encode() + b"\n")
    out = tmp_path / "out"
    done = extract_cli(str(dump), "--out", str(out))
    assert done.returncode == 0, done.stderr
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    assert [rows["first"]["status"], rows["bomb-2"]["status"], rows["last"]["status"]] == [
        "ok",
        "skipped",
        "ok",
    ]
    assert "bomb.jsonl.gz:2: line too long (314572827 bytes), not read" in rows["bomb-2"]["error"]


@pytest.mark.slow
def test_invisible_characters_inside_names_hide_nothing(tmp_path: Path) -> None:
    """Zero-width and bidi characters inside names made the persons vanish, and bidi
    controls reached the cells as they were."""
    text = (
        "Dakar, le 3 mars 2025 - Le ministre des Finances, Cheikh Di\u200bba, a signé un accord "
        "de prêt avec la BAD. Le président de la République, Bassirou\u2066 Diomaye\u2069 "
        "Faye, et le Premier ministre, Ousmane\ufeff Sonko, étaient présents. \u202eFin."
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = extract_cli(str(tmp_path / "in"), "--out", str(out))
    assert done.returncode == 0, done.stderr
    with (out / "persons.csv").open(encoding="utf-8") as handle:
        persons = {r["name"]: r for r in csv.DictReader(handle)}
    assert {"Cheikh Diba", "Bassirou Diomaye Faye", "Ousmane Sonko"} <= set(persons)
    for row in persons.values():  # offsets point into the text as read
        covered = text[int(row["start"]) : int(row["end"])]
        assert (
            "".join(c for c in covered if c.isalnum())
            == "".join(c for c in row["name"] if c.isalnum())
            or row["name"].split()[-1] in covered
        )
    for table in ("persons", "mentions", "agreements", "articles"):
        cells = (out / f"{table}.csv").read_text(encoding="utf-8")
        assert not set(cells) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@pytest.mark.slow
def test_max_chars_skips_longer_articles_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "short.txt").write_text("Le ministre de la Santé, Awa Ba, a parlé.", "utf-8")
    (tmp_path / "in" / "long.txt").write_text("Le ministre a parlé. " * 100, "utf-8")
    out = tmp_path / "out"
    done = extract_cli(str(tmp_path / "in"), "--out", str(out), "--max-chars", "500")
    assert done.returncode == 0, done.stderr
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    assert rows["short"]["status"] == "ok"
    assert rows["long"]["status"] == "skipped"
    assert "text too long (2100 characters, limit 500; see --max-chars)" in rows["long"]["error"]
    refused = extract_cli(str(tmp_path / "in"), "--out", str(out), "--max-chars", "2000000")
    assert refused.returncode == 2 and "--max-chars" in refused.stderr
