"""End to end: hostile inputs through the real command, as subprocesses; the run goes on."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


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
    done = subprocess.run(
        [sys.executable, "-m", "agreement_nlp", "extract", str(dump), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    assert rows["bad"]["status"] == rows["good"]["status"] == "ok"
    assert "dump.jsonl:1: 1 lone surrogate(s) replaced by U+FFFD" in rows["bad"]["error"]
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
    done = subprocess.run(
        [sys.executable, "-m", "agreement_nlp", "extract", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1  # inputs that could not be read, as the help says
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    assert rows["ok"]["status"] == "ok"
    assert "named pipe (FIFO)" in rows["pipe"]["error"]
    assert rows["a"]["error"].endswith("symbolic link loop")
    assert rows["gone"]["error"].endswith("broken symbolic link")
    assert "pipe.jsonl: not a regular file" in done.stderr
