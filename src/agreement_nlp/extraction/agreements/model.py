"""The records the agreement stages pass along: a found mention, an agreement being built,
the article they are read in."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.rules import AgreementRules, TypeRule
from agreement_nlp.extraction.entities import Ministry, Person
from agreement_nlp.segment.sentences import Segments

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


@dataclass(frozen=True)
class _Article:
    """What every agreement of one article reads: its sentences, persons, signing sentences."""

    doc: Doc
    segs: Segments
    rules: AgreementRules
    persons: list[Person]
    ministries: list[Ministry]
    home: str | None
    signing_segs: list[int]
    status: tuple[str, str] | None  # (status, rule) the article's signing sentences give
    dates: list[tuple[str, str]]  # (day, rule) they give
    company_spans: list[tuple[int, str]]
    mentioned_in: dict[int, list[_Draft]]
