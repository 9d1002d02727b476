"""Article metadata found in the text itself: publication date, title, authors.

Used when the input record has none. Publication dates come from publication
lines ("Publié mardi 24 juin 2025 à 10:11", "Publié le 12/05/2024 à 14h30",
"Mis en ligne le 3 mai 2024", "Date : 31 octobre 2024", "📅 Jeudi 31 Octobre
2024") and datelines at the start of a paragraph ("Bamako, le 12 mai 2024 –",
"Paris, 12 mai 2012 (AFP) -", "DAKAR, 12 mai (APS) –"). Authors come from
bylines ("Par Awa TRAORÉ", "Envoyés spéciaux / Alassane SOULEYMANE et Oumar
DIOP").

All patterns run on the folded text (lower case, no accents; same length),
so offsets point into the text as read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from agreement_nlp.lexicon.names import NAME_PARTICLES
from agreement_nlp.resources import cached_yaml
from agreement_nlp.segment.furniture import default_markers, marker_of
from agreement_nlp.text import fold, lines_with_offsets, squash


@dataclass(frozen=True)
class PublicationDate:
    value: str  # ISO date or datetime (minutes)
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Author:
    name: str
    start: int
    end: int
    rule: str


@cache
def _month_map() -> dict[str, int]:
    return {str(k): int(v) for k, v in cached_yaml("calendar_fr.yaml")["months"].items()}


@cache
def _weekday() -> str:
    """A weekday name and its space, from the calendar ("lundi ", "mardi "...)."""
    days = "|".join(sorted(cached_yaml("calendar_fr.yaml")["weekdays"], key=len, reverse=True))
    return rf"(?:(?P<weekday>{days})\s+)"


_TIME = r"(?:\s*(?:a|,|-)?\s*(?P<hour>\d{1,2})\s*[:h]\s*(?P<minute>\d{2}))?"
# Agencies and papers that sign datelines: "(AFP)", "(APS)", "(AIB)"...
_AGENCY = r"(?:\s*\([a-z][a-z .'-]{0,20}\))"


@cache
def _date() -> str:
    months = "|".join(sorted(_month_map(), key=len, reverse=True))
    textual = (
        rf"{_weekday()}?(?P<day>\d{{1,2}})(?:er|e)?\s+(?P<month>{months})\.?\s+(?P<year>\d{{4}})"
    )
    numeric = r"(?P<nday>\d{1,2})[/.-](?P<nmonth>\d{1,2})[/.-](?P<nyear>\d{4})"
    iso = r"(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2})"
    return rf"(?:{textual}|{numeric}|{iso}){_TIME}"


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    months = "|".join(sorted(_month_map(), key=len, reverse=True))
    date = _date()
    lead = r"^[^\w\n]{0,3}[ \t]*"  # an icon or bullet before the words ("📅", "•")
    publication = (
        r"(?:publie|mis en ligne|date de publication|date|paru|edition du)"
        r"(?:[ \t]+par[ \t]+[^\n]{1,60}?)?"
    )
    place = r"[a-z][a-z' -]{1,40}(?:\s*\([a-z][a-z' -]{1,30}\))?"
    return [
        (
            "publication_line",
            re.compile(rf"{lead}{publication}[ \t]*(?:le|:)?[ \t]*:?[ \t]*{date}", re.M),
        ),
        ("date_line", re.compile(rf"{lead}{date}[ \t]*$", re.M)),
        # Wikinews-style: "17 août 2012. – Le ministre..."
        ("date_dash", re.compile(rf"^{date}\.?[ \t]*[-–—][ \t]", re.M)),
        ("dateline", re.compile(rf"^{place},[ \t]*(?:le[ \t]+)?{date}\b", re.M)),
        (
            "dateline_no_year",
            re.compile(
                rf"^{place},[ \t]*(?:le[ \t]+)?{_weekday()}?(?P<day>\d{{1,2}})(?:er|e)?[ \t]+"
                rf"(?P<month>{months})\.?(?P<year>)(?P<hour>)(?P<minute>){_AGENCY}?[ \t]*-",
                re.M,
            ),
        ),
    ]


def find_published_at(text: str, end: int | None = None) -> PublicationDate | None:
    """First publication date stated in ``text[:end]``, or None.

    A dateline without a year ("DAKAR, 12 mai (APS) –") takes the year of the
    latest full date the article gives; with no full date it gives nothing
    rather than a guess.

    >>> find_published_at("Titre\\nPublié mardi 24 juin 2025 à 10:11\\n").value
    '2025-06-24T10:11'
    >>> find_published_at("BAMAKO, le 12 mai 2024 - Le ministre...").value
    '2024-05-12'
    >>> find_published_at("DAKAR, 12 mai (APS) – Le 10 mai 2024, le ministre...").value
    '2024-05-12'
    >>> find_published_at("Mercredi 31 juillet 2023\\nPublié le 1 août 2024\\n").value
    '2024-08-01'
    >>> find_published_at("17 août 2012. – Le ministre a signé...").value
    '2012-08-17'
    """
    folded = fold(text[:end] if end is not None else text)
    candidates: list[tuple[bool, PublicationDate]] = []
    for rule, pattern in _patterns():
        for m in pattern.finditer(folded):
            found = _to_iso(m, folded)
            if found is None:
                continue
            groups = m.groupdict()
            start = min(m.start(g) for g in ("day", "nday", "iyear") if groups.get(g) is not None)
            candidates.append(
                (_weekday_agrees(m, found), PublicationDate(found, start, m.end(), rule))
            )
            break
    if not candidates:
        return None
    # A date whose weekday is not the one written ("Mercredi 31 Juillet 2023" is a Monday)
    # is a typo: an agreeing candidate wins, the first in the text; else the first.
    agreeing = [c for ok, c in candidates if ok] or [c for _, c in candidates]
    return min(agreeing, key=lambda c: c.start)


def _weekday_agrees(m: re.Match[str], iso: str) -> bool:
    """Whether the weekday written with the date, if any, is that date's."""
    written = m.groupdict().get("weekday")
    if not written:
        return True
    index = cached_yaml("calendar_fr.yaml")["weekdays"].get(written)
    return index is None or dt.date.fromisoformat(iso[:10]).weekday() == int(index)


