"""Finding the places of an :class:`~.gazetteer_index.AliasIndex` in running text.

Text is scanned left to right and the longest form at each word wins, so
"Guinée équatoriale" is not "Guinée", and phrases such as "fleuve Niger" or
"Amérique latine" are masked. Compound adjectives ("russo-malienne",
"sino-africain") give one match per known part. A one-word city right after a
Capitalised word ("Mehmet Ali KAYA") is taken for a surname.

>>> from agreement_nlp.lexicon.gazetteer_data import Country
>>> from agreement_nlp.lexicon.gazetteer_index import build_index
>>> mali = Country("MLI", "Mali", (), ("malien", "malienne"), ("malo",), "Bamako", ())
>>> russia = Country("RUS", "Russie", (), ("russe",), ("russo",), "Moscou", ())
>>> index = build_index({"MLI": mali, "RUS": russia}, {})
>>> [(m.code, m.kind, m.text) for m in find_in_text(index, "la Commission russo-malienne")]
[('RUS', 'prefix', 'russo'), ('MLI', 'demonym', 'malienne')]
>>> [m.text for m in find_in_text(index, "Moscou et Bamako, pas Ali Bamako", 6)]
['Bamako']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from agreement_nlp.lexicon.gazetteer_forms import (
    BLOCK,
    CITY,
    DEMONYM,
    FUNCTION_WORDS,
    JOIN,
    PREFIX,
    WORD,
    Entry,
    accepts,
    fold_same_length,
    is_word_case,
)
from agreement_nlp.lexicon.gazetteer_index import AliasIndex

__all__ = ["PlaceMatch", "find_in_text"]

# Capitalised words that open sentences before a city ("Selon Moscou",
# "Entre Bamako et Niamey") and so are no first names.
_SENTENCE_OPENERS = FUNCTION_WORDS | {
    *("selon", "pour", "depuis", "entre", "avec", "vers", "sans", "sous", "sur", "chez"),
    *("contre", "apres", "avant", "malgre", "hier", "demain", "aujourd", "ou", "mais"),
    *("car", "quant", "cote", "via", "par", "des", "jusqu", "outre", "comme", "dont"),
    *("ainsi", "puis", "alors", "donc", "enfin", "ensuite", "lorsque", "quand", "si"),
    *("ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "votre"),
}


@dataclass(frozen=True)
class PlaceMatch:
    """A country or organisation mention; ``start``/``end`` index the original text.

    ``kind`` is one of ``country_name``, ``demonym``, ``prefix``, ``city`` or
    ``organisation``; ``code`` is an ISO alpha-3 code, or an organisation code
    when ``kind`` is ``organisation``.
    """

    code: str
    start: int
    end: int
    text: str
    kind: str


class _Scan:
    """One pass over ``text[start:end]``: its words, folded and as written, and the matches."""

    def __init__(self, index: AliasIndex, text: str, start: int, end: int) -> None:
        self.index = index
        self.text = text
        self.start = start
        self.chunk = text[start:end]
        self.folded = fold_same_length(self.chunk)
        self.spans = [(m.start(), m.end()) for m in WORD.finditer(self.folded)]
        self.words = [self.folded[s:e] for s, e in self.spans]
        self.out: list[PlaceMatch] = []

    def gap(self, i: int) -> str:
        """Separator between word ``i`` and word ``i + 1``."""
        return self.folded[self.spans[i][1] : self.spans[i + 1][0]]

    def written(self, i: int) -> str:
        """Word ``i`` as written in the text."""
        s, e = self.spans[i]
        return self.chunk[s:e]

    def emit(self, i: int, j: int, code: str, kind: str) -> None:
        s, e = self.start + self.spans[i][0], self.start + self.spans[j][1]
        self.out.append(PlaceMatch(code, s, e, self.text[s:e], kind))

    def match_at(self, i: int, kinds: Iterable[str] | None = None) -> tuple[int, Entry] | None:
        """Longest form starting at word ``i``: (number of words, entry)."""
        for n in self.index.lengths.get(self.words[i], ()):
            if i + n > len(self.words):
                continue
            entries = self.index.text.get(" ".join(self.words[i : i + n]))
            if not entries or any(not JOIN.fullmatch(self.gap(k)) for k in range(i, i + n - 1)):
                continue
            original = [self.chunk[s:e] for s, e in self.spans[i : i + n]]
            for entry in entries:
                if kinds is not None and entry.kind not in kinds:
                    continue
                if entry.kind == CITY and n == 1 and self.after_first_name(i):
                    continue
                if accepts(entry, original):
                    return n, entry
        return None

    def after_first_name(self, i: int) -> bool:
        """Whether word ``i`` follows a Capitalised word and one space.

        A one-word city there is far more often a surname: "Mehmet Ali
        KAYA", "Wang Gao". Country names are spared, being common in
        headlines such as "Partenariat Mali-Russie".
        """
        if i == 0 or self.gap(i - 1) != " ":
            return False
        before = self.written(i - 1)
        return (
            len(before) > 1
            and before[0].isupper()
            and before[1:].islower()
            and fold_same_length(before) not in _SENTENCE_OPENERS
        )

    def prefix_chain(self, i: int) -> list[int]:
        """The words from ``i`` on that are prefixes of a compound adjective.

        One or more prefixes, each followed by a bare hyphen, then a demonym
        or any other word. Not after a hyphen, so the "Malo" of
        "Saint-Malo-..." is no prefix.
        """
        chain: list[int] = []
        if i > 0 and self.gap(i - 1) == "-":
            return chain
        k = i
        while (
            k + 1 < len(self.words)
            and self.words[k] in self.index.prefixes
            and self.gap(k) == "-"
            and self.words[k + 1][0].isalpha()
            and is_word_case(self.written(k))
        ):
            chain.append(k)
            k += 1
        return chain

    def compound(self, i: int) -> int:
        """Emit the compound adjective at word ``i``, if any; the word to go on from."""
        chain = self.prefix_chain(i)
        if not chain:
            return i + 1
        for p in chain:
            self.emit(p, p, self.index.prefixes[self.words[p]], PREFIX)
        k = chain[-1] + 1
        tail = self.match_at(k, (DEMONYM,))
        if tail:
            self.emit(k, k + tail[0] - 1, tail[1].code, DEMONYM)
            return k + tail[0]
        return k

    def step(self, i: int) -> int:
        """Emit what starts at word ``i``; the word to go on from."""
        word = self.words[i]
        if word not in self.index.lengths and word not in self.index.prefixes:
            return i + 1
        found = self.match_at(i)
        if found:
            n, entry = found
            if entry.kind != BLOCK:
                self.emit(i, i + n - 1, entry.code, entry.kind)
            return i + n
        return self.compound(i)

    def run(self) -> list[PlaceMatch]:
        i = 0
        while i < len(self.words):
            i = self.step(i)
        return self.out


def find_in_text(
    index: AliasIndex, text: str, start: int = 0, end: int | None = None
) -> list[PlaceMatch]:
    """All non-overlapping mentions of ``index``'s forms in ``text[start:end]``, left to right.

    At each word the longest known form wins; compound adjectives give one
    match per known part.
    """
    return _Scan(index, text, start, len(text) if end is None else end).run()
