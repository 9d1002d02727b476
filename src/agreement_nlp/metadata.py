"""Article metadata found in the text itself: the publication date.

Used when the input record has no ``published_at``. Recognises publication
lines ("Publié mardi 24 juin 2025 à 10:11", "Mis en ligne le 3 mai 2024",
"Date : 31 octobre 2024", "📅 Jeudi 31 Octobre 2024") and datelines at the
start of a paragraph ("Bamako, le 12 mai 2024 –", "Paris, 12 mai 2012 (AFP) -").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from agreement_nlp.resources import cached_yaml
from agreement_nlp.text import fold


@dataclass(frozen=True)
class PublicationDate:
    value: str  # ISO date or datetime (minutes)
    start: int
    end: int
    rule: str


@cache
def _month_map() -> dict[str, int]:
    return {str(k): int(v) for k, v in cached_yaml("calendar_fr.yaml")["months"].items()}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    months = "|".join(sorted(_month_map(), key=len, reverse=True))
    weekday = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+"
    date = (
        rf"(?:{weekday})?(?P<day>\d{{1,2}})(?:er|e)?\s+(?P<month>{months})\.?\s+(?P<year>\d{{4}})"
        r"(?:\s*(?:a|,|-)?\s*(?P<hour>\d{1,2})\s*[:h]\s*(?P<minute>\d{2}))?"
    )
    # Patterns run on folded text (lower case, no accents), anchored at a line start.
    return [
        (
            "publication_line",
            re.compile(
                rf"^[^\w\n]{{0,3}}\s*(?:publie|mis en ligne|date de publication|date)\s*(?:le|:)?\s*{date}",
                re.M,
            ),
        ),
        ("date_line", re.compile(rf"^[^\w\n]{{0,3}}\s*{date}\s*$", re.M)),
        (
            "dateline",
            re.compile(rf"^[a-z' -]{{2,40}},\s*(?:le\s+)?{date}\b", re.M),
        ),
    ]


def find_published_at(text: str, end: int | None = None) -> PublicationDate | None:
    """First publication date stated in ``text[:end]``, or None.

    >>> find_published_at("Titre\\nPublié mardi 24 juin 2025 à 10:11\\n").value
    '2025-06-24T10:11'
    >>> find_published_at("BAMAKO, le 12 mai 2024 - Le ministre...").value
    '2024-05-12'
    """
    folded = fold(text[:end] if end is not None else text)
    best: PublicationDate | None = None
    for rule, pattern in _patterns():
        m = pattern.search(folded)
        if m is None:
            continue
        found = _to_iso(m)
        if found is None:
            continue
        candidate = PublicationDate(found, m.start("day"), m.end(), rule)
        if best is None or candidate.start < best.start:
            best = candidate
    return best


def _to_iso(m: re.Match[str]) -> str | None:
    import datetime as dt

    try:
        day = dt.date(int(m["year"]), _month_map()[m["month"]], int(m["day"]))
    except (ValueError, KeyError):
        return None
    if m["hour"] is not None:
        hour, minute = int(m["hour"]), int(m["minute"])
        if hour < 24 and minute < 60:
            return f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    return day.isoformat()
