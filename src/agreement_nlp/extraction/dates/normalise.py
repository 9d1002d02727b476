"""From the fields of a match to an ISO value, given the anchor, the tense and the text so far.

No third-party parser is used: every form the patterns find is a handful of
integers, so the arithmetic is done here, with rules that can be read and
tested (``dateparser`` would add its own defaults: current year, current day).

Parts of a month or year keep its granularity with a TimeML modifier: "fin juin" is
June, END; "début 2025" is 2025, START; "mi-juillet" is July, MID. A semester is six months.

>>> import datetime as dt
>>> from agreement_nlp.extraction.dates.parse import Fields
>>> from agreement_nlp.extraction.dates.arithmetic import Tense
>>> ctx = Context(dt.date(2025, 6, 24), Tense.PAST, None)
>>> resolve("yearless_day", Fields(day=23, month=6), ctx)
Value(value='2025-06-23', granularity='day', is_relative=True, end_value=None, base='2025-06-24', mod=None)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from agreement_nlp.extraction.dates.arithmetic import (
    Tense,
    add_months,
    iso_day,
    iso_month,
    iso_quarter,
    iso_week,
    pick_day,
    pick_month,
    pick_weekday,
    safe_date,
)
from agreement_nlp.extraction.dates.parse import Fields

# TimeML modifiers of "début / mi / fin <mois | année>".
EDGE_MODS = {"debut": "START", "mi": "MID", "milieu": "MID", "fin": "END"}


@dataclass(frozen=True)
class Context:
    anchor: dt.date | None  # publication date
    tense: int  # a Tense: negative past, 0 unknown, 1 present, 2 future
    previous: dt.date | None  # last day named before this mention in the text
    discussed: dt.date | None = None  # last day named in this paragraph: a time's day
    year_hint: int | None = None  # year of the last date the text gave, if not the anchor's


@dataclass(frozen=True)
class Value:
    value: str | None
    granularity: str
    is_relative: bool
    end_value: str | None = None
    base: str | None = None  # ISO date the value was resolved against
    mod: str | None = None  # START, MID, END, APPROX


def _day_value(day: dt.date, f: Fields, relative: bool, base: dt.date | None) -> Value:
    based = base.isoformat() if base else None
    if f.hour is None and f.part:  # "hier soir": that day's evening
        return Value(f"{day.isoformat()}T{f.part}", "part_of_day", relative, None, based)
    granularity = "datetime" if f.hour is not None else "day"
    value = iso_day(day, f.hour, f.minute) + ("Z" if f.utc and f.hour is not None else "")
    return Value(value, granularity, relative, None, based)


def _unresolved(granularity: str) -> Value:
    return Value(None, granularity, True)


def _absolute_day(f: Fields, ctx: Context) -> Value | None:
    assert f.year and f.month and f.day
    return _day_value(dt.date(f.year, f.month, f.day), f, False, None)


def _yearless_day(f: Fields, ctx: Context) -> Value | None:
    assert f.month and f.day
    if ctx.anchor is None:
        return _unresolved("datetime" if f.hour is not None else "day")
    day = pick_day(f.month, f.day, ctx.anchor, ctx.tense)
    return _day_value(day, f, True, ctx.anchor) if day else None


def _day_of_this_month(f: Fields, ctx: Context) -> Value | None:
    """ "le 3 courant": that day of the anchor's month."""
    assert f.day
    if ctx.anchor is None:
        return _unresolved("day")
    day = safe_date(ctx.anchor.year, ctx.anchor.month, f.day)
    return _day_value(day, f, True, ctx.anchor) if day else None


def _day_range(f: Fields, ctx: Context) -> Value | None:
    assert f.day and f.day2 and f.month2
    month = f.month or f.month2
    if f.year2 is not None:
        end = safe_date(f.year2, f.month2, f.day2)
        year = f.year or (f.year2 if (month, f.day) <= (f.month2, f.day2) else f.year2 - 1)
        start = safe_date(year, month, f.day)
        relative, base = False, None
    elif ctx.anchor is None:
        return _unresolved("range")
    else:
        start = pick_day(month, f.day, ctx.anchor, ctx.tense)
        if start is None:
            return None
        end = safe_date(start.year, f.month2, f.day2)
        if end is not None and end < start:
            end = safe_date(start.year + 1, f.month2, f.day2)
        relative, base = True, ctx.anchor.isoformat()
    if start is None or end is None or end < start:
        return None
    return Value(start.isoformat(), "range", relative, end.isoformat(), base)


def _weekday(f: Fields, ctx: Context) -> Value | None:
    assert f.wday is not None
    if ctx.anchor is None:
        return _unresolved("datetime" if f.hour is not None else "day")
    day = pick_weekday(f.wday, ctx.anchor, ctx.tense, f.shift if f.shift else None)
    return _day_value(day, f, True, ctx.anchor)


def _weekday_night(f: Fields, ctx: Context) -> Value | None:
    assert f.wday is not None and f.wday2 is not None
    if ctx.anchor is None:
        return _unresolved("range")
    # A night is reported after the fact far more often than announced.
    start = pick_weekday(f.wday, ctx.anchor, ctx.tense or Tense.PAST)
    end = start + dt.timedelta(days=(f.wday2 - f.wday) % 7)
    return Value(start.isoformat(), "range", True, end.isoformat(), ctx.anchor.isoformat())


def _month_year(f: Fields, ctx: Context) -> Value | None:
    assert f.year and f.month
    return Value(iso_month(f.year, f.month), "month", False)


