"""Date test cases (YAML) and their scores, shared by the tests and the benchmark.

A case is a sentence, an anchor and the expected mentions; a mention matches a
prediction when their character spans overlap, and its value is right when the
prediction gives the same value (and end value) at the same granularity.

>>> gold = [Expected("hier", 10, 14, "2025-06-23", "day", None)]
>>> score([Predicted(10, 14, "2025-06-23", "day", None)], gold).value_correct
1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agreement_nlp.resources import ResourceError, check_keys, iter_entries, load_yaml

GRANULARITIES = (
    "year", "season", "quarter", "month", "week", "day", "part_of_day", "datetime", "range",
    "present",
)  # fmt: skip
MODS = ("START", "MID", "END", "APPROX")


@dataclass(frozen=True)
class Expected:
    text: str
    start: int
    end: int
    value: str | None
    granularity: str
    end_value: str | None
    mod: str | None = None


@dataclass(frozen=True)
class Case:
    id: str
    anchor: dt.date | dt.datetime | None
    text: str
    dates: tuple[Expected, ...]
    note: str | None = None

    @property
    def negative(self) -> bool:
        return not self.dates


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    value: str | None
    granularity: str | None
    end_value: str | None
    mod: str | None = None


@dataclass
class Score:
    predicted: int = 0
    expected: int = 0
    matched_pred: int = 0  # predictions overlapping an expected mention
    matched_gold: int = 0  # expected mentions overlapped by a prediction
    value_correct: int = 0
    false_positives_on_negatives: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.expected += other.expected
        self.matched_pred += other.matched_pred
        self.matched_gold += other.matched_gold
        self.value_correct += other.value_correct
        self.false_positives_on_negatives += other.false_positives_on_negatives
        self.wrong.extend(other.wrong)

    @property
    def precision(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.expected if self.expected else 1.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.expected if self.expected else 1.0


def _anchor(raw: Any, where: str) -> dt.date | dt.datetime | None:
    if raw is None:
        return None
    if isinstance(raw, dt.datetime | dt.date):
        return raw
    try:
        text = str(raw)
        return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ResourceError(f"{where}: anchor {raw!r} is not an ISO date") from exc


def parse_cases(data: Any, where: str) -> list[Case]:
    """Validate the raw YAML of a case file; offsets are found from each mention's text."""
    cases: list[Case] = []
    seen: set[str] = set()
    for entry_at, raw in iter_entries(data, where, "cases"):
        check_keys(raw, entry_at, ("id", "anchor", "text", "dates"), ("note",))
        cid, text = str(raw["id"]), str(raw["text"])
        here = f"{where}: case {cid!r}"
        if cid in seen:
            raise ResourceError(f"{here}: duplicate id")
        seen.add(cid)
        expected: list[Expected] = []
        pos = 0
        for j, d in enumerate(raw["dates"] or []):
            at = f"{here}: dates[{j}]"
            check_keys(d, at, ("text", "value", "gran"), ("end", "mod"))
            if d["gran"] not in GRANULARITIES:
                raise ResourceError(f"{at}: gran {d['gran']!r} is not one of {GRANULARITIES}")
            if d.get("mod") not in (None, *MODS):
                raise ResourceError(f"{at}: mod {d['mod']!r} is not one of {MODS}")
            start = text.find(d["text"], pos)
            if start < 0:
                raise ResourceError(f"{at}: {d['text']!r} is not in the text (after {pos})")
            pos = start + len(d["text"])
            value = None if d["value"] is None else str(d["value"])
            end_value = None if d.get("end") is None else str(d["end"])
            expected.append(
                Expected(d["text"], start, pos, value, d["gran"], end_value, d.get("mod"))
            )
        note = raw.get("note")
        cases.append(
            Case(cid, _anchor(raw["anchor"], here), text, tuple(expected), note and str(note))
        )
    return cases


def load_cases(path: str | Path) -> list[Case]:
    return parse_cases(load_yaml(Path(path)), str(path))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(predicted: Iterable[Predicted], expected: Iterable[Expected], cid: str = "") -> Score:
    """Compare the predictions of one case with its expected mentions."""
    preds, gold = list(predicted), list(expected)
    s = Score(predicted=len(preds), expected=len(gold))
    s.matched_pred = sum(
        any(_overlaps(p.start, p.end, g.start, g.end) for g in gold) for p in preds
    )
    if not gold:
        s.false_positives_on_negatives = len(preds)
    for g in gold:
        hits = [p for p in preds if _overlaps(p.start, p.end, g.start, g.end)]
        if hits:
            s.matched_gold += 1
        want = (g.value, g.granularity, g.end_value, g.mod)
        ok = any((p.value, p.granularity, p.end_value, p.mod) == want for p in hits)
        s.value_correct += ok
        if not ok:
            got = [(p.value, p.granularity, p.end_value, p.mod) for p in hits]
            s.wrong.append(f"{cid}: {g.text!r} expected {want}, got {got}")
    return s
