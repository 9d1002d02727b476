"""Find and normalise the date expressions of a Doc.

Steps: run the patterns over the folded text; drop matches that context shows
are not dates (a quantity after a year, a street name, a lone capitalised
"Mai"...); keep the longest of overlapping matches; then resolve each, in text
order, against the anchor, the tense of its sentence and the previous day named.

>>> import datetime as dt, spacy
>>> doc = spacy.blank("fr")("Signé hier, l'accord entre en vigueur le 1er juillet 2025.")
>>> [(d.text, d.value) for d in find_dates(doc, dt.date(2025, 6, 24))]
[('hier', '2025-06-23'), ('1er juillet 2025', '2025-07-01')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc

from agreement_nlp.extraction.dates.arithmetic import Tense
from agreement_nlp.extraction.dates.lexicon import Lexicon, load_lexicon
from agreement_nlp.extraction.dates.model import DateMention
from agreement_nlp.extraction.dates.normalise import TENSE_KINDS, Context, Value, resolve
from agreement_nlp.extraction.dates.parse import Fields, parse_match
from agreement_nlp.extraction.dates.patterns import DatePattern, load_patterns, reported_span
from agreement_nlp.extraction.dates.special import (
    SPECIAL_RESOLVERS,
    SPECIAL_TENSE_KINDS,
    resolve_special,
)
from agreement_nlp.extraction.dates.tense import tense_at
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.text import fold

_DAY_KINDS = frozenset({"absolute_day", "yearless_day", "day_of_this_month", "day_range"})
_TRIM = " \t\r\n,;:"


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


def _words(words: Iterable[str]) -> str:
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@cache
def _guards() -> _Guards:
    lex = load_lexicon()
    wday = _words(lex.weekdays)
    return _Guards(
        name_head=re.compile(rf"(?<![\w-])(?:{_words(lex.name_heads)})\s+(?:du|de|des|d')\s*$"),
        next_word=re.compile(r"\s*(%|[\w-]+(?:\s+cent)?)"),
        de_before=re.compile(r"([\w-]+)\s+(?:de\s+|d')$"),
        habitual_before=re.compile(r"(?<![\w-])(?:chaque|tous\s+les|les)\s+$"),
        habitual_after=re.compile(rf"\s+(?:{_words(lex.habitual_after)})(?![\w])"),
        weekday_span=re.compile(rf"(?<![\w-])(?:du|de)\s+(?:{wday})\s+(?:au|a)\s+(?:{wday})\b"),
        past_cue=re.compile(rf"(?<![\w-])(?:{_words(lex.past_cues)})\s*(?:l[ea]\s+|ce\s+)?$"),
        nearest_cue=re.compile(rf"(?<![\w-])(?:{_words(lex.nearest_cues)})\s*(?:l[ea]\s+|ce\s+)?$"),
        approx=re.compile(rf"(?<![\w-])(?:{_words(lex.approx_cues)})\s*(?:de\s+|d')?$"),
        duration=re.compile(rf"(?<![\w-])(?:{_words(lex.duration_before)})\s*$"),
        duration_after=re.compile(rf"\s+(?:{_words(lex.duration_after)})(?![\w])"),
        attributive=re.compile(
            rf"(?<![\w-])(?:{_words(lex.holiday_attributive)})\s+(?:de|du)\s+(?:la\s+|l'|le\s+)?$"
        ),
    )


class _FoldTable(dict[int, str]):
    """Code point -> its folded character, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = (fold(chr(code)) or chr(code))[:1]
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold_same_length(text: str) -> str:
    """:func:`fold` one character for one, so offsets are shared (and fast: a table lookup).

    >>> fold_same_length("Août À Ségou")
    'aout a segou'
    """
    return text.translate(_FOLD_TABLE)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'«“([—–-")
    return not before or before[-1] in ".!?:\n"


