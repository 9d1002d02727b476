"""Sentences as the rules see them: lines, cut at sentence-final punctuation.

Press dumps put headings, captions and bylines on lines of their own, and the
parser's sentence boundaries are unreliable on them (a hyphen in
"l'accord-cadre" can start a sentence). A plain rule is steadier: a line
break ends a sentence, and so does ``.``, ``!``, ``?`` or ``…`` before a
capital, except after an abbreviation or an initial ("M.", "S.E.M.", "Sumer S. Barwal").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc

from agreement_nlp.text import fold

_ABBREVIATIONS = frozenset(
    {
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "pr",
        "me",
        "st",
        "ste",
        "sem",
        "se",
        "n",
        "no",
        "art",
        "av",
        "bd",
        "cf",
        "etc",
        "gal",
        "col",
        "cdt",
        "lt",
        "vol",
        "p",
        "pp",
        "ex",
        "min",
    }
)
_BOUNDARY = re.compile(r"[.!?…]+(?:\s*[»\"”)])*\s+(?=[«\"“(]?\s*[A-ZÀ-ÖØ-Þ0-9])")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    is_line: bool  # the segment is a whole line (a heading or a caption)


def split_sentences(text: str, end: int | None = None) -> list[Segment]:
    """Sentences of ``text[:end]`` as (start, end) offsets.

    >>> t = "Le ministre, M. Diop, a signé.\\nAccord sur la pêche\\nIl a été signé hier."
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Le ministre, M. Diop, a signé.', 'Accord sur la pêche', 'Il a été signé hier.']
    """
    limit = len(text) if end is None else end
    out: list[Segment] = []
    pos = 0
    while pos < limit:
        nl = text.find("\n", pos, limit)
        line_end = limit if nl < 0 else nl
        out.extend(_split_line(text, pos, line_end))
        pos = line_end + 1
    return out


def _split_line(text: str, start: int, end: int) -> list[Segment]:
    line = text[start:end]
    if not line.strip():
        return []
    cuts = [0]
    for m in _BOUNDARY.finditer(line):
        word = re.search(r"([\w.]+)[.!?…]*$", line[: m.start() + 1])
        token = word.group(1).rstrip(".").replace(".", "").lower() if word else ""
        if m.group(0)[0] == "." and (
            token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
        ):
            continue
        cuts.append(m.end())
    cuts.append(len(line))
    pieces = []
    for a, b in pairwise(cuts):
        raw = line[a:b]
        if raw.strip():
            s = start + a + len(raw) - len(raw.lstrip())
            e = start + b - (len(raw) - len(raw.rstrip()))
            pieces.append((s, e))
    whole = len(pieces) == 1
    return [Segment(s, e, whole) for s, e in pieces]


class Segments:
    def __init__(self, doc: Doc, end: int | None = None, text: str | None = None) -> None:
        # ``text``: the Doc's text when the caller has it (Doc.text is rebuilt on each access)
        text = doc.text if text is None else text
        self.items = split_sentences(text, end)
        self._starts = [x.start for x in self.items]
        self.text = text
        # the rules read each sentence many times: normalise and fold it once
        self._texts: dict[int, str] = {}
        self._folded: dict[int, str] = {}

    def index_of(self, offset: int) -> int:
        i = bisect_right(self._starts, offset) - 1
        return max(i, 0)

    def text_of(self, i: int) -> str:
        """Sentence ``i``, whitespace runs made single spaces."""
        if i not in self._texts:
            seg = self.items[i]
            self._texts[i] = " ".join(self.text[seg.start : seg.end].split())
        return self._texts[i]

    def folded_of(self, i: int) -> str:
        """:meth:`text_of`, accent- and case-folded."""
        if i not in self._folded:
            self._folded[i] = fold(self.text_of(i))
        return self._folded[i]

    def __len__(self) -> int:
        return len(self.items)
