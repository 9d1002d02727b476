"""Loading and validating the date resources: the package files and broken ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agreement_nlp.extraction.dates.lexicon import load_lexicon, read_lexicon
from agreement_nlp.extraction.dates.patterns import (
    KIND_GROUPS,
    expand,
    load_patterns,
    read_patterns,
)
from agreement_nlp.extraction.dates.scoring import load_cases
from agreement_nlp.resources import ResourceError, resource_path

GOOD_PATTERN = """
patterns:
  - id: only_year
    kind: year
    regex: '{B}en\\s+(?P<date>{YEAR})'
    examples: ["en [2024]"]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_package_resources_load() -> None:
    patterns = load_patterns()
    assert len({p.id for p in patterns}) == len(patterns)
    assert {p.kind for p in patterns} <= set(KIND_GROUPS)
    lex = load_lexicon()
    assert lex.months["aout"] == 8 and lex.weekdays["dimanche"] == 6


def test_loading_is_cached() -> None:
    assert load_patterns() is load_patterns()


def test_small_valid_file(tmp_path: Path) -> None:
    (pattern,) = read_patterns(_write(tmp_path, "dates_ok.yaml", GOOD_PATTERN))
    assert pattern.id == "only_year" and pattern.regex.search("en 2024")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("patterns: [\n  - id: x\n", "invalid YAML"),
        ("- just a list\n", "expected a mapping with a 'patterns' list"),
        (GOOD_PATTERN.replace("kind: year", "kind: yaer"), "kind 'yaer' is not one of"),
        (GOOD_PATTERN.replace("    examples:", "    exemples:"), "unknown key(s) ['exemples']"),
        (GOOD_PATTERN.replace("{YEAR}", "{YEARS}"), "unknown macro {YEARS}"),
        (GOOD_PATTERN.replace("(?P<date>{YEAR})", "(?P<date>{YEAR}"), "does not compile"),
        (
            GOOD_PATTERN.replace("(?P<date>{YEAR})", "(?P<date>\\d{4})"),
            "needs group(s) ['year or yy']",
        ),
        (GOOD_PATTERN.replace("en [2024]", "depuis [2024]"), "is not reported"),
        (GOOD_PATTERN + GOOD_PATTERN.replace("patterns:\n", ""), "duplicate id"),
        (GOOD_PATTERN.replace("id: only_year", "id: Only Year"), "snake_case"),
        (GOOD_PATTERN.replace("    kind: year", "    kind: year\n    first: 0-9"), "first must be"),
        # a first character set that excludes how the example starts: the example fails
        (
            GOOD_PATTERN.replace("    kind: year", "    kind: year\n    first: '[0-9]'"),
            "not reported",
        ),
    ],
)
def test_broken_pattern_file(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "dates_broken.yaml", text)
    with pytest.raises(ResourceError, match=re.escape(message)) as info:
        read_patterns(path)
    assert str(path) in str(info.value)  # the message names the file


def test_broken_lexicon(tmp_path: Path) -> None:
    good = resource_path("dates_lexicon.yaml").read_text(encoding="utf-8")
    cases = [
        (good.replace("  semaine: week", "  semaine: fortnight"), "is not one of"),
        (good.replace("year_min: 1900", "year_min: 2200"), "min < max"),
        (good.replace("  hier: -1", "  hier: yesterday"), "deictic_days.hier must be an integer"),
        (good.replace("months_alone: [janvier", "months_alone: [janvyer"), "janvyer"),
        (good.replace("year_cues:", "year_clues:"), "year_c"),
        (good.replace("soir: EV,", "soir: EVENING,"), "day_parts.soir: 'EVENING' is not one of"),
        (good.replace("automne: FA", "automne: AU"), "seasons.automne: 'AU' is not one of"),
        (good.replace('noel: {fixed: "12-25"}', 'noel: {fixed: "25-12"}'), "holidays.noel"),
        (
            good.replace('tabaski: {hijri: "12-10"}', 'tabaski: {lunar: "12-10"}'),
            "holidays.tabaski",
        ),
        (good.replace("paques: {easter: 0}", "paques: {easter: dimanche}"), "must be an integer"),
        (good.replace("ramadan: {hijri_month: 9}", "ramadan: {hijri_month: 13}"), "1..12"),
    ]
    for text, message in cases:
        path = _write(tmp_path, "dates_lexicon.yaml", text)
        with pytest.raises(ResourceError, match=re.escape(message)):
            read_lexicon(path)


def test_macro_renaming() -> None:
    regex = re.compile(expand("{DAY} et {DAY:day2} {MONTH:month2}", load_lexicon()))
    m = regex.search("les 3 et 4 mai")
    assert m is not None and (m["day"], m["day2"], m["month2"]) == ("3", "4", "mai")


def test_broken_case_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "cases.yaml",
        "cases:\n- id: a\n  anchor: 2025-06-24\n  text: Il est venu hier.\n"
        "  dates: [{text: demain, value: '2025-06-25', gran: day}]\n",
    )
    with pytest.raises(ResourceError, match="'demain' is not in the text"):
        load_cases(path)
