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

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from agreement_nlp.extraction.dates.arithmetic import Tense
from agreement_nlp.extraction.dates.lexicon import Lexicon, load_lexicon
from agreement_nlp.extraction.dates.model import DateMention
from agreement_nlp.extraction.dates.normalise import TENSE_KINDS, Context, resolve
from agreement_nlp.extraction.dates.parse import Fields, parse_match
from agreement_nlp.extraction.dates.patterns import DatePattern, load_patterns, reported_span
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


def _rejected(c: Candidate, text: str, folded: str, lex: Lexicon, g: _Guards) -> bool:
    """True when the context shows the match is not a date."""
    kind = c.pattern.kind
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


def find_dates(doc: Doc, anchor: dt.date | dt.datetime | None) -> list[DateMention]:
    """Date expressions of ``doc`` with ISO values resolved against ``anchor``.

    ``anchor`` is the publication date; without it, relative expressions are
    still found but get no value.
    """
    text = text_of(doc)
    folded = fold_same_length(text)
    anchor_day, anchor_iso = _anchor_day(anchor)
    out: list[DateMention] = []
    previous: dt.date | None = None  # last day named: base of "la veille"
    point: dt.date | None = None  # start of the last date named: base of "l'année suivante"
    for c in select(_candidates(text, folded)):
        kind = c.pattern.kind
        needs_tense = kind in TENSE_KINDS and c.fields.year is None and c.fields.year2 is None
        tense = _tense(doc, c, folded) if needs_tense and anchor_day else 0
        base_day = point if c.fields.ana_shift else anchor_day
        if c.fields.ana_shift and point is None:
            continue
        value = resolve(kind, c.fields, Context(base_day, tense, previous))
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
            )
        )
        if value.value and value.granularity in ("day", "datetime"):
            previous = dt.date.fromisoformat(value.value[:10])
        point = _start_of(value.value) or point
    return out
