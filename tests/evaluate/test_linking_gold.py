"""The cross-article gold of data/linking: valid, keyed, split without shared events or people."""

from __future__ import annotations

import json

import pytest
from tests.conftest import ROOT

from agreement_nlp.evaluate.gold import GoldArticle, load_gold_dir

LINKING = ROOT / "data" / "linking"
SPLITS: dict[str, list[str]] = json.loads((LINKING / "splits.json").read_text(encoding="utf-8"))
GOLDS = {g.stem: g for g in load_gold_dir(LINKING)}


def _keys(gold: GoldArticle) -> set[str]:
    """The plan's events and people this article holds (``X-`` keys are one article's)."""
    keys = {a.event for a in gold.agreements} | {
        p.person for p in (*gold.ministers, *gold.officials)
    }
    return {k for k in keys if k and not k.startswith("X-")}


def test_every_article_is_in_exactly_one_split() -> None:
    listed = [stem for stems in SPLITS.values() for stem in stems]
    assert sorted(listed) == sorted(GOLDS), "splits.json and the gold files differ"
    assert len(listed) == len(set(listed)), "an article is in two splits"


@pytest.mark.parametrize("stem", sorted(GOLDS))
def test_every_agreement_and_person_is_keyed(stem: str) -> None:
    gold = GOLDS[stem]
    assert all(a.event for a in gold.agreements), f"{stem}: an agreement without 'event'"
    unkeyed = [p.name for p in (*gold.ministers, *gold.officials) if not p.person]
    assert not unkeyed, f"{stem}: no 'person' for {unkeyed}"


def test_no_event_or_person_crosses_splits() -> None:
    owner: dict[str, str] = {}
    for split, stems in SPLITS.items():
        for stem in stems:
            for key in _keys(GOLDS[stem]):
                assert owner.setdefault(key, split) == split, f"{key} in {owner[key]} and {split}"
