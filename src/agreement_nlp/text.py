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


# Characters that change how a text is shown or joined but carry no letter: zero-width
# space, non-joiner, joiner and word joiner, byte-order mark, soft hyphen, and the
# bidirectional marks, embeddings, overrides and isolates.
INVISIBLE = frozenset(
    "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")
_BIDI_TABLE = dict.fromkeys(map(ord, BIDI_CONTROLS))


def visible(text: str) -> tuple[str, list[int] | None]:
    """The text without its invisible characters, and where each kept character was.

    ``where[i]`` is the offset in ``text`` of character ``i`` of the result, and
    ``where[len(result)] == len(text)``; ``None`` when nothing was removed (the common
    case, at the cost of one search).

    >>> visible("Ma\\u200bcky Sall")
    ('Macky Sall', [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    >>> visible("Macky Sall")
    ('Macky Sall', None)
    """
    if _INVISIBLE_RE.search(text) is None:
        return text, None
    where = [i for i, ch in enumerate(text) if ch not in INVISIBLE]
    where.append(len(text))
    return "".join(text[i] for i in where[:-1]), where


def original_span(where: list[int], start: int, end: int) -> tuple[int, int]:
    """A span of the visible text as a span of the original one (see :func:`visible`).

    >>> _, where = visible("Ma\\u200bcky Sall")
    >>> original_span(where, 0, 5)
    (0, 6)
    """
    if end <= start:
        return where[start], where[start]
    return where[start], where[end - 1] + 1


def without_bidi_controls(text: str) -> str:
    """The text with its bidirectional controls removed (safe to show in a cell)."""
    return text.translate(_BIDI_TABLE)
