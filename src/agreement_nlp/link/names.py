"""Person names and ministries compared across articles: pure functions.

Two rows of different articles are the same person when their names are two spellings of one
full name ("Amadou Diop" / "Amadou DIOP" / "A. Diop" / "Abdoulaye Maiga" / "Mohamed Ould Sidi
Mohamed"), and no evidence says otherwise (two countries). A surname alone ("le ministre
Diop") is never enough: it joins a person only through the office it comes with.
"""

from __future__ import annotations

import re

from rapidfuzz.fuzz import ratio

from agreement_nlp.lexicon.names import best_surface, name_tokens, same_full_name, tokens_match
from agreement_nlp.text import fold

__all__ = [
    "best_surface",
    "compatible_names",
    "key_tokens",
    "ministry_key",
    "same_ministry",
    "skeleton",
    "slug",
]

_EXTRA_FOLD = str.maketrans({"ı": "i", "-": " ", "‐": " "})
_VOWELS = re.compile(r"[aeiouy]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_MINISTRY_STOP = frozenset(
    [
        "ministere",
        "ministre",
        "ministres",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l'",
        "d'",
        "et",
        "en",
        "charge",
        "chargee",
        "charge",
        "aupres",
        "auprès",
    ]
)


def key_tokens(name: str) -> tuple[str, ...]:
    """Folded name parts, hyphens split, particles dropped.

    >>> key_tokens("Kofi Mensah-Boateng"), key_tokens("Mehmet Yıldız")
    (('kofi', 'mensah', 'boateng'), ('mehmet', 'yildiz'))
    """
    return tuple(name_tokens(name.translate(_EXTRA_FOLD)))


def skeleton(token: str) -> str:
    """The consonants of a name part, for blocking: spelling variants share it.

    >>> skeleton("semionov"), skeleton("semenov"), skeleton("maiga")
    ('smnv', 'smnv', 'mg')
    """
    out = _VOWELS.sub("", token)
    return re.sub(r"(.)\1+", r"\1", out) or token


def _part_match(a: str, b: str) -> bool:
    """Two name parts alike, an initial ("a" of "A. Diop") matching its name."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return tokens_match(a, b)


def compatible_names(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How surely two full names (two parts or more) are one person's: 1.0 the same parts,
    0.9 spelling variants, an initial, a middle name more or a patronym added; 0 otherwise.

    >>> compatible_names(("amadou", "diop"), ("a", "diop")), compatible_names(("amadou", "diop"), ("fatou", "diop"))
    (0.9, 0.0)
    """
    if len(a) < 2 or len(b) < 2:
        return 0.0
    if a == b:
        return 1.0
    if len(a) == len(b) and all(_part_match(x, y) for x, y in zip(a, b, strict=True)):
        return 0.9
    if same_full_name(a, b):
        return 0.9
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if all(_part_match(x, y) for x, y in zip(short, long_[: len(short)], strict=True)):
        return 0.9  # "Mohamed Ould Sidi" / "Mohamed Ould Sidi Mohamed"
    if len(a) == len(b) and a[:-1] == b[:-1] and _transliterated(a[-1], b[-1]):
        return 0.85  # "Igor Semionov" / "Igor Semenov"
    return 0.0


def _transliterated(a: str, b: str) -> bool:
    """Two spellings of one long surname: the same consonants, most letters in common.

    >>> _transliterated("semionov", "semenov"), _transliterated("sall", "sell")
    (True, False)
    """
    return min(len(a), len(b)) >= 6 and skeleton(a) == skeleton(b) and ratio(a, b) >= 75


def ministry_key(name: str | None) -> frozenset[str]:
    """The content words of a ministry's name.

    >>> sorted(ministry_key("Ministère des Finances et du Budget"))
    ['budget', 'finances']
    """
    if not name:
        return frozenset()
    words = fold(name).replace("'", "' ").split()
    return frozenset(w.strip(",.;") for w in words if w not in _MINISTRY_STOP and len(w) > 1)


def same_ministry(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two ministries alike: one's words all in the other's ("des Finances" / "des Finances
    et du Budget")."""
    return bool(a) and bool(b) and (a <= b or b <= a)


def slug(name: str) -> str:
    """A readable key: ``"Amadou DIOP"`` -> ``"amadou-diop"``."""
    return _NOT_ALNUM.sub("-", fold(name.translate(_EXTRA_FOLD))).strip("-") or "person"