def _year_from_text(folded: str) -> int | None:
    """The latest year among the full textual dates of the article."""
    months = "|".join(sorted(_month_map(), key=len, reverse=True))
    years = [
        int(m.group(1))
        for m in re.finditer(rf"\b\d{{1,2}}(?:er|e)?\s+(?:{months})\.?\s+((?:19|20)\d\d)\b", folded)
    ]
    return max(years) if years else None


def _to_iso(m: re.Match[str], folded: str) -> str | None:
    groups = m.groupdict()
    try:
        if groups.get("nday"):
            day = dt.date(int(m["nyear"]), int(m["nmonth"]), int(m["nday"]))
        elif groups.get("iyear"):
            day = dt.date(int(m["iyear"]), int(m["imonth"]), int(m["iday"]))
        else:
            year = int(m["year"]) if m["year"] else _year_from_text(folded)
            if year is None:
                return None
            day = dt.date(year, _month_map()[m["month"]], int(m["day"]))
    except (ValueError, KeyError):
        return None
    if groups.get("hour"):
        hour, minute = int(m["hour"]), int(m["minute"])
        if hour < 24 and minute < 60:
            return f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    return day.isoformat()


# --- Title -----------------------------------------------------------------

MAX_TITLE_CHARS = 300


def find_title(text: str) -> str | None:
    """The first line that reads as a title: not a date, byline, or site furniture.

    >>> find_title("Accueil\\n📅 Jeudi 31 Octobre 2024\\nDakar et Rabat signent un accord\\nTexte.")
    'Dakar et Rabat signent un accord'
    """
    markers = default_markers()
    for _, _, line in lines_with_offsets(text):
        clean = squash(line)
        if len(clean) < 4:
            continue
        folded = fold(clean)
        if folded in NAVIGATION or marker_of(clean, markers) is not None:
            continue
        if find_published_at(clean) is not None and len(clean) < 80:
            continue
        if _BYLINE.match(folded):
            continue
        return clean[:MAX_TITLE_CHARS]
    return None


