"""Person names: cleaning a raw mention and deciding when two mentions are one person.

Pure functions on strings, so that every rule can be tested without a model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rapidfuzz.fuzz import ratio

from agreement_nlp.resources import ResourceError, load_yaml
from agreement_nlp.text import fold

# Particles of family names, written in lower case inside a name ("Moussa Ag
# Acharatoumane", "Mohamed Ould Ghazouani", "Clémence de Souza").
NAME_PARTICLES = frozenset(
    {
        "de",
        "du",
        "des",
        "da",
        "dos",
        "van",
        "von",
        "der",
        "ben",
        "bin",
        "ibn",
        "ould",
        "ag",
        "el",
        "al",
    }
)
# Everything that carries no identity when comparing two names.
PARTICLES = NAME_PARTICLES | {"bint", "mint", "o", "d'", "le", "la", "di", "y"}
# Similarity (0-100) above which two spellings of a name part are the same:
# "Alousséni"/"Alousséini" (95), "Assiimi"/"Assimi" (92); "Diop"/"Diallo" stay apart.
SAME_TOKEN = 88.0

_TOKEN = re.compile(r"[^\s]+")


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a name, without particles and punctuation.

    >>> name_tokens("Mohamed Ould GHAZOUANI")
    ['mohamed', 'ghazouani']
    """
    out = []
    for raw in _TOKEN.findall(fold(name)):
        tok = raw.strip('.,;:()«»"')
        if tok and tok not in PARTICLES:
            out.append(tok)
    return out


@cache
def stopwords() -> frozenset[str]:
    """Words never part of a person's name (``resources/name_stopwords.yaml``)."""
    data = load_yaml("name_stopwords.yaml")
    words = data.get("words") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise ResourceError(
            "name_stopwords.yaml: expected a mapping with a 'words' list of strings"
        )
    return frozenset(fold(w) for w in words)


def looks_like_name(text: str) -> bool:
    """Capitalised words, with particles allowed in lower case inside; no institution words.

    >>> looks_like_name("Moussa Ag Acharatoumane"), looks_like_name("Président de la Transition")
    (True, False)
    >>> looks_like_name("du Fonds Souverain")
    False
    """
    words = text.split()
    if not words or len(words) > 7 or not words[0][:1].isupper():
        return False
    if any(fold(w.strip(".,;:()«»\"'’")) in stopwords() for w in words):
        return False
    capitalised = 0
    for w in words:
        core = w.strip(".,;:()«»\"'’")
        if not core:
            return False
        if core[0].isupper():
            capitalised += 1
        elif fold(core) not in PARTICLES and not fold(core).startswith(("d'", "l'")):
            return False
    return capitalised >= 1 and any(c.isalpha() for c in text)


def tokens_match(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and ratio(a, b) >= SAME_TOKEN)


def same_full_name(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two multi-word names of one person: same parts in order, spelling variants allowed,
    or one name the other with a middle name more ("Bassirou Diomaye Faye")."""
    if len(a) < 2 or len(b) < 2:
        return False
    if len(a) == len(b):
        return all(tokens_match(x, y) for x, y in zip(a, b, strict=True))
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if not (tokens_match(short[0], long_[0]) and tokens_match(short[-1], long_[-1])):
        return False
    rest = list(long_[1:-1])
    return all(any(tokens_match(t, r) for r in rest) for t in short[1:-1])


def part_of(short: Sequence[str], full: Sequence[str]) -> bool:
    """A short mention ("Diané", "Diomaye") that names a part of a full name."""
    return (
        bool(short)
        and len(short) < len(full)
        and all(any(tokens_match(s, f) for f in full) for s in short)
    )


_ROMAN = re.compile(r"[IVXLC]+")
_LOWER_PARTICLES = {"DE": "de", "DU": "du", "DES": "des"}
# Capitals that stay: legal forms and club prefixes ending the company and club names the
# model takes for persons ("Kankan Gold SA", "Al-Nour FC").
_KEEP_UPPER = frozenset(
    {"SA", "SAS", "SARL", "SPA", "LTD", "PLC", "LLC", "GMBH", "FC", "AS", "GIE"}
)


def _recased(word: str, letters: list[str]) -> bool:
    """An all-capitals word of a name to write the usual way (not an initial, a regnal
    number or a legal form)."""
    return (
        len(letters) >= 2
        and word.isupper()
        and not _ROMAN.fullmatch(word)
        and word.strip(".") not in _KEEP_UPPER
    )


def display_case(name: str) -> str:
    """``name`` with its words in capitals written the usual way, as a byline or a
    communiqué's "Oumar DIOP" is: the first letter of each part kept up. Initials, regnal
    numbers ("Mohammed VI") and legal forms ("Kankan Gold SA") stay as they are.

    >>> display_case("Oumar DIOP"), display_case("ALASSANE N'DIAYE"), display_case("Mohammed VI")
    ('Oumar Diop', "Alassane N'Diaye", 'Mohammed VI')
    >>> display_case("Mahamat Abdel-Aziz HAGGAR"), display_case("Amadou DE SOUZA")
    ('Mahamat Abdel-Aziz Haggar', 'Amadou de Souza')
    >>> display_case("Boromo Gold SA"), display_case("Amadou BA"), display_case("J. M. DIA")
    ('Boromo Gold SA', 'Amadou Ba', 'J. M. Dia')
    """
    words = name.split(" ")
    out = []
    for i, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        if i and word in _LOWER_PARTICLES and i < len(words) - 1:
            out.append(_LOWER_PARTICLES[word])
        elif _recased(word, letters):
            out.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word))
        else:
            out.append(word)
    return " ".join(out)


def best_surface(surfaces: Sequence[str]) -> str:
    """The name to show: the most frequent full form (two words or more besides particles:
    "Ibrahim Ag MOHAMED" over "Ag Mohamed"), then the longest, then the first.
    Mixed case wins over ALL CAPS between equals ("Alassane Souleymane")."""
    counts: dict[str, int] = {}
    for s in surfaces:
        counts[s] = counts.get(s, 0) + 1

    def key(item: tuple[int, str]) -> tuple[bool, int, int, int, int]:
        idx, s = item
        shouting = sum(1 for w in s.split() if len(w) > 1 and w.isupper())
        return (len(name_tokens(s)) >= 2, counts[s], -shouting, len(name_tokens(s)), -idx)

    return max(enumerate(surfaces), key=key)[1]
