"""From a regex match to the calendar fields it states (no anchor involved yet).

A match whose fields cannot be a date ("31 juin", "l'an 3025") gives None, so
it never competes with a valid reading of the same text.

>>> from agreement_nlp.extraction.dates.patterns import load_patterns
>>> p = next(p for p in load_patterns() if p.id == "day_month_year")
>>> parse_match(p.kind, p.regex.search("le 1er juillet 2024"))
Fields(day=1, month=7, year=2024)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, fields

from agreement_nlp.extraction.dates.lexicon import Lexicon, load_lexicon


@dataclass(frozen=True)
class Fields:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    day2: int | None = None
    month2: int | None = None
    year2: int | None = None
    hour: int | None = None
    minute: int | None = None
    wday: int | None = None
    wday2: int | None = None
    shift: int | None = None  # -1 last, 0 this, 1 next
    num: int | None = None  # count of units in an offset, signed
    unit: str | None = None  # day, week, month, year
    edge: str | None = None  # debut, mi, fin
    ordinal: int | None = None
    period: str | None = None  # trimestre, semestre
    deictic: int | None = None  # offset in days of hier, demain...
    ana: int | None = None  # offset in days from the previous date of the text
    ana_shift: bool | None = None  # "suivant", "precedent": shift from the previous date
    part: str | None = None  # part of the day: MO, AF, EV, NI
    utc: bool | None = None  # a time given in GMT / UTC / TU
    yy: int | None = None  # a two-digit year, read against the anchor
    yy2: int | None = None
    season: str | None = None  # SP, SU, FA, WI
    holiday: str | None = None  # the holiday's key in the lexicon

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if getattr(self, f.name) is not None
        )
        return f"Fields({shown})"


_ANAPHORA = (
    ("surlendemain", 2),
    ("lendemain", 1),
    ("suivant", 1),
    ("veille", -1),
    ("meme", 0),
    ("jour-la", 0),
)


def _group(m: re.Match[str], name: str) -> str | None:
    if name not in m.re.groupindex:
        return None
    value = m.group(name)
    return value.strip().rstrip(".") if value else None


def _month(word: str | None, lex: Lexicon) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else lex.months.get(word)


def _day(word: str | None, lex: Lexicon) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else lex.ordinals.get(word)


def _year(word: str | None, lex: Lexicon) -> int | None:
    if word is None:
        return None
    year = int(word)
    return year if lex.year_min <= year <= lex.year_max else -1


def _int(word: str | None) -> int | None:
    return int(word) if word else None


def _day_fits(day: int | None, month: int | None, year: int | None) -> bool:
    if day is None or month is None:
        return True
    # Without a year, 29 February is allowed (a leap year will be picked if needed).
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= last


def parse_match(kind: str, m: re.Match[str], lex: Lexicon | None = None) -> Fields | None:
    """Fields stated by match ``m`` of a pattern of ``kind``, or None if impossible."""
    lex = lex or load_lexicon()
    years = [_year(_group(m, g), lex) for g in ("year", "year2")]
    if _group(m, "yy") is not None:
        years[0] = 1900 + int(_group(m, "yy") or 0)  # provisional: the finder picks the century
    if -1 in years:
        return None  # implausible year: not a date at all
    hour = _group(m, "hour")
    minute = _group(m, "minute")
    num_word = _group(m, "num")
    num = None
    if num_word is not None:
        num = int(num_word) if num_word.isdigit() else lex.numbers[num_word]
        num = -num if _group(m, "ago") else num
    shift_word = _group(m, "shift")
    ana_word = _group(m, "ana")
    ana = None
    if ana_word is not None:
        ana = next(offset for key, offset in _ANAPHORA if key in ana_word)
    deictic_word = _group(m, "deictic")
    unit_word = _group(m, "unit")
    ord_word = _group(m, "ord")
    wday = _group(m, "wday")
    wday2 = _group(m, "wday2")
    part = lex.day_parts.get(_group(m, "part") or "")
    if part == "12:00" or _group(m, "noon"):
        hour, minute, part = "12", "00", None  # "midi", "demain midi": noon
    holiday = _group(m, "holiday")
    f = Fields(
        day=_day(_group(m, "day"), lex),
        month=_month(_group(m, "month"), lex),
        year=years[0],
        day2=_day(_group(m, "day2"), lex),
        month2=_month(_group(m, "month2"), lex),
        year2=years[1],
        hour=int(hour) if hour else None,
        minute=int(minute) if minute else (0 if hour else None),
        wday=lex.weekdays[wday] if wday else None,
        wday2=lex.weekdays[wday2] if wday2 else None,
        shift=lex.shifts[shift_word] if shift_word else (0 if _group(m, "this") else None),
        num=num,
        unit=lex.units[unit_word] if unit_word else None,
        edge=_group(m, "edge"),
        ordinal=lex.ordinals.get(ord_word) if ord_word else None,
        period=_group(m, "period"),
        deictic=lex.deictic_days[deictic_word] if deictic_word else None,
        ana=ana,
        ana_shift=(shift_word in lex.anaphoric_shifts) or None if shift_word else None,
        part=part,
        utc=True if _group(m, "utc") else None,
        yy=_int(_group(m, "yy")),  # the century is the anchor's business (finder)
        yy2=_int(_group(m, "yy2")),
        season=lex.seasons.get(_group(m, "season") or ""),
        holiday=" ".join(holiday.split()) if holiday else None,
    )
    return f if _valid(kind, f) else None


def _valid(kind: str, f: Fields) -> bool:
    if not _day_fits(f.day, f.month or f.month2, f.year or f.year2):
        return False
    if not _day_fits(f.day2, f.month2, f.year2):
        return False
    if kind == "absolute_day":
        try:
            dt.date(f.year or 0, f.month or 0, f.day or 0)
        except ValueError:
            return False
    if kind == "year_range" and f.year is not None and f.year2 is not None:
        return f.year < f.year2 <= f.year + 100
    if kind == "quarter":
        limit = 4 if f.period == "trimestre" else 2
        return f.ordinal is not None and 1 <= f.ordinal <= limit
    if kind == "offset":
        return f.num is not None and f.num != 0
    return True
