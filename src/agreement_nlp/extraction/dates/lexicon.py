"""The words date patterns are built from, loaded from ``resources/dates_lexicon.yaml``.

Month and weekday numbers come from ``calendar_fr.yaml`` (shared with the
publication-date reader); the rest is specific to date expressions. Both files
are validated on load so that a typo fails with a message naming the file and key.

>>> load_lexicon().months["juin"], load_lexicon().units["semaines"]
(6, 'week')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from agreement_nlp.resources import ResourceError, check_keys, load_yaml

LEXICON_FILE = "dates_lexicon.yaml"
CALENDAR_FILE = "calendar_fr.yaml"

UNITS = ("day", "week", "month", "year")

_LIST_KEYS = (
    "months_alone",
    "year_cues",
    "quantity_words",
    "name_heads",
    "habitual_after",
    "deictic_after_de",
    "future_lemmas",
    "past_cues",
    "nearest_cues",
    "anaphoric_shifts",
    "approx_cues",
    "duration_before",
    "present",
    "holiday_needs_capital",
    "duration_after",
    "holiday_attributive",
    "habitual_cues",
)
_INT_MAP_KEYS = ("numbers", "ordinals", "deictic_days", "shifts")
_SPECIAL_KEYS = ("day_parts", "seasons", "holidays")
PART_CODES = ("MO", "AF", "EV", "NI", "12:00")
SEASON_CODES = ("SP", "SU", "FA", "WI")
# The month each season starts (meteorological seasons): "2025-WI" begins in December 2025.
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
HOLIDAY_RULES = ("fixed", "easter", "hijri", "hijri_month")


@dataclass(frozen=True)
class Holiday:
    rule: str  # fixed, easter, hijri, hijri_month
    month: int = 0  # fixed, hijri: the month; hijri_month: the Islamic month
    day: int = 0  # fixed, hijri: the day; easter: days after Easter Sunday


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]  # every spelling, abbreviations included
    months_alone: tuple[str, ...]  # full names, safe without a day
    weekdays: dict[str, int]  # Monday = 0
    year_min: int
    year_max: int
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]
    deictic_days: dict[str, int]
    day_parts: dict[str, str]  # word -> TimeML code (MO, AF, EV, NI) or "12:00"
    shifts: dict[str, int]
    year_cues: tuple[str, ...]
    quantity_words: frozenset[str]
    name_heads: frozenset[str]
    habitual_after: tuple[str, ...]
    deictic_after_de: frozenset[str]
    future_lemmas: frozenset[str]
    past_cues: tuple[str, ...]
    nearest_cues: tuple[str, ...]
    anaphoric_shifts: frozenset[str]
    approx_cues: tuple[str, ...]
    duration_before: tuple[str, ...]
    present: tuple[str, ...]
    seasons: dict[str, str]  # word -> SP, SU, FA, WI
    holidays: dict[str, Holiday]
    holiday_needs_capital: frozenset[str]
    duration_after: tuple[str, ...]
    holiday_attributive: tuple[str, ...]
    habitual_cues: tuple[str, ...]


def _str_list(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data[key]
    if not isinstance(value, list) or not value:
        raise ResourceError(f"{where}: {key!r} must be a non-empty list of words")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise ResourceError(f"{where}: {key}[{i}] must be a non-empty string, got {item!r}")
        out.append(item.strip())
    return tuple(out)


def _int_map(data: dict[str, Any], key: str, where: str) -> dict[str, int]:
    value = data[key]
    if not isinstance(value, dict) or not value:
        raise ResourceError(f"{where}: {key!r} must be a non-empty mapping word -> integer")
    out = {}
    for word, number in value.items():
        if not isinstance(number, int) or isinstance(number, bool):
            raise ResourceError(f"{where}: {key}.{word} must be an integer, got {number!r}")
        out[str(word)] = number
    return out


def _check_shifts(shifts: dict[str, int], anaphoric: tuple[str, ...], where: str) -> None:
    for word in anaphoric:
        if word not in shifts:
            raise ResourceError(f"{where}: anaphoric_shifts: {word!r} is not one of 'shifts'")
    for word, shift in shifts.items():
        if shift not in (-1, 1):
            raise ResourceError(f"{where}: shifts.{word} must be -1 or 1, got {shift}")


def _calendar(calendar: Any, where: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday numbers of ``calendar_fr.yaml``."""
    if not isinstance(calendar, dict):
        raise ResourceError(f"{where}: expected a mapping at top level")
    months = _int_map(calendar, "months", where) if "months" in calendar else None
    weekdays = _int_map(calendar, "weekdays", where) if "weekdays" in calendar else None
    if months is None or weekdays is None:
        raise ResourceError(f"{where}: needs 'months' and 'weekdays'")
    if sorted(set(months.values())) != list(range(1, 13)):
        raise ResourceError(f"{where}: months must cover 1..12")
    if sorted(set(weekdays.values())) != list(range(7)):
        raise ResourceError(f"{where}: weekdays must cover 0..6")
    return months, weekdays


