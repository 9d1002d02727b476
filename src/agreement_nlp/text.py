"""Small pure helpers on text: accent and case folding, line iteration."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "‐": "-"})


class _FoldTable(dict[int, str]):
    """``str.translate`` table, filled on first sight of each character: the base
    letter of an accented one (NFD without combining marks), lower-cased."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        decomposed = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        out = (base[:1] if base else ch).lower()
        # Keep one character for one: offsets are shared with the original text.
        out = out if len(out) == 1 else ch
        self[cp] = out
        return out


_FOLD = _FoldTable({**_APOSTROPHES, **_DASHES})


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and dashes.

    Keeps the length unchanged, so offsets are shared between a text and its
    folded form.

    >>> fold("Ministère de l’Économie")
    "ministere de l'economie"
    """
    return text.translate(_FOLD)


def normalise_apostrophes(text: str) -> str:
    return text.translate(_APOSTROPHES)


def lines_with_offsets(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, line) for each line, ``end`` excluding the newline."""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        yield pos, pos + len(stripped), stripped
        pos += len(line)


_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of white space into one space and strip."""
    return _WS.sub(" ", text).strip()
