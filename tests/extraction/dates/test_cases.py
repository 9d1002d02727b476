"""The date finder on the case files: development, held-out and bugs caught, kept apart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from agreement_nlp.extraction.dates import find_dates
from agreement_nlp.extraction.dates.scoring import Case, Predicted, Score, load_cases, score

HERE = Path(__file__).resolve().parent
CASE_FILES = (
    "cases_dev.yaml",
    "cases_dev18.yaml",
    "cases_dev18b.yaml",
    "cases_heldout.yaml",
    "cases_bugs.yaml",
)
ALL = [(name, case) for name in CASE_FILES for case in load_cases(HERE / name)]

pytestmark = pytest.mark.model


def _predict(case: Case, make_doc: Callable[[str], Doc]) -> list[Predicted]:
    found = find_dates(make_doc(case.text), case.anchor)
    return [Predicted(d.start, d.end, d.value, d.granularity, d.end_value, d.mod) for d in found]


# Held-out cases of the kinds of #18, written by another hand before the rules and scored by
# benchmarks/bench_dates.py --hide-errors: never run here, where their failures would be read.
HELD_OUT_18 = ("cases_heldout18.yaml", "cases_heldout18b.yaml", "cases_heldout18c.yaml")
KINDS_18 = ("clock", "pod", "year", "month", "period", "season", "holiday", "present", "neg")


@pytest.mark.parametrize("case_file", ["cases_dev18.yaml", *HELD_OUT_18])
def test_every_kind_has_dev_and_held_out_cases(case_file: str) -> None:
    prefixes = {c.id.split("-")[1] for c in load_cases(HERE / case_file)}
    assert set(KINDS_18) <= prefixes
    assert prefixes & {"wday", "weekday"}


def test_case_files_are_big_enough() -> None:
    dev = load_cases(HERE / "cases_dev.yaml")
    expressions = sum(len(c.dates) for c in dev)
    negatives = sum(c.negative for c in dev)
    assert negatives >= 40
    assert expressions + negatives >= 200


@pytest.mark.parametrize(
    ("case_file", "case"), ALL, ids=[f"{n.split('.')[0]}:{c.id}" for n, c in ALL]
)
def test_case(case_file: str, case: Case, make_doc: Callable[[str], Doc]) -> None:
    found = find_dates(make_doc(case.text), case.anchor)
    got = [(d.text, d.value, d.granularity, d.end_value, d.mod) for d in found]
    expected = [(e.text, e.value, e.granularity, e.end_value, e.mod) for e in case.dates]
    assert got == expected, case.note or case.text


@pytest.mark.parametrize("case_file", CASE_FILES)
def test_targets(case_file: str, make_doc: Callable[[str], Doc]) -> None:
    total = Score()
    for case in load_cases(HERE / case_file):
        total.add(score(_predict(case, make_doc), case.dates, case.id))
    assert total.value_accuracy >= 0.95, total.wrong
    assert total.false_positives_on_negatives == 0


def test_mention_fields(make_doc: Callable[[str], Doc]) -> None:
    text = "Publié mardi 24 juin 2025 à 10:11. Les accords ont été signés hier à Moscou."
    found = find_dates(make_doc(text), None)
    assert [d.text for d in found] == ["mardi 24 juin 2025 à 10:11", "hier"]
    absolute, relative = found
    assert (absolute.is_relative, absolute.anchor, absolute.rule) == (
        False,
        None,
        "day_month_year",
    )
    assert text[absolute.start : absolute.end] == absolute.text
    assert (relative.value, relative.is_relative, relative.anchor) == (None, True, None)


def test_anchor_recorded_without_time(make_doc: Callable[[str], Doc]) -> None:
    import datetime as dt

    found = find_dates(make_doc("Il est arrivé hier."), dt.datetime(2025, 6, 24, 10, 11))
    assert found[0].value == "2025-06-23"
    assert found[0].anchor == "2025-06-24T10:11"
    midnight = find_dates(make_doc("Il est arrivé hier."), dt.datetime(2025, 6, 24))
    assert midnight[0].anchor == "2025-06-24"


def test_doc_without_model_annotations() -> None:
    """Works on a bare tokenised Doc (no tense then: nearest readings)."""
    import datetime as dt

    import spacy

    doc = spacy.blank("fr")("Le sommet du 1er juillet et la réunion d'hier.")
    found = find_dates(doc, dt.date(2025, 6, 24))
    assert [(d.text, d.value) for d in found] == [
        ("1er juillet", "2025-07-01"),
        ("hier", "2025-06-23"),
    ]
