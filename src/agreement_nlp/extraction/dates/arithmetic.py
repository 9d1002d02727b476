"""Calendar arithmetic and ISO values at a granularity: small pure functions.

>>> iso_week(dt.date(2025, 6, 24)), iso_quarter(2025, 1), add_months(dt.date(2025, 1, 31), 1)
('2025-W26', '2025-Q1', datetime.date(2025, 2, 28))
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import IntEnum


class Tense(IntEnum):
    """Direction of a year-less date; negative values point to the past."""

    PAST_CUE = -2  # "depuis le 3 avril": past, however far
    PAST = -1
    UNKNOWN = 0
    PRESENT = 1  # a finite present verb: the nearest day, but the coming weekday
    FUTURE = 2


# A tense-consistent reading this far from the anchor loses to a near one:
# "le 30 juin, il a signé" in a 24 June article is a tense slip, not last year.
FAR_DAYS = 183
NEAR_DAYS = 14


def iso_day(day: dt.date, hour: int | None = None, minute: int | None = None) -> str:
    if hour is None:
        return day.isoformat()
    return f"{day.isoformat()}T{hour:02d}:{minute or 0:02d}"


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def iso_quarter(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, last_day(year, month + 1)))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def pick_day(month: int, day: int, anchor: dt.date, tense: int) -> dt.date | None:
    """The year of a year-less "le 23 juin": the past or coming one by tense, else the nearest.

    >>> pick_day(12, 23, dt.date(2025, 1, 5), 0), pick_day(7, 1, dt.date(2025, 6, 24), Tense.FUTURE)
    (datetime.date(2024, 12, 23), datetime.date(2025, 7, 1))
    """
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    candidates = [d for y in years if (d := safe_date(y, month, day))]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
    if tense < 0:
        choice = max((d for d in candidates if d <= anchor), default=nearest)
    elif tense >= Tense.FUTURE:
        choice = min((d for d in candidates if d >= anchor), default=nearest)
    else:
        choice = nearest
    far = abs((choice - anchor).days) > FAR_DAYS
    if far and tense != Tense.PAST_CUE and abs((nearest - anchor).days) <= NEAR_DAYS:
        return nearest
    return choice


def pick_month(
    month: int, anchor: dt.date, tense: int, shift: int | None = None
) -> tuple[int, int]:
    """(year, month) of a year-less month: "juin dernier", "en mars" (by tense, else nearest).

    >>> pick_month(6, dt.date(2025, 7, 2), 0, -1), pick_month(3, dt.date(2025, 6, 24), Tense.FUTURE)
    ((2025, 6), (2026, 3))
    """
    year, current = anchor.year, anchor.month
    past = year if month < current else year - 1
    future = year if month > current else year + 1
    if shift is not None and shift < 0:
        return past, month
    if shift is not None and shift > 0:
        return future, month
    if month == current:
        return year, month
    if tense < 0:
        return past, month
    if tense >= Tense.FUTURE:
        return future, month
    back, ahead = (current - month) % 12, (month - current) % 12
    return (past if back <= ahead else future), month


def pick_weekday(weekday: int, anchor: dt.date, tense: int, shift: int | None = None) -> dt.date:
    """The day a weekday names: "samedi dernier", "lundi prochain", a bare "mardi" by tense.

    >>> pick_weekday(5, dt.date(2025, 6, 24), 0, -1), pick_weekday(0, dt.date(2025, 6, 24), 1)
    (datetime.date(2025, 6, 21), datetime.date(2025, 6, 30))
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if shift is not None and shift < 0:
        return anchor - dt.timedelta(days=back or 7)
    if shift is not None and shift > 0:
        return anchor + dt.timedelta(days=ahead or 7)
    if tense < 0:
        return anchor - dt.timedelta(days=back)
    if tense >= Tense.PRESENT:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(days=ahead)
