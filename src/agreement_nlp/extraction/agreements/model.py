"""The records the agreement stages pass along: a found mention, an agreement being built."""

from __future__ import annotations

from dataclasses import dataclass, field

from agreement_nlp.extraction.agreements.rules import (
    TypeRule,
)

SOURCE = "rule:agreement"


MAX_CONTEXT = 4  # sentences an agreement reads after its own


LOOK_BACK = 2  # signing sentences before the first agreement that it reads


@dataclass
class Found:
    start: int
    end: int
    rule: TypeRule
    kind: str  # "named", "ref", "bare", "plural"
    seg: int
    title: str = ""
    title_end: int = 0
    vetted: bool = False  # an item of a counted list: its public party was checked there


@dataclass
class _Draft:
    named: Found
    refs: list[Found] = field(default_factory=list)
    context: list[int] = field(default_factory=list)  # segment indexes
    shared: list[int] = field(default_factory=list)  # sentences about several agreements
