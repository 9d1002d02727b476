"""Date patterns as data: ``resources/dates_patterns.yaml`` compiled into regexes.

Patterns are written with macros (``{DAY}``, ``{MONTH}``, ``{YEAR}`` ...) that
expand to named groups built from the lexicon, so the YAML stays readable and
the word lists live in one place. Every pattern is checked on load: known keys,
known kind, a regex that compiles, the groups its kind needs, and its examples.

>>> [p.id for p in load_patterns()][:2]
['day_month_year', 'numeric_date']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from agreement_nlp.extraction.dates.lexicon import Lexicon, load_lexicon
from agreement_nlp.resources import ResourceError, check_keys, iter_entries, load_yaml
from agreement_nlp.text import fold

PATTERNS_FILE = "dates_patterns.yaml"

# Groups each kind needs ("a|b": either); the normaliser of that kind reads them.
KIND_GROUPS: dict[str, tuple[str, ...]] = {
    "absolute_day": ("day", "month", "year|yy"),
    "yearless_day": ("day", "month"),
    "day_of_this_month": ("day",),
    "day_range": ("day", "day2", "month2"),
    "weekday_night": ("wday", "wday2"),
    "month_year": ("month", "year|yy"),
    "month": ("month",),
    "month_range": ("month", "month2"),
    "year": ("year|yy",),
    "year_range": ("year", "year2"),
    "period_month": ("edge", "month"),
    "period_year": ("edge",),
    "quarter": ("ord", "period"),
    "deictic_day": ("part",),
    "relative_unit": ("unit",),
    "offset": ("num", "unit"),
    "weekday": ("wday",),
    "anaphoric": ("ana",),
    "clock": ("hour|noon",),
    "part_of_day": ("part", "edge"),
    "season": ("season",),
    "holiday": ("holiday",),
    "present": ("present",),
    "weekend": ("this", "shift"),
}

_MACRO = re.compile(r"\{([A-Z]+)(?::([a-z][a-z0-9_]*))?\}")
_BRACKETED = re.compile(r"\[(.+)\]")


@dataclass(frozen=True)
class DatePattern:
    id: str
    kind: str
    regex: re.Pattern[str]
    priority: int


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "avant-hier" wins over "hier"; spaces match any white space."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _macros(lex: Lexicon) -> dict[str, Callable[[str | None], str]]:
    end = r"(?![\w])"
    full = set(lex.months_alone)
    abbreviations = [m for m in lex.months if m not in full]

    def named(default: str, body: str) -> Callable[[str | None], str]:
        return lambda name: f"(?P<{name or default}>{body})"

    return {
        "B": lambda _: r"(?<![\w-])",
        "E": lambda _: end,
        "DAY": lambda name: (
            rf"(?<![\d][\s.,])(?P<{name or 'day'}>premier|1re|[12]\d|3[01]|0?[1-9])(?:er|e)?(?![\d])"
        ),
        # A full name or an abbreviation with an optional dot; never a longer word ("maison").
        "MONTH": lambda name: (
            rf"(?P<{name or 'month'}>(?:{_alternation(full)}){end}"
            rf"|(?:{_alternation(abbreviations)})\.?{end})"
        ),
        "MONTHF": named("month", rf"(?:{_alternation(full)}){end}"),
        # Thousands ("2 025 000") and decimals are not years.
        "YEAR": lambda name: (
            rf"(?<!\d)(?<!\d\s)(?<!\d,)(?P<{name or 'year'}>(?:1[89]|2[01])\d\d)"
            r"(?![.,]?\d|\s\d{3}\b|\s?%)"
        ),
        "WDAY": named("wday", rf"(?:{_alternation(lex.weekdays)}){end}"),
        "TIME": lambda _: (
            r"(?:\s*,?\s*(?:a|vers|des|aux\s+environs\s+de)?\s*(?P<hour>[01]?\d|2[0-3])"
            r"\s*(?:h|:|heures?)\s*(?P<minute>[0-5]\d)?(?:\s*(?:mn|min|gmt))?(?![\w]))"
        ),
        "NUM": named("num", rf"(?:\d{{1,3}}|{_alternation(lex.numbers)}){end}"),
        "UNIT": named("unit", rf"(?:{_alternation(lex.units)}){end}"),
        "SHIFT": named("shift", rf"(?:{_alternation(lex.shifts)}){end}"),
        "PART": named("part", rf"(?:{_alternation(lex.day_parts)}){end}"),
        "DEICTIC": named("deictic", rf"(?:{_alternation(lex.deictic_days)})(?![\w'-])"),
        "ORD": named("ord", rf"(?:{_alternation(lex.ordinals)}){end}"),
        "YEARCUE": lambda _: rf"(?:{_alternation(lex.year_cues)})",
        # A two-digit year ("juillet 96"), read against the anchor.
        "YY": lambda name: rf"(?<![\d.,])(?P<{name or 'yy'}>\d\d)(?!\d|[.,]\d|\s?%|\s?h\b)",
        "SEASON": named("season", rf"(?:{_alternation(lex.seasons)}){end}"),
        "HOLIDAY": named("holiday", rf"(?:{_alternation(lex.holidays)}){end}"),
        "PRESENT": named("present", rf"(?:{_alternation(lex.present)}){end}"),
    }


def expand(regex: str, lex: Lexicon, where: str = "<pattern>") -> str:
    """Replace the macros of ``regex``; unknown macros are an error.

    >>> expand("{B}en", load_lexicon())
    '(?<![\\\\w-])en'
    """
    macros = _macros(lex)

    def sub(m: re.Match[str]) -> str:
        if m[1] not in macros:
            raise ResourceError(f"{where}: unknown macro {{{m[1]}}} (known: {', '.join(macros)})")
        return macros[m[1]](m[2])

    return _MACRO.sub(sub, regex)


def reported_span(m: re.Match[str]) -> tuple[int, int]:
    """The part of a match a mention covers: group ``date`` if the pattern has one."""
    if "date" in m.re.groupindex and m.start("date") >= 0:
        return m.start("date"), m.end("date")
    return m.start(), m.end()


def _check_example(pattern: DatePattern, example: Any, where: str) -> None:
    if not isinstance(example, str) or not example:
        raise ResourceError(f"{where}: examples must be non-empty strings, got {example!r}")
    bracket = _BRACKETED.search(example)
    text = _BRACKETED.sub(lambda m: m[1], example)
    wanted = bracket[1] if bracket else example
    folded = fold(text)
    found = [folded[slice(*reported_span(m))] for m in pattern.regex.finditer(folded)]
    if fold(wanted) not in found:
        raise ResourceError(
            f"{where}: example {example!r} is not reported by the pattern (found {found})"
        )


def _compile(entry: dict[str, Any], lex: Lexicon, here: str) -> re.Pattern[str]:
    """The pattern's regex, macros expanded. ``first``: the characters a match can start
    with, a lookahead the engine tests before the rest (most positions start no date)."""
    if not isinstance(entry["regex"], str):
        raise ResourceError(f"{here}: regex must be a string")
    first = entry.get("first")
    if first is not None and not (isinstance(first, str) and re.fullmatch(r"\[[^\]]+\]", first)):
        raise ResourceError(f"{here}: first must be a character class such as '[0-9]'")
    try:
        return re.compile((f"(?={first})" if first else "") + expand(entry["regex"], lex, here))
    except re.error as exc:
        raise ResourceError(f"{here}: regex does not compile ({exc})") from exc


def parse_patterns(data: Any, where: str, lex: Lexicon) -> tuple[DatePattern, ...]:
    """Validate the raw YAML of a pattern file and compile it."""
    out: list[DatePattern] = []
    seen: set[str] = set()
    entries = list(iter_entries(data, where, "patterns"))  # checks the file's shape first
    check_keys(data, where, ("patterns",))
    for at, entry in entries:
        check_keys(entry, at, ("id", "kind", "regex"), ("priority", "examples", "doc", "first"))
        pid = entry["id"]
        if not isinstance(pid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", pid):
            raise ResourceError(f"{at}: id must be a snake_case name, got {pid!r}")
        here = f"{where}: pattern {pid!r}"
        if pid in seen:
            raise ResourceError(f"{here}: duplicate id")
        seen.add(pid)
        kind = entry["kind"]
        if kind not in KIND_GROUPS:
            raise ResourceError(f"{here}: kind {kind!r} is not one of {', '.join(KIND_GROUPS)}")
        regex = _compile(entry, lex, here)
        missing = [
            g.replace("|", " or ")
            for g in KIND_GROUPS[kind]
            if not any(a in regex.groupindex for a in g.split("|"))
        ]
        # deictic_day takes its offset either from a deictic word or a "ce matin" part.
        if kind == "deictic_day" and "deictic" in regex.groupindex:
            missing = []
        if missing:
            raise ResourceError(f"{here}: kind {kind!r} needs group(s) {missing}")
        priority = entry.get("priority", 100)
        if not isinstance(priority, int):
            raise ResourceError(f"{here}: priority must be an integer")
        pattern = DatePattern(pid, kind, regex, priority)
        examples = entry.get("examples", [])
        if not isinstance(examples, list):
            raise ResourceError(f"{here}: examples must be a list")
        for example in examples:
            _check_example(pattern, example, here)
        out.append(pattern)
    if not out:
        raise ResourceError(f"{where}: no patterns")
    return tuple(out)


def read_patterns(
    path: str | Path = PATTERNS_FILE, lex: Lexicon | None = None
) -> tuple[DatePattern, ...]:
    """Read, validate and compile a pattern file (a package resource name or a path)."""
    return parse_patterns(load_yaml(path), str(path), lex or load_lexicon())


@cache
def load_patterns() -> tuple[DatePattern, ...]:
    """The package's patterns, compiled once per process."""
    return read_patterns()
