"""The date mention record shared by the finder, the pipeline and the tables."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int  # character offsets into the article text
    end: int
    # ISO at its granularity: 2025, 2025-06, 2025-06-23, 2025-W26, 2025-06-24T10:11, and the
    # TimeML forms ISO lacks: 2025-FA (a season), 2025-06-23TEV (a part of a day),
    # 2025-W26-WE (a weekend), PRESENT_REF
    value: str | None
    # year, season, quarter, month, week, day, part_of_day, datetime, range, present
    granularity: str
    is_relative: bool
    anchor: str | None  # ISO reference date used, if any
    rule: str  # which pattern found it
    end_value: str | None = None  # for ranges and periods
    mod: str | None = None  # TimeML modifier: START, MID, END, APPROX
