"""End to end: hostile inputs through the real command, as subprocesses; the run goes on."""

from __future__ import annotations

import csv
import json
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
