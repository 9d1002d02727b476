"""Which matches the context shows are not dates: a quantity after a year ("2025 francs"),
a street name ("Place du 26 Mars"), a generic "demain" ("l'Afrique de demain"), a habit
("chaque mardi", "les marchés ouvrent à 8 h chaque jour"), a duration ("pendant 10 heures"),
a holiday in a name or as an attribute ("l'île de Pâques", "le marché de Noël"), a season
that is a name or a verb ("le Printemps arabe", "a été"). The words are data
(``dates_lexicon.yaml``); the regexes built from them are compiled once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from agreement_nlp.extraction.dates.lexicon import Lexicon, load_lexicon
from agreement_nlp.extraction.dates.parse import Fields
from agreement_nlp.extraction.dates.patterns import DatePattern

_DAY_KINDS = frozenset({"absolute_day", "yearless_day", "day_of_this_month", "day_range"})


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    pattern: DatePattern
    fields: Fields
    match: re.Match[str]


@dataclass(frozen=True)
class _Guards:
    """Context regexes, compiled once from the lexicon."""

    name_head: re.Pattern[str]  # "place du " right before a day
    next_word: re.Pattern[str]
    de_before: re.Pattern[str]  # "<word> de " / "<word> d'" right before a deictic
    habitual_before: re.Pattern[str]
    habitual_after: re.Pattern[str]
    weekday_span: re.Pattern[str]  # "du lundi au vendredi": a recurring span of days
    past_cue: re.Pattern[str]  # "depuis le" right before a year-less date
    nearest_cue: re.Pattern[str]  # "jusqu'au", "a partir du" right before a year-less date
    approx: re.Pattern[str]  # "vers" right before: TimeML APPROX
    duration: re.Pattern[str]  # "pendant" right before a clock time: a duration
    duration_after: re.Pattern[str]  # "après" right after a clock time: a duration
    attributive: re.Pattern[str]  # "le marché de" before a holiday: no day
    habitual: re.Pattern[str]  # "chaque", "d'ordinaire": a timetable, not one day


def _words(words: Iterable[str]) -> str:
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _ending_with(words: Iterable[str], tail: str = r"\s*$") -> re.Pattern[str]:
    """One of ``words`` as a whole word, then ``tail`` (by default: the end of the text)."""
    return re.compile(rf"(?<![\w-])(?:{_words(words)}){tail}")


def _followed_by(words: Iterable[str]) -> re.Pattern[str]:
    """Blank space, then one of ``words`` as a whole word."""
    return re.compile(rf"\s+(?:{_words(words)})(?![\w])")


@cache
def guards() -> _Guards:
    lex = load_lexicon()
    wday = _words(lex.weekdays)
    article = r"\s*(?:l[ea]\s+|ce\s+)?$"
    return _Guards(
        name_head=_ending_with(lex.name_heads, r"\s+(?:du|de|des|d')\s*$"),
        next_word=re.compile(r"\s*(%|[\w-]+(?:\s+cent)?)"),
        de_before=re.compile(r"([\w-]+)\s+(?:de\s+|d')$"),
        habitual_before=re.compile(r"(?<![\w-])(?:chaque|tous\s+les|les)\s+$"),
        habitual_after=_followed_by(lex.habitual_after),
        weekday_span=re.compile(rf"(?<![\w-])(?:du|de)\s+(?:{wday})\s+(?:au|a)\s+(?:{wday})\b"),
        past_cue=_ending_with(lex.past_cues, article),
        nearest_cue=_ending_with(lex.nearest_cues, article),
        approx=_ending_with(lex.approx_cues, r"\s*(?:de\s+|d')?$"),
        duration=_ending_with(lex.duration_before),
        duration_after=_followed_by(lex.duration_after),
        habitual=_ending_with(lex.habitual_cues, r"(?![\w])"),
        attributive=_ending_with(lex.holiday_attributive, r"\s+(?:de|du)\s+(?:la\s+|l'|le\s+)?$"),
    )


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'«“([—–-")
    return not before or before[-1] in ".!?:\n"


_HOUR_RANGE = re.compile(r"\d\s*h(?:\s*\d\d)?\s+(?:a|et)\s*$")  # "de 22 h [à 6 h]"
_HOUR_RANGE_NEXT = re.compile(r"\s+(?:a|et)\s+\d{1,2}\s*h")
_SEASON_DET = re.compile(
    r"(?<![\w-])(?:l'|au|a\s+l'|de\s+l'|depuis\s+l'|jusqu'a\s+l'|des\s+l'|pendant\s+l'|durant\s+l')\s*$"
)
_NEXT_CAPITAL = re.compile(r"\s+[A-ZÀ-Ý]")


def _habitual_clause(folded: str, start: int, end: int, g: _Guards) -> bool:
    """A habit cue near a clock time or a weekday: in its sentence up to 120 characters
    before it, or up to the next comma or sentence end after it."""
    lo = max(0, start - 120)
    cut = max(folded.rfind(".", lo, start), folded.rfind("\n", lo, start))
    after = re.match(r"[^,.;\n]{0,40}", folded[end:])
    clause = folded[cut + 1 if cut >= 0 else lo : start] + (after.group(0) if after else "")
    return g.habitual.search(clause) is not None


def _rejected_season(c: Candidate, text: str, before: str) -> bool:
    pos = c.match.start("season")
    if text[pos].isupper() and not _sentence_start(text, pos):
        return True  # "le Printemps arabe", a name
    if c.fields.year is None and c.fields.shift is None:
        return not _SEASON_DET.search(before)  # "a été signé" is no summer
    return False


def _rejected_holiday(c: Candidate, text: str, before: str, lex: Lexicon) -> bool:
    if (c.fields.holiday or "") in lex.holiday_needs_capital and not text[c.start].isupper():
        return True  # "l'ascension sociale"
    if _NEXT_CAPITAL.match(text, c.end):
        return True  # "Noël Le Graët", "Toussaint Louverture"
    # the Good Friday Agreement, "l'accord de paix dit du Vendredi saint"
    return re.search(r"accords?\b[^.]{0,30}\s+du\s*$", before) is not None


def _rejected_clock(c: Candidate, folded: str, before: str, g: _Guards) -> bool:
    if _habitual_clause(folded, c.start, c.end, g):
        return True  # "les marchés ouvrent à 8 h chaque jour"
    if g.approx.search(before):
        return False  # "aux environs de 17 heures"
    if re.search(r"(?<![\w-])(?:du|le|au)\s+$", before):
        return True  # "invité du 20 heures": the evening news
    if _HOUR_RANGE_NEXT.match(folded, c.end) and re.search(r"(?:de|entre)\s+$", before):
        return True  # "de 22 h à 6 h": hours of a curfew, a timetable
    if g.duration_after.match(folded, c.end):
        return True  # "jusqu'à 12 heures après le repas"
    return bool(g.duration.search(before) or _HOUR_RANGE.search(before))


def _rejected_weekday(c: Candidate, text: str, folded: str, before: str, g: _Guards) -> bool:
    after = folded[c.end :]
    if re.match(r"\s+saint(?![\w])", after):
        return True  # "Vendredi saint": a holiday, or a name
    if re.search(r"(?<![\w-])le\s+$", before) and _habitual_clause(folded, c.start, c.end, g):
        return True  # "du lundi au vendredi de 8 h à 17 h, et le samedi jusqu'à 13 h"
    if re.search(r"(?<![\w-])du\s+$", before) and not re.match(r"\s+(?:\d|au\b|soir|matin)", after):
        return True  # "la prière du vendredi": every Friday
    # "le Journal du dimanche", a name
    return re.search(r"[A-ZÀ-Ý][\w-]*\s+du\s+$", text[max(0, c.start - 40) : c.start]) is not None


def _rejected_special(c: Candidate, text: str, folded: str, lex: Lexicon, g: _Guards) -> bool:
    """The context rules of times, parts of the day, seasons, holidays, weekdays in names."""
    kind = c.pattern.kind
    before = folded[max(0, c.start - 40) : c.start]
    if kind == "clock":
        return _rejected_clock(c, folded, before, g)
    if kind == "part_of_day":
        return re.match(r"\s+(?:du|de|des|d')(?![\w])", folded[c.end :]) is not None
    if kind == "season":
        return _rejected_season(c, text, before)
    if kind == "holiday":
        return _rejected_holiday(c, text, before, lex) or bool(g.attributive.search(before))
    if kind == "weekday":
        return _rejected_weekday(c, text, folded, before, g)
    if kind == "deictic_day" and text[c.start].isupper() and not _sentence_start(text, c.start):
        return True  # "le quotidien Aujourd'hui au Faso", a name
    if c.pattern.id == "period_of_this_year":
        return re.search(r"(?<![\w-])de\s+$", before) is not None  # "un bal de fin d'année"
    return False


def rejected(c: Candidate, text: str, folded: str, lex: Lexicon, g: _Guards) -> bool:
    """True when the context shows the match is not a date."""
    kind = c.pattern.kind
    if _rejected_special(c, text, folded, lex, g):
        return True
    before = folded[max(0, c.start - 40) : c.start]
    m = c.match
    if kind in ("year", "year_range", "month_year"):
        nxt = g.next_word.match(folded, c.end)
        if nxt and nxt[1] in lex.quantity_words:
            return True  # "2025 francs", "en 1500 tonnes"
    if kind in _DAY_KINDS and g.name_head.search(before):
        return True  # "Place du 26 Mars", "Stade du 4 Août"
    if kind == "month":
        pos = m.start("month")
        # A lone capitalised "Mai"/"Mars" inside a sentence is a name or the planet.
        if text[pos].isupper() and not _sentence_start(text, pos):
            return True
    if kind == "deictic_day" and "deictic" in m.re.groupindex and m.start("deictic") >= 0:
        de = g.de_before.search(before)
        if de and de[1] not in lex.deictic_after_de:
            return True  # "l'Afrique de demain", "le monde d'aujourd'hui"
    if kind == "weekday" and c.fields.shift is None:
        if g.habitual_before.search(before) or g.habitual_after.match(folded, c.end):
            return True  # "chaque mardi", "le mardi de chaque semaine"
        window = folded[max(0, c.start - 20) : c.end + 20]
        if g.weekday_span.search(window):
            return True  # "du lundi au vendredi"
    return False