def _month(f: Fields, ctx: Context) -> Value | None:
    assert f.month
    if ctx.anchor is None:
        return _unresolved("month")
    if ctx.year_hint is not None and f.shift is None:  # "En 2019, ... En mars, ..."
        return Value(iso_month(ctx.year_hint, f.month), "month", True, None, ctx.anchor.isoformat())
    year, month = pick_month(f.month, ctx.anchor, ctx.tense, f.shift)
    return Value(iso_month(year, month), "month", True, None, ctx.anchor.isoformat())


def _month_range(f: Fields, ctx: Context) -> Value | None:
    assert f.month and f.month2
    if f.year2 is not None:
        year2 = f.year2
        year = f.year or (year2 if f.month <= f.month2 else year2 - 1)
        relative, base = False, None
    elif ctx.anchor is None:
        return _unresolved("range")
    else:
        year, _ = pick_month(f.month, ctx.anchor, ctx.tense)
        year2 = year if f.month2 >= f.month else year + 1
        relative, base = True, ctx.anchor.isoformat()
    if (year2, f.month2) <= (year, f.month):
        return None
    return Value(iso_month(year, f.month), "range", relative, iso_month(year2, f.month2), base)


def _year(f: Fields, ctx: Context) -> Value | None:
    assert f.year
    return Value(f"{f.year:04d}", "year", False)


def _year_range(f: Fields, ctx: Context) -> Value | None:
    assert f.year and f.year2
    return Value(f"{f.year:04d}", "range", False, f"{f.year2:04d}")


def _period_month(f: Fields, ctx: Context) -> Value | None:
    assert f.month and f.edge
    mod = EDGE_MODS[f.edge]
    if f.year is not None:
        return Value(iso_month(f.year, f.month), "month", False, mod=mod)
    if ctx.anchor is None:
        return Value(None, "month", True, mod=mod)
    year, _ = pick_month(f.month, ctx.anchor, ctx.tense)
    year = ctx.year_hint or year
    return Value(iso_month(year, f.month), "month", True, None, ctx.anchor.isoformat(), mod)


def _period_year(f: Fields, ctx: Context) -> Value | None:
    assert f.edge
    mod = EDGE_MODS[f.edge]
    if f.year is not None:
        return Value(f"{f.year:04d}", "year", False, mod=mod)
    if ctx.anchor is None:
        return Value(None, "year", True, mod=mod)
    return Value(f"{ctx.anchor.year:04d}", "year", True, None, ctx.anchor.isoformat(), mod)


def _quarter(f: Fields, ctx: Context) -> Value | None:
    assert f.ordinal and f.period
    granularity = "quarter" if f.period == "trimestre" else "range"
    if f.year is not None:
        year, relative, base = f.year, False, None
    elif ctx.anchor is None:
        return _unresolved(granularity)
    else:
        year, relative, base = ctx.anchor.year, True, ctx.anchor.isoformat()
    if f.period == "trimestre":
        return Value(iso_quarter(year, f.ordinal), "quarter", relative, None, base)
    first = 1 if f.ordinal == 1 else 7
    return Value(iso_month(year, first), "range", relative, iso_month(year, first + 5), base)


def _deictic_day(f: Fields, ctx: Context) -> Value | None:
    if ctx.anchor is None:
        return _unresolved("datetime" if f.hour is not None else "day")
    day = ctx.anchor + dt.timedelta(days=f.deictic or 0)
    return _day_value(day, f, True, ctx.anchor)


def _relative_unit(f: Fields, ctx: Context) -> Value | None:
    assert f.unit
    return _shifted(f.unit, f.shift or 0, ctx)


def _offset(f: Fields, ctx: Context) -> Value | None:
    assert f.unit and f.num
    return _shifted(f.unit, f.num, ctx)


def _shifted(unit: str, count: int, ctx: Context) -> Value | None:
    """The anchor moved by ``count`` units, at that unit's granularity."""
    if ctx.anchor is None:
        return _unresolved(unit)
    base = ctx.anchor.isoformat()
    if unit == "day":
        return Value((ctx.anchor + dt.timedelta(days=count)).isoformat(), "day", True, None, base)
    if unit == "week":
        return Value(iso_week(ctx.anchor + dt.timedelta(weeks=count)), "week", True, None, base)
    if unit == "month":
        moved = add_months(ctx.anchor, count)
        return Value(iso_month(moved.year, moved.month), "month", True, None, base)
    return Value(f"{ctx.anchor.year + count:04d}", "year", True, None, base)


def _anaphoric(f: Fields, ctx: Context) -> Value | None:
    # "la veille" means nothing without a day named before it in the text.
    if ctx.previous is None:
        return None
    day = ctx.previous + dt.timedelta(days=f.ana or 0)
    return _day_value(day, f, True, ctx.previous)


RESOLVERS: dict[str, Callable[[Fields, Context], Value | None]] = {
    "absolute_day": _absolute_day,
    "yearless_day": _yearless_day,
    "day_of_this_month": _day_of_this_month,
    "day_range": _day_range,
    "weekday": _weekday,
    "weekday_night": _weekday_night,
    "month_year": _month_year,
    "month": _month,
    "month_range": _month_range,
    "year": _year,
    "year_range": _year_range,
    "period_month": _period_month,
    "period_year": _period_year,
    "quarter": _quarter,
    "deictic_day": _deictic_day,
    "relative_unit": _relative_unit,
    "offset": _offset,
    "anaphoric": _anaphoric,
}

# Kinds whose value depends on the tense of the sentence (when no year is written).
TENSE_KINDS = frozenset(
    {
        "yearless_day",
        "day_range",
        "weekday",
        "weekday_night",
        "month",
        "month_range",
        "period_month",
    }
)


def resolve(kind: str, fields: Fields, ctx: Context) -> Value | None:
    """Value of a match of ``kind``; None when it cannot be resolved at all."""
    return RESOLVERS[kind](fields, ctx)
