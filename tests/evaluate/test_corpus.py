"""The real annotated corpus: conversion to table gold, splits, intervals, two-pass agreement.

The committed annotation files are checked against the texts in ``../shared`` (CI has them);
only the dev split is ever scored here: the test split is scored on purpose, and logged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import ROOT

from agreement_nlp.evaluate.corpus import (
    SPLITS,
    annotation_files,
    assign_splits,
    group_of,
    load_corpus,
    read_splits,
)
from agreement_nlp.evaluate.interannotator import agreement_table, compare_records
from agreement_nlp.evaluate.mention_tables import record_tables
from agreement_nlp.evaluate.mentions import text_sha256, validate_files

REAL = ROOT / "data" / "annotated" / "real"
SHARED = ROOT.parent / "shared"
TEXTS = [SHARED / "pool", SHARED / "corpus"]
needs_shared = pytest.mark.skipif(not (SHARED / "pool").is_dir(), reason="../shared not here")

TEXT = "Titre\n\nLe ministre Jean Ba a signé hier un accord avec le Mali. L'ancien ministre Awa Sy."


def span(sid: str, label: str, words: str, occurrence: int = 0, **attrs: object) -> dict:
    start = [i for i in range(len(TEXT)) if TEXT.startswith(words, i)][occurrence]
    return {
        "id": sid,
        "label": label,
        "start": start,
        "end": start + len(words),
        "text": words,
        **attrs,
    }


def sample_record() -> dict:
    return {
        "file": "x_1.txt",
        "text_sha256": text_sha256(TEXT),
        "published_at": "2024-05-03",
        "spans": [
            span("r1", "ROLE", "ministre", role="minister"),
            span("p1", "PERSON", "Jean Ba", entity="P1"),
            span("a1", "AGREEMENT", "un accord", entity="A1"),
            span("c1", "COUNTRY", "Mali", code="MLI"),
            span("r2", "ROLE", "ministre", 1, role="minister", former=True),
            span("p2", "PERSON", "Awa Sy", entity="P2"),
        ],
        "relations": [
            {"head": "r1", "child": "p1", "label": "role_of"},
            {"head": "r2", "child": "p2", "label": "role_of"},
            {"head": "c1", "child": "a1", "label": "party_of"},
            {"head": "p1", "child": "a1", "label": "signatory_of"},
        ],
        "entities": {
            "P1": {"name": "Jean Ba", "country": "SEN"},
            "P2": {"name": "Awa Sy"},
            "A1": {
                "title": "accord avec le Mali",
                "type": "accord",
                "status": "signed",
                "formal": True,
                "signed_on": "2024-05-02",
            },
        },
    }


def test_conversion_takes_current_roles_and_formal_agreements() -> None:
    tables = record_tables(sample_record())
    assert tables["ministers"] == [{"name": "Jean Ba", "country": "SEN", "ministry": None}]
    (agreement,) = tables["agreements"]
    assert agreement["parties"] == ["MLI"] and agreement["signatories"] == ["Jean Ba"]
    assert agreement["signed_on"] == "2024-05-02"


@pytest.mark.parametrize("flag", [{"formal": False}, {"cited_only": True}])
def test_near_misses_give_no_agreement_row(flag: dict) -> None:
    rec = sample_record()
    rec["entities"]["A1"].update(flag)
    assert record_tables(rec)["agreements"] == []


def test_months_are_not_signing_days() -> None:
    rec = sample_record()
    rec["entities"]["A1"]["signed_on"] = "2024-05"
    assert record_tables(rec)["agreements"][0]["signed_on"] is None


def test_splits_keep_what_was_assigned_and_fill_shares() -> None:
    strata = {f"bbcafrique_{i}.txt": "bbcafrique:True" for i in range(20)}
    first = assign_splits(strata, {})
    assert [sum(v == s for v in first.values()) for s in SPLITS] == [9, 4, 7]
    more = {**strata, **{f"bbcafrique_{i}.txt": "bbcafrique:True" for i in range(20, 30)}}
    second = assign_splits(more, first)
    assert all(second[f] == s for f, s in first.items())
    assert [sum(v == s for v in second.values()) for s in SPLITS] == [14, 6, 10]


def test_groups() -> None:
    assert group_of("senegal-jo_x.txt") == "african" and group_of("orangesum_1.txt") == "wire"


def test_two_passes_agree_with_themselves() -> None:
    rec = sample_record()
    table = agreement_table([(rec, rec)])
    assert set(table.dropna()["f1"]) == {1.0}
    other = json.loads(json.dumps(rec))
    other["spans"][1]["end"] -= 1  # "Jean B": overlaps, not exact
    other["spans"][1]["text"] = "Jean B"
    counts = compare_records(rec, other)
    assert counts[("span exact", "PERSON", "matched")] == 1  # Awa Sy only
    assert counts[("span overlap", "PERSON", "matched")] == 2


@needs_shared
def test_committed_annotations_are_valid() -> None:
    files = annotation_files(REAL) + [p for p in [REAL / "second-pass.jsonl"] if p.is_file()]
    assert files, "no annotation files"
    problems = []
    for path in files:
        # pool and corpus texts: each record is checked against the folder that has it
        problems += [p for p in validate_files([path], TEXTS[0]) if "not found" not in p]
        problems += [p for p in validate_files([path], TEXTS[1]) if "not found" not in p]
    assert problems == []


@needs_shared
def test_every_annotated_article_has_a_split_and_corpus_is_never_test() -> None:
    splits = read_splits(REAL)
    articles = load_corpus(REAL, TEXTS, SPLITS)
    assert {a.file for a in articles} == set(splits)
    assert all(a.split != "test" for a in articles if a.gold.text_path.parent.name == "corpus")


@needs_shared
def test_changed_text_is_refused(tmp_path: Path) -> None:
    rec = sample_record()
    (tmp_path / "x_1.txt").write_text(TEXT + " (corrigé)", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (tmp_path / "splits.json").write_text('{"x_1.txt": "dev"}', encoding="utf-8")
    with pytest.raises(ValueError, match="is not the text annotated"):
        load_corpus(tmp_path, [tmp_path])
