"""ISO 8601 values of the tables (``2025``, ``2025-Q2``, ``2025-06``, ``2025-W26``,
``2025-06-24``, ``2025-06-24T10:11``) and the TimeML forms ISO lacks (``2025-FA`` a season,
``2025-06-23TEV`` a part of a day, ``2025-W26-WE`` a weekend, ``PRESENT_REF``): their
precision, and the instant a period starts.

The tables keep dates as ISO text at the precision the article gives, so a month stays a
month in CSV and pandas. Parquet stores them typed (a timestamp of the period's first
instant); the ``*_precision`` column beside each says how much of it is known.
"""

from __future__ import annotations

import datetime as dt
import re

from agreement_nlp.extraction.dates.lexicon import SEASON_START_MONTH

PRECISIONS = (
    "year", "season", "quarter", "month", "week", "day", "part_of_day", "datetime", "present"
)  # fmt: skip

_SHAPES = (
    ("year", re.compile(r"(\d{4})")),
    ("season", re.compile(r"(\d{4})-(SP|SU|FA|WI)")),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("week", re.compile(r"(\d{4})-W(\d{2})(-WE)?")),
    ("day", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("part_of_day", re.compile(r"(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI)")),
    ("present", re.compile(r"PRESENT_REF")),
)
# Where a season or a part of a day is taken to start (meteorological seasons; the hour a
# French text's "matin", "après-midi", "soir", "nuit" begins): a convention, for sorting.
_PART_HOUR = {"MO": 6, "AF": 12, "EV": 18, "NI": 21}
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def precision(value: str | None) -> str | None:
    """How much of the calendar ``value`` gives; ``None`` for an empty or unknown shape.

    >>> [precision(v) for v in ("2025", "2025-Q2", "2025-06", "2025-W26", "2025-06-24")]
    ['year', 'quarter', 'month', 'week', 'day']
    >>> precision("2025-06-24T10:11+01:00"), precision(""), precision("hier")
    ('datetime', None, None)
    >>> [precision(v) for v in ("2025-FA", "2025-06-23TEV", "2025-W26-WE", "PRESENT_REF")]
    ['season', 'part_of_day', 'week', 'present']
    """
    if not value:
        return None
    for name, shape in _SHAPES:
        if shape.fullmatch(value):
            return name
    return "datetime" if _DATETIME.match(value) else None


def first_instant(value: str | None) -> dt.datetime | None:
    """The instant the period ``value`` starts, as written (a UTC offset is dropped: the
    wall-clock time of the article's place is kept); ``None`` if it is not a calendar value.

    >>> first_instant("2025-Q2"), first_instant("2025-W26")
    (datetime.datetime(2025, 4, 1, 0, 0), datetime.datetime(2025, 6, 23, 0, 0))
    >>> first_instant("2025-06-24T10:11+01:00"), first_instant("2025-02-30")
    (datetime.datetime(2025, 6, 24, 10, 11), None)
    >>> first_instant("2025-06-23TEV"), first_instant("2025-W26-WE")
    (datetime.datetime(2025, 6, 23, 18, 0), datetime.datetime(2025, 6, 28, 0, 0))
    """
    kind = precision(value)
    if kind is None or value is None or kind == "present":
        return None
    try:
        if kind == "datetime":
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
        match = dict(_SHAPES)[kind].fullmatch(value)
        groups = match.groups() if match else ()
        if kind == "season":
            return dt.datetime(int(groups[0]), SEASON_START_MONTH[groups[1]], 1)
        if kind == "part_of_day":
            y, m, d = (int(g) for g in groups[:3])
            return dt.datetime(y, m, d, _PART_HOUR[groups[3]])
        parts = [int(p) for p in groups if p and p.isdigit()]
        if kind == "week" and groups[2]:  # the weekend: its Saturday
            return dt.datetime.combine(dt.date.fromisocalendar(parts[0], parts[1], 6), dt.time())
        if kind == "quarter":
            return dt.datetime(parts[0], 3 * parts[1] - 2, 1)
        if kind == "week":
            return dt.datetime.combine(dt.date.fromisocalendar(parts[0], parts[1], 1), dt.time())
        year, month, day = [*parts, 1, 1][:3]
        return dt.datetime(year, month, day)
    except ValueError:
        return None
