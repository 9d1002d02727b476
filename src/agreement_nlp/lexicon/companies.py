"""Companies and groups an article introduces by a noun: "la société EXCAF Télécom",
"le groupe Wagner", "l'entreprise Tiguidit Resources SA".

A company party of an agreement is rarely in a gazetteer; the press introduces it
once with such a noun and may later name it alone ("un accord avec Wagner"). The
nouns and the legal forms dropped from the name come from ``resources/agreements.yaml``
(``companies``).
"""

from __future__ import annotations

import re
from functools import cache

from agreement_nlp.text import fold

# a capitalised word, an acronym or "&" inside a name ("EXCAF Télécom", "Kankan Gold SA")
_WORD = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-Ý0-9][\w&'’-]*|&)"
# "Air Côte d'Ivoire", "Banque de l'Habitat": a lower-case link inside a name
_LINK = r"[ \t]+(?:(?:de|du|des|de la)[ \t]+|d['’]|de l['’])?"
_NAME = re.compile(rf"[ \t]+({_WORD}(?:{_LINK}{_WORD})*)")


@cache
def _nouns(nouns: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(fold(n)) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:la|le|l'|une|un)\s*(?:{alts})(?=[ \t])")


def named_companies(
    text: str, nouns: tuple[str, ...], legal_forms: frozenset[str]
) -> list[tuple[int, int, str]]:
    """(start, end, name) of each company introduced by one of ``nouns`` (folded).

    >>> named_companies("liant l'État à la société EXCAF Télécom SA.", ("societe",),
    ...                 frozenset({"sa"}))
    [(26, 39, 'EXCAF Télécom')]
    >>> named_companies("la société civile", ("societe",), frozenset())
    []
    >>> named_companies("le groupe Wagner. Selon lui", ("groupe",), frozenset())
    [(10, 16, 'Wagner')]
    """
    out = []
    for m in _nouns(nouns).finditer(fold(text)):
        name_m = _NAME.match(text, m.end())
        if name_m is None:
            continue
        name = without_legal_form(name_m.group(1), legal_forms)
        if name:
            out.append((name_m.start(1), name_m.start(1) + len(name), name))
    return out


def without_legal_form(name: str, legal_forms: frozenset[str]) -> str:
    """The name without the legal forms at its end.

    >>> without_legal_form("Kankan Gold S.A.", frozenset({"s.a", "sa"}))
    'Kankan Gold'
    """
    words = name.split()
    while words and fold(words[-1]).strip(".") in legal_forms:
        words.pop()
    return " ".join(words).rstrip(".,")