# Single words that head a page dump and are not titles.
NAVIGATION = frozenset(
    {"accueil", "actualites", "actualite", "menu", "politique", "economie", "international"}
)


# --- Authors ---------------------------------------------------------------

# Labels that introduce a byline, folded. "Par" must be followed by names
# on the same line; the others may put the names on the next non-blank line.
_LABEL = (
    r"(?:envoye|envoyee|envoyes|envoyees)\s+speci(?:al|ale|aux|ales)"
    r"|de\s+notre\s+(?:envoye|envoyee|correspondant|correspondante)"
    r"(?:\s+speci(?:al|ale))?(?:\s+a\s+[a-z' -]+)?"
    r"|correspondant(?:e|s|es)?(?:\s+a\s+[a-z' -]+)?"
    r"|auteur(?:e|s|es)?|redaction|texte|reportage"
)
_BYLINE = re.compile(rf"^\s*(?:(?P<par>par)\s+|(?P<label>{_LABEL})\s*(?:[/:,-]\s*|$))", re.M)
_NAME_SPLIT = re.compile(r"\s*(?:,|\bet\b|&|/)\s*")
_PARTICLES = NAME_PARTICLES
MAX_BYLINE_CHARS = 120


def _is_name(words: list[str]) -> bool:
    if not 2 <= len(words) <= 5:
        return False
    capitalised = [w for w in words if w[:1].isupper() and w[:1].isalpha()]
    others_ok = all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)
    return others_ok and len(capitalised) >= 2 and all(len(w) <= 30 for w in words)


def _names_in(line: str, offset: int, rule: str) -> list[Author]:
    """Names of a byline tail ("Awa TRAORÉ et Oumar DIOP"), or [] if any part is not a name."""
    out: list[Author] = []
    pos = 0
    parts = []
    for m in _NAME_SPLIT.finditer(line):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(line)))
    for start, end in parts:
        chunk = line[start:end].strip().rstrip(".")
        if not chunk:
            continue
        if not _is_name(chunk.split()):
            return []
        lead = line.index(chunk, start)
        out.append(Author(squash(chunk), offset + lead, offset + lead + len(chunk), rule))
    return out


def find_authors(text: str, end: int | None = None) -> list[Author]:
    """Authors named in bylines of ``text[:end]``, in text order, without repeats.

    >>> byline = "Envoyés spéciaux / Alassane SOULEYMANE et Oumar DIOP"
    >>> [a.name for a in find_authors(f"Titre\\n{byline}\\n")]
    ['Alassane SOULEYMANE', 'Oumar DIOP']
    >>> [a.name for a in find_authors("Texte.\\nPar Awa Traoré\\n")]
    ['Awa Traoré']
    """
    limit = len(text) if end is None else end
    lines = [(s, e, line) for s, e, line in lines_with_offsets(text[:limit]) if line.strip()]
    found: list[Author] = []
    for i, (start, _, line) in enumerate(lines):
        if len(line) > MAX_BYLINE_CHARS:
            continue
        m = _BYLINE.match(fold(line))
        if m is None:
            continue
        rest = line[m.end() :]
        rule = "byline_par" if m.group("par") else "byline_label"
        names = _names_in(rest, start + m.end(), rule) if rest.strip() else []
        if not names and m.group("label") and not rest.strip() and i + 1 < len(lines):
            nstart, _, nline = lines[i + 1]
            if len(nline) <= MAX_BYLINE_CHARS:
                names = _names_in(nline, nstart, rule)
        found.extend(names)
    seen: set[str] = set()
    unique = []
    for a in found:
        key = fold(a.name)
        if key not in seen:
            seen.add(key)
            unique.append(a)
    return unique