_HOUR_RANGE = re.compile(r"\d\s*h(?:\s*\d\d)?\s+(?:a|et)\s*$")  # "de 22 h [à 6 h]"
_HOUR_RANGE_NEXT = re.compile(r"\s+(?:a|et)\s+\d{1,2}\s*h")
_SEASON_DET = re.compile(
    r"(?<![\w-])(?:l'|au|a\s+l'|de\s+l'|depuis\s+l'|jusqu'a\s+l'|des\s+l'|pendant\s+l'|durant\s+l')\s*$"
)
_NEXT_CAPITAL = re.compile(r"\s+[A-ZÀ-Ý]")


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


def _rejected_special(c: Candidate, text: str, folded: str, lex: Lexicon, g: _Guards) -> bool:
    """The context rules of times, parts of the day, seasons, holidays, weekdays in names."""
    kind = c.pattern.kind
    before = folded[max(0, c.start - 40) : c.start]
    if kind == "clock":
        if g.approx.search(before):
            return False  # "aux environs de 17 heures"
        if _HOUR_RANGE_NEXT.match(folded, c.end) and re.search(r"(?:de|entre)\s+$", before):
            return True  # "de 22 h à 6 h": hours of a curfew, a timetable
        if g.duration_after.match(folded, c.end):
            return True  # "jusqu'à 12 heures après le repas"
        return bool(g.duration.search(before) or _HOUR_RANGE.search(before))
    if kind == "part_of_day":
        return re.match(r"\s+(?:du|de|des|d')(?![\w])", folded[c.end :]) is not None
    if kind == "season":
        return _rejected_season(c, text, before)
    if kind == "holiday":
        return _rejected_holiday(c, text, before, lex) or bool(g.attributive.search(before))
    if kind == "weekday":
        if re.match(r"\s+saint(?![\w])", folded[c.end :]):
            return True  # "Vendredi saint": a holiday, or a name
        # "le Journal du dimanche", a name
        return (
            re.search(r"[A-ZÀ-Ý][\w-]*\s+du\s+$", text[max(0, c.start - 40) : c.start]) is not None
        )
    if c.pattern.id == "period_of_this_year":
        return re.search(r"(?<![\w-])de\s+$", before) is not None  # "un bal de fin d'année"
    return False


def _rejected(c: Candidate, text: str, folded: str, lex: Lexicon, g: _Guards) -> bool:
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


def _candidates(text: str, folded: str) -> list[Candidate]:
    lex, guards = load_lexicon(), _guards()
    found = []
    for pattern in load_patterns():
        for m in pattern.regex.finditer(folded):
            start, end = reported_span(m)
            while end > start and folded[end - 1] in _TRIM:
                end -= 1
            while start < end and folded[start] in _TRIM:
                start += 1
            if end <= start:
                continue
            fields = parse_match(pattern.kind, m, lex)
            if fields is None:
                continue
            candidate = Candidate(start, end, pattern, fields, m)
            if not _rejected(candidate, text, folded, lex, guards):
                found.append(candidate)
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then by pattern priority; overlapping shorter matches are dropped."""
    chosen: list[Candidate] = []
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, c.pattern.priority, c.start))
    for c in ranked:
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _anchor_day(anchor: dt.date | dt.datetime | None) -> tuple[dt.date | None, str | None]:
    if anchor is None:
        return None, None
    if isinstance(anchor, dt.datetime):
        day = anchor.date()
        if anchor.time() == dt.time():
            return day, day.isoformat()
        return day, anchor.isoformat(timespec="minutes")
    return anchor, anchor.isoformat()


def _tense(doc: Doc, c: Candidate, folded: str) -> int:
    """Direction of a year-less date: a cue word before it, else the tense of its verb."""
    g = _guards()
    before = folded[max(0, c.start - 30) : c.start]
    if c.pattern.kind in ("yearless_day", "day_range") and c.fields.shift:
        return Tense.PAST_CUE if c.fields.shift < 0 else Tense.FUTURE  # "16 juillet prochain"
    if g.past_cue.search(before):
        return Tense.PAST_CUE
    if g.nearest_cue.search(before):
        return Tense.UNKNOWN
    return tense_at(doc, c.start, c.end, load_lexicon())


def _start_of(value: str | None) -> dt.date | None:
    """First day of an ISO value at any granularity ("2012" -> 2012-01-01)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m or "W" in value or "Q" in value:
        return None
    return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def _century(yy: int, anchor: dt.date | None) -> int:
    """A two-digit year: 20YY unless that is more than ten years after the anchor."""
    limit = (anchor.year if anchor else 2020) + 10
    return 2000 + yy if 2000 + yy <= limit else 1900 + yy


