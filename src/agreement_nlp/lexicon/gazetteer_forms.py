"""Forms of the gazetteer: their kinds, their folded keys and the case rules of running text.

Every form of the data is indexed under a folded word sequence (:func:`key`),
so accents, case, apostrophes and the hyphen/space choice do not matter for
the lookup itself. Case then decides whether a match counts in running text
(:func:`accepts`), by the form's policy (:func:`policy`):

- ``acronym`` (a form written in capitals in the data: "UA", "BAD", "USA") only
  when written in capitals, or Capitalised from four letters up ("Cedeao");
- ``proper`` (country names and cities) when at least one of their words
  (articles and prepositions aside) is capitalised, so "chili" or "bénin" are
  not countries;
- ``word`` (demonyms and prefixes) when each word is lower-case or Capitalised
  ("russe", "Maliens"), never in capitals;
- ``any`` (multi-word organisation names) in any case ("banque mondiale").

>>> key("Guinée-Bissau") == key("guinee  bissau"), key("Côte d'Ivoire")
(True, 'cote d ivoire')
>>> policy("UA", ORGANISATION), policy("Banque mondiale", ORGANISATION), policy("malien", DEMONYM)
('acronym', 'any', 'word')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from agreement_nlp.text import fold

__all__ = [
    "BLOCK",
    "CITY",
    "COUNTRY_NAME",
    "DEMONYM",
    "FUNCTION_WORDS",
    "JOIN",
    "KINDS",
    "ORGANISATION",
    "PREFIX",
    "WORD",
    "Entry",
    "accepts",
    "fold_same_length",
    "is_word_case",
    "key",
    "policy",
]

COUNTRY_NAME = "country_name"
DEMONYM = "demonym"
PREFIX = "prefix"
CITY = "city"
ORGANISATION = "organisation"
KINDS = (COUNTRY_NAME, DEMONYM, PREFIX, CITY, ORGANISATION)
# The kind of the phrases that name no place and mask the places in them.
BLOCK = "block"

WORD = re.compile(r"\w+")
# What may separate the words of one name in running text: a space or two, or
# a hyphen, apostrophe or slash with optional spaces ("Côte d' Ivoire", "VIH/sida").
JOIN = re.compile(r"\s{1,2}|\s?['/-]\s?")

# Words that neither make a name proper nor belong to it when they lead a phrase.
FUNCTION_WORDS = frozenset(
    {"le", "la", "les", "l", "de", "du", "des", "d", "et", "en", "au", "aux", "a", "à", "el"}
)


@dataclass(frozen=True)
class Entry:
    """One form in an index: what it names (``code``, ``kind``) and its case rule."""

    code: str
    kind: str
    policy: str  # acronym | proper | word | any
    form: str


@cache
def _fold_table() -> dict[int, str]:
    # fold() works character by character, so a translation table built from
    # it gives the same result about ten times faster on a whole article.
    table = {}
    for cp in range(0x80, 0x3000):
        folded = fold(chr(cp))
        if len(folded) == 1 and folded != chr(cp):
            table[cp] = folded
    return table


def fold_same_length(text: str) -> str:
    """``fold(text)``, one character for one, so offsets carry over.

    >>> fold_same_length("Côte d’Ivoire")
    "cote d'ivoire"
    """
    folded = text.translate(_fold_table()).lower()
    if len(folded) != len(text):  # pragma: no cover - rare letters lower() expands
        folded = "".join((fold(c) or " ")[0] for c in text)
    return folded


def key(text: str) -> str:
    """The index key of a form: its folded words joined by one space."""
    return " ".join(WORD.findall(fold_same_length(text)))


def _is_acronym(form: str) -> bool:
    words = WORD.findall(form)
    if len(words) != 1 or len(words[0]) < 2:
        return False
    word = words[0]
    return not any(c.islower() for c in word) or any(c.isupper() for c in word[1:])


def policy(form: str, kind: str) -> str:
    """The case rule of a form of the data: ``acronym``, ``word``, ``any`` or ``proper``."""
    if _is_acronym(form):
        return "acronym"
    if kind in (DEMONYM, PREFIX):
        return "word"
    if kind == ORGANISATION and len(WORD.findall(form)) > 1:
        return "any"
    return "proper"


def is_word_case(word: str) -> bool:
    """Whether ``word`` is lower-case or Capitalised (not in capitals, not camelCase)."""
    return word == word.lower() or (word[0].isupper() and word[1:] == word[1:].lower())


def accepts(entry: Entry, words: Sequence[str]) -> bool:
    """Whether ``words`` (as written in the text) may be ``entry`` given their case.

    >>> bad = Entry("BAD", ORGANISATION, "acronym", "BAD")
    >>> accepts(bad, ["BAD"]), accepts(bad, ["bad"]), accepts(bad, ["Bad"])
    (True, False, False)
    """
    if entry.policy == "any":
        return True
    if entry.policy == "word":
        return all(is_word_case(w) for w in words)
    if entry.policy == "proper":
        return any(w[0].isupper() for w in words if w.lower() not in FUNCTION_WORDS)
    word = "".join(words)
    if not any(c.islower() for c in word):
        return True
    form = "".join(WORD.findall(entry.form))
    if [c.isupper() for c in word] == [c.isupper() for c in form]:
        return True
    letters = sum(c.isalpha() for c in form)
    return form.isupper() and letters >= 4 and is_word_case(word)
