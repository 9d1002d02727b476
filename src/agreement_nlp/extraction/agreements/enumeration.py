"""Agreements told one by one after a count.

Signing reports often announce a number, then go through the texts in order:
"quatre textes ont été signés. Le premier, un accord-cadre ... Le troisième porte
sur la facilitation du transport routier." The items that carry no agreement word
of their own ("Le troisième porte sur ...", "Le premier accord, d'un montant de
..., est un financement de type mourabaha ...") are agreements all the same.

Pure functions on folded text: the vocabulary (count words, nouns that can be
counted, ordinals, the verbs that say what an item is about) comes from the
``enumeration`` section of ``resources/agreements.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_ITEMS_AFTER = 12  # sentences after the count where its items may be told


@dataclass(frozen=True)
class EnumerationVocabulary:
    count: re.Pattern[str]  # "quatre textes", "deux accords de financement"
    ordinal: re.Pattern[str]  # "le troisième", "enfin, le dernier texte"
    about: re.Pattern[str]  # "porte sur", "concerne", "est un"
    verbs: frozenset[str]  # words that may follow an item's ordinal ("a", "prevoit")


@dataclass(frozen=True)
class Count:
    start: int  # offset of the counted noun in the folded text
    end: int
    noun: str  # as folded: "textes", "accords de financement"


@dataclass(frozen=True)
class Item:
    start: int  # the ordinal phrase, offsets in the text given
    end: int
    about_start: int  # what the item is about, up to the first comma or bracket
    about_end: int
    relation: str  # the cue that introduced it, folded ("porte sur", "est un"); "" if none


def build_vocabulary(
    count_words: list[str],
    nouns: list[str],
    ordinals: list[str],
    about: list[str],
    verbs: list[str],
) -> EnumerationVocabulary:
    def alt(items: list[str]) -> str:
        return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))

    return EnumerationVocabulary(
        count=re.compile(rf"(?<![\w-])(?:{alt(count_words)}|\d+)\s+(?P<noun>(?:{alt(nouns)}))\b"),
        ordinal=re.compile(
            rf"^\W*(?:enfin\W+|puis\W+|ensuite\W+)?(?:le|la|l')\s*(?:{alt(ordinals)})\b"
            rf"(?:\s+(?:texte|document|instrument|accord|acte))?"
        ),
        about=re.compile(rf"(?<![\w-])(?:{alt(about)})(?![\w-])"),
        verbs=frozenset(verbs),
    )


def find_count(folded: str, vocab: EnumerationVocabulary) -> Count | None:
    """The first counted mention of texts in a folded sentence ("deux accords de ...")."""
    m = vocab.count.search(folded)
    if m is None:
        return None
    return Count(m.start("noun"), m.end("noun"), m.group("noun"))


def read_item(folded: str, vocab: EnumerationVocabulary) -> Item | None:
    """An item of an enumeration: a sentence opening with an ordinal.

    >>> from agreement_nlp.extraction.agreements.rules import default_rules
    >>> v = default_rules().enumeration
    >>> s = "le troisieme porte sur la facilitation du transport routier. cote ivoirien, il"
    >>> it = read_item(s, v)
    >>> s[it.about_start:it.about_end], it.relation
    ('la facilitation du transport routier', 'porte sur')
    >>> read_item("le premier ministre a signe", v) is None
    True
    """
    m = vocab.ordinal.match(folded)
    if m is None:
        return None
    rest = folded[m.end() :]
    # "le premier ministre", "la deuxieme edition": an ordinal that is an adjective
    # of another noun is no item.
    word = re.match(r"\s+([a-z]+)", rest)
    if word and word.group(1) not in vocab.verbs and not vocab.about.match(rest.lstrip()):
        return None
    cue = vocab.about.search(folded, m.end())
    if cue is None:
        return Item(m.start(), m.end(), m.end(), m.end(), "")
    start = cue.end()
    while start < len(folded) and folded[start] == " ":
        start += 1
    stop = len(folded)
    for mark in (".", ";", "(", ",", ":"):
        at = folded.find(mark, start)
        if 0 <= at < stop:
            stop = at
    end = stop
    while end > start and folded[end - 1] == " ":
        end -= 1
    return Item(m.start(), m.end(), start, end, cue.group(0))
