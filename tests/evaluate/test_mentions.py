"""Mention-level annotations: anchoring drafts, and every broken record named precisely."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.evaluate.mentions import (
    AnnotationError,
    anchor_record,
    text_sha256,
    validate_files,
    validate_record,
)

HERE = Path(__file__).resolve().parent
TEXT = "Titre\n\nLe ministre Jean Ba a signé un accord avec le Mali."
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "mention_cases.yaml").read_text("utf-8"))
SCRIPT = HERE.parents[1] / "src" / "agreement_nlp" / "evaluate" / "mentions.py"


def record(case: dict[str, Any]) -> dict[str, Any]:
    return {
        "file": "a.txt",
        "text_sha256": case.get("sha256", text_sha256(TEXT)),
        "spans": case.get("spans", []),
        "relations": case.get("relations", []),
        "entities": case.get("entities", {}),
    }


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_problem_is_named(case: dict[str, Any]) -> None:
    problems = validate_record(record(case), TEXT, where="a.jsonl:3")
    assert any(case["problem"] in p for p in problems), problems
    assert all(p.startswith("a.jsonl:3: ") for p in problems)


def test_anchor_by_occurrence_and_context() -> None:
    text = "Un accord. Puis un accord. Enfin, le ministre signe un accord."
    draft = {
        "file": "a.txt",
        "spans": [
            {"id": "a", "label": "DATE", "value": "2024", "text": "un accord", "occurrence": 0},
            {"id": "b", "label": "DATE", "value": "2024", "text": "un accord", "after": "signe"},
        ],
    }
    rec = anchor_record(draft, text)
    assert [(s["start"], s["text"]) for s in rec["spans"]] == [(16, "un accord"), (52, "un accord")]
    assert validate_record(rec, text, "x") == []


@pytest.mark.parametrize(
    ("span", "message"),
    [
        ({"text": "Paris"}, "'Paris' is not in the text"),
        ({"text": "accord", "occurrence": 5}, "occurrence 5 of 'accord', but the text has 1"),
        ({"text": "accord", "after": "Dakar"}, "'after' 'Dakar' is not in the text"),
    ],
)
def test_anchor_errors_name_the_span(span: dict[str, Any], message: str) -> None:
    draft = {"file": "a.txt", "spans": [{"id": "s7", "label": "AGREEMENT", **span}]}
    with pytest.raises(AnnotationError, match="s7") as info:
        anchor_record(draft, TEXT, "d.jsonl:2")
    assert message in str(info.value) and str(info.value).startswith("d.jsonl:2")


def test_files_missing_text_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    line = json.dumps(record({}))
    missing = json.dumps({**record({}), "file": "b.txt"})
    path = tmp_path / "x.jsonl"
    path.write_text(f"{line}\n{line}\n{missing}\n", encoding="utf-8")
    problems = validate_files([path], tmp_path)
    assert any(f"{path}:2: a.txt is annotated already at {path}:1" in p for p in problems)
    assert any(f"{path}:3: text b.txt not found" in p for p in problems)


def test_broken_json_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"file": "a.txt"}\n{broken\n', encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"x\.jsonl:2: not JSON"):
        validate_files([path], tmp_path)


def test_runs_as_a_script_without_the_package(tmp_path: Path) -> None:
    """Annotators run it by path on a checkout; it must need the standard library only."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    draft = tmp_path / "d.jsonl"
    draft.write_text(
        json.dumps(
            {
                "file": "a.txt",
                "spans": [{"id": "x", "label": "ROLE", "role": "minister", "text": "ministre"}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.jsonl"
    done = subprocess.run(
        [
            sys.executable,
            "-S",
            "-I",
            str(SCRIPT),
            "anchor",
            str(draft),
            "--texts",
            str(tmp_path),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["spans"][0]["start"] == 10


def test_vocabularies_agree_with_the_package() -> None:
    """mentions.py repeats the type, status and role lists to run with the standard
    library alone; they must stay the ones the table gold and the rules use."""
    from agreement_nlp.evaluate import gold, mentions
    from agreement_nlp.extraction.agreements.rules import TYPES

    assert mentions.AGREEMENT_TYPES == frozenset(TYPES) == gold.AGREEMENT_TYPES
    assert mentions.STATUSES == gold.STATUSES
    assert (gold.OFFICIAL_ROLES - {"official"}) | {"minister"} == mentions.ROLES
