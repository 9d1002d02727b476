"""Publication dates as given by a record or the caller: checked and written as ISO.

ISO dates and datetimes are kept as they are (a timezone included). Other absolute
dates are read by dateparser, day first as French sources write them ("24/06/2025",
"24 juin 2025", "Mardi 24 juin 2025 10:11"); relative words ("hier", "tomorrow"), a year
alone and impossible dates are refused: an anchor that is not a day would resolve
"hier" to nothing, or to the wrong day.

>>> published_iso("24/06/2025"), published_iso("2025-06-24T10:11:00+02:00")
('2025-06-24', '2025-06-24T10:11:00+02:00')
>>> published_iso("Mardi 24 juin 2025 10:11")
'2025-06-24T10:11:00'
>>> published_iso("tomorrow") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_TIME = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}")
_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}


@lru_cache(maxsize=4096)
def published_iso(value: str) -> str | None:
    """``value`` as an ISO date or datetime, or None when it is not one day."""
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    import dateparser  # only for dates not written in ISO

    parsed = dateparser.parse(value, languages=["fr", "en"], settings=_SETTINGS)
    if parsed is None:
        return None
    return parsed.isoformat() if _TIME.search(value) else parsed.date().isoformat()


def not_a_date(value: str) -> str:
    return f"published_at {value!r} is not a date (a day, month and year); left empty"