def parse_lexicon(data: Any, where: str, calendar: Any, calendar_where: str) -> Lexicon:
    """Validate the raw YAML of the lexicon and the calendar; build a :class:`Lexicon`."""
    if not isinstance(data, dict):
        raise ResourceError(f"{where}: expected a mapping at top level")
    check_keys(
        data, where, ("year_min", "year_max", "units", *_LIST_KEYS, *_INT_MAP_KEYS, *_SPECIAL_KEYS)
    )
    months, weekdays = _calendar(calendar, calendar_where)
    year_min, year_max = data["year_min"], data["year_max"]
    if not (isinstance(year_min, int) and isinstance(year_max, int) and year_min < year_max):
        raise ResourceError(f"{where}: year_min and year_max must be integers, min < max")
    units = data["units"]
    if not isinstance(units, dict) or not units:
        raise ResourceError(f"{where}: 'units' must be a mapping word -> unit")
    for word, unit in units.items():
        if unit not in UNITS:
            raise ResourceError(f"{where}: units.{word}: {unit!r} is not one of {', '.join(UNITS)}")
    lists = {key: _str_list(data, key, where) for key in _LIST_KEYS}
    maps = {key: _int_map(data, key, where) for key in _INT_MAP_KEYS}
    alone = lists["months_alone"]
    for name in alone:
        if name not in months:
            raise ResourceError(
                f"{where}: months_alone: {name!r} is not a month of {CALENDAR_FILE}"
            )
    _check_shifts(maps["shifts"], lists["anaphoric_shifts"], where)
    return Lexicon(
        months=months,
        months_alone=alone,
        weekdays=weekdays,
        year_min=year_min,
        year_max=year_max,
        numbers=maps["numbers"],
        ordinals=maps["ordinals"],
        units={str(k): str(v) for k, v in units.items()},
        deictic_days=maps["deictic_days"],
        day_parts=_codes(data, "day_parts", PART_CODES, where),
        shifts=maps["shifts"],
        year_cues=lists["year_cues"],
        quantity_words=frozenset(lists["quantity_words"]),
        name_heads=frozenset(lists["name_heads"]),
        habitual_after=lists["habitual_after"],
        deictic_after_de=frozenset(lists["deictic_after_de"]),
        future_lemmas=frozenset(lists["future_lemmas"]),
        past_cues=lists["past_cues"],
        nearest_cues=lists["nearest_cues"],
        anaphoric_shifts=frozenset(lists["anaphoric_shifts"]),
        approx_cues=lists["approx_cues"],
        duration_before=lists["duration_before"],
        present=lists["present"],
        seasons=_codes(data, "seasons", SEASON_CODES, where),
        holidays=_holidays(data, where),
        holiday_needs_capital=frozenset(lists["holiday_needs_capital"]),
        duration_after=lists["duration_after"],
        holiday_attributive=lists["holiday_attributive"],
        habitual_cues=lists["habitual_cues"],
    )


def _codes(data: dict[str, Any], key: str, codes: tuple[str, ...], where: str) -> dict[str, str]:
    value = data[key]
    if not isinstance(value, dict) or not value:
        raise ResourceError(f"{where}: {key!r} must be a non-empty mapping word -> code")
    for word, code in value.items():
        if code not in codes:
            raise ResourceError(f"{where}: {key}.{word}: {code!r} is not one of {', '.join(codes)}")
    return {str(k): str(v) for k, v in value.items()}


def _holidays(data: dict[str, Any], where: str) -> dict[str, Holiday]:
    """``holidays``: word -> one rule (fixed "MM-DD", easter N, hijri "MM-DD", hijri_month N)."""
    value = data["holidays"]
    if not isinstance(value, dict) or not value:
        raise ResourceError(f"{where}: 'holidays' must be a non-empty mapping word -> rule")
    out = {}
    for word, rule in value.items():
        at = f"{where}: holidays.{word}"
        if not isinstance(rule, dict) or len(rule) != 1 or next(iter(rule)) not in HOLIDAY_RULES:
            raise ResourceError(f"{at}: expected one of {', '.join(HOLIDAY_RULES)}")
        kind, arg = next(iter(rule.items()))
        if kind in ("fixed", "hijri"):
            parts = str(arg).split("-")
            if len(parts) != 2 or not all(p.isdigit() for p in parts):
                raise ResourceError(f'{at}: {kind} must be "MM-DD", got {arg!r}')
            month, day = int(parts[0]), int(parts[1])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                raise ResourceError(f"{at}: {arg!r} is not a day of the year")
            out[str(word)] = Holiday(kind, month, day)
        elif not isinstance(arg, int) or isinstance(arg, bool):
            raise ResourceError(f"{at}: {kind} must be an integer, got {arg!r}")
        elif kind == "hijri_month" and not 1 <= arg <= 12:
            raise ResourceError(f"{at}: hijri_month must be 1..12, got {arg}")
        else:
            out[str(word)] = Holiday(
                kind, arg if kind == "hijri_month" else 0, arg if kind == "easter" else 0
            )
    return out


def read_lexicon(path: str | Path = LEXICON_FILE, calendar: str | Path = CALENDAR_FILE) -> Lexicon:
    """Read and validate a lexicon file (a package resource name or a path)."""
    return parse_lexicon(load_yaml(path), str(path), load_yaml(calendar), str(calendar))


@cache
def load_lexicon() -> Lexicon:
    """The package's lexicon, read once per process."""
    return read_lexicon()
