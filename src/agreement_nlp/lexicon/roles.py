"""Role words ("ministre", "chef de la diplomatie", "Président de la Transition"...).

Rules are data (``resources/roles.yaml``); this module finds their
occurrences in a text. Linking a role to a name is done in :mod:`persons`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from agreement_nlp.resources import (
    ResourceError,
    check_choice,
    check_keys,
    iter_entries,
    load_yaml,
)
from agreement_nlp.text import fold

ROLES = (
    "minister",
    "head_of_state",
    "head_of_government",
    "ambassador",
    "official",
    "journalist",
    "other",
    "counterpart",  # "son homologue": the office of the person named before
)
_FLAGS = ("portfolio", "former", "plural", "glued", "weak", "byline")


@dataclass(frozen=True)
class RoleRule:
    pattern: str  # folded
    role: str
    ministry: str | None = None
    ministry_prefix: str = "Ministère"
    portfolio: bool = False
    former: bool = False
    plural: bool = False
    glued: bool = False
    weak: bool = False
    byline: bool = False


@dataclass(frozen=True)
class RoleTrigger:
    start: int
    end: int
    rule: RoleRule
    text: str


def load_role_rules(path: str | Path = "roles.yaml") -> tuple[RoleRule, ...]:
    rules = []
    seen: set[str] = set()
    for at, entry in iter_entries(load_yaml(path), str(path), "rules"):
        check_keys(
            entry,
            at,
            required=("pattern", "role"),
            optional=("ministry", "ministry_prefix", *_FLAGS),
        )
        check_choice(entry["role"], ROLES, at)
        pattern = fold(str(entry["pattern"]).strip())
        if not pattern:
            raise ResourceError(f"{at}: empty pattern")
        if pattern in seen:
            raise ResourceError(f"{at}: duplicate pattern {entry['pattern']!r}")
        seen.add(pattern)
        for flag in _FLAGS:
            if flag in entry and not isinstance(entry[flag], bool):
                raise ResourceError(f"{at}: {flag} must be true or false")
        rules.append(
            RoleRule(
                pattern=pattern,
                role=entry["role"],
                ministry=entry.get("ministry"),
                ministry_prefix=str(entry.get("ministry_prefix", "Ministère")),
                **{f: bool(entry.get(f, False)) for f in _FLAGS},
            )
        )
    return tuple(rules)


@cache
def _compiled() -> tuple[re.Pattern[str], dict[str, RoleRule]]:
    rules = load_role_rules()
    by_pattern = {r.pattern: r for r in rules}
    alts = "|".join(re.escape(p) for p in sorted(by_pattern, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])"), by_pattern


def find_role_triggers(text: str, start: int = 0, end: int | None = None) -> list[RoleTrigger]:
    """Role words in ``text[start:end]``, longest match first, in text order.

    >>> [t.rule.role for t in find_role_triggers("le chef de la diplomatie russe")]
    ['minister']
    """
    regex, by_pattern = _compiled()
    end = len(text) if end is None else end
    folded = fold(text[start:end])
    out = []
    for m in regex.finditer(folded):
        rule = by_pattern[m.group(0)]
        s, e = start + m.start(), start + m.end()
        if rule.byline and not _starts_line(text, s):
            # Mid-sentence, "envoyé spécial" is an office, not a byline: fall back to the
            # longest shorter rule at the same place ("envoyé").
            shorter = [
                p
                for p in by_pattern
                if len(p) < len(m.group(0))
                and m.group(0).startswith(p)
                and not by_pattern[p].byline
                and not m.group(0)[len(p) : len(p) + 1].isalnum()
            ]
            if not shorter:
                continue
            rule = by_pattern[max(shorter, key=len)]
            e = s + len(rule.pattern)
        out.append(RoleTrigger(s, e, rule, text[s:e]))
    return out


def _starts_line(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()
