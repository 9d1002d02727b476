"""Values of the kinds ISO has no plain form for: clock times and parts of the day on the
day under discussion, seasons, holidays, the present, weekends.

A time without its own day ("à 22 h", "dans la nuit") is on the day the paragraph speaks of
(``Context.discussed``: the last day it named), else on the publication day. Holidays are
computed from the calendar: Easter with ``dateutil.easter`` (Western), the Islamic ones with
``hijridate`` (Umm al-Qura; the day a country observes can differ by one, as sighting
decides). Without a year, a holiday or a season is the occurrence the tense points to.

>>> import datetime as dt
>>> from agreement_nlp.extraction.dates.arithmetic import Tense
>>> from agreement_nlp.extraction.dates.parse import Fields
>>> ctx = Context(dt.date(2025, 6, 24), Tense.PAST, None)
>>> resolve_special("holiday", Fields(holiday="tabaski"), ctx).value
'2025-06-06'
>>> resolve_special("season", Fields(season="WI", shift=0), ctx).value
'2024-WI'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dateutil.easter import easter
from hijridate import Gregorian, Hijri

from agreement_nlp.extraction.dates.arithmetic import Tense, iso_day, iso_week
from agreement_nlp.extraction.dates.lexicon import SEASON_START_MONTH, Holiday, load_lexicon
from agreement_nlp.extraction.dates.normalise import EDGE_MODS, Context, Value
from agreement_nlp.extraction.dates.parse import Fields


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _clock(f: Fields, ctx: Context) -> Value | None:
    day = ctx.discussed or ctx.anchor
    if day is None:
        return Value(None, "datetime", True)
    value = iso_day(day, f.hour, f.minute) + ("Z" if f.utc else "")
    return Value(value, "datetime", True, None, day.isoformat())


def _part_of_day(f: Fields, ctx: Context) -> Value | None:
    day = ctx.discussed or ctx.anchor
    mod = EDGE_MODS.get(f.edge or "")
    if day is None:
        return Value(None, "part_of_day", True, mod=mod)
    return Value(f"{day.isoformat()}T{f.part}", "part_of_day", True, None, day.isoformat(), mod)


def _season_year(season: str, anchor: dt.date, tense: int, shift: int | None) -> int:
    """The year of the season meant: "cet hiver" is the one under way or coming; without
    a demonstrative, past or future by the tense; "l'été dernier" the one before."""
    # the year of the season the anchor is in, or the next one to come
    current = anchor.year - 1 if season == "WI" and anchor.month <= 2 else anchor.year
    start = dt.date(current, SEASON_START_MONTH[season], 1)
    if shift:
        started = start <= anchor
        return current + shift if started or shift < 0 else current + shift - 1
    if tense < 0 and start > anchor:  # "cet hiver, il a plu" read in June: the last one
        return current - 1
    return current


def _season(f: Fields, ctx: Context) -> Value | None:
    assert f.season
    if f.year is not None:
        return Value(f"{f.year:04d}-{f.season}", "season", False)
    if ctx.anchor is None:
        return Value(None, "season", True)
    year = _season_year(f.season, ctx.anchor, ctx.tense, f.shift)
    return Value(f"{year:04d}-{f.season}", "season", True, None, ctx.anchor.isoformat())


def _occurrences(h: Holiday, year: int) -> list[tuple[dt.date, dt.date]]:
    """The (first, last) days of holiday ``h`` that start in Gregorian ``year``."""
    if h.rule == "fixed":
        day = dt.date(year, h.month, h.day)
        return [(day, day)]
    if h.rule == "easter":
        day = easter(year) + dt.timedelta(days=h.day)
        return [(day, day)]
    out: list[tuple[dt.date, dt.date]] = []
    first_hijri = Gregorian(year, 1, 1).to_hijri().year
    for hijri_year in (first_hijri, first_hijri + 1):
        start = Hijri(hijri_year, h.month, h.day if h.rule == "hijri" else 1)
        g = start.to_gregorian()
        first = dt.date(g.year, g.month, g.day)
        days = start.month_length() - 1 if h.rule == "hijri_month" else 0
        if first.year == year:
            out.append((first, first + dt.timedelta(days=days)))
    return out


# How far the tense may pull a holiday from its nearest occurrence: "à quelques jours de la
# Tabaski, le prix a flambé" (past verb, coming feast) is the nearest one.
_TENSE_REACH = dt.timedelta(days=90)


def _pick(
    found: list[tuple[dt.date, dt.date]], anchor: dt.date, tense: int
) -> tuple[dt.date, dt.date]:
    """The nearest occurrence, unless the tense points the other way to one within reach:
    the last one begun (past), the next one to come (future)."""
    nearest = min(found, key=lambda o: (abs((o[0] - anchor).days), o[0]))
    if tense < 0 and nearest[0] > anchor:
        begun = [o for o in found if anchor - _TENSE_REACH <= o[0] <= anchor]
        return max(begun) if begun else nearest
    if tense == Tense.FUTURE and nearest[1] < anchor:
        coming = [o for o in found if anchor <= o[1] <= anchor + _TENSE_REACH]
        return min(coming) if coming else nearest
    return nearest


def _holiday(f: Fields, ctx: Context) -> Value | None:
    assert f.holiday
    h = load_lexicon().holidays[f.holiday]
    granularity = "range" if h.rule == "hijri_month" else "day"
    if f.year is not None:
        found, relative, base = _occurrences(h, f.year), False, None
    elif ctx.anchor is None:
        return Value(None, granularity, True)
    else:
        years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
        found = [o for y in years for o in _occurrences(h, y)]
        relative, base = True, ctx.anchor.isoformat()
    if not found:
        return None
    first, last = _pick(found, ctx.anchor, ctx.tense) if ctx.anchor else found[0]
    end = last.isoformat() if granularity == "range" else None
    return Value(first.isoformat(), granularity, relative, end, base)


def _present(f: Fields, ctx: Context) -> Value | None:
    return Value("PRESENT_REF", "present", True, None, _iso(ctx.anchor))


def _weekend(f: Fields, ctx: Context) -> Value | None:
    if ctx.anchor is None:
        return Value(None, "week", True)
    shift = f.shift or 0
    if shift == 0 and ctx.tense < 0 and ctx.anchor.weekday() < 5:
        shift = -1  # "ce week-end, les élus ont ..." read on a Monday: the one just past
    week = iso_week(ctx.anchor + dt.timedelta(weeks=shift))
    return Value(f"{week}-WE", "week", True, None, ctx.anchor.isoformat())


SPECIAL_RESOLVERS: dict[str, Callable[[Fields, Context], Value | None]] = {
    "clock": _clock,
    "part_of_day": _part_of_day,
    "season": _season,
    "holiday": _holiday,
    "present": _present,
    "weekend": _weekend,
}

# Kinds whose value depends on the tense of the sentence (when no year is written).
SPECIAL_TENSE_KINDS = frozenset({"season", "holiday", "weekend"})


def resolve_special(kind: str, fields: Fields, ctx: Context) -> Value | None:
    return SPECIAL_RESOLVERS[kind](fields, ctx)