def _year_hint(point: dt.date | None, anchor: dt.date | None, tense: int) -> int | None:
    """The year a bare month takes from the text: the last date's, when it is another year
    than the anchor's on the side the tense points to ("En 2019, ... En mars, ...")."""
    if point is None or anchor is None or point.year == anchor.year:
        return None
    if point.year < anchor.year and tense != Tense.FUTURE:
        return point.year
    return point.year if point.year > anchor.year and tense == Tense.FUTURE else None


@dataclass
class _Story:
    """What the text said so far: the days named, per paragraph."""

    breaks: list[int]  # offsets of the blank lines between paragraphs
    previous: dt.date | None = None  # last day named: base of "la veille"
    previous_para: int = -1
    point: dt.date | None = None  # start of the last date named: base of "l'année suivante"

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.breaks, pos)

    def discussed(self, pos: int) -> dt.date | None:
        return self.previous if self.previous_para == self.paragraph(pos) else None

    def tell(self, value: Value, pos: int) -> None:
        if value.value and value.granularity in ("day", "datetime", "part_of_day"):
            self.previous = dt.date.fromisoformat(value.value[:10])
            self.previous_para = self.paragraph(pos)
        self.point = _start_of(value.value) or self.point


def _value(
    c: Candidate, doc: Doc, folded: str, anchor: dt.date | None, story: _Story
) -> Value | None:
    kind, f = c.pattern.kind, c.fields
    if f.yy is not None:
        f = replace(f, year=_century(f.yy, anchor))
    needs_tense = (kind in TENSE_KINDS or kind in SPECIAL_TENSE_KINDS) and f.year is None
    tense = _tense(doc, c, folded) if needs_tense and f.year2 is None and anchor else 0
    if f.ana_shift and story.point is None:
        return None
    ctx = Context(
        story.point if f.ana_shift else anchor,
        tense,
        story.previous,
        story.discussed(c.start),
        _year_hint(story.point, anchor, tense),
    )
    value = (resolve_special if kind in SPECIAL_RESOLVERS else resolve)(kind, f, ctx)
    if (
        value is not None
        and value.mod is None
        and _guards().approx.search(folded[max(0, c.start - 25) : c.start])
    ):
        value = replace(value, mod="APPROX")
    return value


def find_dates(doc: Doc, anchor: dt.date | dt.datetime | None) -> list[DateMention]:
    """Date expressions of ``doc`` with ISO values resolved against ``anchor``.

    ``anchor`` is the publication date; without it, relative expressions are
    still found but get no value.
    """
    text = text_of(doc)
    folded = fold_same_length(text)
    anchor_day, anchor_iso = _anchor_day(anchor)
    story = _Story([m.start() for m in re.finditer(r"\n[ \t]*\n", text)])
    out: list[DateMention] = []
    for c in select(_candidates(text, folded)):
        value = _value(c, doc, folded, anchor_day, story)
        if value is None:
            continue
        base = value.base
        if value.is_relative and base == (anchor_day and anchor_day.isoformat()):
            base = anchor_iso
        out.append(
            DateMention(
                text=text[c.start : c.end],
                start=c.start,
                end=c.end,
                value=value.value,
                granularity=value.granularity,
                is_relative=value.is_relative,
                anchor=base,
                rule=c.pattern.id,
                end_value=value.end_value,
                mod=value.mod,
            )
        )
        story.tell(value, c.start)
    return out
