"""End to end: the corpus commands and evaluate on mention-level gold, as subprocesses."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from agreement_nlp.evaluate.mentions import text_sha256
from tests.cli_run import run_cli
from tests.conftest import ROOT

TEXT = (
    "Accord de prêt\n\nDakar, le 3 mai 2024 - Le ministre des Finances, Cheikh Diba, a signé "
    "hier un accord de prêt avec la Banque africaine de développement."
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=600, cwd=ROOT)


def corpus(tmp_path: Path) -> tuple[Path, Path]:
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    (texts / "sn_1.txt").write_text(TEXT, encoding="utf-8")
    spans = []
    for sid, label, words, extra in [
        ("r", "ROLE", "ministre", {"role": "minister"}),
        ("m", "MINISTRY", "des Finances", {"entity": "M1"}),
        ("p", "PERSON", "Cheikh Diba", {"entity": "P1"}),
        ("a", "AGREEMENT", "un accord de prêt", {"entity": "A1"}),
        ("o", "ORG", "Banque africaine de développement", {"code": "BAD"}),
    ]:
        start = TEXT.index(words)
        spans.append(
            {
                "id": sid,
                "label": label,
                "start": start,
                "end": start + len(words),
                "text": words,
                **extra,
            }
        )
    record = {
        "file": "sn_1.txt",
        "source": "pool",
        "text_sha256": text_sha256(TEXT),
        "published_at": "2024-05-03",
        "spans": spans,
        "relations": [
            {"head": "r", "child": "p", "label": "role_of"},
            {"head": "p", "child": "m", "label": "minister_of"},
            {"head": "o", "child": "a", "label": "party_of"},
            {"head": "p", "child": "a", "label": "signatory_of"},
        ],
        "entities": {
            "P1": {"name": "Cheikh Diba", "country": "SEN"},
            "M1": {"name": "Ministère des Finances", "country": "SEN"},
            "A1": {
                "title": "accord de prêt",
                "type": "pret",
                "status": "signed",
                "formal": True,
                "parties": ["SEN"],
                "signed_on": "2024-05-02",
            },
        },
    }
    (gold / "batch-01.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return texts, gold


@pytest.mark.slow
def test_split_then_evaluate_and_the_test_split_is_logged(tmp_path: Path) -> None:
    texts, gold = corpus(tmp_path)
    done = run("corpus", "split", str(gold))
    assert done.returncode == 0, done.stderr
    splits = json.loads((gold / "splits.json").read_text(encoding="utf-8"))
    assert list(splits) == ["sn_1.txt"]
    split = splits["sn_1.txt"]
    done = run(
        "evaluate", "--gold", str(gold), "--texts", str(texts), "--split", split, "--no-baseline"
    )
    assert done.returncode == 0, done.stderr
    assert "F1 with 95% bootstrap intervals" in done.stdout
    assert "ministers    all" in done.stdout
    assert (gold / "test-log.jsonl").is_file() == (split == "test")
    # the log sits beside the annotations and is never read as one
    (gold / "test-log.jsonl").write_text('{"commit": "x"}\n', encoding="utf-8")
    done = run(
        "evaluate", "--gold", str(gold), "--texts", str(texts), "--split", split, "--no-baseline"
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_evaluate_without_texts_names_the_problem(tmp_path: Path) -> None:
    _, gold = corpus(tmp_path)
    done = run("evaluate", "--gold", str(gold), "--no-baseline")
    assert done.returncode == 2
    assert "need --texts" in done.stderr


@pytest.mark.slow
def test_validate_names_file_line_and_span(tmp_path: Path) -> None:
    texts, gold = corpus(tmp_path)
    path = gold / "batch-01.jsonl"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["spans"][2]["text"] = "Cheikh Dia"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    done = run("corpus", "validate", str(path), "--texts", str(texts))
    assert done.returncode == 1
    assert f"{path}:1 (sn_1.txt): span 'p': covers 'Cheikh Diba', not 'Cheikh Dia'" in done.stderr


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT.parent / "shared" / "pool").is_dir(), reason="../shared not here")
def test_agreement_between_the_two_passes() -> None:
    real = ROOT / "data" / "annotated" / "real"
    done = run(
        "corpus",
        "agreement",
        str(real / "second-pass.jsonl"),
        *map(str, sorted(real.glob("batch-0*.jsonl"))),
    )
    assert done.returncode == 0, done.stderr
    assert "30 articles annotated twice" in done.stdout
