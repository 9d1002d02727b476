"""Find and normalise the date expressions of a Doc.

Steps: run the patterns over the folded text; drop matches that context shows (:mod:`.context`)
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
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from agreement_nlp.extraction.dates.arithmetic import Tense
from agreement_nlp.extraction.dates.context import Candidate, guards, rejected
from agreement_nlp.extraction.dates.lexicon import load_lexicon
from agreement_nlp.extraction.dates.model import DateMention
from agreement_nlp.extraction.dates.normalise import TENSE_KINDS, Context, Value, resolve
from agreement_nlp.extraction.dates.parse import parse_match
from agreement_nlp.extraction.dates.patterns import load_patterns, reported_span
from agreement_nlp.extraction.dates.special import (
    SPECIAL_RESOLVERS,
    SPECIAL_TENSE_KINDS,
    resolve_special,
)
from agreement_nlp.extraction.dates.tense import tense_at
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.text import fold


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


_TRIM = " \t\r\n,;:"


def _candidates(text: str, folded: str) -> list[Candidate]:
    lex, g = load_lexicon(), guards()
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
            if not rejected(candidate, text, folded, lex, g):
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
    g = guards()
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
        and guards().approx.search(folded[max(0, c.start - 25) : c.start])
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
